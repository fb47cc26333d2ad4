import type { LocalisedText } from '../text/localised-text';

/**
 * The import format of the viewer's access-log export (documented in docs/viewer-log-format.md; example in
 * docs/examples/viewer-log-example.csv). One header line, then one line per access:
 *
 *   timestamp,user,user_organisation,record_organisation,record_pseudonym,action
 *
 * - `timestamp`: ISO 8601 with an explicit offset (`2026-03-02T14:05:09+01:00`, `…Z`); seconds and fractions
 *   optional. A date without an offset is refused: a local time is ambiguous on the night summer time ends.
 * - `user`: the viewer account (as HINQ knows it).
 * - `user_organisation`, `record_organisation`: the organisation's alias in the chain (`vp-de-wieg`), the same key
 *   as its identity-provider group; case does not matter.
 * - `record_pseudonym`: the viewer's pseudonym of the client record; hashed with a salt on arrival, never stored.
 * - `action`: what the account did (`open`, `print`, …), free text up to 40 characters.
 */
export const VIEWER_LOG_COLUMNS = [
  'timestamp',
  'user',
  'user_organisation',
  'record_organisation',
  'record_pseudonym',
  'action',
] as const;

export const VIEWER_LOG_HEADER = VIEWER_LOG_COLUMNS.join(',');

/** Longest value per field: longer is refused as a broken line, not cut (a cut pseudonym would merge records). */
export const VIEWER_LOG_FIELD_MAX = 200;
export const VIEWER_LOG_ACTION_MAX = 40;

export type HeaderCheck = { ok: true } | { ok: false; expected: string; found: string; message: LocalisedText };

/**
 * The header must be exactly the documented one (a byte-order mark and surrounding spaces aside; case-insensitive):
 * a file of another shape is refused at once, before any line is read, with the expected header shown.
 */
export function checkHeader(columns: readonly string[]): HeaderCheck {
  const found = columns.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim().toLowerCase());
  if (found.length === VIEWER_LOG_COLUMNS.length && found.every((c, i) => c === VIEWER_LOG_COLUMNS[i])) {
    return { ok: true };
  }
  const shown = columns.join(',').slice(0, 300);
  return {
    ok: false,
    expected: VIEWER_LOG_HEADER,
    found: shown,
    message: {
      nl: `De eerste regel van het bestand is niet de verwachte kopregel. Verwacht: ${VIEWER_LOG_HEADER}`,
      en: `The file's first line is not the expected header. Expected: ${VIEWER_LOG_HEADER}`,
    },
  };
}

// Strict ISO 8601 with an offset; the parts are checked for range below (Date.parse would accept 2026-02-31).
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** Milliseconds since the epoch, or null when the text is not an ISO 8601 instant with offset. */
export function parseTimestamp(text: string): number | null {
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  // Plain conversions, no intermediate array: this runs once per line of a million-line export.
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (m[8] !== 'Z') {
    const oh = Number(m[9]);
    const om = Number(m[10]);
    if (oh > 14 || om > 59) return null;
    offsetMinutes = (m[8]!.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Arithmetic, not a Date per line: this runs a million times for a large export.
function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1]!;
}
