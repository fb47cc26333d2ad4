import { fixedClock, systemClock } from '@babyconnect/domain';
import { AppClock } from '../src/time/app-clock';
import { ORG, gql } from './support/gql';
import { LIST, REPORT, report, reportInput, type IncidentView } from './support/incidents';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// Step 1 through GraphQL: reporting, references without gaps, validation, the privacy guard, the employee's list.
// Each test reads only what it caused (its own incidents, counts before and after), so order does not matter.

describe('incidents: reporting a breach (protocol step 1)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());
  afterEach(() => t.app.get(AppClock).use(systemClock));

  const send = async (username: string, input: Record<string, unknown>, language?: string) =>
    gql<{ reportBreach: IncidentView }>(t.http, {
      token: await tokenFor(username),
      query: REPORT,
      variables: { input },
      language,
    });

  it('lets an employee report in one call, with a reference and the 72-hour deadline', async () => {
    t.app.get(AppClock).use(fixedClock('2026-10-23T21:40:00Z'));
    const res = await send('wieg-medewerker', reportInput({ exercise: true }));
    expect(res.errors).toEqual([]);
    const incident = res.data!.reportBreach;
    expect(incident).toMatchObject({
      reference: expect.stringMatching(/^DL-2026-\d{4}$/),
      stage: 'REPORTED',
      exercise: true,
      version: 1,
      discoveredAt: '2026-10-23T21:40:00.000Z',
      // 72 elapsed hours, across the end of summer time.
      apDeadline: '2026-10-26T21:40:00.000Z',
      apClock: { state: 'OPEN', remainingMs: 72 * 3600_000 },
    });
    const [row] = await t.db.sql<{ organisation_id: string; reported_by: string }>(
      'SELECT organisation_id, reported_by FROM incidents WHERE id = $1',
      [incident.id],
    );
    expect(row?.organisation_id).toBe(ORG.wieg);
    // The change and its access-log row: one row, this operation, the incident's id.
    const log = await t.db.sql<{ fields: string[]; result: string }>(
      'SELECT fields, result FROM access_log WHERE $1 = ANY(object_ids)',
      [incident.id],
    );
    expect(log).toEqual([{ fields: ['reportBreach:allowed'], result: 'allowed' }]);
  });

  it('numbers references per organisation without gaps, also when a report in between is refused', async () => {
    const a = await report(t.http, 'nest-medewerker');
    const refused = await send('nest-medewerker', reportInput({ whatHappened: '   ' }));
    expect(refused.code).toBe('BAD_USER_INPUT');
    const guarded = await send('nest-medewerker', reportInput({ whatHappened: 'Mail naar jan@example.org' }));
    expect(guarded.code).toBe('PRIVACY_CONFIRMATION_REQUIRED');
    const b = await report(t.http, 'nest-privacy');
    const number = (ref: string) => Number(ref.slice(-4));
    expect(number(b.reference)).toBe(number(a.reference) + 1);
    // Another organisation counts on its own.
    const other = await report(t.http, 'zonnedauw-medewerker');
    const others = await t.db.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM incidents WHERE organisation_id = $1',
      [ORG.zonnedauw],
    );
    expect(number(other.reference)).toBe(others[0]!.n);
  });

  it('refuses a discovery in the future, a 100k text and absurd input with field errors, never a 500', async () => {
    t.app.get(AppClock).use(fixedClock('2026-10-23T21:40:00Z'));
    const future = await send('wieg-medewerker', reportInput({ discoveredAt: '2026-10-24T21:40:00Z' }));
    expect(future.code).toBe('BAD_USER_INPUT');
    expect(future.errors[0]?.extensions.fields?.map((f) => f.field)).toEqual(['discoveredAt']);
    expect(future.errors[0]?.message).toContain('Het tijdstip van ontdekking ligt in de toekomst.');
    const long = await send('wieg-medewerker', reportInput({ whatHappened: 'x'.repeat(100_000) }), 'en');
    expect(long.code).toBe('BAD_USER_INPUT');
    expect(long.errors[0]?.extensions.fields?.[0]).toMatchObject({
      field: 'whatHappened',
      message: 'The field "whatHappened" is too long: 100000 characters, at most 4000.',
    });
    const ancient = await send('wieg-medewerker', reportInput({ discoveredAt: '1999-01-01T00:00:00Z' }));
    expect(ancient.errors[0]?.extensions.fields?.map((f) => f.field)).toEqual(['discoveredAt']);
    const unknownEnum = await send('wieg-medewerker', reportInput({ stillOngoing: 'MAYBE' }));
    expect(unknownEnum.code).toBe('BAD_USER_INPUT');
    expect(unknownEnum.errors[0]?.message).toContain('stillOngoing');
    const control = await send('wieg-medewerker', reportInput({ whatHappened: 'a\u202eb' }));
    expect(control.code).toBe('BAD_USER_INPUT');
  });

  it('warns when free text looks like a client identity, without echoing it, and saves once confirmed', async () => {
    const text = 'Uitslag van mevrouw met BSN 123456782 naar 06-12345678 gestuurd.';
    const warned = await send('wieg-medewerker', reportInput({ whatHappened: text }));
    expect(warned.code).toBe('PRIVACY_CONFIRMATION_REQUIRED');
    const fields = warned.errors[0]!.extensions.fields!;
    expect(fields.map((f) => f.field)).toEqual(['whatHappened', 'whatHappened']);
    const messages = fields.map((f) => f.message).join(' ');
    expect(messages).toContain('burgerservicenummer');
    expect(messages).toContain('telefoonnummer');
    expect(JSON.stringify(warned)).not.toContain('123456782');
    expect(JSON.stringify(warned)).not.toContain('12345678');
    const saved = await send('wieg-medewerker', reportInput({ whatHappened: text, confirmPrivacyWarnings: true }));
    expect(saved.errors).toEqual([]);
    expect(saved.data!.reportBreach.stage).toBe('REPORTED');
  });

  it('shows an employee only their own reports and only their status; the privacy officer sees all', async () => {
    const mine = await report(t.http, 'zuiderhaven-medewerker');
    const theirs = await report(t.http, 'zuiderhaven-privacy');
    const asEmployee = await gql<{ incidents: { nodes: Record<string, unknown>[] } }>(t.http, {
      token: await tokenFor('zuiderhaven-medewerker'),
      query: LIST,
      variables: { first: 100 },
    });
    const ids = asEmployee.data!.incidents.nodes.map((n) => n.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(
      asEmployee.data!.incidents.nodes.every(
        (n) => n.reportedByMe === true && n.apClock === null && n.whatHappenedExcerpt === null,
      ),
    ).toBe(true);
    const detail = await gql(t.http, {
      token: await tokenFor('zuiderhaven-medewerker'),
      query: `query($id: ID!) { incident(id: $id) { id } }`,
      variables: { id: mine.id },
    });
    expect(detail.code).toBe('FORBIDDEN');
    const asOfficer = await gql<{
      incidents: { nodes: { id: string; apClock: unknown; discoveredAt: string; whatHappenedExcerpt: string }[] };
    }>(t.http, {
      token: await tokenFor('zuiderhaven-privacy'),
      query: LIST,
      variables: { first: 100 },
    });
    const all = asOfficer.data!.incidents.nodes.map((n) => n.id);
    expect(all).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(asOfficer.data!.incidents.nodes[0]!.apClock).not.toBeNull();
    // The dashboard's row: when it was discovered and the start of what happened (never the whole text).
    const row = asOfficer.data!.incidents.nodes.find((n) => n.id === mine.id)!;
    expect(row.discoveredAt).toBe(mine.discoveredAt);
    expect(row.whatHappenedExcerpt).toBe(String(reportInput()['whatHappened']));
    const long = await report(t.http, 'zuiderhaven-medewerker', { whatHappened: `${'a'.repeat(200)} einde` });
    const longRow = (
      await gql<{ incidents: { nodes: { id: string; whatHappenedExcerpt: string }[] } }>(t.http, {
        token: await tokenFor('zuiderhaven-privacy'),
        query: LIST,
        variables: { first: 5 },
      })
    ).data!.incidents.nodes.find((n) => n.id === long.id)!;
    expect(longRow.whatHappenedExcerpt).toBe('a'.repeat(160));
  });

  it('pages newest first with a cursor, and filters on exercise and clock state', async () => {
    const token = await tokenFor('hinq-privacy');
    const made: string[] = [];
    for (let i = 0; i < 3; i += 1) made.push((await report(t.http, 'hinq-medewerker', { exercise: i === 1 })).id);
    const page = async (after: string | null, filter?: Record<string, unknown>) =>
      (
        await gql<{ incidents: { nodes: { id: string }[]; nextCursor: string | null } }>(t.http, {
          token,
          query: LIST,
          variables: { first: 2, after, filter },
        })
      ).data!.incidents;
    const first = await page(null);
    const second = await page(first.nextCursor);
    const seen = [...first.nodes, ...second.nodes].map((n) => n.id);
    expect(seen.slice(0, 3)).toEqual([...made].reverse());
    const exercises = await page(null, { exercise: true });
    expect(exercises.nodes.map((n) => n.id)).toEqual([made[1]]);
    const overdue = await page(null, { clockState: 'OVERDUE' });
    expect(overdue.nodes.filter((n) => made.includes(n.id))).toEqual([]);
    const bad = await gql(t.http, { token, query: LIST, variables: { first: 2, after: 'bm9wZQ' } });
    expect(bad.code).toBe('BAD_USER_INPUT');
  });
});
