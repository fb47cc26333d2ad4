import { Module } from '@nestjs/common';
import { ChainModule } from '../chain/chain.module';
import { IncidentRevisionsResolver } from './incident-revisions.resolver';
import { IncidentStepsResolver } from './incident-steps.resolver';
import { IncidentsRepository } from './incidents.repository';
import { IncidentsResolver } from './incidents.resolver';
import { IncidentsService } from './incidents.service';

/** The breach workflow (protocol steps 1–7) of one organisation: report, read, and take it through the steps. */
@Module({
  // The chain answers the situation A/B/C given with a report, in the report's transaction (chain-scenario-at-report.ts).
  imports: [ChainModule],
  // The clock comes from the global TimeModule (one instance, shared with the notification timers).
  providers: [
    IncidentsRepository,
    IncidentsService,
    IncidentsResolver,
    IncidentStepsResolver,
    IncidentRevisionsResolver,
  ],
  // Detection on the viewer's access log reports its suspected breaches through the same use case.
  exports: [IncidentsService],
})
export class IncidentsModule {}
