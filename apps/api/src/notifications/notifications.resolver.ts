import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { Audit, CurrentActor, type AuditTrail } from '../permissions/current-actor.decorator';
import { Operation } from '../permissions/operation.decorator';
import { DeadLetterType, IncidentNotificationType, UnreachableOrganisationType } from './notification.type';
import { NotificationsService } from './notifications.service';

@Resolver()
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Query(() => [IncidentNotificationType], {
    description:
      'Privacyfunctionaris, FG, auditor: welke e-mails over dit datalek naar wie (rol, gemaskeerd adres) gingen, wanneer, met welke status. Oudste eerst.',
  })
  @Operation('read', 'Incident')
  incidentNotifications(
    @Args('incidentId', { type: () => ID }) incidentId: string,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<IncidentNotificationType[]> {
    audit.touched(incidentId);
    return this.service.forIncident(actor, incidentId);
  }

  @Query(() => [DeadLetterType], {
    description: 'Platformbeheer: e-mails die niet konden worden afgeleverd, nieuwste eerst, met de reden.',
  })
  @Operation('read', 'NotificationDelivery')
  deadLetters(@Args('first', { type: () => Int, defaultValue: 50 }) first: number): Promise<DeadLetterType[]> {
    return this.service.deadLetters(first);
  }

  @Mutation(() => Boolean, {
    description:
      'Platformbeheer: een onbestelbare e-mail opnieuw in de wachtrij zetten (na het herstellen van de oorzaak).',
  })
  @Operation('update', 'NotificationDelivery')
  retryDeadLetter(@Args('id', { type: () => ID }) id: string, @Audit() audit: AuditTrail): Promise<boolean> {
    audit.touched(id);
    return this.service.retryDeadLetter(id);
  }

  @Query(() => [UnreachableOrganisationType], {
    description:
      'Platformbeheer: organisaties waarvan de FG niet per e-mail bereikbaar is (geen contactpersoon en geen aangemelde FG).',
  })
  @Operation('read', 'NotificationDelivery')
  unreachableOrganisations(): Promise<UnreachableOrganisationType[]> {
    return this.service.unreachableOrganisations();
  }
}
