import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ChainScenario } from '@babyconnect/domain';
import type { Actor } from '../auth/actor';
import { Audit, CurrentActor, type AuditTrail } from '../permissions/current-actor.decorator';
import { Operation } from '../permissions/operation.decorator';
import { ChainOverviewService } from './chain-overview.service';
import { ChainScenarioService } from './chain-scenario.service';
import { ChainTimelineService } from './chain-timeline.service';
import {
  ChainIncidentType,
  ChainOverviewType,
  ChainQuarterFiguresType,
  ChainScenarioEnum,
  DeclareChainScenarioResultType,
  IncidentChainSituationType,
  PartnerChoiceInput,
  PartnerNotificationAdjustmentInput,
  PartnerNotificationContentInput,
  PartnerNotificationType,
} from './chain.type';
import { LinkedIncidentService } from './linked-incident.service';
import { PartnerNotificationsService } from './partner-notifications.service';

const CONFIRM = {
  type: () => Boolean,
  nullable: true,
  description: 'Bevestig dat vrije tekst die op cliëntgegevens lijkt geen gegevens van een cliënt bevat.',
} as const;

/**
 * Chain incidents (issue 17): GraphQL only, each operation one call into the service of its part. Which chain
 * incident and in which part the actor takes part: chain-access.ts.
 */
@Resolver(() => ChainIncidentType)
export class ChainResolver {
  constructor(
    private readonly scenarios: ChainScenarioService,
    private readonly partnerNotifications: PartnerNotificationsService,
    private readonly linkedIncidents: LinkedIncidentService,
    private readonly timeline: ChainTimelineService,
    private readonly read: ChainOverviewService,
  ) {}

  @Mutation(() => DeclareChainScenarioResultType, {
    description:
      'Privacyfunctionaris of FG van de melder: de situatie van het protocol. A en C maken een ketenincident (HINQ wordt gemaild); B blijft intern; B kan later C worden.',
  })
  @Operation('update', 'ChainIncident')
  async declareChainScenario(
    @Args('incidentId', { type: () => ID }) incidentId: string,
    @Args('scenario', { type: () => ChainScenarioEnum }) scenario: ChainScenario,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<DeclareChainScenarioResultType> {
    audit.touched(incidentId);
    const result = await this.scenarios.declare(actor, incidentId, scenario);
    if (result.chainIncident) audit.touched(result.chainIncident.id);
    return result;
  }

  @Query(() => IncidentChainSituationType, {
    description:
      'Privacyfunctionaris, FG of auditor van de melder: welke situatie (A, B of C) voor het eigen datalek is aangegeven.',
  })
  @Operation('read', 'ChainIncident')
  async incidentChainSituation(
    @Args('incidentId', { type: () => ID }) incidentId: string,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<IncidentChainSituationType> {
    audit.touched(incidentId);
    return this.scenarios.situation(actor, incidentId);
  }

  @Query(() => [ChainIncidentType], {
    description:
      'HINQ-coördinator: alle ketenincidenten; anderen: die zij meldden of waarover zij geïnformeerd zijn. Alleen het ketendeel.',
  })
  @Operation('read', 'ChainIncident')
  chainIncidents(@CurrentActor() actor: Actor): Promise<ChainIncidentType[]> {
    return this.read.list(actor);
  }

  @Query(() => ChainIncidentType, { description: 'Eén ketenincident: alleen het ketendeel, met de gedeelde tijdlijn.' })
  @Operation('read', 'ChainIncident')
  chainIncident(
    @Args('id', { type: () => ID }) id: string,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<ChainIncidentType> {
    audit.touched(id);
    return this.read.detail(actor, id);
  }

  @Query(() => PartnerNotificationType, {
    description: 'Eén partnermelding: voor de melder, HINQ en de geïnformeerde partner zelf (de pagina uit de e-mail).',
  })
  @Operation('read', 'ChainIncident')
  partnerNotification(
    @Args('id', { type: () => ID }) id: string,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<PartnerNotificationType> {
    audit.touched(id);
    return this.read.partnerNotification(actor, id);
  }

  @Query(() => ChainOverviewType, {
    description:
      'HINQ en de melder: partner × (uiterlijk informeren, geïnformeerd, bevestigd, eigen AP-besluit, betrokkenen) met levende klokken.',
  })
  @Operation('read', 'ChainIncident')
  chainOverview(
    @Args('id', { type: () => ID }) id: string,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<ChainOverviewType> {
    audit.touched(id);
    return this.read.overview(actor, id);
  }

  @Query(() => [ChainQuarterFiguresType], {
    description:
      'HINQ-coördinator: per partner per kwartaal de meldingen, bijna-incidenten en ketenincidenten (laatste vier kwartalen).',
  })
  @Operation('read', 'ChainFigures')
  chainFigures(@CurrentActor() actor: Actor): Promise<ChainQuarterFiguresType[]> {
    return this.read.figures(actor);
  }

  @Mutation(() => ChainIncidentType, {
    description:
      'Melder (privacyfunctionaris, FG) of HINQ-coördinator: partners kiezen die geïnformeerd moeten worden, met onderbouwing. Later toevoegen kan; de klok loopt vanaf de ontdekking.',
  })
  @Operation('update', 'ChainIncident')
  async choosePartners(
    @Args('chainIncidentId', { type: () => ID }) chainIncidentId: string,
    @Args('partners', { type: () => [PartnerChoiceInput] }) partners: PartnerChoiceInput[],
    @Args('confirmPrivacyWarnings', CONFIRM) confirm: boolean | null | undefined,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<ChainIncidentType> {
    audit.touched(chainIncidentId);
    return this.partnerNotifications.choosePartners(actor, chainIncidentId, partners, confirm);
  }

  @Mutation(() => ChainIncidentType, {
    description: 'Melder of HINQ-coördinator: de partnermelding eenmaal schrijven (aard, gevolgen, maatregelen).',
  })
  @Operation('update', 'ChainIncident')
  composePartnerNotification(
    @Args('chainIncidentId', { type: () => ID }) chainIncidentId: string,
    @Args('input') input: PartnerNotificationContentInput,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<ChainIncidentType> {
    audit.touched(chainIncidentId);
    return this.partnerNotifications.compose(actor, chainIncidentId, input);
  }

  @Mutation(() => PartnerNotificationType, {
    description: 'Melder of HINQ-coördinator: de melding voor één partner aanpassen.',
  })
  @Operation('update', 'ChainIncident')
  adjustPartnerNotification(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: PartnerNotificationAdjustmentInput,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<PartnerNotificationType> {
    audit.touched(id);
    return this.partnerNotifications.adjust(actor, id, input);
  }

  @Mutation(() => PartnerNotificationType, {
    description: 'Privacyfunctionaris of FG van de melder (in situatie A ook HINQ): een partnermelding goedkeuren.',
  })
  @Operation('approve', 'ChainIncident')
  approvePartnerNotification(
    @Args('id', { type: () => ID }) id: string,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<PartnerNotificationType> {
    audit.touched(id);
    return this.partnerNotifications.approve(actor, id);
  }

  @Mutation(() => PartnerNotificationType, {
    description:
      'Melder of HINQ-coördinator: een goedgekeurde partnermelding verzenden (e-mail met link aan de FG of privacycontactpersoon, nooit cliëntgegevens); maakt het gekoppelde datalek bij de partner. Na 24 uur: redenen voor de vertraging verplicht.',
  })
  @Operation('update', 'ChainIncident')
  sendPartnerNotification(
    @Args('id', { type: () => ID }) id: string,
    @Args('delayReasons', { type: () => String, nullable: true }) delayReasons: string | null | undefined,
    @Args('confirmPrivacyWarnings', CONFIRM) confirm: boolean | null | undefined,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<PartnerNotificationType> {
    audit.touched(id);
    return this.partnerNotifications.send(actor, id, delayReasons ?? null, confirm);
  }

  @Mutation(() => PartnerNotificationType, {
    description:
      'FG of privacyfunctionaris van de geïnformeerde partner: de ontvangst bevestigen. Vanaf dit moment loopt de eigen 72-uurstermijn.',
  })
  @Operation('acknowledge', 'ChainIncident')
  acknowledgePartnerNotification(
    @Args('id', { type: () => ID }) id: string,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<PartnerNotificationType> {
    audit.touched(id);
    return this.linkedIncidents.acknowledge(actor, id);
  }

  @Mutation(() => ChainIncidentType, {
    description:
      'Melder, HINQ of geïnformeerde partner: een bericht op de gedeelde tijdlijn (zichtbaar voor HINQ en alle geïnformeerde partners).',
  })
  @Operation('update', 'ChainIncident')
  postChainTimelineEntry(
    @Args('chainIncidentId', { type: () => ID }) chainIncidentId: string,
    @Args('text') text: string,
    @Args('confirmPrivacyWarnings', CONFIRM) confirm: boolean | null | undefined,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<ChainIncidentType> {
    audit.touched(chainIncidentId);
    return this.timeline.post(actor, chainIncidentId, text, confirm);
  }
}
