import { fixedClock, systemClock } from '@babyconnect/domain';
import { Metrics } from '../src/metrics/metrics';
import { AppClock } from '../src/time/app-clock';
import { gql } from './support/gql';
import { report } from './support/incidents';
import { eventually, SmtpSink } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// Two API instances on one database, both running their deadline timers and delivery workers (as production may run
// several): many reminders fall due at the same moment, and each fires once — none twice, none missed. The timers'
// own count (each instance's lateness histogram counts the timers it fired) is checked, not only the mails: the
// outbox's idempotency key would hide a second firing from the mailbox.
jest.setTimeout(180_000);

const DISCOVERED = '2026-03-02T08:00:00.000Z';
const HOUR = 3600_000;
const INCIDENTS = 40;
const POINTS = 4; // 50, 75, 90 and 100 % of the 72 hours

describe('notifications: two API instances on one database', () => {
  const sink = new SmtpSink();
  const clock = fixedClock(DISCOVERED);
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    await sink.start();
    const env = { SMTP_URL: sink.url, NOTIFY_POLL_MS: '100', NOTIFY_ESCALATION_DELAY_MINUTES: '600' };
    a = await startTestApp(env);
    b = await startTestApp(env, a.db);
    for (const t of [a, b]) t.app.get(AppClock).use(clock);
    for (const user of ['wieg-fg', 'wieg-privacy']) {
      await gql(a.http, { token: await tokenFor(user), query: '{ me { user { id } } }' });
    }
  });
  afterAll(async () => {
    for (const t of [a, b]) t?.app.get(AppClock).use(systemClock);
    await b?.close();
    await a?.close();
    await sink.stop();
  });

  async function firedBy(t: TestApp): Promise<number> {
    const metric = await t.app.get(Metrics).registry.getSingleMetric('babyconnect_reminder_lateness_seconds')!.get();
    return metric.values
      .filter((v) => (v as { metricName?: string }).metricName?.endsWith('_count'))
      .reduce((sum, v) => sum + v.value, 0);
  }

  it(`${INCIDENTS * POINTS} reminders due at once: each fired by exactly one instance, each mail sent once`, async () => {
    const ids: string[] = [];
    for (let i = 0; i < INCIDENTS; i++) {
      const via = i % 2 === 0 ? a : b;
      ids.push((await report(via.http, 'wieg-medewerker', { discoveredAt: DISCOVERED })).id);
    }
    const pending = await a.db.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification_timers
        WHERE incident_id = ANY ($1::uuid[]) AND kind = 'ap-reminder' AND status = 'pending'`,
      [ids],
    );
    expect(pending[0]!.n).toBe(INCIDENTS * POINTS);

    // Both instances were stopped from 0 h to 72 h: every reminder point falls due in the same poll.
    clock.set(new Date(Date.parse(DISCOVERED) + 72 * HOUR));
    await eventually(
      async () => {
        const [state] = await a.db.sql<{ fired: number; sent: number; other: number }>(
          `SELECT (SELECT count(*)::int FROM notification_timers
                    WHERE incident_id = ANY ($1::uuid[]) AND kind = 'ap-reminder' AND status = 'fired') AS fired,
                  (SELECT count(*)::int FROM notification_outbox
                    WHERE incident_id = ANY ($1::uuid[]) AND event = 'deadline-reminder' AND status = 'sent') AS sent,
                  (SELECT count(*)::int FROM notification_outbox
                    WHERE incident_id = ANY ($1::uuid[]) AND status <> 'sent') AS other`,
          [ids],
        );
        expect(state).toEqual({ fired: INCIDENTS * POINTS, sent: 2 * INCIDENTS * POINTS, other: 0 });
      },
      120_000,
      200,
    );

    const [fromA, fromB] = [await firedBy(a), await firedBy(b)];
    // Together exactly once per timer; both took part (the round of 100 left the rest to the other instance).
    expect(fromA + fromB).toBe(INCIDENTS * POINTS);
    expect(fromA).toBeGreaterThan(0);
    expect(fromB).toBeGreaterThan(0);

    const reminders = sink.received.filter(
      (m) => m.subject.startsWith('Herinnering') && ids.some((id) => m.mail.text?.includes(id)),
    );
    expect(reminders).toHaveLength(2 * INCIDENTS * POINTS);
    expect(new Set(reminders.map((m) => m.messageId)).size).toBe(2 * INCIDENTS * POINTS);
    expect(new Set(reminders.map((m) => `${m.to.join()}|${m.subject}`)).size).toBe(2 * INCIDENTS * POINTS);
  });
});
