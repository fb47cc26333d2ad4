import { CHAIN_LIST, CHOOSE, DECLARE, as, value, type ChainView } from './support/chain';
import { gql, ORG } from './support/gql';
import { REPORT, reportInput, type IncidentView } from './support/incidents';
import { eventually, SmtpSink } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// Issue 17 item 1: the situation A, B or C answered *with the report*. A and C create the chain incident in the
// report's own transaction (HINQ sees it at once and is mailed); a refused report creates nothing; B is kept on the
// breach, and B can become C later. Also: a partner that left the chain (markOrganisationLeftChain) cannot be chosen.
jest.setTimeout(120_000);

const SITUATION = `query($id: ID!) { incidentChainSituation(incidentId: $id) { incidentId scenario chainIncident { id scenario reference } } }`;
const LEFT = `mutation($id: ID!, $at: DateTime) { markOrganisationLeftChain(id: $id, at: $at) { id leftChainAt } }`;
const UNDO = `mutation($id: ID!) { undoOrganisationLeftChain(id: $id) { id leftChainAt } }`;
/** What the portal's partner picker asks for (operations/chain.graphql, ChainDirectory). */
const CANDIDATES = `{ organisations(choosableAsPartner: true) { id } }`;
const DIRECTORY = `{ organisations { id } }`;

interface Situation {
  incidentId: string;
  scenario: string | null;
  chainIncident: { id: string; scenario: string; reference: string } | null;
}

describe('the chain situation at report time', () => {
  const sink = new SmtpSink();
  let t: TestApp;

  beforeAll(async () => {
    await sink.start();
    t = await startTestApp({ SMTP_URL: sink.url, NOTIFY_POLL_MS: '100' });
    // HINQ's coordinator has signed in once, so the mail has an address.
    await gql(t.http, { token: await tokenFor('hinq-coordinator'), query: '{ me { user { id } } }' });
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  const send = async (user: string, overrides: Record<string, unknown>) =>
    gql<{ reportBreach: IncidentView }>(t.http, {
      token: await tokenFor(user),
      query: REPORT,
      variables: { input: reportInput(overrides) },
    });
  const offered = async (user: string) => value(await as<{ id: string }[]>(t.http, user, CANDIDATES)).map((o) => o.id);
  const directory = async (user: string) => value(await as<{ id: string }[]>(t.http, user, DIRECTORY)).map((o) => o.id);
  const hinqChains = async () => value(await as<ChainView[]>(t.http, 'hinq-coordinator', CHAIN_LIST));
  const counts = async (organisationId: string) => {
    const [row] = await t.db.sql<{ incidents: string; chains: string; outbox: string; last: string | null }>(
      `SELECT (SELECT count(*) FROM incidents WHERE organisation_id = $1) AS incidents,
              (SELECT count(*) FROM chain_incidents WHERE organisation_id = $1) AS chains,
              (SELECT count(*) FROM notification_outbox WHERE organisation_id = $1) AS outbox,
              (SELECT max(last_number) FROM incident_counters WHERE organisation_id = $1) AS last`,
      [organisationId],
    );
    return row!;
  };

  it('C from an employee: the breach and its chain incident in one transaction, HINQ sees it at once and is mailed', async () => {
    const res = await send('wieg-medewerker', {
      whatHappened: 'Een collega keek zonder reden in dossiers via de viewer.',
      otherOrganisationsInvolved: 'YES',
      chainScenario: 'C',
    });
    const incident = value(res);
    const situation = value(await as<Situation>(t.http, 'wieg-privacy', SITUATION, { id: incident.id }));
    expect(situation).toMatchObject({ incidentId: incident.id, scenario: 'C' });
    expect(situation.chainIncident).toMatchObject({ scenario: 'C', reference: incident.reference });
    const seen = (await hinqChains()).find((c) => c.id === situation.chainIncident!.id);
    expect(seen).toMatchObject({ scenario: 'C', reference: incident.reference, participation: ['COORDINATOR'] });
    await eventually(() =>
      expect(
        sink
          .to('hinq-coordinator@example.org')
          .filter((m) => m.subject.startsWith(`Ketenincident ${incident.reference} – Verloskundigenpraktijk De Wieg`)),
      ).toHaveLength(1),
    );
    // The employee's own answer is not a licence to coordinate: choosing partners stays with the officers.
    const choose = await as(t.http, 'wieg-medewerker', CHOOSE, {
      id: situation.chainIncident!.id,
      partners: [{ organisationId: ORG.nest, reasoning: 'Gedeelde cliënten.' }],
    });
    expect(choose.code).toBe('FORBIDDEN');
  });

  it('A from a partner (reported to HINQ): a chain incident in situation A', async () => {
    const incident = value(
      await send('zuiderhaven-privacy', {
        whatHappened: 'Storing in de viewer gemeld aan HINQ.',
        otherOrganisationsInvolved: 'UNKNOWN',
        chainScenario: 'A',
      }),
    );
    const situation = value(await as<Situation>(t.http, 'zuiderhaven-privacy', SITUATION, { id: incident.id }));
    expect(situation).toMatchObject({ scenario: 'A', chainIncident: { scenario: 'A', reference: incident.reference } });
    expect((await hinqChains()).map((c) => c.id)).toContain(situation.chainIncident!.id);
  });

  it('a refused report creates nothing: no breach, no number, no chain incident, no mail', async () => {
    const before = await counts(ORG.nest);
    const hinqBefore = (await hinqChains()).length;
    const contradiction = await send('nest-medewerker', { otherOrganisationsInvolved: 'NO', chainScenario: 'C' });
    expect(contradiction.code).toBe('BAD_USER_INPUT');
    expect(contradiction.errors[0]!.extensions).toMatchObject({
      fields: [expect.objectContaining({ field: 'chainScenario' })],
    });
    expect(contradiction.errors[0]!.message).toMatch(/Situatie C/);
    const guarded = await send('nest-medewerker', {
      whatHappened: 'Mail naar jan@example.org',
      otherOrganisationsInvolved: 'YES',
      chainScenario: 'C',
    });
    expect(guarded.code).toBe('PRIVACY_CONFIRMATION_REQUIRED');
    const empty = await send('nest-medewerker', {
      whatHappened: '   ',
      otherOrganisationsInvolved: 'YES',
      chainScenario: 'A',
    });
    expect(empty.code).toBe('BAD_USER_INPUT');

    // A failure inside the chain part, after the breach was written, rolls the breach back with it.
    await t.db.sql(`CREATE FUNCTION test_refuse_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'chain part failed (test)'; END $$`);
    await t.db.sql(`CREATE TRIGGER test_refuse_chain BEFORE INSERT ON chain_incidents
      FOR EACH ROW EXECUTE FUNCTION test_refuse_chain()`);
    try {
      const failed = await send('nest-medewerker', { otherOrganisationsInvolved: 'YES', chainScenario: 'C' });
      expect(failed.data?.reportBreach ?? null).toBeNull();
      expect(failed.errors.length).toBeGreaterThan(0);
    } finally {
      await t.db.sql(`DROP TRIGGER test_refuse_chain ON chain_incidents; DROP FUNCTION test_refuse_chain()`);
    }
    expect(await counts(ORG.nest)).toEqual(before);
    expect((await hinqChains()).length).toBe(hinqBefore);
  });

  it('B is kept on the breach (HINQ sees nothing); declaring C later starts the same workflow', async () => {
    const hinqBefore = (await hinqChains()).length;
    const incident = value(
      await send('nest-medewerker', { otherOrganisationsInvolved: 'UNKNOWN', chainScenario: 'B' }),
    );
    expect(value(await as<Situation>(t.http, 'nest-privacy', SITUATION, { id: incident.id }))).toEqual({
      incidentId: incident.id,
      scenario: 'B',
      chainIncident: null,
    });
    const [stored] = await t.db.sql<{ chain_scenario: string | null }>(
      `SELECT chain_scenario FROM incidents WHERE id = $1`,
      [incident.id],
    );
    expect(stored!.chain_scenario).toBe('B');
    expect((await hinqChains()).length).toBe(hinqBefore);
    // Another organisation (or HINQ) cannot learn the situation of Nest's breach: not found.
    expect((await as(t.http, 'wieg-privacy', SITUATION, { id: incident.id })).code).toBe('NOT_FOUND');
    expect((await as(t.http, 'hinq-coordinator', SITUATION, { id: incident.id })).code).toBe('NOT_FOUND');

    const declared = value(
      await as<{ scenario: string; chainIncident: { id: string } | null }>(t.http, 'nest-privacy', DECLARE, {
        incidentId: incident.id,
        scenario: 'C',
      }),
    );
    expect(declared.chainIncident).not.toBeNull();
    expect(value(await as<Situation>(t.http, 'nest-fg', SITUATION, { id: incident.id }))).toMatchObject({
      scenario: 'C',
      chainIncident: { id: declared.chainIncident!.id, scenario: 'C' },
    });
    const [after] = await t.db.sql<{ chain_scenario: string | null }>(
      `SELECT chain_scenario FROM incidents WHERE id = $1`,
      [incident.id],
    );
    expect(after!.chain_scenario).toBe('C');
    expect((await hinqChains()).map((c) => c.id)).toContain(declared.chainIncident!.id);
    // A chain incident never becomes internal again.
    expect((await as(t.http, 'nest-privacy', DECLARE, { incidentId: incident.id, scenario: 'B' })).code).toBe(
      'CONFLICT',
    );
  });

  it('a partner that left the chain (platform admin) cannot be chosen; undone, it can', async () => {
    const incident = value(
      await send('wieg-privacy', { otherOrganisationsInvolved: 'YES', chainScenario: 'C', whatHappened: 'Viewer.' }),
    );
    const chain = value(await as<Situation>(t.http, 'wieg-privacy', SITUATION, { id: incident.id })).chainIncident!;

    expect((await as(t.http, 'wieg-fg', LEFT, { id: ORG.zonnedauw })).code).toBe('FORBIDDEN');
    expect((await as(t.http, 'hinq-coordinator', LEFT, { id: ORG.zonnedauw })).code).toBe('FORBIDDEN');
    expect((await as(t.http, 'beheerder', LEFT, { id: ORG.hinq })).code).toBe('CONFLICT');
    const left = value(
      await as<{ leftChainAt: string }>(t.http, 'beheerder', LEFT, { id: ORG.zonnedauw, at: '2026-01-01T00:00:00Z' }),
    );
    expect(left.leftChainAt).toBe('2026-01-01T00:00:00.000Z');
    expect((await as(t.http, 'beheerder', LEFT, { id: ORG.zonnedauw })).code).toBe('CONFLICT');
    // The picker does not offer it (nor HINQ); the full directory still names it (e.g. for viewer-log counts).
    expect(await offered('wieg-privacy')).not.toContain(ORG.zonnedauw);
    expect(await offered('hinq-coordinator')).not.toContain(ORG.zonnedauw);
    expect(await offered('wieg-privacy')).not.toContain(ORG.hinq);
    expect(await offered('wieg-privacy')).toContain(ORG.nest);
    expect(await directory('wieg-privacy')).toContain(ORG.zonnedauw);

    const refused = await as(t.http, 'wieg-privacy', CHOOSE, {
      id: chain.id,
      partners: [{ organisationId: ORG.zonnedauw, reasoning: 'Gedeelde cliënten.' }],
    });
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.errors[0]!.message).toMatch(/uit de keten gestapt/);

    expect(value(await as<{ leftChainAt: string | null }>(t.http, 'beheerder', UNDO, { id: ORG.zonnedauw }))).toEqual({
      id: ORG.zonnedauw,
      leftChainAt: null,
    });
    expect((await as(t.http, 'beheerder', UNDO, { id: ORG.zonnedauw })).code).toBe('CONFLICT');
    expect(await offered('wieg-privacy')).toContain(ORG.zonnedauw);
    // Leaving at a moment still to come: offered until then.
    const future = new Date(Date.now() + 86_400_000).toISOString();
    value(await as(t.http, 'beheerder', LEFT, { id: ORG.nest, at: future }));
    expect(await offered('wieg-privacy')).toContain(ORG.nest);
    value(await as(t.http, 'beheerder', UNDO, { id: ORG.nest }));
    const chosen = value(
      await as<ChainView>(t.http, 'wieg-privacy', CHOOSE, {
        id: chain.id,
        partners: [{ organisationId: ORG.zonnedauw, reasoning: 'Gedeelde cliënten.' }],
      }),
    );
    expect(chosen.partners.map((p) => p.partnerOrganisation.id)).toContain(ORG.zonnedauw);
  });
});
