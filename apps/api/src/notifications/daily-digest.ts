import type { DataSource, EntityManager } from 'typeorm';
import { formatIncidentReference, type Clock } from '@babyconnect/domain';
import type { NotificationPayload } from '@babyconnect/notifications';
import type { NotificationMetrics } from './notification-metrics';
import type { NotificationSettings } from './notification-settings';
import type { OutboxRepository } from './outbox.repository';
import { asNotificationWorker } from './worker-transaction';

export interface DailyDigestDeps {
  dataSource: DataSource;
  clock: Clock;
  settings: NotificationSettings;
  outbox: OutboxRepository;
  metrics?: NotificationMetrics;
}

interface DueDigest {
  user_id: string;
  email: string;
  locale: 'nl' | 'en';
  organisation_id: string;
  organisation_name: string;
}

const AMSTERDAM = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The Amsterdam calendar day (YYYY-MM-DD) and hour of an instant: the digest's "once a day" is a Dutch day. */
export function amsterdamDayAndHour(instant: Date): { day: string; hour: number } {
  const parts = Object.fromEntries(AMSTERDAM.formatToParts(instant).map((p) => [p.type, p.value]));
  return { day: `${parts['year']}-${parts['month']}-${parts['day']}`, hour: Number(parts['hour']) };
}

export function digestKey(userId: string, organisationId: string, day: string): string {
  return `digest:${userId}:${organisationId}:${day}`;
}

/**
 * The FG's optional daily digest: from `digestHour` (Europe/Amsterdam) on, each person who turned it on and holds
 * the FG role somewhere gets one mail per organisation with its open breaches (reference and AP deadline). Durable
 * like the reminders: it is an outbox row whose idempotency key names person, organisation and day, enqueued by
 * whichever instance gets there first — so never twice, and after downtime it still goes out that day (not for a day
 * that has passed: yesterday's overview is no use). An organisation without open breaches sends none.
 */
export class DailyDigest {
  constructor(private readonly deps: DailyDigestDeps) {}

  /** One round; returns how many digests it enqueued. */
  async run(): Promise<number> {
    const { dataSource, clock, settings } = this.deps;
    const now = clock.now();
    const { day, hour } = amsterdamDayAndHour(now);
    if (hour < settings.digestHour) return 0;
    const due = await asNotificationWorker(dataSource, (m) => this.due(m, day));
    let enqueued = 0;
    for (const digest of due) enqueued += await this.enqueue(digest, day, now);
    return enqueued;
  }

  private async due(manager: EntityManager, day: string): Promise<DueDigest[]> {
    return manager.query(
      `SELECT u.id::text AS user_id, u.email, s.locale, o.id::text AS organisation_id, o.name AS organisation_name
         FROM user_notification_settings s
         JOIN users u ON u.id = s.user_id
         JOIN user_organisation_roles r ON r.user_id = s.user_id AND 'dpo' = ANY (r.roles)
         JOIN organisations o ON o.id = r.organisation_id
        WHERE s.daily_digest AND u.email IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM notification_outbox x
                           WHERE x.idempotency_key = 'digest:' || u.id || ':' || o.id || ':' || $1)
        ORDER BY u.id, o.id`,
      [day],
    );
  }

  /** In the organisation's own tenant transaction: its incidents are read, and its outbox row written, under RLS. */
  private async enqueue(digest: DueDigest, day: string, now: Date): Promise<number> {
    const { dataSource, settings, outbox, metrics } = this.deps;
    return dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [digest.organisation_id]);
      const open: { year: number; number: number; deadline: Date; exercise: boolean }[] = await manager.query(
        `SELECT year, number, ap_deadline AS deadline, exercise
           FROM incidents WHERE organisation_id = $1 AND stage <> 'closed' ORDER BY ap_deadline, year, number LIMIT 500`,
        [digest.organisation_id],
      );
      if (open.length === 0) return 0;
      const payload: NotificationPayload = {
        event: 'daily-digest',
        incidentId: '',
        organisationName: digest.organisation_name,
        reference: `digest-${day}`,
        exercise: false,
        deadline: now.toISOString(),
        portalUrl: `${settings.portalBaseUrl}/meldingen`,
        openIncidents: open.map((i) => ({
          reference: formatIncidentReference(i.year, i.number),
          deadline: new Date(i.deadline).toISOString(),
          exercise: i.exercise,
        })),
      };
      const counts = await outbox.enqueue(manager, {
        organisationId: digest.organisation_id,
        incidentId: null,
        cause: `digest:${day}`,
        idempotencyKey: digestKey(digest.user_id, digest.organisation_id, day),
        payload,
        recipients: [{ role: 'dpo', address: digest.email, userId: digest.user_id, locale: digest.locale }],
        now,
      });
      metrics?.enqueued(payload.event, counts);
      return counts.queued;
    });
  }
}
