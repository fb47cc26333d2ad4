/**
 * The step-3 checklist of the chain's *Protocol Datalekken* ("zorg voor overzicht op de situatie") as data, not
 * free text: its answers feed the risk advice (step 5/6), later the answers the AP's web form asks for (GDPR art.
 * 33(3)) and the breach register (step 7).
 *
 * Every answer can be *unknown*, and unknown is never the same as "no": the risk advice treats a missing answer as
 * "when in doubt, notify" and names it. How unknown is written, per kind of answer:
 * - yes/no questions: `'unknown'` (a three-valued answer; never a boolean that could default to false);
 * - choices from a list: `'unknown'` as a member of the choice;
 * - numbers: `{ kind: 'unknown' }` (an exact number or a range when known: "about 200" is a range);
 * - sets (kinds, data categories, groups): an empty list means "not known yet" — a breach always has at least one;
 * - an instant or a free text: `null`.
 * A new checklist (`emptyChecklist`) has every answer unknown.
 *
 * Type names here are a contract with the risk advice (`risk-assessment.ts`): add fields, never rename.
 */

/** A three-valued answer: a missing answer is distinct from "no". */
export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;
export type YesNoUnknown = (typeof YES_NO_UNKNOWN)[number];

/** Kind of breach (protocol step 3; EDPB 9/2022 §2.2): one or more of the three security properties. */
export const BREACH_KINDS = ['confidentiality', 'integrity', 'availability'] as const;
export type BreachKind = (typeof BREACH_KINDS)[number];

/**
 * Cause category, after the AP's form and the protocol's own examples (wrong recipient, lost USB stick, stolen
 * laptop, a print-out left at the printer, unauthorised access to the client system).
 */
export const CAUSE_CATEGORIES = [
  'misdirected-email',
  'misdirected-post',
  'lost-device',
  'stolen-device',
  'lost-paper',
  'unauthorised-access-internal',
  'hacking-malware-phishing',
  'published-by-mistake',
  'improper-disposal',
  'system-error',
  'other',
  'unknown',
] as const;
export type CauseCategory = (typeof CAUSE_CATEGORIES)[number];

/**
 * Categories of personal data (protocol: "naam, adres, e-mailadres, medische gegevens"; GDPR art. 9 special
 * categories; art. 87 and the Dutch UAVG for the BSN). Health and other special categories, identification numbers,
 * data about children and criminal data raise the risk.
 */
export const PERSONAL_DATA_CATEGORIES = [
  'name-address',
  'contact',
  'date-of-birth',
  'identification-number',
  'health',
  'children',
  'financial',
  'other-special-category',
  'criminal',
  'credentials',
  'other',
] as const;
export type PersonalDataCategory = (typeof PERSONAL_DATA_CATEGORIES)[number];

/** Groups of data subjects in birth care (protocol: "klanten, cliënten"; DOMAIN.md: newborns are always there). */
export const DATA_SUBJECT_GROUPS = ['clients', 'newborns', 'partners-relatives', 'employees', 'other'] as const;
export type DataSubjectGroup = (typeof DATA_SUBJECT_GROUPS)[number];

/** An approximate number: exact when counted, a range when estimated ("between 100 and 250"), or unknown. */
export type ApproximateCount =
  { kind: 'exact'; value: number } | { kind: 'range'; min: number; max: number } | { kind: 'unknown' };

export const UNKNOWN_COUNT: ApproximateCount = Object.freeze({ kind: 'unknown' });

/** Cause: a category to count and sort by, and a text that says what happened. */
export interface BreachCause {
  category: CauseCategory;
  /** Free text; null when not written yet. Must not carry client identities (privacy guard). */
  description: string | null;
}

/** Who had or has access without right (protocol: "Hoeveel onbevoegden…? Heeft u zicht op wie…?"). */
export interface UnauthorisedRecipients {
  count: ApproximateCount;
  /** Do we know who they are? */
  known: YesNoUnknown;
  /** Is it likely they mean harm with the data (a deliberate intrusion)? */
  maliceLikely: YesNoUnknown;
  /** Are they bound by professional secrecy (beroepsgeheim), e.g. a gynaecologist who got a file by mistake? */
  professionalSecrecy: YesNoUnknown;
  /** Did they confirm that they deleted the data? The protocol needs this before a trusted recipient lowers risk. */
  deletionConfirmed: YesNoUnknown;
}

/**
 * Whether the data was unintelligible to the recipients (GDPR art. 34(3)(a)): encrypted with a method that is
 * state of the art and the key not compromised. Kept as the three answers, so the reasoning can say which failed.
 */
export interface Unintelligibility {
  encrypted: YesNoUnknown;
  encryptionStateOfTheArt: YesNoUnknown;
  keyCompromised: YesNoUnknown;
}

/** The whole step-3 checklist. */
export interface BreachChecklist {
  /** One or more; empty = not known yet. */
  kinds: readonly BreachKind[];
  cause: BreachCause;
  /** When the breach began, if known (null = unknown). The discovery instant lives on the report (the AP clock). */
  startedAt: Date | null;
  stillOngoing: YesNoUnknown;
  /** How it was found (free text; null = not written yet). */
  howDiscovered: string | null;
  /** Empty = not known yet. */
  dataCategories: readonly PersonalDataCategory[];
  records: ApproximateCount;
  persons: ApproximateCount;
  /** Empty = not known yet. */
  groups: readonly DataSubjectGroup[];
  recipients: UnauthorisedRecipients;
  unintelligible: Unintelligibility;
}

/** A checklist with every answer unknown: where step 3 starts. */
export function emptyChecklist(): BreachChecklist {
  return {
    kinds: [],
    cause: { category: 'unknown', description: null },
    startedAt: null,
    stillOngoing: 'unknown',
    howDiscovered: null,
    dataCategories: [],
    records: UNKNOWN_COUNT,
    persons: UNKNOWN_COUNT,
    groups: [],
    recipients: {
      count: UNKNOWN_COUNT,
      known: 'unknown',
      maliceLikely: 'unknown',
      professionalSecrecy: 'unknown',
      deletionConfirmed: 'unknown',
    },
    unintelligible: { encrypted: 'unknown', encryptionStateOfTheArt: 'unknown', keyCompromised: 'unknown' },
  };
}

/**
 * Art. 34(3)(a) in one answer: 'yes' only when all three answers say so; 'no' as soon as one answer rules it out
 * (not encrypted, not state of the art, or the key compromised); otherwise 'unknown' — never a guess towards "safe".
 */
export function isUnintelligibleToRecipients(u: Unintelligibility): YesNoUnknown {
  if (u.encrypted === 'no' || u.encryptionStateOfTheArt === 'no' || u.keyCompromised === 'yes') return 'no';
  if (u.encrypted === 'yes' && u.encryptionStateOfTheArt === 'yes' && u.keyCompromised === 'no') return 'yes';
  return 'unknown';
}

/** The largest number an approximate count allows (a range's upper end), or null when unknown. */
export function upperBound(count: ApproximateCount): number | null {
  switch (count.kind) {
    case 'exact':
      return count.value;
    case 'range':
      return count.max;
    case 'unknown':
      return null;
  }
}
