import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import type { MeasureStatus, RiskAnswers, YesNoUnknown } from '@babyconnect/domain';
import type { Actor } from '../auth/actor';
import { Audit, CurrentActor, type AuditTrail } from '../permissions/current-actor.decorator';
import { Operation } from '../permissions/operation.decorator';
import { freeText } from './free-text-labels';
import { EXPECTED_VERSION, applyIncidentCommand, defined } from './incident-commands';
import {
  AddImprovementActionInput,
  CorrectReportInput,
  RiskAnswersInput,
  UpdateImprovementActionInput,
} from './incident.inputs';
import { IncidentType } from './incident.type';
import { IncidentsService } from './incidents.service';

/**
 * What may still change beside the protocol's line: the report (step 1) corrected, the risk answers of steps 5
 * and 6, and the improvement actions of step 7 (which go on after closing). Same rules as the step mutations:
 * the incident's version, the domain decides, one transaction with the history and the access-log row.
 */
@Resolver(() => IncidentType)
export class IncidentRevisionsResolver {
  constructor(private readonly service: IncidentsService) {}

  @Mutation(() => IncidentType, {
    description:
      'Stap 1 corrigeren. De melder zelf zolang niemand beoordeelde, daarna de privacyfunctionaris. Een ander tijdstip van ontdekking verschuift de AP-termijn en vraagt een reden. De melder krijgt alleen de eigen melding terug.',
  })
  // Whoever may report may correct their own report; the domain narrows it to the reporter before assessment.
  @Operation('report', 'Incident')
  correctReport(
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', EXPECTED_VERSION) expectedVersion: number,
    @Args('input') input: CorrectReportInput,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<IncidentType> {
    return applyIncidentCommand(this.service, actor, audit, id, expectedVersion, {
      build: () => ({
        type: 'correct-report',
        ...defined({
          whatHappened: input.whatHappened,
          discoveredAt: input.discoveredAt,
          otherOrganisationsInvolved: input.otherOrganisationsInvolved as YesNoUnknown | null | undefined,
          reason: input.reason,
        }),
        // An explicit null empties "how discovered"; left out keeps it.
        ...(input.howDiscovered !== undefined ? { howDiscovered: input.howDiscovered } : {}),
      }),
      freeText: [
        freeText('whatHappened', 'whatHappened', input.whatHappened),
        freeText('howDiscovered', 'howDiscovered', input.howDiscovered),
        freeText('reason', 'reason', input.reason),
      ],
      confirmPrivacyWarnings: input.confirmPrivacyWarnings,
      reporterMayAct: true,
    });
  }

  @Mutation(() => IncidentType, {
    description:
      'Stap 5 en 6: antwoorden voor het risicoadvies die de checklist niet vraagt; wat ontbreekt blijft staan. Na een besluit over stap 5 of 6 met een reden.',
  })
  @Operation('update', 'Incident')
  updateRiskAnswers(
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', EXPECTED_VERSION) expectedVersion: number,
    @Args('input') input: RiskAnswersInput,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<IncidentType> {
    const { reason, confirmPrivacyWarnings, ...answers } = input;
    return applyIncidentCommand(this.service, actor, audit, id, expectedVersion, {
      build: () => ({
        type: 'update-risk-answers',
        answers: defined(answers) as Partial<RiskAnswers>,
        ...defined({ reason }),
      }),
      freeText: [freeText('reason', 'reason', reason)],
      confirmPrivacyWarnings,
    });
  }

  @Mutation(() => IncidentType, {
    description: 'Stap 7, lering: een verbeteractie toevoegen (eigenaar, termijn), ook na het afsluiten.',
  })
  @Operation('update', 'Incident')
  addImprovementAction(
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', EXPECTED_VERSION) expectedVersion: number,
    @Args('input') input: AddImprovementActionInput,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<IncidentType> {
    return applyIncidentCommand(this.service, actor, audit, id, expectedVersion, {
      build: () => ({
        type: 'add-improvement-action',
        actionId: randomUUID(),
        description: input.description,
        owner: input.owner ?? null,
        dueAt: input.dueAt ?? null,
      }),
      freeText: actionFields(input),
      confirmPrivacyWarnings: input.confirmPrivacyWarnings,
    });
  }

  @Mutation(() => IncidentType, {
    description: 'Stap 7, lering: een verbeteractie bijwerken (status, eigenaar, termijn), ook na het afsluiten.',
  })
  @Operation('update', 'Incident')
  updateImprovementAction(
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', EXPECTED_VERSION) expectedVersion: number,
    @Args('input') input: UpdateImprovementActionInput,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<IncidentType> {
    return applyIncidentCommand(this.service, actor, audit, id, expectedVersion, {
      build: () => ({
        type: 'update-improvement-action',
        actionId: input.actionId,
        ...defined({ description: input.description, status: input.status as MeasureStatus | undefined }),
        // An explicit null clears the owner or the due date.
        ...(input.owner !== undefined ? { owner: input.owner } : {}),
        ...(input.dueAt !== undefined ? { dueAt: input.dueAt } : {}),
      }),
      freeText: actionFields(input),
      confirmPrivacyWarnings: input.confirmPrivacyWarnings,
    });
  }
}

function actionFields(input: { description?: string | null; owner?: string | null }) {
  return [
    freeText('description', 'improvementAction.description', input.description),
    freeText('owner', 'improvementAction.owner', input.owner),
  ];
}
