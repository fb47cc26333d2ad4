import type { LocalisedText } from '../text/localised-text';
import type { BreachKind } from './checklist';
import type { RiskTrace } from './risk-assessment';
import { adviceSummary, exemptionReasons } from './risk-exemptions';
import { MANY_PERSONS } from './risk-factors';
import { capital, CATEGORY, countText, EI_WORDS, GROUP, join, KIND, num, riskReason, SEVERITY } from './risk-words';

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
    ...exemptionReasons(t),
  ];
  if (missingCount > 0) {
    reasons.push(
      riskReason('when-in-doubt', 'raises', true, {
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
  return { summary: adviceSummary(t), reasons };
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
  return riskReason(
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
  return riskReason('data-kind-and-amount', dpc.score >= 3 ? 'raises' : 'neutral', t.categoriesAssumed, {
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
  return riskReason('ease-of-identification', ei >= 0.75 ? 'raises' : 'lowers', t.easeAssumed, body);
}

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
  return riskReason('severity-of-consequences', s.level === 'low' ? 'neutral' : 'raises', false, {
    nl: `${formula.nl}: ${SEVERITY[s.level].nl}.${ifMitigated.nl}`,
    en: `${formula.en}: ${SEVERITY[s.level].en}.${ifMitigated.en}`,
  });
}

function recipient(t: RiskTrace): RiskReason {
  const r = t.inputs.recipients;
  if (!t.kinds.includes('confidentiality')) {
    return riskReason('recipient', 'neutral', false, {
      nl: 'er zijn geen gegevens bij onbevoegden terechtgekomen (geen inbreuk op de vertrouwelijkheid).',
      en: 'no data reached anyone without right (no breach of confidentiality).',
    });
  }
  if (t.confidentiality === 'no-evidence-of-access') {
    return riskReason('recipient', 'lowers', false, {
      nl: 'niemand zonder recht heeft de gegevens ingezien (aantal onbevoegden: 0).',
      en: 'nobody without right saw the data (number of unauthorised recipients: 0).',
    });
  }
  if (t.trustedRecipient) {
    return riskReason('recipient', 'lowers', false, {
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
    return riskReason('recipient', 'raises', t.maliceAssumed, {
      nl: `${why.nl}: een hoog risico op misbruik van de gegevens.`,
      en: `${why.en}: a high risk that the data is misused.`,
    });
  }
  if (t.confidentiality === 'unknown-recipients') {
    return riskReason('recipient', 'raises', t.confidentialityAssumed, {
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
  return riskReason('recipient', 'neutral', r.professionalSecrecy === 'unknown' || r.deletionConfirmed === 'unknown', {
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
    return riskReason('vulnerable-persons', 'neutral', false, {
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
  return riskReason('vulnerable-persons', 'raises', t.groupsAssumed, {
    nl: `${who.nl}. Kinderen zijn kwetsbaar: dat verhoogt het risico (ENISA DPC +1${capped ? '; de score stond al op het maximum' : ''}).`,
    en: `${who.en}. Children are vulnerable: that raises the risk (ENISA DPC +1${capped ? '; the score was already at its maximum' : ''}).`,
  });
}

function healthcareOrganisation(t: RiskTrace): RiskReason {
  if (t.context.includes('healthcare-context')) {
    return riskReason('healthcare-organisation', 'raises', t.groupsAssumed, {
      nl:
        'bij een zorgorganisatie zegt alleen al het feit dat iemand cliënt is iets over de gezondheid (een ' +
        'zwangerschap): dat verhoogt het risico (protocol stap 5; ENISA DPC +2).',
      en:
        'at a healthcare organisation the mere fact that someone is a client says something about their health (a ' +
        'pregnancy): that raises the risk (protocol step 5; ENISA DPC +2).',
    });
  }
  return riskReason('healthcare-organisation', 'neutral', false, {
    nl: 'het gaat niet om cliënten of pasgeborenen, dus de zorgcontext zegt hier niets extra over de betrokkenen.',
    en: 'no clients or newborns are involved, so the healthcare context reveals nothing extra about the people here.',
  });
}

function numberOfPersons(t: RiskTrace): RiskReason {
  const n = t.personsUpper;
  const counted = countText(t.inputs.persons, { nl: 'persoon', en: 'person' }, { nl: 'personen', en: 'persons' });
  if (n === null) {
    return riskReason('number-of-persons', t.raisedByNumber ? 'raises' : 'neutral', true, {
      nl: `het aantal personen is niet bekend; aangenomen: veel (${MANY_PERSONS} of meer)${t.raisedByNumber ? ', dus een hoog risico' : ''}.`,
      en: `the number of persons is not known; many (${MANY_PERSONS} or more) is assumed${t.raisedByNumber ? ', so a high risk' : ''}.`,
    });
  }
  if (t.raisedByNumber) {
    return riskReason('number-of-persons', 'raises', false, {
      nl: `het gaat om ${counted.nl}: hoe meer personen, hoe groter de gevolgen; vanaf ${MANY_PERSONS} personen geldt een hoog risico.`,
      en: `it concerns ${counted.en}: the more persons, the greater the impact; from ${MANY_PERSONS} persons on the risk is high.`,
    });
  }
  if (n <= 1) {
    return riskReason('number-of-persons', 'neutral', false, {
      nl: 'het gaat om één persoon. Ook dan kan een inbreuk ernstige gevolgen hebben (protocol stap 5), dus dat verlaagt het advies niet.',
      en: 'it concerns one person. Even then a breach can have serious consequences (protocol step 5), so that does not lower the advice.',
    });
  }
  return riskReason('number-of-persons', 'neutral', false, {
    nl: `het gaat om ${counted.nl}; een klein aantal verlaagt het advies niet.`,
    en: `it concerns ${counted.en}; a small number does not lower the advice.`,
  });
}
