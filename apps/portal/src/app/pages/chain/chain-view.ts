import { PARTNER_DUE_SOON_HOURS } from '@babyconnect/domain';
import type {
  ChainDirectoryQuery,
  ChainFiguresQuery,
  ChainIncidentDetailFragment,
  ChainIncidentsQuery,
  ChainOverviewQuery,
  NotificationClockState,
  PartnerNotificationDetailFragment,
} from '../../shared/api/generated/graphql';
import type { Lang } from '../../shared/i18n/translation.service';
import { incidentLabel } from '../../shared/labels/incident-labels';
import { type CountdownView, countdown } from '../dashboard/countdown';
import { formatInstant } from '../incident/incident-view';
import '../../shared/i18n/texts/chain';

/**
 * Pure helpers of the chain pages (issue 17): what to show and what may be done, from the chain part as the API sent
 * it. No Angular here, so each rule has a plain unit test (chain-view.spec.ts). The API decides every action; these
 * only keep a button away from someone it would refuse.
 */
export type ChainIncident = ChainIncidentDetailFragment;
export type ChainListItem = ChainIncidentsQuery['chainIncidents'][number];
export type PartnerNotification = PartnerNotificationDetailFragment;
export type OverviewRow = ChainOverviewQuery['chainOverview']['rows'][number];
export type DirectoryEntry = ChainDirectoryQuery['organisations'][number];
export type QuarterFigures = ChainFiguresQuery['chainFigures'][number];

interface ClockData {
  readonly state: NotificationClockState;
  readonly deadline: string;
}

/** A partner's 24-hour clock live: "due soon" at the chain's own threshold (4 hours), not the AP's 12. */
export function partnerCountdown(clock: ClockData, now: Date, lang: Lang): CountdownView {
  return countdown(clock, now, lang, PARTNER_DUE_SOON_HOURS);
}

const RUNNING: ReadonlySet<NotificationClockState> = new Set(['OPEN', 'DUE_SOON', 'OVERDUE']);

/**
 * The list's one countdown per chain incident: the most urgent partner clock that still runs; with no partner
 * chosen yet the 24 hours from discovery run all the same (a partner added later gets no fresh 24 hours); once
 * every chosen partner is informed, the first partner's decided state (in time or late).
 */
export function chainCountdown(chain: ChainListItem, now: Date, lang: Lang): CountdownView {
  const running = chain.partners
    .map((p) => p.informClock)
    .filter((c) => RUNNING.has(c.state))
    .sort((a, b) => new Date(a.deadline).getTime() - new Date(b.deadline).getTime());
  const clock = running[0] ?? chain.partners[0]?.informClock ?? { state: 'OPEN', deadline: chain.partnerDeadline };
  return partnerCountdown(clock, now, lang);
}

export interface ChainListRow {
  readonly id: string;
  readonly reference: string;
  readonly exercise: boolean;
  readonly reporter: string;
  readonly scenario: string;
  readonly scenarioText: string;
  /** How the acting organisation takes part: "melder", "HINQ-coördinator", "geïnformeerde partner". */
  readonly participationText: string;
  readonly discoveredText: string;
  readonly discoveredAt: string;
  /** Partners chosen / informed (sent or acknowledged). */
  readonly partnersChosen: number;
  readonly partnersInformed: number;
  readonly clock: CountdownView;
}

const INFORMED: ReadonlySet<string> = new Set(['SENT', 'ACKNOWLEDGED']);

export function chainListRow(chain: ChainListItem, now: Date, lang: Lang): ChainListRow {
  return {
    id: chain.id,
    reference: chain.reference,
    exercise: chain.exercise,
    reporter: chain.reportingOrganisation.name,
    scenario: chain.scenario,
    scenarioText: incidentLabel('ChainScenario', chain.scenario, lang),
    participationText: chain.participation.map((p) => incidentLabel('ChainParticipation', p, lang)).join(', '),
    discoveredText: formatInstant(chain.discoveredAt, lang),
    discoveredAt: chain.discoveredAt,
    partnersChosen: chain.partners.length,
    partnersInformed: chain.partners.filter((p) => INFORMED.has(p.status)).length,
    clock: chainCountdown(chain, now, lang),
  };
}

/** The awareness rule in the reader's language, as the API words it (the rule lives in libs/domain). */
export function awarenessRule(
  awareness: { ruleNl: string; ruleEn: string } | null | undefined,
  lang: Lang,
): string | null {
  if (!awareness) return null;
  return lang === 'en' ? awareness.ruleEn : awareness.ruleNl;
}

/** One partner in the matrix, in words. */
export interface MatrixRow {
  readonly id: string;
  readonly partner: string;
  readonly status: string;
  readonly statusText: string;
  readonly informBy: string;
  readonly clock: CountdownView;
  readonly informedAt: string;
  readonly acknowledgedAt: string;
  /** "bevestiging van ontvangst, 02-06-2026 10:00" with the rule beside it; null before sending. */
  readonly awareness: { readonly basis: string; readonly at: string; readonly rule: string } | null;
  readonly ownApDecision: string;
  readonly dataSubjects: string;
}

type Yes = (key: 'chain.yes' | 'chain.no' | 'chain.notYet') => string;

export function matrixRow(row: OverviewRow, now: Date, lang: Lang, words: Yes): MatrixRow {
  const informed = row.informedAt !== null && row.informedAt !== undefined;
  return {
    id: row.partnerNotificationId,
    partner: row.partnerOrganisation.name,
    status: row.status,
    statusText: incidentLabel('PartnerNotificationStatus', row.status, lang),
    informBy: formatInstant(row.informBy, lang),
    clock: partnerCountdown(row.informClock, now, lang),
    informedAt: informed ? formatInstant(row.informedAt, lang) : words('chain.notYet'),
    acknowledgedAt: row.acknowledgedAt ? formatInstant(row.acknowledgedAt, lang) : words('chain.notYet'),
    awareness: row.awareness
      ? {
          basis: incidentLabel('AwarenessBasis', row.awareness.basis, lang),
          at: formatInstant(row.awareness.at, lang),
          rule: awarenessRule(row.awareness, lang) ?? '',
        }
      : null,
    ownApDecision: !informed
      ? '—'
      : row.ownApDecisionTaken
        ? row.ownApNotifiedAt
          ? `${words('chain.yes')} (${formatInstant(row.ownApNotifiedAt, lang)})`
          : words('chain.yes')
        : words('chain.notYet'),
    dataSubjects: !informed
      ? '—'
      : row.dataSubjectsInformedAt
        ? `${words('chain.yes')} (${formatInstant(row.dataSubjectsInformedAt, lang)})`
        : row.dataSubjectsDecided
          ? words('chain.no')
          : words('chain.notYet'),
  };
}

/** What the acting organisation may do on one chain incident (the API checks again). */
export interface ChainRights {
  /** Reporter (privacy officer, FG) or HINQ's coordinator: choose partners, compose, adjust, send. */
  readonly coordinate: boolean;
  /** The reporter's privacy officer or FG; in scenario A also HINQ. */
  readonly approve: boolean;
  /** Reporter, HINQ, informed partner: read and post on the shared timeline. */
  readonly timeline: boolean;
  /** Only its own notification and the timeline (an informed partner that is neither reporter nor HINQ). */
  readonly partnerOnly: boolean;
}

export function chainRights(
  chain: Pick<ChainIncident, 'participation' | 'scenario'>,
  can: (action: 'update' | 'approve', subject: 'ChainIncident') => boolean,
): ChainRights {
  const reporter = chain.participation.includes('REPORTER');
  const coordinator = chain.participation.includes('COORDINATOR');
  return {
    coordinate: (reporter || coordinator) && can('update', 'ChainIncident'),
    approve: can('approve', 'ChainIncident') && (reporter || (coordinator && chain.scenario === 'A')),
    timeline: chain.participation.length > 0,
    partnerOnly: !reporter && !coordinator,
  };
}

/** A count field's text as the API's `affectedRecords` (empty: not known; not a whole number: NaN). */
export function recordsValue(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isInteger(n) ? n : NaN;
}

export interface AdjustmentValues {
  readonly nature: string;
  readonly impact: string;
  readonly measures: string;
  readonly records: string;
}

export interface AdjustmentInput {
  nature?: string;
  impact?: string;
  measures?: string;
  affectedRecords?: number | null;
}

/**
 * One partner's adjustment (issue 17 item 3): only the fields that differ from its notification as it reads now, so
 * an unchanged field keeps following the shared text. `records-invalid` when the count is not a whole number ≥ 0.
 */
export function partnerAdjustment(
  values: AdjustmentValues,
  content: Pick<
    NonNullable<PartnerNotification['content']>,
    'nature' | 'impact' | 'measures' | 'affectedRecords'
  > | null,
): AdjustmentInput | 'records-invalid' {
  const records = recordsValue(values.records);
  if (records !== null && (Number.isNaN(records) || records < 0)) return 'records-invalid';
  const input: AdjustmentInput = {};
  for (const field of ['nature', 'impact', 'measures'] as const) {
    if (values[field] !== (content?.[field] ?? '')) input[field] = values[field];
  }
  if (records !== (content?.affectedRecords ?? null)) input.affectedRecords = records;
  return input;
}

/** After the 24 hours the sender must say why it is late (the API refuses a late send without reasons). */
export function needsDelayReasons(partner: Pick<PartnerNotification, 'informBy'>, now: Date): boolean {
  return now.getTime() > new Date(partner.informBy).getTime();
}

/** Organisations that can still be chosen: not the reporter, not HINQ (it coordinates), not chosen already. */
export function choosable(
  directory: readonly DirectoryEntry[],
  chain: Pick<ChainIncident, 'reportingOrganisation' | 'partners'>,
): DirectoryEntry[] {
  const chosen = new Set(chain.partners.map((p) => p.partnerOrganisation.id));
  return directory
    .filter((o) => o.kind !== 'HINQ' && o.id !== chain.reportingOrganisation.id && !chosen.has(o.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/**
 * On the incident page: offer the scenario when no chain incident exists yet; recommend it when the report says
 * other organisations are (or may be) involved.
 */
export function declarationAdvice(otherOrganisationsInvolved: string): 'recommended' | 'optional' {
  return otherOrganisationsInvolved === 'YES' || otherOrganisationsInvolved === 'UNKNOWN' ? 'recommended' : 'optional';
}

/** HINQ's figures as a table: one row per organisation, one cell per quarter (oldest first). */
export interface FiguresTable {
  readonly quarters: readonly string[];
  readonly rows: readonly {
    readonly organisation: string;
    readonly cells: readonly (QuarterFigures | null)[];
    /** Quarters with the low-reporting signal. */
    readonly lowQuarters: readonly string[];
  }[];
}

export function figuresTable(figures: readonly QuarterFigures[]): FiguresTable {
  const quarters = [...new Set(figures.map((f) => f.quarter))].sort();
  const byOrganisation = new Map<string, { name: string; cells: Map<string, QuarterFigures> }>();
  for (const f of figures) {
    const entry = byOrganisation.get(f.organisation.id) ?? { name: f.organisation.name, cells: new Map() };
    entry.cells.set(f.quarter, f);
    byOrganisation.set(f.organisation.id, entry);
  }
  const rows = [...byOrganisation.values()]
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
    .map(({ name, cells }) => ({
      organisation: name,
      cells: quarters.map((q) => cells.get(q) ?? null),
      lowQuarters: quarters.filter((q) => cells.get(q)?.lowReportingSignal),
    }));
  return { quarters, rows };
}
