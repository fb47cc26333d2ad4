import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { ChainModule } from '../chain/chain.module';
import { ChainRepository } from '../chain/chain.repository';
import { IncidentsModule } from '../incidents/incidents.module';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { DailyFileController } from './daily-file.controller';
import { DetectionRepository } from './detection.repository';
import { DetectionService } from './detection.service';
import { FeedController } from './feed.controller';
import { RestGate } from './rest-gate';
import { ViewerLogController } from './viewer-log.controller';
import { ViewerLogRepository } from './viewer-log.repository';
import { ViewerLogResolver } from './viewer-log.resolver';
import { ViewerLogAlertsResolver } from './viewer-log-alerts.resolver';
import { ViewerLogService } from './viewer-log.service';

/**
 * The viewer's access log (issue 18): the impact analysis of an uploaded export for a chain incident and its
 * proposal of partners (which feeds the chain's own partner choice), and detection on pushed events and daily files.
 */
@Module({
  imports: [AccessLogModule, ChainModule, IncidentsModule, RateLimitModule],
  controllers: [ViewerLogController, FeedController, DailyFileController],
  providers: [
    RestGate,
    ViewerLogRepository,
    ViewerLogService,
    ViewerLogResolver,
    ChainRepository,
    DetectionRepository,
    DetectionService,
    ViewerLogAlertsResolver,
  ],
})
export class ViewerLogModule {}
