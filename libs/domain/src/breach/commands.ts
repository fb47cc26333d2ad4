import type { BreachChecklist, YesNoUnknown } from './checklist';
import type {
  AdviceReference,
  Art34Exemption,
  AssessmentConclusion,
  DataSubjectOutcome,
  MeasureStatus,
} from './incident';
import type { RiskAnswers } from './risk-assessment';

/**
 * What a person asks the workflow to do with an existing incident: one command per protocol action, each naming
 * the `version` it was based on (two people on one incident never overwrite each other silently). A field
 * called `reason` is asked for where a decision or an answer that was already given is changed: the old and the
 * new value are kept in the events, and the reason says why.
 */
export type IncidentCommand =
  | CorrectReport
  | Assess
  | UpdateChecklist
  | CompleteOverview
  | AddContainmentMeasure
  | UpdateContainmentMeasure
  | CompleteContainment
  | DecideApNotification
  | RecordApNotification
  | DecideDataSubjects
  | RecordDataSubjectsInformed
  | RecordDpoAdvice
  | Close
  | Reopen
  | UpdateRiskAnswers
  | AddImprovementAction
  | UpdateImprovementAction;

export type IncidentCommandType = IncidentCommand['type'];

interface Base {
  version: number;
}

/** Step 1: correct what was reported. The exercise flag is not here on purpose: it never changes. */
export interface CorrectReport extends Base {
  type: 'correct-report';
  whatHappened?: string;
  discoveredAt?: Date;
  howDiscovered?: string | null;
  otherOrganisationsInvolved?: YesNoUnknown;
  /** Required when `discoveredAt` changes: it moves the AP deadline. */
  reason?: string;
}

/** Step 2. Again after step 2 closed: a revision, with a reason. */
export interface Assess extends Base {
  type: 'assess';
  conclusion: AssessmentConclusion;
  reasoning: string;
  reason?: string;
}

/** Step 3 answers; a field left out keeps its answer. */
export interface UpdateChecklist extends Base {
  type: 'update-checklist';
  answers: Partial<BreachChecklist>;
}

export interface CompleteOverview extends Base {
  type: 'complete-overview';
}

export interface AddContainmentMeasure extends Base {
  type: 'add-containment-measure';
  measureId: string;
  description: string;
  owner?: string | null;
  dueAt?: Date | null;
}

export interface UpdateContainmentMeasure extends Base {
  type: 'update-containment-measure';
  measureId: string;
  description?: string;
  owner?: string | null;
  status?: MeasureStatus;
  dueAt?: Date | null;
}

export interface CompleteContainment extends Base {
  type: 'complete-containment';
}

/** Step 5. `advice` is the risk advice shown when deciding; a departure from it needs `departureReason`. */
export interface DecideApNotification extends Base {
  type: 'decide-ap-notification';
  notify: boolean;
  reasoning: string;
  advice: AdviceReference | null;
  departureReason?: string | null;
  reason?: string;
}

export interface RecordApNotification extends Base {
  type: 'record-ap-notification';
  submittedAt: Date;
  apReference?: string | null;
  delayReasons?: string | null;
  reason?: string;
}

/** Step 6. */
export interface DecideDataSubjects extends Base {
  type: 'decide-data-subjects';
  outcome: DataSubjectOutcome;
  reasoning: string;
  exemption?: Art34Exemption | null;
  advice: AdviceReference | null;
  departureReason?: string | null;
  reason?: string;
}

export interface RecordDataSubjectsInformed extends Base {
  type: 'record-data-subjects-informed';
  informedAt: Date;
}

/** The FG's advice (protocol: the investigation is done "in afstemming met de FG"). */
export interface RecordDpoAdvice extends Base {
  type: 'record-dpo-advice';
  text: string;
}

/** Step 7: register and close. */
export interface Close extends Base {
  type: 'close';
  consequences: string;
  recurrencePrevention?: string | null;
}

export interface Reopen extends Base {
  type: 'reopen';
  reason: string;
}

/**
 * Steps 5 and 6: the answers the advice reads beside the checklist; a field left out keeps its answer. Once a
 * step-5 or step-6 decision was taken on the advice, a change is a revision: it needs a reason.
 */
export interface UpdateRiskAnswers extends Base {
  type: 'update-risk-answers';
  answers: Partial<RiskAnswers>;
  reason?: string;
}

/** Step 7, lessons learned: an improvement action (also after closing). */
export interface AddImprovementAction extends Base {
  type: 'add-improvement-action';
  actionId: string;
  description: string;
  owner?: string | null;
  dueAt?: Date | null;
}

export interface UpdateImprovementAction extends Base {
  type: 'update-improvement-action';
  actionId: string;
  description?: string;
  owner?: string | null;
  status?: MeasureStatus;
  dueAt?: Date | null;
}
