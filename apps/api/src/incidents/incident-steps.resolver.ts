import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { adviceReference, type Art34Exemption, type AssessmentConclusion } from '@babyconnect/domain';
import type { DataSubjectOutcome, MeasureStatus } from '@babyconnect/domain';
import type { Actor } from '../auth/actor';
import { Audit, CurrentActor, type AuditTrail } from '../permissions/current-actor.decorator';
import { Operation } from '../permissions/operation.decorator';
import { freeText } from './free-text-labels';
import {
  EXPECTED_VERSION,
  applyIncidentCommand,
  defined,
  measureFields,
  toChecklistAnswers,
} from './incident-commands';
import {
  AddContainmentMeasureInput,
  AssessIncidentInput,
  ChecklistInput,
  CloseIncidentInput,
  DecideApNotificationInput,
  DecideDataSubjectsInput,
  RecordApNotificationInput,
  UpdateContainmentMeasureInput,
} from './incident.inputs';
import { IncidentType } from './incident.type';
import { IncidentsService } from './incidents.service';

/**
 * One mutation per protocol step. Each takes the incident's id and the version the person saw; the domain decides
 * (roles, stage, fields), the service writes state, version and history in the request's one transaction.
 */
@Resolver(() => IncidentType)
export class IncidentStepsResolver {
  constructor(private readonly service: IncidentsService) {}

  @Mutation(() => IncidentType, { description: 'Stap 2: datalek, geen datalek of bijna-incident, met redenering.' })
  @Operation('update', 'Incident')
  assessIncident(
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', EXPECTED_VERSION) expectedVersion: number,
    @Args('input') input: AssessIncidentInput,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<IncidentType> {
    return applyIncidentCommand(this.service, actor, audit, id, expectedVersion, {
      build: () => ({
        type: 'assess',
        conclusion: input.conclusion as AssessmentConclusion,
        reasoning: input.reasoning,
        ...defined({ reason: input.reason }),
      }),
      freeText: [
        freeText('reasoning', 'assessment.reasoning', input.reasoning),
        freeText('reason', 'reason', input.reason),
      ],
      confirmPrivacyWarnings: input.confirmPrivacyWarnings,
    });
  }

  @Mutation(() => IncidentType, { description: 'Stap 3: antwoorden van de checklist; wat ontbreekt blijft staan.' })
  @Operation('update', 'Incident')
  updateIncidentChecklist(
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', EXPECTED_VERSION) expectedVersion: number,
    @Args('input') input: ChecklistInput,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<IncidentType> {
    return applyIncidentCommand(this.service, actor, audit, id, expectedVersion, {
      build: () => ({ type: 'update-checklist', answers: toChecklistAnswers(input) }),
      freeText: [
        freeText('checklist.cause.description', 'checklist.cause.description', input.cause?.description),
        freeText('checklist.howDiscovered', 'checklist.howDiscovered', input.howDiscovered),
      ],
      confirmPrivacyWarnings: input.confirmPrivacyWarnings,
    });
  }

  @Mutation(() => IncidentType, { description: 'Stap 3 afronden.' })
  @Operation('update', 'Incident')
  completeIncidentOverview(
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', EXPECTED_VERSION) expectedVersion: number,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<IncidentType> {
    return applyIncidentCommand(this.service, actor, audit, id, expectedVersion, {
      build: () => ({ type: 'complete-overview' }),
      freeText: [],
      confirmPrivacyWarnings: null,
    });
  }

  @Mutation(() => IncidentType, { description: 'Stap 4: een maatregel toevoegen (eigenaar, termijn).' })
  @Operation('update', 'Incident')
  addContainmentMeasure(
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', EXPECTED_VERSION) expectedVersion: number,
    @Args('input') input: AddContainmentMeasureInput,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<IncidentType> {
    return applyIncidentCommand(this.service, actor, audit, id, expectedVersion, {
      build: () => ({
        type: 'add-containment-measure',
        measureId: randomUUID(),
        description: input.description,
        owner: input.owner ?? null,
        dueAt: input.dueAt ?? null,
      }),
      freeText: measureFields(input),
      confirmPrivacyWarnings: input.confirmPrivacyWarnings,
    });
  }

  @Mutation(() => IncidentType, { description: 'Stap 4: een maatregel bijwerken (status, eigenaar, termijn).' })
  @Operation('update', 'Incident')
  updateContainmentMeasure(
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', EXPECTED_VERSION) expectedVersion: number,
    @Args('input') input: UpdateContainmentMeasureInput,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<IncidentType> {
    return applyIncidentCommand(this.service, actor, audit, id, expectedVersion, {
      build: () => ({
        type: 'update-containment-measure',
        measureId: input.measureId,
        ...defined({ description: input.description, status: input.status as MeasureStatus | undefined }),
        // An explicit null clears the owner or the due date.
        ...(input.owner !== undefined ? { owner: input.owner } : {}),
        ...(input.dueAt !== undefined ? { dueAt: input.dueAt } : {}),
      }),
      freeText: measureFields({ description: input.description ?? '', owner: input.owner }),
      confirmPrivacyWarnings: input.confirmPrivacyWarnings,
    });
  }

  @Mutation(() => IncidentType, { description: 'Stap 4 afronden: het lek is gestopt, elke maatregel klaar.' })
  @Operation('update', 'Incident')
  completeContainment(
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', EXPECTED_VERSION) expectedVersion: number,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<IncidentType> {
    return applyIncidentCommand(this.service, actor, audit, id, expectedVersion, {
      build: () => ({ type: 'complete-containment' }),
      freeText: [],
      confirmPrivacyWarnings: null,
    });
  }

  @Mutation(() => IncidentType, {
    description: 'Stap 5: besluit over melden aan de AP. Het advies wordt erbij bewaard; afwijken vraagt een reden.',
  })
  @Operation('update', 'Incident')
  decideApNotification(
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', EXPECTED_VERSION) expectedVersion: number,
    @Args('input') input: DecideApNotificationInput,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<IncidentType> {
    return applyIncidentCommand(this.service, actor, audit, id, expectedVersion, {
      build: (_incident, advise) => ({
        type: 'decide-ap-notification',
        notify: input.notify,
        reasoning: input.reasoning,
        advice: adviceReference(advise()),
        departureReason: input.departureReason ?? null,
        ...defined({ reason: input.reason }),
      }),
      freeText: [
        freeText('reasoning', 'apDecision.reasoning', input.reasoning),
        freeText('departureReason', 'departureReason', input.departureReason),
        freeText('reason', 'reason', input.reason),
      ],
      confirmPrivacyWarnings: input.confirmPrivacyWarnings,
    });
  }

  @Mutation(() => IncidentType, {
    description: 'Stap 5: de melding aan de AP vastleggen; na 72 uur met de redenen voor de vertraging.',
  })
  @Operation('update', 'Incident')
  recordApNotification(
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', EXPECTED_VERSION) expectedVersion: number,
    @Args('input') input: RecordApNotificationInput,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<IncidentType> {
    return applyIncidentCommand(this.service, actor, audit, id, expectedVersion, {
      build: () => ({
        type: 'record-ap-notification',
        submittedAt: input.submittedAt,
        apReference: input.apReference ?? null,
        delayReasons: input.delayReasons ?? null,
        ...defined({ reason: input.reason }),
      }),
      freeText: [
        freeText('apReference', 'apReference', input.apReference),
        freeText('delayReasons', 'delayReasons', input.delayReasons),
        freeText('reason', 'reason', input.reason),
      ],
      confirmPrivacyWarnings: input.confirmPrivacyWarnings,
    });
  }

  @Mutation(() => IncidentType, { description: 'Stap 6: besluit over het informeren van betrokkenen.' })
  @Operation('update', 'Incident')
  decideDataSubjects(
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', EXPECTED_VERSION) expectedVersion: number,
    @Args('input') input: DecideDataSubjectsInput,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<IncidentType> {
    return applyIncidentCommand(this.service, actor, audit, id, expectedVersion, {
      build: (_incident, advise) => ({
        type: 'decide-data-subjects',
        outcome: input.outcome as DataSubjectOutcome,
        reasoning: input.reasoning,
        exemption: (input.exemption ?? null) as Art34Exemption | null,
        advice: adviceReference(advise()),
        departureReason: input.departureReason ?? null,
        ...defined({ reason: input.reason }),
      }),
      freeText: [
        freeText('reasoning', 'dataSubjectDecision.reasoning', input.reasoning),
        freeText('departureReason', 'departureReason', input.departureReason),
        freeText('reason', 'reason', input.reason),
      ],
      confirmPrivacyWarnings: input.confirmPrivacyWarnings,
    });
  }

  @Mutation(() => IncidentType, { description: 'Stap 6: vastleggen wanneer de betrokkenen zijn geïnformeerd.' })
  @Operation('update', 'Incident')
  recordDataSubjectsInformed(
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', EXPECTED_VERSION) expectedVersion: number,
    @Args('informedAt') informedAt: Date,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<IncidentType> {
    return applyIncidentCommand(this.service, actor, audit, id, expectedVersion, {
      build: () => ({ type: 'record-data-subjects-informed', informedAt }),
      freeText: [],
      confirmPrivacyWarnings: null,
    });
  }

  @Mutation(() => IncidentType, { description: 'FG: advies vastleggen, in elke fase, ook na afsluiten.' })
  @Operation('advise', 'Incident')
  recordDpoAdvice(
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', EXPECTED_VERSION) expectedVersion: number,
    @Args('text') text: string,
    @Args('confirmPrivacyWarnings', { type: () => Boolean, nullable: true }) confirm: boolean | null | undefined,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<IncidentType> {
    return applyIncidentCommand(this.service, actor, audit, id, expectedVersion, {
      build: () => ({ type: 'record-dpo-advice', text }),
      freeText: [freeText('text', 'dpoAdvice', text)],
      confirmPrivacyWarnings: confirm,
    });
  }

  @Mutation(() => IncidentType, { description: 'Stap 7: registreren en afsluiten.' })
  @Operation('update', 'Incident')
  closeIncident(
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', EXPECTED_VERSION) expectedVersion: number,
    @Args('input') input: CloseIncidentInput,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<IncidentType> {
    return applyIncidentCommand(this.service, actor, audit, id, expectedVersion, {
      build: () => ({
        type: 'close',
        consequences: input.consequences,
        recurrencePrevention: input.recurrencePrevention ?? null,
      }),
      freeText: [
        freeText('consequences', 'consequences', input.consequences),
        freeText('recurrencePrevention', 'recurrencePrevention', input.recurrencePrevention),
      ],
      confirmPrivacyWarnings: input.confirmPrivacyWarnings,
    });
  }

  @Mutation(() => IncidentType, { description: 'Heropenen, met een reden.' })
  @Operation('update', 'Incident')
  reopenIncident(
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', EXPECTED_VERSION) expectedVersion: number,
    @Args('reason') reason: string,
    @Args('confirmPrivacyWarnings', { type: () => Boolean, nullable: true }) confirm: boolean | null | undefined,
    @CurrentActor() actor: Actor,
    @Audit() audit: AuditTrail,
  ): Promise<IncidentType> {
    return applyIncidentCommand(this.service, actor, audit, id, expectedVersion, {
      build: () => ({ type: 'reopen', reason }),
      freeText: [freeText('reason', 'reopenReason', reason)],
      confirmPrivacyWarnings: confirm,
    });
  }
}
