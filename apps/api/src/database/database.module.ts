import { Global, Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { API_CONFIG } from '../config/config';
import type { ApiConfig } from '../config/config.schema';
import { dataSourceOptions, describeConnectionError } from './data-source';
import { RequestTransactionMiddleware } from './request-transaction.middleware';
import { Tenancy } from './tenancy';

export class DatabaseUnavailableError extends Error {}

/**
 * The database: one pool per instance, entities registered by the feature modules (autoLoadEntities), the Tenancy
 * every service goes through, and a transaction per GraphQL request. Nest closes the pool after the HTTP server
 * has drained.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => ({
        ...dataSourceOptions({
          url: config.DATABASE_URL,
          poolMax: config.DATABASE_POOL_MAX,
          connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
        }),
        autoLoadEntities: true,
        // One attempt: a wrong or unreachable database stops the start with one line, not after minutes.
        toRetry: () => false,
      }),
      dataSourceFactory: async (options) => {
        const dataSource = new DataSource(options!);
        try {
          return await dataSource.initialize();
        } catch (error) {
          const url = (options as { url?: string }).url ?? '';
          throw new DatabaseUnavailableError(describeConnectionError(error, url));
        }
      },
    }),
  ],
  providers: [Tenancy, RequestTransactionMiddleware],
  exports: [Tenancy],
})
export class DatabaseModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestTransactionMiddleware).forRoutes('graphql');
  }
}
