import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { AccessLogRepository } from './access-log/access-log.repository';
import { AccessLogResolver } from './access-log/access-log.resolver';
import { AccessLogService } from './access-log/access-log.service';
import { ActorService } from './auth/actor.service';
import { AuthGuard } from './auth/auth.guard';
import { TokenVerifier } from './auth/token-verifier';
import { API_CONFIG, jwksUrl } from './config/config';
import type { ApiConfig } from './config/config.schema';
import { DatabaseModule } from './database/database.module';
import { ApiErrorFilter } from './errors/api-error.filter';
import { GraphqlEdgeModule } from './graphql/graphql-edge.module';
import { graphqlEdgeOptions } from './graphql/graphql-options';
import { OperationObserverPlugin } from './graphql/operation-observer.plugin';
import { HealthController } from './health/health.controller';
import { MeResolver } from './me/me.resolver';
import { MetricsModule } from './metrics/metrics.module';
import { OrganisationsRepository } from './organisations/organisations.repository';
import { OrganisationsResolver } from './organisations/organisations.resolver';
import { OrganisationsService } from './organisations/organisations.service';
import { PermissionGuard } from './permissions/permission.guard';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { UsersRepository } from './users/users.repository';

const unexpected = new Logger('GraphQL');

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        {
          module: ConfigHolder,
          global: true,
          providers: [{ provide: API_CONFIG, useValue: config }],
          exports: [API_CONFIG],
        },
        DatabaseModule,
        MetricsModule,
        RateLimitModule,
        GraphqlEdgeModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          // No landing page anywhere: GraphiQL would load scripts from a CDN, and production needs none.
          graphiql: false,
          csrfPrevention: true,
          includeStacktraceInErrorResponses: false,
          ...graphqlEdgeOptions(config, (e) =>
            unexpected.error(e instanceof Error ? (e.stack ?? e.message) : String(e)),
          ),
          context: ({ req }: { req: unknown }) => ({ req }),
        }),
      ],
      controllers: [HealthController],
      providers: [
        {
          provide: TokenVerifier,
          useValue: new TokenVerifier({
            issuer: config.OIDC_ISSUER_URL,
            audience: config.OIDC_AUDIENCE,
            jwksUrl: jwksUrl(config),
          }),
        },
        // Order matters: authenticate, then check the operation's permission.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: PermissionGuard },
        { provide: APP_FILTER, useClass: ApiErrorFilter },
        OperationObserverPlugin,
        ActorService,
        UsersRepository,
        OrganisationsRepository,
        OrganisationsService,
        OrganisationsResolver,
        MeResolver,
        AccessLogRepository,
        AccessLogService,
        AccessLogResolver,
      ],
    };
  }
}

@Module({})
class ConfigHolder {}
