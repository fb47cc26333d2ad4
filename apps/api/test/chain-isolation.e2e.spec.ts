import {
  ACKNOWLEDGE,
  APPROVE,
  as,
  CHAIN,
  CHAIN_LIST,
  CHOOSE,
  COMPOSE,
  CONTENT,
  DECLARE,
  FIGURES,
  OVERVIEW,
  PARTNER,
  POST,
  SEND,
  value,
  type ChainView,
} from './support/chain';
import { gql, ORG } from './support/gql';
import { DETAIL, report } from './support/incidents';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// Issue 17 item 7: every chain operation with the tokens of an uninformed partner, an informed partner, the reporter,
// HINQ's coordinator and a HINQ employee who is not a coordinator; and the refusals of "bad input and faults".
jest.setTimeout(120_000);

const UNINFORMED = 'zonnedauw-fg';
const INFORMED = 'nest-fg';
const REPORTER = 'wieg-privacy';
const COORDINATOR = 'hinq-coordinator';
const HINQ_EMPLOYEE = 'hinq-medewerker';
const PERSONAS = [UNINFORMED, INFORMED, REPORTER, COORDINATOR, HINQ_EMPLOYEE] as const;
type Persona = (typeof PERSONAS)[number];

describe('chain incidents: who sees and does what', () => {
  let t: TestApp;
  let chain: ChainView;
  let nestId: string;
  let zonId: string;
  let sourceId: string;
  const secret = 'Interne aantekening van De Wieg: niet voor de keten.';

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['nest-fg', 'zonnedauw-fg', 'hinq-coordinator']) {
      await gql(t.http, { token: await tokenFor(user), query: '{ me { user { id } } }' });
    }
    const source = await report(t.http, 'wieg-medewerker', { whatHappened: secret, otherOrganisationsInvolved: 'YES' });
    sourceId = source.id;
    chain = value(
      await as<{ chainIncident: ChainView }>(t.http, REPORTER, DECLARE, { incidentId: source.id, scenario: 'C' }),
    ).chainIncident;
    const chosen = value(
      await as<ChainView>(t.http, COORDINATOR, CHOOSE, {
        id: chain.id,
        partners: [ORG.nest, ORG.zonnedauw].map((organisationId) => ({
          organisationId,
          reasoning: 'Gedeelde cliënten.',
        })),
      }),
    );
    nestId = chosen.partners.find((p) => p.partnerOrganisation.id === ORG.nest)!.id;
    zonId = chosen.partners.find((p) => p.partnerOrganisation.id === ORG.zonnedauw)!.id;
    value(await as(t.http, REPORTER, COMPOSE, { id: chain.id, input: CONTENT }));
    for (const id of [nestId, zonId]) value(await as(t.http, 'wieg-fg', APPROVE, { id }));
    value(await as(t.http, COORDINATOR, SEND, { id: nestId }));
    value(await as(t.http, REPORTER, POST, { id: chain.id, text: 'Gedeelde update van de melder.' }));
  });
  afterAll(() => t.close());

  /** What each persona gets: a code, or `ok` (answered). */
  const table: {
    name: string;
    document: string;
    variables: () => Record<string, unknown>;
    expected: Record<Persona, string>;
  }[] = [
    {
      name: 'chainIncident',
      document: CHAIN,
      variables: () => ({ id: chain.id }),
      expected: {
        [UNINFORMED]: 'NOT_FOUND',
        [INFORMED]: 'ok',
        [REPORTER]: 'ok',
        [COORDINATOR]: 'ok',
        [HINQ_EMPLOYEE]: 'FORBIDDEN',
      },
    },
    {
      name: 'partnerNotification (the informed partner’s)',
      document: PARTNER,
      variables: () => ({ id: nestId }),
      expected: {
        [UNINFORMED]: 'NOT_FOUND',
        [INFORMED]: 'ok',
        [REPORTER]: 'ok',
        [COORDINATOR]: 'ok',
        [HINQ_EMPLOYEE]: 'FORBIDDEN',
      },
    },
    {
      name: 'partnerNotification (the chosen, uninformed partner’s)',
      document: PARTNER,
      variables: () => ({ id: zonId }),
      expected: {
        [UNINFORMED]: 'NOT_FOUND',
        [INFORMED]: 'NOT_FOUND',
        [REPORTER]: 'ok',
        [COORDINATOR]: 'ok',
        [HINQ_EMPLOYEE]: 'FORBIDDEN',
      },
    },
    {
      name: 'chainOverview',
      document: OVERVIEW,
      variables: () => ({ id: chain.id }),
      expected: {
        [UNINFORMED]: 'NOT_FOUND',
        [INFORMED]: 'FORBIDDEN',
        [REPORTER]: 'ok',
        [COORDINATOR]: 'ok',
        [HINQ_EMPLOYEE]: 'FORBIDDEN',
      },
    },
    {
      name: 'chainFigures',
      document: FIGURES,
      variables: () => ({}),
      expected: {
        [UNINFORMED]: 'FORBIDDEN',
        [INFORMED]: 'FORBIDDEN',
        [REPORTER]: 'FORBIDDEN',
        [COORDINATOR]: 'ok',
        [HINQ_EMPLOYEE]: 'FORBIDDEN',
      },
    },
    {
      name: 'the reporter’s own incident (internal notes)',
      document: DETAIL,
      variables: () => ({ id: sourceId }),
      expected: {
        [UNINFORMED]: 'NOT_FOUND',
        [INFORMED]: 'NOT_FOUND',
        [REPORTER]: 'ok',
        [COORDINATOR]: 'FORBIDDEN',
        [HINQ_EMPLOYEE]: 'FORBIDDEN',
      },
    },
    {
      name: 'approvePartnerNotification (the uninformed partner’s, already approved)',
      document: APPROVE,
      variables: () => ({ id: zonId }),
      expected: {
        [UNINFORMED]: 'NOT_FOUND',
        [INFORMED]: 'NOT_FOUND',
        [REPORTER]: 'CONFLICT',
        [COORDINATOR]: 'FORBIDDEN',
        [HINQ_EMPLOYEE]: 'FORBIDDEN',
      },
    },
    {
      name: 'choosePartners',
      document: CHOOSE,
      variables: () => ({ id: chain.id, partners: [{ organisationId: ORG.zuiderhaven, reasoning: '' }] }),
      expected: {
        [UNINFORMED]: 'NOT_FOUND',
        [INFORMED]: 'FORBIDDEN',
        [REPORTER]: 'BAD_USER_INPUT',
        [COORDINATOR]: 'BAD_USER_INPUT',
        [HINQ_EMPLOYEE]: 'FORBIDDEN',
      },
    },
    {
      name: 'acknowledgePartnerNotification (before the informed partner did)',
      document: ACKNOWLEDGE,
      variables: () => ({ id: nestId }),
      expected: {
        [UNINFORMED]: 'NOT_FOUND',
        [INFORMED]: 'skip',
        [REPORTER]: 'FORBIDDEN',
        [COORDINATOR]: 'FORBIDDEN',
        [HINQ_EMPLOYEE]: 'FORBIDDEN',
      },
    },
    {
      name: 'postChainTimelineEntry (empty text)',
      document: POST,
      variables: () => ({ id: chain.id, text: ' ' }),
      expected: {
        [UNINFORMED]: 'NOT_FOUND',
        [INFORMED]: 'BAD_USER_INPUT',
        [REPORTER]: 'BAD_USER_INPUT',
        [COORDINATOR]: 'BAD_USER_INPUT',
        [HINQ_EMPLOYEE]: 'FORBIDDEN',
      },
    },
  ];

  it.each(table.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const seen: Record<string, string> = {};
    for (const persona of PERSONAS) {
      if (row.expected[persona] === 'skip') continue;
      const res = await as(t.http, persona, row.document, row.variables());
      seen[persona] = res.errors.length === 0 ? 'ok' : (res.code ?? 'error');
      // Nothing of the reporter's own incident reaches anyone but the reporter.
      if (persona !== REPORTER) expect(JSON.stringify(res)).not.toContain(secret);
    }
    expect(seen).toEqual(Object.fromEntries(Object.entries(row.expected).filter(([, v]) => v !== 'skip')));
  });

  it('lists: HINQ sees every chain incident, the informed partner this one, the uninformed partner nothing', async () => {
    const ids = async (user: string) => value(await as<{ id: string }[]>(t.http, user, CHAIN_LIST)).map((c) => c.id);
    expect(await ids(COORDINATOR)).toContain(chain.id);
    expect(await ids(REPORTER)).toEqual([chain.id]);
    expect(await ids(INFORMED)).toEqual([chain.id]);
    expect(await ids(UNINFORMED)).toEqual([]);
    expect((await as(t.http, HINQ_EMPLOYEE, CHAIN_LIST)).code).toBe('FORBIDDEN');
  });

  it('the informed partner sees the shared part only: its own notification, the timeline, no draft, no other partner', async () => {
    const seen = value(await as<ChainView>(t.http, INFORMED, CHAIN, { id: chain.id }));
    expect(seen).toMatchObject({ participation: ['PARTNER'], sourceIncidentId: null, content: null });
    expect(seen.partners.map((p) => p.id)).toEqual([nestId]);
    expect(seen.timeline.map((e) => e.text)).toEqual(['Gedeelde update van de melder.']);
    const reporterView = value(await as<ChainView>(t.http, REPORTER, CHAIN, { id: chain.id }));
    // The reporter sees every partner (another test of this file may add one to this chain).
    expect(reporterView.partners.map((p) => p.id)).toEqual(expect.arrayContaining([nestId, zonId]));
  });

  it('row-level security holds by itself: as the app role, the uninformed partner reads no chain row', async () => {
    const client = await t.db.superuser();
    await client.query('BEGIN');
    try {
      await client.query('SET LOCAL ROLE babyconnect_app');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [ORG.zonnedauw]);
      const counts = await client.query(`SELECT (SELECT count(*) FROM chain_incidents)::int AS c,
        (SELECT count(*) FROM chain_partners)::int AS p, (SELECT count(*) FROM chain_timeline)::int AS t`);
      expect(counts.rows[0]).toEqual({ c: 0, p: 0, t: 0 });
      // A HINQ employee's transaction claiming the coordinator setting without acting for HINQ gains nothing.
      await client.query(`SELECT set_config('app.hinq_coordinator', 'on', true)`);
      const claimed = await client.query('SELECT count(*)::int AS c FROM chain_incidents');
      expect(claimed.rows[0]).toEqual({ c: 0 });
      // Entering another organisation is refused to whoever is not the reporter or HINQ's coordinator.
      await client.query('SAVEPOINT s');
      await expect(client.query('SELECT chain_enter_tenant($1, $2)', [chain.id, ORG.wieg])).rejects.toThrow(
        /only the reporter/,
      );
      await client.query('ROLLBACK TO SAVEPOINT s');
      // The informed partner may acknowledge, but not rewrite its notification.
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [ORG.nest]);
      await client.query(`SELECT set_config('app.hinq_coordinator', '', true)`);
      await expect(
        client.query(`UPDATE chain_partners SET delay_reasons = 'x' WHERE id = $1`, [nestId]),
      ).rejects.toThrow(/may only acknowledge/);
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it('refuses, clearly and logged: a partner that left the chain; a partner without a contact cannot be mailed, HINQ is told', async () => {
    await t.db.sql(`INSERT INTO organisations (alias, name, kind, left_chain_at) VALUES
      ('kz-vertrokken', 'Kraamzorg Vertrokken', 'MATERNITY_CARE', now() - interval '1 day'),
      ('vp-zonder-contact', 'Praktijk Zonder Contact', 'MIDWIFERY_PRACTICE', NULL)`);
    const [left, silent] = await t.db.sql<{ id: string }>(
      `SELECT id::text AS id FROM organisations WHERE alias IN ('kz-vertrokken', 'vp-zonder-contact') ORDER BY alias`,
    );
    const refused = await as(t.http, COORDINATOR, CHOOSE, {
      id: chain.id,
      partners: [{ organisationId: left!.id, reasoning: 'x' }],
    });
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.errors[0]!.message).toMatch(/uit de keten gestapt/);

    const chosen = value(
      await as<ChainView>(t.http, COORDINATOR, CHOOSE, {
        id: chain.id,
        partners: [{ organisationId: silent!.id, reasoning: 'Gedeelde cliënt.' }],
      }),
    );
    const n = chosen.partners.find((p) => p.partnerOrganisation.id === silent!.id)!;
    expect(n.contactReachable).toBe(false);
    const toHinq = await t.db.sql<{ recipient_role: string; recipient_address: string | null }>(
      `SELECT recipient_role, recipient_address FROM notification_outbox WHERE event = 'partner-unreachable' AND organisation_id = $1`,
      [ORG.wieg],
    );
    expect(toHinq.map((r) => r.recipient_role)).toContain('hinq-coordinator');
    value(await as(t.http, 'wieg-fg', APPROVE, { id: n.id }));
    const send = await as(t.http, REPORTER, SEND, { id: n.id });
    expect(send.code).toBe('CONFLICT');
    expect(send.errors[0]!.message).toMatch(
      /geen bereikbare FG of privacycontactpersoon\. HINQ is ingelicht; de termijn loopt door/,
    );
    const en = await gql(t.http, {
      token: await tokenFor(REPORTER),
      query: SEND,
      variables: { id: n.id },
      language: 'en',
    });
    expect(en.errors[0]!.message).toMatch(/no reachable DPO or privacy contact/);

    // Each refusal above is in the access log, with who and why.
    const userId = (
      await gql<{ me: { user: { id: string } } }>(t.http, {
        token: await tokenFor(REPORTER),
        query: '{ me { user { id } } }',
      })
    ).data!.me.user.id;
    // (The access log records a refusal by the workflow's rules as `failed` with its code; by permission, `refused`.)
    const logged = await t.db.sql<{ result: string; reason: string }>(
      `SELECT result, reason FROM access_log WHERE user_id = $1 AND operation = 'sendPartnerNotification' ORDER BY seq`,
      [userId],
    );
    expect(logged).toEqual([
      { result: 'failed', reason: 'CONFLICT' },
      { result: 'failed', reason: 'CONFLICT' },
    ]);
    const partnerUser = (
      await gql<{ me: { user: { id: string } } }>(t.http, {
        token: await tokenFor(INFORMED),
        query: '{ me { user { id } } }',
      })
    ).data!.me.user.id;
    // The partner's attempt at the matrix, made here: the table test that also makes it may run later.
    expect((await as(t.http, INFORMED, OVERVIEW, { id: chain.id })).code).toBe('FORBIDDEN');
    const overviewRefused = await t.db.sql<{ result: string; reason: string }>(
      `SELECT result, reason FROM access_log WHERE user_id = $1 AND operation = 'chainOverview'`,
      [partnerUser],
    );
    expect(overviewRefused.length).toBeGreaterThan(0);
    expect(overviewRefused.every((r) => r.reason === 'FORBIDDEN')).toBe(true);
  });
});
