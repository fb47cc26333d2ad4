import type { LocalisedText } from '../text/localised-text';
import type { BreachIncident, IncidentStage } from './incident';

/** The protocol's seven steps, in its own order and words (for the portal's stepper and messages). */
export const PROTOCOL_STEPS = [
  'identification',
  'assessment',
  'overview',
  'containment',
  'ap-notification',
  'data-subject-notification',
  'register',
] as const;
export type ProtocolStep = (typeof PROTOCOL_STEPS)[number];

export const STEP_NAMES: Readonly<Record<ProtocolStep, LocalisedText>> = {
  identification: { nl: 'Stap 1: identificatie', en: 'Step 1: identification' },
  assessment: { nl: 'Stap 2: beoordeling – wel of geen datalek?', en: 'Step 2: assessment – a breach or not?' },
  overview: { nl: 'Stap 3: overzicht van de situatie', en: 'Step 3: overview of the situation' },
  containment: { nl: 'Stap 4: gevolgen beperken', en: 'Step 4: containment' },
  'ap-notification': {
    nl: 'Stap 5: melden aan de Autoriteit Persoonsgegevens?',
    en: 'Step 5: notify the Dutch Data Protection Authority?',
  },
  'data-subject-notification': { nl: 'Stap 6: betrokkenen informeren?', en: 'Step 6: inform the data subjects?' },
  register: { nl: 'Stap 7: registreren in het datalekregister', en: 'Step 7: record in the breach register' },
};

/** Where the incident is, in words: for "this cannot be done now" messages. */
export const STAGE_NAMES: Readonly<Record<IncidentStage, LocalisedText>> = {
  reported: { nl: 'gemeld, wacht op beoordeling', en: 'reported, awaiting assessment' },
  overview: { nl: 'datalek, overzicht wordt gemaakt', en: 'a breach, overview in progress' },
  response: { nl: 'maatregelen en meldbesluiten', en: 'containment and notification decisions' },
  closed: { nl: 'afgesloten', en: 'closed' },
};

/**
 * - `waiting`: an earlier step must be done first;
 * - `open`: can be worked on now;
 * - `done`: closed (what may still be edited is in `workflow.ts`);
 * - `not-applicable`: the incident ended before it (not a breach, a near miss), or the step does not apply.
 */
export type StepStatus = 'waiting' | 'open' | 'done' | 'not-applicable';

/** The status of each step, derived from the incident (never stored: it cannot disagree with the facts). */
export function stepStatuses(incident: BreachIncident): Record<ProtocolStep, StepStatus> {
  const endedEarly = incident.stage === 'closed' && incident.closure?.outcome !== 'registered';
  const inResponse = incident.stage === 'response';
  return {
    identification: 'done',
    assessment: incident.stage === 'reported' ? 'open' : 'done',
    overview: endedEarly
      ? 'not-applicable'
      : incident.stage === 'reported'
        ? 'waiting'
        : incident.stage === 'overview'
          ? 'open'
          : 'done',
    containment: endedEarly
      ? 'not-applicable'
      : incident.containment.completedAt
        ? 'done'
        : // Measures may be taken from the report on ("stop it now"); the step closes in the response stage.
          inResponse || incident.containment.measures.length > 0
          ? 'open'
          : 'waiting',
    'ap-notification': endedEarly ? 'not-applicable' : apStepDone(incident) ? 'done' : inResponse ? 'open' : 'waiting',
    'data-subject-notification': endedEarly
      ? 'not-applicable'
      : dataSubjectStepDone(incident)
        ? 'done'
        : // Step 6 needs step 5's decision (protocol: no AP notification, no need to inform data subjects).
          inResponse && incident.apDecision
          ? 'open'
          : 'waiting',
    register: incident.stage === 'closed' ? 'done' : inResponse && readyToClose(incident) ? 'open' : 'waiting',
  };
}

/** Step 5 is done when it was decided not to notify, or the notification was submitted. */
export function apStepDone(incident: BreachIncident): boolean {
  return incident.apDecision !== null && (!incident.apDecision.notify || incident.apNotification !== null);
}

/** Step 6 is done when it was decided not to inform, or the data subjects were informed. */
export function dataSubjectStepDone(incident: BreachIncident): boolean {
  const decision = incident.dataSubjectDecision;
  return decision !== null && (decision.outcome === 'not-inform' || incident.dataSubjectsInformedAt !== null);
}

export function readyToClose(incident: BreachIncident): boolean {
  return incident.containment.completedAt !== null && apStepDone(incident) && dataSubjectStepDone(incident);
}
