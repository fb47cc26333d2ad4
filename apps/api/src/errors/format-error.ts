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

export interface FormatErrorOptions {
  /**
   * Production: strip graphql-js's "Did you mean …?" suggestions, which name fields, mutations, arguments and enum
   * values to anyone, token or not. Apollo's `hideSchemaDetailsFromClientErrors` strips them from validation
   * errors only; variable coercion ("Value "X" does not exist in "ContactRole" enum. Did you mean …?") happens
   * during execution and is stripped here.
   */
  hideSchemaDetails?: boolean;
}

const SUGGESTION = / ?Did you mean [^?]*\?/g;

/** graphql-js's own wording (16.x spells it "more that") when the parser stops at `maxTokens`. */
const TOO_MANY_TOKENS = /Document contains more tha[nt] (\d+) tokens/;

/**
 * Dutch for the messages graphql-js and Apollo write in English. The English detail stays in the Dutch text too:
 * it names the problem in the query (a field, a line and column) in the terms a developer searches for.
 */
const DUTCH_PREFIX: Readonly<Record<string, string>> = {
  GRAPHQL_PARSE_FAILED: 'De vraag is geen geldige GraphQL',
  GRAPHQL_VALIDATION_FAILED: 'De vraag past niet bij het schema',
  BAD_USER_INPUT: 'De invoer past niet bij het schema',
  BAD_REQUEST: 'Het verzoek is niet in orde',
  PERSISTED_QUERY_NOT_FOUND: 'Het verzoek is niet in orde',
  OPERATION_RESOLUTION_FAILURE: 'Het verzoek is niet in orde',
};

/**
 * The one place where an error becomes what a client sees: a stable code and a readable message, never a stack
 * trace, SQL or driver detail. Both languages travel in `extensions.i18n` until the response is localised.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  onUnexpected: (e: unknown) => void,
  options: FormatErrorOptions = {},
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
    const detail = options.hideSchemaDetails ? formatted.message.replace(SUGGESTION, '') : formatted.message;
    const i18n = (formatted.extensions?.['i18n'] as { nl: string; en: string } | undefined) ?? translate(code, detail);
    return {
      ...base,
      message: i18n.nl,
      extensions: { code: code === 'BAD_REQUEST' ? 'BAD_USER_INPUT' : code, i18n },
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
  if (original?.extensions?.['code'] === 'QUERY_TOO_COMPLEX') return 'QUERY_TOO_COMPLEX';
  // The parser's token cap is a limit like depth or cost, not a typo in the query: same code, so clients and the
  // access log see one kind of refusal for "too big".
  if (code === 'GRAPHQL_PARSE_FAILED' && TOO_MANY_TOKENS.test(messageOf(error))) return 'QUERY_TOO_COMPLEX';
  return code;
}

function translate(code: string, message: string): { nl: string; en: string } {
  const tokens = TOO_MANY_TOKENS.exec(message)?.[1];
  if (tokens) {
    return {
      nl: `De vraag bestaat uit meer dan ${tokens} onderdelen (tokens); het maximum is ${tokens}.`,
      en: `The query consists of more than ${tokens} tokens; the maximum is ${tokens}.`,
    };
  }
  const prefix = DUTCH_PREFIX[code];
  return { nl: prefix ? `${prefix}: ${message}` : message, en: message };
}

function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : '';
}

function unwrap(error: unknown): unknown {
  let current = error as { originalError?: unknown } | undefined;
  for (let i = 0; i < 5 && current && typeof current === 'object' && current.originalError; i++) {
    current = current.originalError as { originalError?: unknown };
  }
  return current;
}
