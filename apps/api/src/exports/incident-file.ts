import {
  apNotificationAnswers,
  formatAmsterdam,
  registerEntry,
  REGISTER_COLUMNS,
  cellText,
  type ApAnswerSection,
  type BreachIncident,
  type RegisterOrganisation,
} from '@babyconnect/domain';
import type { StoredEvent } from '../incidents/incidents.repository';
import type { IncidentRecords } from '../register/register.repository';
import type { IncidentPdf } from './pdf-document';

type Lang = 'nl' | 'en';

export interface IncidentFile {
  id: string;
  reference: string;
  incident: BreachIncident;
  records: IncidentRecords;
  organisation: RegisterOrganisation;
  history: StoredEvent[];
  now: Date;
}

/**
 * One incident's whole file as the inspector reads it: the register's fields (facts, consequences, measures,
 * decisions with considerations and departures, AP and data-subject records), the AP form's answers, the FG's
 * advice, and the history — every change with who, when, old → new, the reason, and the risk advice shown at each
 * decision with its reasons.
 */
export function writeIncidentFile(pdf: IncidentPdf, file: IncidentFile, lang: Lang): void {
  const t = (nl: string, en: string) => (lang === 'nl' ? nl : en);
  const when = (d: Date) => formatAmsterdam(d, lang);
  if (file.incident.exercise)
    pdf.text(t('OEFENING — telt niet mee in het register.', 'EXERCISE — not part of the register.'));

  pdf.section(t('Register (AVG art. 33 lid 5)', 'Register (GDPR art. 33(5))'));
  if (!file.incident.exercise) {
    const entry = registerEntry(
      { id: file.id, reference: file.reference, incident: file.incident, ...file.records, now: file.now },
      lang,
    );
    for (const column of REGISTER_COLUMNS) pdf.line(column.header[lang], cellText(entry, column, lang));
  } else {
    pdf.line(t('Wat is er gebeurd', 'What happened'), file.incident.report.whatHappened);
  }

  pdf.section(t('Antwoorden voor het meldformulier van de AP', 'Answers for the AP notification form'));
  const sections: ApAnswerSection[] = apNotificationAnswers({
    reference: file.reference,
    incident: file.incident,
    organisation: file.organisation,
    ...file.records,
    now: file.now,
  });
  for (const section of sections) {
    for (const answer of section.answers) {
      pdf.line(
        `${section.title[lang]} — ${answer.question[lang]}`,
        answer.answer?.[lang] ?? t('[nog niet bekend]', '[not yet known]'),
      );
    }
  }

  pdf.section(t('Advies van de FG', "The DPO's advice"));
  if (file.incident.dpoAdvice.length === 0) pdf.text(t('Geen advies vastgelegd.', 'No advice recorded.'));
  for (const advice of file.incident.dpoAdvice) pdf.line(when(advice.recordedAt), advice.text);

  pdf.section(t('Geschiedenis', 'History'));
  for (const { event, byName, advice } of file.history) {
    const lines = event.changes.map((c) => `${c.field}: ${short(c.from)} → ${short(c.to)}`);
    if (event.reason) lines.push(`${t('Reden', 'Reason')}: ${event.reason}`);
    if (advice) {
      lines.push(`${t('Risicoadvies getoond', 'Risk advice shown')} (${advice.modelVersion}): ${advice.summary[lang]}`);
      for (const reason of advice.reasons) lines.push(`  - ${reason.text[lang]}`);
    }
    pdf.line(`v${event.version} · ${when(event.at)} · ${byName ?? event.personId} · ${event.type}`, lines.join('\n'));
  }
}

function short(value: unknown): string {
  const text = value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}
