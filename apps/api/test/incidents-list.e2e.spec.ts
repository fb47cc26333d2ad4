import { incidentListSql } from '../src/incidents/incidents.repository';
import { ORG, gql } from './support/gql';
import { LIST, report } from './support/incidents';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// The incidents list: period, text and sort, each sort with its own keyset cursor. Every test reads only the
// incidents it reported itself (a word of its own in what happened), so the tests hold in any order.

const HOUR = 3600_000;

interface Node {
  id: string;
  reference: string;
  reportedAt: string;
  apClock: { state: string } | null;
}

describe('incidents list: filters, text and sort', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const list = async (variables: Record<string, unknown>, username = 'wieg-privacy', language?: string) =>
    gql<{ incidents: { nodes: Node[]; nextCursor: string | null } }>(t.http, {
      token: await tokenFor(username),
      query: LIST,
      variables,
      language,
    });

  /** Every page of a listing, following the cursors with the same sort and filter. */
  async function all(variables: Record<string, unknown>, first = 2): Promise<Node[]> {
    const nodes: Node[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const res = await list({ ...variables, first, after });
      expect(res.errors).toEqual([]);
      nodes.push(...res.data!.incidents.nodes);
      after = res.data!.incidents.nextCursor;
      if (!after) return nodes;
    }
    throw new Error('the cursor never ended');
  }

  /** Five incidents with one word of their own, discovered 10, 50, 30, 20 and 40 hours ago (in report order). */
  async function fiveReports(word: string) {
    const ago = [10, 50, 30, 20, 40];
    const made = [];
    for (const hours of ago) {
      const discoveredAt = new Date(Date.now() - hours * HOUR).toISOString();
      made.push({
        hours,
        ...(await report(t.http, 'wieg-privacy', {
          whatHappened: `Melding ${word} ${hours} uur geleden.`,
          discoveredAt,
        })),
      });
    }
    return made;
  }

  it('sorts reported newest (default), deadline soonest and discovered newest, paging each with its own cursor', async () => {
    const made = await fiveReports('Sorteerproef');
    const filter = { text: 'sorteerproef' };
    const byHours = (order: number[]) => order.map((h) => made.find((m) => m.hours === h)!.id);

    expect((await all({ filter })).map((n) => n.id)).toEqual([...made].reverse().map((m) => m.id));
    // Deadline soonest: discovered longest ago first (72 hours after discovery).
    expect((await all({ filter, sort: 'DEADLINE_SOONEST' })).map((n) => n.id)).toEqual(byHours([50, 40, 30, 20, 10]));
    expect((await all({ filter, sort: 'DISCOVERED_NEWEST' })).map((n) => n.id)).toEqual(byHours([10, 20, 30, 40, 50]));
    expect((await all({ filter, sort: 'REPORTED_NEWEST' }, 1)).map((n) => n.id)).toEqual(
      [...made].reverse().map((m) => m.id),
    );
  });

  it('refuses a cursor of one sort used with another, and a cursor that is not one, clearly', async () => {
    await fiveReports('Cursorproef');
    const first = await list({ first: 2, filter: { text: 'Cursorproef' }, sort: 'DEADLINE_SOONEST' });
    const cursor = first.data!.incidents.nextCursor!;
    const other = await list({ first: 2, after: cursor, filter: { text: 'Cursorproef' } }, 'wieg-privacy', 'en');
    expect(other.code).toBe('BAD_USER_INPUT');
    expect(other.errors[0]!.extensions.fields).toEqual([
      { field: 'after', message: 'This cursor belongs to another order of the list; start again at the first page.' },
    ]);
    const garbage = await list({ first: 2, after: 'bm9nIG5pZXQ' });
    expect(garbage.code).toBe('BAD_USER_INPUT');
    expect(garbage.errors[0]!.extensions.fields!.map((f) => f.field)).toEqual(['after']);
  });

  it('filters a period on the discovery: from inclusive, to exclusive; an end before the start is refused', async () => {
    const made = await fiveReports('Periodeproef');
    const discovered = (hours: number) => {
      const m = made.find((x) => x.hours === hours)!;
      return m.discoveredAt;
    };
    const found = await all({
      filter: { text: 'Periodeproef', discoveredFrom: discovered(40), discoveredTo: discovered(10) },
      sort: 'DISCOVERED_NEWEST',
    });
    expect(found.map((n) => n.id)).toEqual([20, 30, 40].map((h) => made.find((m) => m.hours === h)!.id));
    const reversed = await list({ filter: { discoveredFrom: discovered(10), discoveredTo: discovered(40) } });
    expect(reversed.code).toBe('BAD_USER_INPUT');
    expect(reversed.errors[0]!.extensions.fields!.map((f) => f.field)).toEqual(['filter.discoveredTo']);
  });

  it('finds by reference (whole, or its number) and by words, case-insensitively; % and _ are taken literally', async () => {
    const [one] = await fiveReports('Zoekproef');
    const byReference = await all({ filter: { text: one!.reference.toLowerCase() } });
    expect(byReference.map((n) => n.id)).toEqual([one!.id]);
    const digits = one!.reference.slice(-4);
    expect((await all({ filter: { text: digits } })).map((n) => n.id)).toContain(one!.id);
    expect(await all({ filter: { text: 'ZOEKPROEF 10 UUR' } })).toEqual([expect.objectContaining({ id: one!.id })]);
    const percent = await report(t.http, 'wieg-privacy', { whatHappened: 'Korting van 100% op de Zoekproef.' });
    expect((await all({ filter: { text: '100%' } })).map((n) => n.id)).toEqual([percent.id]);
    expect(await all({ filter: { text: 'Zoek_proef' } })).toEqual([]);
  });

  it('refuses a text of 1 or 101 characters and control characters, in words; never a 500', async () => {
    for (const text of ['a', ' a ', 'x'.repeat(101), 'ab\u0000c', 'ab\ncd', 'ab\u202ecd']) {
      const res = await list({ filter: { text } });
      expect({
        text,
        status: res.status < 500,
        code: res.code,
        fields: res.errors[0]?.extensions.fields?.map((f) => f.field),
      }).toEqual({
        text,
        status: true,
        code: 'BAD_USER_INPUT',
        fields: [expect.stringMatching(/text$/)],
      });
    }
    const ok = await list({ filter: { text: 'x'.repeat(100) } });
    expect(ok.errors).toEqual([]);
  });

  it("an employee's text search finds only their own reports; another organisation's never", async () => {
    const own = await report(t.http, 'wieg-medewerker', { whatHappened: 'Eigen Tekstproef van de medewerker.' });
    await report(t.http, 'wieg-privacy', { whatHappened: 'Tekstproef van de privacyfunctionaris.' });
    await report(t.http, 'nest-privacy', { whatHappened: 'Tekstproef van Het Nest.' });
    const res = await list({ first: 50, filter: { text: 'tekstproef' }, sort: 'DEADLINE_SOONEST' }, 'wieg-medewerker');
    expect(res.data!.incidents.nodes.map((n) => n.id)).toEqual([own.id]);
    expect(res.data!.incidents.nodes[0]!.apClock).toBeNull();
    const officer = await all({ filter: { text: 'tekstproef' } });
    expect(officer).toHaveLength(2);
    const [nest] = await t.db.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM incidents WHERE organisation_id = $1 AND search_text ILIKE '%tekstproef%'",
      [ORG.nest],
    );
    expect(nest!.n).toBe(1);
  });

  it('uses an index that leads with the organisation for every sort (no scan of other organisations)', async () => {
    const client = await t.db.superuser();
    try {
      for (const sort of ['reported-newest', 'deadline-soonest', 'discovered-newest'] as const) {
        const { sql, params } = incidentListSql(ORG.wieg, {
          first: 51,
          sort,
          after: null,
          reportedBy: null,
          stage: null,
          exercise: null,
          clockState: null,
          discoveredFrom: null,
          discoveredTo: null,
          text: null,
          now: new Date(),
        });
        // A handful of rows here: without these the planner rightly prefers a scan and a sort. Switched off, a Sort
        // left in the plan means no index gives the order (the benchmark shows the plans at a million rows).
        await client.query('SET enable_seqscan = off; SET enable_bitmapscan = off; SET enable_sort = off');
        const plan = (await client.query(`EXPLAIN ${sql}`, params)).rows
          .map((r: Record<string, string>) => r['QUERY PLAN'])
          .join('\n');
        expect({ sort, usesIndex: /Index/.test(plan), sorts: /Sort/.test(plan) }).toEqual({
          sort,
          usesIndex: true,
          sorts: false,
        });
      }
      // pg_trgm is available in the embedded PostgreSQL: the migration created the text filter's trigram index.
      const trigram = await client.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'incidents_search'");
      expect(trigram.rows[0]?.indexdef).toContain('gin_trgm_ops');
    } finally {
      // The file's one superuser connection, shared with t.db.sql: put the planner back, never close it here.
      await client.query('RESET enable_seqscan; RESET enable_bitmapscan; RESET enable_sort');
    }
  });
});
