import {
  BREACH_KINDS,
  CAUSE_CATEGORIES,
  DATA_SUBJECT_GROUPS,
  PERSONAL_DATA_CATEGORIES,
  YES_NO_UNKNOWN,
  type ApproximateCount,
  type BreachChecklist,
} from './checklist';
import { checkFreeText, isInstant, isOneOf, Problems, type InputProblem } from './problems';

/**
 * The ceiling of any count: five times the Dutch population. A birth-care organisation cannot come near it, so a
 * larger number is a typing error (an extra zero, a pasted phone number), not a breach to register.
 */
export const COUNT_MAX = 100_000_000;

/** A start more than this long before the discovery is taken as a typing error (year 1026 for 2026). */
const START_MAX_YEARS_BEFORE_DISCOVERY = 30;
const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;

/**
 * Whether the checklist's answers are possible, each problem naming its field (prefixed with `prefix`, e.g.
 * `checklist.`). Unknown answers are always acceptable here: what must be known before step 3 can close is
 * `missingForOverview`'s question, not this one's.
 */
export function checkChecklist(
  checklist: BreachChecklist,
  context: { discoveredAt: Date },
  prefix = '',
): InputProblem[] {
  const p = new Problems();
  const f = (name: string) => `${prefix}${name}`;

  checkSet(p, f('kinds'), checklist.kinds, BREACH_KINDS);
  if (!isOneOf(CAUSE_CATEGORIES, checklist.cause.category)) unknownValue(p, f('cause.category'));
  checkFreeText(p, f('cause.description'), checklist.cause.description, { required: false });
  checkStart(p, f('startedAt'), checklist.startedAt, context.discoveredAt);
  checkAnswer(p, f('stillOngoing'), checklist.stillOngoing);
  checkFreeText(p, f('howDiscovered'), checklist.howDiscovered, { required: false });
  checkSet(p, f('dataCategories'), checklist.dataCategories, PERSONAL_DATA_CATEGORIES);
  // A breach concerns at least one record and one person; "nobody" is a near miss, not a count of zero.
  checkCount(p, f('records'), checklist.records, 1);
  checkCount(p, f('persons'), checklist.persons, 1);
  checkSet(p, f('groups'), checklist.groups, DATA_SUBJECT_GROUPS);
  // Zero recipients is a real answer: an availability breach (data destroyed) has nobody who saw the data.
  checkCount(p, f('recipients.count'), checklist.recipients.count, 0);
  checkAnswer(p, f('recipients.known'), checklist.recipients.known);
  checkAnswer(p, f('recipients.maliceLikely'), checklist.recipients.maliceLikely);
  checkAnswer(p, f('recipients.professionalSecrecy'), checklist.recipients.professionalSecrecy);
  checkAnswer(p, f('recipients.deletionConfirmed'), checklist.recipients.deletionConfirmed);
  checkAnswer(p, f('unintelligible.encrypted'), checklist.unintelligible.encrypted);
  checkAnswer(p, f('unintelligible.encryptionStateOfTheArt'), checklist.unintelligible.encryptionStateOfTheArt);
  checkAnswer(p, f('unintelligible.keyCompromised'), checklist.unintelligible.keyCompromised);
  return p.list;
}

/**
 * What must be known before step 3 can close: enough for the AP's art. 33(3) questions "nature" and "categories"
 * — the kind of breach, its cause, which data and whose. Counts, recipients and encryption may stay unknown (art.
 * 33(4) lets information follow in phases); the risk advice then leans towards notifying and says what is missing.
 */
export function missingForOverview(checklist: BreachChecklist, prefix = ''): InputProblem[] {
  const p = new Problems();
  if (checklist.kinds.length === 0) {
    p.add(`${prefix}kinds`, {
      nl: 'Kies de soort inbreuk: vertrouwelijkheid, integriteit en/of beschikbaarheid.',
      en: 'Choose the kind of breach: confidentiality, integrity and/or availability.',
    });
  }
  if (checklist.cause.category === 'unknown') {
    p.add(`${prefix}cause.category`, {
      nl: 'Kies de oorzaak van het datalek (of "anders" met een toelichting).',
      en: 'Choose the cause of the breach (or "other" with an explanation).',
    });
  }
  if (checklist.cause.category === 'other' && !checklist.cause.description?.trim()) {
    p.add(`${prefix}cause.description`, {
      nl: 'Beschrijf de oorzaak: bij "anders" is een toelichting nodig.',
      en: 'Describe the cause: "other" needs an explanation.',
    });
  }
  if (checklist.dataCategories.length === 0) {
    p.add(`${prefix}dataCategories`, {
      nl: 'Kies om welke soorten persoonsgegevens het gaat.',
      en: 'Choose which categories of personal data are involved.',
    });
  }
  if (checklist.groups.length === 0) {
    p.add(`${prefix}groups`, {
      nl: 'Kies om welke groepen mensen het gaat (bijvoorbeeld cliënten, pasgeborenen).',
      en: 'Choose which groups of people are involved (for example clients, newborns).',
    });
  }
  return p.list;
}

function unknownValue(p: Problems, field: string): void {
  p.add(field, {
    nl: `Het veld "${field}" heeft een onbekende waarde.`,
    en: `The field "${field}" has an unknown value.`,
  });
}

function checkAnswer(p: Problems, field: string, value: unknown): void {
  if (!isOneOf(YES_NO_UNKNOWN, value)) unknownValue(p, field);
}

function checkSet(p: Problems, field: string, values: readonly unknown[], allowed: readonly string[]): void {
  if (!Array.isArray(values) || values.some((v) => !isOneOf(allowed, v))) {
    unknownValue(p, field);
  } else if (new Set(values).size !== values.length) {
    p.add(field, {
      nl: `Het veld "${field}" noemt een keuze meer dan eens.`,
      en: `The field "${field}" names a choice more than once.`,
    });
  }
}

function checkStart(p: Problems, field: string, startedAt: Date | null, discoveredAt: Date): void {
  if (startedAt === null) return;
  if (!isInstant(startedAt)) {
    p.add(field, { nl: 'Het begin is geen geldig tijdstip.', en: 'The start is not a valid instant.' });
  } else if (startedAt.getTime() > discoveredAt.getTime()) {
    p.add(field, {
      nl: 'Het datalek kan niet later zijn begonnen dan het werd ontdekt.',
      en: 'The breach cannot have started later than it was discovered.',
    });
  } else if (discoveredAt.getTime() - startedAt.getTime() > START_MAX_YEARS_BEFORE_DISCOVERY * YEAR_MS) {
    p.add(field, {
      nl: `Het begin ligt meer dan ${START_MAX_YEARS_BEFORE_DISCOVERY} jaar voor de ontdekking; controleer het jaartal.`,
      en: `The start is more than ${START_MAX_YEARS_BEFORE_DISCOVERY} years before the discovery; check the year.`,
    });
  }
}

function checkCount(p: Problems, field: string, count: ApproximateCount, min: number): void {
  const bad = (value: unknown): boolean =>
    typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > COUNT_MAX;
  const range = {
    nl: `een geheel getal van ${min} tot en met ${COUNT_MAX.toLocaleString('nl-NL')}`,
    en: `a whole number from ${min} to ${COUNT_MAX.toLocaleString('en-GB')}`,
  };
  switch (count.kind) {
    case 'unknown':
      return;
    case 'exact':
      if (bad(count.value) || count.value < min) {
        p.add(`${field}.value`, { nl: `Het aantal moet ${range.nl} zijn.`, en: `The number must be ${range.en}.` });
      }
      return;
    case 'range':
      // A range may start at 0 ("at most 5"); its upper end must reach the minimum a real answer has.
      if (bad(count.min)) {
        p.add(`${field}.min`, {
          nl: `De ondergrens moet een geheel getal van 0 tot en met ${COUNT_MAX.toLocaleString('nl-NL')} zijn.`,
          en: `The lower bound must be a whole number from 0 to ${COUNT_MAX.toLocaleString('en-GB')}.`,
        });
      }
      if (bad(count.max) || count.max < min) {
        p.add(`${field}.max`, {
          nl: `De bovengrens moet ${range.nl} zijn.`,
          en: `The upper bound must be ${range.en}.`,
        });
      } else if (!bad(count.min) && count.min > count.max) {
        p.add(`${field}.max`, {
          nl: 'De bovengrens is kleiner dan de ondergrens.',
          en: 'The upper bound is smaller than the lower bound.',
        });
      }
      return;
    default:
      unknownValue(p, field);
  }
}
