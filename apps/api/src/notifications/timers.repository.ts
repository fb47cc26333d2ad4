import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type TimerKind =
  | 'ap-reminder'
  | 'ap-overdue'
  // The chain (issue 17): the 24 hours to inform partners (on the reporter's incident), and an informed partner's
  // acknowledgement (on its linked incident). chain-timers.ts decides at firing whether there is still something to say.
  | 'partner-inform-reminder'
  | 'partner-inform-overdue'
  | 'partner-ack-reminder'
  | 'partner-ack-escalation';

/** The AP deadline's own timers: the only ones an incident change arms, moves or cancels (notification-planner.ts). */
const AP_TIMER_KINDS = ['ap-reminder', 'ap-overdue'];
/** Escalations go out even when first planned after their moment; reminders then are skipped. */
const ALWAYS_FIRED = new Set<TimerKind>(['ap-overdue', 'partner-inform-overdue', 'partner-ack-escalation']);

/** What a timer's mail needs, kept current by every change of the incident. */
export interface TimerPayload {
  organisationName: string;
  reference: string;
  exercise: boolean;
  deadline: string;
  portalUrl: string;
  /** The reporter said other organisations' data may be involved: HINQ hears of an overdue deadline too. */
  chain: boolean;
  /** Chain timers: the chain incident and, for acknowledgement timers, the partner notification and partner's name. */
  chainIncidentId?: string;
  partnerNotificationId?: string;
  partnerName?: string;
}

export interface DueTimer {
  id: string;
  organisationId: string;
  incidentId: string;
  kind: TimerKind;
  pointPermille: number;
  dueAt: Date;
  payload: TimerPayload;
}

export interface PlannedTimer {
  kind: TimerKind;
  pointPermille: number;
  dueAt: Date;
}

/** The deadline engine's storage: one row per incident deadline point. */
@Injectable()
export class TimersRepository {
  /**
   * Arms (or moves) an incident's timers in the caller's transaction. A new point already past when it is first
   * planned is `skipped` (the report's own mail states the deadline; a burst of "50 % elapsed" mails for a breach
   * discovered days ago says nothing) — except the overdue escalation, which always goes out. A moved deadline moves
   * pending timers; a timer cancelled earlier (incident closed, AP notified) is armed again only for a future point.
   */
  async arm(
    manager: EntityManager,
    organisationId: string,
    incidentId: string,
    timers: readonly PlannedTimer[],
    payload: TimerPayload,
    now: Date,
  ): Promise<void> {
    for (const timer of timers) {
      const fresh = ALWAYS_FIRED.has(timer.kind) || timer.dueAt.getTime() > now.getTime() ? 'pending' : 'skipped';
      await manager.query(
        `INSERT INTO notification_timers (organisation_id, incident_id, kind, point_permille, due_at, status, payload)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (incident_id, kind, point_permille) DO UPDATE
           SET due_at = EXCLUDED.due_at, payload = EXCLUDED.payload,
               status = CASE WHEN notification_timers.status = 'cancelled'
                              AND (EXCLUDED.due_at > $8 OR notification_timers.kind = 'ap-overdue')
                             THEN 'pending' ELSE notification_timers.status END`,
        [organisationId, incidentId, timer.kind, timer.pointPermille, timer.dueAt, fresh, payload, now],
      );
    }
  }

  /**
   * Cancels the AP deadline's pending timers (incident closed, AP notified, notification not needed). The chain's
   * timers on the same incident are not the AP's: a reporter that notified the AP must still inform its partners.
   */
  async cancel(manager: EntityManager, organisationId: string, incidentId: string): Promise<void> {
    await manager.query(
      `UPDATE notification_timers SET status = 'cancelled'
        WHERE organisation_id = $1 AND incident_id = $2 AND status = 'pending' AND kind = ANY ($3)`,
      [organisationId, incidentId, AP_TIMER_KINDS],
    );
  }

  /** Claims due timers across organisations (worker transaction); SKIP LOCKED keeps two instances apart. */
  async claimDue(manager: EntityManager, now: Date, limit: number): Promise<DueTimer[]> {
    return manager.query(
      `SELECT id::text AS id, organisation_id::text AS "organisationId", incident_id::text AS "incidentId", kind,
              point_permille AS "pointPermille", due_at AS "dueAt", payload
         FROM notification_timers WHERE status = 'pending' AND due_at <= $1
        ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  async markFired(manager: EntityManager, id: string, now: Date, lateMs: number): Promise<void> {
    await manager.query(`UPDATE notification_timers SET status = 'fired', fired_at = $2, late_ms = $3 WHERE id = $1`, [
      id,
      now,
      lateMs,
    ]);
  }
}
