import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  AssessmentConclusionEnum,
  AvailabilityLossEnum,
  EaseOfIdentificationEnum,
  IntegrityLossEnum,
  Art34ExemptionEnum,
  BreachKindEnum,
  CauseCategoryEnum,
  ClockStateEnum,
  ClosedOutcomeEnum,
  CountKindEnum,
  DataSubjectGroupEnum,
  DataSubjectOutcomeEnum,
  IncidentStageEnum,
  MeasureStatusEnum,
  PersonalDataCategoryEnum,
  ProtocolStepEnum,
  StepStatusEnum,
  YesNoUnknownEnum,
} from './incident.enums';
import { LocalisedTextType } from './localised-text.type';
import { RiskAdviceType } from './risk-advice.type';

// GraphQL shapes of an incident. Not entities: incidents.presenter.ts maps the domain's state to these.

@ObjectType('ApClock', { description: 'De 72-uursklok voor de melding aan de AP (verstreken uren, in UTC).' })
export class ApClockType {
  @Field(() => ClockStateEnum) state!: string;
  @Field() deadline!: Date;
  @Field(() => Float, { nullable: true, description: 'Milliseconden tot de termijn; negatief als die verstreken is.' })
  remainingMs!: number | null;
}

@ObjectType('ApproximateCount')
export class ApproximateCountType {
  @Field(() => CountKindEnum) kind!: string;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Float, { nullable: true }) min!: number | null;
  @Field(() => Float, { nullable: true }) max!: number | null;
}

@ObjectType('BreachReport', { description: 'Stap 1: wat er gemeld is.' })
export class BreachReportType {
  @Field() whatHappened!: string;
  @Field() discoveredAt!: Date;
  @Field(() => String, { nullable: true }) howDiscovered!: string | null;
  @Field(() => YesNoUnknownEnum) otherOrganisationsInvolved!: string;
}

@ObjectType('Assessment', { description: 'Stap 2.' })
export class AssessmentType {
  @Field(() => AssessmentConclusionEnum) conclusion!: string;
  @Field() reasoning!: string;
  @Field() assessedAt!: Date;
  @Field(() => ID) assessedBy!: string;
}

@ObjectType('BreachCause')
export class BreachCauseType {
  @Field(() => CauseCategoryEnum) category!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
}

@ObjectType('UnauthorisedRecipients')
export class RecipientsType {
  @Field(() => ApproximateCountType) count!: ApproximateCountType;
  @Field(() => YesNoUnknownEnum) known!: string;
  @Field(() => YesNoUnknownEnum) maliceLikely!: string;
  @Field(() => YesNoUnknownEnum) professionalSecrecy!: string;
  @Field(() => YesNoUnknownEnum) deletionConfirmed!: string;
}

@ObjectType('Unintelligibility')
export class UnintelligibilityType {
  @Field(() => YesNoUnknownEnum) encrypted!: string;
  @Field(() => YesNoUnknownEnum) encryptionStateOfTheArt!: string;
  @Field(() => YesNoUnknownEnum) keyCompromised!: string;
}

@ObjectType('BreachChecklist', { description: 'Stap 3: de checklist als gegevens.' })
export class ChecklistType {
  @Field(() => [BreachKindEnum]) kinds!: string[];
  @Field(() => BreachCauseType) cause!: BreachCauseType;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => YesNoUnknownEnum) stillOngoing!: string;
  @Field(() => String, { nullable: true }) howDiscovered!: string | null;
  @Field(() => [PersonalDataCategoryEnum]) dataCategories!: string[];
  @Field(() => ApproximateCountType) records!: ApproximateCountType;
  @Field(() => ApproximateCountType) persons!: ApproximateCountType;
  @Field(() => [DataSubjectGroupEnum]) groups!: string[];
  @Field(() => RecipientsType) recipients!: RecipientsType;
  @Field(() => UnintelligibilityType) unintelligible!: UnintelligibilityType;
}

@ObjectType('ContainmentMeasure', { description: 'Stap 4: een maatregel met eigenaar, status en termijn.' })
export class ContainmentMeasureType {
  @Field(() => ID) id!: string;
  @Field() description!: string;
  @Field(() => String, { nullable: true }) owner!: string | null;
  @Field(() => MeasureStatusEnum) status!: string;
  @Field(() => Date, { nullable: true }) dueAt!: Date | null;
  @Field(() => Date, { nullable: true }) doneAt!: Date | null;
}

@ObjectType('Containment')
export class ContainmentType {
  @Field(() => [ContainmentMeasureType]) measures!: ContainmentMeasureType[];
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
}

@ObjectType('AdviceReference', { description: 'Welk advies (modelversie) er lag toen besloten werd.' })
export class AdviceReferenceType {
  @Field() modelVersion!: string;
  @Field() notifyAp!: boolean;
  @Field(() => DataSubjectOutcomeEnum) dataSubjects!: string;
}

@ObjectType('ApDecision', { description: 'Stap 5: het besluit over melden aan de AP.' })
export class ApDecisionType {
  @Field() notify!: boolean;
  @Field() reasoning!: string;
  @Field(() => AdviceReferenceType, { nullable: true }) advice!: AdviceReferenceType | null;
  @Field(() => String, { nullable: true }) departureReason!: string | null;
  @Field() decidedAt!: Date;
  @Field(() => ID) decidedBy!: string;
}

@ObjectType('ApNotification', { description: 'Stap 5: de melding zoals die via het webformulier van de AP ging.' })
export class ApNotificationType {
  @Field() submittedAt!: Date;
  @Field(() => String, { nullable: true }) apReference!: string | null;
  @Field(() => String, { nullable: true }) delayReasons!: string | null;
  @Field() recordedAt!: Date;
  @Field(() => ID) recordedBy!: string;
}

@ObjectType('DataSubjectDecision', { description: 'Stap 6.' })
export class DataSubjectDecisionType {
  @Field(() => DataSubjectOutcomeEnum) outcome!: string;
  @Field() reasoning!: string;
  @Field(() => Art34ExemptionEnum, { nullable: true }) exemption!: string | null;
  @Field(() => AdviceReferenceType, { nullable: true }) advice!: AdviceReferenceType | null;
  @Field(() => String, { nullable: true }) departureReason!: string | null;
  @Field() decidedAt!: Date;
  @Field(() => ID) decidedBy!: string;
}

@ObjectType('DpoAdvice', {
  description: 'Advies van de FG: tekst, wie (recordedBy) en wanneer; ook in de geschiedenis.',
})
export class DpoAdviceType {
  @Field() text!: string;
  @Field() recordedAt!: Date;
  @Field(() => ID) recordedBy!: string;
}

@ObjectType('RiskAnswers', {
  description: 'Stap 5 en 6: vragen voor het risicoadvies die de checklist niet stelt; onbekend telt als het ergste.',
})
export class RiskAnswersType {
  @Field(() => EaseOfIdentificationEnum) easeOfIdentification!: string;
  @Field(() => IntegrityLossEnum, { description: 'Alleen gelezen bij een inbreuk op de integriteit.' })
  integrityLoss!: string;
  @Field(() => AvailabilityLossEnum, { description: 'Alleen gelezen bij een inbreuk op de beschikbaarheid.' })
  availabilityLoss!: string;
  @Field(() => YesNoUnknownEnum, { description: 'AVG art. 34 lid 3 b: latere maatregelen nemen het hoge risico weg.' })
  laterMeasuresRemovedHighRisk!: string;
  @Field(() => YesNoUnknownEnum, {
    description: 'AVG art. 34 lid 3 c: iedereen persoonlijk informeren kost onevenredig veel moeite.',
  })
  individualContactDisproportionate!: string;
}

@ObjectType('ImprovementAction', {
  description: 'Stap 7, lering: een verbeteractie met eigenaar, termijn en status; loopt ook na het afsluiten door.',
})
export class ImprovementActionType {
  @Field(() => ID) id!: string;
  @Field() description!: string;
  @Field(() => String, { nullable: true, description: 'Een rol of naam.' }) owner!: string | null;
  @Field(() => MeasureStatusEnum) status!: string;
  @Field(() => Date, { nullable: true }) dueAt!: Date | null;
  @Field(() => Date, { nullable: true }) doneAt!: Date | null;
}

@ObjectType('Closure', { description: 'Stap 7: afgesloten en geregistreerd, of eerder geëindigd.' })
export class ClosureType {
  @Field(() => ClosedOutcomeEnum) outcome!: string;
  @Field(() => String, { nullable: true }) consequences!: string | null;
  @Field(() => String, { nullable: true }) recurrencePrevention!: string | null;
  @Field() closedAt!: Date;
  @Field(() => ID) closedBy!: string;
}

@ObjectType('ProtocolStepStatus')
export class StepStatusType {
  @Field(() => ProtocolStepEnum) step!: string;
  @Field(() => StepStatusEnum) status!: string;
  @Field(() => LocalisedTextType) name!: LocalisedTextType;
}

/** What every reader of the list sees; an employee sees only this, and only of their own reports. */
@ObjectType('IncidentSummary', { description: 'Een datalek in de lijst: de status.' })
export class IncidentSummaryType {
  @Field(() => ID) id!: string;
  @Field({ description: 'Bijvoorbeeld DL-2026-0042: per organisatie doorgenummerd, zonder gaten.' })
  reference!: string;
  @Field(() => IncidentStageEnum) stage!: string;
  @Field({ description: 'Een oefening: telt nooit mee in het register, de cijfers of richting de AP.' })
  exercise!: boolean;
  @Field() reportedAt!: Date;
  @Field({ description: 'Wanneer het ontdekt is (het begin van de 72 uur).' }) discoveredAt!: Date;
  @Field(() => String, {
    nullable: true,
    description:
      'Het begin van "wat er is gebeurd" (hoogstens 160 tekens), voor het overzicht; alleen voor wie alle datalekken van de organisatie leest.',
  })
  whatHappenedExcerpt!: string | null;
  @Field({ description: 'Of de vrager dit datalek zelf meldde.' }) reportedByMe!: boolean;
  @Field(() => ApClockType, {
    nullable: true,
    description: 'Alleen voor wie alle datalekken van de organisatie leest (privacyfunctionaris, FG, auditor).',
  })
  apClock!: ApClockType | null;
}

@ObjectType('IncidentConnection')
export class IncidentConnectionType {
  @Field(() => [IncidentSummaryType]) nodes!: IncidentSummaryType[];
  @Field(() => String, { nullable: true, description: 'Cursor voor de volgende pagina; null als er geen is.' })
  nextCursor!: string | null;
}

@ObjectType('Incident', { description: 'Een datalek met alles wat het protocol vastlegt.' })
export class IncidentType {
  @Field(() => ID) id!: string;
  @Field() reference!: string;
  @Field(() => Int, { description: 'Geef deze versie mee bij elke wijziging (optimistische vergrendeling).' })
  version!: number;
  @Field(() => IncidentStageEnum) stage!: string;
  @Field() exercise!: boolean;
  @Field() reportedAt!: Date;
  @Field(() => ID) reportedBy!: string;
  @Field() discoveredAt!: Date;
  @Field() apDeadline!: Date;
  @Field(() => ApClockType) apClock!: ApClockType;
  @Field(() => BreachReportType) report!: BreachReportType;
  @Field(() => AssessmentType, { nullable: true }) assessment!: AssessmentType | null;
  @Field(() => ChecklistType) checklist!: ChecklistType;
  @Field(() => Date, { nullable: true }) overviewCompletedAt!: Date | null;
  @Field(() => ContainmentType) containment!: ContainmentType;
  @Field(() => ApDecisionType, { nullable: true }) apDecision!: ApDecisionType | null;
  @Field(() => ApNotificationType, { nullable: true }) apNotification!: ApNotificationType | null;
  @Field(() => DataSubjectDecisionType, { nullable: true }) dataSubjectDecision!: DataSubjectDecisionType | null;
  @Field(() => Date, { nullable: true }) dataSubjectsInformedAt!: Date | null;
  @Field(() => [DpoAdviceType]) dpoAdvice!: DpoAdviceType[];
  @Field(() => ClosureType, { nullable: true }) closure!: ClosureType | null;
  @Field(() => RiskAnswersType) riskAnswers!: RiskAnswersType;
  @Field(() => [ImprovementActionType]) improvementActions!: ImprovementActionType[];
  @Field(() => [StepStatusType]) steps!: StepStatusType[];
  @Field(() => RiskAdviceType, {
    nullable: true,
    description: 'Het risicoadvies (stap 5 en 6) uit de checklist, met redenen; alleen voor wie alles leest.',
  })
  riskAdvice!: RiskAdviceType | null;
}

@ObjectType('IncidentFieldChange', { description: 'Eén veld: oud → nieuw (als JSON).' })
export class FieldChangeType {
  @Field() field!: string;
  @Field({ description: 'JSON' }) from!: string;
  @Field({ description: 'JSON' }) to!: string;
}

@ObjectType('IncidentEvent', { description: 'Eén wijziging in de geschiedenis van een datalek.' })
export class IncidentEventType {
  @Field(() => Int) version!: number;
  @Field() type!: string;
  @Field() at!: Date;
  @Field(() => ID) personId!: string;
  @Field(() => String, { nullable: true }) personName!: string | null;
  @Field(() => [String]) roles!: string[];
  @Field(() => [FieldChangeType]) changes!: FieldChangeType[];
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => RiskAdviceType, { nullable: true, description: 'Het advies dat bij dit besluit lag, zoals toen.' })
  advice!: RiskAdviceType | null;
}
