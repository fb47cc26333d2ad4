import type { Clock } from '../time/clock';
import type { LocalisedText } from '../text/localised-text';
import { makeEvent } from './changes';
import type { IncidentCommand, IncidentCommandType } from './commands';
import { refuse, type Decision } from './decision';
import type { HandlerTable, StepContext, StepHandler } from './handler';
import type { Actor, BreachIncident, IncidentStage } from './incident';
import { mayPerform } from './permissions';
import { IMPROVEMENT_HANDLERS } from './improvement';
import { RESPONSE_HANDLERS } from './response';
import { STAGE_NAMES } from './steps';
import { STEP_HANDLERS } from './transitions';

/**
 * The breach workflow as one pure function: `decide(incident, command, actor, clock)` answers either the next
 * incident (version + 1) with the events to store, or why not — never by throwing, since a refusal is expected.
 *
 * Guards, in this order: the role (forbidden), the version (conflict: a stale view must not be judged on the
 * stage it no longer shows), the stage (a step cannot be skipped), then the fields (all problems at once).
 *
 * Stages in which each command is accepted. After a step closed, what may still change (always kept as
 * events with old → new): the report (reason needed for the discovery time), the assessment (a revision with a
 * reason), the checklist (new facts; art. 33(4) lets information follow), containment measures (also after
 * closing: measures run on), decisions until what they decided was carried out (a notification sent cannot be
 * un-sent), the AP's reference (a correction with a reason), FG advice at any time, the risk answers (a revision
 * with a reason once a step-5/6 decision rests on them), improvement actions (also after closing: improvement goes
 * on after the register entry). Anything else after closing needs a re-open with a reason.
 */
export const COMMAND_STAGES: Readonly<Record<IncidentCommandType, readonly IncidentStage[]>> = {
  'correct-report': ['reported', 'overview', 'response'],
  assess: ['reported', 'overview', 'response'],
  'update-checklist': ['overview', 'response'],
  'complete-overview': ['overview'],
  'add-containment-measure': ['reported', 'overview', 'response'],
  'update-containment-measure': ['reported', 'overview', 'response', 'closed'],
  'complete-containment': ['response'],
  'decide-ap-notification': ['response'],
  'record-ap-notification': ['response', 'closed'],
  'decide-data-subjects': ['response'],
  'record-data-subjects-informed': ['response'],
  'record-dpo-advice': ['reported', 'overview', 'response', 'closed'],
  close: ['response'],
  reopen: ['closed'],
  // Like the checklist: from the overview on, until the incident is closed (a re-open makes it editable again).
  'update-risk-answers': ['overview', 'response'],
  // Lessons learned start once it is known to be a breach (or a near miss) and go on after the register entry.
  'add-improvement-action': ['overview', 'response', 'closed'],
  'update-improvement-action': ['overview', 'response', 'closed'],
};

const HANDLERS: HandlerTable<IncidentCommandType> = { ...STEP_HANDLERS, ...RESPONSE_HANDLERS, ...IMPROVEMENT_HANDLERS };

export function decide(incident: BreachIncident, command: IncidentCommand, actor: Actor, clock: Clock): Decision {
  if (!mayPerform(actor, command.type, incident)) {
    return refuse('forbidden', [
      {
        field: 'actor',
        message: {
          nl: 'Uw rol in deze organisatie staat deze handeling niet toe.',
          en: 'Your role in this organisation does not allow this action.',
        },
      },
    ]);
  }
  if (command.version !== incident.version) {
    return refuse('conflict', [
      {
        field: 'version',
        message: {
          nl: `Iemand anders heeft dit datalek intussen gewijzigd (nu versie ${incident.version}, u werkte met versie ${command.version}). Bekijk de wijzigingen en probeer het opnieuw.`,
          en: `Someone else changed this breach in the meantime (now version ${incident.version}, you worked on version ${command.version}). Review the changes and try again.`,
        },
      },
    ]);
  }
  if (!COMMAND_STAGES[command.type].includes(incident.stage)) {
    return refuse('wrong-stage', [{ field: 'stage', message: wrongStage(incident.stage) }]);
  }
  const ctx: StepContext = { actor, now: clock.now() };
  const handler = HANDLERS[command.type] as StepHandler<IncidentCommand>;
  const outcome = handler(incident, command, ctx);
  if (!outcome.ok) return outcome;
  // Nothing changed (a form saved twice): no new version, no history noise.
  if (outcome.changes.length === 0) return { ok: true, incident, events: [] };
  const version = incident.version + 1;
  return {
    ok: true,
    incident: { ...outcome.next, version },
    events: [makeEvent(command.type, actor, ctx.now, version, outcome.changes, outcome.reason)],
  };
}

function wrongStage(stage: IncidentStage): LocalisedText {
  return {
    nl: `Dit kan nu niet: het datalek is ${STAGE_NAMES[stage].nl}. Een stap kan niet worden overgeslagen.`,
    en: `This is not possible now: the breach is ${STAGE_NAMES[stage].en}. A step cannot be skipped.`,
  };
}
