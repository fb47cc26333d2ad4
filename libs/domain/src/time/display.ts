/**
 * Instants are stored in UTC and shown in Europe/Amsterdam, the zone every organisation of the chain works in.
 * The zone abbreviation (CET/CEST) is always shown: on the night summer time ends 02:30 happens twice, and a
 * deadline must not be ambiguous.
 */

/** Languages the product shows dates in; Dutch first. */
export type DisplayLocale = 'nl' | 'en';

export const DISPLAY_TIME_ZONE = 'Europe/Amsterdam';

// en-GB, not en-US: day-month order and "CET"/"CEST" rather than "GMT+1".
const INTL_LOCALE: Readonly<Record<DisplayLocale, string>> = { nl: 'nl-NL', en: 'en-GB' };

const formatters = new Map<DisplayLocale, Intl.DateTimeFormat>();

/** E.g. `maandag 26 oktober 2026 om 13:00 CET` / `Monday, 26 October 2026 at 13:00 CET`. */
export function formatAmsterdam(instant: Date, locale: DisplayLocale): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      timeZone: DISPLAY_TIME_ZONE,
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
