import type { AdviceReference } from './incident';
import type { OrganisationKind } from '../identity/organisation-kind';
import type { LocalisedText } from '../text/localised-text';
import {
  BREACH_KINDS,
  DATA_SUBJECT_GROUPS,
  isUnintelligibleToRecipients,
  PERSONAL_DATA_CATEGORIES,
  upperBound,
  type ApproximateCount,
  type BreachChecklist,
  type BreachKind,
  type CauseCategory,
  type DataSubjectGroup,
  type PersonalDataCategory,
  type UnauthorisedRecipients,
  type Unintelligibility,
  type YesNoUnknown,
} from './checklist';
import {
  DIRECTLY_IDENTIFYING,
  MANY_PERSONS,
  severityScore,
  type AvailabilityLoss,
  type ConfidentialityLoss,
  type ContextAdjustment,
  type EaseOfIdentification,
  type IntegrityLoss,
  type SeverityScore,
} from './risk-factors';
import { missingAnswerTexts, type MissingAnswer } from './risk-missing-answers';
import { riskReasons, type RiskReason } from './risk-reasons';

/**
 * The explained risk advice of protocol steps 5 and 6 (issue 14 item 3): should the AP be notified (GDPR art. 33)
 * and the data subjects informed (art. 34)? A pure function of the step-3 checklist, the organisation's kind and a
 * few step-5/6 answers the checklist does not ask. The product advises, the person decides; a decision that
 * departs from the advice needs a reason (`departsFromAdvice`).
 *
 * How the advice is reached, in order:
 * 1. **Severity** after ENISA 2013 (`risk-factors.ts`): SE = DPC × EI + CB — how bad it is for the people if the
 *    risk materialises.
 * 2. **Level** after EDPB Guidelines 9/2022 on personal data breach notification (§IV–V; risk = likelihood ×
 *    severity): ENISA low → *no risk* (art. 33(1): "unlikely to result in a risk"), medium → *risk*, high and very
 *    high → *high risk* (art. 34(1)). Then:
 *    - the **number of persons** never lowers the level (one person can still be serious, protocol) but raises
 *      *risk* to *high risk* from `MANY_PERSONS` persons on (EDPB: the more individuals, the greater the impact;
 *      ENISA leaves the number out of the score and asks to weigh it separately). Reading: the threshold is ours.
 *    - **likelihood**: when every kind of breach that occurred is shown to carry no residual risk, the level is
 *      *no risk* whatever the severity: confidentiality because a trustworthy recipient bound by professional
 *      secrecy confirmed deletion (protocol step 5, its own gynaecologist example) or because the data was
 *      unintelligible to them (EDPB 9/2022: properly encrypted data with the key safe); availability because the
 *      data could be restored without difficulty (EDPB: ransomware with a backup and no exfiltration); integrity
 *      because the altered data was not used.
 * 3. **Recommendation**: no risk → register only (art. 33(5): every breach is registered); risk → notify the AP;
 *    high risk → notify the AP and inform the data subjects, unless an art. 34(3) exemption holds: (a) the data was
 *    unintelligible, (b) later measures mean the high risk is no longer likely, (c) individual contact would take
 *    disproportionate effort → a public communication instead.
 *
 * **When in doubt, notify** (protocol step 5): an unknown answer is read as the worst answer it could turn out to
 * be, so answering a question can only lower the advice, never raise it; the advice lists the missing answers.
 */

/** Stored with every advice; change it with any change to the tables or rules (also in `risk-factors.ts`). */
export const RISK_MODEL_VERSION = '2026-11-1';

export const RISK_LEVELS = ['no-risk', 'risk', 'high-risk'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** From least to most: a public communication replaces informing each person (art. 34(3)(c)), so it ranks below. */
export const RECOMMENDATIONS = [
  'register-only',
  'notify-ap',
  'notify-ap-and-public-communication',
  'notify-ap-and-data-subjects',
] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** The same values as the workflow's `DataSubjectOutcome` and `Art34Exemption` (`incident.ts`), kept structural. */
export type DataSubjectAdvice = 'inform' | 'not-inform' | 'public-communication';
export type Art34ExemptionAdvice = 'unintelligible' | 'later-measures' | 'disproportionate-effort';

/** Step-5/6 questions that the step-3 checklist does not ask; each may be unknown. */
export interface RiskAnswers {
  /** ENISA EI: how easily the people can be identified from the data (unknown → maximum). */
  easeOfIdentification: EaseOfIdentification | 'unknown';
  /** Only read when integrity was breached. */
  integrityLoss: IntegrityLoss | 'unknown';
  /** Only read when availability was breached. */
  availabilityLoss: AvailabilityLoss | 'unknown';
  /** Art. 34(3)(b): later measures ensure the high risk is no longer likely to materialise. */
  laterMeasuresRemovedHighRisk: YesNoUnknown;
  /** Art. 34(3)(c): informing each person individually would take disproportionate effort. */
  individualContactDisproportionate: YesNoUnknown;
}

export interface RiskAssessmentInput {
  checklist: BreachChecklist;
  organisationKind: OrganisationKind;
  answers?: Partial<RiskAnswers>;
}

/**
 * Exactly what the model read, unknowns left unknown, lists de-duplicated in a fixed order, plain JSON (no Date):
 * stored with the advice so that it can be recomputed and explained years later.
 */
export interface NormalisedRiskInputs {
  organisationKind: OrganisationKind;
  kinds: BreachKind[];
  causeCategory: CauseCategory;
  dataCategories: PersonalDataCategory[];
  records: ApproximateCount;
  persons: ApproximateCount;
  groups: DataSubjectGroup[];
  recipients: UnauthorisedRecipients;
  unintelligible: Unintelligibility;
  answers: RiskAnswers;
}

export interface RiskAdvice {
  modelVersion: string;
  inputs: NormalisedRiskInputs;
  level: RiskLevel;
  severity: SeverityScore;
  recommendation: Recommendation;
  notifyAp: boolean;
  dataSubjects: DataSubjectAdvice;
  /** The art. 34(3) exemption the advice relies on, if any. */
  exemption: Art34ExemptionAdvice | null;
  /** One summary sentence for a heading. */
  summary: LocalisedText;
  /** Why, factor by factor, in plain Dutch and English. */
  reasons: RiskReason[];
  /** Answers still missing; each was read as its worst case. */
  missingAnswers: MissingAnswer[];
}

const UNKNOWN_ANSWERS: RiskAnswers = {
  easeOfIdentification: 'unknown',
  integrityLoss: 'unknown',
  availabilityLoss: 'unknown',
  laterMeasuresRemovedHighRisk: 'unknown',
  individualContactDisproportionate: 'unknown',
};

// Causes that are deliberate by nature (ENISA annex A4: theft and hacking are malicious).
const MALICIOUS_CAUSES: readonly CauseCategory[] = ['stolen-device', 'hacking-malware-phishing'];

/** Everything the reasons need: the normalised inputs, what was assumed for the unknowns, and each step's result. */
export interface RiskTrace {
  inputs: NormalisedRiskInputs;
  kinds: BreachKind[];
  kindsAssumed: boolean;
  categories: PersonalDataCategory[];
  categoriesAssumed: boolean;
  groups: DataSubjectGroup[];
  groupsAssumed: boolean;
  healthcare: boolean;
  context: ContextAdjustment[];
  easeAssumed: boolean;
  easeFromCategories: boolean;
  confidentiality: ConfidentialityLoss;
  confidentialityAssumed: boolean;
  integrity: IntegrityLoss;
  availability: AvailabilityLoss;
  malicious: boolean;
  maliceAssumed: boolean;
  maliceFromCause: boolean;
  trustedRecipient: boolean;
  unintelligible: YesNoUnknown;
  severity: SeverityScore;
  personsUpper: number | null;
  levelFromSeverity: RiskLevel;
  raisedByNumber: boolean;
  /** Per kind of breach that occurred (or may have): whether it still carries risk after the mitigations. */
  residual: Record<BreachKind, boolean>;
  level: RiskLevel;
  exemption: Art34ExemptionAdvice | null;
  recommendation: Recommendation;
}

export function assessRisk(input: RiskAssessmentInput): RiskAdvice {
  const trace = traceRisk(normaliseRiskInputs(input));
  const missing = missingAnswerTexts(trace);
  const { summary, reasons } = riskReasons(trace, missing.length);
  return {
    modelVersion: RISK_MODEL_VERSION,
    inputs: trace.inputs,
    level: trace.level,
    severity: trace.severity,
    recommendation: trace.recommendation,
    notifyAp: trace.recommendation !== 'register-only',
    dataSubjects:
      trace.recommendation === 'notify-ap-and-data-subjects'
        ? 'inform'
        : trace.recommendation === 'notify-ap-and-public-communication'
          ? 'public-communication'
          : 'not-inform',
    exemption: trace.exemption,
    summary,
    reasons,
    missingAnswers: missing,
  };
}

export function normaliseRiskInputs(input: RiskAssessmentInput): NormalisedRiskInputs {
  const { checklist: c } = input;
  const ordered = <T>(all: readonly T[], given: readonly T[]): T[] => all.filter((v) => given.includes(v));
  return {
    organisationKind: input.organisationKind,
    kinds: ordered(BREACH_KINDS, c.kinds),
    causeCategory: c.cause.category,
    dataCategories: ordered(PERSONAL_DATA_CATEGORIES, c.dataCategories),
    records: { ...c.records },
    persons: { ...c.persons },
    groups: ordered(DATA_SUBJECT_GROUPS, c.groups),
    recipients: { ...c.recipients, count: { ...c.recipients.count } },
    unintelligible: { ...c.unintelligible },
    answers: { ...UNKNOWN_ANSWERS, ...definedOnly(input.answers ?? {}) },
  };
}

// `{ easeOfIdentification: undefined }` must not overwrite the unknown default.
function definedOnly(answers: Partial<RiskAnswers>): Partial<RiskAnswers> {
  return Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined)) as Partial<RiskAnswers>;
}

/** The model itself, on normalised inputs (exported for tests and for recomputing a stored advice). */
export function traceRisk(inputs: NormalisedRiskInputs): RiskTrace {
  const { recipients, answers } = inputs;
  // Unknown sets are read as their worst case: every kind of breach; health data with what identifies directly
  // (so the ease of identification is maximal too); clients and newborns.
  const kindsAssumed = inputs.kinds.length === 0;
  const kinds = kindsAssumed ? [...BREACH_KINDS] : inputs.kinds;
  const categoriesAssumed = inputs.dataCategories.length === 0;
  const categories: PersonalDataCategory[] = categoriesAssumed
    ? ['name-address', 'identification-number', 'health']
    : inputs.dataCategories;
  const groupsAssumed = inputs.groups.length === 0;
  const groups: DataSubjectGroup[] = groupsAssumed ? ['clients', 'newborns'] : inputs.groups;

  // Every organisation in the chain is a birth-care provider or HINQ, which processes their records.
  const healthcare = isHealthcareOrganisation(inputs.organisationKind);
  const context: ContextAdjustment[] = [];
  if (healthcare && (groups.includes('clients') || groups.includes('newborns'))) context.push('healthcare-context');
  if (groups.includes('newborns') || categories.includes('children')) context.push('vulnerable-persons');

  const easeFromCategories = categories.some((c) => DIRECTLY_IDENTIFYING.includes(c));
  // Still a missing answer while the categories themselves are only assumed.
  const easeAssumed = answers.easeOfIdentification === 'unknown' && (categoriesAssumed || !easeFromCategories);
  const ease: EaseOfIdentification =
    easeFromCategories || answers.easeOfIdentification === 'unknown' ? 'maximum' : answers.easeOfIdentification;

  const count = recipients.count;
  const confidentialityAssumed = count.kind === 'unknown' || recipients.known === 'unknown';
  const confidentiality: ConfidentialityLoss =
    count.kind === 'exact' && count.value === 0
      ? 'no-evidence-of-access'
      : count.kind !== 'unknown' && recipients.known === 'yes'
        ? 'known-recipients'
        : 'unknown-recipients';
  const integrity: IntegrityLoss = answers.integrityLoss === 'unknown' ? 'irrecoverable' : answers.integrityLoss;
  const availability: AvailabilityLoss =
    answers.availabilityLoss === 'unknown' ? 'permanent' : answers.availabilityLoss;
  const maliceFromCause = MALICIOUS_CAUSES.includes(inputs.causeCategory);
  const maliceAssumed = recipients.maliceLikely === 'unknown' && !maliceFromCause;
  const malicious = maliceFromCause || recipients.maliceLikely !== 'no';

  const severity = severityScore({
    categories,
    contextAdjustments: context,
    easeOfIdentification: ease,
    kinds,
    confidentiality,
    integrity,
    availability,
    malicious,
  });

  const personsUpper = upperBound(inputs.persons);
  const levelFromSeverity: RiskLevel =
    severity.level === 'low' ? 'no-risk' : severity.level === 'medium' ? 'risk' : 'high-risk';
  const raisedByNumber = levelFromSeverity === 'risk' && (personsUpper === null || personsUpper >= MANY_PERSONS);

  // Likelihood (protocol step 5; EDPB 9/2022): the mitigations need an explicit answer; unknown never mitigates.
  const trustedRecipient =
    recipients.known === 'yes' &&
    recipients.professionalSecrecy === 'yes' &&
    recipients.deletionConfirmed === 'yes' &&
    !malicious;
  const unintelligible = isUnintelligibleToRecipients(inputs.unintelligible);
  // Nobody without right had access (a counted zero): the confidentiality loss did not materialise.
  const nobodyHadAccess = count.kind === 'exact' && count.value === 0;
  const residual: Record<BreachKind, boolean> = {
    confidentiality:
      kinds.includes('confidentiality') && !nobodyHadAccess && !trustedRecipient && unintelligible !== 'yes',
    integrity: kinds.includes('integrity') && integrity !== 'altered-not-used',
    availability: kinds.includes('availability') && availability !== 'recoverable-without-difficulty',
  };
  const anyResidual = residual.confidentiality || residual.integrity || residual.availability;
  const level: RiskLevel = !anyResidual ? 'no-risk' : raisedByNumber ? 'high-risk' : levelFromSeverity;

  let exemption: Art34ExemptionAdvice | null = null;
  if (level === 'high-risk') {
    if (unintelligible === 'yes') exemption = 'unintelligible';
    else if (answers.laterMeasuresRemovedHighRisk === 'yes') exemption = 'later-measures';
    else if (answers.individualContactDisproportionate === 'yes') exemption = 'disproportionate-effort';
  }
  const recommendation: Recommendation =
    level === 'no-risk'
      ? 'register-only'
      : level === 'risk' || exemption === 'unintelligible' || exemption === 'later-measures'
        ? 'notify-ap'
        : exemption === 'disproportionate-effort'
          ? 'notify-ap-and-public-communication'
          : 'notify-ap-and-data-subjects';

  return {
    inputs,
    kinds,
    kindsAssumed,
    categories,
    categoriesAssumed,
    groups,
    groupsAssumed,
    healthcare,
    context,
    easeAssumed,
    easeFromCategories,
    confidentiality,
    confidentialityAssumed,
    integrity,
    availability,
    malicious,
    maliceAssumed,
    maliceFromCause,
    trustedRecipient,
    unintelligible,
    severity,
    personsUpper,
    levelFromSeverity,
    raisedByNumber,
    residual,
    level,
    exemption,
    recommendation,
  };
}

/**
 * Reading: every kind in the chain is healthcare. Midwifery practices, hospitals and maternity care are care
 * providers; HINQ is their processor and its breaches are breaches of their clients' birth-care records.
 */
export function isHealthcareOrganisation(kind: OrganisationKind): boolean {
  switch (kind) {
    case 'MIDWIFERY_PRACTICE':
    case 'HOSPITAL':
    case 'MATERNITY_CARE':
    case 'HINQ':
      return true;
  }
}

/** A decision on step 5 (`notifyAp`), step 6 (`dataSubjects`) or both; an absent part is not compared. */
export interface RiskDecision {
  notifyAp?: boolean;
  dataSubjects?: DataSubjectAdvice;
}

/**
 * Whether a decision departs from the advice: then the caller requires a reason (issue 14 item 3), in either
 * direction — notifying when the advice says "register only" is a departure too, and worth a sentence in the
 * register.
 */
export function departsFromAdvice(
  advice: Pick<RiskAdvice, 'notifyAp' | 'dataSubjects'>,
  decision: RiskDecision,
): boolean {
  if (decision.notifyAp !== undefined && decision.notifyAp !== advice.notifyAp) return true;
  return decision.dataSubjects !== undefined && decision.dataSubjects !== advice.dataSubjects;
}

/** Where the recommendations sit on one scale (for "is the advice at least this strict?"). */
export function recommendationRank(recommendation: Recommendation): number {
  return RECOMMENDATIONS.indexOf(recommendation);
}

/** The part of an advice a decision keeps (incident.ts `AdviceReference`): model version and what it advised. */
export function adviceReference(advice: RiskAdvice): AdviceReference {
  return { modelVersion: advice.modelVersion, notifyAp: advice.notifyAp, dataSubjects: advice.dataSubjects };
}
