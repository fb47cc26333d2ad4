import { diff } from './changes';
import { YES_NO_UNKNOWN, type BreachChecklist } from './checklist';
import { checkChecklist, missingForOverview } from './checklist-check';
import { checkRevisionReason, invalid, type HandlerTable, type StepOutcome } from './handler';
import { ASSESSMENT_CONCLUSIONS, type BreachIncident, type BreachReport } from './incident';
import { checkFreeText, isOneOf, Problems } from './problems';
import { checkDiscoveredAt } from './report';
import { apStepDone, dataSubjectStepDone } from './steps';

/** Steps 1–3, the FG's advice, and step 7 (close, re-open). Steps 4–6 are in `response.ts`. */
type Handled =
  'correct-report' | 'assess' | 'update-checklist' | 'complete-overview' | 'record-dpo-advice' | 'close' | 'reopen';

const CHECKLIST_KEYS: ReadonlySet<string> = new Set<keyof BreachChecklist>([
  'kinds',
  'cause',
  'startedAt',
  'stillOngoing',
  'howDiscovered',
  'dataCategories',
  'records',
  'persons',
  'groups',
  'recipients',
  'unintelligible',
]);

function accepted(incident: BreachIncident, next: BreachIncident, reason: string | null = null): StepOutcome {
  return { ok: true, next, changes: diff(incident, next), reason };
}

export const STEP_HANDLERS: HandlerTable<Handled> = {
  'correct-report': (incident, command, { now }) => {
    const p = new Problems();
    const report: BreachReport = { ...incident.report };
    if (command.whatHappened !== undefined) {
      report.whatHappened = checkFreeText(p, 'whatHappened', command.whatHappened, { required: true }) ?? '';
    }
    if (command.howDiscovered !== undefined) {
      report.howDiscovered = checkFreeText(p, 'howDiscovered', command.howDiscovered, { required: false });
    }
    if (command.otherOrganisationsInvolved !== undefined) {
      if (!isOneOf(YES_NO_UNKNOWN, command.otherOrganisationsInvolved)) {
        p.add('otherOrganisationsInvolved', { nl: 'Kies ja, nee of onbekend.', en: 'Choose yes, no or unknown.' });
      }
      report.otherOrganisationsInvolved = command.otherOrganisationsInvolved;
    }
    const movesClock =
      command.discoveredAt !== undefined && command.discoveredAt.getTime() !== incident.report.discoveredAt.getTime();
    if (command.discoveredAt !== undefined) {
      report.discoveredAt = checkDiscoveredAt(p, command.discoveredAt, now);
      const startedAt = incident.checklist.startedAt;
      if (startedAt && startedAt.getTime() > report.discoveredAt.getTime()) {
        p.add('discoveredAt', {
          nl: 'De ontdekking kan niet vóór het begin van het datalek liggen (zie de checklist).',
          en: 'The discovery cannot be before the start of the breach (see the checklist).',
        });
      }
    }
    // Moving the discovery moves the AP deadline: that needs to be explained.
    const reason = checkRevisionReason(p, movesClock, command.reason);
    if (!p.empty) return invalid(p);
    return accepted(incident, { ...incident, report }, reason);
  },

  assess: (incident, command, { actor, now }) => {
    const p = new Problems();
    const revising = incident.stage !== 'reported';
    if (!isOneOf(ASSESSMENT_CONCLUSIONS, command.conclusion)) {
      p.add('conclusion', {
        nl: 'Kies: datalek, geen datalek of bijna-incident.',
        en: 'Choose: breach, not a breach or near miss.',
      });
    }
    const reasoning = checkFreeText(p, 'reasoning', command.reasoning, { required: true }) ?? '';
    const reason = checkRevisionReason(p, revising, command.reason);
    if (command.conclusion !== 'breach' && incident.apNotification) {
      p.add('conclusion', {
        nl: 'De AP is al ingelicht over dit datalek; het blijft een datalek. Vul de melding bij de AP zo nodig aan.',
        en: 'The AP has already been notified of this breach; it remains a breach. Supplement the notification if needed.',
      });
    }
    if (!p.empty) return invalid(p);
    const assessment = { conclusion: command.conclusion, reasoning, assessedAt: now, assessedBy: actor.personId };
    if (command.conclusion === 'breach') {
      return accepted(incident, { ...incident, assessment, stage: revising ? incident.stage : 'overview' }, reason);
    }
    // Not a breach, or a near miss: its own ending, kept with its reasoning (the register shows it apart).
    const closure = {
      outcome: command.conclusion,
      consequences: null,
      recurrencePrevention: null,
      closedAt: now,
      closedBy: actor.personId,
    };
    return accepted(incident, { ...incident, assessment, stage: 'closed', closure }, reason);
  },

  'update-checklist': (incident, command) => {
    const p = new Problems();
    const unknownKeys = Object.keys(command.answers).filter((key) => !CHECKLIST_KEYS.has(key));
    for (const key of unknownKeys) {
      p.add(`checklist.${key}`, {
        nl: `De checklist kent geen vraag "${key}".`,
        en: `The checklist has no question "${key}".`,
      });
    }
    // A key given as undefined keeps its answer, like a key left out.
    const given = Object.fromEntries(Object.entries(command.answers).filter(([, value]) => value !== undefined));
    const checklist = normaliseChecklist({ ...incident.checklist, ...given });
    p.list.push(...checkChecklist(checklist, { discoveredAt: incident.report.discoveredAt }, 'checklist.'));
    if (!p.empty) return invalid(p);
    return accepted(incident, { ...incident, checklist });
  },

  'complete-overview': (incident, _command, { now }) => {
    const problems = [
      ...checkChecklist(incident.checklist, { discoveredAt: incident.report.discoveredAt }, 'checklist.'),
      ...missingForOverview(incident.checklist, 'checklist.'),
    ];
    if (problems.length) return { ok: false, refusal: 'invalid', problems };
    return accepted(incident, { ...incident, stage: 'response', overviewCompletedAt: now });
  },

  'record-dpo-advice': (incident, command, { actor, now }) => {
    const p = new Problems();
    const text = checkFreeText(p, 'text', command.text, { required: true });
    if (!p.empty || text === null) return invalid(p);
    const dpoAdvice = [...incident.dpoAdvice, { text, recordedAt: now, recordedBy: actor.personId }];
    return accepted(incident, { ...incident, dpoAdvice });
  },

  close: (incident, command, { actor, now }) => {
    const p = new Problems();
    if (!incident.containment.completedAt) {
      p.add('containment', {
        nl: 'Rond eerst stap 4 af: het lek is gestopt en elke maatregel is uitgevoerd of vervallen.',
        en: 'First complete step 4: the breach has stopped and every measure is done or dropped.',
      });
    }
    if (!apStepDone(incident)) {
      p.add('apDecision', {
        nl: 'Rond eerst stap 5 af: besluit over de melding aan de AP en leg een gedane melding vast.',
        en: 'First complete step 5: decide on notifying the AP and record a notification that was made.',
      });
    }
    if (!dataSubjectStepDone(incident)) {
      p.add('dataSubjectDecision', {
        nl: 'Rond eerst stap 6 af: besluit over het informeren van betrokkenen en leg vast wanneer dat gebeurde.',
        en: 'First complete step 6: decide on informing the data subjects and record when that happened.',
      });
    }
    const consequences = checkFreeText(p, 'consequences', command.consequences, { required: true });
    const recurrencePrevention = checkFreeText(p, 'recurrencePrevention', command.recurrencePrevention, {
      required: false,
    });
    if (!p.empty) return invalid(p);
    const closure = {
      outcome: 'registered' as const,
      consequences,
      recurrencePrevention,
      closedAt: now,
      closedBy: actor.personId,
    };
    return accepted(incident, { ...incident, stage: 'closed', closure });
  },

  reopen: (incident, command) => {
    const p = new Problems();
    const reason = checkFreeText(p, 'reason', command.reason, { required: true });
    if (!p.empty) return invalid(p);
    // A breach goes back to steps 4–6 (new facts, a supplement for the AP); an early ending back to step 2.
    const stage = incident.closure?.outcome === 'registered' ? 'response' : 'reported';
    return accepted(incident, { ...incident, stage, closure: null }, reason);
  },
};

/** Free texts trimmed, an empty one as null (unknown), so "   " and null are one answer. */
function normaliseChecklist(checklist: BreachChecklist): BreachChecklist {
  const text = (value: string | null) => (value?.trim() ? value.trim() : null);
  return {
    ...checklist,
    howDiscovered: text(checklist.howDiscovered),
    cause: { ...checklist.cause, description: text(checklist.cause.description) },
  };
}
