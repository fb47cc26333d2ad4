import { registerEnumType } from '@nestjs/graphql';
import {
  ART34_EXEMPTIONS,
  ASSESSMENT_CONCLUSIONS,
  AVAILABILITY_LOSS_ANSWERS,
  EASE_OF_IDENTIFICATION_ANSWERS,
  INTEGRITY_LOSS_ANSWERS,
  BREACH_KINDS,
  CAUSE_CATEGORIES,
  CLOSED_OUTCOMES,
  DATA_SUBJECT_GROUPS,
  DATA_SUBJECT_OUTCOMES,
  INCIDENT_STAGES,
  MEASURE_STATUSES,
  NOTIFICATION_CLOCK_STATES,
  PERSONAL_DATA_CATEGORIES,
  PROTOCOL_STEPS,
  RECOMMENDATIONS,
  RISK_FACTORS,
  RISK_LEVELS,
  YES_NO_UNKNOWN,
} from '@babyconnect/domain';
import { INCIDENT_SORTS } from './incidents.repository';

/**
 * The domain's closed lists as GraphQL enums. GraphQL names cannot hold a hyphen, so each value is named in
 * upper snake case (`due-soon` → `DUE_SOON`) while resolvers and services keep the domain's own value: the
 * mapping is Nest's (enum key = GraphQL name, enum value = internal value), never hand-written per field.
 */
function enumOf<T extends string>(values: readonly T[], name: string, description: string): Record<string, T> {
  const enumObject = Object.fromEntries(values.map((v) => [v.toUpperCase().replace(/-/g, '_'), v])) as Record<
    string,
    T
  >;
  registerEnumType(enumObject, { name, description });
  return enumObject;
}

export const IncidentStageEnum = enumOf(
  INCIDENT_STAGES,
  'IncidentStage',
  'Waar het datalek staat: gemeld (stap 2 open), overzicht (stap 3), respons (stappen 4–6), afgesloten.',
);
export const YesNoUnknownEnum = enumOf(YES_NO_UNKNOWN, 'YesNoUnknown', 'Ja, nee of (nog) onbekend.');
export const ClockStateEnum = enumOf(
  NOTIFICATION_CLOCK_STATES,
  'NotificationClockState',
  'De 72-uursklok voor de AP: open, bijna verlopen, verlopen, op tijd gemeld, te laat gemeld, niet nodig.',
);
export const AssessmentConclusionEnum = enumOf(
  ASSESSMENT_CONCLUSIONS,
  'AssessmentConclusion',
  'Stap 2: datalek, geen datalek, of bijna-incident.',
);
export const MeasureStatusEnum = enumOf(MEASURE_STATUSES, 'MeasureStatus', 'Status van een maatregel (stap 4).');
export const DataSubjectOutcomeEnum = enumOf(
  DATA_SUBJECT_OUTCOMES,
  'DataSubjectOutcome',
  'Stap 6: betrokkenen informeren, niet informeren, of een openbare mededeling.',
);
export const Art34ExemptionEnum = enumOf(
  ART34_EXEMPTIONS,
  'Art34Exemption',
  'AVG art. 34 lid 3: onbegrijpelijke gegevens, latere maatregelen, onevenredige inspanning.',
);
export const BreachKindEnum = enumOf(BREACH_KINDS, 'BreachKind', 'Vertrouwelijkheid, integriteit, beschikbaarheid.');
export const CauseCategoryEnum = enumOf(CAUSE_CATEGORIES, 'CauseCategory', 'Oorzaak van het datalek.');
export const PersonalDataCategoryEnum = enumOf(
  PERSONAL_DATA_CATEGORIES,
  'PersonalDataCategory',
  'Soort persoonsgegevens.',
);
export const DataSubjectGroupEnum = enumOf(DATA_SUBJECT_GROUPS, 'DataSubjectGroup', 'Groep betrokkenen.');
export const ClosedOutcomeEnum = enumOf(
  CLOSED_OUTCOMES,
  'ClosedOutcome',
  'Hoe het datalek eindigde: geregistreerd, geen datalek, bijna-incident.',
);
export const RiskLevelEnum = enumOf(RISK_LEVELS, 'RiskLevel', 'Geen risico, risico, hoog risico (EDPB 9/2022).');
export const RecommendationEnum = enumOf(RECOMMENDATIONS, 'Recommendation', 'Het advies voor stap 5 en 6.');
export const RiskFactorEnum = enumOf(RISK_FACTORS, 'RiskFactor', 'De factor van het protocol achter een reden.');
export const ProtocolStepEnum = enumOf(PROTOCOL_STEPS, 'ProtocolStep', 'De zeven stappen van het protocol.');
export const StepStatusEnum = enumOf(
  ['waiting', 'open', 'done', 'not-applicable'] as const,
  'StepStatus',
  'Wacht op een eerdere stap, open, klaar, of niet van toepassing.',
);
export const CountKindEnum = enumOf(
  ['exact', 'range', 'unknown'] as const,
  'CountKind',
  'Een aantal: precies, een bereik (ongeveer), of onbekend.',
);
export const EaseOfIdentificationEnum = enumOf(
  EASE_OF_IDENTIFICATION_ANSWERS,
  'EaseOfIdentification',
  'Stap 5 (ENISA): hoe gemakkelijk de personen te herkennen zijn: verwaarloosbaar, beperkt, aanzienlijk, maximaal, onbekend.',
);
export const IntegrityLossEnum = enumOf(
  INTEGRITY_LOSS_ANSWERS,
  'IntegrityLoss',
  'Stap 5 (ENISA): gewijzigd maar niet gebruikt, herstelbaar, onherstelbaar, onbekend.',
);
export const AvailabilityLossEnum = enumOf(
  AVAILABILITY_LOSS_ANSWERS,
  'AvailabilityLoss',
  'Stap 5 (ENISA): zonder moeite herstelbaar, tijdelijk, blijvend, onbekend.',
);
export const IncidentSortEnum = enumOf(
  INCIDENT_SORTS,
  'IncidentSort',
  'Volgorde van de lijst: nieuwste melding eerst (standaard), eerstvolgende AP-termijn eerst, laatst ontdekt eerst.',
);
