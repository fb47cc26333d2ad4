import { diff } from './changes';
import { checkRevisionReason, invalid, type HandlerTable, type StepOutcome } from './handler';
import type { BreachIncident, ImprovementAction } from './incident';
import { isInstant, Problems } from './problems';
import { applyStatus, checkMeasure } from './response';
import { mergeRiskAnswers } from './risk-answers';

/**
 * The risk answers of steps 5 and 6, and the improvement actions of step 7 (lessons learned). Both are kept as
 * events like every change (old → new).
 */
type Handled = 'update-risk-answers' | 'add-improvement-action' | 'update-improvement-action';

/** An improvement that is planned further ahead than this is a typing error in the year, not a plan. */
const DUE_HORIZON_MS = 5 * 366 * 24 * 3600_000;
const ACTION_ID_MAX = 100;

function accepted(incident: BreachIncident, next: BreachIncident, reason: string | null = null): StepOutcome {
  return { ok: true, next, changes: diff(incident, next), reason };
}

export const IMPROVEMENT_HANDLERS: HandlerTable<Handled> = {
  'update-risk-answers': (incident, command) => {
    const p = new Problems();
    const riskAnswers = mergeRiskAnswers(p, incident.riskAnswers, command.answers);
    // A decision of step 5 or 6 rests on the advice these answers fed: changing them afterwards is a revision.
    const decided = incident.apDecision !== null || incident.dataSubjectDecision !== null;
    const changes = diff(incident.riskAnswers, riskAnswers).length > 0;
    const reason = checkRevisionReason(p, decided && changes, command.reason);
    if (!p.empty) return invalid(p);
    return accepted(incident, { ...incident, riskAnswers }, reason);
  },

  'add-improvement-action': (incident, command, { now }) => {
    const p = new Problems();
    const id = command.actionId?.trim() ?? '';
    if (!id || id.length > ACTION_ID_MAX) {
      p.add('actionId', { nl: 'De actie heeft geen geldige sleutel.', en: 'The action has no valid key.' });
    } else if (incident.improvementActions.some((a) => a.id === id)) {
      p.add('actionId', { nl: 'Deze actie bestaat al.', en: 'This action already exists.' });
    }
    const base: ImprovementAction = { id, description: '', owner: null, status: 'planned', dueAt: null, doneAt: null };
    const action = checkMeasure(p, command, base, true);
    checkDue(p, incident, command.dueAt, now);
    if (!p.empty) return invalid(p);
    return accepted(incident, { ...incident, improvementActions: [...incident.improvementActions, action] });
  },

  'update-improvement-action': (incident, command, { now }) => {
    const p = new Problems();
    const current = incident.improvementActions.find((a) => a.id === command.actionId);
    if (!current) {
      p.add('actionId', { nl: 'Deze actie bestaat niet.', en: 'This action does not exist.' });
      return invalid(p);
    }
    const action = checkMeasure(p, command, current, false);
    applyStatus(p, action, current, command.status, now);
    checkDue(p, incident, command.dueAt, now);
    if (!p.empty) return invalid(p);
    const improvementActions = incident.improvementActions.map((a) => (a.id === current.id ? action : a));
    return accepted(incident, { ...incident, improvementActions });
  },
};

/** A due date lies after the discovery and within a few years: anything else is a typing error. */
function checkDue(p: Problems, incident: BreachIncident, dueAt: Date | null | undefined, now: Date): void {
  if (!isInstant(dueAt)) return; // absent, cleared, or already refused as not an instant
  if (dueAt.getTime() < incident.report.discoveredAt.getTime()) {
    p.add('dueAt', {
      nl: 'De termijn ligt vóór de ontdekking van het datalek.',
      en: 'The due date is before the breach was discovered.',
    });
  } else if (dueAt.getTime() > now.getTime() + DUE_HORIZON_MS) {
    p.add('dueAt', {
      nl: 'De termijn ligt meer dan vijf jaar vooruit; controleer het jaartal.',
      en: 'The due date is more than five years ahead; check the year.',
    });
  }
}
