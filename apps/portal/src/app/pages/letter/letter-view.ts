import type { LetterDetailFragment } from '../../shared/api/generated/graphql';

export type LetterData = LetterDetailFragment;
export type Version = LetterData['versions'][number];

/** The text the editor starts from: the newest saved version of this language and variant, else the draft. */
export function startingText(data: LetterData): { subject: string; body: string; version: number | null } {
  const { language, variant } = data.draft;
  const saved = data.versions.find((v) => v.language === language && v.variant === variant);
  return saved
    ? { subject: saved.subject, body: saved.body, version: saved.version }
    : { subject: data.draft.subject, body: data.draft.body, version: null };
}

/** The preview's paragraphs (blank lines separate them; single line breaks stay inside a paragraph). */
export function paragraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
