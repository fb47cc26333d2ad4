import { Module } from '@nestjs/common';
import { CHAIN_SCENARIO_AT_REPORT } from '../incidents/chain-scenario-at-report';
import { IncidentsRepository } from '../incidents/incidents.repository';
import { OutboxRepository } from '../notifications/outbox.repository';
import { RecipientsRepository } from '../notifications/recipients.repository';
import { TimersRepository } from '../notifications/timers.repository';
import { ChainAccess } from './chain-access';
import { ChainMail } from './chain-mail';
import { ChainOverviewService } from './chain-overview.service';
import { ChainRepository } from './chain.repository';
import { ChainResolver } from './chain.resolver';
import { ChainScenarioService } from './chain-scenario.service';
import { ChainTimelineService } from './chain-timeline.service';
import { LinkedIncidentService } from './linked-incident.service';
import { PartnerNotificationsService } from './partner-notifications.service';

/**
 * Chain incidents (issue 17): the chain part of a breach, HINQ's coordination, partner notifications with their
 * 24-hour clocks, linked incidents in the partners' own tenants, the shared timeline. The repositories it shares
 * with incidents and notifications are stateless SQL and listed here, so no other module needs to export them; the
 * incident observer (notifications) comes from its global module.
 *
 * One service per part of the workflow (scenario, partner notifications, linked incident, timeline, read side), all
 * on ChainAccess (transaction, coordinator setting, the chain incident as row-level security shows it) and ChainMail.
 * Only sending reaches into another part (it opens the linked incident), so the graph has no cycle.
 */
@Module({
  providers: [
    ChainRepository,
    ChainAccess,
    ChainMail,
    ChainScenarioService,
    PartnerNotificationsService,
    LinkedIncidentService,
    ChainTimelineService,
    ChainOverviewService,
    ChainResolver,
    IncidentsRepository,
    OutboxRepository,
    RecipientsRepository,
    TimersRepository,
    // The situation answered with a report (IncidentsService.report, same transaction): see chain-scenario-at-report.ts.
    { provide: CHAIN_SCENARIO_AT_REPORT, useExisting: ChainScenarioService },
  ],
  // The viewer log's confirmed proposal becomes partners through the chain's own use case (issue 18).
  exports: [PartnerNotificationsService, CHAIN_SCENARIO_AT_REPORT],
})
export class ChainModule {}
