import type { Lang } from '../../shared/i18n/translation.service';

/**
 * Readable names for the fields the history names by their path in the incident (the domain's `diff` in
 * libs/domain/src/breach/changes.ts, expanded per answer by `changeRows`): `checklist.cause.category` →
 * "Oorzaak (categorie)". A path this table does not know (a newer API) is shown as it came, so nothing is hidden.
 */
type Names = Readonly<Record<string, readonly [nl: string, en: string]>>;

const FIELDS: Names = {
  stage: ['Fase', 'Stage'],
  // The report's own event names these two at the top level (libs/domain/src/breach/report.ts).
  stillOngoing: ['Loopt nog', 'Still ongoing'],
  exercise: ['Oefening', 'Exercise'],

  'report.whatHappened': ['Wat er is gebeurd', 'What happened'],
  'report.discoveredAt': ['Ontdekt op', 'Discovered at'],
  'report.howDiscovered': ['Hoe ontdekt', 'How discovered'],
  'report.otherOrganisationsInvolved': ['Andere organisaties betrokken', 'Other organisations involved'],

  'assessment.conclusion': ['Beoordeling (conclusie)', 'Assessment (conclusion)'],
  'assessment.reasoning': ['Beoordeling (onderbouwing)', 'Assessment (reasoning)'],
  'assessment.assessedAt': ['Beoordeeld op', 'Assessed at'],

  'checklist.kinds': ['Soort inbreuk', 'Kind of breach'],
  'checklist.cause.category': ['Oorzaak (categorie)', 'Cause (category)'],
  'checklist.cause.description': ['Oorzaak (toelichting)', 'Cause (description)'],
  'checklist.startedAt': ['Begonnen op', 'Started at'],
  'checklist.stillOngoing': ['Loopt nog', 'Still ongoing'],
  'checklist.howDiscovered': ['Hoe ontdekt (checklist)', 'How discovered (checklist)'],
  'checklist.dataCategories': ['Soorten persoonsgegevens', 'Categories of personal data'],
  'checklist.records': ['Aantal gegevensrecords', 'Number of records'],
  'checklist.persons': ['Aantal personen', 'Number of persons'],
  'checklist.groups': ['Groepen betrokkenen', 'Groups of data subjects'],
  'checklist.recipients.count': ['Ontvangers (aantal)', 'Recipients (number)'],
  'checklist.recipients.known': ['Ontvangers bekend', 'Recipients known'],
  'checklist.recipients.maliceLikely': ['Kwade opzet waarschijnlijk', 'Malice likely'],
  'checklist.recipients.professionalSecrecy': ['Ontvangers hebben beroepsgeheim', 'Recipients bound by secrecy'],
  'checklist.recipients.deletionConfirmed': ['Verwijdering bevestigd', 'Deletion confirmed'],
  'checklist.unintelligible.encrypted': ['Versleuteld', 'Encrypted'],
  'checklist.unintelligible.encryptionStateOfTheArt': [
    'Versleuteling volgens de stand van de techniek',
    'Encryption state of the art',
  ],
  'checklist.unintelligible.keyCompromised': ['Sleutel gecompromitteerd', 'Key compromised'],

  'riskAnswers.easeOfIdentification': ['Herleidbaarheid tot personen', 'Ease of identification'],
  'riskAnswers.integrityLoss': ['Gevolg van de wijziging (integriteit)', 'Consequence of the alteration (integrity)'],
  'riskAnswers.availabilityLoss': [
    'Gevolg van het verlies (beschikbaarheid)',
    'Consequence of the loss (availability)',
  ],
  'riskAnswers.laterMeasuresRemovedHighRisk': [
    'Latere maatregelen nemen het hoge risico weg',
    'Later measures remove the high risk',
  ],
  'riskAnswers.individualContactDisproportionate': [
    'Iedereen persoonlijk informeren is onevenredig',
    'Informing everyone individually is disproportionate',
  ],

  overviewCompletedAt: ['Overzicht afgerond op', 'Overview completed at'],
  'containment.measures': ['Maatregelen (beperken)', 'Containment measures'],
  'containment.completedAt': ['Beperken afgerond op', 'Containment completed at'],

  'apDecision.notify': ['Melden aan de AP', 'Notify the AP'],
  'apDecision.reasoning': ['Besluit AP (onderbouwing)', 'AP decision (reasoning)'],
  'apDecision.departureReason': ['Besluit AP (reden van afwijking)', 'AP decision (reason for departing)'],
  'apDecision.decidedAt': ['Besluit AP genomen op', 'AP decision taken at'],
  'apDecision.advice.modelVersion': ['Advies bij besluit AP (modelversie)', 'Advice at the AP decision (model)'],
  'apDecision.advice.notifyAp': ['Advies bij besluit AP (melden)', 'Advice at the AP decision (notify)'],
  'apDecision.advice.dataSubjects': [
    'Advies bij besluit AP (betrokkenen)',
    'Advice at the AP decision (data subjects)',
  ],

  'apNotification.submittedAt': ['Melding AP verstuurd op', 'AP notification submitted at'],
  'apNotification.apReference': ['Kenmerk van de AP', "The AP's reference"],
  'apNotification.delayReasons': ['Redenen voor de vertraging', 'Reasons for the delay'],
  'apNotification.recordedAt': ['Melding AP vastgelegd op', 'AP notification recorded at'],

  'dataSubjectDecision.outcome': ['Besluit betrokkenen', 'Data-subject decision'],
  'dataSubjectDecision.reasoning': ['Besluit betrokkenen (onderbouwing)', 'Data-subject decision (reasoning)'],
  'dataSubjectDecision.exemption': ['Uitzondering (AVG art. 34 lid 3)', 'Exemption (GDPR art. 34(3))'],
  'dataSubjectDecision.departureReason': [
    'Besluit betrokkenen (reden van afwijking)',
    'Data-subject decision (reason for departing)',
  ],
  'dataSubjectDecision.decidedAt': ['Besluit betrokkenen genomen op', 'Data-subject decision taken at'],
  'dataSubjectDecision.advice.modelVersion': [
    'Advies bij besluit betrokkenen (modelversie)',
    'Advice at the data-subject decision (model)',
  ],
  'dataSubjectDecision.advice.notifyAp': [
    'Advies bij besluit betrokkenen (melden AP)',
    'Advice at the data-subject decision (notify the AP)',
  ],
  'dataSubjectDecision.advice.dataSubjects': ['Advies bij besluit betrokkenen', 'Advice at the data-subject decision'],
  dataSubjectsInformedAt: ['Betrokkenen geïnformeerd op', 'Data subjects informed at'],

  dpoAdvice: ['Advies van de FG', "The DPO's advice"],

  'closure.outcome': ['Uitkomst', 'Outcome'],
  'closure.consequences': ['Gevolgen', 'Consequences'],
  'closure.recurrencePrevention': ['Hoe herhaling wordt voorkomen', 'How recurrence is prevented'],
  'closure.closedAt': ['Afgesloten op', 'Closed at'],

  improvementActions: ['Verbeteracties', 'Improvement actions'],
};

/** The field's name in the reader's language; an unknown path as it came. */
export function historyFieldLabel(path: string, lang: Lang): string {
  const names = Object.hasOwn(FIELDS, path) ? FIELDS[path] : undefined;
  return names ? names[lang === 'en' ? 1 : 0] : path;
}
