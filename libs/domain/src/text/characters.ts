/**
 * Which characters may be part of text this product stores or sends. The rule is the same everywhere (every API
 * input, names, e-mail subjects) so that what a person reads is what is stored:
 *
 * - **control characters** (Unicode Cc: C0 U+0000–U+001F, DEL U+007F, C1 U+0080–U+009F) are refused; TAB, LF and
 *   CR only where the text may span lines (free text). NUL in particular cannot be stored by PostgreSQL at all.
 * - **invisible formatting characters** are refused: all of Unicode Cf (bidi embeddings/overrides/isolates and marks
 *   U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C; zero-width U+200B–U+200D, word joiner U+2060, invisible
 *   operators U+2061–U+2064, BOM U+FEFF, soft hyphen U+00AD, tag characters U+E0000–U+E007F, …), the line and
 *   paragraph separators U+2028/U+2029, the combining grapheme joiner U+034F and the Hangul fillers (U+115F, U+1160,
 *   U+3164, U+FFA0), which render as nothing. They let a text look different from what it is ("Wieg" reading as
 *   "geiW", two names that look alike but differ) and have no use in this product's Dutch and English text.
 *   Decision: refused with a readable message, not silently removed, at the input; removed only where text that was
 *   stored earlier is put into a mail (see `stripInvisible`), because a breach notification must still go out.
 *   Price: emoji that are built with a zero-width joiner (👨‍👩‍👧) or tag characters (regional flags such as
 *   🏴󠁧󠁢󠁳󠁣󠁴󠁿) are refused too; plain emoji (🍼) and variation selectors (❤️) are fine.
 * - **unpaired surrogates** are refused: they are not characters, and UTF-8 cannot carry them (the database driver
 *   would store U+FFFD instead, so the stored text would differ from what was sent).
 */

export type ForbiddenCharacterKind = 'control' | 'invisible' | 'unpaired-surrogate';

export interface ForbiddenCharacter {
  kind: ForbiddenCharacterKind;
  /** The offending code point (for a message: `U+202E`). */
  codePoint: number;
  /** Position in code points from the start of the text. */
  position: number;
}

export interface CharacterRules {
  /** Whether TAB, LF and CR are allowed (free text); false for single-line text such as names. */
  lineBreaks: boolean;
}

const INVISIBLE = /[\p{Cf}\u2028\u2029\u034f\u115f\u1160\u3164\uffa0]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');
const CONTROL = /\p{Cc}/u;
const UNPAIRED_SURROGATE = /\p{Cs}/u;
const UNPAIRED_SURROGATE_ALL = /\p{Cs}/gu;
const LINE_BREAK_OR_TAB = new Set([0x09, 0x0a, 0x0d]);
// Cheap pre-check: most text is plain and needs no per-character walk.
const ANY_SUSPECT = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029\u034f\u115f\u1160\u3164\uffa0]/u;

/** The first character the rules refuse, or null when the text is acceptable. */
export function findForbiddenCharacter(value: string, rules: CharacterRules): ForbiddenCharacter | null {
  if (!ANY_SUSPECT.test(value)) return null;
  let position = 0;
  // for…of walks code points; an unpaired surrogate comes through as a one-unit string.
  for (const char of value) {
    const codePoint = char.codePointAt(0)!;
    if (CONTROL.test(char)) {
      if (!(rules.lineBreaks && LINE_BREAK_OR_TAB.has(codePoint))) return { kind: 'control', codePoint, position };
    } else if (INVISIBLE.test(char)) {
      return { kind: 'invisible', codePoint, position };
    } else if (UNPAIRED_SURROGATE.test(char)) {
      return { kind: 'unpaired-surrogate', codePoint, position };
    }
    position += 1;
  }
  return null;
}

/** `U+202E`: how a message names a character that cannot be shown. */
export function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Removes invisible formatting characters and unpaired surrogates. Only for text on its way out (a mail) that
 * may have been stored before these rules existed; input is refused instead (see above).
 */
export function stripInvisible(value: string): string {
  return value.replace(INVISIBLE_ALL, '').replace(UNPAIRED_SURROGATE_ALL, '');
}

/** Length in code points, as PostgreSQL's `length()` counts a UTF-8 text: 🍼 is 1, not 2 as `'🍼'.length` says. */
export function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length += 1;
  return length;
}

/**
 * A text as a message may quote it: forbidden characters shown as `⟨U+202E⟩` (so the message itself cannot be
 * turned around), and cut after `max` code points.
 */
export function quoteForMessage(value: string, max = 80): string {
  let out = '';
  let count = 0;
  for (const char of value) {
    if (count === max) return `${out}…`;
    const codePoint = char.codePointAt(0)!;
    const forbidden = findForbiddenCharacter(char, { lineBreaks: false });
    out += forbidden ? `⟨${formatCodePoint(codePoint)}⟩` : char;
    count += 1;
  }
  return out;
}
