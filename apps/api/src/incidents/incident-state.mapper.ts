import { emptyRiskAnswers, type BreachIncident } from '@babyconnect/domain';

/**
 * The domain's incident as stored in `incidents.state` (jsonb) and back. JSON has no instant type: every Date is
 * written as an ISO-8601 UTC string, and read back at exactly these paths (a new Date field in the domain must be
 * added here; the round-trip test fails until it is). State written before a field existed gets that field's
 * starting value here (risk answers unknown, no improvement actions), so old rows need no data migration.
 */
export type StoredIncidentState = Record<string, unknown>;

export function toStoredState(incident: BreachIncident): StoredIncidentState {
  // JSON.stringify writes a Date through toISOString(); the parse gives plain JSON for the driver.
  return JSON.parse(JSON.stringify(incident)) as StoredIncidentState;
}

/**
 * `owned`: the caller hands over a state nobody else holds (a row the driver just parsed), so it is converted in
 * place; otherwise it is copied first. The register's export reads 10,000 rows, and the copy was a tenth of its time.
 */
export function fromStoredState(
  stored: StoredIncidentState,
  { owned = false }: { owned?: boolean } = {},
): BreachIncident {
  const s = (owned ? stored : structuredClone(stored)) as unknown as Json;
  const date = (value: unknown): Date | null => (typeof value === 'string' ? new Date(value) : null);
  const required = (value: unknown, path: string): Date => {
    const d = date(value);
    if (!d || Number.isNaN(d.getTime())) throw new Error(`stored incident state: ${path} is not an instant`);
    return d;
  };
  const at = <T extends Json | null>(obj: T, keys: string[]): T => {
    if (obj) for (const key of keys) obj[key] = date(obj[key]);
    return obj;
  };
  s['reportedAt'] = required(s['reportedAt'], 'reportedAt');
  const report = s['report'] as Json;
  report['discoveredAt'] = required(report['discoveredAt'], 'report.discoveredAt');
  at(s['assessment'] as Json | null, ['assessedAt']);
  at(s['checklist'] as Json, ['startedAt']);
  at(s, ['overviewCompletedAt', 'dataSubjectsInformedAt']);
  const containment = s['containment'] as Json;
  at(containment, ['completedAt']);
  for (const measure of containment['measures'] as Json[]) at(measure, ['dueAt', 'doneAt']);
  at(s['apDecision'] as Json | null, ['decidedAt']);
  at(s['apNotification'] as Json | null, ['submittedAt', 'recordedAt']);
  at(s['dataSubjectDecision'] as Json | null, ['decidedAt']);
  for (const advice of s['dpoAdvice'] as Json[]) at(advice, ['recordedAt']);
  at(s['closure'] as Json | null, ['closedAt']);
  s['riskAnswers'] = { ...emptyRiskAnswers(), ...((s['riskAnswers'] as Json | undefined) ?? {}) };
  s['improvementActions'] ??= [];
  for (const action of s['improvementActions'] as Json[]) at(action, ['dueAt', 'doneAt']);
  return s as unknown as BreachIncident;
}

type Json = Record<string, unknown>;
