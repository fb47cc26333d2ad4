import type {
  ApproximateCountInput,
  BreachKind,
  CauseCategory,
  ChecklistInput,
  CountKind,
  DataSubjectGroup,
  PersonalDataCategory,
  YesNoUnknown,
} from '../../../shared/api/generated/graphql';
import type { TranslationKey } from '../../../shared/i18n/nl';
import type { Lang } from '../../../shared/i18n/translation.service';
import { incidentLabel } from '../../../shared/labels/incident-labels';
import {
  type Incident,
  amsterdamInputToIso,
  countText,
  formatInstant,
  isoToAmsterdamInput,
  labelsText,
} from '../incident-view';
import type { Answer } from '../mutation-runner';
import '../../../shared/i18n/texts/incident';

/**
 * Step 3's checklist between the API's shape and the form's, as pure functions: the form holds what an input
 * element can hold (a `datetime-local` text, empty strings, numbers or null), the API takes and gives instants
 * and enums. Only the questions the person changed are sent, so two people answering different questions of one
 * checklist do not overwrite each other's answers.
 */
export interface CountValue {
  kind: CountKind;
  value: number | null;
  min: number | null;
  max: number | null;
}

export interface ChecklistFormValue {
  kinds: readonly BreachKind[];
  cause: { category: CauseCategory; description: string };
  startedAt: string;
  stillOngoing: YesNoUnknown;
  howDiscovered: string;
  dataCategories: readonly PersonalDataCategory[];
  records: CountValue;
  persons: CountValue;
  groups: readonly DataSubjectGroup[];
  recipients: {
    count: CountValue;
    known: YesNoUnknown;
    maliceLikely: YesNoUnknown;
    professionalSecrecy: YesNoUnknown;
    deletionConfirmed: YesNoUnknown;
  };
  unintelligible: { encrypted: YesNoUnknown; encryptionStateOfTheArt: YesNoUnknown; keyCompromised: YesNoUnknown };
}

export type ChecklistQuestion = keyof ChecklistFormValue;

export const CHECKLIST_QUESTIONS: readonly ChecklistQuestion[] = [
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
];

const count = (c: Incident['checklist']['records']): CountValue => ({
  kind: c.kind,
  value: c.value ?? null,
  min: c.min ?? null,
  max: c.max ?? null,
});

export function checklistFormValue(checklist: Incident['checklist']): ChecklistFormValue {
  return {
    kinds: [...checklist.kinds],
    cause: { category: checklist.cause.category, description: checklist.cause.description ?? '' },
    startedAt: isoToAmsterdamInput(checklist.startedAt),
    stillOngoing: checklist.stillOngoing,
    howDiscovered: checklist.howDiscovered ?? '',
    dataCategories: [...checklist.dataCategories],
    records: count(checklist.records),
    persons: count(checklist.persons),
    groups: [...checklist.groups],
    recipients: { ...checklist.recipients, count: count(checklist.recipients.count) },
    unintelligible: { ...checklist.unintelligible },
  };
}

export function countInput(value: CountValue): ApproximateCountInput {
  switch (value.kind) {
    case 'EXACT':
      return { kind: 'EXACT', value: value.value };
    case 'RANGE':
      return { kind: 'RANGE', min: value.min, max: value.max };
    default:
      return { kind: 'UNKNOWN' };
  }
}

/** The input of `updateIncidentChecklist` with only the given questions (the ones the person changed). */
export function checklistInput(value: ChecklistFormValue, questions: readonly ChecklistQuestion[]): ChecklistInput {
  const all: Required<{ [K in ChecklistQuestion]: ChecklistInput[K] }> = {
    kinds: value.kinds,
    cause: { category: value.cause.category, description: value.cause.description.trim() || null },
    // An emptied start is an answer ("not known"): sent as null.
    startedAt: amsterdamInputToIso(value.startedAt),
    stillOngoing: value.stillOngoing,
    howDiscovered: value.howDiscovered.trim() || null,
    dataCategories: value.dataCategories,
    records: countInput(value.records),
    persons: countInput(value.persons),
    groups: value.groups,
    recipients: { ...value.recipients, count: countInput(value.recipients.count) },
    unintelligible: { ...value.unintelligible },
  };
  return Object.fromEntries(questions.map((q) => [q, all[q]])) as ChecklistInput;
}

type Translate = (key: TranslationKey) => string;

/** The answers to the given questions in words, one row per answer (for the conflict's side-by-side view). */
export function checklistAnswers(
  value: ChecklistFormValue,
  questions: readonly ChecklistQuestion[],
  lang: Lang,
  t: Translate,
): Answer[] {
  const yn = (v: string) => incidentLabel('YesNoUnknown', v, lang);
  const rows: Record<ChecklistQuestion, () => Answer[]> = {
    kinds: () => [{ label: t('incident.checklist.kinds'), value: labelsText('BreachKind', value.kinds, lang) }],
    cause: () => [
      {
        label: t('incident.checklist.causeCategory'),
        value: incidentLabel('CauseCategory', value.cause.category, lang),
      },
      { label: t('incident.checklist.causeDescription'), value: value.cause.description.trim() || '—' },
    ],
    startedAt: () => [
      { label: t('incident.checklist.startedAt'), value: formatInstant(amsterdamInputToIso(value.startedAt), lang) },
    ],
    stillOngoing: () => [{ label: t('incident.checklist.stillOngoing'), value: yn(value.stillOngoing) }],
    howDiscovered: () => [{ label: t('incident.checklist.howDiscovered'), value: value.howDiscovered.trim() || '—' }],
    dataCategories: () => [
      {
        label: t('incident.checklist.dataCategories'),
        value: labelsText('PersonalDataCategory', value.dataCategories, lang),
      },
    ],
    records: () => [{ label: t('incident.checklist.records'), value: countText(value.records, lang) }],
    persons: () => [{ label: t('incident.checklist.persons'), value: countText(value.persons, lang) }],
    groups: () => [
      { label: t('incident.checklist.groups'), value: labelsText('DataSubjectGroup', value.groups, lang) },
    ],
    recipients: () => [
      { label: t('incident.checklist.recipientsCount'), value: countText(value.recipients.count, lang) },
      { label: t('incident.checklist.recipientsKnown'), value: yn(value.recipients.known) },
      { label: t('incident.checklist.maliceLikely'), value: yn(value.recipients.maliceLikely) },
      { label: t('incident.checklist.professionalSecrecy'), value: yn(value.recipients.professionalSecrecy) },
      { label: t('incident.checklist.deletionConfirmed'), value: yn(value.recipients.deletionConfirmed) },
    ],
    unintelligible: () => [
      { label: t('incident.checklist.encrypted'), value: yn(value.unintelligible.encrypted) },
      { label: t('incident.checklist.stateOfTheArt'), value: yn(value.unintelligible.encryptionStateOfTheArt) },
      { label: t('incident.checklist.keyCompromised'), value: yn(value.unintelligible.keyCompromised) },
    ],
  };
  return questions.flatMap((q) => rows[q]());
}
