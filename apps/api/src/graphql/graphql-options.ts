import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { ApiConfig } from '../config/config.schema';
import { formatError } from '../errors/format-error';
import { queryLimitsRule } from './limits';

export type GraphqlEdgeOptions = Required<
  Pick<
    ApolloDriverConfig,
    'introspection' | 'hideSchemaDetailsFromClientErrors' | 'parseOptions' | 'validationRules' | 'formatError'
  >
>;

/**
 * What protects the GraphQL endpoint before any resolver runs, as Apollo options to spread into
 * `GraphQLModule.forRoot`: the parser stops after GRAPHQL_MAX_TOKENS tokens (a 1 MB document of repeated
 * directives would otherwise cost seconds of CPU before any validation rule runs), the limits rule caps depth,
 * aliases, cost, directives and operation names, and production reveals no schema: no introspection, no "Did you
 * mean …?" suggestions.
 */
export function graphqlEdgeOptions(config: ApiConfig, onUnexpected: (error: unknown) => void): GraphqlEdgeOptions {
  const production = config.NODE_ENV === 'production';
  return {
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
    validationRules: [
      queryLimitsRule({
        maxDepth: config.GRAPHQL_MAX_DEPTH,
        maxAliases: config.GRAPHQL_MAX_ALIASES,
        maxCost: config.GRAPHQL_MAX_COST,
        maxDirectives: config.GRAPHQL_MAX_DIRECTIVES,
        maxOperationNameLength: config.GRAPHQL_MAX_OPERATION_NAME,
      }),
    ],
    formatError: (formatted, error) => formatError(formatted, error, onUnexpected, { hideSchemaDetails: production }),
  };
}
