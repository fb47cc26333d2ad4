import { Logger, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { AccessLogModule } from '../access-log/access-log.module';
import { AccessLogPlugin } from '../access-log/access-log.plugin';
import { API_CONFIG } from '../config/config';
import type { ApiConfig } from '../config/config.schema';
import { ErrorResponsePlugin } from '../errors/error-response.plugin';
import { MetricsPlugin } from '../metrics/metrics.plugin';
import { graphqlEdgeOptions } from './graphql-options';
import { singleMutationRule } from './single-mutation.rule';

const unexpected = new Logger('GraphQL');

/**
 * Every answer is personal (a token, an organisation): never stored by a browser or proxy. Apollo's cache-control
 * plugin said the same, but it runs a hook on every field of every answer (50 rows × 10 fields in an incident list)
 * to collect cache hints this API never gives; it is switched off and this one header kept.
 */
const noStore: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

/**
 * The GraphQL endpoint. Its plugins run in this order on every request: the access log (authenticate, one row
 * per request in the request's transaction), metrics, then the error response (language, retryable status).
 */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [AccessLogModule],
      inject: [API_CONFIG, AccessLogPlugin, MetricsPlugin],
      useFactory: (config: ApiConfig, accessLog: AccessLogPlugin, metrics: MetricsPlugin) => {
        const edge = graphqlEdgeOptions(config, (e) =>
          unexpected.error(e instanceof Error ? (e.stack ?? e.message) : String(e)),
        );
        return {
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          // No landing page anywhere: GraphiQL would load scripts from a CDN, and production needs none.
          graphiql: false,
          csrfPrevention: true,
          includeStacktraceInErrorResponses: false,
          // Parser and validation limits, production secrecy and error formatting (graphql-options.ts).
          ...edge,
          validationRules: [...edge.validationRules, singleMutationRule],
          // (Cast: @nestjs/apollo types its plugins from Apollo's CommonJS build, ours come from its ESM types.)
          plugins: [
            accessLog,
            metrics,
            new ErrorResponsePlugin(),
            noStore,
            ApolloServerPluginCacheControlDisabled(),
          ] as unknown as ApolloDriverConfig['plugins'],
          context: ({ req }: { req: unknown }) => ({ req }),
        };
      },
    }),
  ],
})
export class GraphqlApiModule {}
