import { Module } from '@nestjs/common';
import { API_CONFIG } from '../config/config';
import type { ApiConfig } from '../config/config.schema';
import { AnchorSigner } from './anchor';
import { AccessLogPlugin } from './access-log.plugin';
import { AccessLogRepository } from './access-log.repository';
import { AccessLogSealer } from './access-log.sealer';
import { AccessLogResolver } from './access-log.resolver';
import { AccessLogService } from './access-log.service';

/** The NEN 7513 access log: writing it (the plugin), reading it, and anchoring its chains outside the database. */
@Module({
  providers: [
    AccessLogRepository,
    AccessLogService,
    AccessLogResolver,
    AccessLogPlugin,
    AccessLogSealer,
    {
      provide: AnchorSigner,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) =>
        config.ACCESS_LOG_ANCHOR_KEY
          ? AnchorSigner.fromPrivatePem(config.ACCESS_LOG_ANCHOR_KEY)
          : AnchorSigner.ephemeral(),
    },
  ],
  // The repository and sealer also serve the HTTP routes that log themselves (exports/export-gate.ts,
  // viewer-log/rest-gate.ts): one log, one chain.
  exports: [AccessLogPlugin, AccessLogRepository, AccessLogSealer],
})
export class AccessLogModule {}
