import type { LocalisedText } from '../text/localised-text';
import type { RiskTrace } from './risk-assessment';
import { MANY_PERSONS } from './risk-factors';

/**
 * "When in doubt, notify" (protocol step 5): the answers the advice still misses, each with what it assumed
 * meanwhile. Only answers the advice actually reads are listed (the recipient's professional secrecy only matters
 * when data reached someone; the art. 34(3) questions only when the risk is high).
 */

export const MISSING_QUESTIONS = [
  'kinds',
  'data-categories',
  'records',
  'persons',
  'groups',
  'recipients-count',
  'recipients-known',
  'malice-likely',
  'professional-secrecy',
  'deletion-confirmed',
  'unintelligible',
  'ease-of-identification',
  'integrity-loss',
  'availability-loss',
  'later-measures',
  'disproportionate-effort',
] as const;
export type MissingQuestion = (typeof MISSING_QUESTIONS)[number];

export interface MissingAnswer {
  question: MissingQuestion;
  /** The question and what the advice assumed meanwhile. */
  text: LocalisedText;
}

export function missingAnswerTexts(t: RiskTrace): MissingAnswer[] {
  const { inputs } = t;
  const r = inputs.recipients;
  const out: MissingAnswer[] = [];
  const add = (question: MissingQuestion, nl: string, en: string): void => {
    out.push({ question, text: { nl, en } });
  };
  if (t.kindsAssumed) add('kinds', 'Soort inbreuk (aangenomen: alle drie).', 'Kind of breach (assumed: all three).');
  if (t.categoriesAssumed)
    add(
      'data-categories',
      'Soort persoonsgegevens (aangenomen: gezondheidsgegevens met naam, adres en BSN).',
      'Kind of personal data (assumed: health data with name, address and BSN).',
    );
  if (inputs.records.kind === 'unknown') add('records', 'Aantal records.', 'Number of records.');
  if (inputs.persons.kind === 'unknown')
    add(
      'persons',
      `Aantal personen (aangenomen: ${MANY_PERSONS} of meer).`,
      `Number of persons (assumed: ${MANY_PERSONS} or more).`,
    );
  if (t.groupsAssumed)
    add(
      'groups',
      'Groepen betrokkenen (aangenomen: cliënten en pasgeborenen).',
      'Groups of people (assumed: clients and newborns).',
    );
  const confidentiality = t.kinds.includes('confidentiality');
  if (confidentiality) {
    if (r.count.kind === 'unknown')
      add(
        'recipients-count',
        'Aantal onbevoegde ontvangers (aangenomen: onbekend aantal).',
        'Number of unauthorised recipients (assumed: unknown number).',
      );
    if (r.known === 'unknown')
      add(
        'recipients-known',
        'Is bekend wie de ontvangers zijn? (aangenomen: nee).',
        'Is it known who the recipients are? (assumed: no).',
      );
  }
  if (r.maliceLikely === 'unknown' && !t.maliceFromCause)
    add(
      'malice-likely',
      'Zijn kwade bedoelingen waarschijnlijk? (aangenomen: ja).',
      'Is malicious intent likely? (assumed: yes).',
    );
  if (confidentiality && r.known !== 'no' && !t.malicious) {
    if (r.professionalSecrecy === 'unknown')
      add(
        'professional-secrecy',
        'Heeft de ontvanger een beroepsgeheim? (aangenomen: nee).',
        'Is the recipient bound by professional secrecy? (assumed: no).',
      );
    if (r.deletionConfirmed === 'unknown')
      add(
        'deletion-confirmed',
        'Heeft de ontvanger de verwijdering bevestigd? (aangenomen: nee).',
        'Did the recipient confirm deletion? (assumed: no).',
      );
  }
  if (confidentiality && t.unintelligible === 'unknown')
    add(
      'unintelligible',
      'Waren de gegevens versleuteld, volgens de stand van de techniek, met een niet-gelekte sleutel? (aangenomen: nee).',
      'Was the data encrypted, state of the art, with a key that was not compromised? (assumed: no).',
    );
  if (t.easeAssumed)
    add(
      'ease-of-identification',
      'Hoe makkelijk zijn de personen te herkennen? (aangenomen: direct).',
      'How easily can the persons be identified? (assumed: directly).',
    );
  if (t.kinds.includes('integrity') && inputs.answers.integrityLoss === 'unknown')
    add(
      'integrity-loss',
      'Zijn de gewijzigde gegevens te herstellen? (aangenomen: nee).',
      'Can the altered data be recovered? (assumed: no).',
    );
  if (t.kinds.includes('availability') && inputs.answers.availabilityLoss === 'unknown')
    add(
      'availability-loss',
      'Zijn de gegevens te herstellen? (aangenomen: blijvend verloren).',
      'Can the data be recovered? (assumed: permanently lost).',
    );
  if (t.level === 'high-risk' && t.exemption === null) {
    if (inputs.answers.laterMeasuresRemovedHighRisk === 'unknown')
      add(
        'later-measures',
        'Nemen latere maatregelen het hoge risico weg? (aangenomen: nee).',
        'Do later measures remove the high risk? (assumed: no).',
      );
    if (inputs.answers.individualContactDisproportionate === 'unknown')
      add(
        'disproportionate-effort',
        'Kost persoonlijk informeren een onevenredige inspanning? (aangenomen: nee).',
        'Would informing each person take disproportionate effort? (assumed: no).',
      );
  }
  return out;
}
