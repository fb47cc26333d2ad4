import type { BreachIncident, IncidentEvent } from '@babyconnect/domain';
import type { TenantTransaction } from '../database/tenancy';

/** One accepted change of an incident, as the incidents service committed (or is about to commit) it. */
export interface IncidentChange {
  id: string;
  year: number;
  number: number;
  /** null for a new report. */
  before: BreachIncident | null;
  after: BreachIncident;
  /** The events just appended to the history, in order. */
  events: readonly IncidentEvent[];
}

/**
 * What else must happen *in the same transaction* as an incident change (the notifications outbox and deadline
 * timers): called by IncidentsService after it wrote the change and its events, with the request's tenant
 * transaction, so a rolled-back change leaves nothing behind and a committed one cannot lose its consequences.
 * Optional: without a provider the service runs alone.
 */
export interface IncidentObserver {
  incidentChanged(tx: TenantTransaction, change: IncidentChange): Promise<void>;
}

export const INCIDENT_OBSERVER = Symbol('INCIDENT_OBSERVER');
