/**
 * Stable error codes in GraphQL `extensions.code` (and in the JSON of refusals before GraphQL, e.g. a body too
 * large). The portal switches on these; the message is for people. Every code the API sends is listed here, with
 * its meaning in ERROR_CODE_MEANING.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'ORGANISATION_REQUIRED',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  // Free text looks like a client identity (privacy guard); saving needs an explicit confirmation.
  'PRIVACY_CONFIRMATION_REQUIRED',
  // A service the API depends on (the identity provider's keys, a free database connection) is not available now;
  // retrying later helps (HTTP 503, with Retry-After where the API knows how long).
  'SERVICE_UNAVAILABLE',
  // Too many requests from one client in a short time (rate limiting); HTTP 429 with Retry-After.
  'TOO_MANY_REQUESTS',
  'QUERY_TOO_COMPLEX',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  // Refusals of the HTTP request itself, before GraphQL reads it: HTTP 413 and 400.
  'PAYLOAD_TOO_LARGE',
  'BAD_REQUEST',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What each code means, for people reading a contract, a log or a support question; Dutch first. */
export const ERROR_CODE_MEANING: Readonly<Record<ErrorCode, { nl: string; en: string }>> = {
  UNAUTHENTICATED: {
    nl: 'Niet aangemeld: geen, een verlopen of een ongeldig toegangstoken. Opnieuw aanmelden helpt.',
    en: 'Not signed in: no, an expired or an invalid access token. Signing in again helps.',
  },
  FORBIDDEN: {
    nl: 'Aangemeld, maar deze handeling is voor deze persoon in deze organisatie niet toegestaan.',
    en: 'Signed in, but this person may not do this for this organisation.',
  },
  ORGANISATION_REQUIRED: {
    nl: 'De persoon werkt voor meerdere organisaties en moet eerst kiezen voor welke (x-organisation-id).',
    en: 'The person works for several organisations and must first choose which one (x-organisation-id).',
  },
  NOT_FOUND: {
    nl: 'Het gevraagde bestaat niet, of hoort bij een andere organisatie.',
    en: 'What was asked for does not exist, or belongs to another organisation.',
  },
  BAD_USER_INPUT: {
    nl: 'De invoer is niet in orde; `fields` zegt per veld wat er mis is. Opnieuw proberen helpt pas na verbeteren.',
    en: 'The input is not valid; `fields` says per field what is wrong. Retrying helps only after correcting it.',
  },
  CONFLICT: {
    nl: 'De wijziging botst met wat er al is: een sleutel die al in gebruik is, een datalek dat iemand anders intussen wijzigde (`fields`: version, met de huidige versie en wie), of een stap van het protocol die nog niet kan (`fields`: stage).',
    en: 'The change conflicts with what already exists: an alias already in use, a breach someone else changed in the meantime (`fields`: version, naming the current version and who), or a protocol step that cannot be taken yet (`fields`: stage).',
  },
  PRIVACY_CONFIRMATION_REQUIRED: {
    nl: 'Vrije tekst lijkt gegevens van een cliënt te bevatten (BSN, e-mailadres, telefoonnummer, IBAN, geboortedatum); `fields` noemt per veld wat er lijkt te staan, nooit de waarde. Haal het weg, of bevestig (confirmPrivacyWarnings) dat het geen cliëntgegevens zijn.',
    en: 'Free text looks like a client identity (BSN, e-mail address, phone number, IBAN, date of birth); `fields` names per field what seems to be there, never the value. Remove it, or confirm (confirmPrivacyWarnings) that it is not client data.',
  },
  SERVICE_UNAVAILABLE: {
    nl: 'Tijdelijk niet beschikbaar (aanmelddienst of database); later opnieuw proberen helpt.',
    en: 'Temporarily unavailable (sign-in service or database); retrying later helps.',
  },
  TOO_MANY_REQUESTS: {
    nl: 'Te veel verzoeken in korte tijd van deze client; wacht zo lang als Retry-After zegt.',
    en: 'Too many requests from this client in a short time; wait as long as Retry-After says.',
  },
  QUERY_TOO_COMPLEX: {
    nl: 'De GraphQL-vraag is te diep, te groot of heeft te veel aliassen.',
    en: 'The GraphQL query is too deep, too large or has too many aliases.',
  },
  GRAPHQL_PARSE_FAILED: {
    nl: 'De GraphQL-vraag is geen geldige GraphQL (syntaxisfout).',
    en: 'The GraphQL query is not valid GraphQL (syntax error).',
  },
  GRAPHQL_VALIDATION_FAILED: {
    nl: 'De GraphQL-vraag past niet bij het schema (onbekend veld, argument of type).',
    en: 'The GraphQL query does not fit the schema (unknown field, argument or type).',
  },
  PAYLOAD_TOO_LARGE: {
    nl: 'Het HTTP-verzoek is groter dan de API aanneemt (HTTP 413).',
    en: 'The HTTP request is larger than the API accepts (HTTP 413).',
  },
  BAD_REQUEST: {
    nl: 'Het HTTP-verzoek zelf is onleesbaar, bijvoorbeeld geen geldige JSON (HTTP 400).',
    en: 'The HTTP request itself cannot be read, for example not valid JSON (HTTP 400).',
  },
  INTERNAL_SERVER_ERROR: {
    nl: 'Onverwachte fout aan de kant van de API; het detail staat alleen in het serverlog.',
    en: 'Unexpected error on the API side; the detail is only in the server log.',
  },
};

/** Languages the API answers in: Dutch by default, English when the request asks for it (Accept-Language). */
export type Locale = 'nl' | 'en';

export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'nl';
  // Take the first language the client prefers that we speak; q-values are honoured by order of appearance
  // after sorting, which is all a two-language product needs.
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('nl')) return 'nl';
    if (tag.startsWith('en')) return 'en';
  }
  return 'nl';
}
