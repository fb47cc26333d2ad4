import { Field, Float, InputType } from '@nestjs/graphql';
import type { ChainScenario } from '@babyconnect/domain';
import { ChainScenarioEnum } from '../chain/chain.type';
import {
  AssessmentConclusionEnum,
  AvailabilityLossEnum,
  EaseOfIdentificationEnum,
  IntegrityLossEnum,
  Art34ExemptionEnum,
  BreachKindEnum,
  CauseCategoryEnum,
  ClockStateEnum,
  CountKindEnum,
  DataSubjectGroupEnum,
  DataSubjectOutcomeEnum,
  IncidentStageEnum,
  MeasureStatusEnum,
  PersonalDataCategoryEnum,
  YesNoUnknownEnum,
} from './incident.enums';

const CONFIRM =
  'Bevestig dat vrije tekst die op cliëntgegevens lijkt (privacywaarschuwing) geen gegevens van een cliënt bevat.';

@InputType()
export class ReportBreachInput {
  @Field({ description: 'Wat er is gebeurd.' }) whatHappened!: string;
  @Field(() => Date, { nullable: true, description: 'Wanneer het ontdekt is; standaard nu. Niet in de toekomst.' })
  discoveredAt?: Date | null;
  @Field(() => YesNoUnknownEnum) stillOngoing!: string;
  @Field(() => String, { nullable: true }) howDiscovered?: string | null;
  @Field(() => YesNoUnknownEnum, { description: 'Kunnen gegevens van andere organisaties betrokken zijn?' })
  otherOrganisationsInvolved!: string;
  @Field({ defaultValue: false, description: 'Een oefening: telt nooit mee in register, cijfers of AP.' })
  exercise!: boolean;
  @Field(() => ChainScenarioEnum, {
    nullable: true,
    description:
      'Optioneel, de situatie van het protocol: A (bij HINQ of aan HINQ gemeld) en C (mogelijk gegevens van andere organisaties) maken in dezelfde transactie een ketenincident dat HINQ meteen ziet; B (alleen intern) wordt bij het datalek bewaard. C kan niet als andere organisaties niet betrokken zijn (NO).',
  })
  chainScenario?: ChainScenario | null;
  @Field(() => Boolean, { nullable: true, description: CONFIRM }) confirmPrivacyWarnings?: boolean | null;
}

/** Step 1 corrected: a field left out keeps its value; `howDiscovered: null` makes it empty. */
@InputType()
export class CorrectReportInput {
  @Field(() => String, { nullable: true, description: 'Wat er is gebeurd (kan niet leeg worden gemaakt).' })
  whatHappened?: string | null;
  @Field(() => Date, {
    nullable: true,
    description: 'Wanneer het ontdekt is; verschuift de 72-uurstermijn, dus dan is een reden verplicht.',
  })
  discoveredAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'null maakt het leeg.' }) howDiscovered?: string | null;
  @Field(() => YesNoUnknownEnum, { nullable: true }) otherOrganisationsInvolved?: string | null;
  @Field(() => String, { nullable: true, description: 'Verplicht als het tijdstip van ontdekking verandert.' })
  reason?: string | null;
  @Field(() => Boolean, { nullable: true, description: CONFIRM }) confirmPrivacyWarnings?: boolean | null;
}

@InputType()
export class IncidentFilterInput {
  @Field(() => IncidentStageEnum, { nullable: true }) stage?: string | null;
  @Field(() => Boolean, { nullable: true }) exercise?: boolean | null;
  @Field(() => ClockStateEnum, { nullable: true }) clockState?: string | null;
  @Field(() => Date, { nullable: true, description: 'Ontdekt op of na dit tijdstip.' }) discoveredFrom?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Ontdekt vóór dit tijdstip (tot, niet tot en met).' })
  discoveredTo?: Date | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Zoekt (hoofdletterongevoelig, een deel is genoeg) in het kenmerk, zoals DL-2026-0042 of 0042, en in wat er gebeurd is; 2 tot 100 tekens.',
  })
  text?: string | null;
}

@InputType()
export class AssessIncidentInput {
  @Field(() => AssessmentConclusionEnum) conclusion!: string;
  @Field() reasoning!: string;
  @Field(() => String, { nullable: true, description: 'Nodig bij een herziening van een eerdere beoordeling.' })
  reason?: string | null;
  @Field(() => Boolean, { nullable: true, description: CONFIRM }) confirmPrivacyWarnings?: boolean | null;
}

@InputType()
export class ApproximateCountInput {
  @Field(() => CountKindEnum) kind!: string;
  // Float, not Int: a typing error of twelve digits gets the domain's field message, not a GraphQL type error.
  @Field(() => Float, { nullable: true }) value?: number | null;
  @Field(() => Float, { nullable: true }) min?: number | null;
  @Field(() => Float, { nullable: true }) max?: number | null;
}

@InputType()
export class BreachCauseInput {
  @Field(() => CauseCategoryEnum) category!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType()
export class RecipientsInput {
  @Field(() => ApproximateCountInput) count!: ApproximateCountInput;
  @Field(() => YesNoUnknownEnum) known!: string;
  @Field(() => YesNoUnknownEnum) maliceLikely!: string;
  @Field(() => YesNoUnknownEnum) professionalSecrecy!: string;
  @Field(() => YesNoUnknownEnum) deletionConfirmed!: string;
}

@InputType()
export class UnintelligibilityInput {
  @Field(() => YesNoUnknownEnum) encrypted!: string;
  @Field(() => YesNoUnknownEnum) encryptionStateOfTheArt!: string;
  @Field(() => YesNoUnknownEnum) keyCompromised!: string;
}

/** Step 3: an answer left out keeps its value; `null` for startedAt / howDiscovered makes it unknown again. */
@InputType()
export class ChecklistInput {
  @Field(() => [BreachKindEnum], { nullable: true }) kinds?: string[] | null;
  @Field(() => BreachCauseInput, { nullable: true }) cause?: BreachCauseInput | null;
  @Field(() => Date, { nullable: true }) startedAt?: Date | null;
  @Field(() => YesNoUnknownEnum, { nullable: true }) stillOngoing?: string | null;
  @Field(() => String, { nullable: true }) howDiscovered?: string | null;
  @Field(() => [PersonalDataCategoryEnum], { nullable: true }) dataCategories?: string[] | null;
  @Field(() => ApproximateCountInput, { nullable: true }) records?: ApproximateCountInput | null;
  @Field(() => ApproximateCountInput, { nullable: true }) persons?: ApproximateCountInput | null;
  @Field(() => [DataSubjectGroupEnum], { nullable: true }) groups?: string[] | null;
  @Field(() => RecipientsInput, { nullable: true }) recipients?: RecipientsInput | null;
  @Field(() => UnintelligibilityInput, { nullable: true }) unintelligible?: UnintelligibilityInput | null;
  @Field(() => Boolean, { nullable: true, description: CONFIRM }) confirmPrivacyWarnings?: boolean | null;
}

@InputType()
export class AddContainmentMeasureInput {
  @Field() description!: string;
  @Field(() => String, { nullable: true }) owner?: string | null;
  @Field(() => Date, { nullable: true }) dueAt?: Date | null;
  @Field(() => Boolean, { nullable: true, description: CONFIRM }) confirmPrivacyWarnings?: boolean | null;
}

@InputType()
export class UpdateContainmentMeasureInput {
  @Field() measureId!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) owner?: string | null;
  @Field(() => MeasureStatusEnum, { nullable: true }) status?: string | null;
  @Field(() => Date, { nullable: true }) dueAt?: Date | null;
  @Field(() => Boolean, { nullable: true, description: CONFIRM }) confirmPrivacyWarnings?: boolean | null;
}

@InputType({ description: 'Stap 5. Het advies berekent de server zelf uit de checklist; afwijken vraagt een reden.' })
export class DecideApNotificationInput {
  @Field() notify!: boolean;
  @Field() reasoning!: string;
  @Field(() => String, { nullable: true }) departureReason?: string | null;
  @Field(() => String, { nullable: true, description: 'Nodig bij een herziening van een eerder besluit.' })
  reason?: string | null;
  @Field(() => Boolean, { nullable: true, description: CONFIRM }) confirmPrivacyWarnings?: boolean | null;
}

@InputType()
export class RecordApNotificationInput {
  @Field() submittedAt!: Date;
  @Field(() => String, { nullable: true }) apReference?: string | null;
  @Field(() => String, { nullable: true, description: 'Verplicht als de melding later is dan 72 uur.' })
  delayReasons?: string | null;
  @Field(() => String, { nullable: true }) reason?: string | null;
  @Field(() => Boolean, { nullable: true, description: CONFIRM }) confirmPrivacyWarnings?: boolean | null;
}

@InputType({ description: 'Stap 6. Het advies berekent de server zelf; afwijken vraagt een reden.' })
export class DecideDataSubjectsInput {
  @Field(() => DataSubjectOutcomeEnum) outcome!: string;
  @Field() reasoning!: string;
  @Field(() => Art34ExemptionEnum, { nullable: true }) exemption?: string | null;
  @Field(() => String, { nullable: true }) departureReason?: string | null;
  @Field(() => String, { nullable: true }) reason?: string | null;
  @Field(() => Boolean, { nullable: true, description: CONFIRM }) confirmPrivacyWarnings?: boolean | null;
}

@InputType()
export class CloseIncidentInput {
  @Field() consequences!: string;
  @Field(() => String, { nullable: true }) recurrencePrevention?: string | null;
  @Field(() => Boolean, { nullable: true, description: CONFIRM }) confirmPrivacyWarnings?: boolean | null;
}

/** Steps 5 and 6: a field left out keeps its answer. */
@InputType()
export class RiskAnswersInput {
  @Field(() => EaseOfIdentificationEnum, { nullable: true }) easeOfIdentification?: string | null;
  @Field(() => IntegrityLossEnum, { nullable: true }) integrityLoss?: string | null;
  @Field(() => AvailabilityLossEnum, { nullable: true }) availabilityLoss?: string | null;
  @Field(() => YesNoUnknownEnum, { nullable: true }) laterMeasuresRemovedHighRisk?: string | null;
  @Field(() => YesNoUnknownEnum, { nullable: true }) individualContactDisproportionate?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Verplicht zodra over stap 5 of 6 is besloten: het advies waarop dat besluit rustte verandert.',
  })
  reason?: string | null;
  @Field(() => Boolean, { nullable: true, description: CONFIRM }) confirmPrivacyWarnings?: boolean | null;
}

@InputType()
export class AddImprovementActionInput {
  @Field() description!: string;
  @Field(() => String, { nullable: true, description: 'Een rol of naam.' }) owner?: string | null;
  @Field(() => Date, { nullable: true, description: 'Na de ontdekking, hoogstens vijf jaar vooruit.' })
  dueAt?: Date | null;
  @Field(() => Boolean, { nullable: true, description: CONFIRM }) confirmPrivacyWarnings?: boolean | null;
}

@InputType({ description: 'Een veld dat ontbreekt blijft staan; null maakt eigenaar of termijn leeg.' })
export class UpdateImprovementActionInput {
  @Field() actionId!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) owner?: string | null;
  @Field(() => MeasureStatusEnum, { nullable: true, description: 'DONE legt vast wanneer (doneAt).' })
  status?: string | null;
  @Field(() => Date, { nullable: true }) dueAt?: Date | null;
  @Field(() => Boolean, { nullable: true, description: CONFIRM }) confirmPrivacyWarnings?: boolean | null;
}
