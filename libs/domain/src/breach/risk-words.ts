import type { LocalisedText } from '../text/localised-text';
import type { ApproximateCount, BreachKind, DataSubjectGroup, PersonalDataCategory } from './checklist';
import type { SeverityLevel } from './risk-factors';
import type { RiskFactor, RiskReason } from './risk-reasons';

// The vocabulary of the risk advice: how factors, data categories, groups and levels are named in Dutch and English,
// and the small helpers that put numbers and lists into sentences.

export const FACTOR_LABEL: Readonly<Record<RiskFactor, LocalisedText>> = {
  'nature-of-breach': { nl: 'Aard van de inbreuk', en: 'Nature of the breach' },
  'data-kind-and-amount': {
    nl: 'Soort, gevoeligheid en hoeveelheid gegevens',
    en: 'Kind, sensitivity and amount of data',
  },
  'ease-of-identification': { nl: 'Herleidbaarheid tot personen', en: 'Ease of identification' },
  'severity-of-consequences': { nl: 'Ernst van de gevolgen', en: 'Severity of the consequences' },
  recipient: { nl: 'De ontvanger', en: 'The recipient' },
  'vulnerable-persons': { nl: 'Kwetsbare personen', en: 'Vulnerable persons' },
  'healthcare-organisation': { nl: 'Zorgorganisatie', en: 'Healthcare organisation' },
  'number-of-persons': { nl: 'Aantal personen', en: 'Number of persons' },
  unintelligible: { nl: 'Onleesbaar gemaakte gegevens', en: 'Unintelligible data' },
  'later-measures': { nl: 'Latere maatregelen', en: 'Later measures' },
  'disproportionate-effort': { nl: 'Onevenredige inspanning', en: 'Disproportionate effort' },
  'when-in-doubt': { nl: 'Bij twijfel melden', en: 'When in doubt, notify' },
};

export function riskFactorLabel(factor: RiskFactor): LocalisedText {
  return FACTOR_LABEL[factor];
}

export const CATEGORY: Readonly<Record<PersonalDataCategory, LocalisedText>> = {
  'name-address': { nl: 'naam- en adresgegevens', en: 'names and addresses' },
  contact: { nl: 'contactgegevens', en: 'contact details' },
  'date-of-birth': { nl: 'geboortedatum', en: 'date of birth' },
  'identification-number': { nl: 'identificatienummers (BSN)', en: 'identification numbers (BSN)' },
  health: { nl: 'gezondheidsgegevens', en: 'health data' },
  children: { nl: 'gegevens over kinderen', en: 'data about children' },
  financial: { nl: 'financiële gegevens', en: 'financial data' },
  'other-special-category': { nl: 'andere bijzondere persoonsgegevens', en: 'other special-category data' },
  criminal: { nl: 'strafrechtelijke gegevens', en: 'criminal-offence data' },
  credentials: { nl: 'inloggegevens', en: 'login credentials' },
  other: { nl: 'andere persoonsgegevens', en: 'other personal data' },
};

export const GROUP: Readonly<Record<DataSubjectGroup, LocalisedText>> = {
  clients: { nl: 'cliënten', en: 'clients' },
  newborns: { nl: 'pasgeborenen', en: 'newborns' },
  'partners-relatives': { nl: 'partners en familie', en: 'partners and relatives' },
  employees: { nl: 'medewerkers', en: 'employees' },
  other: { nl: 'anderen', en: 'others' },
};

export const KIND: Readonly<Record<BreachKind, LocalisedText>> = {
  confidentiality: { nl: 'vertrouwelijkheid', en: 'confidentiality' },
  integrity: { nl: 'integriteit', en: 'integrity' },
  availability: { nl: 'beschikbaarheid', en: 'availability' },
};

// ENISA §2.4's description of each severity level, in plain words.
export const SEVERITY: Readonly<Record<SeverityLevel, LocalisedText>> = {
  low: {
    nl: 'laag: betrokkenen merken er niets van of hebben wat ongemak dat ze zonder problemen overwinnen',
    en: 'low: individuals are not affected or meet a few inconveniences they overcome without problems',
  },
  medium: {
    nl: 'gemiddeld: betrokkenen kunnen flink ongemak ondervinden (kosten, angst, stress) dat ze met enige moeite overwinnen',
    en: 'medium: individuals may meet significant inconveniences (costs, fear, stress) they overcome with some difficulty',
  },
  high: {
    nl:
      'hoog: betrokkenen kunnen ernstige gevolgen ondervinden (financiële schade, verslechtering van de gezondheid, ' +
      'psychisch leed) die ze slechts met grote moeite overwinnen',
    en:
      'high: individuals may meet significant consequences (financial loss, worsening health, psychological harm) ' +
      'they overcome only with serious difficulty',
  },
  'very-high': {
    nl:
      'zeer hoog: betrokkenen kunnen ernstige of zelfs onomkeerbare gevolgen ondervinden (langdurig lichamelijk of ' +
      'psychisch letsel, grote schulden) die ze mogelijk niet overwinnen',
    en:
      'very high: individuals may meet significant or even irreversible consequences (long-term physical or ' +
      'psychological harm, substantial debt) they may not overcome',
  },
};

/** The reasons in a fixed factor order, and a one-sentence summary. */
export const EI_WORDS = {
  negligible: { nl: 'alleen met uiterste moeite', en: 'only with extreme difficulty' },
  limited: { nl: 'mogelijk maar met moeite', en: 'possibly but with difficulty' },
  significant: { nl: 'vrij makkelijk', en: 'relatively easily' },
  maximum: { nl: 'direct', en: 'directly' },
} as const;

export function num(value: number, lang: 'nl' | 'en'): string {
  const text = String(value);
  return lang === 'nl' ? text.replace('.', ',') : text;
}

export function join(parts: readonly LocalisedText[], lang: 'nl' | 'en'): string {
  const words = parts.map((p) => p[lang]);
  if (words.length <= 1) return words.join('');
  const and = lang === 'nl' ? ' en ' : ' and ';
  return `${words.slice(0, -1).join(', ')}${and}${words[words.length - 1]}`;
}

export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function countText(count: ApproximateCount, one: LocalisedText, many: LocalisedText): LocalisedText {
  switch (count.kind) {
    case 'exact': {
      const unit = count.value === 1 ? one : many;
      return { nl: `${count.value} ${unit.nl}`, en: `${count.value} ${unit.en}` };
    }
    case 'range':
      return {
        nl: `tussen ${count.min} en ${count.max} ${many.nl}`,
        en: `between ${count.min} and ${count.max} ${many.en}`,
      };
    case 'unknown':
      return { nl: `aantal ${many.nl} niet bekend`, en: `number of ${many.en} not known` };
  }
}

/** A reason whose text starts with its factor's name, so every sentence says which factor drove it. */
export function riskReason(
  factor: RiskFactor,
  effect: RiskReason['effect'],
  assumed: boolean,
  body: LocalisedText,
): RiskReason {
  const label = FACTOR_LABEL[factor];
  return { factor, effect, assumed, text: { nl: `${label.nl}: ${body.nl}`, en: `${label.en}: ${body.en}` } };
}
