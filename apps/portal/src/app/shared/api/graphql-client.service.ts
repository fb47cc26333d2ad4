import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, map, throwError } from 'rxjs';
import { RUNTIME_CONFIG } from '../config/runtime-config';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import type { GraphqlErrorCode, GraphqlErrorEntry, GraphqlResponse } from './graphql-response';

export type GraphqlFailureKind = 'graphql' | 'network' | 'http';

/**
 * A failed GraphQL call. `kind`:
 * - `graphql`: the API answered with `errors` (show `message`, branch on `code`);
 * - `network`: the API could not be reached (no HTTP status);
 * - `http`: an HTTP error without a GraphQL body.
 */
export class GraphqlRequestError extends Error {
  override readonly name = 'GraphqlRequestError';

  constructor(
    readonly kind: GraphqlFailureKind,
    readonly errors: readonly GraphqlErrorEntry[],
    readonly status?: number,
  ) {
    super(errors.map((e) => e.message).join('\n') || `${kind} error${status ? ` (HTTP ${status})` : ''}`);
  }

  /** `extensions.code` of the first error, e.g. `UNAUTHENTICATED`, `FORBIDDEN`, `ORGANISATION_REQUIRED`. */
  get code(): GraphqlErrorCode | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/**
 * A generated document: its text (`toString()`) typed with the operation's result and variables. Structural, as
 * each generated operation file carries its own copy of codegen's `TypedDocumentString` class.
 */
export type TypedDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & { toString(): string };

/** Variables are optional for an operation without any, required otherwise. */
type VariablesArgument<TVariables> =
  TVariables extends Record<string, never> ? [variables?: TVariables] : [variables: TVariables];

/**
 * Minimal GraphQL client over HttpClient: POST `<apiUrl>/graphql` with `{ query, variables, operationName }`.
 * Takes the typed documents generated from the schema (`operations/<file>.generated.ts`), so the result and the
 * variables are typed by the operation itself. The bearer token, `x-organisation-id` and `Accept-Language` are
 * added by the interceptors.
 */
@Injectable({ providedIn: 'root' })
export class GraphqlClient {
  private readonly http = inject(HttpClient);
  private readonly endpoint = `${inject(RUNTIME_CONFIG).apiUrl}/graphql`;

  request<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    ...[variables]: VariablesArgument<TVariables>
  ): Observable<TResult> {
    const query = document.toString();
    const operationName = operationNameOf(query);
    const body = { query, variables: variables ?? {}, ...(operationName ? { operationName } : {}) };
    return this.http.post<GraphqlResponse<TResult>>(this.endpoint, body).pipe(
      catchError((error: unknown) => throwError(() => toGraphqlError(error))),
      map((response) => {
        if (response.errors?.length) {
          throw new GraphqlRequestError('graphql', response.errors);
        }
        if (response.data == null) {
          throw new GraphqlRequestError('graphql', [{ message: 'The API returned no data' }]);
        }
        return response.data;
      }),
    );
  }
}

/** The name of the document's operation (the API logs it; codegen documents are named). */
export function operationNameOf(query: string): string | undefined {
  return /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/m.exec(query)?.[1];
}

function toGraphqlError(error: unknown): GraphqlRequestError {
  if (error instanceof GraphqlRequestError) {
    return error;
  }
  if (error instanceof HttpErrorResponse) {
    if (error.status === 0) {
      return new GraphqlRequestError('network', [], 0);
    }
    const body: unknown = error.error;
    const errors = isGraphqlBody(body) ? body.errors : undefined;
    return errors?.length
      ? new GraphqlRequestError('graphql', errors, error.status)
      : new GraphqlRequestError('http', [], error.status);
  }
  return new GraphqlRequestError('network', [{ message: error instanceof Error ? error.message : String(error) }]);
}

function isGraphqlBody(body: unknown): body is { errors: GraphqlErrorEntry[] } {
  return (
    typeof body === 'object' &&
    body !== null &&
    Array.isArray((body as { errors?: unknown }).errors) &&
    (body as { errors: unknown[] }).errors.every(
      (e) => typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string',
    )
  );
}
