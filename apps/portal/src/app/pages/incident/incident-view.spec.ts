import { GraphqlRequestError } from '../../shared/api/graphql-client.service';
import {
  type Incident,
  amsterdamInputToIso,
  changeRows,
  clockAt,
  countText,
  currentStep,
  diffRows,
  fieldProblemsOf,
  formatDuration,
  formatInstant,
  historyValue,
  isLate,
  isoToAmsterdamInput,
  problemFor,
  stepActions,
  stepAfterSave,
} from './incident-view';
import { checklistAnswers, checklistFormValue, checklistInput } from './steps/checklist-form';

type Steps = Incident['steps'];
const STEPS = [
  'IDENTIFICATION',
  'ASSESSMENT',
  'OVERVIEW',
  'CONTAINMENT',
  'AP_NOTIFICATION',
  'DATA_SUBJECT_NOTIFICATION',
  'REGISTER',
] as const;
function steps(...statuses: Steps[number]['status'][]): Steps {
  return STEPS.map((step, i) => ({ step, status: statuses[i] ?? 'WAITING' }));
}

const UNKNOWN = { kind: 'UNKNOWN', value: null, min: null, max: null } as const;
/** An incident as the API sends it, just reported; tests change what they need. */
function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'i-1',
    reference: 'DL-2026-0001',
    version: 1,
    stage: 'REPORTED',
    exercise: false,
    reportedAt: '2026-03-27T10:00:00.000Z',
    discoveredAt: '2026-03-27T10:00:00.000Z',
    apDeadline: '2026-03-30T10:00:00.000Z',
    apClock: { state: 'OPEN', deadline: '2026-03-30T10:00:00.000Z', remainingMs: 1 },
    steps: steps('DONE', 'OPEN'),
    report: {
      whatHappened: 'x',
      discoveredAt: '2026-03-27T10:00:00.000Z',
      howDiscovered: null,
      otherOrganisationsInvolved: 'NO',
    },
    assessment: null,
    checklist: {
      kinds: [],
      cause: { category: 'UNKNOWN', description: null },
      startedAt: null,
      stillOngoing: 'UNKNOWN',
      howDiscovered: null,
      dataCategories: [],
      records: UNKNOWN,
      persons: UNKNOWN,
      groups: [],
      recipients: {
        count: UNKNOWN,
        known: 'UNKNOWN',
        maliceLikely: 'UNKNOWN',
        professionalSecrecy: 'UNKNOWN',
        deletionConfirmed: 'UNKNOWN',
      },
      unintelligible: { encrypted: 'UNKNOWN', encryptionStateOfTheArt: 'UNKNOWN', keyCompromised: 'UNKNOWN' },
    },
    overviewCompletedAt: null,
    containment: { completedAt: null, measures: [] },
    riskAdvice: null,
    apDecision: null,
    apNotification: null,
    dataSubjectDecision: null,
    dataSubjectsInformedAt: null,
    dpoAdvice: [],
    closure: null,
    riskAnswers: {
      easeOfIdentification: 'UNKNOWN',
      integrityLoss: 'UNKNOWN',
      availabilityLoss: 'UNKNOWN',
      laterMeasuresRemovedHighRisk: 'UNKNOWN',
      individualContactDisproportionate: 'UNKNOWN',
    },
    improvementActions: [],
    ...overrides,
  };
}

describe('incident view helpers', () => {
  describe('time in Europe/Amsterdam', () => {
    it('shows instants in Dutch time, whatever the zone of the test machine', () => {
      expect(formatInstant('2026-03-29T00:30:00.000Z', 'nl')).toBe('29-03-2026 01:30');
      expect(formatInstant('2026-03-29T01:30:00.000Z', 'en')).toBe('29/03/2026 03:30'); // after the spring change
      expect(formatInstant(null, 'nl')).toBe('—');
    });

    it('reads a datetime-local value as Amsterdam wall-clock time, both sides of each daylight-saving change', () => {
      expect(amsterdamInputToIso('2026-01-15T09:00')).toBe('2026-01-15T08:00:00.000Z');
      expect(amsterdamInputToIso('2026-07-15T09:00')).toBe('2026-07-15T07:00:00.000Z');
      expect(amsterdamInputToIso('2026-03-29T01:59')).toBe('2026-03-29T00:59:00.000Z');
      expect(amsterdamInputToIso('2026-03-29T03:00')).toBe('2026-03-29T01:00:00.000Z');
      // The hour repeated in autumn: the first (summer-time) 02:30.
      expect(amsterdamInputToIso('2026-10-25T02:30')).toBe('2026-10-25T00:30:00.000Z');
      expect(amsterdamInputToIso('2026-10-25T03:00')).toBe('2026-10-25T02:00:00.000Z');
      // The hour skipped in spring does not exist: read with the winter offset.
      expect(amsterdamInputToIso('2026-03-29T02:30')).toBe('2026-03-29T01:30:00.000Z');
      expect(amsterdamInputToIso('')).toBeNull();
      expect(amsterdamInputToIso('gisteren')).toBeNull();
    });

    // (The second 02:30 of an autumn night cannot: its wall-clock time names the first one too.)
    it('round-trips an instant through the input', () => {
      for (const iso of ['2026-03-29T00:59:00.000Z', '2026-03-29T01:00:00.000Z', '2026-10-25T00:30:00.000Z']) {
        expect(amsterdamInputToIso(isoToAmsterdamInput(iso))).toBe(iso);
      }
      expect(isoToAmsterdamInput('2026-07-15T07:00:00.000Z')).toBe('2026-07-15T09:00');
    });
  });

  describe('the AP clock', () => {
    const clock = { state: 'OPEN' as const, deadline: '2026-03-30T10:00:00.000Z', remainingMs: null };
    const deadline = Date.parse(clock.deadline);

    it('counts down and turns due soon in the last 12 hours, overdue after the deadline', () => {
      expect(clockAt(clock, deadline - 13 * 3_600_000)).toEqual({ state: 'OPEN', remainingMs: 13 * 3_600_000 });
      expect(clockAt(clock, deadline - 12 * 3_600_000).state).toBe('DUE_SOON');
      expect(clockAt(clock, deadline).state).toBe('DUE_SOON'); // the deadline itself is still in time
      expect(clockAt(clock, deadline + 1)).toEqual({ state: 'OVERDUE', remainingMs: -1 });
    });

    it('keeps a state that no longer depends on the time', () => {
      for (const state of ['MET', 'MET_LATE', 'NOT_NEEDED'] as const) {
        expect(clockAt({ ...clock, state }, deadline + 1)).toEqual({ state, remainingMs: null });
      }
    });

    it('writes a duration in hours, minutes and seconds', () => {
      expect(formatDuration(71 * 3_600_000 + 59 * 60_000 + 3_000, 'nl')).toBe('71 u 59 min 03 s');
      expect(formatDuration(-(2 * 3_600_000 + 5_000), 'en')).toBe('2 h 00 min 05 s');
    });

    it('asks for the reasons of a delay only after the 72 hours', () => {
      const i = incident();
      expect(isLate(i, '2026-03-30T10:00:00.000Z')).toBe(false);
      expect(isLate(i, '2026-03-30T10:00:01.000Z')).toBe(true);
      expect(isLate(i, null)).toBe(false);
    });
  });

  describe('the stepper', () => {
    it('shows the first open step, or the last done one of a closed incident', () => {
      expect(currentStep(steps('DONE', 'OPEN'))).toBe('ASSESSMENT');
      expect(currentStep(steps('DONE', 'DONE', 'DONE', 'OPEN', 'OPEN'))).toBe('CONTAINMENT');
      expect(
        currentStep(
          steps('DONE', 'DONE', 'NOT_APPLICABLE', 'NOT_APPLICABLE', 'NOT_APPLICABLE', 'NOT_APPLICABLE', 'DONE'),
        ),
      ).toBe('REGISTER');
    });

    it('moves on after a save only when the shown step was just completed', () => {
      const before = incident({ steps: steps('DONE', 'OPEN') });
      const assessed = incident({ steps: steps('DONE', 'DONE', 'OPEN') });
      expect(stepAfterSave(before, assessed, 'ASSESSMENT')).toBe('OVERVIEW');
      // A step still open (a decision taken, the notification not yet recorded) stays shown.
      const decided = incident({ steps: steps('DONE', 'DONE', 'DONE', 'OPEN', 'OPEN', 'OPEN') });
      expect(stepAfterSave(decided, decided, 'AP_NOTIFICATION')).toBe('AP_NOTIFICATION');
      // Another step looked at (the FG's advice saved while reading step 1) stays shown.
      expect(stepAfterSave(before, assessed, 'IDENTIFICATION')).toBe('IDENTIFICATION');
    });
  });

  describe('what may be done now', () => {
    it('offers nothing to someone who may not update incidents (FG, auditor)', () => {
      expect(Object.values(stepActions(incident(), false)).every((v) => v === false)).toBe(true);
    });

    it('follows the stages: assessment first, the checklist from the overview, decisions in the response', () => {
      const reported = stepActions(incident(), true);
      expect(reported).toMatchObject({ assess: true, assessIsRevision: false, editChecklist: false, decideAp: false });
      expect(reported.addMeasure).toBe(true); // "stop it now" from the report on
      const overview = stepActions(incident({ stage: 'OVERVIEW' }), true);
      expect(overview).toMatchObject({
        assessIsRevision: true,
        editChecklist: true,
        completeOverview: true,
        decideAp: false,
      });
      const response = stepActions(incident({ stage: 'RESPONSE' }), true);
      expect(response).toMatchObject({
        completeOverview: false,
        decideAp: true,
        decideDataSubjects: false,
        recordAp: false,
      });
    });

    it('records the AP notification only after deciding to notify, and corrects it with a reason once closed', () => {
      const decision = { notify: true, reasoning: 'r', departureReason: null, decidedAt: 'x', advice: null };
      const notification = { submittedAt: 'x', apReference: null, delayReasons: null, recordedAt: 'x' };
      expect(stepActions(incident({ stage: 'RESPONSE', apDecision: decision }), true)).toMatchObject({
        recordAp: true,
        recordApIsCorrection: false,
        decideDataSubjects: true,
      });
      expect(
        stepActions(incident({ stage: 'RESPONSE', apDecision: { ...decision, notify: false } }), true).recordAp,
      ).toBe(false);
      const closed = stepActions(
        incident({ stage: 'CLOSED', apDecision: decision, apNotification: notification }),
        true,
      );
      expect(closed).toMatchObject({
        recordAp: true,
        recordApIsCorrection: true,
        decideAp: false,
        reopen: true,
        close: false,
      });
      // The AP was notified: that decision cannot be taken back.
      expect(
        stepActions(incident({ stage: 'RESPONSE', apDecision: decision, apNotification: notification }), true).decideAp,
      ).toBe(false);
    });

    it('corrects the report until closing; risk answers from the overview, with a reason once decided', () => {
      expect(stepActions(incident(), true)).toMatchObject({
        correctReport: true,
        editRiskAnswers: false,
        addImprovement: false,
      });
      expect(stepActions(incident({ stage: 'OVERVIEW' }), true)).toMatchObject({
        editRiskAnswers: true,
        riskAnswersNeedReason: false,
        addImprovement: true,
      });
      const decision = { notify: false, reasoning: 'r', departureReason: null, decidedAt: 'x', advice: null };
      expect(stepActions(incident({ stage: 'RESPONSE', apDecision: decision }), true)).toMatchObject({
        editRiskAnswers: true,
        riskAnswersNeedReason: true,
      });
      // Closed: the report and the answers are fixed (re-open first); improvement goes on.
      expect(stepActions(incident({ stage: 'CLOSED' }), true)).toMatchObject({
        correctReport: false,
        editRiskAnswers: false,
        addImprovement: true,
        updateImprovement: true,
      });
    });

    it('closes only when the register step is open', () => {
      expect(
        stepActions(
          incident({ stage: 'RESPONSE', steps: steps('DONE', 'DONE', 'DONE', 'DONE', 'DONE', 'DONE', 'OPEN') }),
          true,
        ).close,
      ).toBe(true);
      expect(
        stepActions(incident({ stage: 'RESPONSE', steps: steps('DONE', 'DONE', 'DONE', 'OPEN') }), true).close,
      ).toBe(false);
    });
  });

  describe('errors at their fields', () => {
    const error = new GraphqlRequestError('graphql', [
      {
        message: 'De invoer is niet in orde',
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [
            { field: 'checklist.records.value', message: 'Het aantal moet een geheel getal zijn.' },
            { field: 'reasoning', message: 'Vul dit in.' },
            { field: 42, message: 'ignored' },
          ],
        },
      },
    ]);

    it('reads the API fields and finds a field or anything under it', () => {
      const problems = fieldProblemsOf(error);
      expect(problems).toHaveLength(2);
      expect(problemFor(problems, 'checklist.records')).toBe('Het aantal moet een geheel getal zijn.');
      expect(problemFor(problems, 'reasoning')).toBe('Vul dit in.');
      expect(problemFor(problems, 'reason')).toBeNull(); // not a prefix match of "reasoning"
      expect(fieldProblemsOf(new Error('x'))).toEqual([]);
    });
  });

  it('shows in a conflict only the answers that differ', () => {
    expect(
      diffRows(
        [
          { label: 'Oorzaak', value: 'anders' },
          { label: 'Toelichting', value: 'door A' },
        ],
        [
          { label: 'Oorzaak', value: 'anders' },
          { label: 'Toelichting', value: 'door B' },
          { label: 'Nieuw', value: 'ja' },
        ],
      ),
    ).toEqual([
      { label: 'Toelichting', stored: 'door A', mine: 'door B' },
      { label: 'Nieuw', stored: '—', mine: 'ja' },
    ]);
  });

  describe('the history', () => {
    it('names enum values and instants in the reader’s language', () => {
      expect(historyValue('stage', '"reported"', 'nl')).toBe('gemeld');
      expect(historyValue('assessment.conclusion', '"not-a-breach"', 'en')).toBe('not a breach');
      expect(historyValue('checklist.kinds', '["confidentiality","availability"]', 'en')).toBe(
        'confidentiality (seen or disclosed), availability (lost or unreachable)',
      );
      expect(historyValue('checklist.persons', '{"kind":"range","min":10,"max":20}', 'nl')).toBe('10–20');
      expect(historyValue('overviewCompletedAt', '"2026-03-29T01:00:00.000Z"', 'nl')).toBe('29-03-2026 03:00');
      expect(historyValue('apDecision.notify', 'true', 'nl')).toBe('ja');
      expect(historyValue('x', 'null', 'nl')).toBe('—');
      expect(historyValue('riskAnswers.easeOfIdentification', '"negligible"', 'nl')).toBe(
        'verwaarloosbaar: vrijwel niet te herleiden',
      );
      expect(historyValue('riskAnswers.integrityLoss', '"altered-not-used"', 'en')).toBe('altered, but not used');
      expect(historyValue('riskAnswers.availabilityLoss', '"recoverable-without-difficulty"', 'nl')).toBe(
        'zonder moeite herstelbaar (kopie of back-up)',
      );
      expect(historyValue('riskAnswers.laterMeasuresRemovedHighRisk', '"yes"', 'nl')).toBe('ja');
      expect(historyValue('apDecision.advice.dataSubjects', '"not-inform"', 'nl')).toBe('betrokkenen niet informeren');
      expect(
        historyValue('improvementActions', '[{"id":"a","description":"Werkinstructie","status":"done"}]', 'nl'),
      ).toBe('Werkinstructie (gedaan)');
    });

    it('shows a decision that appeared answer by answer, without the ids of who decided', () => {
      const rows = changeRows(
        'assessment',
        'null',
        JSON.stringify({
          conclusion: 'breach',
          reasoning: 'r',
          assessedAt: '2026-03-29T01:00:00.000Z',
          assessedBy: 'u-1',
        }),
        'nl',
      );
      expect(rows).toEqual([
        { field: 'assessment.conclusion', from: '—', to: 'datalek' },
        { field: 'assessment.reasoning', from: '—', to: 'r' },
        { field: 'assessment.assessedAt', from: '—', to: '29-03-2026 03:00' },
      ]);
      expect(changeRows('stage', '"overview"', '"response"', 'en')).toEqual([
        { field: 'stage', from: 'overview', to: 'in progress' },
      ]);
    });
  });

  it('writes counts in words', () => {
    expect(countText({ kind: 'EXACT', value: 3 }, 'nl')).toBe('precies 3');
    expect(countText({ kind: 'RANGE', min: 10, max: 20 }, 'en')).toBe('10–20');
    expect(countText({ kind: 'UNKNOWN' }, 'nl')).toBe('onbekend');
  });
});

describe('checklist form', () => {
  const checklist = {
    ...incident().checklist,
    kinds: ['CONFIDENTIALITY'],
    cause: { category: 'MISDIRECTED_EMAIL', description: 'Adres aangevuld' },
    startedAt: '2026-03-29T00:30:00.000Z',
    persons: { kind: 'RANGE', value: null, min: 2, max: 5 },
  } as Incident['checklist'];

  it('fills the form from the API and sends back only the questions that changed', () => {
    const value = checklistFormValue(checklist);
    expect(value.startedAt).toBe('2026-03-29T01:30');
    expect(value.cause.description).toBe('Adres aangevuld');
    expect(checklistInput(value, ['persons', 'startedAt'])).toEqual({
      persons: { kind: 'RANGE', min: 2, max: 5 },
      startedAt: '2026-03-29T00:30:00.000Z',
    });
  });

  it('sends emptied answers as "not known" and an exact count without a range', () => {
    const value = checklistFormValue(checklist);
    value.startedAt = '';
    value.cause.description = '   ';
    value.records = { kind: 'EXACT', value: 7, min: 1, max: 9 };
    expect(checklistInput(value, ['startedAt', 'cause', 'records'])).toEqual({
      startedAt: null,
      cause: { category: 'MISDIRECTED_EMAIL', description: null },
      records: { kind: 'EXACT', value: 7 },
    });
  });

  it('describes answers in words for the conflict view', () => {
    const t = (key: string) => key;
    expect(checklistAnswers(checklistFormValue(checklist), ['kinds', 'persons'], 'nl', t as never)).toEqual([
      { label: 'incident.checklist.kinds', value: 'vertrouwelijkheid (ingezien of verstrekt)' },
      { label: 'incident.checklist.persons', value: '2–5' },
    ]);
  });
});
