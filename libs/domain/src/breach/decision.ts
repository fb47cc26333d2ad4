import type { IncidentEvent } from './changes';
import type { BreachIncident } from './incident';
import type { InputProblem } from './problems';

/**
 * Why a command was refused; each maps to one API error code:
 * - `forbidden`: the actor's roles do not allow it (the API answers *not found* or *forbidden* as its rules say);
 * - `conflict`: someone else saved first (the command's `version` is not the incident's);
 * - `wrong-stage`: the protocol does not allow it now (a step cannot be skipped);
 * - `invalid`: fields are missing or wrong; every problem is listed, so the form can show them all at once.
 */
export const REFUSAL_KINDS = ['forbidden', 'conflict', 'wrong-stage', 'invalid'] as const;
export type RefusalKind = (typeof REFUSAL_KINDS)[number];

export interface Accepted {
  ok: true;
  incident: BreachIncident;
  /** To store, in order, in the same transaction as the incident. */
  events: IncidentEvent[];
}

export interface Refused {
  ok: false;
  refusal: RefusalKind;
  problems: InputProblem[];
}

export type Decision = Accepted | Refused;

export function refuse(refusal: RefusalKind, problems: InputProblem[]): Refused {
  return { ok: false, refusal, problems };
}
