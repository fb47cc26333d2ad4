import { LINE_REJECTIONS } from '@babyconnect/domain';
import type { Lang } from '../../shared/i18n/translation.service';
import { incidentLabel } from '../../shared/labels/incident-labels';

/** HINQ's coordinator hands in a day's export here (apps/api viewer-log/daily-file.controller.ts). */
export const DAILY_FILE_PATH = '/viewer-log/daily';

/**
 * The API's answer to a daily file: the feed's answer (docs/viewer-log-format.md, "Detection: push and alerts").
 * A REST answer without a GraphQL type, so written here rather than generated.
 */
export interface DailyFileAnswer {
  batchId: string;
  sha256: string;
  /** Lines judged (stored as events). */
  events: number;
  /** Lines rejected, all reasons together. */
  rejected: number;
  /** Alerts of the windows the file touched (some may have been raised by an earlier file or push). */
  alerts: number;
  receivedAt: string;
  /** The same file was handed in before: nothing was counted again. */
  repeated: boolean;
  rejectedByReason: Partial<Record<string, number>>;
}

export interface DailyFileView {
  events: number;
  rejected: number;
  alerts: number;
  repeated: boolean;
  /** Per reason in words, in the documented order of the reasons; a reason the portal does not know yet last. */
  byReason: { reason: string; text: string; count: number }[];
}

export function dailyFileView(answer: DailyFileAnswer, lang: Lang): DailyFileView {
  const order = (reason: string) => {
    const i = (LINE_REJECTIONS as readonly string[]).indexOf(reason);
    return i === -1 ? LINE_REJECTIONS.length : i;
  };
  const byReason = Object.entries(answer.rejectedByReason)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number' && entry[1] > 0)
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([reason, count]) => ({ reason, text: incidentLabel('ViewerLogLineRejection', reason, lang), count }));
  return {
    events: answer.events,
    rejected: answer.rejected,
    alerts: answer.alerts,
    repeated: answer.repeated,
    byReason,
  };
}
