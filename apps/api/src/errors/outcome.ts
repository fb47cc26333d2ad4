import { ApiError } from './api-error';

/** What became of a GraphQL field (or a request refused before any field): the access log's and metrics' word. */
export type Outcome = 'allowed' | 'refused' | 'failed';

// Only decisions about the caller are refusals. SERVICE_UNAVAILABLE (identity provider or database unreachable)
// is a failure: nobody was refused, the request could not be judged. TOO_MANY_REQUESTS: an export or upload over
// the person's limit of running ones (rate-limit/expensive-requests.ts).
const REFUSALS: ReadonlySet<string> = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'ORGANISATION_REQUIRED',
  'TOO_MANY_REQUESTS',
]);

/** The outcome of a field's error (none: allowed), with the stable code as its reason. */
export function outcomeOf(error: unknown): { result: Outcome; reason: string | null } {
  if (!error) return { result: 'allowed', reason: null };
  const original = (error as { originalError?: unknown }).originalError ?? error;
  if (original instanceof ApiError) {
    return { result: REFUSALS.has(original.code) ? 'refused' : 'failed', reason: original.code };
  }
  return { result: 'failed', reason: 'INTERNAL_SERVER_ERROR' };
}
