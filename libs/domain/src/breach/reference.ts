/**
 * An incident's human-readable reference within its organisation: `DL-2026-0042` (DL for datalek, the year of
 * the report, a number without gaps per organisation and year). The number is handed out by the database; this is
 * only its written form. At least four digits, more when the year needs them (`DL-2026-12345`).
 */
export interface IncidentReference {
  year: number;
  number: number;
}

const PATTERN = /^DL-(\d{4})-(\d{4,7})$/;
const MAX_NUMBER = 9_999_999;

export function formatIncidentReference(year: number, number: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) {
    throw new RangeError(`formatIncidentReference: not a year: ${year}`);
  }
  if (!Number.isInteger(number) || number < 1 || number > MAX_NUMBER) {
    throw new RangeError(`formatIncidentReference: not an incident number: ${number}`);
  }
  return `DL-${year}-${String(number).padStart(4, '0')}`;
}

/**
 * Reads a reference as a person may type it (lower case, spaces around); null when it is not one. Only the
 * canonical form is accepted otherwise: `DL-2026-42` is not `DL-2026-0042`, so a reference has one spelling.
 */
export function parseIncidentReference(text: string): IncidentReference | null {
  const match = PATTERN.exec(text.trim().toUpperCase());
  if (!match) return null;
  const year = Number(match[1]);
  const number = Number(match[2]);
  if (year < 2000 || number < 1) return null;
  // A number of five or more digits never starts with 0: `DL-2026-00042` would be a second spelling of 0042.
  if (match[2]!.length > 4 && match[2]!.startsWith('0')) return null;
  return { year, number };
}
