import type { GraphQLFormattedError } from 'graphql';
import type { ErrorCode, Locale } from '@babyconnect/contracts';
import { ApiError } from './api-error';

const INTERNAL = {
  nl: 'Er ging iets mis aan onze kant. Probeer het opnieuw; blijft het misgaan, neem dan contact op met de beheerder.',
  en: 'Something went wrong on our side. Please try again; if it keeps failing, contact the administrator.',
};

/** Codes Apollo and graphql-js produce themselves, passed on as they are (their messages name the query problem). */
const PASS_THROUGH: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

export interface FormattedApiError extends GraphQLFormattedError {
  extensions: { code: ErrorCode | string; i18n?: { nl: string; en: string }; fields?: unknown };
}

/**
 * The one place where an error becomes what a client sees: a stable code and a readable message, never a stack
 * trace, SQL or driver detail. Both languages travel in `extensions.i18n` until the response is localised.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  onUnexpected: (e: unknown) => void,
): FormattedApiError {
  const original = unwrap(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof ApiError) {
    return {
      ...base,
      message: original.text.nl,
      extensions: {
        code: original.code,
        i18n: original.text,
        ...(original.fields.length
          ? { fields: original.fields.map((f) => ({ field: f.field, message: f.message.nl, i18n: f.message })) }
          : {}),
      },
    };
  }
  const code = stableCode(error, String(formatted.extensions?.['code'] ?? ''));
  if (PASS_THROUGH.has(code) || code === 'QUERY_TOO_COMPLEX') {
    const i18n = formatted.extensions?.['i18n'] as { nl: string; en: string } | undefined;
    return {
      ...base,
      message: i18n?.nl ?? formatted.message,
      extensions: { code: code === 'BAD_REQUEST' ? 'BAD_USER_INPUT' : code, ...(i18n ? { i18n } : {}) },
    };
  }
  onUnexpected(original);
  return { ...base, message: INTERNAL.nl, extensions: { code: 'INTERNAL_SERVER_ERROR', i18n: INTERNAL } };
}

/** Picks the request's language and drops the other one, so clients get one plain message per error. */
export function localise(errors: readonly GraphQLFormattedError[], locale: Locale): GraphQLFormattedError[] {
  return errors.map((e) => {
    const extensions = { ...(e.extensions ?? {}) } as Record<string, unknown>;
    const i18n = extensions['i18n'] as { nl: string; en: string } | undefined;
    delete extensions['i18n'];
    if (Array.isArray(extensions['fields'])) {
      extensions['fields'] = (
        extensions['fields'] as { field: string; message: string; i18n?: { nl: string; en: string } }[]
      ).map((f) => ({
        field: f.field,
        message: f.i18n?.[locale] ?? f.message,
      }));
    }
    return { ...e, message: i18n?.[locale] ?? e.message, extensions };
  });
}

/**
 * Apollo re-labels every validation error GRAPHQL_VALIDATION_FAILED; a query-limit refusal keeps its own code
 * (QUERY_TOO_COMPLEX, part of the contract), which the rule put on the original error.
 */
export function stableCode(error: unknown, code: string): string {
  const original = unwrap(error) as { extensions?: Record<string, unknown> } | undefined;
  return original?.extensions?.['code'] === 'QUERY_TOO_COMPLEX' ? 'QUERY_TOO_COMPLEX' : code;
}

function unwrap(error: unknown): unknown {
  let current = error as { originalError?: unknown } | undefined;
  for (let i = 0; i < 5 && current && typeof current === 'object' && current.originalError; i++) {
    current = current.originalError as { originalError?: unknown };
  }
  return current;
}
