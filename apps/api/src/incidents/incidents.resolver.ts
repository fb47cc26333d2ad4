import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { Audit, CurrentActor, type AuditTrail } from '../permissions/current-actor.decorator';
import { Operation } from '../permissions/operation.decorator';
import { IncidentSortEnum } from './incident.enums';
import { IncidentFilterInput, ReportBreachInput } from './incident.inputs';
import { IncidentConnectionType, IncidentEventType, IncidentType } from './incident.type';
import type { IncidentSort } from './incidents.repository';
import { IncidentsService } from './incidents.service';

/** Reading and reporting. The protocol's steps are in incident-steps.resolver.ts. */
@Resolver(() => IncidentType)
export class IncidentsResolver {
  constructor(private readonly service: IncidentsService) {}

  @Mutation(() => IncidentType, {
    description: 'Iedereen in de organisatie: een (vermoed) datalek melden. Geeft het kenmerk en de 72-uurstermijn.',
  })
  @Operation('report', 'Incident')
  async reportBreach(
    @Args('input') input: ReportBreachInput,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<IncidentType> {
    const incident = await this.service.report(actor, input);
    audit.touched(incident.id);
    return incident;
  }

  @Query(() => IncidentConnectionType, {
    description:
      'De datalekken, standaard nieuwste melding eerst; filters op fase, klok, oefening, periode van ontdekking en tekst. Een medewerker ziet alleen de eigen meldingen en hun status; privacyfunctionaris, FG en auditor alle van de organisatie.',
  })
  // Whoever may report follows their own reports; the service narrows the rows to them unless they read all.
  @Operation('report', 'Incident')
  incidents(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null | undefined,
    @Args('filter', { type: () => IncidentFilterInput, nullable: true }) filter: IncidentFilterInput | null | undefined,
    @Args('sort', {
      type: () => IncidentSortEnum,
      nullable: true,
      description: 'Standaard REPORTED_NEWEST. Een cursor hoort bij één volgorde.',
    })
    sort: IncidentSort | null | undefined,
  ): Promise<IncidentConnectionType> {
    return this.service.list(actor, first, after ?? null, filter ?? null, sort ?? 'reported-newest');
  }

  @Query(() => IncidentType, { description: 'Privacyfunctionaris, FG, auditor: een datalek in detail.' })
  @Operation('read', 'Incident')
  incident(
    @Args('id', { type: () => ID }) id: string,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<IncidentType> {
    audit.touched(id);
    return this.service.detail(actor, id);
  }

  @Query(() => [IncidentEventType], {
    description: 'Privacyfunctionaris, FG, auditor: wie wat wanneer wijzigde (oud → nieuw), oudste eerst.',
  })
  @Operation('read', 'Incident')
  incidentHistory(
    @Args('id', { type: () => ID }) id: string,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<IncidentEventType[]> {
    audit.touched(id);
    return this.service.history(actor, id);
  }
}
