import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  AWARENESS_BASES,
  CHAIN_SCENARIOS,
  PARTNER_NOTIFICATION_STATUSES,
  TIMELINE_AUTHOR_KINDS,
} from '@babyconnect/domain';
import { ApClockType } from '../incidents/incident.type';

// GraphQL shapes of the chain part. Mapped by chain.presenter.ts from the domain; never the reporter's incident.

function enumOf<T extends string>(values: readonly T[], name: string, description: string): Record<string, T> {
  const enumObject = Object.fromEntries(values.map((v) => [v.toUpperCase().replace(/-/g, '_'), v])) as Record<
    string,
    T
  >;
  registerEnumType(enumObject, { name, description });
  return enumObject;
}

export const ChainScenarioEnum = enumOf(
  CHAIN_SCENARIOS,
  'ChainScenario',
  'Protocol: A = datalek bij HINQ of aan HINQ gemeld; B = intern, geen andere organisaties; C = gegevens van andere organisaties mogelijk betrokken.',
);
export const PartnerNotificationStatusEnum = enumOf(
  PARTNER_NOTIFICATION_STATUSES,
  'PartnerNotificationStatus',
  'Gekozen, goedgekeurd, verzonden, ontvangst bevestigd.',
);
export const AwarenessBasisEnum = enumOf(
  AWARENESS_BASES,
  'AwarenessBasis',
  'Waarop het moment van kennisname van de partner berust: de bevestiging van ontvangst, of (zolang die ontbreekt) het verzenden.',
);
export const TimelineAuthorKindEnum = enumOf(TIMELINE_AUTHOR_KINDS, 'TimelineAuthorKind', 'Melder, HINQ of partner.');
export const ChainParticipationEnum = enumOf(
  ['reporter', 'coordinator', 'partner'] as const,
  'ChainParticipation',
  'Hoe de handelende organisatie deelneemt: melder, HINQ-coördinator of geïnformeerde partner.',
);

@ObjectType('ChainOrganisation')
export class ChainOrganisationType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType('PartnerNotificationContent', {
  description: 'Wat de partner te horen krijgt: aard, gevolgen, maatregelen.',
})
export class PartnerNotificationContentType {
  @Field() nature!: string;
  @Field() impact!: string;
  @Field() measures!: string;
  @Field(() => Int, { nullable: true }) affectedRecords!: number | null;
}

@ObjectType('PartnerAwareness', {
  description:
    'Moment van kennisname van de partner (start van haar eigen 72-uurstermijn): de bevestiging van ontvangst, of het verzenden zolang niet bevestigd.',
})
export class PartnerAwarenessType {
  @Field() at!: Date;
  @Field(() => AwarenessBasisEnum) basis!: string;
  @Field({ description: 'Uitleg van de regel in het Nederlands.' }) ruleNl!: string;
  @Field({ description: 'The rule explained in English.' }) ruleEn!: string;
}

@ObjectType('PartnerNotification', { description: 'Eén partner die geïnformeerd wordt, met haar eigen 24-uursklok.' })
export class PartnerNotificationType {
  @Field(() => ID) id!: string;
  @Field(() => ID) chainIncidentId!: string;
  @Field({ description: 'Het kenmerk van de melder.' }) reference!: string;
  @Field(() => ChainScenarioEnum) scenario!: string;
  @Field(() => ChainOrganisationType) reportingOrganisation!: ChainOrganisationType;
  @Field(() => ChainOrganisationType) partnerOrganisation!: ChainOrganisationType;
  @Field() reasoning!: string;
  @Field(() => PartnerNotificationStatusEnum) status!: string;
  @Field({ description: 'Kon de FG of privacycontactpersoon van de partner per e-mail bereikt worden bij het kiezen.' })
  contactReachable!: boolean;
  @Field(() => PartnerNotificationContentType, {
    nullable: true,
    description: 'De tekst voor deze partner (gedeelde tekst met aanpassingen); na verzending de verzonden tekst.',
  })
  content!: PartnerNotificationContentType | null;
  @Field(() => [String], { description: 'Welke velden voor deze partner afwijken van de gedeelde tekst.' })
  adjustedFields!: string[];
  @Field({ description: 'Uiterlijk informeren: 24 uur na ontdekking door de melder.' }) informBy!: Date;
  @Field(() => ApClockType, { description: 'De 24-uursklok van deze partner.' }) informClock!: ApClockType;
  @Field(() => Date, { nullable: true }) approvedAt!: Date | null;
  @Field(() => Date, { nullable: true }) sentAt!: Date | null;
  @Field(() => String, { nullable: true }) delayReasons!: string | null;
  @Field(() => Date, { nullable: true }) acknowledgedAt!: Date | null;
  @Field(() => String, { nullable: true }) acknowledgedByName!: string | null;
  @Field(() => PartnerAwarenessType, { nullable: true }) awareness!: PartnerAwarenessType | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Het gekoppelde datalek in de eigen organisatie: alleen voor de partner zelf.',
  })
  linkedIncidentId!: string | null;
  @Field({ description: 'De partner beslist zelf over een melding aan de AP voor haar eigen gegevens.' })
  ownApDecisionRequired!: boolean;
}

@ObjectType('ChainTimelineEntry')
export class ChainTimelineEntryType {
  @Field(() => ID) id!: string;
  @Field(() => TimelineAuthorKindEnum) authorKind!: string;
  @Field(() => ChainOrganisationType) authorOrganisation!: ChainOrganisationType;
  @Field(() => String, { nullable: true }) authorName!: string | null;
  @Field() at!: Date;
  @Field() text!: string;
}

@ObjectType('ChainIncident', {
  description:
    'Het ketendeel van een datalek: nooit de interne aantekeningen of de rest van het datalek van de melder.',
})
export class ChainIncidentType {
  @Field(() => ID) id!: string;
  @Field(() => ChainScenarioEnum) scenario!: string;
  @Field() reference!: string;
  @Field() exercise!: boolean;
  @Field(() => ChainOrganisationType) reportingOrganisation!: ChainOrganisationType;
  @Field() discoveredAt!: Date;
  @Field({ description: 'Elke partner uiterlijk geïnformeerd: 24 uur na ontdekking.' }) partnerDeadline!: Date;
  @Field() declaredAt!: Date;
  @Field(() => [ChainParticipationEnum]) participation!: string[];
  @Field(() => ID, { nullable: true, description: 'Het eigen datalek: alleen voor de melder.' })
  sourceIncidentId!: string | null;
  @Field(() => PartnerNotificationContentType, {
    nullable: true,
    description: 'De eenmaal geschreven partnermelding: voor melder en HINQ.',
  })
  content!: PartnerNotificationContentType | null;
  @Field(() => [PartnerNotificationType], {
    description: 'Melder en HINQ: alle gekozen partners; een partner: alleen de eigen melding.',
  })
  partners!: PartnerNotificationType[];
  @Field(() => [ChainTimelineEntryType]) timeline!: ChainTimelineEntryType[];
}

@ObjectType('DeclareChainScenarioResult')
export class DeclareChainScenarioResultType {
  @Field(() => ChainScenarioEnum) scenario!: string;
  @Field(() => ChainIncidentType, { nullable: true, description: 'Null bij situatie B: het blijft intern.' })
  chainIncident!: ChainIncidentType | null;
}

@ObjectType('IncidentChainSituation', {
  description:
    'De situatie die de melder voor het eigen datalek aangaf: B blijft bij het datalek bewaard, A en C hebben hun ketenincident.',
})
export class IncidentChainSituationType {
  @Field(() => ID) incidentId!: string;
  @Field(() => ChainScenarioEnum, { nullable: true, description: 'Null: nog niet aangegeven.' })
  scenario!: string | null;
  @Field(() => ChainIncidentType, { nullable: true }) chainIncident!: ChainIncidentType | null;
}

@ObjectType('ChainOverviewRow', { description: 'Eén partner in het overzicht van HINQ, met levende klokken.' })
export class ChainOverviewRowType {
  @Field(() => ID) partnerNotificationId!: string;
  @Field(() => ChainOrganisationType) partnerOrganisation!: ChainOrganisationType;
  @Field(() => PartnerNotificationStatusEnum) status!: string;
  @Field() informBy!: Date;
  @Field(() => ApClockType) informClock!: ApClockType;
  @Field(() => Date, { nullable: true }) informedAt!: Date | null;
  @Field(() => Date, { nullable: true }) acknowledgedAt!: Date | null;
  @Field(() => PartnerAwarenessType, { nullable: true }) awareness!: PartnerAwarenessType | null;
  @Field({ description: 'Heeft de partner in haar eigen datalek besloten over melden aan de AP.' })
  ownApDecisionTaken!: boolean;
  @Field(() => Date, { nullable: true }) ownApNotifiedAt!: Date | null;
  @Field(() => ApClockType, { nullable: true, description: 'De eigen 72-uursklok van de partner.' })
  ownApClock!: ApClockType | null;
  @Field({ description: 'Heeft de partner besloten over het informeren van betrokkenen.' })
  dataSubjectsDecided!: boolean;
  @Field(() => Date, { nullable: true }) dataSubjectsInformedAt!: Date | null;
}

@ObjectType('ChainOverview')
export class ChainOverviewType {
  @Field(() => ChainIncidentType) chainIncident!: ChainIncidentType;
  @Field(() => [ChainOverviewRowType]) rows!: ChainOverviewRowType[];
}

@ObjectType('ChainQuarterFigures', {
  description:
    'Per partner per kwartaal. Weinig meldingen wijst meestal op slechte detectie, niet op goede beveiliging.',
})
export class ChainQuarterFiguresType {
  @Field(() => ChainOrganisationType) organisation!: ChainOrganisationType;
  @Field({ description: 'Bijvoorbeeld 2026-Q4 (kalender Europe/Amsterdam).' }) quarter!: string;
  @Field(() => Int) reported!: number;
  @Field(() => Int) breaches!: number;
  @Field(() => Int) nearMisses!: number;
  @Field(() => Int) chainIncidents!: number;
  @Field(() => Int, {
    description: 'Van de meldingen: automatisch gesignaleerd door de detectie op het kijklog.',
  })
  detectionAlerts!: number;
  @Field(() => Int, {
    description:
      'Signalen van de kijklogdetectie die een privacyfunctionaris in het kwartaal met een reden afdeed: ook dat telt als signaal.',
  })
  dismissedAlerts!: number;
  @Field({
    description:
      'Geen enkele melding (ook geen bijna-incident) en geen afgedaan signaal in het kwartaal: een signaal van mogelijk gebrekkige detectie.',
  })
  lowReportingSignal!: boolean;
}

@InputType()
export class PartnerChoiceInput {
  @Field(() => ID) organisationId!: string;
  @Field({ description: 'Waarom deze partner geïnformeerd moet worden.' }) reasoning!: string;
}

@InputType()
export class PartnerNotificationContentInput {
  @Field() nature!: string;
  @Field() impact!: string;
  @Field() measures!: string;
  @Field(() => Int, { nullable: true }) affectedRecords?: number | null;
  @Field(() => Boolean, { nullable: true }) confirmPrivacyWarnings?: boolean | null;
}

@InputType({
  description: 'Alleen de velden die voor deze partner anders zijn; weggelaten = gelijk aan de gedeelde tekst.',
})
export class PartnerNotificationAdjustmentInput {
  @Field(() => String, { nullable: true }) nature?: string | null;
  @Field(() => String, { nullable: true }) impact?: string | null;
  @Field(() => String, { nullable: true }) measures?: string | null;
  @Field(() => Int, { nullable: true }) affectedRecords?: number | null;
  @Field(() => Boolean, { nullable: true }) confirmPrivacyWarnings?: boolean | null;
}
