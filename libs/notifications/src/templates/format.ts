// Instants are shown in Europe/Amsterdam with the zone abbreviation; the rule and its formatter are the domain's
// (libs/domain/src/time/display.ts), so a deadline reads the same in a mail as in the portal.
import { formatAmsterdam } from '@babyconnect/domain';
import type { Locale } from './locale';

export function formatInstant(instant: Date, locale: Locale): string {
  return formatAmsterdam(instant, locale);
}
