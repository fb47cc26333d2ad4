/**
 * Finds what looks like a client identity in free text (issue 14 item 7). The product stores no client
 * identities (DOMAIN.md, "Rules that follow"), so a reporter who types a BSN, a phone number or a date of birth
 * into "what happened" is warned before saving. This file only *finds*; `privacy-guard.ts` words the warnings.
 *
 * Design choices (the issue names the kinds, not the rules):
 * - **Precision over recall where a check digit exists.** A 9-digit number is a BSN only when it passes the BSN
 *   11-test; an IBAN only when its mod-97 check holds. Numbers that fail are not flagged (a case number, a count).
 * - **Dates.** Discovery and start dates have their own fields in the form, so a *full* date (day, month and
 *   year) in free text is suspicious: it is reported as `date` ("possibly a date of birth"). A date with a birth
 *   word before it ("geboren", "geb.", "geboortedatum", "born", "DOB", …) is reported as `date-of-birth`, also when
 *   the year is left out ("geb. 3 maart"). A day and month without year and without birth context ("op 3 maart om
 *   23:40") is not flagged: that is how people describe an incident.
 * - **Phone numbers** are Dutch only (issue: "Dutch phone numbers"): 0 + 9 digits, or +31 / 0031 (optionally with
 *   "(0)") + 9 digits, in the usual groupings. Exactly ten national digits are required, so years (2026), dates
 *   (masked first, see below), times and counts are not phone numbers. Service numbers (0800/0900) are an
 *   organisation's, never a client's, and have fewer or more digits: not flagged.
 * - **E-mail addresses**: any address is flagged; the guard cannot tell a client's address from a colleague's,
 *   and the warning only asks for a confirmation.
 * - Kinds are searched in a fixed order (e-mail, IBAN, dates, phone, BSN) and each finding is blanked out before
 *   the next kind is searched, so one stretch of text is reported once (an IBAN's account number is not also a
 *   phone number; a date "01-03-2026 10" is not also a phone number).
 * - Every pattern is bounded or scanned by hand, so a 100,000-character text is checked in linear time (no
 *   backtracking blow-up on long runs of letters or digits).
 */

export const IDENTITY_KINDS = ['email-address', 'iban', 'date-of-birth', 'date', 'phone-number', 'bsn'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

/** Where something was found: offsets in code points (as `findForbiddenCharacter` counts), end exclusive. */
export interface IdentityFinding {
  kind: IdentityKind;
  start: number;
  end: number;
}

// A finding before positions are converted: UTF-16 offsets into the text.
interface RawFinding {
  kind: IdentityKind;
  start: number;
  end: number;
}

const BLANK = '\u0000';
// Separators people put inside numbers: space, no-break spaces, dot, hyphen.
const SEP = '[ \\u00a0\\u202f.\\-]';

/** All findings in `text`, ordered by position. */
export function findIdentities(text: string): IdentityFinding[] {
  let work = text;
  const raw: RawFinding[] = [];
  for (const detect of DETECTORS) {
    const found = detect(work, text);
    if (found.length === 0) continue;
    work = blankOut(work, found);
    raw.push(...found);
  }
  raw.sort((a, b) => a.start - b.start);
  const toCodePoints = codePointOffsets(text);
  return raw.map((f) => ({ kind: f.kind, start: toCodePoints(f.start), end: toCodePoints(f.end) }));
}

// Replaces each finding by blanks of the same length (offsets stay valid), in one pass.
function blankOut(work: string, found: readonly RawFinding[]): string {
  const sorted = [...found].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const f of sorted) {
    out += work.slice(at, f.start) + BLANK.repeat(f.end - f.start);
    at = f.end;
  }
  return out + work.slice(at);
}

// --- BSN ---------------------------------------------------------------------------------------------------------

/**
 * The BSN 11-test (elfproef, Besluit BSN / Wet algemene bepalingen burgerservicenummer): nine digits d1…d9,
 * 9·d1 + 8·d2 + … + 2·d8 − 1·d9 must be a multiple of 11. 000000000 passes arithmetically but is no number.
 */
export function passesBsnElevenTest(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum !== 0 && sum % 11 === 0;
}

// Nine digits together, or in the groupings people write a BSN in (1234.56.789, 123 456 789, 12 34 56 789); not
// part of a longer number (a digit, or a digit and a separator, on either side).
const BSN_CANDIDATE = new RegExp(
  `(?<![\\p{L}\\p{N}_]|\\p{N}${SEP})(?:\\d{9}|\\d{4}${SEP}\\d{2}${SEP}\\d{3}|\\d{3}${SEP}\\d{3}${SEP}\\d{3}|` +
    `\\d{2}${SEP}\\d{2}${SEP}\\d{2}${SEP}\\d{3})(?![\\p{L}\\p{N}_]|${SEP}\\p{N})`,
  'gu',
);

function findBsns(text: string): RawFinding[] {
  return matches(text, BSN_CANDIDATE)
    .filter((m) => passesBsnElevenTest(m.value.replace(/\D/g, '')))
    .map((m) => ({ kind: 'bsn', start: m.start, end: m.end }));
}

// --- IBAN --------------------------------------------------------------------------------------------------------

// Lengths of the IBANs a Dutch birth-care client is likely to have (ISO 13616 registry); other countries are
// accepted at any IBAN length (15–34) when the check digits hold.
const IBAN_LENGTHS: Readonly<Record<string, number>> = { NL: 18, BE: 16, DE: 22, FR: 27, GB: 22, LU: 20, ES: 24 };

// Dutch IBANs in their fixed shape, any case, with or without the usual spaces (NL91 ABNA 0417 1643 00).
const NL_IBAN = /(?<![\p{L}\p{N}])NL\d{2}[ \u00a0]?[A-Z]{4}(?:[ \u00a0]?\d{4}){2}[ \u00a0]?\d{2}(?![\p{L}\p{N}])/giu;
// Other IBANs: upper case by convention (lower case would let "… 00 en" run on into a word), compact or in fours.
const OTHER_IBAN =
  /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]{4}){2,7}(?:[ \u00a0]?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])/gu;

/** ISO 13616 / ISO 7064 mod 97-10: the country code and check digits moved to the end, letters as 10–35, mod 97 = 1. */
export function passesIbanCheck(iban: string): boolean {
  const compact = iban.replace(/[ \u00a0]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const expected = IBAN_LENGTHS[compact.slice(0, 2)];
  if (expected !== undefined && compact.length !== expected) return false;
  let remainder = 0;
  for (const char of compact.slice(4) + compact.slice(0, 4)) {
    const value = char >= 'A' ? char.charCodeAt(0) - 55 : Number(char);
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

// Dutch IBANs first; then the others, on the text with the Dutch ones blanked out.
function findIbans(pattern: RegExp) {
  return (text: string): RawFinding[] =>
    matches(text, pattern)
      .filter((m) => passesIbanCheck(m.value))
      .map((m) => ({ kind: 'iban', start: m.start, end: m.end }));
}

// --- e-mail addresses --------------------------------------------------------------------------------------------

const LOCAL_CHAR = /[\p{L}\p{N}._%+'\-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}.\-]/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?$/u;
const TOP_LEVEL = /^\p{L}{2,}$/u;

// By hand around each "@" rather than one regular expression: a greedy local-part pattern re-scans a long run of
// letters from every start position (quadratic on a 100,000-character text without an "@").
function findEmailAddresses(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && LOCAL_CHAR.test(text[start - 1]!)) start -= 1;
    while (start < at && text[start] === '.') start += 1;
    let end = at + 1;
    while (end < text.length && DOMAIN_CHAR.test(text[end]!)) end += 1;
    // A sentence may end right after the address: "mail jan@example.org."
    while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end -= 1;
    if (start === at) continue;
    const labels = text.slice(at + 1, end).split('.');
    if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l))) continue;
    if (!TOP_LEVEL.test(labels[labels.length - 1]!)) continue;
    found.push({ kind: 'email-address', start, end });
  }
  return found;
}

// --- Dutch phone numbers -----------------------------------------------------------------------------------------

const PHONE_GAP = '(?:[ \\u00a0.]|[ \\u00a0]?-[ \\u00a0]?)?';
// 0 or +31 / 0031 (optionally "(0)"), then nine digits with the usual separators: 06-12345678, 06 12 34 56 78,
// 020 123 4567, 0511-123456, +31 6 12345678, +31 (0)20 123 4567, 0031 20 1234567.
const PHONE = new RegExp(
  `(?<![\\p{L}\\p{N}_+])(?:(?:\\+|00)31[ \\u00a0.\\-]?(?:\\(0\\)[ \\u00a0]?)?|0)[1-9](?:${PHONE_GAP}\\d){8}(?![\\p{N}])`,
  'gu',
);
// The area code in brackets: (020) 123 4567, (0511) 123456. Ten digits in all.
const PHONE_BRACKETED = new RegExp(
  `(?<![\\p{L}\\p{N}_])\\(0[1-9]\\d{0,2}\\)[ \\u00a0]?\\d(?:${PHONE_GAP}\\d){4,7}(?![\\p{N}])`,
  'gu',
);

function findPhoneNumbers(text: string): RawFinding[] {
  const found = matches(text, PHONE);
  for (const m of matches(text, PHONE_BRACKETED)) {
    if (m.value.replace(/\D/g, '').length === 10) found.push(m);
  }
  return found.map((m) => ({ kind: 'phone-number', start: m.start, end: m.end }));
}

// --- dates -------------------------------------------------------------------------------------------------------

const MONTHS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(januari|january|jan)$/, 1],
  [/^(februari|february|feb)$/, 2],
  [/^(maart|march|mrt|mar)$/, 3],
  [/^(april|apr)$/, 4],
  [/^(mei|may)$/, 5],
  [/^(juni|june|jun)$/, 6],
  [/^(juli|july|jul)$/, 7],
  [/^(augustus|august|aug)$/, 8],
  [/^(september|sept|sep)$/, 9],
  [/^(oktober|october|okt|oct)$/, 10],
  [/^(november|nov)$/, 11],
  [/^(december|dec)$/, 12],
];
const MONTH_WORD =
  '(?:januari|january|jan|februari|february|feb|maart|march|mrt|mar|april|apr|mei|may|juni|june|jun|juli|july|jul|' +
  'augustus|august|aug|september|sept|sep|oktober|october|okt|oct|november|nov|december|dec)\\.?';

// d-m-yyyy, d/m/yyyy, d.m.yyyy; d-m-yy and d/m/yy (not with dots: "1.2.26" is more often a version number).
const NUMERIC_DATE =
  /(?<![\p{L}\p{N}_]|\p{N}[\-/.])(\d{1,2})([\-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\p{L}\p{N}_]|[\-/.]\p{N})/gu;
const ISO_DATE = /(?<![\p{L}\p{N}_]|\p{N}-)(\d{4})-(\d{2})-(\d{2})(?![\p{L}\p{N}_]|-\p{N})/gu;
// 3 maart 2026, 3e maart 2026, 3 mrt. 2026; March 3, 2026.
const DAY_MONTH_YEAR = new RegExp(
  `(?<![\\p{L}\\p{N}_])(\\d{1,2})(?:e|st|nd|rd|th)?[ \\u00a0]+(${MONTH_WORD})[ \\u00a0]+(\\d{4})(?![\\p{L}\\p{N}_])`,
  'giu',
);
const MONTH_DAY_YEAR = new RegExp(
  `(?<![\\p{L}\\p{N}_])(${MONTH_WORD})[ \\u00a0]+(\\d{1,2})(?:st|nd|rd|th)?,?[ \\u00a0]+(\\d{4})(?![\\p{L}\\p{N}_])`,
  'giu',
);
// Day and month without a year: only with a birth word before it.
const PARTIAL_NUMERIC_DATE = /(?<![\p{L}\p{N}_]|\p{N}[\-/.])(\d{1,2})([\-/.])(\d{1,2})(?![\p{L}\p{N}_]|[\-/.]\p{N})/gu;
const PARTIAL_WORD_DATE = new RegExp(
  `(?<![\\p{L}\\p{N}_])(\\d{1,2})(?:e|st|nd|rd|th)?[ \\u00a0]+(${MONTH_WORD})(?![\\p{L}\\p{N}_])`,
  'giu',
);

// Words that say the next date is a birth date, in Dutch and English, within a few words before it and in the same
// sentence, with no other number between (the birth word before one date does not make the next one a birth date).
const BIRTH_CONTEXT =
  /(geboren|geboorte|geb\.|geb:|\bgeb\b|gebdat|\bdob\b|d\.o\.b|date of birth|birth ?date|\bborn\b|birthday|jarig|°)[^.;\n\d]{0,25}$/iu;

// Each date pattern is one detector step, so a full date is blanked out before the partial patterns look (the
// "3 maart" in "3 maart 2026" is not found twice). The birth context is read from the original text.
function dateStep(pattern: RegExp, read: (m: Match) => [day: number, month: number, year: number | null] | null) {
  return (work: string, original: string): RawFinding[] => {
    const found: RawFinding[] = [];
    for (const m of matches(work, pattern)) {
      const date = read(m);
      if (date === null || !isCalendarDate(...date)) continue;
      const birth = BIRTH_CONTEXT.test(original.slice(Math.max(0, m.start - 40), m.start));
      if (date[2] === null && !birth) continue;
      found.push({ kind: birth ? 'date-of-birth' : 'date', start: m.start, end: m.end });
    }
    return found;
  };
}

const DATE_STEPS = [
  dateStep(ISO_DATE, (m) => [Number(m.groups[3]), Number(m.groups[2]), Number(m.groups[1])]),
  dateStep(NUMERIC_DATE, (m) => {
    const [, d, sep, mo, y] = m.groups;
    if (y!.length === 2 && sep === '.') return null;
    return [Number(d), Number(mo), y!.length === 2 ? 2000 + Number(y) : Number(y)];
  }),
  dateStep(DAY_MONTH_YEAR, (m) => [Number(m.groups[1]), monthOf(m.groups[2]!), Number(m.groups[3])]),
  dateStep(MONTH_DAY_YEAR, (m) => [Number(m.groups[2]), monthOf(m.groups[1]!), Number(m.groups[3])]),
  dateStep(PARTIAL_NUMERIC_DATE, (m) => [Number(m.groups[1]), Number(m.groups[3]), null]),
  dateStep(PARTIAL_WORD_DATE, (m) => [Number(m.groups[1]), monthOf(m.groups[2]!), null]),
];

function monthOf(word: string): number {
  const plain = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.find(([pattern]) => pattern.test(plain))?.[1] ?? 0;
}

// A real day of a real month; years 1900–2099 (a two-digit year is read as 20yy: only its validity matters here).
function isCalendarDate(day: number, month: number, year: number | null): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (year !== null && (year < 1900 || year > 2099)) return false;
  const leap = year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

// The order matters (see the file comment): each step sees the text with earlier findings blanked out.
const DETECTORS: ReadonlyArray<(work: string, original: string) => RawFinding[]> = [
  findEmailAddresses,
  findIbans(NL_IBAN),
  findIbans(OTHER_IBAN),
  ...DATE_STEPS,
  findPhoneNumbers,
  findBsns,
];

// --- helpers -----------------------------------------------------------------------------------------------------

interface Match {
  value: string;
  start: number;
  end: number;
  groups: ReadonlyArray<string | undefined>;
}

function matches(text: string, pattern: RegExp): Match[] {
  const out: Match[] = [];
  for (const m of text.matchAll(pattern)) {
    out.push({ value: m[0], start: m.index, end: m.index + m[0].length, groups: [...m] });
  }
  return out;
}

/** Maps UTF-16 offsets to code-point offsets (an emoji before a BSN must not shift the reported position). */
function codePointOffsets(text: string): (utf16: number) => number {
  if (!/[\ud800-\udbff][\udc00-\udfff]/.test(text)) return (utf16) => utf16;
  return (utf16) => {
    let points = 0;
    for (let i = 0; i < utf16; i += 1) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i += 1;
      }
      points += 1;
    }
    return points;
  };
}
