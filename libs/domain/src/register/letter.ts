import type { BreachIncident } from '../breach/incident';
import { CATEGORY } from '../breach/risk-words';
import type { RegisterOrganisation } from './ap-answers';
import { likelyConsequences, selfHelpAdvice } from './consequences';
import type { LetterLanguage, LetterVariant } from './records';
import { capital, listOf, type Lang } from './words';
import { formatAmsterdam } from '../time/display';

/**
 * The message to the data subjects (GDPR art. 34(2), protocol step 6) as a first draft in plain language: what
 * happened and which data, the likely consequences, the measures taken, what they can do themselves, whom to
 * contact (the FG). Mail-merge-free on purpose: the product holds no client identities, so the letter has no
 * name or address — the organisation prints or sends it from its own systems. The public-communication variant
 * (art. 34(3)(c)) addresses everyone concerned instead of one reader.
 *
 * Each part is a paragraph of its own, so the editor and the tests can find them; the whole is plain text.
 */
export interface LetterDraft {
  language: LetterLanguage;
  variant: LetterVariant;
  subject: string;
  /** The paragraphs by their part of art. 34(2), in order. */
  parts: { key: LetterPart; text: string }[];
  body: string;
  /**
   * Values the product itself wrote into the letter from the organisation's directory and the incident's own
   * dates (the FG's e-mail address, the discovery date). They look like identities to the privacy guard but are
   * none: the guard skips exactly these strings, and still checks everything a person adds.
   */
  knownValues: string[];
}

export const LETTER_PARTS = [
  'opening',
  'what-happened',
  'which-data',
  'consequences',
  'measures',
  'self-help',
  'contact',
  'closing',
] as const;
export type LetterPart = (typeof LETTER_PARTS)[number];

export interface LetterDraftInput {
  reference: string;
  incident: BreachIncident;
  organisation: RegisterOrganisation;
  variant: LetterVariant;
  language: LetterLanguage;
}

export function draftDataSubjectLetter(input: LetterDraftInput): LetterDraft {
  const { incident, organisation, variant, language: lang } = input;
  const t = (nl: string, en: string) => (lang === 'nl' ? nl : en);
  const c = incident.checklist;
  const discovered = formatAmsterdam(incident.report.discoveredAt, lang).replace(
    / om \d\d:\d\d.*$| at \d\d:\d\d.*$/,
    '',
  );
  const categories = listOf(c.dataCategories.map((x) => CATEGORY[x]))[lang];
  const consequences = incident.closure?.consequences ?? likelyConsequences(incident)?.[lang] ?? null;
  const measures = incident.containment.measures.filter((m) => m.status === 'done' || m.status === 'in-progress');
  const planned = incident.improvementActions.filter((a) => a.status !== 'dropped');
  const contact = contactLine(organisation, lang);

  const parts: { key: LetterPart; text: string }[] = [
    {
      key: 'opening',
      text:
        variant === 'letter'
          ? t('Geachte heer, mevrouw,', 'Dear Sir or Madam,')
          : t(
              `Mededeling van ${organisation.name} aan iedereen die cliënt bij ons is of was.`,
              `A notice from ${organisation.name} to everyone who is or was our client.`,
            ),
    },
    {
      key: 'what-happened',
      text:
        t(
          `Op ${discovered} hebben wij ontdekt dat er een datalek is geweest waarbij ${variant === 'letter' ? 'ook uw gegevens betrokken zijn' : 'gegevens van cliënten betrokken zijn'}. Wij vinden dit heel vervelend en willen u daarom open informeren over wat er is gebeurd.`,
          `On ${discovered} we discovered a data breach involving ${variant === 'letter' ? 'your data' : 'data of our clients'}. We are very sorry about this and want to tell you openly what happened.`,
        ) +
        '\n' +
        t('Wat er is gebeurd: ', 'What happened: ') +
        (c.cause.description?.trim() || incident.report.whatHappened.trim()),
    },
    {
      key: 'which-data',
      text: categories
        ? t(`Het gaat om deze gegevens: ${categories}.`, `The data involved: ${categories}.`)
        : t(
            'Welke gegevens precies betrokken zijn, zoeken wij nog uit.',
            'We are still establishing exactly which data is involved.',
          ),
    },
    {
      key: 'consequences',
      text:
        t('Mogelijke gevolgen voor u: ', 'Possible consequences for you: ') +
        (consequences ?? t('die brengen wij nog in kaart.', 'we are still assessing them.')),
    },
    {
      key: 'measures',
      text:
        measures.length || planned.length
          ? t('Wat wij hebben gedaan en nog doen:', 'What we have done and are doing:') +
            '\n' +
            [...measures.map((m) => m.description), ...planned.map((a) => a.description)]
              .map((d) => `- ${d}`)
              .join('\n')
          : t(
              'Wij hebben direct maatregelen genomen om het lek te stoppen en herhaling te voorkomen.',
              'We took immediate measures to stop the breach and prevent it from happening again.',
            ),
    },
    {
      key: 'self-help',
      text:
        t('Wat u zelf kunt doen:', 'What you can do yourself:') +
        '\n' +
        selfHelpAdvice(incident)
          .map((a) => `- ${a[lang]}`)
          .join('\n'),
    },
    {
      key: 'contact',
      text: contact,
    },
    {
      key: 'closing',
      text: t(
        `Wij hebben het datalek gemeld bij de Autoriteit Persoonsgegevens. Ons kenmerk is ${input.reference}; noem dit als u contact opneemt.\n\nMet vriendelijke groet,\n${organisation.name}`,
        `We have notified the Dutch Data Protection Authority (Autoriteit Persoonsgegevens). Our reference is ${input.reference}; please mention it when you contact us.\n\nKind regards,\n${organisation.name}`,
      ),
    },
  ];
  if (!incident.apNotification) {
    // Art. 34 follows a notification; without one recorded, the letter must not claim it.
    parts[parts.length - 1] = {
      key: 'closing',
      text: t(
        `Ons kenmerk is ${input.reference}; noem dit als u contact opneemt.\n\nMet vriendelijke groet,\n${organisation.name}`,
        `Our reference is ${input.reference}; please mention it when you contact us.\n\nKind regards,\n${organisation.name}`,
      ),
    };
  }
  const subject = capital(
    t(
      `Informatie over een datalek bij ${organisation.name}`,
      `Information about a data breach at ${organisation.name}`,
    ),
  );
  const knownValues = [discovered, organisation.contactEmail, organisation.contactName].filter((v): v is string => !!v);
  return { language: lang, variant, subject, parts, body: parts.map((p) => p.text).join('\n\n'), knownValues };
}

/** The text with the product's own values blanked out, for the privacy guard (same length: positions stay right). */
export function withoutKnownValues(text: string, knownValues: readonly string[]): string {
  let result = text;
  for (const value of knownValues) if (value) result = result.split(value).join(' '.repeat(value.length));
  return result;
}

function contactLine(organisation: RegisterOrganisation, lang: Lang): string {
  const who =
    organisation.contactRole === 'DPO'
      ? lang === 'nl'
        ? 'onze functionaris gegevensbescherming'
        : 'our data protection officer'
      : lang === 'nl'
        ? 'onze privacycontactpersoon'
        : 'our privacy contact';
  if (!organisation.contactName || !organisation.contactEmail) {
    return lang === 'nl'
      ? `Met vragen kunt u terecht bij ${who}. [Vul de contactgegevens in: ze ontbreken nog in de organisatiegegevens.]`
      : `For questions, please contact ${who}. [Fill in the contact details: they are missing from the organisation's details.]`;
  }
  return lang === 'nl'
    ? `Met vragen kunt u terecht bij ${who}, ${organisation.contactName}, via ${organisation.contactEmail}.`
    : `For questions, please contact ${who}, ${organisation.contactName}, at ${organisation.contactEmail}.`;
}
