import type { App } from 'supertest/types';
import { gql, type GqlResult } from './gql';
import { DETAIL, ok, step, withInput, type IncidentView } from './incidents';
import { tokenFor } from './tokens';

/** GraphQL documents and helpers for the chain specs (chain*.e2e.spec.ts, tenancy-isolation). */

const CLOCK = 'state deadline remainingMs';
export const PARTNER_FIELDS = `id chainIncidentId reference scenario reasoning status contactReachable adjustedFields
  reportingOrganisation { id name } partnerOrganisation { id name }
  content { nature impact measures affectedRecords } informBy informClock { ${CLOCK} }
  approvedAt sentAt delayReasons acknowledgedAt acknowledgedByName awareness { at basis ruleNl }
  linkedIncidentId ownApDecisionRequired`;
export const CHAIN_FIELDS = `id scenario reference exercise reportingOrganisation { id name } discoveredAt partnerDeadline
  declaredAt participation sourceIncidentId content { nature impact measures affectedRecords }
  partners { ${PARTNER_FIELDS} } timeline { id authorKind authorOrganisation { id name } authorName at text }`;

export const DECLARE = `mutation($incidentId: ID!, $scenario: ChainScenario!) {
  declareChainScenario(incidentId: $incidentId, scenario: $scenario) { scenario chainIncident { ${CHAIN_FIELDS} } } }`;
export const CHAIN_LIST = `{ chainIncidents { id reference scenario participation partners { id partnerOrganisation { id } } } }`;
export const CHAIN = `query($id: ID!) { chainIncident(id: $id) { ${CHAIN_FIELDS} } }`;
export const PARTNER = `query($id: ID!) { partnerNotification(id: $id) { ${PARTNER_FIELDS} } }`;
export const OVERVIEW = `query($id: ID!) { chainOverview(id: $id) { chainIncident { id reference }
  rows { partnerNotificationId partnerOrganisation { id name } status informBy informClock { ${CLOCK} } informedAt
    acknowledgedAt awareness { at basis } ownApDecisionTaken ownApNotifiedAt ownApClock { ${CLOCK} }
    dataSubjectsDecided dataSubjectsInformedAt } } }`;
export const FIGURES = `{ chainFigures { organisation { id name } quarter reported breaches nearMisses chainIncidents lowReportingSignal } }`;
export const CHOOSE = `mutation($id: ID!, $partners: [PartnerChoiceInput!]!, $confirm: Boolean) {
  choosePartners(chainIncidentId: $id, partners: $partners, confirmPrivacyWarnings: $confirm) { ${CHAIN_FIELDS} } }`;
export const COMPOSE = `mutation($id: ID!, $input: PartnerNotificationContentInput!) {
  composePartnerNotification(chainIncidentId: $id, input: $input) { ${CHAIN_FIELDS} } }`;
export const ADJUST = `mutation($id: ID!, $input: PartnerNotificationAdjustmentInput!) {
  adjustPartnerNotification(id: $id, input: $input) { ${PARTNER_FIELDS} } }`;
export const APPROVE = `mutation($id: ID!) { approvePartnerNotification(id: $id) { ${PARTNER_FIELDS} } }`;
export const SEND = `mutation($id: ID!, $delayReasons: String) {
  sendPartnerNotification(id: $id, delayReasons: $delayReasons) { ${PARTNER_FIELDS} } }`;
export const ACKNOWLEDGE = `mutation($id: ID!) { acknowledgePartnerNotification(id: $id) { ${PARTNER_FIELDS} } }`;
export const POST = `mutation($id: ID!, $text: String!) {
  postChainTimelineEntry(chainIncidentId: $id, text: $text) { ${CHAIN_FIELDS} } }`;

export interface PartnerView {
  id: string;
  status: string;
  partnerOrganisation: { id: string; name: string };
  informClock: { state: string; deadline: string };
  sentAt: string | null;
  acknowledgedAt: string | null;
  awareness: { at: string; basis: string; ruleNl: string } | null;
  linkedIncidentId: string | null;
  content: { nature: string; impact: string; measures: string; affectedRecords: number | null } | null;
  [key: string]: unknown;
}
export interface ChainView {
  id: string;
  reference: string;
  scenario: string;
  participation: string[];
  sourceIncidentId: string | null;
  content: unknown;
  partners: PartnerView[];
  timeline: { authorKind: string; authorOrganisation: { id: string }; text: string }[];
  [key: string]: unknown;
}

export const CONTENT = {
  nature: 'Een medewerker heeft zonder reden dossiers in het cliëntsysteem ingezien en mogelijk de viewer gebruikt.',
  impact: 'Dossiers van cliënten die ook bij uw organisatie in zorg zijn, kunnen zijn ingezien.',
  measures: 'Account geblokkeerd, toegangslog van de viewer opgevraagd bij HINQ.',
};

/** Runs one operation as `username`; `T` is the operation's answer (the one field of `data`). */
export async function as<T = unknown>(
  http: App,
  username: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GqlResult<Record<string, T>>> {
  return gql<Record<string, T>>(http, { token: await tokenFor(username), query, variables });
}

/** The operation's answer, or the test fails with the errors. */
export function value<T>(res: GqlResult<Record<string, T>>): T {
  const found = res.data ? Object.values(res.data)[0] : null;
  if (!found) throw new Error(`refused: ${JSON.stringify(res.errors)}`);
  return found;
}

/** The protocol's own example as a checklist: a trustworthy recipient that deleted the data (advice: no risk). */
const CHECKLIST = {
  kinds: ['CONFIDENTIALITY'],
  cause: { category: 'UNAUTHORISED_ACCESS_INTERNAL', description: 'Onbevoegde inzage bij een ketenpartner.' },
  stillOngoing: 'NO',
  dataCategories: ['HEALTH'],
  groups: ['CLIENTS'],
  persons: { kind: 'EXACT', value: 3 },
  records: { kind: 'EXACT', value: 3 },
  recipients: {
    count: { kind: 'EXACT', value: 1 },
    known: 'YES',
    maliceLikely: 'NO',
    professionalSecrecy: 'YES',
    deletionConfirmed: 'YES',
  },
};

/** A partner's privacy officer takes its own linked incident through steps 2–7, deciding on its own AP notification. */
export async function runOwnProtocol(
  http: App,
  officer: string,
  incidentId: string,
  apDecision: { notify: boolean; reasoning: string; departureReason?: string },
): Promise<IncidentView> {
  const detail = await gql<{ incident: IncidentView }>(http, {
    token: await tokenFor(officer),
    query: DETAIL,
    variables: { id: incidentId },
  });
  if (!detail.data) throw new Error(`detail refused: ${JSON.stringify(detail.errors)}`);
  let incident = detail.data.incident;
  incident = await ok(
    step(
      http,
      officer,
      'assessIncident',
      incident,
      { input: { conclusion: 'BREACH', reasoning: 'Gegevens van onze cliënten ingezien.' } },
      ...withInput('AssessIncidentInput'),
    ),
  );
  incident = await ok(
    step(http, officer, 'updateIncidentChecklist', incident, { input: CHECKLIST }, ...withInput('ChecklistInput')),
  );
  incident = await ok(step(http, officer, 'completeIncidentOverview', incident));
  incident = await ok(
    step(
      http,
      officer,
      'addContainmentMeasure',
      incident,
      { input: { description: 'Toegang van de betrokken medewerker in de keten laten blokkeren.' } },
      ...withInput('AddContainmentMeasureInput'),
    ),
  );
  const measures = await gql<{ incident: { containment: { measures: { id: string }[] } } }>(http, {
    token: await tokenFor(officer),
    query: `query($id: ID!) { incident(id: $id) { containment { measures { id } } } }`,
    variables: { id: incidentId },
  });
  const measureId = measures.data!.incident.containment.measures[0]!.id;
  incident = await ok(
    step(
      http,
      officer,
      'updateContainmentMeasure',
      incident,
      { input: { measureId, status: 'DONE' } },
      ...withInput('UpdateContainmentMeasureInput'),
    ),
  );
  incident = await ok(step(http, officer, 'completeContainment', incident));
  incident = await ok(
    step(
      http,
      officer,
      'decideApNotification',
      incident,
      { input: apDecision },
      ...withInput('DecideApNotificationInput'),
    ),
  );
  return incident;
}

export async function closeOwnRegisterEntry(http: App, officer: string, incident: IncidentView): Promise<IncidentView> {
  let next = incident;
  next = await ok(
    step(
      http,
      officer,
      'decideDataSubjects',
      next,
      { input: { outcome: 'NOT_INFORM', reasoning: 'Geen hoog risico voor de betrokkenen.' } },
      ...withInput('DecideDataSubjectsInput'),
    ),
  );
  return ok(
    step(
      http,
      officer,
      'closeIncident',
      next,
      {
        input: {
          consequences: 'Inzage zonder verdere verspreiding.',
          recurrencePrevention: 'Toegang in de keten herzien.',
        },
      },
      ...withInput('CloseIncidentInput'),
    ),
  );
}
