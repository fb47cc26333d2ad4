import type { LocalisedText } from '../text/localised-text';
import { incidentApClock } from '../breach/incident-clock';
import type { BreachIncident } from '../breach/incident';
import { CATEGORY, GROUP, KIND } from '../breach/risk-words';
import type { ApFollowUp, ApWithdrawal, DataSubjectCommunication } from './records';
import { approximately, CAUSE, EXEMPTION, listOf, MEASURE_STATUS, STAGE, SUBJECT_OUTCOME, type Lang } from './words';
import { formatAmsterdam } from '../time/display';

/**
 * One line of the breach register (datalekregister, GDPR art. 33(5), protocol step 7): the facts (cause, what
 * happened, which personal data), the consequences, the corrective measures, the decisions with their
 * considerations and departures from the advice, the AP and data-subject decisions with their dates and the AP's
 * reference, a late notification with its reasons, and the improvement actions. Every breach is in it, notified or
 * not; near misses in a list of their own; exercises never (the caller's query leaves them out, and this refuses).
 */
export interface RegisterEntryInput {
  id: string;
  reference: string;
  incident: BreachIncident;
  followUps: readonly ApFollowUp[];
  withdrawal: ApWithdrawal | null;
  communications: readonly DataSubjectCommunication[];
  /** The moment of reading: a breach not notified while its 72 hours passed is late from then on. */
  now: Date;
}

export type RegisterOutcome = 'open' | 'registered' | 'not-a-breach' | 'near-miss';

export const REGISTER_OUTCOME: Readonly<Record<RegisterOutcome, LocalisedText>> = {
  open: { nl: 'in behandeling', en: 'in progress' },
  registered: { nl: 'afgesloten en geregistreerd', en: 'closed and registered' },
  'not-a-breach': { nl: 'geen datalek', en: 'not a breach' },
  'near-miss': { nl: 'bijna-incident', en: 'near miss' },
};

/** Plain values only (text, instants, numbers, booleans): what the list, the CSV, the sheet and the PDF show. */
export interface RegisterEntry {
  id: string;
  reference: string;
  stage: string;
  outcome: RegisterOutcome;
  reportedAt: Date;
  discoveredAt: Date;
  startedAt: Date | null;
  kinds: string;
  cause: string;
  whatHappened: string;
  dataCategories: string;
  groups: string;
  persons: string;
  records: string;
  assessment: string;
  consequences: string;
  measures: string;
  apDecision: string;
  apDecisionAt: Date | null;
  apDeparture: string;
  apNotified: boolean;
  apNotifiedAt: Date | null;
  apReference: string;
  late: boolean;
  delayReasons: string;
  followUps: string;
  withdrawal: string;
  subjectsDecision: string;
  subjectsDecisionAt: Date | null;
  subjectsDeparture: string;
  subjectsInformedAt: Date | null;
  communications: string;
  dpoAdvice: string;
  improvementActions: string;
  recurrencePrevention: string;
  closedAt: Date | null;
}

export function registerEntry(input: RegisterEntryInput, lang: Lang): RegisterEntry {
  const { incident } = input;
  if (incident.exercise) throw new Error('registerEntry: an exercise is never part of the register');
  const c = incident.checklist;
  const t = (x: LocalisedText) => x[lang];
  const dateText = (d: Date) => formatAmsterdam(d, lang);
  const ap = incident.apDecision;
  const ds = incident.dataSubjectDecision;
  const notifiedAt = incident.apNotification?.submittedAt ?? null;
  const outcome: RegisterOutcome =
    incident.assessment?.conclusion === 'near-miss'
      ? 'near-miss'
      : incident.assessment?.conclusion === 'not-a-breach'
        ? 'not-a-breach'
        : incident.closure
          ? 'registered'
          : 'open';
  return {
    id: input.id,
    reference: input.reference,
    stage: t(STAGE[incident.stage]),
    outcome,
    reportedAt: incident.reportedAt,
    discoveredAt: incident.report.discoveredAt,
    startedAt: c.startedAt,
    kinds: t(listOf(c.kinds.map((k) => KIND[k]))),
    cause: [t(CAUSE[c.cause.category]), c.cause.description ?? ''].filter(Boolean).join(': '),
    whatHappened: incident.report.whatHappened,
    dataCategories: t(listOf(c.dataCategories.map((x) => CATEGORY[x]))),
    groups: t(listOf(c.groups.map((g) => GROUP[g]))),
    persons: approximately(c.persons)?.[lang] ?? '',
    records: approximately(c.records)?.[lang] ?? '',
    assessment: incident.assessment ? incident.assessment.reasoning : '',
    consequences: incident.closure?.consequences ?? '',
    measures: incident.containment.measures
      .map((m) => `${m.description} (${t(MEASURE_STATUS[m.status])}${m.doneAt ? `, ${dateText(m.doneAt)}` : ''})`)
      .join('\n'),
    apDecision: ap
      ? `${ap.notify ? (lang === 'nl' ? 'melden' : 'notify') : lang === 'nl' ? 'niet melden' : 'do not notify'}: ${ap.reasoning}`
      : '',
    apDecisionAt: ap?.decidedAt ?? null,
    apDeparture: ap?.departureReason ?? '',
    apNotified: notifiedAt !== null,
    apNotifiedAt: notifiedAt,
    apReference: incident.apNotification?.apReference ?? '',
    // Notified after the 72 hours, or not notified while they passed and a notification was not ruled out: the
    // same rule as the register's "late" filter (register.repository.ts) and the AP clock's states.
    late: ['met-late', 'overdue'].includes(incidentApClock(incident, { now: () => input.now }).state),
    delayReasons: incident.apNotification?.delayReasons ?? '',
    followUps: input.followUps
      .map((f) => `${dateText(f.submittedAt)}: ${f.summary}${f.apReference ? ` (${f.apReference})` : ''}`)
      .join('\n'),
    withdrawal: input.withdrawal ? `${dateText(input.withdrawal.withdrawnAt)}: ${input.withdrawal.reason}` : '',
    subjectsDecision: ds
      ? `${t(SUBJECT_OUTCOME[ds.outcome])}${ds.exemption ? ` (${t(EXEMPTION[ds.exemption])})` : ''}: ${ds.reasoning}`
      : '',
    subjectsDecisionAt: ds?.decidedAt ?? null,
    subjectsDeparture: ds?.departureReason ?? '',
    subjectsInformedAt: input.communications[0]?.sentAt ?? incident.dataSubjectsInformedAt,
    communications: input.communications
      .map(
        (m) =>
          `${dateText(m.sentAt)}: ${m.channel}${m.recipients !== null ? `, ${m.recipients} ${lang === 'nl' ? 'ontvangers' : 'recipients'}` : ''}`,
      )
      .join('\n'),
    dpoAdvice: incident.dpoAdvice.map((a) => `${dateText(a.recordedAt)}: ${a.text}`).join('\n'),
    improvementActions: incident.improvementActions
      .map((a) => `${a.description} (${t(MEASURE_STATUS[a.status])})`)
      .join('\n'),
    recurrencePrevention: incident.closure?.recurrencePrevention ?? '',
    closedAt: incident.closure?.closedAt ?? null,
  };
}

export type RegisterColumnType = 'text' | 'instant' | 'boolean';

export interface RegisterColumn {
  key: keyof RegisterEntry;
  header: LocalisedText;
  type: RegisterColumnType;
  /** Relative width in the PDF and the sheet (characters). */
  width: number;
}

/** The columns of the exports, in the register's order (facts, consequences, measures, decisions, lessons). */
export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  { key: 'reference', header: { nl: 'Kenmerk', en: 'Reference' }, type: 'text', width: 14 },
  { key: 'stage', header: { nl: 'Fase', en: 'Stage' }, type: 'text', width: 14 },
  { key: 'outcome', header: { nl: 'Uitkomst', en: 'Outcome' }, type: 'text', width: 16 },
  { key: 'discoveredAt', header: { nl: 'Ontdekt', en: 'Discovered' }, type: 'instant', width: 18 },
  { key: 'startedAt', header: { nl: 'Begonnen', en: 'Started' }, type: 'instant', width: 18 },
  { key: 'reportedAt', header: { nl: 'Gemeld (intern)', en: 'Reported (internally)' }, type: 'instant', width: 18 },
  { key: 'kinds', header: { nl: 'Soort inbreuk', en: 'Kind of breach' }, type: 'text', width: 18 },
  { key: 'cause', header: { nl: 'Oorzaak', en: 'Cause' }, type: 'text', width: 30 },
  { key: 'whatHappened', header: { nl: 'Wat is er gebeurd', en: 'What happened' }, type: 'text', width: 40 },
  { key: 'dataCategories', header: { nl: 'Persoonsgegevens', en: 'Personal data' }, type: 'text', width: 30 },
  { key: 'groups', header: { nl: 'Betrokkenen', en: 'Data subjects' }, type: 'text', width: 20 },
  { key: 'persons', header: { nl: 'Aantal personen', en: 'Number of persons' }, type: 'text', width: 12 },
  { key: 'records', header: { nl: 'Aantal records', en: 'Number of records' }, type: 'text', width: 12 },
  { key: 'assessment', header: { nl: 'Beoordeling (stap 2)', en: 'Assessment (step 2)' }, type: 'text', width: 30 },
  { key: 'consequences', header: { nl: 'Gevolgen', en: 'Consequences' }, type: 'text', width: 30 },
  { key: 'measures', header: { nl: 'Corrigerende maatregelen', en: 'Corrective measures' }, type: 'text', width: 36 },
  {
    key: 'apDecision',
    header: { nl: 'Besluit melden AP + overweging', en: 'AP decision + consideration' },
    type: 'text',
    width: 30,
  },
  { key: 'apDecisionAt', header: { nl: 'Besluit AP op', en: 'AP decision on' }, type: 'instant', width: 18 },
  {
    key: 'apDeparture',
    header: { nl: 'Afwijking van advies (AP)', en: 'Departure from advice (AP)' },
    type: 'text',
    width: 24,
  },
  { key: 'apNotified', header: { nl: 'Gemeld bij AP', en: 'Notified to AP' }, type: 'boolean', width: 8 },
  { key: 'apNotifiedAt', header: { nl: 'Gemeld bij AP op', en: 'Notified to AP on' }, type: 'instant', width: 18 },
  { key: 'apReference', header: { nl: 'Meldnummer AP', en: 'AP reference' }, type: 'text', width: 14 },
  { key: 'late', header: { nl: 'Te laat (na 72 uur)', en: 'Late (after 72 hours)' }, type: 'boolean', width: 8 },
  { key: 'delayReasons', header: { nl: 'Redenen vertraging', en: 'Reasons for delay' }, type: 'text', width: 24 },
  { key: 'followUps', header: { nl: 'Vervolgmeldingen', en: 'Follow-up notifications' }, type: 'text', width: 24 },
  { key: 'withdrawal', header: { nl: 'Intrekking', en: 'Withdrawal' }, type: 'text', width: 20 },
  {
    key: 'subjectsDecision',
    header: { nl: 'Besluit betrokkenen + overweging', en: 'Data-subject decision + consideration' },
    type: 'text',
    width: 30,
  },
  {
    key: 'subjectsDecisionAt',
    header: { nl: 'Besluit betrokkenen op', en: 'Data-subject decision on' },
    type: 'instant',
    width: 18,
  },
  {
    key: 'subjectsDeparture',
    header: { nl: 'Afwijking van advies (betrokkenen)', en: 'Departure from advice (data subjects)' },
    type: 'text',
    width: 24,
  },
  {
    key: 'subjectsInformedAt',
    header: { nl: 'Betrokkenen geïnformeerd op', en: 'Data subjects informed on' },
    type: 'instant',
    width: 18,
  },
  {
    key: 'communications',
    header: { nl: 'Verzending aan betrokkenen', en: 'Sent to data subjects' },
    type: 'text',
    width: 24,
  },
  { key: 'dpoAdvice', header: { nl: 'Advies FG', en: 'DPO advice' }, type: 'text', width: 30 },
  { key: 'improvementActions', header: { nl: 'Verbeteracties', en: 'Improvement actions' }, type: 'text', width: 30 },
  {
    key: 'recurrencePrevention',
    header: { nl: 'Herhaling voorkomen', en: 'Preventing recurrence' },
    type: 'text',
    width: 30,
  },
  { key: 'closedAt', header: { nl: 'Afgesloten op', en: 'Closed on' }, type: 'instant', width: 18 },
];

/** A cell as text (CSV, PDF): instants in Europe/Amsterdam as `yyyy-mm-dd hh:mm`, booleans as ja/nee. */
export function cellText(entry: RegisterEntry, column: RegisterColumn, lang: Lang): string {
  const value = entry[column.key];
  if (value === null || value === undefined) return '';
  if (column.key === 'outcome') return REGISTER_OUTCOME[value as RegisterOutcome][lang];
  if (value instanceof Date) return isoAmsterdam(value);
  if (typeof value === 'boolean') return value ? (lang === 'nl' ? 'ja' : 'yes') : lang === 'nl' ? 'nee' : 'no';
  return String(value);
}

const ISO_PARTS = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** Amsterdam's UTC offset per UTC hour, as read from the time-zone database (Intl); bounded, cleared when full. */
const OFFSET_BY_HOUR = new Map<number, number>();

/**
 * Europe/Amsterdam's offset from UTC at `at`, in milliseconds. Intl is the source (no rule of our own for summer
 * time), asked once per UTC hour: Amsterdam's offset only ever changed on a whole UTC hour. An export of 10,000
 * rows had called Intl for every cell's instant, a twentieth of the CSV's time.
 */
export function amsterdamOffsetMs(at: Date): number {
  const hour = Math.floor(at.getTime() / HOUR_MS);
  let offset = OFFSET_BY_HOUR.get(hour);
  if (offset === undefined) {
    const parts = Object.fromEntries(
      ISO_PARTS.formatToParts(new Date(hour * HOUR_MS)).map((p) => [p.type, Number(p.value)]),
    ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute', number>;
    offset = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute) - hour * HOUR_MS;
    if (OFFSET_BY_HOUR.size >= 100_000) OFFSET_BY_HOUR.clear();
    OFFSET_BY_HOUR.set(hour, offset);
  }
  return offset;
}

/** The Amsterdam wall-clock time of `at` as a Date whose UTC fields hold it, floored to the minute. */
export function amsterdamWallClock(at: Date): Date {
  const local = at.getTime() + amsterdamOffsetMs(at);
  return new Date(local - (((local % MINUTE_MS) + MINUTE_MS) % MINUTE_MS));
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** `2026-10-23 23:40` in Europe/Amsterdam: sortable, unambiguous enough beside the export's stated zone. */
export function isoAmsterdam(at: Date): string {
  const w = amsterdamWallClock(at);
  return `${w.getUTCFullYear()}-${two(w.getUTCMonth() + 1)}-${two(w.getUTCDate())} ${two(w.getUTCHours())}:${two(w.getUTCMinutes())}`;
}
