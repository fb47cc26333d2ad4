import type { OrganisationRole } from '../identity/organisation-role';
import type { BreachChecklist, YesNoUnknown } from './checklist';
import type { RiskAnswers } from './risk-assessment';

/**
 * One (suspected) breach within one organisation, as the workflow sees it: what was reported, where in the
 * protocol it stands, and every answer and decision so far. The caller (API) keeps the id, the organisation and
 * the reference (`reference.ts`); this type is what the rules need.
 */
export interface BreachIncident {
  /** Optimistic concurrency: 1 at report, +1 for every accepted command. A command names the version it saw. */
  version: number;
  /** A drill (item 5 of issue 14): set at report time, never changed, never counted for the register or the AP. */
  exercise: boolean;
  stage: IncidentStage;
  reportedAt: Date;
  reportedBy: string;
  /** Step 1 as reported; corrections are kept as events. */
  report: BreachReport;
  assessment: Assessment | null;
  /** Step 3; starts with the reporter's answers and every other answer unknown. */
  checklist: BreachChecklist;
  /** The step-5/6 questions the checklist does not ask (`risk-answers.ts`); every one starts unknown. */
  riskAnswers: RiskAnswers;
  overviewCompletedAt: Date | null;
  containment: Containment;
  apDecision: ApDecision | null;
  apNotification: ApNotification | null;
  dataSubjectDecision: DataSubjectDecision | null;
  dataSubjectsInformedAt: Date | null;
  dpoAdvice: readonly DpoAdvice[];
  closure: Closure | null;
  /** Protocol step 7's "how recurrence is prevented", as actions that go on after the register entry. */
  improvementActions: readonly ImprovementAction[];
}

/**
 * Where the incident stands. Steps 4–6 share one stage, `response`, because the protocol runs them side by side
 * (containment goes on while the AP decision is taken); each has its own status (`steps.ts`).
 * - `reported`: step 1 done, step 2 (is it a breach?) open;
 * - `overview`: a breach; step 3 (the checklist) open;
 * - `response`: steps 4 containment, 5 AP, 6 data subjects;
 * - `closed`: registered (step 7), or ended as not a breach or a near miss.
 */
export const INCIDENT_STAGES = ['reported', 'overview', 'response', 'closed'] as const;
export type IncidentStage = (typeof INCIDENT_STAGES)[number];

/** Who acts: a person and their roles *in the organisation the request acts for* (never the union of all). */
export interface Actor {
  personId: string;
  roles: readonly OrganisationRole[];
}

export interface BreachReport {
  whatHappened: string;
  /** When the organisation became aware: the AP clock starts here (GDPR art. 33(1)). */
  discoveredAt: Date;
  howDiscovered: string | null;
  /** Whether data of other organisations may be involved, e.g. through the viewer (the chain issue builds on it). */
  otherOrganisationsInvolved: YesNoUnknown;
}

/**
 * Step 2's outcome. `near-miss` (bijna-incident): something went wrong but no personal data was exposed — kept to
 * learn from, not a breach. `not-a-breach`: no personal data lost and unlawful processing reasonably excluded.
 */
export const ASSESSMENT_CONCLUSIONS = ['breach', 'not-a-breach', 'near-miss'] as const;
export type AssessmentConclusion = (typeof ASSESSMENT_CONCLUSIONS)[number];

export interface Assessment {
  conclusion: AssessmentConclusion;
  /** Required either way (protocol step 2: the reasoning is kept). */
  reasoning: string;
  assessedAt: Date;
  assessedBy: string;
}

export const MEASURE_STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** A step-4 measure: remote wipe, take a file offline, ask a wrong recipient to confirm deletion, block an account. */
export interface ContainmentMeasure {
  /** Chosen by the caller (a UUID), so a command can name the measure it changes. */
  id: string;
  description: string;
  /** Who carries it out (a name or a role; free text because it may be a supplier). */
  owner: string | null;
  status: MeasureStatus;
  dueAt: Date | null;
  doneAt: Date | null;
}

/**
 * A lesson learned (protocol step 7, "hoe herhaling wordt voorkomen"): an action with an owner, a due date and a
 * status like a containment measure. Unlike a measure it may be added and followed after the incident closed:
 * improvement goes on after the register entry.
 */
export interface ImprovementAction {
  id: string;
  description: string;
  /** A role or a name, free text (privacy-guarded like every free text). */
  owner: string | null;
  status: MeasureStatus;
  dueAt: Date | null;
  doneAt: Date | null;
}

export interface Containment {
  measures: readonly ContainmentMeasure[];
  /** Set when step 4 is closed: the breach has stopped and every measure is done or dropped. */
  completedAt: Date | null;
}

/**
 * The part of a risk advice a decision keeps: which model said what. The advice itself (level, score, reasons)
 * is stored by the caller with its inputs; this is enough to see, years later, whether a decision departed from it.
 */
export interface AdviceReference {
  modelVersion: string;
  notifyAp: boolean;
  /** What the advice said for step 6, public communication included (see `adviceReference` in risk-assessment). */
  dataSubjects: DataSubjectOutcome;
}

export interface ApDecision {
  notify: boolean;
  reasoning: string;
  advice: AdviceReference | null;
  /** Required when `notify` differs from the advice: the person decides, and says why (issue 14 item 3). */
  departureReason: string | null;
  decidedAt: Date;
  decidedBy: string;
}

export interface ApNotification {
  /** When it was submitted through the AP's web form (there is no API). */
  submittedAt: Date;
  /** The AP's reference number, when received. */
  apReference: string | null;
  /** Required when submitted after the 72 hours (GDPR art. 33(1), last sentence). */
  delayReasons: string | null;
  recordedAt: Date;
  recordedBy: string;
}

export const DATA_SUBJECT_OUTCOMES = ['inform', 'not-inform', 'public-communication'] as const;
export type DataSubjectOutcome = (typeof DATA_SUBJECT_OUTCOMES)[number];

/** GDPR art. 34(3): why data subjects need not be informed individually despite a high risk. */
export const ART34_EXEMPTIONS = ['unintelligible', 'later-measures', 'disproportionate-effort'] as const;
export type Art34Exemption = (typeof ART34_EXEMPTIONS)[number];

export interface DataSubjectDecision {
  outcome: DataSubjectOutcome;
  reasoning: string;
  exemption: Art34Exemption | null;
  advice: AdviceReference | null;
  departureReason: string | null;
  decidedAt: Date;
  decidedBy: string;
}

export interface DpoAdvice {
  text: string;
  recordedAt: Date;
  recordedBy: string;
}

export const CLOSED_OUTCOMES = ['registered', 'not-a-breach', 'near-miss'] as const;
export type ClosedOutcome = (typeof CLOSED_OUTCOMES)[number];

/** Step 7: what the register keeps beyond the checklist and the measures (protocol step 7 and its tips). */
export interface Closure {
  outcome: ClosedOutcome;
  /** Gevolgen van het datalek (required for a registered breach). */
  consequences: string | null;
  /** How recurrence is prevented (recommended by the protocol). */
  recurrencePrevention: string | null;
  closedAt: Date;
  closedBy: string;
}
