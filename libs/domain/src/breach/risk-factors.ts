import type { BreachKind, PersonalDataCategory } from './checklist';

/**
 * The severity score after ENISA, *Recommendations for a methodology of the assessment of severity of personal
 * data breaches*, working document v1.0, December 2013 (written with the Greek and German data protection
 * authorities for the Article 29 Working Party):
 *
 *     SE = DPC × EI + CB
 *
 * - DPC, data processing context (1–4): the basic score of the most critical data type in the breach, adjusted by
 *   the context of the processing and capped to 1–4 (ENISA §2.1 and annex A1/A2);
 * - EI, ease of identification: 0.25 negligible, 0.5 limited, 0.75 significant, 1 maximum (§2.2, annex A3);
 * - CB, circumstances of the breach, added (§2.3, annex A4): loss of confidentiality +0 / +0.25 / +0.5, loss of
 *   integrity +0 / +0.25 / +0.5, loss of availability +0 / +0.25 / +0.5, malicious intent +0.5;
 * - levels: low SE < 2, medium 2 ≤ SE < 3, high 3 ≤ SE < 4, very high SE ≥ 4 (§2.4).
 *
 * ENISA leaves two things outside the score and asks to weigh them separately (§2.5): the number of individuals
 * and the unintelligibility of the data. So does this file; `risk-assessment.ts` weighs them.
 *
 * The product's readings where ENISA leaves a choice are marked "Reading:" below, and are part of the model
 * version (`RISK_MODEL_VERSION`): change one, change the version.
 */

/** ENISA's four data types (annex A1) and their basic DPC score. */
export const ENISA_DATA_TYPES = ['simple', 'behavioural', 'financial', 'sensitive'] as const;
export type EnisaDataType = (typeof ENISA_DATA_TYPES)[number];
export const ENISA_BASIC_SCORE: Readonly<Record<EnisaDataType, number>> = {
  simple: 1,
  behavioural: 2,
  financial: 3,
  sensitive: 4,
};

/**
 * The checklist's data categories as ENISA data types, with the adjustment ENISA's annex allows for the category
 * itself (before the context adjustments below).
 */
export const CATEGORY_SCORING: Readonly<
  Record<PersonalDataCategory, { type: EnisaDataType; adjustment: number; why: CategoryAdjustmentReason | null }>
> = {
  'name-address': { type: 'simple', adjustment: 0, why: null },
  contact: { type: 'simple', adjustment: 0, why: null },
  'date-of-birth': { type: 'simple', adjustment: 0, why: null },
  // Reading: ENISA counts an identification number as simple data. The AP's policy rules on the notification duty
  // (2015/2016) named data that can be misused for identity fraud, the BSN first, as sensitive; ENISA's own
  // financial-data example raises data that "could enable fraud". So a BSN is scored simple + 2 = 3.
  'identification-number': { type: 'simple', adjustment: 2, why: 'identity-fraud' },
  // GDPR art. 9: special categories, ENISA "sensitive data". The protocol: health data is high risk. ENISA allows
  // lowering sensitive data that only permits general assumptions (a visit to a doctor); not done here: in birth
  // care the mere fact of being a client reveals a pregnancy.
  health: { type: 'sensitive', adjustment: 0, why: null },
  'other-special-category': { type: 'sensitive', adjustment: 0, why: null },
  // The protocol names criminal data as high risk next to health data (GDPR art. 10).
  criminal: { type: 'sensitive', adjustment: 0, why: null },
  // ENISA: financial data basic score 3; it can be lowered for data without insight (a bank account number alone)
  // — not done, the checklist does not say which financial data it was (when in doubt, the higher score).
  financial: { type: 'financial', adjustment: 0, why: null },
  // Reading: ENISA scores credentials by what they give access to. Here that is a client record: health data.
  credentials: { type: 'sensitive', adjustment: 0, why: 'credentials-to-health-records' },
  // Data about children: simple data; the vulnerability of minors is the context adjustment below.
  children: { type: 'simple', adjustment: 0, why: null },
  other: { type: 'simple', adjustment: 0, why: null },
};
export type CategoryAdjustmentReason = 'identity-fraud' | 'credentials-to-health-records';

/**
 * Context adjustments of the DPC (ENISA annex A2). Reading: ENISA gives ranges; the product uses one step each.
 * - `healthcare-context` +2: ENISA raises simple data by 2 "when the data and/or the characteristics of the
 *   controller can lead to assumptions about the individual's health status" (its example: a pharmacy's customer
 *   list). A birth-care client list reveals a pregnancy. Applies when clients or newborns are involved.
 * - `vulnerable-persons` +1: ENISA raises the score for vulnerable individuals and minors (up to +3 for simple
 *   data when critical for their safety). Newborns and children are always the vulnerable group here.
 */
export const CONTEXT_ADJUSTMENTS = { 'healthcare-context': 2, 'vulnerable-persons': 1 } as const;
export type ContextAdjustment = keyof typeof CONTEXT_ADJUSTMENTS;

/** ENISA annex A3. */
export const EASE_OF_IDENTIFICATION = { negligible: 0.25, limited: 0.5, significant: 0.75, maximum: 1 } as const;
export type EaseOfIdentification = keyof typeof EASE_OF_IDENTIFICATION;

/**
 * Categories that identify a person directly (a name and address, a BSN, contact data, a date of birth with the
 * rest): ENISA annex A3 gives "maximum" for data from which identity follows without research.
 */
export const DIRECTLY_IDENTIFYING: readonly PersonalDataCategory[] = [
  'name-address',
  'contact',
  'identification-number',
];

/** ENISA annex A4, loss of confidentiality. */
export const CONFIDENTIALITY_LOSS = {
  /** Exposed, but no evidence that anyone processed it unlawfully (nobody is known to have looked). */
  'no-evidence-of-access': 0,
  /** Exposed to a known number of known recipients. */
  'known-recipients': 0.25,
  /** Exposed to an unknown number of recipients (or unknown who). */
  'unknown-recipients': 0.5,
} as const;
export type ConfidentialityLoss = keyof typeof CONFIDENTIALITY_LOSS;

/** ENISA annex A4, loss of integrity. */
export const INTEGRITY_LOSS = {
  /** Altered, but no sign it was used in an incorrect or illegal way. */
  'altered-not-used': 0,
  /** Altered and possibly used wrongly, but the correct data can be recovered. */
  recoverable: 0.25,
  /** Altered and possibly used wrongly, and the correct data cannot be recovered. */
  irrecoverable: 0.5,
} as const;
export type IntegrityLoss = keyof typeof INTEGRITY_LOSS;

/** ENISA annex A4, loss of availability. */
export const AVAILABILITY_LOSS = {
  /** Recoverable without any difficulty (another copy, a backup). */
  'recoverable-without-difficulty': 0,
  /** Temporarily unavailable: recoverable with effort or time, or from the individual. */
  temporary: 0.25,
  /** Cannot be recovered by the controller or the individual. */
  permanent: 0.5,
} as const;
export type AvailabilityLoss = keyof typeof AVAILABILITY_LOSS;

/** ENISA annex A4: a breach by malicious intent (theft, hacking, deliberate disclosure) adds 0.5. */
export const MALICIOUS_INTENT = 0.5;

/**
 * Not ENISA (which leaves the number of individuals out of the score): from this many persons the advice raises
 * *risk* to *high risk* (`risk-assessment.ts`). Reading: the product's threshold, a round number for "many".
 */
export const MANY_PERSONS = 100;

export const SEVERITY_LEVELS = ['low', 'medium', 'high', 'very-high'] as const;
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

/** ENISA §2.4. */
export function severityLevel(score: number): SeverityLevel {
  if (score < 2) return 'low';
  if (score < 3) return 'medium';
  if (score < 4) return 'high';
  return 'very-high';
}

export interface DpcScore {
  /** The category that set the score (the highest after adjustments). */
  drivenBy: PersonalDataCategory;
  basic: number;
  categoryAdjustment: number;
  contextAdjustments: readonly ContextAdjustment[];
  /** Capped to 1–4. */
  score: number;
}

export interface CircumstancesScore {
  confidentiality: number;
  integrity: number;
  availability: number;
  maliciousIntent: number;
  total: number;
}

export interface SeverityScore {
  dpc: DpcScore;
  easeOfIdentification: EaseOfIdentification;
  ei: number;
  cb: CircumstancesScore;
  /** DPC × EI + CB, rounded to two decimals (all terms are multiples of 0.25, so this only removes float noise). */
  score: number;
  level: SeverityLevel;
}

/** What the score needs, after the unknowns were resolved (see `risk-assessment.ts`). */
export interface SeverityInputs {
  categories: readonly PersonalDataCategory[];
  contextAdjustments: readonly ContextAdjustment[];
  easeOfIdentification: EaseOfIdentification;
  kinds: readonly BreachKind[];
  confidentiality: ConfidentialityLoss;
  integrity: IntegrityLoss;
  availability: AvailabilityLoss;
  malicious: boolean;
}

export function dataProcessingContext(
  categories: readonly PersonalDataCategory[],
  context: readonly ContextAdjustment[],
): DpcScore {
  const contextSum = context.reduce((sum, c) => sum + CONTEXT_ADJUSTMENTS[c], 0);
  let best: DpcScore | null = null;
  for (const category of categories) {
    const { type, adjustment } = CATEGORY_SCORING[category];
    const basic = ENISA_BASIC_SCORE[type];
    const score = Math.min(4, Math.max(1, basic + adjustment + contextSum));
    // Ties go to the more sensitive basic type, so the reason names health data rather than a name and address.
    if (
      !best ||
      score > best.score ||
      (score === best.score && basic + adjustment > best.basic + best.categoryAdjustment)
    ) {
      best = { drivenBy: category, basic, categoryAdjustment: adjustment, contextAdjustments: context, score };
    }
  }
  if (!best) throw new Error('dataProcessingContext needs at least one category (unknown is resolved before)');
  return best;
}

export function severityScore(inputs: SeverityInputs): SeverityScore {
  const dpc = dataProcessingContext(inputs.categories, inputs.contextAdjustments);
  const ei = EASE_OF_IDENTIFICATION[inputs.easeOfIdentification];
  const has = (kind: BreachKind): boolean => inputs.kinds.includes(kind);
  const confidentiality = has('confidentiality') ? CONFIDENTIALITY_LOSS[inputs.confidentiality] : 0;
  const integrity = has('integrity') ? INTEGRITY_LOSS[inputs.integrity] : 0;
  const availability = has('availability') ? AVAILABILITY_LOSS[inputs.availability] : 0;
  const maliciousIntent = inputs.malicious ? MALICIOUS_INTENT : 0;
  const cb = {
    confidentiality,
    integrity,
    availability,
    maliciousIntent,
    total: confidentiality + integrity + availability + maliciousIntent,
  };
  const score = Math.round((dpc.score * ei + cb.total) * 100) / 100;
  return { dpc, easeOfIdentification: inputs.easeOfIdentification, ei, cb, score, level: severityLevel(score) };
}
