import type { LocalisedText } from '../text/localised-text';
import type { RiskTrace } from './risk-assessment';
import type { RiskReason } from './risk-reasons';
import { riskReason } from './risk-words';

// Protocol step 6: the art. 34(3) GDPR exemptions from informing the data subjects, and the advice's summary line.

export function adviceSummary(t: RiskTrace): LocalisedText {
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

export function exemptionReasons(t: RiskTrace): RiskReason[] {
  const out: RiskReason[] = [];
  if (t.kinds.includes('confidentiality')) out.push(unintelligible(t));
  if (t.level !== 'high-risk' || t.exemption === 'unintelligible') return out;
  const later = t.inputs.answers.laterMeasuresRemovedHighRisk;
  out.push(
    riskReason('later-measures', later === 'yes' ? 'lowers' : 'neutral', later === 'unknown', {
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
    riskReason('disproportionate-effort', 'neutral', effort === 'unknown', {
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
    return riskReason('unintelligible', 'lowers', false, {
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
    return riskReason('unintelligible', 'neutral', false, {
      nl: `${why.nl}, dus de gegevens waren leesbaar voor de ontvangers.`,
      en: `${why.en}, so the data was intelligible to the recipients.`,
    });
  }
  return riskReason('unintelligible', 'neutral', true, {
    nl: 'niet (volledig) beantwoord of de gegevens versleuteld waren, volgens de stand van de techniek, met een veilige sleutel; aangenomen: leesbaar.',
    en: 'not (fully) answered whether the data was encrypted, state of the art, with a safe key; intelligible is assumed.',
  });
}

/** The missing answers that the advice read, each with what was assumed meanwhile. */
