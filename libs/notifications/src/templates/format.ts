// Instants are stored in UTC and shown in Europe/Amsterdam. The zone abbreviation (CET/CEST) is always shown:
// on the night summer time ends 02:30 happens twice, and a deadline must not be ambiguous.
import type { Locale } from './locale';

// en-GB, not en-US: day-month order and "CET"/"CEST" rather than "GMT+1".
const INTL_LOCALE: Readonly<Record<Locale, string>> = { nl: 'nl-NL', en: 'en-GB' };

const formatters = new Map<Locale, Intl.DateTimeFormat>();

export function formatInstant(instant: Date, locale: Locale): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      timeZone: 'Europe/Amsterdam',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(locale, formatter);
  }
  return formatter.format(instant);
}
