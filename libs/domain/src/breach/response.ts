import { diff } from './changes';
import { refuse } from './decision';
import { invalid, type HandlerTable, type StepOutcome } from './handler';
import { MEASURE_STATUSES, type BreachIncident, type ContainmentMeasure, type MeasureStatus } from './incident';
import { checkPastInstant, decideAp, decideSubjects, recordAp } from './notification-decisions';
import { checkFreeText, isInstant, isOneOf, Problems } from './problems';

/**
 * Steps 4–6, which the protocol runs side by side once the overview exists: containment goes on while the AP
 * decision is taken. The one order kept is the protocol's own: step 6 (data subjects) follows step 5's decision.
 */
type Handled =
  | 'add-containment-measure'
  | 'update-containment-measure'
  | 'complete-containment'
  | 'decide-ap-notification'
  | 'record-ap-notification'
  | 'decide-data-subjects'
  | 'record-data-subjects-informed';

/** A measure's owner is a name or a supplier, one line. */
const OWNER_MAX = 200;

function accepted(incident: BreachIncident, next: BreachIncident, reason: string | null = null): StepOutcome {
  return { ok: true, next, changes: diff(incident, next), reason };
}

export const RESPONSE_HANDLERS: HandlerTable<Handled> = {
  'add-containment-measure': (incident, command) => {
    const p = new Problems();
    const id = command.measureId?.trim() ?? '';
    if (!id || id.length > 100) {
      p.add('measureId', { nl: 'De maatregel heeft geen geldige sleutel.', en: 'The measure has no valid key.' });
    } else if (incident.containment.measures.some((m) => m.id === id)) {
      p.add('measureId', { nl: 'Deze maatregel bestaat al.', en: 'This measure already exists.' });
    }
    const measure = checkMeasure(
      p,
      command,
      { id, description: '', owner: null, status: 'planned', dueAt: null, doneAt: null },
      true,
    );
    if (!p.empty) return invalid(p);
    const measures = [...incident.containment.measures, measure];
    return accepted(incident, { ...incident, containment: { ...incident.containment, measures } });
  },

  'update-containment-measure': (incident, command, { now }) => {
    const p = new Problems();
    const current = incident.containment.measures.find((m) => m.id === command.measureId);
    if (!current) {
      p.add('measureId', { nl: 'Deze maatregel bestaat niet.', en: 'This measure does not exist.' });
      return invalid(p);
    }
    const measure = checkMeasure(p, command, current, false);
    applyStatus(p, measure, current, command.status, now);
    if (!p.empty) return invalid(p);
    const measures = incident.containment.measures.map((m) => (m.id === current.id ? measure : m));
    return accepted(incident, { ...incident, containment: { ...incident.containment, measures } });
  },

  'complete-containment': (incident, _command, { now }) => {
    const p = new Problems();
    const { measures } = incident.containment;
    if (!measures.some((m) => m.status === 'done')) {
      p.add('containment.measures', {
        nl: 'Leg minstens één uitgevoerde maatregel vast (ook "geen maatregel nodig, omdat …").',
        en: 'Record at least one measure that was carried out (also "no measure needed, because …").',
      });
    }
    if (measures.some((m) => m.status === 'planned' || m.status === 'in-progress')) {
      p.add('containment.measures', {
        nl: 'Niet alle maatregelen zijn uitgevoerd of vervallen.',
        en: 'Not every measure is done or dropped.',
      });
    }
    if (incident.checklist.stillOngoing !== 'no') {
      p.add('checklist.stillOngoing', {
        nl: 'Het lek moet gestopt zijn: beantwoord "is het nog gaande?" in de checklist met nee.',
        en: 'The breach must have stopped: answer "still ongoing?" in the checklist with no.',
      });
    }
    if (!p.empty) return invalid(p);
    return accepted(incident, { ...incident, containment: { ...incident.containment, completedAt: now } });
  },

  'decide-ap-notification': (incident, command, { actor, now }) => decideAp(incident, command, actor.personId, now),

  'record-ap-notification': (incident, command, { actor, now }) => recordAp(incident, command, actor.personId, now),

  'decide-data-subjects': (incident, command, { actor, now }) => decideSubjects(incident, command, actor.personId, now),

  'record-data-subjects-informed': (incident, command, { now }) => {
    const outcome = incident.dataSubjectDecision?.outcome;
    if (outcome !== 'inform' && outcome !== 'public-communication') {
      return refuse('wrong-stage', [
        {
          field: 'dataSubjectDecision',
          message: {
            nl: 'Er is niet besloten betrokkenen te informeren.',
            en: 'It was not decided to inform the data subjects.',
          },
        },
      ]);
    }
    const p = new Problems();
    if (incident.dataSubjectsInformedAt) {
      p.add('informedAt', { nl: 'Dit is al vastgelegd.', en: 'This has already been recorded.' });
    }
    checkPastInstant(p, 'informedAt', command.informedAt, incident.report.discoveredAt, now);
    if (!p.empty) return invalid(p);
    return accepted(incident, { ...incident, dataSubjectsInformedAt: command.informedAt });
  },
};

/** The fields a containment measure and an improvement action share, as a command gives them. */
export interface ActionFields {
  description?: string;
  owner?: string | null;
  dueAt?: Date | null;
}

/** Checks and applies a measure's or action's fields onto `base`; `adding` makes the description required. */
export function checkMeasure<T extends ContainmentMeasure>(
  p: Problems,
  command: ActionFields,
  base: T,
  adding: boolean,
): T {
  const measure = { ...base };
  if (adding || command.description !== undefined) {
    measure.description = checkFreeText(p, 'description', command.description, { required: true }) ?? '';
  }
  if (command.owner !== undefined) {
    measure.owner = checkFreeText(p, 'owner', command.owner, { required: false, max: OWNER_MAX });
  }
  if (command.dueAt !== undefined) {
    if (command.dueAt !== null && !isInstant(command.dueAt)) {
      p.add('dueAt', { nl: 'De termijn is geen geldig tijdstip.', en: 'The due date is not a valid instant.' });
    }
    measure.dueAt = command.dueAt;
  }
  return measure;
}

/** A status change: done records when (kept if it was done already); taken back from done, it is not done. */
export function applyStatus<T extends ContainmentMeasure>(
  p: Problems,
  measure: T,
  current: T,
  status: MeasureStatus | undefined,
  now: Date,
): void {
  if (status === undefined) return;
  if (!isOneOf(MEASURE_STATUSES, status)) {
    p.add('status', { nl: 'Onbekende status.', en: 'Unknown status.' });
    return;
  }
  measure.status = status;
  measure.doneAt = status === 'done' ? (current.doneAt ?? now) : null;
}
