import { Module } from '@nestjs/common';
import { IncidentRevisionsResolver } from './incident-revisions.resolver';
import { IncidentStepsResolver } from './incident-steps.resolver';
import { IncidentsRepository } from './incidents.repository';
import { IncidentsResolver } from './incidents.resolver';
import { IncidentsService } from './incidents.service';

/** The breach workflow (protocol steps 1–7) of one organisation: report, read, and take it through the steps. */
@Module({
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
