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
  // The repository and the sealer also serve REST routes that log themselves (viewer-log/rest-gate.ts).
  exports: [AccessLogPlugin, AccessLogRepository, AccessLogSealer],
})
export class AccessLogModule {}
