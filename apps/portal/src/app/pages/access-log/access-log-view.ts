import type { AccessLogQuery } from '../../shared/api/generated/graphql';
import type { TranslationKey } from '../../shared/i18n/nl';
import type { Lang } from '../../shared/i18n/translation.service';
import { reasonLabel, resultLabel, roleLabel } from '../../shared/labels/labels';
import '../../shared/i18n/texts/access-log';

export type AccessLogPageData = AccessLogQuery['accessLog'];
export type AccessLogEntry = AccessLogPageData['entries'][number];

/** The time zone of the chain's members; the log is read in Dutch time wherever the reader is. */
export const LOG_TIME_ZONE = 'Europe/Amsterdam';

/** How one access-log row is shown. */
export interface EntryView {
  readonly seq: string;
  readonly occurredAt: string;
  /** Date and time to the second, in Europe/Amsterdam. */
  readonly time: string;
  readonly who: string;
  readonly roles: string;
  readonly operation: string;
  readonly fields: readonly string[];
  readonly objectIds: readonly string[];
  readonly result: string;
  readonly resultText: string;
  /** e.g. "geen recht (FORBIDDEN)"; null when the row has no reason. */
  readonly reasonText: string | null;
  /**
   * Rows in this organisation's chain that did not act for it: someone of another organisation named this one
   * (`attempt`), or the platform admin changed it (`platform-admin`).
   */
  readonly outside: 'attempt' | 'platform-admin' | null;
}

type Translate = (key: TranslationKey, params?: Readonly<Record<string, string | number>>) => string;

const amsterdam = new Intl.DateTimeFormat('en-GB', {
  timeZone: LOG_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * "02-07-2026 00:30:09" (nl) / "02/07/2026 00:30:09" (en), always in Europe/Amsterdam. Put together from the
 * parts, so the text does not depend on the browser's locale data (some add a comma, some do not).
 */
export function formatLogTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of amsterdam.formatToParts(date)) {
    part[type] = value;
  }
  const separator = lang === 'nl' ? '-' : '/';
  return `${part.day}${separator}${part.month}${separator}${part.year} ${part.hour}:${part.minute}:${part.second}`;
}

/**
 * A field entry as the API records it — `name:result[:reason][ xN]`, e.g. `organisations:allowed x49` or
 * `accessLog:refused:FORBIDDEN` — in words: `organisations: toegestaan (49×)`. Anything else is shown as sent.
 */
export function fieldText(field: string, lang: Lang): string {
  const match = /^([^:]+):(allowed|refused|failed)(?::([^ ]+))?(?: x(\d+))?$/.exec(field);
  if (!match) {
    return field;
  }
  const [, name, result = '', reason, count] = match;
  const outcome = [resultLabel(result, lang), reason ? (reasonLabel(reason, lang) ?? reason) : null]
    .filter(Boolean)
    .join(', ');
  return `${name}: ${outcome}${count ? ` (${count}×)` : ''}`;
}

/** The roles column (`dpo`, `privacy-officer,employee`, `platform-admin`) in words. */
export function rolesText(roles: string | null, lang: Lang, t: Translate): string {
  const list = (roles ?? '')
    .split(',')
    .map((role) => role.trim())
    .filter(Boolean);
  if (list.length === 0) {
    return t('accessLog.noRole');
  }
  return list
    .map((role) => (role === 'platform-admin' ? t('accessLog.platformAdmin') : roleLabel(role, lang)))
    .join(', ');
}

export function entryView(entry: AccessLogEntry, lang: Lang, t: Translate): EntryView {
  const fromOutside = entry.targetOrganisationId != null && entry.organisationId == null;
  const adminChange = fromOutside && entry.roles === 'platform-admin' && entry.result === 'allowed';
  const reason = entry.reason ? reasonLabel(entry.reason, lang) : null;
  return {
    seq: entry.seq,
    occurredAt: entry.occurredAt,
    time: formatLogTime(entry.occurredAt, lang),
    who: entry.userName ?? t('accessLog.unknownUser'),
    roles: rolesText(entry.roles, lang, t),
    operation: entry.operation,
    fields: entry.fields.map((field) => fieldText(field, lang)),
    objectIds: entry.objectIds,
    result: entry.result,
    resultText: resultLabel(entry.result, lang),
    reasonText: entry.reason ? (reason ? `${reason} (${entry.reason})` : entry.reason) : null,
    outside: adminChange ? 'platform-admin' : fromOutside ? 'attempt' : null,
  };
}
