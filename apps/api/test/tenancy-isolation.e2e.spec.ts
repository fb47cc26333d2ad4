import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { ORG, gql, type GqlResult } from './support/gql';
import { DETAIL, HISTORY, LIST, REPORT, reportInput } from './support/incidents';
import { startTestApp, type TestApp } from './support/test-app';
import type { TestDatabase } from './support/test-database';
import { tokenFor } from './support/tokens';

// Every test here reads and compares only what it caused itself (counts before and after, its own users), so the
// tests hold in any order (`npm test` runs them with --randomize).

const ME =
  '{ me { user { displayName } platformAdmin mustChooseOrganisation actingOrganisation { id name } actingRoles memberships { organisation { id alias } roles } } }';
const CONTACT = `mutation($input: UpdateOrganisationContactInput!) {
  updateOrganisationContact(input: $input) { id contactName contactEmail } }`;
const UPDATE_ORG = `mutation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { id name } }`;
const CREATE_ORG = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`;
const ACCESS_LOG = '{ accessLog(first: 500) { entries { seq operation roles objectIds result } nextCursor } }';
type LogPage = { accessLog: { entries: { seq: string }[]; nextCursor: string | null } };
const ACCESS_LOG_PAGE = 'query($after: String) { accessLog(first: 500, after: $after) { entries { seq } nextCursor } }';
const DIRECTORY = '{ organisations { id name contactEmail } }';

// ─── The table: every operation of the schema, tried by organisation B against organisation A ───────────────────

/** A: the organisation attacked. B: its members try. */
const A = { id: ORG.wieg, alias: 'vp-de-wieg' };
const B = { id: ORG.nest, members: ['nest-medewerker', 'nest-privacy', 'nest-fg', 'nest-auditor'] };
/**
 * A member of A who never acts against another organisation in this file: their user id and request ids are A's
 * private data (another organisation may legitimately see the ids of people who tried something against it).
 */
const WITNESS = 'wieg-auditor';

/** A's objects, for the variables of the table's documents. */
interface Target {
  id: string;
  alias: string;
  /** A real cursor into A's access log (the seq of one of A's rows). */
  accessLogCursor: string;
  /** One of A's incidents and its current version. */
  incidentId: string;
  incidentVersion: number;
  /** A's chain incident (situation C) and a partner notification of it for HINQ, never sent: B was not informed. */
  chainIncidentId: string;
  partnerNotificationId: string;
}

/** A step mutation on A's incident: `args` are the mutation's own arguments after id and version. */
function onIncident(mutation: string, signature = '', args = '', extra: Record<string, unknown> = {}): CrossTenantCase {
  return {
    document: `mutation($id: ID!, $v: Int!${signature ? `, ${signature}` : ''}) {
      ${mutation}(id: $id, expectedVersion: $v${args ? `, ${args}` : ''}) { id reference version stage } }`,
    variables: (a) => ({ id: a.incidentId, v: a.incidentVersion, ...extra }),
    plain: 'refused',
  };
}
const input = (type: string, value: Record<string, unknown>) =>
  ['$input: ' + type + '!', 'input: $input', { input: value }] as const;

interface CrossTenantCase {
  /** One operation, with A's objects in its variables. */
  document: string;
  variables?: (a: Target) => Record<string, unknown>;
  /**
   * What each member of B gets when the document names A's objects while acting for B (implied, or B named in
   * the header): `refused` (NOT_FOUND or FORBIDDEN, no data), `own` (an answer about B only, or a refusal), or
   * `shared`: why A's directory entry may be read by design. Acting for A (any header trick) is always FORBIDDEN,
   * nothing of A's is ever in an answer except a shared directory entry, and A's data is unchanged afterwards.
   */
  plain: 'refused' | 'own' | { shared: string };
  /**
   * What of B's own answer may name A's people or objects by design, removed before the leak check: B's access
   * log records who of another organisation tried to act for B (issue 13 item 15), and the ids B's own people sent.
   */
  ownRecordsOfOthers?: (data: unknown) => unknown;
}

const DIRECTORY_IS_SHARED = {
  shared: 'the chain directory (names and privacy contacts, no breach data) is read by every member by design',
};

/** One entry per Query and Mutation field of apps/api/schema.graphql; a new operation adds one here. */
const CASES: Record<string, CrossTenantCase> = {
  me: { document: ME, plain: 'own' },
  organisations: {
    document: '{ organisations { id alias name contactName contactEmail } }',
    plain: DIRECTORY_IS_SHARED,
  },
  organisation: {
    document: 'query($id: ID!) { organisation(id: $id) { id alias name contactName contactEmail } }',
    variables: (a) => ({ id: a.id }),
    plain: DIRECTORY_IS_SHARED,
  },
  accessLog: {
    document: `query($after: String) {
      accessLog(first: 500, after: $after) {
        entries { seq userId userName requestId operation objectIds organisationId targetOrganisationId } nextCursor } }`,
    variables: (a) => ({ after: a.accessLogCursor }),
    plain: 'own',
    ownRecordsOfOthers: (data) => {
      const page = (data as { accessLog?: { entries: { organisationId: string | null }[] } } | null)?.accessLog;
      // Rows of attempts from outside (no acting organisation, this chain targeted) name whoever tried; and B's own
      // rows list the ids B's people sent (A's incident id in this file's own attempts), which B knew already.
      return page
        ? {
            ...page,
            entries: page.entries.filter((e) => e.organisationId !== null).map((e) => ({ ...e, objectIds: [] })),
          }
        : data;
    },
  },
  accessLogAnchor: { document: '{ accessLogAnchor { seq hash headAt document } }', plain: 'own' },
  createOrganisation: {
    document: CREATE_ORG,
    variables: (a) => ({ input: { alias: a.alias, name: 'Overgenomen', kind: 'MIDWIFERY_PRACTICE' } }),
    plain: 'refused',
  },
  updateOrganisation: {
    document: UPDATE_ORG,
    variables: (a) => ({
      id: a.id,
      input: { name: 'Overgenomen', alias: 'vp-overgenomen', contactEmail: 'x@example.org' },
    }),
    plain: 'refused',
  },
  // The platform admin only: B cannot take A (or anyone) out of the chain, nor undo it.
  markOrganisationLeftChain: {
    document: 'mutation($id: ID!) { markOrganisationLeftChain(id: $id) { id leftChainAt } }',
    variables: (a) => ({ id: a.id }),
    plain: 'refused',
  },
  undoOrganisationLeftChain: {
    document: 'mutation($id: ID!) { undoOrganisationLeftChain(id: $id) { id leftChainAt } }',
    variables: (a) => ({ id: a.id }),
    plain: 'refused',
  },
  reportBreach: {
    // A member of B reports for B: an incident of B only, never one in A.
    document: REPORT,
    variables: () => ({ input: reportInput({ whatHappened: 'Melding van B in de isolatietest.' }) }),
    plain: 'own',
  },
  incidents: {
    document: LIST,
    // A's reference and words in the text filter: B's people get B's own incidents only (or none).
    variables: () => ({ first: 100, filter: { text: 'DL-' }, sort: 'DEADLINE_SOONEST' }),
    plain: 'own',
  },
  incident: { document: DETAIL, variables: (a) => ({ id: a.incidentId }), plain: 'refused' },
  incidentHistory: { document: HISTORY, variables: (a) => ({ id: a.incidentId }), plain: 'refused' },
  assessIncident: onIncident(
    'assessIncident',
    ...input('AssessIncidentInput', { conclusion: 'NEAR_MISS', reasoning: 'Overgenomen.' }),
  ),
  updateIncidentChecklist: onIncident(
    'updateIncidentChecklist',
    ...input('ChecklistInput', { stillOngoing: 'YES', kinds: ['AVAILABILITY'] }),
  ),
  completeIncidentOverview: onIncident('completeIncidentOverview'),
  addContainmentMeasure: onIncident(
    'addContainmentMeasure',
    ...input('AddContainmentMeasureInput', { description: 'Overgenomen.' }),
  ),
  updateContainmentMeasure: onIncident(
    'updateContainmentMeasure',
    ...input('UpdateContainmentMeasureInput', { measureId: 'm1', status: 'DONE' }),
  ),
  completeContainment: onIncident('completeContainment'),
  decideApNotification: onIncident(
    'decideApNotification',
    ...input('DecideApNotificationInput', { notify: false, reasoning: 'Overgenomen.', departureReason: 'x' }),
  ),
  recordApNotification: onIncident(
    'recordApNotification',
    ...input('RecordApNotificationInput', { submittedAt: new Date().toISOString(), delayReasons: 'x' }),
  ),
  decideDataSubjects: onIncident(
    'decideDataSubjects',
    ...input('DecideDataSubjectsInput', { outcome: 'NOT_INFORM', reasoning: 'Overgenomen.', departureReason: 'x' }),
  ),
  recordDataSubjectsInformed: onIncident('recordDataSubjectsInformed', '$at: DateTime!', 'informedAt: $at', {
    at: new Date().toISOString(),
  }),
  recordDpoAdvice: onIncident('recordDpoAdvice', '$text: String!', 'text: $text', { text: 'Overgenomen.' }),
  closeIncident: onIncident('closeIncident', ...input('CloseIncidentInput', { consequences: 'Overgenomen.' })),
  reopenIncident: onIncident('reopenIncident', '$reason: String!', 'reason: $reason', { reason: 'Overgenomen.' }),
  correctReport: onIncident('correctReport', ...input('CorrectReportInput', { whatHappened: 'Overgenomen.' })),
  updateRiskAnswers: onIncident(
    'updateRiskAnswers',
    ...input('RiskAnswersInput', { easeOfIdentification: 'NEGLIGIBLE', reason: 'Overgenomen.' }),
  ),
  addImprovementAction: onIncident(
    'addImprovementAction',
    ...input('AddImprovementActionInput', { description: 'Overgenomen.' }),
  ),
  updateImprovementAction: onIncident(
    'updateImprovementAction',
    ...input('UpdateImprovementActionInput', { actionId: 'a1', status: 'DONE' }),
  ),
  // The register (issue 15): A's incident id in B's request is "not found"; B's own register holds only B's.
  apNotificationAnswers: {
    document: 'query($id: ID!) { apNotificationAnswers(incidentId: $id) { reference textNl sections { key } } }',
    variables: (a) => ({ id: a.incidentId }),
    plain: 'refused',
  },
  recordApFollowUp: {
    document: `mutation($id: ID!, $input: RecordApFollowUpInput!) {
      recordApFollowUp(incidentId: $id, input: $input) { reference followUps { summary } } }`,
    variables: (a) => ({ id: a.incidentId, input: { submittedAt: new Date().toISOString(), summary: 'Overgenomen.' } }),
    plain: 'refused',
  },
  withdrawApNotification: {
    document: `mutation($id: ID!, $input: WithdrawApNotificationInput!) {
      withdrawApNotification(incidentId: $id, input: $input) { reference withdrawal { reason } } }`,
    variables: (a) => ({ id: a.incidentId, input: { withdrawnAt: new Date().toISOString(), reason: 'Overgenomen.' } }),
    plain: 'refused',
  },
  dataSubjectLetter: {
    document: 'query($id: ID!) { dataSubjectLetter(incidentId: $id) { reference draft { body } versions { body } } }',
    variables: (a) => ({ id: a.incidentId }),
    plain: 'refused',
  },
  saveDataSubjectLetter: {
    document: `mutation($id: ID!, $input: SaveDataSubjectLetterInput!) {
      saveDataSubjectLetter(incidentId: $id, input: $input) { reference versions { version body } } }`,
    variables: (a) => ({
      id: a.incidentId,
      input: { language: 'NL', variant: 'LETTER', subject: 'Overgenomen', body: 'Overgenomen.' },
    }),
    plain: 'refused',
  },
  recordDataSubjectCommunication: {
    document: `mutation($id: ID!, $input: RecordDataSubjectCommunicationInput!) {
      recordDataSubjectCommunication(incidentId: $id, input: $input) { reference communications { recipients } } }`,
    variables: (a) => ({
      id: a.incidentId,
      input: { sentAt: new Date().toISOString(), channel: 'LETTER', recipients: 3 },
    }),
    plain: 'refused',
  },
  breachRegister: {
    document: `query($filter: RegisterFilterInput) {
      breachRegister(first: 100, filter: $filter) { entries { id reference whatHappened apReference } nextCursor } }`,
    variables: () => ({ filter: { from: '2000-01-01T00:00:00Z' } }),
    plain: 'own',
  },
  incidentNotifications: {
    document: 'query($id: ID!) { incidentNotifications(incidentId: $id) { id event recipientAddress status } }',
    variables: (a) => ({ id: a.incidentId }),
    plain: 'refused',
  },
  // A person's own settings: about their own memberships only, whatever organisation they act for.
  myNotificationSettings: {
    document: `{ myNotificationSettings { address locale dailyDigest
      subscriptions { organisationId organisationName role events } } }`,
    plain: 'own',
  },
  updateMyNotificationSettings: {
    document: `mutation { updateMyNotificationSettings(input: { locale: EN, dailyDigest: true }) {
      address locale dailyDigest subscriptions { organisationId organisationName role events } } }`,
    plain: 'own',
  },
  // Platform admin only: every member of B is refused.
  deadLetters: { document: '{ deadLetters { id reference recipientAddress } }', plain: 'refused' },
  unreachableOrganisations: { document: '{ unreachableOrganisations { id name } }', plain: 'refused' },
  retryDeadLetter: {
    document: 'mutation($id: ID!) { retryDeadLetter(id: $id) }',
    variables: (a) => ({ id: a.incidentId }),
    plain: 'refused',
  },
  // Chain incidents (issue 17): B was never informed of A's chain incident, so it does not exist for B.
  declareChainScenario: {
    document: `mutation($id: ID!) { declareChainScenario(incidentId: $id, scenario: C) { scenario chainIncident { id } } }`,
    variables: (a) => ({ id: a.incidentId }),
    plain: 'refused',
  },
  incidentChainSituation: {
    // The situation (even B, kept on the breach) is as private as A's breach itself.
    document: 'query($id: ID!) { incidentChainSituation(incidentId: $id) { scenario chainIncident { id } } }',
    variables: (a) => ({ id: a.incidentId }),
    plain: 'refused',
  },
  chainIncidents: { document: '{ chainIncidents { id reference partners { id } } }', plain: 'own' },
  chainIncident: {
    document: 'query($id: ID!) { chainIncident(id: $id) { id reference timeline { text } } }',
    variables: (a) => ({ id: a.chainIncidentId }),
    plain: 'refused',
  },
  partnerNotification: {
    document: 'query($id: ID!) { partnerNotification(id: $id) { id reference content { nature } } }',
    variables: (a) => ({ id: a.partnerNotificationId }),
    plain: 'refused',
  },
  chainOverview: {
    document: 'query($id: ID!) { chainOverview(id: $id) { rows { partnerNotificationId } } }',
    variables: (a) => ({ id: a.chainIncidentId }),
    plain: 'refused',
  },
  // HINQ's coordinators only (issue 18): A's chain incident's analysis, and a confirmation naming A's objects.
  viewerLogAnalysis: {
    document: 'query($id: ID!) { viewerLogAnalysis(chainIncidentId: $id) { id organisations { distinctRecords } } }',
    variables: (a) => ({ id: a.chainIncidentId }),
    plain: 'refused',
  },
  confirmViewerLogProposal: {
    document: `mutation($id: ID!, $orgs: [ID!]!) {
      confirmViewerLogProposal(analysisId: $id, organisationIds: $orgs) { id confirmedAt } }`,
    variables: (a) => ({ id: a.chainIncidentId, orgs: [ORG.zuiderhaven] }),
    plain: 'refused',
  },
  // Detection alerts (issue 18): B's officers read B's own only. A dismissal naming an id of A's is not found (a real
  // alert of A's dismissed by B's privacy officer is tried in viewer-log-detection.e2e.spec.ts).
  viewerLogAlerts: { document: '{ viewerLogAlerts { id organisation { id } account dismissalReason } }', plain: 'own' },
  dismissViewerLogAlert: {
    document: 'mutation($id: ID!) { dismissViewerLogAlert(id: $id, reason: "Overgenomen.") { id dismissedAt } }',
    variables: (a) => ({ id: a.incidentId }),
    plain: 'refused',
  },
  // HINQ's coordinators only.
  chainFigures: { document: '{ chainFigures { quarter reported } }', plain: 'refused' },
  choosePartners: {
    document: `mutation($id: ID!, $org: ID!) {
      choosePartners(chainIncidentId: $id, partners: [{ organisationId: $org, reasoning: "Overgenomen." }]) { id } }`,
    variables: (a) => ({ id: a.chainIncidentId, org: ORG.zuiderhaven }),
    plain: 'refused',
  },
  composePartnerNotification: {
    document: `mutation($id: ID!) { composePartnerNotification(chainIncidentId: $id,
      input: { nature: "Overgenomen.", impact: "x", measures: "x" }) { id } }`,
    variables: (a) => ({ id: a.chainIncidentId }),
    plain: 'refused',
  },
  adjustPartnerNotification: {
    document: 'mutation($id: ID!) { adjustPartnerNotification(id: $id, input: { impact: "Overgenomen." }) { id } }',
    variables: (a) => ({ id: a.partnerNotificationId }),
    plain: 'refused',
  },
  approvePartnerNotification: {
    document: 'mutation($id: ID!) { approvePartnerNotification(id: $id) { id } }',
    variables: (a) => ({ id: a.partnerNotificationId }),
    plain: 'refused',
  },
  sendPartnerNotification: {
    document: 'mutation($id: ID!) { sendPartnerNotification(id: $id, delayReasons: "x") { id } }',
    variables: (a) => ({ id: a.partnerNotificationId }),
    plain: 'refused',
  },
  acknowledgePartnerNotification: {
    document: 'mutation($id: ID!) { acknowledgePartnerNotification(id: $id) { id } }',
    variables: (a) => ({ id: a.partnerNotificationId }),
    plain: 'refused',
  },
  postChainTimelineEntry: {
    document: 'mutation($id: ID!) { postChainTimelineEntry(chainIncidentId: $id, text: "Overgenomen.") { id } }',
    variables: (a) => ({ id: a.chainIncidentId }),
    plain: 'refused',
  },
  updateOrganisationContact: {
    document: CONTACT,
    variables: (a) => ({
      input: { organisationId: a.id, contactRole: 'DPO', contactName: 'Indringer', contactEmail: 'x@example.org' },
    }),
    plain: 'refused',
  },
};

/** Every Query and Mutation field of the committed schema (schema.spec.ts keeps it equal to the live one). */
const SCHEMA_OPERATIONS = (() => {
  const schema = buildSchema(readFileSync(join(__dirname, '../schema.graphql'), 'utf8'));
  return [schema.getQueryType(), schema.getMutationType()]
    .flatMap((type) => (type ? Object.keys(type.getFields()) : []))
    .sort();
})();

/** Acting-organisation headers of a member of B only that name A: each must be refused as "not a member". */
const HEADER_TRICKS = [A.id, A.id.toUpperCase(), ` ${A.id} `, `${B.id},${A.id}`, `${A.id},${B.id}`];

// Tables an attempt may add to: the target's access log records attempts against it. Rows present before must
// stay exactly as they were. A table that the logging itself updates in place (a chain head) goes in the second set.
const APPEND_ONLY = new Set(['access_log']);
// Rows waiting to be chained: written by every request, emptied by the seal (access_log holds them after).
const CHANGED_BY_LOGGING = new Set<string>(['access_log_pending']);

/** A's data as the superuser reads it: its organisation row, every row of every table with its organisation_id. */
async function stateOf(db: TestDatabase, organisationId: string) {
  const rows = async (sql: string, params: unknown[] = []) =>
    (await db.sql<{ row: string }>(sql, params)).map((r) => r.row);
  const tables = (
    await db.sql<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'organisation_id' ORDER BY table_name`,
    )
  ).map((r) => r.table_name);
  const owned: Record<string, string[]> = {
    organisation: await rows('SELECT to_jsonb(o)::text AS row FROM organisations o WHERE id = $1', [organisationId]),
    // No organisation added, removed or re-aliased (an alias decides who acts for an organisation).
    'the chain': await rows("SELECT id || ' ' || alias AS row FROM organisations ORDER BY id"),
  };
  const appended: Record<string, string[]> = {};
  for (const table of tables) {
    if (CHANGED_BY_LOGGING.has(table)) continue;
    const found = await rows(
      `SELECT to_jsonb(t)::text AS row FROM "${table}" t WHERE organisation_id = $1 ORDER BY 1`,
      [organisationId],
    );
    if (APPEND_ONLY.has(table)) appended[table] = found;
    else owned[table] = found;
  }
  return { owned, appended };
}

/** The field's answer is absent: `data` is null, or this field in it is. */
function nothingAnswered(res: GqlResult, operation: string): boolean {
  return res.data === null || res.data[operation] === null || res.data[operation] === undefined;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────

type Me = {
  me: {
    actingOrganisation: { id: string; name: string } | null;
    actingRoles: string[];
    mustChooseOrganisation: boolean;
    platformAdmin: boolean;
    memberships: { organisation: { alias: string }; roles: string[] }[];
  };
};

describe('tenant isolation: organisation A can neither read nor change B', () => {
  let t: TestApp;
  const contactOf = async (id: string) =>
    (await t.db.sql('SELECT contact_name, contact_email, name FROM organisations WHERE id = $1', [id]))[0];
  const userIdOf = async (username: string) =>
    (
      await gql<{ me: { user: { id: string } } }>(t.http, {
        token: await tokenFor(username),
        query: '{ me { user { id } } }',
      })
    ).data!.me.user.id;

  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  describe('every operation, tried by each member of B against A', () => {
    let target: Target;
    /** Strings that are A's alone: in no answer to B, shared directory or not. */
    let privateOfA: string[];
    /** A's directory entry: in no answer to B except a shared directory read. */
    let directoryOfA: string[];

    beforeAll(async () => {
      // Activity in A, so that A's log has rows (and the witness's request ids) that could leak.
      const witness = await userIdOf(WITNESS);
      await gql(t.http, { token: await tokenFor(WITNESS), query: ME });
      const log = await gql<{
        accessLog: { entries: { seq: string; userId: string | null; requestId: string | null }[] };
      }>(t.http, {
        token: await tokenFor('wieg-fg'),
        query: '{ accessLog(first: 500) { entries { seq userId requestId } } }',
      });
      const entries = log.data?.accessLog.entries ?? [];
      const witnessed = entries.filter((e) => e.userId === witness);
      expect(witnessed.length).toBeGreaterThan(0);
      // An incident of A, in its first stage (every step mutation would be accepted for its own privacy officer).
      const secret = 'Geheim datalek van De Wieg voor de isolatietest.';
      const reported = await gql<{ reportBreach: { id: string; version: number } }>(t.http, {
        token: await tokenFor('wieg-medewerker'),
        query: REPORT,
        variables: { input: reportInput({ whatHappened: secret }) },
      });
      const incident = reported.data!.reportBreach;
      // A second incident of A made a chain incident (C) with one partner chosen and never informed: HINQ.
      const chainSource = await gql<{ reportBreach: { id: string } }>(t.http, {
        token: await tokenFor('wieg-medewerker'),
        query: REPORT,
        variables: { input: reportInput({ whatHappened: 'Ketenlek van De Wieg voor de isolatietest.' }) },
      });
      const declared = await gql<{ declareChainScenario: { chainIncident: { id: string; reference: string } } }>(
        t.http,
        {
          token: await tokenFor('wieg-privacy'),
          query: `mutation($id: ID!) { declareChainScenario(incidentId: $id, scenario: C) { chainIncident { id reference } } }`,
          variables: { id: chainSource.data!.reportBreach.id },
        },
      );
      const chain = declared.data!.declareChainScenario.chainIncident;
      const chosen = await gql<{ choosePartners: { partners: { id: string }[] } }>(t.http, {
        token: await tokenFor('wieg-privacy'),
        query: `mutation($id: ID!, $org: ID!) { choosePartners(chainIncidentId: $id,
          partners: [{ organisationId: $org, reasoning: "Geheime onderbouwing van De Wieg." }]) { partners { id } } }`,
        variables: { id: chain.id, org: ORG.zonnedauw },
      });
      const partnerNotificationId = chosen.data!.choosePartners.partners[0]!.id;
      target = {
        ...A,
        accessLogCursor: entries[0]!.seq,
        incidentId: incident.id,
        incidentVersion: incident.version,
        chainIncidentId: chain.id,
        partnerNotificationId,
      };
      privateOfA = [
        witness,
        secret,
        incident.id,
        // Not the reference: every organisation numbers its own (B has a DL-YYYY-0002 too).
        chain.id,
        partnerNotificationId,
        'Geheime onderbouwing van De Wieg.',
        ...witnessed.flatMap((e) => (e.requestId ? [e.requestId] : [])),
      ];
      const [org] = await t.db.sql<Record<string, string | null>>(
        'SELECT name, alias, contact_name, contact_email FROM organisations WHERE id = $1',
        [A.id],
      );
      directoryOfA = Object.values(org!).filter((value): value is string => typeof value === 'string');
    });

    it('has an entry for every Query and Mutation of apps/api/schema.graphql, and none for a removed one', () => {
      expect(Object.keys(CASES).sort()).toEqual(SCHEMA_OPERATIONS);
    });

    it.each(SCHEMA_OPERATIONS)('%s', async (operation) => {
      const entry = CASES[operation];
      if (!entry) throw new Error(`No cross-organisation entry for ${operation}: add one to CASES in this file`);
      const before = await stateOf(t.db, A.id);
      const variables = entry.variables?.(target);
      const attempts: { who: string; header?: string; trick: boolean; res: GqlResult }[] = [];
      for (const who of B.members) {
        const token = await tokenFor(who);
        for (const header of [undefined, B.id]) {
          const res = await gql(t.http, { token, organisationId: header, query: entry.document, variables });
          attempts.push({ who, header, trick: false, res });
        }
        for (const header of HEADER_TRICKS) {
          const res = await gql(t.http, { token, organisationId: header, query: entry.document, variables });
          attempts.push({ who, header, trick: true, res });
        }
      }

      for (const { who, header, trick, res } of attempts) {
        const seen = { who, header, code: res.code, answered: !nothingAnswered(res, operation) };
        const data = entry.ownRecordsOfOthers && !trick ? entry.ownRecordsOfOthers(res.data) : res.data;
        const body = JSON.stringify({ data, errors: res.errors });
        if (trick) {
          expect(seen).toEqual({ who, header, code: 'FORBIDDEN', answered: false });
        } else if (entry.plain === 'refused') {
          expect(seen).toEqual({
            who,
            header,
            code: expect.stringMatching(/^(NOT_FOUND|FORBIDDEN)$/),
            answered: false,
          });
        }
        const shared = typeof entry.plain === 'object' && !trick;
        const leaked = [...privateOfA, ...(shared ? [] : directoryOfA)].filter((value) => body.includes(value));
        expect({ who, header, leaked }).toEqual({ who, header, leaked: [] });
      }

      const after = await stateOf(t.db, A.id);
      expect(after.owned).toEqual(before.owned);
      for (const [table, rows] of Object.entries(before.appended)) {
        expect({ table, missingOrChanged: rows.filter((row) => !after.appended[table]?.includes(row)) }).toEqual({
          table,
          missingOrChanged: [],
        });
      }
    });
  });

  describe('the acting organisation', () => {
    it('is implied for a person in one organisation, with only that organisation’s roles', async () => {
      const res = await gql<Me>(t.http, { token: await tokenFor('wieg-privacy'), query: ME });
      expect(res.data?.me).toMatchObject({
        actingOrganisation: { id: ORG.wieg },
        actingRoles: ['privacy-officer'],
        mustChooseOrganisation: false,
      });
    });

    it('must be chosen by a person in several organisations; operations acting for one say so', async () => {
      const token = await tokenFor('multi-fg');
      const me = await gql<Me>(t.http, { token, query: ME });
      expect(me.data?.me).toMatchObject({ actingOrganisation: null, actingRoles: [], mustChooseOrganisation: true });
      expect(me.data?.me.memberships.map((m) => [m.organisation.alias, m.roles])).toEqual([
        ['vp-de-wieg', ['dpo']],
        ['vp-het-nest', ['employee']],
      ]);
      const log = await gql(t.http, { token, query: ACCESS_LOG });
      expect(log.code).toBe('ORGANISATION_REQUIRED');
      expect(log.errors[0]?.message).toMatch(/kies eerst voor welke organisatie/);
    });

    it('gives the multi-organisation person exactly the rights of the selected organisation, never the union', async () => {
      const token = await tokenFor('multi-fg');
      const asFg = await gql(t.http, { token, organisationId: ORG.wieg, query: ACCESS_LOG });
      expect(asFg.errors).toEqual([]);
      const asEmployee = await gql(t.http, { token, organisationId: ORG.nest, query: ACCESS_LOG });
      expect(asEmployee.code).toBe('FORBIDDEN');
      const me = await gql<Me>(t.http, { token, organisationId: ORG.nest, query: ME });
      expect(me.data?.me).toMatchObject({ actingOrganisation: { id: ORG.nest }, actingRoles: ['employee'] });
    });

    it('refuses a header naming an organisation the token does not hold, readable, in both languages', async () => {
      const token = await tokenFor('wieg-fg');
      const userId = await userIdOf('wieg-fg');
      // This person's refused `me` rows: counted before and after, other tests may have added their own.
      const refusals = () =>
        t.db.sql<{ organisation_id: string | null }>(
          `SELECT organisation_id FROM access_log
            WHERE result = 'refused' AND reason = 'FORBIDDEN' AND operation = 'me' AND user_id = $1`,
          [userId],
        );
      const before = (await refusals()).length;
      for (const organisationId of [ORG.nest, 'not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
        const res = await gql(t.http, { token, organisationId, query: ME });
        expect(res.code).toBe('FORBIDDEN');
        expect(res.errors[0]?.message).toBe(
          'U bent geen lid van de gekozen organisatie. Kies een organisatie waarvoor u werkt.',
        );
      }
      // The refusals are in the access log with who tried, and for no organisation.
      const after = await refusals();
      expect(after).toHaveLength(before + 3);
      expect(after.every((r) => r.organisation_id === null)).toBe(true);
      const en = await gql(t.http, { token, organisationId: ORG.nest, query: ME, language: 'en' });
      expect(en.errors[0]?.message).toBe(
        'You are not a member of the chosen organisation. Choose an organisation you work for.',
      );
    });

    it('grants nothing for a hinq-coordinator group outside HINQ, and nothing for an unknown organisation', async () => {
      for (const username of ['nep-coordinator', 'onbekende-org']) {
        const token = await tokenFor(username);
        const me = await gql<Me>(t.http, { token, query: ME });
        expect(me.data?.me).toMatchObject({ memberships: [], actingOrganisation: null, platformAdmin: false });
        const directory = await gql(t.http, { token, query: DIRECTORY });
        expect(directory.code).toBe('FORBIDDEN');
        const asWieg = await gql(t.http, { token, organisationId: ORG.wieg, query: ME });
        expect(asWieg.code).toBe('FORBIDDEN');
      }
    });
  });

  // What the table cannot say in general: the exact answers of some operations.
  describe('per operation, in detail', () => {
    it('organisations / organisation: the directory holds no breach data and is shared with every chain member by design', async () => {
      const token = await tokenFor('nest-medewerker');
      const list = await gql<{ organisations: { id: string }[] }>(t.http, { token, query: DIRECTORY });
      expect(list.data?.organisations.map((o) => o.id).sort()).toEqual(Object.values(ORG).sort());
      const one = await gql(t.http, { token, query: `{ organisation(id: "${ORG.wieg}") { name contactEmail } }` });
      expect(one.data).toEqual({
        organisation: { name: 'Verloskundigenpraktijk De Wieg', contactEmail: 'fg@de-wieg.example.org' },
      });
      const missing = await gql(t.http, {
        token,
        query: '{ organisation(id: "00000000-0000-4000-8000-000000000000") { name } }',
      });
      expect(missing.code).toBe('NOT_FOUND');
    });

    it('updateOrganisationContact: B’s id answers not found to A’s privacy officer and FG, and B is unchanged', async () => {
      const before = await contactOf(ORG.nest);
      for (const username of ['wieg-privacy', 'wieg-fg']) {
        const res: GqlResult = await gql(t.http, {
          token: await tokenFor(username),
          query: CONTACT,
          variables: {
            input: {
              organisationId: ORG.nest,
              contactRole: 'DPO',
              contactName: 'Indringer',
              contactEmail: 'x@example.org',
            },
          },
        });
        expect(res.code).toBe('NOT_FOUND');
        expect(res.errors[0]?.message).toBe('De organisatie is niet gevonden.');
      }
      expect(await contactOf(ORG.nest)).toEqual(before);
    });

    it('updateOrganisation / createOrganisation: only the platform admin; a privacy officer changes nothing', async () => {
      const before = await contactOf(ORG.nest);
      const token = await tokenFor('wieg-privacy');
      const update = await gql(t.http, {
        token,
        query: UPDATE_ORG,
        variables: { id: ORG.nest, input: { name: 'Overgenomen' } },
      });
      expect(update.code).toBe('FORBIDDEN');
      const create = await gql(t.http, {
        token,
        query: CREATE_ORG,
        variables: { input: { alias: 'vp-nieuw', name: 'Nieuw', kind: 'HOSPITAL' } },
      });
      expect(create.code).toBe('FORBIDDEN');
      expect(await contactOf(ORG.nest)).toEqual(before);
      expect(await t.db.sql("SELECT id FROM organisations WHERE alias = 'vp-nieuw'")).toEqual([]);
    });

    it('accessLog: A’s FG sees only A’s rows and cannot act for B', async () => {
      // Activity in B first, so there is something to leak.
      await gql(t.http, { token: await tokenFor('nest-fg'), query: ACCESS_LOG });
      await gql(t.http, { token: await tokenFor('nest-privacy'), query: ME });
      const token = await tokenFor('wieg-fg');
      await gql(t.http, { token, query: ME });
      const rowsOf = async (organisationId: string) =>
        // An organisation's chain: its own requests and the attempts from outside that named it.
        (
          await t.db.sql<{ seq: string }>('SELECT seq::text AS seq FROM access_log WHERE chain_id = $1', [
            organisationId,
          ])
        ).map((r) => r.seq);
      expect((await rowsOf(ORG.nest)).length).toBeGreaterThan(0);
      const inABefore = await rowsOf(ORG.wieg);
      // Every page: this file's attempts from outside fill A's chain with more rows than one page holds.
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: GqlResult<LogPage> = await gql<LogPage>(t.http, {
          token,
          query: ACCESS_LOG_PAGE,
          variables: { after },
        });
        expect(page.errors).toEqual([]);
        seen.push(...page.data!.accessLog.entries.map((e) => e.seq));
        after = page.data!.accessLog.nextCursor;
      } while (after);
      const inAAfter = await rowsOf(ORG.wieg);
      // Only A's rows, and every row A had when the read began (its own row may or may not be among them).
      expect(seen.filter((seq) => !inAAfter.includes(seq))).toEqual([]);
      expect(inABefore.filter((seq) => !seen.includes(seq))).toEqual([]);
      const asB = await gql(t.http, { token, organisationId: ORG.nest, query: ACCESS_LOG });
      expect(asB.code).toBe('FORBIDDEN');
    });
  });

  describe('the platform admin', () => {
    it('onboards organisations but reads no breach data, register or access log of any organisation', async () => {
      const token = await tokenFor('beheerder');
      const me = await gql<{ me: { platformAdmin: boolean; abilityRules: string } }>(t.http, {
        token,
        query: '{ me { platformAdmin abilityRules } }',
      });
      expect(me.data?.me.platformAdmin).toBe(true);
      const subjects = (JSON.parse(me.data!.me.abilityRules) as { subject: string | string[] }[]).flatMap(
        (r) => r.subject,
      );
      expect(subjects).not.toEqual(expect.arrayContaining(['Incident']));
      expect(subjects).not.toContain('Register');
      expect(subjects).not.toContain('AccessLog');
      for (const organisationId of [undefined, ORG.wieg, ORG.hinq]) {
        const log = await gql(t.http, { token, organisationId, query: ACCESS_LOG });
        expect(log.code).toBe('FORBIDDEN');
      }
    });
  });
});
