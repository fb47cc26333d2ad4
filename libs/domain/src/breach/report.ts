import type { Clock } from '../time/clock';
import { makeEvent, toChangeValue } from './changes';
import { emptyChecklist, YES_NO_UNKNOWN, type YesNoUnknown } from './checklist';
import { refuse, type Decision } from './decision';
import type { Actor, BreachIncident } from './incident';
import { mayReport } from './permissions';
import { checkFreeText, isInstant, isOneOf, Problems } from './problems';
import { emptyRiskAnswers } from './risk-answers';

/** Protocol step 1: what anyone reports, in under a minute from a phone. */
export interface ReportBreachInput {
  whatHappened: string;
  /** When it was discovered; the moment of reporting when left out (the common case: "I just noticed"). */
  discoveredAt?: Date | null;
  stillOngoing: YesNoUnknown;
  howDiscovered?: string | null;
  otherOrganisationsInvolved: YesNoUnknown;
  exercise: boolean;
}

/**
 * A phone's clock may run a little ahead of the server's: a discovery up to this far in the future is taken as
 * "now" rather than refused, so the midwife at 23:40 is not told her time is wrong.
 */
export const DISCOVERY_CLOCK_SKEW_MS = 5 * 60 * 1000;
/** The breach notification duty (meldplicht datalekken) applies since 1 January 2016; an earlier date is a typo. */
export const EARLIEST_DISCOVERY = new Date('2016-01-01T00:00:00+01:00');

/** Creates the incident at version 1 with its first event, or lists what is wrong with the report. */
export function reportBreach(input: ReportBreachInput, actor: Actor, clock: Clock): Decision {
  if (!mayReport(actor)) {
    return refuse('forbidden', [
      {
        field: 'actor',
        message: {
          nl: 'U hebt in deze organisatie geen rol waarmee u een datalek kunt melden.',
          en: 'You hold no role in this organisation that lets you report a breach.',
        },
      },
    ]);
  }
  const now = clock.now();
  const p = new Problems();
  const whatHappened = checkFreeText(p, 'whatHappened', input.whatHappened, { required: true }) ?? '';
  const howDiscovered = checkFreeText(p, 'howDiscovered', input.howDiscovered, { required: false });
  const discoveredAt = checkDiscoveredAt(p, input.discoveredAt ?? now, now);
  for (const field of ['stillOngoing', 'otherOrganisationsInvolved'] as const) {
    if (!isOneOf(YES_NO_UNKNOWN, input[field])) {
      p.add(field, { nl: 'Kies ja, nee of onbekend.', en: 'Choose yes, no or unknown.' });
    }
  }
  if (typeof input.exercise !== 'boolean') {
    p.add('exercise', { nl: 'Geef aan of dit een oefening is.', en: 'Say whether this is an exercise.' });
  }
  if (!p.empty) return refuse('invalid', p.list);

  const checklist = { ...emptyChecklist(), stillOngoing: input.stillOngoing, howDiscovered };
  const incident: BreachIncident = {
    version: 1,
    exercise: input.exercise,
    stage: 'reported',
    reportedAt: now,
    reportedBy: actor.personId,
    report: { whatHappened, discoveredAt, howDiscovered, otherOrganisationsInvolved: input.otherOrganisationsInvolved },
    assessment: null,
    checklist,
    riskAnswers: emptyRiskAnswers(),
    overviewCompletedAt: null,
    containment: { measures: [], completedAt: null },
    apDecision: null,
    apNotification: null,
    dataSubjectDecision: null,
    dataSubjectsInformedAt: null,
    dpoAdvice: [],
    closure: null,
    improvementActions: [],
  };
  const changes = [
    { field: 'report', from: null, to: toChangeValue(incident.report) },
    { field: 'stillOngoing', from: null, to: input.stillOngoing },
    { field: 'exercise', from: null, to: input.exercise },
  ];
  return { ok: true, incident, events: [makeEvent('reported', actor, now, 1, changes)] };
}

/** A discovery time is a real instant, not in the future (beyond clock skew) and not before 2016. */
export function checkDiscoveredAt(p: Problems, value: Date, now: Date, field = 'discoveredAt'): Date {
  if (!isInstant(value)) {
    p.add(field, { nl: 'Het tijdstip van ontdekking is ongeldig.', en: 'The time of discovery is not valid.' });
    return value;
  }
  if (value.getTime() > now.getTime() + DISCOVERY_CLOCK_SKEW_MS) {
    p.add(field, {
      nl: 'Het tijdstip van ontdekking ligt in de toekomst.',
      en: 'The time of discovery is in the future.',
    });
  } else if (value.getTime() < EARLIEST_DISCOVERY.getTime()) {
    p.add(field, {
      nl: 'Het tijdstip van ontdekking ligt vóór 2016, toen de meldplicht begon; controleer het jaartal.',
      en: 'The time of discovery is before 2016, when the notification duty began; check the year.',
    });
  }
  // Within the skew: "now", so the AP deadline is not later than 72 hours after the report.
  return value.getTime() > now.getTime() ? now : value;
}
