import type { App } from 'supertest/types';
import { gql, type GqlResult } from './gql';
import { tokenFor } from './tokens';

/** GraphQL documents and helpers for the incident specs (incidents*.e2e.spec.ts, tenancy-isolation). */

export const INCIDENT_FIELDS = `id reference version stage exercise reportedAt discoveredAt apDeadline
  apClock { state deadline remainingMs }`;

export const REPORT = `mutation($input: ReportBreachInput!) { reportBreach(input: $input) { ${INCIDENT_FIELDS} } }`;

export const DETAIL = `query($id: ID!) { incident(id: $id) { ${INCIDENT_FIELDS}
  report { whatHappened howDiscovered otherOrganisationsInvolved }
  assessment { conclusion reasoning }
  checklist { kinds stillOngoing dataCategories groups persons { kind value min max } cause { category description } }
  containment { measures { id description owner status dueAt doneAt } completedAt }
  apDecision { notify reasoning departureReason advice { modelVersion notifyAp dataSubjects } }
  apNotification { submittedAt apReference delayReasons }
  dataSubjectDecision { outcome exemption departureReason advice { notifyAp dataSubjects } }
  dataSubjectsInformedAt dpoAdvice { text recordedAt recordedBy } closure { outcome consequences }
  riskAnswers { easeOfIdentification integrityLoss availabilityLoss laterMeasuresRemovedHighRisk
    individualContactDisproportionate }
  improvementActions { id description owner status dueAt doneAt }
  steps { step status }
  riskAdvice { modelVersion level score severity recommendation notifyAp dataSubjects
    reasons { factor effect text { nl en } } missingAnswers { question } } } }`;

export const LIST = `query($first: Int, $after: String, $filter: IncidentFilterInput, $sort: IncidentSort) {
  incidents(first: $first, after: $after, filter: $filter, sort: $sort) {
    nodes { id reference stage exercise reportedAt discoveredAt whatHappenedExcerpt reportedByMe apClock { state } }
    nextCursor } }`;

export const HISTORY = `query($id: ID!) { incidentHistory(id: $id) {
  version type at personId personName roles reason changes { field from to }
  advice { modelVersion level notifyAp inputs } } }`;

export interface IncidentView {
  id: string;
  reference: string;
  version: number;
  stage: string;
  exercise: boolean;
  discoveredAt: string;
  apDeadline: string;
  apClock: { state: string; deadline: string; remainingMs: number | null };
  [key: string]: unknown;
}

/** A valid report; override what the test is about. */
export function reportInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    whatHappened: 'Een verslag is naar de verkeerde gynaecoloog gemaild.',
    stillOngoing: 'NO',
    howDiscovered: 'De ontvanger belde op.',
    otherOrganisationsInvolved: 'NO',
    exercise: false,
    ...overrides,
  };
}

export async function report(
  http: App,
  username: string,
  overrides: Record<string, unknown> = {},
): Promise<IncidentView> {
  const res = await gql<{ reportBreach: IncidentView }>(http, {
    token: await tokenFor(username),
    query: REPORT,
    variables: { input: reportInput(overrides) },
  });
  if (!res.data?.reportBreach) throw new Error(`report refused: ${JSON.stringify(res.errors)}`);
  return res.data.reportBreach;
}

/**
 * Runs one step mutation. `signature` is the mutation's extra arguments, e.g. `$input: AssessIncidentInput!`;
 * `args` how they are passed, e.g. `input: $input`.
 */
export async function step(
  http: App,
  username: string,
  mutation: string,
  incident: { id: string; version: number },
  variables: Record<string, unknown> = {},
  signature = '',
  args = '',
  language?: string,
): Promise<GqlResult<Record<string, IncidentView>>> {
  const extra = signature ? `, ${signature}` : '';
  const passed = args ? `, ${args}` : '';
  return gql<Record<string, IncidentView>>(http, {
    token: await tokenFor(username),
    language,
    query: `mutation($id: ID!, $v: Int!${extra}) { ${mutation}(id: $id, expectedVersion: $v${passed}) { ${INCIDENT_FIELDS} } }`,
    variables: { id: incident.id, v: incident.version, ...variables },
  });
}

/** A step that must be accepted: returns the incident after it. */
export async function ok(res: Promise<GqlResult<Record<string, IncidentView>>>): Promise<IncidentView> {
  const r = await res;
  const value = r.data && Object.values(r.data)[0];
  if (!value) throw new Error(`step refused: ${JSON.stringify(r.errors)}`);
  return value;
}

export const withInput = (type: string) => [`$input: ${type}!`, 'input: $input'] as const;
