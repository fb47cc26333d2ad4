import type { LetterDetailFragment, LetterLanguage, LetterVariant } from '../../shared/api/generated/graphql';

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

/**
 * The name a downloaded letter is saved under, in the letter's own language and form, as the API names it
 * (`brief-betrokkenen-DL-2026-0001-v2.pdf`, `public-communication-DL-2026-0001-draft.txt`): a public notice in
 * English must not be filed as a Dutch "brief". A saved version is named after its own language and form, not the
 * page's current choice.
 */
export function letterFileName(
  reference: string,
  letter: { language: LetterLanguage; variant: LetterVariant },
  version: number | null,
  format: 'pdf' | 'txt',
): string {
  const nl = letter.language === 'NL';
  const kind =
    letter.variant === 'LETTER'
      ? nl
        ? 'brief-betrokkenen'
        : 'letter-data-subjects'
      : nl
        ? 'publieke-mededeling'
        : 'public-communication';
  const which = version === null ? (nl ? 'concept' : 'draft') : `v${version}`;
  return `${kind}-${reference}-${which}.${format}`;
}
