import { Logger, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
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
          plugins: [accessLog, metrics, new ErrorResponsePlugin()] as unknown as ApolloDriverConfig['plugins'],
          context: ({ req }: { req: unknown }) => ({ req }),
        };
      },
    }),
  ],
})
export class GraphqlApiModule {}
