import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AccessLogModule } from './access-log/access-log.module';
import { AuthModule } from './auth/auth.module';
import { ChainModule } from './chain/chain.module';
import { API_CONFIG } from './config/config';
import type { ApiConfig } from './config/config.schema';
import { DatabaseModule } from './database/database.module';
import { ApiErrorFilter } from './errors/api-error.filter';
import { GraphqlApiModule } from './graphql/graphql-api.module';
import { GraphqlEdgeModule } from './graphql/graphql-edge.module';
import { HealthModule } from './health/health.module';
import { IncidentsModule } from './incidents/incidents.module';
import { MeModule } from './me/me.module';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { ExportsModule } from './exports/exports.module';
import { RegisterModule } from './register/register.module';
import { TimeModule } from './time/time.module';
import { ViewerLogModule } from './viewer-log/viewer-log.module';
import { textInputPipeProvider } from './validation/text-input.pipe';

/** Only imports modules: each feature registers its own entities, resolvers, services and repositories. */
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
        TimeModule,
        MetricsModule,
        AuthModule,
        RateLimitModule,
        GraphqlEdgeModule,
        GraphqlApiModule,
        HealthModule,
        MeModule,
        OrganisationsModule,
        IncidentsModule,
        NotificationsModule,
        ChainModule,
        AccessLogModule,
        RegisterModule,
        ExportsModule,
        ViewerLogModule,
      ],
      // Every string argument is checked for control and invisible characters before any resolver sees it.
      providers: [{ provide: APP_FILTER, useClass: ApiErrorFilter }, textInputPipeProvider],
    };
  }
}

@Module({})
class ConfigHolder {}
