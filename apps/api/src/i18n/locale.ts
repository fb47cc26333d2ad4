import Negotiator from 'negotiator';
import type { Locale } from '@babyconnect/contracts';

const SPOKEN: Locale[] = ['nl', 'en'];

/** The request's language from Accept-Language (q-values and ranges honoured by `negotiator`); Dutch by default. */
export function localeOf(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'nl';
  const preferred = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language(SPOKEN);
  return (preferred as Locale | undefined) ?? 'nl';
}
