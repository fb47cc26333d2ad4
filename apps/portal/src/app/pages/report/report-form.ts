import {
  DISCOVERY_CLOCK_SKEW_MS,
  EARLIEST_DISCOVERY,
  FREE_TEXT_MAX,
  findForbiddenCharacter,
  identityKindText,
  privacyWarnings,
  type IdentityKind,
} from '@babyconnect/domain';
import type { ReportBreachInput } from '../../shared/api/generated/graphql';
import type { TranslationKey } from '../../shared/i18n/nl';
import type { Lang } from '../../shared/i18n/translation.service';
import { fromAmsterdamInput } from '../../shared/time/amsterdam-time';
import '../../shared/i18n/texts/report';
import type { ReportValues } from './report-values';

export { CHAIN_SCENARIOS, type ReportValues } from './report-values';

/**
 * The "Datalek melden" form as plain data and rules, so they are tested without a browser: the values, what is
 * wrong with them (the same limits as the API's, from libs/domain, so the person hears it before sending), the
 * privacy guard's warnings while typing, and the mutation's input.
 */

export type ReportField = keyof ReportValues;
export const REPORT_FIELDS: readonly ReportField[] = [
  'whatHappened',
  'discoveredAt',
  'stillOngoing',
  'howDiscovered',
  'otherOrganisationsInvolved',
  'exercise',
  'chainScenario',
];

/** The chain question is for a breach that may reach other organisations ("yes" or "unknown"). */
export function asksChainScenario(values: Pick<ReportValues, 'otherOrganisationsInvolved'>): boolean {
  return values.otherOrganisationsInvolved === 'YES' || values.otherOrganisationsInvolved === 'UNKNOWN';
}

/** What is wrong with one field: a text key and its parameters. */
export interface FieldProblem {
  readonly key: TranslationKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type ReportProblems = Partial<Record<ReportField, FieldProblem>>;

const codePoints = (text: string) => [...text].length;

function freeTextProblem(text: string, required: boolean): FieldProblem | null {
  const trimmed = text.trim();
  if (trimmed === '') return required ? { key: 'report.error.required' } : null;
  const forbidden = findForbiddenCharacter(trimmed, { lineBreaks: true });
  if (forbidden) {
    return {
      key: 'report.error.character',
      params: {
        position: forbidden.position + 1,
        code: `U+${forbidden.codePoint.toString(16).toUpperCase().padStart(4, '0')}`,
      },
    };
  }
  const length = codePoints(trimmed);
  return length > FREE_TEXT_MAX ? { key: 'report.error.tooLong', params: { length, max: FREE_TEXT_MAX } } : null;
}

/** The discovery time: a real Amsterdam date and time, not in the future (beyond the API's skew), not before 2016. */
export function discoveredAtProblem(value: string, now: Date): FieldProblem | null {
  if (value.trim() === '') return { key: 'report.error.required' };
  const instant = fromAmsterdamInput(value);
  if (!instant) return { key: 'report.error.dateTime' };
  if (instant.getTime() > now.getTime() + DISCOVERY_CLOCK_SKEW_MS) return { key: 'report.error.future' };
  if (instant.getTime() < EARLIEST_DISCOVERY.getTime()) return { key: 'report.error.tooEarly' };
  return null;
}

/** Every problem of the form at `now`; an empty object when it can be sent. */
export function validateReport(values: ReportValues, now: Date): ReportProblems {
  const problems: ReportProblems = {};
  const what = freeTextProblem(values.whatHappened, true);
  if (what) problems.whatHappened = what;
  const how = freeTextProblem(values.howDiscovered, false);
  if (how) problems.howDiscovered = how;
  const when = discoveredAtProblem(values.discoveredAt, now);
  if (when) problems.discoveredAt = when;
  if (!values.stillOngoing) problems.stillOngoing = { key: 'report.error.choose' };
  if (!values.otherOrganisationsInvolved) problems.otherOrganisationsInvolved = { key: 'report.error.choose' };
  return problems;
}

/** The mutation's input; only for values that `validateReport` accepted. */
export function toReportInput(values: ReportValues, confirmPrivacyWarnings: boolean): ReportBreachInput {
  const discoveredAt = fromAmsterdamInput(values.discoveredAt);
  const howDiscovered = values.howDiscovered.trim();
  return {
    whatHappened: values.whatHappened.trim(),
    discoveredAt: discoveredAt ? discoveredAt.toISOString() : null,
    stillOngoing: values.stillOngoing ?? 'UNKNOWN',
    howDiscovered: howDiscovered === '' ? null : howDiscovered,
    otherOrganisationsInvolved: values.otherOrganisationsInvolved ?? 'UNKNOWN',
    exercise: values.exercise,
    // An answer given before "no" was chosen is not sent: the question was withdrawn with it.
    ...(values.chainScenario && asksChainScenario(values) ? { chainScenario: values.chainScenario } : {}),
    ...(confirmPrivacyWarnings ? { confirmPrivacyWarnings: true } : {}),
  };
}

/** The free-text fields the privacy guard reads, as the API names them (incidents.service.ts). */
export const GUARDED_FIELDS = ['whatHappened', 'howDiscovered'] as const;
export type GuardedField = (typeof GUARDED_FIELDS)[number];

/** One inline warning: the field's label, the kind of data, where it starts. Never the value itself. */
export interface InlineWarning {
  readonly field: GuardedField;
  readonly kind: IdentityKind;
  /** "een e-mailadres" / "an e-mail address". */
  readonly kindText: string;
  /** 1-based positions in characters. */
  readonly positions: readonly number[];
}

/** The privacy guard of libs/domain (the API runs the same one) on the form's free text, while typing. */
export function inlineWarnings(values: Pick<ReportValues, GuardedField>, lang: Lang): InlineWarning[] {
  return privacyWarnings(GUARDED_FIELDS.map((field) => ({ field, text: values[field] }))).map((warning) => ({
    field: warning.field as GuardedField,
    kind: warning.kind,
    kindText: identityKindText(warning.kind)[lang],
    positions: warning.positions,
  }));
}

/** The form field an API error names (`whatHappened`, `input.whatHappened`), or null for another one. */
export function reportFieldOf(apiField: string): ReportField | null {
  const name = apiField.replace(/^input\./, '');
  return (REPORT_FIELDS as readonly string[]).includes(name) ? (name as ReportField) : null;
}
