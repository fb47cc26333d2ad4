import type { LocalisedText } from '../text/localised-text';
import type { ApproximateCount, CauseCategory, PersonalDataCategory, YesNoUnknown } from '../breach/checklist';
import type { Art34Exemption, DataSubjectOutcome, IncidentStage, MeasureStatus } from '../breach/incident';
import { formatAmsterdam } from '../time/display';

// The register's and the documents' vocabulary beside the risk advice's (`breach/risk-words.ts`, reused there):
// causes, outcomes and statuses in Dutch and English, and the small helpers that put values into answers.

export type Lang = 'nl' | 'en';

export const CAUSE: Readonly<Record<CauseCategory, LocalisedText>> = {
  'misdirected-email': { nl: 'e-mail naar een verkeerde ontvanger', en: 'e-mail sent to the wrong recipient' },
  'misdirected-post': { nl: 'post naar een verkeerde ontvanger', en: 'post sent to the wrong recipient' },
  'lost-device': { nl: 'apparaat of gegevensdrager kwijtgeraakt', en: 'device or storage medium lost' },
  'stolen-device': { nl: 'apparaat of gegevensdrager gestolen', en: 'device or storage medium stolen' },
  'lost-paper': { nl: 'papieren stukken kwijtgeraakt', en: 'paper documents lost' },
  'unauthorised-access-internal': {
    nl: 'onbevoegde inzage door een medewerker',
    en: 'unauthorised access by a member of staff',
  },
  'hacking-malware-phishing': { nl: 'hacking, malware of phishing', en: 'hacking, malware or phishing' },
  'published-by-mistake': { nl: 'per ongeluk gepubliceerd', en: 'published by mistake' },
  'improper-disposal': { nl: 'onzorgvuldig vernietigd of weggegooid', en: 'improperly disposed of' },
  'system-error': { nl: 'fout in een systeem', en: 'system error' },
  other: { nl: 'andere oorzaak', en: 'other cause' },
  unknown: { nl: 'oorzaak nog niet bekend', en: 'cause not yet known' },
};

/** GDPR art. 9 and 10 data, and the BSN (UAVG art. 46): what the AP form asks as "special categories". */
export const SPECIAL_CATEGORIES: readonly PersonalDataCategory[] = [
  'health',
  'other-special-category',
  'criminal',
  'identification-number',
];

export const STAGE: Readonly<Record<IncidentStage, LocalisedText>> = {
  reported: { nl: 'gemeld', en: 'reported' },
  overview: { nl: 'overzicht', en: 'overview' },
  response: { nl: 'maatregelen en besluiten', en: 'response' },
  closed: { nl: 'afgesloten', en: 'closed' },
};

export const YES_NO: Readonly<Record<YesNoUnknown, LocalisedText>> = {
  yes: { nl: 'ja', en: 'yes' },
  no: { nl: 'nee', en: 'no' },
  unknown: { nl: 'onbekend', en: 'unknown' },
};

export const MEASURE_STATUS: Readonly<Record<MeasureStatus, LocalisedText>> = {
  planned: { nl: 'gepland', en: 'planned' },
  'in-progress': { nl: 'in uitvoering', en: 'in progress' },
  done: { nl: 'uitgevoerd', en: 'done' },
  dropped: { nl: 'vervallen', en: 'dropped' },
};

export const SUBJECT_OUTCOME: Readonly<Record<DataSubjectOutcome, LocalisedText>> = {
  inform: { nl: 'betrokkenen persoonlijk informeren', en: 'inform the data subjects individually' },
  'not-inform': { nl: 'betrokkenen niet informeren', en: 'do not inform the data subjects' },
  'public-communication': {
    nl: 'openbare mededeling in plaats van persoonlijk informeren',
    en: 'public communication instead of informing each person',
  },
};

export const EXEMPTION: Readonly<Record<Art34Exemption, LocalisedText>> = {
  unintelligible: {
    nl: 'de gegevens waren onbegrijpelijk voor onbevoegden (versleuteld) (art. 34 lid 3 a)',
    en: 'the data was unintelligible to unauthorised persons (encrypted) (art. 34(3)(a))',
  },
  'later-measures': {
    nl: 'latere maatregelen hebben het hoge risico weggenomen (art. 34 lid 3 b)',
    en: 'later measures removed the high risk (art. 34(3)(b))',
  },
  'disproportionate-effort': {
    nl: 'persoonlijk informeren kost onevenredig veel moeite (art. 34 lid 3 c)',
    en: 'informing each person would involve disproportionate effort (art. 34(3)(c))',
  },
};

export function both(nl: string, en: string): LocalisedText {
  return { nl, en };
}

export function map(text: LocalisedText, fn: (value: string, lang: Lang) => string): LocalisedText {
  return { nl: fn(text.nl, 'nl'), en: fn(text.en, 'en') };
}

/** A list of labels as one sentence part: "a, b en c" / "a, b and c". */
export function listOf(parts: readonly LocalisedText[]): LocalisedText {
  const join = (lang: Lang) => {
    const words = parts.map((p) => p[lang]);
    if (words.length <= 1) return words.join('');
    return `${words.slice(0, -1).join(', ')}${lang === 'nl' ? ' en ' : ' and '}${words.at(-1)}`;
  };
  return { nl: join('nl'), en: join('en') };
}

/** An instant as the AP form and the letter show it (Europe/Amsterdam with the zone). */
export function when(at: Date): LocalisedText {
  return { nl: formatAmsterdam(at, 'nl'), en: formatAmsterdam(at, 'en') };
}

/** An approximate number for the AP form: "exact 12", "tussen 100 en 250 (schatting)"; null when unknown. */
export function approximately(count: ApproximateCount): LocalisedText | null {
  switch (count.kind) {
    case 'exact':
      return both(String(count.value), String(count.value));
    case 'range':
      return both(
        `tussen ${count.min} en ${count.max} (schatting)`,
        `between ${count.min} and ${count.max} (estimate)`,
      );
    case 'unknown':
      return null;
  }
}

export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
