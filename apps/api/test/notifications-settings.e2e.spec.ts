import { DataSource } from 'typeorm';
import { fixedClock, systemClock } from '@babyconnect/domain';
import { DailyDigest } from '../src/notifications/daily-digest';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from '../src/notifications/notification-settings';
import { OutboxRepository } from '../src/notifications/outbox.repository';
import { AppClock } from '../src/time/app-clock';
import { gql } from './support/gql';
import { report } from './support/incidents';
import { eventually, SmtpSink } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// Per-person settings (issue 16 item 2): what each person can see of the mails they get, the language of their mails,
// and the FG's optional daily digest — sent once per person and Amsterdam day from NOTIFY_DIGEST_HOUR, durable and
// never twice. Real SMTP server, the API's own workers, a controlled clock.
jest.setTimeout(120_000);

const SETTINGS = `{ myNotificationSettings { address locale dailyDigest dailyDigestAvailable digestHour
  subscriptions { organisationName organisationKind role events chainOnly } } }`;
const UPDATE = `mutation($input: MyNotificationSettingsInput!) { updateMyNotificationSettings(input: $input) {
  locale dailyDigest dailyDigestAvailable } }`;
const FG = 'wieg-fg@example.org';
const OFFICER = 'wieg-privacy@example.org';
// 06:30 in Amsterdam (CET) on Tuesday 3 March 2026.
const BEFORE_HOUR = '2026-03-03T05:30:00.000Z';

interface Settings {
  address: string | null;
  locale: string;
  dailyDigest: boolean;
  dailyDigestAvailable: boolean;
  digestHour: number;
  subscriptions: { organisationName: string; organisationKind: string; role: string; events: string[] }[];
}

describe('notifications: per-person settings, language and the daily digest', () => {
  const sink = new SmtpSink();
  const clock = fixedClock(BEFORE_HOUR);
  let t: TestApp;

  const settingsOf = async (user: string) =>
    (await gql<{ myNotificationSettings: Settings }>(t.http, { token: await tokenFor(user), query: SETTINGS })).data!
      .myNotificationSettings;
  const update = async (user: string, input: Record<string, unknown>) =>
    gql<{ updateMyNotificationSettings: Settings }>(t.http, {
      token: await tokenFor(user),
      query: UPDATE,
      variables: { input },
    });
  const digests = (address: string) => sink.to(address).filter((m) => /^(Dagoverzicht|Daily)/.test(m.subject));

  beforeAll(async () => {
    await sink.start();
    t = await startTestApp({ SMTP_URL: sink.url, NOTIFY_POLL_MS: '100', NOTIFY_DIGEST_HOUR: '7' });
    t.app.get(AppClock).use(clock);
    for (const user of ['wieg-fg', 'wieg-privacy', 'hinq-coordinator']) {
      await gql(t.http, { token: await tokenFor(user), query: '{ me { user { id } } }' });
    }
  });
  afterAll(async () => {
    t.app.get(AppClock).use(systemClock);
    await t.close();
    await sink.stop();
  });

  it('shows each person which mails reach them, per organisation and role, at which address', async () => {
    // Dutch and no digest, set here: the other tests of this file change both, in any order.
    await update('wieg-fg', { locale: 'NL', dailyDigest: false });
    expect(await settingsOf('wieg-fg')).toEqual({
      address: FG,
      locale: 'NL',
      dailyDigest: false,
      dailyDigestAvailable: true,
      digestHour: 7,
      subscriptions: [
        {
          organisationName: 'Verloskundigenpraktijk De Wieg',
          organisationKind: 'MIDWIFERY_PRACTICE',
          role: 'dpo',
          events: ['BREACH_REPORTED', 'DECISION_RECORDED', 'DEADLINE_REMINDER', 'DEADLINE_OVERDUE'],
          chainOnly: false,
        },
      ],
    });
    expect((await settingsOf('wieg-privacy')).subscriptions.map((s) => [s.role, s.events])).toEqual([
      ['privacy-officer', ['BREACH_REPORTED', 'DEADLINE_REMINDER', 'DEADLINE_OVERDUE']],
    ]);
    expect((await settingsOf('hinq-coordinator')).subscriptions.map((s) => [s.role, s.events])).toEqual([
      ['hinq-coordinator', ['OTHER_ORGANISATIONS_INVOLVED', 'DEADLINE_OVERDUE']],
    ]);
    // An employee gets no breach mail; the digest is for FGs only.
    expect(await settingsOf('wieg-medewerker')).toMatchObject({ subscriptions: [], dailyDigestAvailable: false });
    const refused = await update('wieg-privacy', { dailyDigest: true });
    expect(refused.data!.updateMyNotificationSettings).toMatchObject({
      dailyDigest: false,
      dailyDigestAvailable: false,
    });
  });

  it('mails each person in their own language: the FG chose English, the privacy officer kept Dutch', async () => {
    expect((await update('wieg-fg', { locale: 'EN' })).data!.updateMyNotificationSettings.locale).toBe('EN');
    const incident = await report(t.http, 'wieg-medewerker', { discoveredAt: BEFORE_HOUR });
    await eventually(() => {
      expect(sink.to(FG).filter((m) => m.subject.includes(incident.reference))).toHaveLength(1);
      expect(sink.to(OFFICER).filter((m) => m.subject.includes(incident.reference))).toHaveLength(1);
    });
    expect(sink.to(FG).find((m) => m.subject.includes(incident.reference))!.subject).toMatch(
      /^New data breach report /,
    );
    expect(sink.to(OFFICER).find((m) => m.subject.includes(incident.reference))!.subject).toMatch(
      /^Nieuwe datalekmelding /,
    );
    // Leaving the language out keeps it.
    expect((await update('wieg-fg', { dailyDigest: false })).data!.updateMyNotificationSettings.locale).toBe('EN');
  });

  it('sends the FG who opted in one digest per Amsterdam day from the configured hour, never twice', async () => {
    const open = [
      await report(t.http, 'wieg-medewerker', { discoveredAt: BEFORE_HOUR }),
      await report(t.http, 'wieg-medewerker', { discoveredAt: BEFORE_HOUR, exercise: true }),
    ];
    // English, set here: the language test may run before or after this one (random order).
    const mine = (await update('wieg-fg', { dailyDigest: true, locale: 'EN' })).data!.updateMyNotificationSettings;
    expect(mine).toMatchObject({ dailyDigest: true, locale: 'EN' });
    // 06:30: before the hour, nothing.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(digests(FG)).toHaveLength(0);

    clock.set('2026-03-03T06:00:05.000Z'); // 07:00:05 CET
    await eventually(() => expect(digests(FG)).toHaveLength(1));
    const digest = digests(FG)[0]!;
    expect(digest.subject).toMatch(/^Daily data breach digest – Verloskundigenpraktijk De Wieg: \d+ open$/);
    for (const incident of open) expect(digest.mail.text).toContain(incident.reference);
    expect(digest.mail.text).toContain(`${open[1]!.reference} (EXERCISE)`);
    expect(digest.mail.text).not.toContain('verkeerde gynaecoloog'); // never the free text
    // Only the FG who asked for it.
    expect(digests(OFFICER)).toHaveLength(0);

    // Later the same day (every minute a round runs): still one.
    for (const at of ['2026-03-03T09:00:00.000Z', '2026-03-03T22:59:00.000Z']) {
      clock.set(at);
      await new Promise((resolve) => setTimeout(resolve, 600));
    }
    expect(digests(FG)).toHaveLength(1);

    // Two rounds at once on another day, as two instances would: one digest.
    const settings = t.app.get<NotificationSettings>(NOTIFICATION_SETTINGS);
    const nextDay = fixedClock('2026-03-04T06:30:00.000Z');
    const run = () =>
      new DailyDigest({
        dataSource: t.app.get(DataSource),
        clock: nextDay,
        settings,
        outbox: new OutboxRepository(),
      }).run();
    const [first, second] = await Promise.all([run(), run()]);
    expect(first + second).toBe(1);
    clock.set('2026-03-04T06:30:00.000Z');
    await eventually(() => expect(digests(FG)).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(digests(FG)).toHaveLength(2);
    const keys = await t.db.sql<{ idempotency_key: string; status: string }>(
      `SELECT idempotency_key, status FROM notification_outbox WHERE event = 'daily-digest' ORDER BY created_at`,
    );
    expect(keys.map((k) => [k.idempotency_key.replace(/digest:[^:]+:[^:]+:/, ''), k.status])).toEqual([
      ['2026-03-03', 'sent'],
      ['2026-03-04', 'sent'],
    ]);

    // Turned off: no digest the day after.
    await update('wieg-fg', { dailyDigest: false });
    clock.set('2026-03-05T07:30:00.000Z');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(digests(FG)).toHaveLength(2);
  });
});
