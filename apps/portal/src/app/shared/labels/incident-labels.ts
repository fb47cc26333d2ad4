import type { Lang } from '../i18n/translation.service';

/**
 * Dutch and English names of the breach workflow's values as the API sends them (the enums of
 * apps/api/schema.graphql). Every page that shows an incident names its values from here, so a stage or a data
 * category is called the same everywhere. `incident-labels.spec.ts` checks that every schema value has a name.
 */
type Names = Readonly<Record<string, readonly [nl: string, en: string]>>;

export const INCIDENT_ENUMS = {
  IncidentStage: {
    REPORTED: ['gemeld', 'reported'],
    OVERVIEW: ['overzicht maken', 'overview'],
    RESPONSE: ['in behandeling', 'in progress'],
    CLOSED: ['afgesloten', 'closed'],
  },
  NotificationClockState: {
    OPEN: ['loopt', 'running'],
    DUE_SOON: ['bijna verlopen', 'due soon'],
    OVERDUE: ['termijn verstreken', 'overdue'],
    MET: ['op tijd gemeld', 'notified in time'],
    MET_LATE: ['te laat gemeld', 'notified late'],
    NOT_NEEDED: ['melding niet nodig', 'no notification needed'],
  },
  YesNoUnknown: { YES: ['ja', 'yes'], NO: ['nee', 'no'], UNKNOWN: ['onbekend', 'unknown'] },
  BreachKind: {
    CONFIDENTIALITY: ['vertrouwelijkheid (ingezien of verstrekt)', 'confidentiality (seen or disclosed)'],
    INTEGRITY: ['integriteit (gewijzigd)', 'integrity (altered)'],
    AVAILABILITY: ['beschikbaarheid (kwijt of onbereikbaar)', 'availability (lost or unreachable)'],
  },
  CauseCategory: {
    MISDIRECTED_EMAIL: ['e-mail aan verkeerde ontvanger', 'e-mail to the wrong recipient'],
    MISDIRECTED_POST: ['post aan verkeerde ontvanger', 'post to the wrong recipient'],
    LOST_DEVICE: ['apparaat of gegevensdrager verloren', 'device or storage lost'],
    STOLEN_DEVICE: ['apparaat of gegevensdrager gestolen', 'device or storage stolen'],
    LOST_PAPER: ['papieren dossier verloren', 'paper records lost'],
    UNAUTHORISED_ACCESS_INTERNAL: ['onbevoegde inzage door eigen medewerker', 'unauthorised access by staff'],
    HACKING_MALWARE_PHISHING: ['hack, malware of phishing', 'hacking, malware or phishing'],
    PUBLISHED_BY_MISTAKE: ['per ongeluk gepubliceerd', 'published by mistake'],
    IMPROPER_DISPOSAL: ['onjuist vernietigd of weggegooid', 'improperly disposed of'],
    SYSTEM_ERROR: ['fout in een systeem', 'system error'],
    OTHER: ['anders', 'other'],
    UNKNOWN: ['onbekend', 'unknown'],
  },
  PersonalDataCategory: {
    NAME_ADDRESS: ['naam en adres', 'name and address'],
    CONTACT: ['contactgegevens', 'contact details'],
    DATE_OF_BIRTH: ['geboortedatum', 'date of birth'],
    IDENTIFICATION_NUMBER: ['identificatienummers (zoals BSN)', 'identification numbers (such as BSN)'],
    HEALTH: ['gezondheids- of medische gegevens', 'health or medical data'],
    CHILDREN: ['gegevens over kinderen', 'data about children'],
    FINANCIAL: ['financiële gegevens', 'financial data'],
    OTHER_SPECIAL_CATEGORY: ['andere bijzondere persoonsgegevens', 'other special categories'],
    CRIMINAL: ['strafrechtelijke gegevens', 'criminal-offence data'],
    CREDENTIALS: ['inloggegevens of wachtwoorden', 'login details or passwords'],
    OTHER: ['andere gegevens', 'other data'],
  },
  DataSubjectGroup: {
    CLIENTS: ['cliënten', 'clients'],
    NEWBORNS: ['pasgeborenen', 'newborns'],
    PARTNERS_RELATIVES: ['partners en familie', 'partners and relatives'],
    EMPLOYEES: ['medewerkers', 'employees'],
    OTHER: ['anderen', 'others'],
  },
  CountKind: {
    EXACT: ['precies', 'exactly'],
    RANGE: ['ongeveer (van–tot)', 'about (from–to)'],
    UNKNOWN: ['onbekend', 'unknown'],
  },
  MeasureStatus: {
    PLANNED: ['gepland', 'planned'],
    IN_PROGRESS: ['bezig', 'in progress'],
    DONE: ['gedaan', 'done'],
    DROPPED: ['vervallen', 'dropped'],
  },
  AssessmentConclusion: {
    BREACH: ['datalek', 'personal data breach'],
    NEAR_MISS: ['bijna-incident', 'near miss'],
    NOT_A_BREACH: ['geen datalek', 'not a breach'],
  },
  ClosedOutcome: {
    REGISTERED: ['geregistreerd als datalek', 'registered as a breach'],
    NEAR_MISS: ['afgesloten als bijna-incident', 'closed as a near miss'],
    NOT_A_BREACH: ['afgesloten: geen datalek', 'closed: not a breach'],
  },
  DataSubjectOutcome: {
    INFORM: ['betrokkenen informeren', 'inform the data subjects'],
    NOT_INFORM: ['betrokkenen niet informeren', 'do not inform the data subjects'],
    PUBLIC_COMMUNICATION: ['openbare mededeling', 'public communication'],
  },
  Art34Exemption: {
    UNINTELLIGIBLE: ['gegevens onbegrijpelijk (versleuteld)', 'data unintelligible (encrypted)'],
    LATER_MEASURES: ['latere maatregelen nemen het hoge risico weg', 'later measures remove the high risk'],
    DISPROPORTIONATE_EFFORT: ['onevenredige inspanning', 'disproportionate effort'],
  },
  Recommendation: {
    REGISTER_ONLY: ['alleen registreren', 'register only'],
    NOTIFY_AP: ['melden bij de AP', 'notify the AP'],
    NOTIFY_AP_AND_DATA_SUBJECTS: [
      'melden bij de AP en betrokkenen informeren',
      'notify the AP and inform the data subjects',
    ],
    NOTIFY_AP_AND_PUBLIC_COMMUNICATION: [
      'melden bij de AP en openbare mededeling',
      'notify the AP and communicate publicly',
    ],
  },
  RiskLevel: { NO_RISK: ['geen risico', 'no risk'], RISK: ['risico', 'risk'], HIGH_RISK: ['hoog risico', 'high risk'] },
  StepStatus: {
    OPEN: ['open', 'open'],
    WAITING: ['wacht op eerdere stap', 'waiting for an earlier step'],
    DONE: ['gedaan', 'done'],
    NOT_APPLICABLE: ['niet van toepassing', 'not applicable'],
  },
  ProtocolStep: {
    IDENTIFICATION: ['1. Melden', '1. Report'],
    ASSESSMENT: ['2. Beoordelen', '2. Assess'],
    OVERVIEW: ['3. Overzicht', '3. Overview'],
    CONTAINMENT: ['4. Beperken', '4. Contain'],
    AP_NOTIFICATION: ['5. Melding AP', '5. AP notification'],
    DATA_SUBJECT_NOTIFICATION: ['6. Betrokkenen', '6. Data subjects'],
    REGISTER: ['7. Registreren en afsluiten', '7. Register and close'],
  },
  RiskFactor: {
    NATURE_OF_BREACH: ['aard van het lek', 'nature of the breach'],
    DATA_KIND_AND_AMOUNT: ['soort, gevoeligheid en hoeveelheid gegevens', 'kind, sensitivity and amount of data'],
    EASE_OF_IDENTIFICATION: ['herleidbaarheid tot personen', 'ease of identification'],
    SEVERITY_OF_CONSEQUENCES: ['ernst van de gevolgen', 'severity of consequences'],
    RECIPIENT: ['de ontvanger', 'the recipient'],
    VULNERABLE_PERSONS: ['kwetsbare personen', 'vulnerable persons'],
    HEALTHCARE_ORGANISATION: ['zorgorganisatie', 'healthcare organisation'],
    NUMBER_OF_PERSONS: ['aantal personen', 'number of persons'],
    UNINTELLIGIBLE: ['gegevens onbegrijpelijk', 'data unintelligible'],
    LATER_MEASURES: ['latere maatregelen', 'later measures'],
    DISPROPORTIONATE_EFFORT: ['onevenredige inspanning', 'disproportionate effort'],
    WHEN_IN_DOUBT: ['bij twijfel melden', 'when in doubt, notify'],
  },
  IncidentSort: {
    REPORTED_NEWEST: ['nieuwste melding eerst', 'newest report first'],
    DEADLINE_SOONEST: ['eerstvolgende AP-termijn eerst', 'soonest AP deadline first'],
    DISCOVERED_NEWEST: ['laatst ontdekt eerst', 'most recently discovered first'],
  },
  EaseOfIdentification: {
    NEGLIGIBLE: ['verwaarloosbaar: vrijwel niet te herleiden', 'negligible: hardly identifiable'],
    LIMITED: ['beperkt: alleen met moeite te herleiden', 'limited: identifiable only with effort'],
    SIGNIFICANT: ['aanzienlijk: met wat extra gegevens te herleiden', 'significant: identifiable with some extra data'],
    MAXIMUM: ['maximaal: direct te herkennen', 'maximum: directly identifiable'],
    UNKNOWN: ['onbekend', 'unknown'],
  },
  IntegrityLoss: {
    ALTERED_NOT_USED: ['gewijzigd, maar niet gebruikt', 'altered, but not used'],
    RECOVERABLE: ['gewijzigd, juiste gegevens herstelbaar', 'altered, correct data recoverable'],
    IRRECOVERABLE: ['gewijzigd, niet herstelbaar', 'altered, not recoverable'],
    UNKNOWN: ['onbekend', 'unknown'],
  },
  AvailabilityLoss: {
    RECOVERABLE_WITHOUT_DIFFICULTY: [
      'zonder moeite herstelbaar (kopie of back-up)',
      'recoverable without difficulty (copy or backup)',
    ],
    TEMPORARY: ['tijdelijk niet beschikbaar', 'temporarily unavailable'],
    PERMANENT: ['blijvend verloren', 'permanently lost'],
    UNKNOWN: ['onbekend', 'unknown'],
  },
  NotificationEvent: {
    BREACH_REPORTED: ['datalek gemeld', 'breach reported'],
    OTHER_ORGANISATIONS_INVOLVED: ['mogelijk andere organisaties betrokken', 'other organisations possibly involved'],
    DECISION_RECORDED: ['besluit vastgelegd', 'decision recorded'],
    DEADLINE_REMINDER: ['herinnering AP-termijn', 'AP deadline reminder'],
    DEADLINE_OVERDUE: ['AP-termijn verstreken', 'AP deadline overdue'],
    CHAIN_INCIDENT_DECLARED: ['ketenincident gemeld bij HINQ', 'chain incident declared to HINQ'],
    PARTNER_INFORMED: ['ketenpartner geïnformeerd', 'chain partner informed'],
    PARTNER_INFORM_REMINDER: [
      'herinnering: ketenpartner informeren (24 uur)',
      'reminder: inform the chain partner (24 hours)',
    ],
    PARTNER_INFORM_OVERDUE: ['24-uurstermijn ketenpartner verstreken', "chain partner's 24-hour deadline overdue"],
    PARTNER_ACK_REMINDER: ['herinnering: ontvangst bevestigen', 'reminder: acknowledge receipt'],
    PARTNER_ACK_ESCALATION: ['ontvangst niet bevestigd: escalatie', 'receipt not acknowledged: escalation'],
    PARTNER_UNREACHABLE: ['ketenpartner niet bereikbaar', 'chain partner unreachable'],
    DAILY_DIGEST: ['dagoverzicht van open datalekken', 'daily overview of open breaches'],
  },
  DeliveryStatus: {
    QUEUED: ['in de wachtrij', 'queued'],
    SENDING: ['wordt verzonden', 'sending'],
    SENT: ['verzonden', 'sent'],
    RETRYING: ['mislukt, wordt opnieuw geprobeerd', 'failed, will be retried'],
    DEAD: ['onbestelbaar', 'undeliverable'],
  },
  RecipientRole: {
    DPO: ['FG', 'DPO'],
    PRIVACY_OFFICER: ['privacyfunctionaris', 'privacy officer'],
    ORGANISATION_CONTACT: ['contactpersoon van de organisatie', "the organisation's contact"],
    HINQ_COORDINATOR: ['HINQ-coördinator', 'HINQ coordinator'],
    HINQ_DPO: ['FG van HINQ', "HINQ's DPO"],
    HINQ_CONTACT: ['contactpersoon van HINQ', "HINQ's contact"],
  },
  // Chain incidents (issue 17).
  ChainScenario: {
    A: ['A: bij HINQ of aan HINQ gemeld', 'A: at HINQ or reported to HINQ'],
    B: ['B: alleen intern', 'B: internal only'],
    C: ['C: mogelijk gegevens van andere organisaties', "C: possibly other organisations' data"],
  },
  PartnerNotificationStatus: {
    CHOSEN: ['gekozen', 'chosen'],
    APPROVED: ['goedgekeurd', 'approved'],
    SENT: ['verzonden', 'sent'],
    ACKNOWLEDGED: ['ontvangst bevestigd', 'receipt acknowledged'],
  },
  AwarenessBasis: {
    ACKNOWLEDGED: ['bevestiging van ontvangst', 'acknowledgement of receipt'],
    SENT: ['verzending (nog niet bevestigd)', 'sending (not yet acknowledged)'],
  },
  TimelineAuthorKind: {
    REPORTER: ['melder', 'reporter'],
    COORDINATOR: ['HINQ', 'HINQ'],
    PARTNER: ['partner', 'partner'],
  },
  ChainParticipation: {
    REPORTER: ['melder', 'reporter'],
    COORDINATOR: ['HINQ-coördinator', 'HINQ coordinator'],
    PARTNER: ['geïnformeerde partner', 'informed partner'],
  },
  ViewerLogDetectionRule: {
    MANY_ORGANISATIONS: [
      'dossiers van ongewoon veel organisaties of cliënten',
      'records of unusually many organisations or clients',
    ],
    UNUSUAL_HOURS: ['veel inzages op een ongebruikelijk uur', 'many accesses at an unusual hour'],
    TWO_ORGANISATIONS: ['één account vanuit twee organisaties tegelijk', 'one account from two organisations at once'],
  },
  // The viewer's access log (issue 18).
  ViewerLogLineRejection: {
    WRONG_COLUMN_COUNT: ['verkeerd aantal kolommen', 'wrong number of columns'],
    MISSING_FIELD: ['veld ontbreekt', 'missing field'],
    BAD_DATE: ['ongeldig tijdstip', 'invalid timestamp'],
    UNKNOWN_ORGANISATION: ['onbekende organisatie', 'unknown organisation'],
    FIELD_TOO_LONG: ['veld te lang', 'field too long'],
    BAD_QUOTING: ['ongeldige CSV (aanhalingstekens)', 'invalid CSV (quoting)'],
  },
  ViewerLogProposalStatus: {
    PROPOSED: ['voorgesteld als partner', 'proposed as partner'],
    REPORTER: ['melder (informeert zelf)', 'reporter (informs itself)'],
    COORDINATOR: ['HINQ (coördineert)', 'HINQ (coordinates)'],
    ALREADY_CHOSEN: ['al gekozen als partner', 'already chosen as partner'],
  },
} as const satisfies Readonly<Record<string, Names>>;

export type IncidentEnum = keyof typeof INCIDENT_ENUMS;

/** The name of one value in the chosen language; an unknown value (a newer API) is shown as it came. */
export function incidentLabel<E extends IncidentEnum>(
  kind: E,
  value: keyof (typeof INCIDENT_ENUMS)[E] | string,
  lang: Lang,
): string {
  const names = (INCIDENT_ENUMS[kind] as Names)[value as string];
  return names ? names[lang === 'en' ? 1 : 0] : String(value);
}
