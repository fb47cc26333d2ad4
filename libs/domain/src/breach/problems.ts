import type { InputProblem } from '../identity/organisation-details';
import { codePointLength, findForbiddenCharacter } from '../text/characters';
import type { LocalisedText } from '../text/localised-text';
import { forbiddenCharacterText } from '../text/messages';

export type { InputProblem };

/**
 * The longest free text a breach field takes, in code points (as PostgreSQL's `length()` counts). Long enough for
 * a careful account of what happened; short enough that a pasted log or a 100k-character paste is refused with a
 * message instead of filling the register.
 */
export const FREE_TEXT_MAX = 4000;

/** Collects field problems: an expected refusal is a list to show, never an exception. */
export class Problems {
  readonly list: InputProblem[] = [];

  add(field: string, message: LocalisedText): void {
    this.list.push({ field, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }
}

/** Subject of a message about a field: `Het veld "cause.description"` / `The field "cause.description"`. */
export function fieldSubject(field: string): LocalisedText {
  return { nl: `Het veld "${field}"`, en: `The field "${field}"` };
}

/**
 * Checks a free text (line breaks allowed): forbidden characters and length. `required` refuses an empty or
 * blank text. Returns the trimmed text, or null when empty.
 */
export function checkFreeText(
  p: Problems,
  field: string,
  value: string | null | undefined,
  options: { required: boolean; max?: number },
): string | null {
  const max = options.max ?? FREE_TEXT_MAX;
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') {
    if (options.required) {
      p.add(field, { nl: `Het veld "${field}" is verplicht.`, en: `The field "${field}" is required.` });
    }
    return null;
  }
  const found = findForbiddenCharacter(trimmed, { lineBreaks: true });
  if (found) {
    p.add(field, forbiddenCharacterText(fieldSubject(field), found));
    return trimmed;
  }
  const length = codePointLength(trimmed);
  if (length > max) {
    p.add(field, {
      nl: `Het veld "${field}" is te lang: ${length} tekens, hoogstens ${max}.`,
      en: `The field "${field}" is too long: ${length} characters, at most ${max}.`,
    });
  }
  return trimmed;
}

/** Whether `value` is a valid instant (a Date that is not NaN). */
export function isInstant(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** Membership of a closed list, for values that may come from outside the type system (an API input). */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
