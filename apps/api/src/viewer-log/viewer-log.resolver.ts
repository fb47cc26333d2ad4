import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../auth/actor';
import { Audit, CurrentActor, type AuditTrail } from '../permissions/current-actor.decorator';
import { Operation } from '../permissions/operation.decorator';
import { ViewerLogService } from './viewer-log.service';
import { ViewerLogAnalysisType } from './viewer-log.type';

/** The viewer log's impact analysis (issue 18); the upload itself is REST (viewer-log.controller.ts). */
@Resolver(() => ViewerLogAnalysisType)
export class ViewerLogResolver {
  constructor(private readonly service: ViewerLogService) {}

  @Query(() => ViewerLogAnalysisType, {
    nullable: true,
    description:
      'HINQ-coördinator: de laatste kijklog-analyse van een ketenincident, met het voorstel; null als er nog geen is.',
  })
  @Operation('read', 'ViewerLogAnalysis')
  async viewerLogAnalysis(
    @Args('chainIncidentId', { type: () => ID }) chainIncidentId: string,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<ViewerLogAnalysisType | null> {
    audit.touched(chainIncidentId);
    const analysis = await this.service.latest(actor, chainIncidentId);
    if (analysis) audit.touched(analysis.id);
    return analysis;
  }

  @Mutation(() => ViewerLogAnalysisType, {
    description:
      'HINQ-coördinator bevestigt het voorstel: de gekozen organisaties (uit het voorstel) worden partners van het ketenincident, met de tellingen als onderbouwing.',
  })
  @Operation('update', 'ViewerLogAnalysis')
  async confirmViewerLogProposal(
    @Args('analysisId', { type: () => ID }) analysisId: string,
    @Args('organisationIds', { type: () => [ID] }) organisationIds: string[],
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<ViewerLogAnalysisType> {
    audit.touched(analysisId);
    const analysis = await this.service.confirm(actor, analysisId, organisationIds);
    audit.touched(analysis.chainIncidentId, ...organisationIds);
    return analysis;
  }
}
