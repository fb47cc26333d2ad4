import type { ChainScenario } from '@babyconnect/domain';
import type { Actor } from '../auth/actor';
import type { TenantTransaction } from '../database/tenancy';
import type { StoredIncident } from './incidents.repository';

/**
 * The chain's part of a report (issue 17, item 1): the situation A, B or C the reporter answered together with the
 * report. Called by IncidentsService.report right after the breach and its events are written, inside the same
 * request transaction, so a refused or failed report leaves no chain incident behind and a committed one cannot
 * lose it (HINQ's mail is in the same outbox transaction). Provided by the chain module (ChainScenarioService); a direct
 * call rather than the IncidentObserver hook because the observer sees the change, not the reporter's answer, and
 * because its errors are the report's errors (the reporter must hear it, not a background log).
 */
export interface ChainScenarioAtReport {
  declareAtReport(
    tx: TenantTransaction,
    actor: Actor,
    incident: StoredIncident,
    scenario: ChainScenario,
  ): Promise<void>;
}

export const CHAIN_SCENARIO_AT_REPORT = Symbol('CHAIN_SCENARIO_AT_REPORT');
