import type { ErrorCode } from '@babyconnect/contracts';

/**
 * The GraphQL wire format around any operation (not the schema: the schema's types are generated into
 * `generated/graphql.ts` by `npm run codegen`).
 */

/** The API's stable codes (libs/contracts); other strings may come from the GraphQL server itself. */
export type GraphqlErrorCode = ErrorCode | (string & {});

export interface GraphqlErrorEntry {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: { readonly code?: GraphqlErrorCode; readonly [key: string]: unknown };
}

export interface GraphqlResponse<TData> {
  readonly data?: TData | null;
  readonly errors?: readonly GraphqlErrorEntry[];
}
