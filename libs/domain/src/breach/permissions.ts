import type { OrganisationRole } from '../identity/organisation-role';
import type { IncidentCommandType } from './commands';
import type { Actor, BreachIncident } from './incident';

/**
 * Who may do what, by role in the acting organisation (DOMAIN.md, protocol "Verantwoordelijkheden"):
 * - everyone in the organisation reports (a suspicion is enough); the reporter may correct the report while it
 *   waits for assessment, and follows it;
 * - the privacy officer investigates, assesses, decides, records notifications, keeps the register, closes and
 *   re-opens;
 * - the FG (DPO) is consulted and records advice, at any stage, also after closing — but does not decide: GDPR
 *   art. 38(6) and the EDPB/WP29 DPO guidelines (WP243) keep the DPO from determining what the controller does,
 *   and advising on one's own decision would be a conflict of interest. A person who holds both roles in a small
 *   practice acts as privacy officer;
 * - the auditor and the HINQ coordinator only read (the coordinator's chain work is the chain issue's).
 */
export const REPORTING_ROLES: readonly OrganisationRole[] = [
  'employee',
  'privacy-officer',
  'dpo',
  'auditor',
  'hinq-coordinator',
];

const OFFICER: readonly OrganisationRole[] = ['privacy-officer'];

export const COMMAND_ROLES: Readonly<Record<IncidentCommandType, readonly OrganisationRole[]>> = {
  // Besides the officer, the reporter (any role) corrects their own report before assessment; see `mayPerform`.
  'correct-report': OFFICER,
  assess: OFFICER,
  'update-checklist': OFFICER,
  'complete-overview': OFFICER,
  'add-containment-measure': OFFICER,
  'update-containment-measure': OFFICER,
  'complete-containment': OFFICER,
  'decide-ap-notification': OFFICER,
  'record-ap-notification': OFFICER,
  'decide-data-subjects': OFFICER,
  'record-data-subjects-informed': OFFICER,
  'record-dpo-advice': ['dpo'],
  close: OFFICER,
  reopen: OFFICER,
  'update-risk-answers': OFFICER,
  // The FG advises on lessons learned (record-dpo-advice) but does not own or decide them.
  'add-improvement-action': OFFICER,
  'update-improvement-action': OFFICER,
};

/** Whether `actor` may perform `type` on `incident` at all (the stage is `workflow.ts`'s question). */
export function mayPerform(actor: Actor, type: IncidentCommandType, incident: BreachIncident): boolean {
  if (actor.roles.some((role) => COMMAND_ROLES[type].includes(role))) return true;
  if (type === 'correct-report') {
    // Anyone may correct their own report while nobody has assessed it yet; after that it is the officer's.
    return actor.personId === incident.reportedBy && incident.stage === 'reported';
  }
  return false;
}

export function mayReport(actor: Actor): boolean {
  return actor.roles.some((role) => REPORTING_ROLES.includes(role));
}
