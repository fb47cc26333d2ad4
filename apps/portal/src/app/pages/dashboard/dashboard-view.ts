import type {
  IncidentFilterInput,
  IncidentSort,
  IncidentStage,
  IncidentsQuery,
  NotificationClockState,
} from '../../shared/api/generated/graphql';
import type { Lang } from '../../shared/i18n/translation.service';
import { incidentLabel } from '../../shared/labels/incident-labels';
import { formatAmsterdamShort, fromAmsterdamInput } from '../../shared/time/amsterdam-time';
import { type CountdownView, countdown } from './countdown';
import '../../shared/i18n/texts/dashboard';

export type IncidentPage = IncidentsQuery['incidents'];
export type IncidentNode = IncidentPage['nodes'][number];

/** The dashboard's filters and order as the form holds them; `toFilterInput` and `sortOf` make the API's arguments. */
export interface DashboardFilter {
  readonly stage: IncidentStage | '';
  readonly clockState: NotificationClockState | '';
  /** '' all, 'only' exercises only, 'none' without exercises. */
  readonly exercise: '' | 'only' | 'none';
  /** A reference (DL-2026-0042, 0042) or words of what happened; sent from 2 characters on. */
  readonly text: string;
  /** The period of discovery as calendar days in Amsterdam (`yyyy-mm-dd` from `<input type="date">`), inclusive. */
  readonly discoveredFrom: string;
  readonly discoveredTo: string;
  readonly sort: IncidentSort;
}

export const NO_FILTER: DashboardFilter = {
  stage: '',
  clockState: '',
  exercise: '',
  text: '',
  discoveredFrom: '',
  discoveredTo: '',
  sort: 'REPORTED_NEWEST',
};

export const SORTS: readonly IncidentSort[] = ['REPORTED_NEWEST', 'DEADLINE_SOONEST', 'DISCOVERED_NEWEST'];
/** The API's limits on the search text (IncidentFilterInput.text). */
export const TEXT_MIN = 2;
export const TEXT_MAX = 100;

export const STAGES: readonly IncidentStage[] = ['REPORTED', 'OVERVIEW', 'RESPONSE', 'CLOSED'];
export const CLOCK_STATES: readonly NotificationClockState[] = [
  'OVERDUE',
  'DUE_SOON',
  'OPEN',
  'MET',
  'MET_LATE',
  'NOT_NEEDED',
];

/**
 * The API's filter for the form's values; null when nothing is filtered. A search text shorter than the API
 * accepts is not sent yet (the person is still typing), and a period is sent only when its days are valid and in
 * order — `filterProblem` says what is wrong instead of the API refusing the request.
 */
export function toFilterInput(filter: DashboardFilter): IncidentFilterInput | null {
  const input: { -readonly [K in keyof IncidentFilterInput]: IncidentFilterInput[K] } = {};
  if (filter.stage) input.stage = filter.stage;
  if (filter.clockState) input.clockState = filter.clockState;
  if (filter.exercise) input.exercise = filter.exercise === 'only';
  const text = filter.text.trim();
  if (text.length >= TEXT_MIN && text.length <= TEXT_MAX) input.text = text;
  if (!filterProblem(filter)) {
    const from = startOfAmsterdamDay(filter.discoveredFrom);
    const to = startOfAmsterdamDay(filter.discoveredTo, 1);
    if (from) input.discoveredFrom = from.toISOString();
    if (to) input.discoveredTo = to.toISOString();
  }
  return Object.keys(input).length > 0 ? input : null;
}

/** The order to ask for; the API's default (newest report first) is not sent. */
export function sortOf(filter: DashboardFilter): IncidentSort | null {
  return filter.sort === 'REPORTED_NEWEST' ? null : filter.sort;
}

export function isFiltered(filter: DashboardFilter): boolean {
  return (
    toFilterInput(filter) !== null || filter.text.trim() !== '' || !!filter.discoveredFrom || !!filter.discoveredTo
  );
}

/** What stops a filter from being sent, as a translation key; null when it can be sent as it is. */
export function filterProblem(
  filter: DashboardFilter,
): 'dashboard.filter.textTooShort' | 'dashboard.filter.textTooLong' | 'dashboard.filter.periodOrder' | null {
  const text = filter.text.trim();
  if (text.length > 0 && text.length < TEXT_MIN) return 'dashboard.filter.textTooShort';
  if (text.length > TEXT_MAX) return 'dashboard.filter.textTooLong';
  const from = startOfAmsterdamDay(filter.discoveredFrom);
  const to = startOfAmsterdamDay(filter.discoveredTo, 1);
  if (from && to && from >= to) return 'dashboard.filter.periodOrder';
  return null;
}

/** 00:00 Amsterdam time of the day `yyyy-mm-dd` (plus `addDays`), as an instant; null for an empty or bad value. */
export function startOfAmsterdamDay(day: string, addDays = 0): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = match.slice(1).map(Number) as [number, number, number];
  const asked = new Date(Date.UTC(year, month - 1, date));
  if (Number.isNaN(asked.getTime()) || asked.toISOString().slice(0, 10) !== day) return null; // e.g. 2026-02-30
  const iso = new Date(Date.UTC(year, month - 1, date + addDays)).toISOString().slice(0, 10);
  return fromAmsterdamInput(`${iso}T00:00`);
}

/** How one incident is shown in the list. */
export interface IncidentRow {
  readonly id: string;
  readonly reference: string;
  readonly exercise: boolean;
  readonly stage: IncidentStage;
  readonly stageText: string;
  /** The start of "what happened", cut at a word where possible; null when the reader may not see it. */
  readonly what: string | null;
  readonly discoveredAt: string;
  readonly discoveredText: string;
  /** The live AP countdown; null for a reader who sees only the status (an employee). */
  readonly clock: CountdownView | null;
}

/** Characters of "what happened" a row shows (the API sends at most 160). */
export const WHAT_SHOWN = 90;

/** `text` cut to about `max` characters at a word boundary, with an ellipsis when something was left out. */
export function shorten(text: string, max = WHAT_SHOWN, cutByApi = false): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= max) return cutByApi ? `${flat}…` : flat;
  const head = chars.slice(0, max).join('');
  const space = head.lastIndexOf(' ');
  return `${(space > max * 0.6 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** The API cuts "what happened" at this many characters (IncidentSummary.whatHappenedExcerpt). */
const API_EXCERPT_LENGTH = 160;

export function incidentRow(node: IncidentNode, now: Date, lang: Lang): IncidentRow {
  const excerpt = node.whatHappenedExcerpt;
  return {
    id: node.id,
    reference: node.reference,
    exercise: node.exercise,
    stage: node.stage,
    stageText: incidentLabel('IncidentStage', node.stage, lang),
    what: excerpt == null ? null : shorten(excerpt, WHAT_SHOWN, [...excerpt].length >= API_EXCERPT_LENGTH),
    discoveredAt: node.discoveredAt,
    discoveredText: formatAmsterdamShort(node.discoveredAt, lang),
    clock: node.apClock ? countdown(node.apClock, now, lang) : null,
  };
}

/**
 * "Wat vraagt mijn aandacht": open incidents whose AP clock is due soon or overdue (now, not when loaded), or that
 * wait for the privacy officer's assessment (stage REPORTED). Overdue first, then due soon by deadline, then waiting.
 */
export function attentionRows(rows: readonly IncidentRow[]): IncidentRow[] {
  const seen = new Set<string>();
  const rank = (row: IncidentRow) => (row.clock?.overdue ? 0 : row.clock?.dueSoon ? 1 : 2);
  return rows
    .filter((row) => {
      if (seen.has(row.id) || row.stage === 'CLOSED') return false;
      seen.add(row.id);
      return row.clock?.overdue || row.clock?.dueSoon || row.stage === 'REPORTED';
    })
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.clock && b.clock ? Date.parse(a.clock.deadlineIso) - Date.parse(b.clock.deadlineIso) : 0),
    );
}
