import {
  Global,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Server } from 'node:http';
import { API_CONFIG } from '../config/config';
import type { ApiConfig } from '../config/config.schema';
import { Metrics } from './metrics';
import { startMetricsServer } from './metrics-server';
import { MetricsPlugin } from './metrics.plugin';

@Global()
@Module({
  providers: [{ provide: Metrics, useFactory: () => new Metrics([]) }, MetricsPlugin],
  exports: [Metrics, MetricsPlugin],
})
export class MetricsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: Server;
  private readonly logger = new Logger('Metrics');

  constructor(
    private readonly metrics: Metrics,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.METRICS_PORT === 0) return;
    this.server = await startMetricsServer(this.metrics, this.config.METRICS_HOST, this.config.METRICS_PORT).catch(
      (error: NodeJS.ErrnoException) => {
        throw new Error(
          error.code === 'EADDRINUSE'
            ? `Port ${this.config.METRICS_PORT} (metrics) is already in use: stop the other program or set METRICS_PORT.`
            : `Metrics server could not start: ${error.message}`,
        );
      },
    );
    this.logger.log(`Metrics on http://${this.config.METRICS_HOST}:${this.config.METRICS_PORT}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
