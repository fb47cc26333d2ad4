import type { ApAnswersDetailFragment } from '../../shared/api/generated/graphql';

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
