import type { ApAnswersDetailFragment } from '../../shared/api/generated/graphql';
import { fromAmsterdamInput } from '../../shared/time/amsterdam-time';

export type ApAnswers = ApAnswersDetailFragment;
type Lang = 'nl' | 'en';

export interface AnswerView {
  readonly key: string;
  readonly question: string;
  /** null: not known yet; the page marks it and offers nothing to copy. */
  readonly answer: string | null;
}

export interface SectionView {
  readonly key: string;
  readonly title: string;
  readonly answers: readonly AnswerView[];
}

/** The AP form's sections in the person's language (the API gives both). */
export function sectionsView(answers: ApAnswers, lang: Lang): readonly SectionView[] {
  return answers.sections.map((s) => ({
    key: s.key,
    title: s.title[lang],
    answers: s.answers.map((a) => ({ key: a.key, question: a.question[lang], answer: a.answer?.[lang] ?? null })),
  }));
}

/** The whole as text for "copy all": in the chosen language, missing answers marked. */
export function allText(answers: ApAnswers, lang: Lang): string {
  return lang === 'nl' ? answers.textNl : answers.textEn;
}

/** What the submission panel offers: record the submission, add the AP's reference, or nothing more. */
export function submissionMode(answers: ApAnswers): 'not-decided' | 'record' | 'add-reference' | 'recorded' {
  if (!answers.decidedToNotify && !answers.submission) return 'not-decided';
  if (!answers.submission) return 'record';
  return answers.submission.apReference ? 'recorded' : 'add-reference';
}

/**
 * The instant a time field means. A field still showing the "now" it was filled with at page load means *now*
 * (to the second): the input shows whole minutes, and the floored minute could lie before a discovery made in
 * that same minute, which the workflow rightly refuses.
 */
export function instantOf(value: string, untouchedDefault: string, now: () => Date = () => new Date()): Date | null {
  return value === untouchedDefault ? now() : fromAmsterdamInput(value);
}
