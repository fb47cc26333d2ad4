/**
 * Stable error codes in GraphQL `extensions.code`. The portal switches on these; the message is for people.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'ORGANISATION_REQUIRED',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  // A service the API depends on (the identity provider's keys) cannot be reached; retrying later helps.
  'SERVICE_UNAVAILABLE',
  'QUERY_TOO_COMPLEX',
  // HTTP 429 with Retry-After: the client sent too many refused requests; retrying after that time helps.
  'TOO_MANY_REQUESTS',
  'GRAPHQL_VALIDATION_FAILED',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

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
