import { Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { API_CONFIG } from '../config/config';
import type { ApiConfig } from '../config/config.schema';
import { createDataSource, describeConnectionError } from './data-source';
import { Tenancy } from './tenancy';

export class DatabaseUnavailableError extends Error {}

@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [API_CONFIG],
      useFactory: async (config: ApiConfig) => {
        const dataSource = createDataSource({
          url: config.DATABASE_URL,
          poolMax: config.DATABASE_POOL_MAX,
          connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
        });
        try {
          await dataSource.initialize();
        } catch (error) {
          throw new DatabaseUnavailableError(describeConnectionError(error, config.DATABASE_URL));
        }
        return dataSource;
      },
    },
    Tenancy,
  ],
  exports: [DataSource, Tenancy],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  /** Closes the pool after the HTTP server has drained (Nest calls this after app.close()). */
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
