import type {
  IncidentFilterInput,
  IncidentStage,
  IncidentsQuery,
  NotificationClockState,
} from '../../shared/api/generated/graphql';
import type { Lang } from '../../shared/i18n/translation.service';
import { incidentLabel } from '../../shared/labels/incident-labels';
import { formatAmsterdamShort } from '../../shared/time/amsterdam-time';
import { type CountdownView, countdown } from './countdown';

export type IncidentPage = IncidentsQuery['incidents'];
export type IncidentNode = IncidentPage['nodes'][number];

/**
 * The dashboard's filters as the form holds them. One field per API argument of `IncidentFilterInput`; the text,
 * period and sort the API is getting next are added here as fields (and in `toFilterInput`), nothing else changes.
 */
export interface DashboardFilter {
  readonly stage: IncidentStage | '';
  readonly clockState: NotificationClockState | '';
  /** '' all, 'only' exercises only, 'none' without exercises. */
  readonly exercise: '' | 'only' | 'none';
}

export const NO_FILTER: DashboardFilter = { stage: '', clockState: '', exercise: '' };

export const STAGES: readonly IncidentStage[] = ['REPORTED', 'OVERVIEW', 'RESPONSE', 'CLOSED'];
export const CLOCK_STATES: readonly NotificationClockState[] = [
  'OVERDUE',
  'DUE_SOON',
  'OPEN',
  'MET',
  'MET_LATE',
  'NOT_NEEDED',
];

/** The API's filter for the form's values; null when nothing is filtered. */
export function toFilterInput(filter: DashboardFilter): IncidentFilterInput | null {
  const input: { -readonly [K in keyof IncidentFilterInput]: IncidentFilterInput[K] } = {};
  if (filter.stage) input.stage = filter.stage;
  if (filter.clockState) input.clockState = filter.clockState;
  if (filter.exercise) input.exercise = filter.exercise === 'only';
  return Object.keys(input).length > 0 ? input : null;
}

export function isFiltered(filter: DashboardFilter): boolean {
  return toFilterInput(filter) !== null;
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
