import { Module } from '@nestjs/common';
import { AppClock } from '../time/app-clock';
import { IncidentRevisionsResolver } from './incident-revisions.resolver';
import { IncidentStepsResolver } from './incident-steps.resolver';
import { IncidentsRepository } from './incidents.repository';
import { IncidentsResolver } from './incidents.resolver';
import { IncidentsService } from './incidents.service';

/** The breach workflow (protocol steps 1–7) of one organisation: report, read, and take it through the steps. */
@Module({
  providers: [
    AppClock,
    IncidentsRepository,
    IncidentsService,
    IncidentsResolver,
    IncidentStepsResolver,
    IncidentRevisionsResolver,
  ],
})
export class IncidentsModule {}
