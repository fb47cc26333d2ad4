import type { LocalisedText } from '../text/localised-text';
import { VIEWER_LOG_ACTION_MAX, VIEWER_LOG_COLUMNS, VIEWER_LOG_FIELD_MAX, parseTimestamp } from './format';

/** Why a line was not analysed. Each is reported with the line's number; the rest of the file is analysed. */
export const LINE_REJECTIONS = [
  'WRONG_COLUMN_COUNT',
  'MISSING_FIELD',
  'BAD_DATE',
  'UNKNOWN_ORGANISATION',
  'FIELD_TOO_LONG',
  /** A quote that is never closed or a record larger than any line can be: the CSV itself is broken there. */
  'BAD_QUOTING',
] as const;
export type LineRejection = (typeof LINE_REJECTIONS)[number];

/** One access as analysed. The pseudonym is here only for the moment the line is hashed, never kept. */
export interface ViewerLogLine {
  at: number;
  user: string;
  userOrganisationId: string;
  recordOrganisationId: string;
  recordPseudonym: string;
  action: string;
}

export type LineCheck = { ok: true; line: ViewerLogLine } | { ok: false; reason: LineRejection; detail: LocalisedText };

/** Organisations by alias (lower case), as the chain's directory knows them. */
export type OrganisationsByAlias = ReadonlyMap<string, string>;

/**
 * Checks one data line, first problem only (a line is either analysed or not). The detail names the column and,
 * for a date or an organisation, the value — never the pseudonym (it is a client's key in the viewer).
 */
export function checkLine(fields: readonly string[], organisations: OrganisationsByAlias): LineCheck {
  if (fields.length !== VIEWER_LOG_COLUMNS.length) {
    return refuse('WRONG_COLUMN_COUNT', {
      nl: `${fields.length} kolommen in plaats van ${VIEWER_LOG_COLUMNS.length}`,
      en: `${fields.length} columns instead of ${VIEWER_LOG_COLUMNS.length}`,
    });
  }
  const values = fields.map((f) => f.trim());
  for (let i = 0; i < values.length; i++) {
    const column = VIEWER_LOG_COLUMNS[i]!;
    if (values[i] === '') return refuse('MISSING_FIELD', { nl: `${column} ontbreekt`, en: `${column} is missing` });
    const max = column === 'action' ? VIEWER_LOG_ACTION_MAX : VIEWER_LOG_FIELD_MAX;
    if (values[i]!.length > max) {
      return refuse('FIELD_TOO_LONG', {
        nl: `${column} is langer dan ${max} tekens`,
        en: `${column} is longer than ${max} characters`,
      });
    }
  }
  const [timestamp, user, userOrganisation, recordOrganisation, recordPseudonym, action] = values as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const at = parseTimestamp(timestamp);
  if (at === null) {
    return refuse('BAD_DATE', {
      nl: `timestamp "${shorten(timestamp)}" is geen ISO 8601-tijdstip met tijdzone (zoals 2026-03-02T14:05:09+01:00)`,
      en: `timestamp "${shorten(timestamp)}" is not an ISO 8601 instant with offset (like 2026-03-02T14:05:09+01:00)`,
    });
  }
  const userOrganisationId = organisations.get(userOrganisation.toLowerCase());
  if (!userOrganisationId) return unknownOrganisation('user_organisation', userOrganisation);
  const recordOrganisationId = organisations.get(recordOrganisation.toLowerCase());
  if (!recordOrganisationId) return unknownOrganisation('record_organisation', recordOrganisation);
  return { ok: true, line: { at, user, userOrganisationId, recordOrganisationId, recordPseudonym, action } };
}

function unknownOrganisation(column: string, value: string): LineCheck {
  return refuse('UNKNOWN_ORGANISATION', {
    nl: `${column} "${shorten(value)}" is geen organisatie van de keten`,
    en: `${column} "${shorten(value)}" is not an organisation of the chain`,
  });
}

function refuse(reason: LineRejection, detail: LocalisedText): LineCheck {
  return { ok: false, reason, detail };
}

/** Values echoed in a reason are short and printable: a report must not carry a megabyte of a broken line. */
function shorten(value: string): string {
  const clean = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
