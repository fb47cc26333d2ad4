import { fixedClock, systemClock } from '@babyconnect/domain';
import { Tenancy } from '../src/database/tenancy';
import { IncidentsRepository } from '../src/incidents/incidents.repository';
import { NotificationPlanner } from '../src/notifications/notification-planner';
import { AppClock } from '../src/time/app-clock';
import { gql, ORG } from './support/gql';
import { ok, report, step, withInput } from './support/incidents';
import { eventually, SmtpSink } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// The end-to-end path of issue 16: a breach reported through GraphQL, the FG's mail read from a real SMTP server, and
// the 72-hour reminders at 36 h, 54 h, 64.8 h and 72 h — each exactly once — with the API's own clock stood still
// and moved on. The API's own workers deliver (NOTIFY_POLL_MS=100).
jest.setTimeout(90_000);

const DISCOVERED = '2026-10-23T21:40:00.000Z'; // 23:40 CEST; summer time ends that Sunday
const HOUR = 3600_000;
const FG = 'wieg-fg@example.org';
const OFFICER = 'wieg-privacy@example.org';

const HISTORY = `query($id: ID!) { incidentNotifications(incidentId: $id) {
  event recipientRole recipientAddress status attempts sentAt lastFailure { reason } } }`;

describe('notifications: report → mail → reminders, end to end with a controlled clock', () => {
  const sink = new SmtpSink();
  let t: TestApp;
  const clock = fixedClock(DISCOVERED);

  beforeAll(async () => {
    await sink.start();
    t = await startTestApp({
      SMTP_URL: sink.url,
      NOTIFY_POLL_MS: '100',
      PORTAL_BASE_URL: 'https://datalek.example.org',
    });
    t.app.get(AppClock).use(clock);
    // Roles reach the API at sign-in: the FG and the privacy officer have signed in once.
    for (const user of ['wieg-fg', 'wieg-privacy']) {
      await gql(t.http, { token: await tokenFor(user), query: '{ me { user { id } } }' });
    }
  });
  afterAll(async () => {
    t.app.get(AppClock).use(systemClock);
    await t.close();
    await sink.stop();
  });

  /** Waits one more poll round after `expected` mails arrived, to see that none follows. */
  async function exactly(address: string, match: RegExp, expected: number) {
    await eventually(() => expect(sink.to(address).filter((m) => match.test(m.subject))).toHaveLength(expected));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sink.to(address).filter((m) => match.test(m.subject))).toHaveLength(expected);
  }

  it('mails the FG and privacy officer at once, and reminds them at 50, 75, 90 and 100 % of the 72 hours', async () => {
    clock.set(DISCOVERED); // the other tests of this file move the clock, in any order
    const whatHappened = 'Verslag van mevrouw Jansen naar de verkeerde gynaecoloog gemaild.';
    const incident = await report(t.http, 'wieg-medewerker', { discoveredAt: DISCOVERED, whatHappened });

    // This incident's mails only: the sink also holds the other tests' mails.
    const reported = new RegExp(`^Nieuwe datalekmelding ${incident.reference} `);
    await exactly(FG, reported, 1);
    await exactly(OFFICER, reported, 1);
    const mail = sink.to(FG).find((m) => reported.test(m.subject))!;
    expect(mail.subject).toBe(`Nieuwe datalekmelding ${incident.reference} – Verloskundigenpraktijk De Wieg`);
    expect(mail.mail.text).toContain('maandag 26 oktober 2026 om 22:40 CET');
    expect(mail.mail.text).toContain(`https://datalek.example.org/meldingen/${incident.id}`);
    // Never the incident's free text.
    expect(mail.mail.text).not.toContain('Jansen');
    expect(mail.mail.html).not.toContain('Jansen');
    expect(mail.mail.attachments.map((a) => a.filename)).toEqual([`termijn-ap-${incident.reference}.ics`]);
    expect(mail.mail.headers.get('x-babyconnect-reference')).toBe(incident.reference);

    for (const [hours, percent] of [
      [36, 50],
      [54, 75],
      [64.8, 90],
      [72, 100],
    ] as const) {
      clock.set(new Date(Date.parse(DISCOVERED) + hours * HOUR));
      const subject = new RegExp(`^Herinnering: ${percent}% van de 72 uur verstreken voor ${incident.reference}`);
      await exactly(FG, subject, 1);
      await exactly(OFFICER, subject, 1);
    }
    // None of them was late: each fired within a poll of its due time.
    const late = await t.db.sql<{ n: string }>(
      `SELECT count(*)::text AS n FROM notification_timers WHERE incident_id = $1 AND late_ms > 5000`,
      [incident.id],
    );
    expect(late[0]!.n).toBe('0');

    // The history, for the incident's readers: who (role, masked address), which event, with what status.
    const history = await gql<{ incidentNotifications: { event: string; recipientAddress: string; status: string }[] }>(
      t.http,
      { token: await tokenFor('wieg-fg'), query: HISTORY, variables: { id: incident.id } },
    );
    const rows = history.data!.incidentNotifications;
    expect(
      rows
        .filter((r) => r.event === 'BREACH_REPORTED')
        .map((r) => r.recipientAddress)
        .sort(),
    ).toEqual(['w***@example.org', 'w***@example.org']);
    expect(rows.filter((r) => r.event === 'DEADLINE_REMINDER')).toHaveLength(8);
    await eventually(async () => {
      const again = await gql<{ incidentNotifications: { status: string }[] }>(t.http, {
        token: await tokenFor('wieg-fg'),
        query: HISTORY,
        variables: { id: incident.id },
      });
      expect(again.data!.incidentNotifications.every((r) => r.status === 'SENT')).toBe(true);
    });
    // Another organisation's FG: not found.
    const other = await gql(t.http, {
      token: await tokenFor('nest-fg'),
      query: HISTORY,
      variables: { id: incident.id },
    });
    expect(other.code).toBe('NOT_FOUND');

    // The API was "down" from 72 h to 80 h: the overdue escalation (due at 73 h) goes out once, marked late.
    clock.set(new Date(Date.parse(DISCOVERED) + 80 * HOUR));
    await exactly(FG, new RegExp(`^Termijn verstreken: ${incident.reference}.*\\(verlaat\\)$`), 1);
    expect(sink.to(FG).at(-1)!.mail.text).toContain('later verzonden dan gepland');
  });

  it('marks an exercise in the subject, tells HINQ at once when other organisations may be involved', async () => {
    clock.set(DISCOVERED);
    for (const user of ['hinq-coordinator', 'hinq-fg']) {
      await gql(t.http, { token: await tokenFor(user), query: '{ me { user { id } } }' });
    }
    const incident = await report(t.http, 'wieg-medewerker', {
      discoveredAt: DISCOVERED,
      exercise: true,
      otherOrganisationsInvolved: 'YES',
    });
    await exactly(FG, new RegExp(`^OEFENING: Nieuwe datalekmelding ${incident.reference}`), 1);
    await exactly('hinq-coordinator@example.org', new RegExp(`^OEFENING: Ketenmelding.*${incident.reference}`), 1);
    await exactly('hinq-fg@example.org', new RegExp(`^OEFENING: Ketenmelding.*${incident.reference}`), 1);
  });

  it('moves the reminders with a corrected discovery time, and cancels them when the breach ends early', async () => {
    clock.set(DISCOVERED);
    const incident = await report(t.http, 'wieg-medewerker', { discoveredAt: DISCOVERED });
    const due = async () =>
      (
        await t.db.sql<{ point_permille: number; due_at: Date; status: string }>(
          `SELECT point_permille, due_at, status FROM notification_timers
            WHERE incident_id = $1 AND kind = 'ap-reminder' ORDER BY point_permille`,
          [incident.id],
        )
      ).map((r) => [r.point_permille, r.due_at.toISOString(), r.status]);
    expect((await due())[0]).toEqual([500, '2026-10-25T09:40:00.000Z', 'pending']);

    // The API has no correctReport mutation yet: the change a correction makes is handed to the observer as the
    // incidents service would (same tenant transaction, before and after).
    const later = new Date(Date.parse(DISCOVERED) + 2 * HOUR);
    clock.set(later);
    await t.app.get(Tenancy).asTenant(ORG.wieg, async (tx) => {
      const stored = (await t.app.get(IncidentsRepository).find(tx, incident.id))!;
      const after = { ...stored.incident, report: { ...stored.incident.report, discoveredAt: later } };
      await t.app
        .get(NotificationPlanner)
        .incidentChanged(tx, { ...stored, before: stored.incident, after, events: [] });
    });
    expect((await due())[0]).toEqual([500, '2026-10-25T11:40:00.000Z', 'pending']);

    await ok(
      step(
        t.http,
        'wieg-privacy',
        'assessIncident',
        incident,
        { input: { conclusion: 'NOT_A_BREACH', reasoning: 'Geen persoonsgegevens.' } },
        ...withInput('AssessIncidentInput'),
      ),
    );
    expect((await due()).map((r) => r[2])).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    // The FG got the decision's summary: a fixed line, not the reasoning.
    await exactly(FG, new RegExp(`^Besluit vastgelegd bij ${incident.reference}`), 1);
    const summary = sink.to(FG).find((m) => m.subject.startsWith(`Besluit vastgelegd bij ${incident.reference}`))!;
    expect(summary.mail.text).toContain('Beoordeling: geen datalek.');
    expect(summary.mail.text).not.toContain('Geen persoonsgegevens');
  });
});
