import { codePointLength, findForbiddenCharacter, stripInvisible, type ForbiddenCharacter } from '../text/characters';

/**
 * Names of organisations and people, as the directory shows them and mails quote them. Length counts code points,
 * as the database's `length()` does (🍼 is one character, not two), so the API and the database agree on every name.
 */
export const NAME_LENGTH = { min: 2, max: 200 } as const;

export type NameCheck =
  | { ok: true; name: string }
  /** Empty after normalising, or shorter/longer than NAME_LENGTH. */
  | { ok: false; reason: 'length' }
  /** A control character (a name is one line: no TAB or line break either) or an invisible formatting character. */
  | { ok: false; reason: 'character'; found: ForbiddenCharacter };

/**
 * Normalised form of a name: Unicode NFC (an "é" typed as e + accent and one typed as é are the same name and have
 * the same length), runs of spaces of any kind (no-break, thin, …) as one ordinary space, no spaces at either end.
 * Nothing is removed silently beyond that: a forbidden character is refused by `checkName`, not dropped.
 */
export function normaliseName(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\p{Zs}+/gu, ' ')
    .trim();
}

/** Normalises a name and checks its characters and length. */
export function checkName(raw: string): NameCheck {
  const name = normaliseName(raw);
  const found = findForbiddenCharacter(name, { lineBreaks: false });
  if (found) return { ok: false, reason: 'character', found };
  const length = codePointLength(name);
  if (length < NAME_LENGTH.min || length > NAME_LENGTH.max) return { ok: false, reason: 'length' };
  return { ok: true, name };
}

/**
 * A name the product did not get as input but from elsewhere (the identity provider's name claims): it cannot be
 * refused without refusing the person's sign-in, so what input would refuse is removed instead: invisible
 * formatting characters dropped, control characters and line breaks as a space, normalised, cut to NAME_LENGTH.max
 * code points. May return '' (the caller picks a fallback, e.g. the username).
 */
export function cleanExternalName(raw: string): string {
  const cleaned = normaliseName(stripInvisible(raw).replace(/[\s\p{Cc}]+/gu, ' '));
  return [...cleaned].slice(0, NAME_LENGTH.max).join('').trim();
}
