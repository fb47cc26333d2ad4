import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { Audit, CurrentActor, type AuditTrail } from '../permissions/current-actor.decorator';
import { Operation } from '../permissions/operation.decorator';
import type { StoredAlert } from './detection.repository';
import { DetectionService } from './detection.service';
import { ViewerLogAlertType } from './viewer-log-alert.type';

/** Alerts of the detection on the viewer's access log (issue 18); the feed itself is REST (feed.controller.ts). */
@Resolver(() => ViewerLogAlertType)
export class ViewerLogAlertsResolver {
  constructor(private readonly service: DetectionService) {}

  @Query(() => [ViewerLogAlertType], {
    description:
      'Signalen van de detectie op het kijklog, nieuwste eerst (hoogstens 500): de HINQ-coördinator ziet alle, een privacyfunctionaris of FG die van de eigen organisatie.',
  })
  @Operation('read', 'ViewerLogAlert')
  async viewerLogAlerts(@CurrentActor() actor: Actor, @Audit() audit: AuditTrail): Promise<ViewerLogAlertType[]> {
    const alerts = await this.service.alerts(actor);
    audit.touched(...alerts.map((a) => a.id));
    return alerts.map(present);
  }

  @Mutation(() => ViewerLogAlertType, {
    description:
      'Privacyfunctionaris: doet een signaal van de eigen organisatie af, met een verplichte reden die bewaard blijft. Is het gemelde vermoedelijke datalek nog niet beoordeeld, dan wordt het met deze reden beoordeeld als geen datalek en afgesloten; een al beoordeeld datalek blijft zoals het is. Een reden die op cliëntgegevens lijkt vraagt eerst om bevestiging (PRIVACY_CONFIRMATION_REQUIRED).',
  })
  @Operation('update', 'ViewerLogAlert')
  async dismissViewerLogAlert(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
    @Args('confirmPrivacyWarnings', { type: () => Boolean, nullable: true }) confirmPrivacyWarnings: boolean | null,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<ViewerLogAlertType> {
    audit.touched(id);
    return present(await this.service.dismiss(actor, id, reason, confirmPrivacyWarnings));
  }
}

function present(a: StoredAlert): ViewerLogAlertType {
  return {
    id: a.id,
    organisation: { id: a.organisationId, name: a.organisationName },
    rule: a.rule,
    account: a.account,
    windowStart: a.windowStart,
    windowEnd: a.windowEnd,
    accesses: a.accesses,
    distinctRecords: a.distinctRecords,
    distinctOrganisations: a.distinctOrganisations,
    raisedAt: a.raisedAt,
    // Only for a reader who can open that incident (its own organisation's): HINQ reads the alert, not the breach.
    incidentId: a.incidentReference ? a.incidentId : null,
    incidentReference: a.incidentReference,
    incidentStage: a.incidentReference ? a.incidentStage : null,
    dismissedAt: a.dismissedAt,
    dismissedByName: a.dismissedByName,
    dismissalReason: a.dismissalReason,
  };
}
