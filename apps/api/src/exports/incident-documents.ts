import type { Writable } from 'node:stream';
import {
  apAnswersText,
  formatAmsterdam,
  MISSING_ANSWER,
  type ApAnswerSection,
  type LetterLanguage,
  type LetterVariant,
} from '@babyconnect/domain';
import { IncidentPdf } from './pdf-document';
import type { Lang } from './register-sinks';

/**
 * The two documents of one incident that leave the organisation, as text and as PDF (issue 15 items 1 and 2): the
 * answers for the AP's web form, and the letter to the data subjects. Both are a few kilobytes, read whole in one
 * tenant transaction before anything is sent; the PDF is then streamed out by pdfkit.
 */
export const INCIDENT_DOCUMENTS = ['ap-notification', 'letter'] as const;
export type IncidentDocumentKind = (typeof INCIDENT_DOCUMENTS)[number];
export const DOCUMENT_FORMATS = ['pdf', 'txt'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export interface IncidentDocument {
  /** The file's name without extension, e.g. `ap-melding-DL-2026-0001`. */
  basename: string;
  text: string;
  writePdf(out: Writable): Promise<void>;
}

export interface ApNotificationDocumentInput {
  reference: string;
  organisationName: string;
  discoveredAt: Date;
  sections: readonly ApAnswerSection[];
  now: Date;
}

export function apNotificationDocument(input: ApNotificationDocumentInput, lang: Lang): IncidentDocument {
  const t = (nl: string, en: string) => (lang === 'nl' ? nl : en);
  const title = `${t('Melding aan de AP', 'Notification to the AP')} — ${input.reference}`;
  const period = `${t('ontdekt', 'discovered')} ${formatAmsterdam(input.discoveredAt, lang)}`;
  const intro = t(
    'Antwoorden voor het meldformulier van de Autoriteit Persoonsgegevens (AVG art. 33 lid 3), in de volgorde van het formulier.',
    "Answers for the Dutch DPA's (AP) notification form (GDPR art. 33(3)), in the form's order.",
  );
  return {
    basename: `${t('ap-melding', 'ap-notification')}-${input.reference}`,
    text:
      [
        `${title}\n${input.organisationName} · ${period}\n${t('Opgesteld', 'Prepared')}: ${formatAmsterdam(input.now, lang)}`,
        intro,
        apAnswersText(input.sections, lang),
      ].join('\n\n') + '\n',
    async writePdf(out) {
      const pdf = new IncidentPdf(out, lang, {
        organisationName: input.organisationName,
        title,
        period,
        exportedAt: input.now,
      });
      pdf.text(intro);
      for (const section of input.sections) {
        pdf.section(section.title[lang]);
        for (const a of section.answers) pdf.line(a.question[lang], (a.answer ?? MISSING_ANSWER)[lang]);
      }
      await pdf.end();
    },
  };
}

export interface LetterDocumentInput {
  reference: string;
  organisationName: string;
  subject: string;
  body: string;
  language: LetterLanguage;
  variant: LetterVariant;
  /** The saved version, or null for the generated draft (nothing saved yet). */
  version: number | null;
}

export function letterDocument(input: LetterDocumentInput): IncidentDocument {
  const lang = input.language;
  const t = (nl: string, en: string) => (lang === 'nl' ? nl : en);
  const which = input.version === null ? t('concept', 'draft') : `${t('versie', 'version')} ${input.version}`;
  const suffix = input.version === null ? t('concept', 'draft') : `v${input.version}`;
  const name =
    input.variant === 'letter'
      ? t('brief-betrokkenen', 'letter-data-subjects')
      : t('publieke-mededeling', 'public-communication');
  return {
    basename: `${name}-${input.reference}-${suffix}`,
    text: `${input.subject}\n\n${input.body.trimEnd()}\n`,
    async writePdf(out) {
      // A document for the data subjects: the organisation's name on top, no export time; the reference and the
      // version let the organisation match a printed letter with its register.
      const pdf = new IncidentPdf(out, lang, {
        organisationName: input.organisationName,
        title: input.subject,
        period: `${input.reference} · ${which}`,
        exportedAt: null,
      });
      pdf.section(input.subject);
      for (const paragraph of input.body.split(/\n\s*\n/)) if (paragraph.trim()) pdf.block(paragraph.trim());
      await pdf.end();
    },
  };
}
