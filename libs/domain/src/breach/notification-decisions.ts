import { diff } from './changes';
import type { DecideApNotification, DecideDataSubjects, RecordApNotification } from './commands';
import { refuse } from './decision';
import { checkRevisionReason, invalid, type StepOutcome } from './handler';
import { ART34_EXEMPTIONS, DATA_SUBJECT_OUTCOMES, type BreachIncident } from './incident';
import { checkFreeText, isInstant, isOneOf, Problems } from './problems';
import { DISCOVERY_CLOCK_SKEW_MS } from './report';
import { isLateApNotification } from '../time/notification-clock';

/**
 * Steps 5 and 6: the decisions on notifying the AP and informing the data subjects, and recording that it was done.
 * The person decides; the advice they saw is kept beside the decision, and a departure from it needs a reason.
 */

/** The AP's reference is a short code from its confirmation. */
const AP_REFERENCE_MAX = 100;

function accepted(incident: BreachIncident, next: BreachIncident, reason: string | null = null): StepOutcome {
  return { ok: true, next, changes: diff(incident, next), reason };
}

/** The advice's departure rule (issue 14 item 3): the person decides; departing from the advice needs a reason. */
function checkDeparture(p: Problems, departs: boolean, departureReason: string | null | undefined): string | null {
  const reason = checkFreeText(p, 'departureReason', departureReason, { required: departs });
  if (departs && reason === null) {
    p.list.pop();
    p.add('departureReason', {
      nl: 'Uw besluit wijkt af van het advies: geef de reden.',
      en: 'Your decision departs from the advice: give the reason.',
    });
  }
  return departs ? reason : null;
}

export function decideAp(incident: BreachIncident, command: DecideApNotification, by: string, now: Date): StepOutcome {
  const p = new Problems();
  if (incident.apNotification) {
    p.add('notify', {
      nl: 'De AP is al ingelicht; dat besluit kan niet meer worden teruggedraaid.',
      en: 'The AP has already been notified; that decision can no longer be reversed.',
    });
  }
  if (typeof command.notify !== 'boolean') {
    p.add('notify', { nl: 'Kies: wel of niet melden.', en: 'Choose: notify or not.' });
  }
  const reasoning = checkFreeText(p, 'reasoning', command.reasoning, { required: true }) ?? '';
  const departs = command.advice !== null && command.advice.notifyAp !== command.notify;
  const departureReason = checkDeparture(p, departs, command.departureReason);
  const reason = checkRevisionReason(p, incident.apDecision !== null, command.reason);
  if (!p.empty) return invalid(p);
  const apDecision = {
    notify: command.notify,
    reasoning,
    advice: command.advice,
    departureReason,
    decidedAt: now,
    decidedBy: by,
  };
  return accepted(incident, { ...incident, apDecision }, reason);
}

export function recordAp(incident: BreachIncident, command: RecordApNotification, by: string, now: Date): StepOutcome {
  if (!incident.apDecision?.notify) {
    return refuse('wrong-stage', [
      {
        field: 'apDecision',
        message: {
          nl: 'Besluit eerst dat de AP wordt ingelicht (stap 5).',
          en: 'First decide to notify the AP (step 5).',
        },
      },
    ]);
  }
  const p = new Problems();
  const discoveredAt = incident.report.discoveredAt;
  checkPastInstant(p, 'submittedAt', command.submittedAt, discoveredAt, now);
  const apReference = checkFreeText(p, 'apReference', command.apReference, { required: false, max: AP_REFERENCE_MAX });
  const late = isInstant(command.submittedAt) && isLateApNotification(discoveredAt, command.submittedAt);
  const delayReasons = checkFreeText(p, 'delayReasons', command.delayReasons, { required: late });
  if (late && delayReasons === null) {
    p.list.pop();
    p.add('delayReasons', {
      nl: 'De melding is later dan 72 uur na de ontdekking: de AVG (art. 33 lid 1) vraagt de redenen voor de vertraging.',
      en: 'The notification is later than 72 hours after discovery: the GDPR (art. 33(1)) asks for the reasons for the delay.',
    });
  }
  // In a closed incident only a correction of a recorded notification (the AP's reference often comes later).
  const correcting = incident.apNotification !== null;
  if (!correcting && incident.stage === 'closed') {
    return refuse('wrong-stage', [
      {
        field: 'stage',
        message: { nl: 'Heropen het datalek eerst.', en: 'Re-open the breach first.' },
      },
    ]);
  }
  const reason = checkRevisionReason(p, correcting, command.reason);
  if (!p.empty) return invalid(p);
  const apNotification = {
    submittedAt: command.submittedAt,
    apReference,
    delayReasons: late ? delayReasons : null,
    recordedAt: now,
    recordedBy: by,
  };
  return accepted(incident, { ...incident, apNotification }, reason);
}

export function decideSubjects(
  incident: BreachIncident,
  command: DecideDataSubjects,
  by: string,
  now: Date,
): StepOutcome {
  if (!incident.apDecision) {
    return refuse('wrong-stage', [
      {
        field: 'apDecision',
        message: {
          nl: 'Besluit eerst over de melding aan de AP (stap 5); stap 6 bouwt daarop.',
          en: 'First decide on notifying the AP (step 5); step 6 builds on it.',
        },
      },
    ]);
  }
  const p = new Problems();
  if (incident.dataSubjectsInformedAt) {
    p.add('outcome', {
      nl: 'De betrokkenen zijn al geïnformeerd; dat besluit kan niet meer worden teruggedraaid.',
      en: 'The data subjects have already been informed; that decision can no longer be reversed.',
    });
  }
  if (!isOneOf(DATA_SUBJECT_OUTCOMES, command.outcome)) {
    p.add('outcome', { nl: 'Kies een besluit.', en: 'Choose a decision.' });
  }
  const exemption = command.exemption ?? null;
  if (exemption !== null && !isOneOf(ART34_EXEMPTIONS, exemption)) {
    p.add('exemption', { nl: 'Onbekende uitzondering.', en: 'Unknown exemption.' });
  } else if (command.outcome === 'public-communication' && exemption !== 'disproportionate-effort') {
    p.add('exemption', {
      nl: 'Een openbare mededeling in plaats van persoonlijk informeren kan alleen als dat onevenredig veel moeite kost (AVG art. 34 lid 3 c).',
      en: 'A public communication instead of informing each person is only possible when that would involve disproportionate effort (GDPR art. 34(3)(c)).',
    });
  } else if (command.outcome === 'inform' && exemption !== null) {
    p.add('exemption', {
      nl: 'Wie betrokkenen informeert, beroept zich niet op een uitzondering.',
      en: 'Informing the data subjects needs no exemption.',
    });
  }
  const reasoning = checkFreeText(p, 'reasoning', command.reasoning, { required: true }) ?? '';
  const departs = command.advice !== null && command.advice.dataSubjects !== command.outcome;
  const departureReason = checkDeparture(p, departs, command.departureReason);
  const reason = checkRevisionReason(p, incident.dataSubjectDecision !== null, command.reason);
  if (!p.empty) return invalid(p);
  const dataSubjectDecision = {
    outcome: command.outcome,
    reasoning,
    exemption,
    advice: command.advice,
    departureReason,
    decidedAt: now,
    decidedBy: by,
  };
  return accepted(incident, { ...incident, dataSubjectDecision }, reason);
}

/** A moment something was done: a real instant, not before the discovery, not in the future. */
export function checkPastInstant(p: Problems, field: string, value: Date, discoveredAt: Date, now: Date): void {
  if (!isInstant(value)) {
    p.add(field, { nl: 'Geen geldig tijdstip.', en: 'Not a valid instant.' });
  } else if (value.getTime() < discoveredAt.getTime()) {
    p.add(field, { nl: 'Dit tijdstip ligt vóór de ontdekking.', en: 'This instant is before the discovery.' });
  } else if (value.getTime() > now.getTime() + DISCOVERY_CLOCK_SKEW_MS) {
    p.add(field, { nl: 'Dit tijdstip ligt in de toekomst.', en: 'This instant is in the future.' });
  }
}
