import type { BreachIncident } from '@babyconnect/domain';
import { historyFieldLabel } from './history-fields';

const AT = new Date('2026-03-29T01:00:00.000Z');
const ADVICE = { modelVersion: 'm1', notifyAp: true, dataSubjects: 'inform' } as const;

/**
 * An incident with every optional part filled, typed as the domain's own: a field the domain adds makes this
 * literal fail to compile, and then the test below asks for its label.
 */
const FULL: BreachIncident = {
  version: 9,
  exercise: false,
  stage: 'closed',
  reportedAt: AT,
  reportedBy: 'p',
  report: { whatHappened: 'x', discoveredAt: AT, howDiscovered: 'x', otherOrganisationsInvolved: 'no' },
  assessment: { conclusion: 'breach', reasoning: 'x', assessedAt: AT, assessedBy: 'p' },
  checklist: {
    kinds: ['confidentiality'],
    cause: { category: 'misdirected-email', description: 'x' },
    startedAt: AT,
    stillOngoing: 'no',
    howDiscovered: 'x',
    dataCategories: ['health'],
    records: { kind: 'exact', value: 1 },
    persons: { kind: 'exact', value: 1 },
    groups: ['clients'],
    recipients: {
      count: { kind: 'exact', value: 1 },
      known: 'yes',
      maliceLikely: 'no',
      professionalSecrecy: 'yes',
      deletionConfirmed: 'yes',
    },
    unintelligible: { encrypted: 'no', encryptionStateOfTheArt: 'no', keyCompromised: 'unknown' },
  },
  riskAnswers: {
    easeOfIdentification: 'limited',
    integrityLoss: 'unknown',
    availabilityLoss: 'unknown',
    laterMeasuresRemovedHighRisk: 'no',
    individualContactDisproportionate: 'no',
  },
  overviewCompletedAt: AT,
  containment: { measures: [], completedAt: AT },
  apDecision: { notify: true, reasoning: 'x', advice: ADVICE, departureReason: 'x', decidedAt: AT, decidedBy: 'p' },
  apNotification: { submittedAt: AT, apReference: 'x', delayReasons: 'x', recordedAt: AT, recordedBy: 'p' },
  dataSubjectDecision: {
    outcome: 'inform',
    reasoning: 'x',
    exemption: null,
    advice: ADVICE,
    departureReason: 'x',
    decidedAt: AT,
    decidedBy: 'p',
  },
  dataSubjectsInformedAt: AT,
  dpoAdvice: [],
  closure: { outcome: 'registered', consequences: 'x', recurrencePrevention: 'x', closedAt: AT, closedBy: 'p' },
  improvementActions: [],
};

/**
 * The paths the history can name, as the domain's `diff` and the page's `changeRows` build them: nested objects
 * per answer, arrays, dates and approximate counts (`{ kind }`) whole.
 */
function leafPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)) {
    if (!('kind' in value)) {
      return Object.entries(value).flatMap(([key, inner]) => leafPaths(inner, path ? `${path}.${key}` : key));
    }
  }
  return [path];
}

/** Never changed by a command (who decided is the event's person; `…By` ids are left out of the rows). */
const NOT_IN_HISTORY = new Set(['version', 'reportedAt', 'reportedBy']);

describe('history field labels', () => {
  it('names the fields in Dutch, and in English on request', () => {
    expect(historyFieldLabel('checklist.cause.category', 'nl')).toBe('Oorzaak (categorie)');
    expect(historyFieldLabel('checklist.cause.category', 'en')).toBe('Cause (category)');
    expect(historyFieldLabel('report.discoveredAt', 'nl')).toBe('Ontdekt op');
    expect(historyFieldLabel('riskAnswers.easeOfIdentification', 'nl')).toBe('Herleidbaarheid tot personen');
    expect(historyFieldLabel('improvementActions', 'en')).toBe('Improvement actions');
    expect(historyFieldLabel('stage', 'nl')).toBe('Fase');
  });

  it('names the fields of the report’s own event (reportBreach in the domain)', () => {
    expect(historyFieldLabel('stillOngoing', 'nl')).toBe('Loopt nog');
    expect(historyFieldLabel('exercise', 'en')).toBe('Exercise');
    expect(historyFieldLabel('report.howDiscovered', 'nl')).toBe('Hoe ontdekt');
  });

  it('shows an unknown path as it came, also one that looks like an object key', () => {
    expect(historyFieldLabel('checklist.somethingNew', 'nl')).toBe('checklist.somethingNew');
    expect(historyFieldLabel('', 'en')).toBe('');
    expect(historyFieldLabel('toString', 'nl')).toBe('toString');
    expect(historyFieldLabel('constructor', 'en')).toBe('constructor');
  });

  it('has a name for every field of the domain’s incident that the history can show', () => {
    const paths = leafPaths(FULL).filter((p) => !NOT_IN_HISTORY.has(p) && !p.endsWith('By'));
    expect(paths.length).toBeGreaterThan(50);
    const unnamed = paths.filter((p) => historyFieldLabel(p, 'nl') === p || historyFieldLabel(p, 'en') === p);
    expect(unnamed).toEqual([]);
  });
});
