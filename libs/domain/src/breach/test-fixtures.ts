// Fixtures for the breach specs only (not exported from the library): actors, incidents standing at each stage,
// and a valid command of each type.
import { fixedClock, type FixedClock } from '../time/clock';
import type { BreachChecklist } from './checklist';
import type { IncidentCommand, IncidentCommandType } from './commands';
import type { Decision } from './decision';
import type { Actor, BreachIncident } from './incident';
import { reportBreach } from './report';
import { decide } from './workflow';

export const DISCOVERED = '2026-10-23T21:40:00Z'; // 23:40 CEST, two nights before summer time ends

export const reporter: Actor = { personId: 'midwife-1', roles: ['employee'] };
export const employee: Actor = { personId: 'midwife-2', roles: ['employee'] };
export const officer: Actor = { personId: 'officer-1', roles: ['privacy-officer'] };
export const dpo: Actor = { personId: 'fg-1', roles: ['dpo'] };
export const auditor: Actor = { personId: 'board-1', roles: ['auditor'] };
export const coordinator: Actor = { personId: 'hinq-1', roles: ['hinq-coordinator'] };

export const ACTORS = { reporter, employee, officer, dpo, auditor, coordinator } as const;
export type ActorName = keyof typeof ACTORS;

export const FILLED_ANSWERS: Partial<BreachChecklist> = {
  kinds: ['confidentiality'],
  cause: { category: 'misdirected-email', description: 'Verslag naar de verkeerde gynaecoloog gemaild.' },
  dataCategories: ['health', 'name-address'],
  groups: ['clients', 'newborns'],
  persons: { kind: 'exact', value: 1 },
  stillOngoing: 'no',
};

export function clockAt(at = '2026-10-23T22:00:00Z'): FixedClock {
  return fixedClock(at);
}

/** A command without its version: `apply` adds the incident's. */
export type Unversioned<C = IncidentCommand> = C extends unknown ? Omit<C, 'version'> : never;

/** Applies a command that must be accepted; fails the test with the problems otherwise. */
export function apply(
  incident: BreachIncident,
  command: Unversioned,
  actor: Actor = officer,
  clock: FixedClock = clockAt(),
): BreachIncident {
  const decision = decide(incident, { ...command, version: incident.version } as IncidentCommand, actor, clock);
  return accepted(decision).incident;
}

export function accepted(decision: Decision) {
  if (!decision.ok) throw new Error(`refused (${decision.refusal}): ${JSON.stringify(decision.problems)}`);
  return decision;
}

export function reported(exercise = false): BreachIncident {
  return accepted(
    reportBreach(
      {
        whatHappened: 'Een verslag is naar de verkeerde ontvanger gemaild.',
        discoveredAt: new Date(DISCOVERED),
        stillOngoing: 'unknown',
        howDiscovered: 'De ontvanger belde.',
        otherOrganisationsInvolved: 'no',
        exercise,
      },
      reporter,
      clockAt(),
    ),
  ).incident;
}

export function inOverview(): BreachIncident {
  return apply(reported(), { type: 'assess', conclusion: 'breach', reasoning: 'Gezondheidsgegevens bij een derde.' });
}

export function withAnswers(): BreachIncident {
  return apply(inOverview(), { type: 'update-checklist', answers: FILLED_ANSWERS });
}

export function inResponse(): BreachIncident {
  return apply(withAnswers(), { type: 'complete-overview' });
}

/** Response stage with every step done: containment completed, AP notified, data subjects informed. */
export function readyToClose(): BreachIncident {
  let incident = apply(inResponse(), {
    type: 'add-containment-measure',
    measureId: 'm1',
    description: 'Verwijderen laten bevestigen',
  });
  incident = apply(incident, { type: 'update-containment-measure', measureId: 'm1', status: 'done' });
  incident = apply(incident, { type: 'complete-containment' });
  incident = apply(incident, {
    type: 'decide-ap-notification',
    notify: true,
    reasoning: 'Gezondheidsgegevens.',
    advice: null,
  });
  incident = apply(incident, {
    type: 'record-ap-notification',
    submittedAt: new Date('2026-10-23T21:59:00Z'),
    apReference: 'AP-123',
  });
  incident = apply(incident, {
    type: 'decide-data-subjects',
    outcome: 'inform',
    reasoning: 'Hoog risico.',
    advice: null,
  });
  return apply(incident, { type: 'record-data-subjects-informed', informedAt: new Date('2026-10-23T21:59:30Z') });
}

export function closedRegistered(): BreachIncident {
  return apply(readyToClose(), { type: 'close', consequences: 'Geen schade bekend.' });
}

export function closedNearMiss(): BreachIncident {
  return apply(reported(), { type: 'assess', conclusion: 'near-miss', reasoning: 'Mail op tijd teruggehaald.' });
}

/**
 * The incidents the role × stage table runs over. Each is prepared so that every command the stage allows passes
 * the stage guard (a measure to update, a decision to notify, a decision to inform).
 */
export function tableIncidents(): Record<string, BreachIncident> {
  const withMeasure = (incident: BreachIncident) =>
    apply(incident, { type: 'add-containment-measure', measureId: 'm1', description: 'Account blokkeren' });
  let response = withMeasure(inResponse());
  response = apply(response, { type: 'update-containment-measure', measureId: 'm1', status: 'done' });
  response = apply(response, {
    type: 'decide-ap-notification',
    notify: true,
    reasoning: 'Twijfel: melden.',
    advice: null,
  });
  response = apply(response, {
    type: 'decide-data-subjects',
    outcome: 'inform',
    reasoning: 'Hoog risico.',
    advice: null,
  });
  // An improvement action to update wherever the stage allows one (from the overview on, also after closing).
  const withAction = (incident: BreachIncident) =>
    apply(incident, { type: 'add-improvement-action', actionId: 'a1', description: 'Werkinstructie aanpassen' });
  return {
    reported: withMeasure(reported()),
    overview: withAction(withMeasure(withAnswers())),
    response: withAction(response),
    'closed (registered)': withAction(closedRegistered()),
    'closed (near miss)': withAction(
      apply(withMeasure(reported()), {
        type: 'assess',
        conclusion: 'near-miss',
        reasoning: 'Niets naar buiten gegaan.',
      }),
    ),
  };
}

/** A command of each type with a valid payload. */
export function sampleCommand(type: IncidentCommandType, version: number): IncidentCommand {
  const at = new Date('2026-10-23T21:50:00Z');
  const commands: { [K in IncidentCommandType]: Extract<IncidentCommand, { type: K }> } = {
    'correct-report': { type: 'correct-report', version, whatHappened: 'Verslag verkeerd gemaild (aangevuld).' },
    assess: { type: 'assess', version, conclusion: 'breach', reasoning: 'Toch een datalek.', reason: 'Nieuwe feiten.' },
    'update-checklist': { type: 'update-checklist', version, answers: { records: { kind: 'range', min: 1, max: 3 } } },
    'complete-overview': { type: 'complete-overview', version },
    'add-containment-measure': {
      type: 'add-containment-measure',
      version,
      measureId: 'm9',
      description: 'Wachtwoord wijzigen',
    },
    'update-containment-measure': {
      type: 'update-containment-measure',
      version,
      measureId: 'm1',
      owner: 'ICT-leverancier',
    },
    'complete-containment': { type: 'complete-containment', version },
    'decide-ap-notification': {
      type: 'decide-ap-notification',
      version,
      notify: true,
      reasoning: 'Bij twijfel melden.',
      advice: null,
      reason: 'Nieuwe feiten.',
    },
    'record-ap-notification': {
      type: 'record-ap-notification',
      version,
      submittedAt: at,
      apReference: 'AP-1',
      reason: 'Kenmerk ontvangen.',
    },
    'decide-data-subjects': {
      type: 'decide-data-subjects',
      version,
      outcome: 'inform',
      reasoning: 'Hoog risico.',
      advice: null,
      reason: 'Herzien.',
    },
    'record-data-subjects-informed': { type: 'record-data-subjects-informed', version, informedAt: at },
    'record-dpo-advice': { type: 'record-dpo-advice', version, text: 'Advies: melden.' },
    close: { type: 'close', version, consequences: 'Geen.' },
    reopen: { type: 'reopen', version, reason: 'Nieuwe feiten.' },
    'update-risk-answers': {
      type: 'update-risk-answers',
      version,
      answers: { easeOfIdentification: 'limited' },
      reason: 'Nieuwe feiten.',
    },
    'add-improvement-action': {
      type: 'add-improvement-action',
      version,
      actionId: 'a9',
      description: 'Adresboek controleren vóór verzenden',
    },
    'update-improvement-action': { type: 'update-improvement-action', version, actionId: 'a1', status: 'done' },
  };
  return commands[type];
}
