import { codePointLength } from '@babyconnect/domain';
import type { ViewerLogAlertRowFragment } from '../../shared/api/generated/graphql';
import type { Lang } from '../../shared/i18n/translation.service';
import { incidentLabel } from '../../shared/labels/incident-labels';
import { LOG_TIME_ZONE } from '../access-log/access-log-view';

export type ViewerLogAlert = ViewerLogAlertRowFragment;

/** The API keeps at most this many characters of a dismissal reason (docs/viewer-log-format.md). */
export const MAX_REASON_LENGTH = 2000;

/** How one alert is shown. */
export interface AlertView {
  readonly id: string;
  readonly rule: string;
  /** The rule in words, e.g. "dossiers van ongewoon veel organisaties of cliënten". */
  readonly ruleText: string;
  readonly account: string;
  readonly organisationId: string;
  readonly organisation: string;
  readonly windowStart: string;
  /** "02-07-2026 10:00–11:00" (Amsterdam time); both dates when the window spans midnight. */
  readonly windowText: string;
  readonly raisedAt: string;
  readonly raisedText: string;
  readonly accesses: number;
  readonly distinctRecords: number;
  readonly distinctOrganisations: number;
  /** The raised suspected breach, for a reader who may open it, with its workflow stage in words. */
  readonly incident: { readonly id: string; readonly reference: string; readonly stage: string | null } | null;
  /** The reference without a link: the reader may know it exists but not open it. */
  readonly incidentReference: string | null;
  readonly state: 'open' | 'dismissed';
  readonly dismissedAt: string | null;
  readonly dismissedText: string | null;
  readonly dismissedBy: string | null;
  readonly dismissalReason: string | null;
}

const amsterdam = new Intl.DateTimeFormat('en-GB', {
  timeZone: LOG_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

interface Parts {
  readonly date: string;
  readonly time: string;
}

/** Date and time in Europe/Amsterdam, from the parts so the text does not depend on the browser's locale data. */
function amsterdamParts(iso: string, lang: Lang): Parts | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of amsterdam.formatToParts(date)) part[type] = value;
  const separator = lang === 'nl' ? '-' : '/';
  return {
    date: `${part.day}${separator}${part.month}${separator}${part.year}`,
    time: `${part.hour}:${part.minute}`,
  };
}

/** "02-07-2026 10:05" (nl) / "02/07/2026 10:05" (en) in Amsterdam time; the input as sent if it is no date. */
export function formatAlertTime(iso: string, lang: Lang): string {
  const parts = amsterdamParts(iso, lang);
  return parts ? `${parts.date} ${parts.time}` : iso;
}

/**
 * A window in Amsterdam time: "02-07-2026 10:00–11:00" within one day; a window that ends at midnight ends at
 * "24:00" of its own day (the rules' windows are aligned blocks, and "00:00" would read as the window's start);
 * otherwise both dates.
 */
export function formatWindow(startIso: string, endIso: string, lang: Lang): string {
  const start = amsterdamParts(startIso, lang);
  const end = amsterdamParts(endIso, lang);
  if (!start || !end) return `${startIso}–${endIso}`;
  if (start.date === end.date) return `${start.date} ${start.time}–${end.time}`;
  const justBefore = amsterdamParts(new Date(new Date(endIso).getTime() - 1).toISOString(), lang);
  if (end.time === '00:00' && justBefore?.date === start.date) return `${start.date} ${start.time}–24:00`;
  return `${start.date} ${start.time} – ${end.date} ${end.time}`;
}

export function alertView(alert: ViewerLogAlert, lang: Lang): AlertView {
  const dismissed = alert.dismissedAt !== null;
  return {
    id: alert.id,
    rule: alert.rule,
    ruleText: incidentLabel('ViewerLogDetectionRule', alert.rule, lang),
    account: alert.account,
    organisationId: alert.organisation.id,
    organisation: alert.organisation.name,
    windowStart: alert.windowStart,
    windowText: formatWindow(alert.windowStart, alert.windowEnd, lang),
    raisedAt: alert.raisedAt,
    raisedText: formatAlertTime(alert.raisedAt, lang),
    accesses: alert.accesses,
    distinctRecords: alert.distinctRecords,
    distinctOrganisations: alert.distinctOrganisations,
    incident: alert.incidentId
      ? {
          id: alert.incidentId,
          reference: alert.incidentReference ?? alert.incidentId,
          stage: alert.incidentStage ? incidentLabel('IncidentStage', alert.incidentStage, lang) : null,
        }
      : null,
    incidentReference: alert.incidentId ? null : alert.incidentReference,
    state: dismissed ? 'dismissed' : 'open',
    dismissedAt: alert.dismissedAt,
    dismissedText: alert.dismissedAt ? formatAlertTime(alert.dismissedAt, lang) : null,
    dismissedBy: dismissed ? alert.dismissedByName : null,
    dismissalReason: dismissed ? alert.dismissalReason : null,
  };
}

/** Open alerts first (they ask for a decision), each group in the API's order (newest first). */
export function alertViews(alerts: readonly ViewerLogAlert[], lang: Lang): readonly AlertView[] {
  const views = alerts.map((alert) => alertView(alert, lang));
  return [...views.filter((v) => v.state === 'open'), ...views.filter((v) => v.state === 'dismissed')];
}

export interface AlertCounts {
  readonly open: number;
  readonly dismissed: number;
}

export function alertCounts(alerts: readonly ViewerLogAlert[]): AlertCounts {
  const open = alerts.filter((alert) => alert.dismissedAt === null).length;
  return { open, dismissed: alerts.length - open };
}

/** What is wrong with a dismissal reason, if anything: the API refuses an empty or too long one too. */
export function reasonProblem(reason: string): 'required' | 'tooLong' | null {
  const trimmed = reason.trim();
  if (trimmed.length === 0) return 'required';
  // Characters as a person counts them (code points), as the API does: an emoji is one.
  if (codePointLength(trimmed) > MAX_REASON_LENGTH) return 'tooLong';
  return null;
}
