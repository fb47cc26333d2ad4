import type { LocalisedText } from '../text/localised-text';
import type { ApproximateCount, BreachKind, DataSubjectGroup, PersonalDataCategory } from './checklist';
import type { RiskTrace } from './risk-assessment';
import { MANY_PERSONS, type SeverityLevel } from './risk-factors';

/**
 * The words of the risk advice: one reason per factor of the protocol's step 5 (and the art. 34(3) exemptions of
 * step 6), each naming its factor and saying in plain Dutch (and English) what it did to the advice. Written for a
 * privacy officer at a midwifery practice, not for a lawyer: the articles are named, not quoted.
 */

export const RISK_FACTORS = [
  'nature-of-breach',
  'data-kind-and-amount',
  'ease-of-identification',
  'severity-of-consequences',
  'recipient',
  'vulnerable-persons',
  'healthcare-organisation',
  'number-of-persons',
  'unintelligible',
  'later-measures',
  'disproportionate-effort',
  'when-in-doubt',
] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];

export interface RiskReason {
  factor: RiskFactor;
  /** What this factor did: raised the risk, lowered it, or changed nothing. */
  effect: 'raises' | 'lowers' | 'neutral';
  /** True when the reason rests on an assumption for a missing answer ("when in doubt, notify"). */
  assumed: boolean;
  text: LocalisedText;
}

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

const FACTOR_LABEL: Readonly<Record<RiskFactor, LocalisedText>> = {
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

const CATEGORY: Readonly<Record<PersonalDataCategory, LocalisedText>> = {
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

const GROUP: Readonly<Record<DataSubjectGroup, LocalisedText>> = {
  clients: { nl: 'cliënten', en: 'clients' },
  newborns: { nl: 'pasgeborenen', en: 'newborns' },
  'partners-relatives': { nl: 'partners en familie', en: 'partners and relatives' },
  employees: { nl: 'medewerkers', en: 'employees' },
  other: { nl: 'anderen', en: 'others' },
};

const KIND: Readonly<Record<BreachKind, LocalisedText>> = {
  confidentiality: { nl: 'vertrouwelijkheid', en: 'confidentiality' },
  integrity: { nl: 'integriteit', en: 'integrity' },
  availability: { nl: 'beschikbaarheid', en: 'availability' },
};

// ENISA §2.4's description of each severity level, in plain words.
const SEVERITY: Readonly<Record<SeverityLevel, LocalisedText>> = {
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
export function riskReasons(t: RiskTrace, missingCount: number): { summary: LocalisedText; reasons: RiskReason[] } {
  const reasons: RiskReason[] = [
    natureOfBreach(t),
    dataKindAndAmount(t),
    easeOfIdentification(t),
    severityOfConsequences(t),
    recipient(t),
    vulnerablePersons(t),
    healthcareOrganisation(t),
    numberOfPersons(t),
    ...exemptions(t),
  ];
  if (missingCount > 0) {
    reasons.push(
      reason('when-in-doubt', 'raises', true, {
        nl:
          `${missingCount === 1 ? 'er ontbreekt nog 1 antwoord' : `er ontbreken nog ${missingCount} antwoorden`}; ` +
          'voor elk is het ongunstigste antwoord aangenomen (protocol stap 5: bij twijfel melden). Het advies kan ' +
          'lager uitvallen als ze zijn ingevuld, nooit hoger.',
        en:
          `${missingCount === 1 ? '1 answer is still missing' : `${missingCount} answers are still missing`}; the ` +
          'least favourable answer was assumed for each (protocol step 5: when in doubt, notify). The advice can ' +
          'only become lower once they are answered, never higher.',
      }),
    );
  }
  return { summary: summary(t), reasons };
}

function reason(factor: RiskFactor, effect: RiskReason['effect'], assumed: boolean, body: LocalisedText): RiskReason {
  const label = FACTOR_LABEL[factor];
  return { factor, effect, assumed, text: { nl: `${label.nl}: ${body.nl}`, en: `${label.en}: ${body.en}` } };
}

function summary(t: RiskTrace): LocalisedText {
  const mitigated = t.level === 'no-risk' && t.levelFromSeverity !== 'no-risk';
  switch (t.recommendation) {
    case 'register-only':
      return mitigated
        ? {
            nl:
              'Advies: niet melden bij de AP, wel registreren in het datalekregister. De gevolgen zouden ernstig ' +
              'kunnen zijn, maar het risico dat ze zich voordoen is weggenomen (zie de redenen).',
            en:
              'Advice: do not notify the AP; record the breach in the breach register. The consequences could be ' +
              'serious, but the risk that they materialise has been removed (see the reasons).',
          }
        : {
            nl: 'Advies: niet melden bij de AP, wel registreren in het datalekregister: een risico voor de betrokkenen is onwaarschijnlijk.',
            en: 'Advice: do not notify the AP; record the breach in the breach register: a risk to the individuals is unlikely.',
          };
    case 'notify-ap':
      return t.level === 'risk'
        ? {
            nl: 'Advies: melden bij de AP, binnen 72 uur na de ontdekking. Het risico is niet hoog: de betrokkenen hoeven niet te worden geïnformeerd.',
            en: 'Advice: notify the AP within 72 hours of discovery. The risk is not high: the individuals need not be informed.',
          }
        : {
            nl:
              'Advies: melden bij de AP, binnen 72 uur na de ontdekking. Het risico is hoog, maar de betrokkenen ' +
              `hoeven niet te worden geïnformeerd (${t.exemption === 'unintelligible' ? 'art. 34 lid 3 sub a' : 'art. 34 lid 3 sub b'} AVG).`,
            en:
              'Advice: notify the AP within 72 hours of discovery. The risk is high, but the individuals need not be ' +
              `informed (GDPR ${t.exemption === 'unintelligible' ? 'art. 34(3)(a)' : 'art. 34(3)(b)'}).`,
          };
    case 'notify-ap-and-public-communication':
      return {
        nl:
          'Advies: melden bij de AP, binnen 72 uur, en in plaats van ieder persoonlijk te informeren een openbare ' +
          'mededeling doen (hoog risico; art. 34 lid 3 sub c AVG).',
        en:
          'Advice: notify the AP within 72 hours and, instead of informing each person, make a public communication ' +
          '(high risk; GDPR art. 34(3)(c)).',
      };
    case 'notify-ap-and-data-subjects':
      return {
        nl: 'Advies: melden bij de AP, binnen 72 uur, en de betrokkenen zonder onnodige vertraging informeren: het risico voor hen is hoog.',
        en: 'Advice: notify the AP within 72 hours and inform the individuals without undue delay: the risk to them is high.',
      };
  }
}

function natureOfBreach(t: RiskTrace): RiskReason {
  const cb = t.severity.cb;
  const parts: LocalisedText[] = t.kinds.map((kind) => {
    const score =
      kind === 'confidentiality' ? cb.confidentiality : kind === 'integrity' ? cb.integrity : cb.availability;
    const what = kindDetail(t, kind);
    const after = t.residual[kind] ? { nl: '', en: '' } : residualText(kind);
    return {
      nl: `inbreuk op de ${KIND[kind].nl} (${what.nl}; ENISA +${num(score, 'nl')})${after.nl}`,
      en: `a breach of ${KIND[kind].en} (${what.en}; ENISA +${num(score, 'en')})${after.en}`,
    };
  });
  const malice: LocalisedText = t.malicious
    ? t.maliceFromCause
      ? {
          nl: 'de oorzaak (diefstal of hacking) is opzettelijk: +0,5',
          en: 'the cause (theft or hacking) is deliberate: +0.5',
        }
      : t.maliceAssumed
        ? {
            nl: 'of er kwade opzet is, is niet bekend: aangenomen van wel, +0,5',
            en: 'whether there is malicious intent is not known: assumed so, +0.5',
          }
        : { nl: 'kwade opzet is waarschijnlijk: +0,5', en: 'malicious intent is likely: +0.5' }
    : { nl: 'geen kwade opzet', en: 'no malicious intent' };
  const assumedKinds = t.kindsAssumed
    ? {
        nl: 'welke soort inbreuk het is, is nog niet bekend; gerekend is met alle drie: ',
        en: 'which kind of breach it is, is not known yet; all three are assumed: ',
      }
    : { nl: '', en: '' };
  const anyResidual = t.kinds.some((kind) => t.residual[kind]);
  return reason(
    'nature-of-breach',
    cb.total > 0 && anyResidual ? 'raises' : 'neutral',
    t.kindsAssumed || t.maliceAssumed,
    {
      nl: `${assumedKinds.nl}${join(parts, 'nl')}; ${malice.nl}. Samen ENISA CB ${num(cb.total, 'nl')}.`,
      en: `${assumedKinds.en}${join(parts, 'en')}; ${malice.en}. Together ENISA CB ${num(cb.total, 'en')}.`,
    },
  );
}

function residualText(kind: BreachKind): LocalisedText {
  switch (kind) {
    case 'confidentiality':
      return { nl: ', zonder blijvend risico (zie de ontvanger)', en: ', without remaining risk (see the recipient)' };
    case 'integrity':
      return {
        nl: ', zonder blijvend risico: niet verkeerd gebruikt',
        en: ', without remaining risk: not used wrongly',
      };
    case 'availability':
      return {
        nl: ', zonder blijvend risico: zonder moeite te herstellen',
        en: ', without remaining risk: recoverable without difficulty',
      };
  }
}

function kindDetail(t: RiskTrace, kind: BreachKind): LocalisedText {
  if (kind === 'confidentiality') {
    switch (t.confidentiality) {
      case 'no-evidence-of-access':
        return { nl: 'niemand zonder recht heeft de gegevens ingezien', en: 'nobody without right saw the data' };
      case 'known-recipients':
        return { nl: 'bij een bekend aantal bekende ontvangers', en: 'to a known number of known recipients' };
      case 'unknown-recipients':
        return {
          nl: 'bij onbekende of een onbekend aantal ontvangers',
          en: 'to unknown recipients or an unknown number',
        };
    }
  }
  if (kind === 'integrity') {
    switch (t.integrity) {
      case 'altered-not-used':
        return { nl: 'gewijzigd, niet verkeerd gebruikt', en: 'altered, not used wrongly' };
      case 'recoverable':
        return {
          nl: 'gewijzigd, de juiste gegevens zijn te herstellen',
          en: 'altered, the correct data can be recovered',
        };
      case 'irrecoverable':
        return t.inputs.answers.integrityLoss === 'unknown'
          ? { nl: 'herstel niet bekend: aangenomen onherstelbaar', en: 'recovery not known: assumed irrecoverable' }
          : { nl: 'gewijzigd en niet te herstellen', en: 'altered and not recoverable' };
    }
  }
  switch (t.availability) {
    case 'recoverable-without-difficulty':
      return {
        nl: 'zonder moeite te herstellen, bijvoorbeeld uit een back-up',
        en: 'recoverable without difficulty, e.g. from a backup',
      };
    case 'temporary':
      return { nl: 'tijdelijk niet beschikbaar', en: 'temporarily unavailable' };
    case 'permanent':
      return t.inputs.answers.availabilityLoss === 'unknown'
        ? {
            nl: 'herstel niet bekend: aangenomen blijvend verloren',
            en: 'recovery not known: assumed permanently lost',
          }
        : { nl: 'blijvend verloren', en: 'permanently lost' };
  }
}

function dataKindAndAmount(t: RiskTrace): RiskReason {
  const { dpc } = t.severity;
  const driver = CATEGORY[dpc.drivenBy];
  const why: LocalisedText =
    dpc.drivenBy === 'health' || dpc.drivenBy === 'other-special-category'
      ? {
          nl: `${driver.nl} zijn bijzondere persoonsgegevens (art. 9 AVG): de hoogste gevoeligheid (ENISA basisscore 4)`,
          en: `${driver.en} are special-category data (GDPR art. 9): the highest sensitivity (ENISA basic score 4)`,
        }
      : dpc.drivenBy === 'criminal'
        ? {
            nl: 'strafrechtelijke gegevens hebben volgens het protocol een hoog risico (art. 10 AVG; ENISA basisscore 4)',
            en: 'criminal-offence data are high risk under the protocol (GDPR art. 10; ENISA basic score 4)',
          }
        : dpc.drivenBy === 'credentials'
          ? {
              nl: 'inloggegevens geven toegang tot cliëntdossiers en tellen dus als gezondheidsgegevens (ENISA basisscore 4)',
              en: 'login credentials give access to client records and so count as health data (ENISA basic score 4)',
            }
          : dpc.drivenBy === 'identification-number'
            ? {
                nl: 'een BSN kan worden misbruikt voor identiteitsfraude (ENISA basisscore 1, +2)',
                en: 'a BSN can be misused for identity fraud (ENISA basic score 1, +2)',
              }
            : {
                nl: `het gevoeligste gegeven is ${driver.nl} (ENISA basisscore ${dpc.basic})`,
                en: `the most sensitive data are ${driver.en} (ENISA basic score ${dpc.basic})`,
              };
  const all = t.categoriesAssumed
    ? {
        nl: 'welke gegevens het betreft is nog niet bekend; aangenomen: gezondheidsgegevens met naam, adres en BSN. ',
        en: 'which data is involved is not known yet; health data with name, address and BSN is assumed. ',
      }
    : {
        nl: `het gaat om ${join(
          t.categories.map((c) => CATEGORY[c]),
          'nl',
        )}. `,
        en: `it concerns ${join(
          t.categories.map((c) => CATEGORY[c]),
          'en',
        )}. `,
      };
  const bsn =
    t.categories.includes('identification-number') && dpc.drivenBy !== 'identification-number'
      ? {
          nl: ' Ook het BSN weegt mee: het kan worden misbruikt voor identiteitsfraude.',
          en: ' The BSN weighs too: it can be misused for identity fraud.',
        }
      : { nl: '', en: '' };
  const amount = countText(t.inputs.records, { nl: 'record', en: 'record' }, { nl: 'records', en: 'records' });
  return reason('data-kind-and-amount', dpc.score >= 3 ? 'raises' : 'neutral', t.categoriesAssumed, {
    nl: `${all.nl}${capital(why.nl)}; met de context (zie hieronder) DPC ${dpc.score}.${bsn.nl} Hoeveelheid: ${amount.nl}.`,
    en: `${all.en}${capital(why.en)}; with the context (see below) DPC ${dpc.score}.${bsn.en} Amount: ${amount.en}.`,
  });
}

function easeOfIdentification(t: RiskTrace): RiskReason {
  const ei = t.severity.ei;
  const body: LocalisedText = t.easeFromCategories
    ? {
        nl: `naam, adres, contactgegevens of een BSN maken de personen direct herkenbaar (ENISA EI ${num(ei, 'nl')}, maximaal).`,
        en: `a name, address, contact details or a BSN identify the persons directly (ENISA EI ${num(ei, 'en')}, maximum).`,
      }
    : t.easeAssumed
      ? {
          nl: `hoe makkelijk de personen te herkennen zijn, is niet beantwoord; aangenomen: direct (ENISA EI ${num(ei, 'nl')}).`,
          en: `how easily the persons can be identified was not answered; directly is assumed (ENISA EI ${num(ei, 'en')}).`,
        }
      : {
          nl: `de personen zijn ${EI_WORDS[t.severity.easeOfIdentification].nl} te herkennen (ENISA EI ${num(ei, 'nl')}).`,
          en: `the persons can be identified ${EI_WORDS[t.severity.easeOfIdentification].en} (ENISA EI ${num(ei, 'en')}).`,
        };
  return reason('ease-of-identification', ei >= 0.75 ? 'raises' : 'lowers', t.easeAssumed, body);
}

const EI_WORDS = {
  negligible: { nl: 'alleen met uiterste moeite', en: 'only with extreme difficulty' },
  limited: { nl: 'mogelijk maar met moeite', en: 'possibly but with difficulty' },
  significant: { nl: 'vrij makkelijk', en: 'relatively easily' },
  maximum: { nl: 'direct', en: 'directly' },
} as const;

function severityOfConsequences(t: RiskTrace): RiskReason {
  const s = t.severity;
  const formula = {
    nl: `ENISA-ernstscore ${num(s.score, 'nl')} = DPC ${s.dpc.score} × EI ${num(s.ei, 'nl')} + CB ${num(s.cb.total, 'nl')}`,
    en: `ENISA severity score ${num(s.score, 'en')} = DPC ${s.dpc.score} × EI ${num(s.ei, 'en')} + CB ${num(s.cb.total, 'en')}`,
  };
  const ifMitigated =
    t.level === 'no-risk' && s.level !== 'low'
      ? {
          nl: ' Dit is de ernst áls het risico zich voordoet; de kans daarop is weggenomen.',
          en: ' This is the severity if the risk were to materialise; its likelihood has been removed.',
        }
      : { nl: '', en: '' };
  return reason('severity-of-consequences', s.level === 'low' ? 'neutral' : 'raises', false, {
    nl: `${formula.nl}: ${SEVERITY[s.level].nl}.${ifMitigated.nl}`,
    en: `${formula.en}: ${SEVERITY[s.level].en}.${ifMitigated.en}`,
  });
}

function recipient(t: RiskTrace): RiskReason {
  const r = t.inputs.recipients;
  if (!t.kinds.includes('confidentiality')) {
    return reason('recipient', 'neutral', false, {
      nl: 'er zijn geen gegevens bij onbevoegden terechtgekomen (geen inbreuk op de vertrouwelijkheid).',
      en: 'no data reached anyone without right (no breach of confidentiality).',
    });
  }
  if (t.confidentiality === 'no-evidence-of-access') {
    return reason('recipient', 'lowers', false, {
      nl: 'niemand zonder recht heeft de gegevens ingezien (aantal onbevoegden: 0).',
      en: 'nobody without right saw the data (number of unauthorised recipients: 0).',
    });
  }
  if (t.trustedRecipient) {
    return reason('recipient', 'lowers', false, {
      nl:
        'de ontvanger is bekend, heeft een beroepsgeheim en heeft bevestigd dat de gegevens zijn verwijderd. Het ' +
        'risico op misbruik is daarmee weggenomen (protocol stap 5, het voorbeeld van de gynaecoloog).',
      en:
        'the recipient is known, is bound by professional secrecy and confirmed that the data was deleted. That ' +
        'removes the risk of misuse (protocol step 5, the gynaecologist example).',
    });
  }
  if (t.malicious) {
    const why = t.maliceFromCause
      ? {
          nl: 'de gegevens zijn gestolen of er is bewust ingebroken',
          en: 'the data was stolen or deliberately broken into',
        }
      : t.maliceAssumed
        ? {
            nl: 'of de ontvangers kwade bedoelingen hebben is niet bekend (aangenomen van wel)',
            en: 'whether the recipients mean harm is not known (assumed so)',
          }
        : { nl: 'kwade bedoelingen zijn waarschijnlijk', en: 'malicious intent is likely' };
    return reason('recipient', 'raises', t.maliceAssumed, {
      nl: `${why.nl}: een hoog risico op misbruik van de gegevens.`,
      en: `${why.en}: a high risk that the data is misused.`,
    });
  }
  if (t.confidentiality === 'unknown-recipients') {
    return reason('recipient', 'raises', t.confidentialityAssumed, {
      nl: 'niet bekend is wie de gegevens heeft gezien, of hoeveel ontvangers er zijn: een hoog risico op misbruik.',
      en: 'it is not known who saw the data, or how many recipients there are: a high risk of misuse.',
    });
  }
  const missing: LocalisedText[] = [];
  if (r.professionalSecrecy !== 'yes')
    missing.push(
      r.professionalSecrecy === 'no'
        ? { nl: 'heeft geen beroepsgeheim', en: 'is not bound by professional secrecy' }
        : { nl: 'van een beroepsgeheim is niets bekend', en: 'nothing is known of professional secrecy' },
    );
  if (r.deletionConfirmed !== 'yes')
    missing.push({
      nl: 'heeft (nog) niet bevestigd dat de gegevens zijn verwijderd',
      en: 'has not (yet) confirmed deletion',
    });
  return reason('recipient', 'neutral', r.professionalSecrecy === 'unknown' || r.deletionConfirmed === 'unknown', {
    nl:
      `de ontvanger is bekend, maar ${join(missing, 'nl')}. Pas een betrouwbare ontvanger met beroepsgeheim die de ` +
      'verwijdering bevestigt, verlaagt het risico (protocol stap 5).',
    en:
      `the recipient is known, but ${join(missing, 'en')}. Only a trustworthy recipient bound by professional ` +
      'secrecy who confirms deletion lowers the risk (protocol step 5).',
  });
}

function vulnerablePersons(t: RiskTrace): RiskReason {
  if (!t.context.includes('vulnerable-persons')) {
    return reason('vulnerable-persons', 'neutral', false, {
      nl: `er zijn geen pasgeborenen of kinderen bij betrokken (betrokkenen: ${join(
        t.groups.map((g) => GROUP[g]),
        'nl',
      )}).`,
      en: `no newborns or children are involved (people involved: ${join(
        t.groups.map((g) => GROUP[g]),
        'en',
      )}).`,
    });
  }
  const capped = t.severity.dpc.score === 4;
  const who = t.groupsAssumed
    ? {
        nl: 'wie er betrokken zijn is nog niet bekend; aangenomen: cliënten en hun pasgeborenen',
        en: 'who is involved is not known yet; clients and their newborns are assumed',
      }
    : { nl: 'er zijn pasgeborenen of kinderen bij betrokken', en: 'newborns or children are involved' };
  return reason('vulnerable-persons', 'raises', t.groupsAssumed, {
    nl: `${who.nl}. Kinderen zijn kwetsbaar: dat verhoogt het risico (ENISA DPC +1${capped ? '; de score stond al op het maximum' : ''}).`,
    en: `${who.en}. Children are vulnerable: that raises the risk (ENISA DPC +1${capped ? '; the score was already at its maximum' : ''}).`,
  });
}

function healthcareOrganisation(t: RiskTrace): RiskReason {
  if (t.context.includes('healthcare-context')) {
    return reason('healthcare-organisation', 'raises', t.groupsAssumed, {
      nl:
        'bij een zorgorganisatie zegt alleen al het feit dat iemand cliënt is iets over de gezondheid (een ' +
        'zwangerschap): dat verhoogt het risico (protocol stap 5; ENISA DPC +2).',
      en:
        'at a healthcare organisation the mere fact that someone is a client says something about their health (a ' +
        'pregnancy): that raises the risk (protocol step 5; ENISA DPC +2).',
    });
  }
  return reason('healthcare-organisation', 'neutral', false, {
    nl: 'het gaat niet om cliënten of pasgeborenen, dus de zorgcontext zegt hier niets extra over de betrokkenen.',
    en: 'no clients or newborns are involved, so the healthcare context reveals nothing extra about the people here.',
  });
}

function numberOfPersons(t: RiskTrace): RiskReason {
  const n = t.personsUpper;
  const counted = countText(t.inputs.persons, { nl: 'persoon', en: 'person' }, { nl: 'personen', en: 'persons' });
  if (n === null) {
    return reason('number-of-persons', t.raisedByNumber ? 'raises' : 'neutral', true, {
      nl: `het aantal personen is niet bekend; aangenomen: veel (${MANY_PERSONS} of meer)${t.raisedByNumber ? ', dus een hoog risico' : ''}.`,
      en: `the number of persons is not known; many (${MANY_PERSONS} or more) is assumed${t.raisedByNumber ? ', so a high risk' : ''}.`,
    });
  }
  if (t.raisedByNumber) {
    return reason('number-of-persons', 'raises', false, {
      nl: `het gaat om ${counted.nl}: hoe meer personen, hoe groter de gevolgen; vanaf ${MANY_PERSONS} personen geldt een hoog risico.`,
      en: `it concerns ${counted.en}: the more persons, the greater the impact; from ${MANY_PERSONS} persons on the risk is high.`,
    });
  }
  if (n <= 1) {
    return reason('number-of-persons', 'neutral', false, {
      nl: 'het gaat om één persoon. Ook dan kan een inbreuk ernstige gevolgen hebben (protocol stap 5), dus dat verlaagt het advies niet.',
      en: 'it concerns one person. Even then a breach can have serious consequences (protocol step 5), so that does not lower the advice.',
    });
  }
  return reason('number-of-persons', 'neutral', false, {
    nl: `het gaat om ${counted.nl}; een klein aantal verlaagt het advies niet.`,
    en: `it concerns ${counted.en}; a small number does not lower the advice.`,
  });
}

function exemptions(t: RiskTrace): RiskReason[] {
  const out: RiskReason[] = [];
  if (t.kinds.includes('confidentiality')) out.push(unintelligible(t));
  if (t.level !== 'high-risk' || t.exemption === 'unintelligible') return out;
  const later = t.inputs.answers.laterMeasuresRemovedHighRisk;
  out.push(
    reason('later-measures', later === 'yes' ? 'lowers' : 'neutral', later === 'unknown', {
      nl:
        later === 'yes'
          ? 'latere maatregelen zorgen ervoor dat het hoge risico zich waarschijnlijk niet meer voordoet: de betrokkenen hoeven niet te worden geïnformeerd (art. 34 lid 3 sub b AVG).'
          : later === 'no'
            ? 'er zijn geen maatregelen genomen die het hoge risico wegnemen (art. 34 lid 3 sub b AVG).'
            : 'niet beantwoord of latere maatregelen het hoge risico wegnemen; aangenomen van niet (art. 34 lid 3 sub b AVG).',
      en:
        later === 'yes'
          ? 'later measures ensure that the high risk is no longer likely to materialise: the individuals need not be informed (GDPR art. 34(3)(b)).'
          : later === 'no'
            ? 'no measures were taken that remove the high risk (GDPR art. 34(3)(b)).'
            : 'not answered whether later measures remove the high risk; assumed not (GDPR art. 34(3)(b)).',
    }),
  );
  if (t.exemption === 'later-measures') return out;
  const effort = t.inputs.answers.individualContactDisproportionate;
  out.push(
    reason('disproportionate-effort', 'neutral', effort === 'unknown', {
      nl:
        effort === 'yes'
          ? 'ieder persoonlijk informeren kost een onevenredige inspanning: doe in plaats daarvan een openbare mededeling die hen even doeltreffend bereikt (art. 34 lid 3 sub c AVG).'
          : effort === 'no'
            ? 'de betrokkenen zijn persoonlijk te bereiken, dus zij worden persoonlijk geïnformeerd (art. 34 lid 3 sub c AVG is niet van toepassing).'
            : 'niet beantwoord of persoonlijk informeren een onevenredige inspanning kost; aangenomen van niet: persoonlijk informeren.',
      en:
        effort === 'yes'
          ? 'informing each person would take disproportionate effort: make a public communication instead that reaches them as effectively (GDPR art. 34(3)(c)).'
          : effort === 'no'
            ? 'the individuals can be reached in person, so they are informed in person (GDPR art. 34(3)(c) does not apply).'
            : 'not answered whether informing each person takes disproportionate effort; assumed not: inform them in person.',
    }),
  );
  return out;
}

function unintelligible(t: RiskTrace): RiskReason {
  const u = t.inputs.unintelligible;
  if (t.unintelligible === 'yes') {
    const effect =
      t.exemption === 'unintelligible'
        ? {
            nl:
              ' De betrokkenen hoeven daarom niet te worden geïnformeerd (art. 34 lid 3 sub a AVG). Let op: dat geldt ' +
              'voor het meelezen door anderen; raakt het verlies van de gegevens zelf de zorg voor cliënten, overweeg ' +
              'hen dan toch te informeren.',
            en:
              ' The individuals therefore need not be informed (GDPR art. 34(3)(a)). Note: that covers reading by ' +
              "others; if the loss of the data itself affects clients' care, consider informing them anyway.",
          }
        : {
            nl: ' Voor de vertrouwelijkheid is er daarmee geen risico (EDPB-richtsnoeren 9/2022).',
            en: ' For confidentiality there is then no risk (EDPB Guidelines 9/2022).',
          };
    return reason('unintelligible', 'lowers', false, {
      nl: `de gegevens waren onleesbaar voor de ontvangers: versleuteld volgens de stand van de techniek en de sleutel niet gelekt.${effect.nl}`,
      en: `the data was unintelligible to the recipients: encrypted with a state-of-the-art method and the key not compromised.${effect.en}`,
    });
  }
  if (t.unintelligible === 'no') {
    const why =
      u.encrypted === 'no'
        ? { nl: 'de gegevens waren niet versleuteld', en: 'the data was not encrypted' }
        : u.encryptionStateOfTheArt === 'no'
          ? {
              nl: 'de versleuteling was niet volgens de stand van de techniek',
              en: 'the encryption was not state of the art',
            }
          : { nl: 'de sleutel is gelekt', en: 'the key was compromised' };
    return reason('unintelligible', 'neutral', false, {
      nl: `${why.nl}, dus de gegevens waren leesbaar voor de ontvangers.`,
      en: `${why.en}, so the data was intelligible to the recipients.`,
    });
  }
  return reason('unintelligible', 'neutral', true, {
    nl: 'niet (volledig) beantwoord of de gegevens versleuteld waren, volgens de stand van de techniek, met een veilige sleutel; aangenomen: leesbaar.',
    en: 'not (fully) answered whether the data was encrypted, state of the art, with a safe key; intelligible is assumed.',
  });
}

/** The missing answers that the advice read, each with what was assumed meanwhile. */
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

// --- small text helpers ------------------------------------------------------------------------------------------

function num(value: number, lang: 'nl' | 'en'): string {
  const text = String(value);
  return lang === 'nl' ? text.replace('.', ',') : text;
}

function join(parts: readonly LocalisedText[], lang: 'nl' | 'en'): string {
  const words = parts.map((p) => p[lang]);
  if (words.length <= 1) return words.join('');
  const and = lang === 'nl' ? ' en ' : ' and ';
  return `${words.slice(0, -1).join(', ')}${and}${words[words.length - 1]}`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function countText(count: ApproximateCount, one: LocalisedText, many: LocalisedText): LocalisedText {
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
