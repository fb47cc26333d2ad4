import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { map } from 'rxjs';
import type { Art34Exemption, DataSubjectOutcome } from '../../../shared/api/generated/graphql';
import {
  DecideDataSubjectsDocument,
  RecordDataSubjectsInformedDocument,
} from '../../../shared/api/operations/incident.generated';
import { GraphqlClient } from '../../../shared/api/graphql-client.service';
import { TranslationService } from '../../../shared/i18n/translation.service';
import { incidentLabel } from '../../../shared/labels/incident-labels';
import { IncidentContext } from '../incident-context';
import {
  type Incident,
  amsterdamInputToIso,
  enumChoices,
  formatInstant,
  isoToAmsterdamInput,
  stepActions,
} from '../incident-view';
import { MutationFeedback } from '../mutation-feedback';
import { type Answer, MutationRunner } from '../mutation-runner';
import { ChoiceRadios } from './choice-radios';
import '../../../shared/i18n/texts/incident';

/**
 * Step 6: inform the data subjects, not, or a public communication instead (with the art. 34(3) exemption), a
 * departure from the advice with its reason, and when they were informed.
 */
@Component({
  selector: 'app-data-subjects-step',
  imports: [ReactiveFormsModule, MatButtonModule, MatInputModule, MatSelectModule, ChoiceRadios, MutationFeedback],
  templateUrl: './data-subjects-step.html',
  styleUrl: './step.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DataSubjectsStep {
  readonly incident = input.required<Incident>();
  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  private readonly context = inject(IncidentContext);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly t = this.i18n.t;
  protected readonly decide$ = new MutationRunner();
  protected readonly informed$ = new MutationRunner();

  protected readonly actions = computed(() => stepActions(this.incident(), this.context.mayUpdate()));
  protected readonly revising = signal(false);
  protected readonly showForm = computed(
    () =>
      this.actions().decideDataSubjects &&
      (!this.incident().dataSubjectDecision || this.revising() || !!this.decide$.conflict()),
  );
  protected readonly outcomes = computed(() => enumChoices('DataSubjectOutcome', this.i18n.lang()));
  protected readonly exemptions = computed(() => enumChoices('Art34Exemption', this.i18n.lang()));
  protected readonly adviceText = computed(() => {
    const advice = this.incident().riskAdvice;
    const lang = this.i18n.lang();
    if (!advice) return null;
    const exemption = advice.exemption ? ` (${incidentLabel('Art34Exemption', advice.exemption, lang)})` : '';
    return `${incidentLabel('DataSubjectOutcome', advice.dataSubjects, lang)}${exemption}`;
  });

  protected readonly form = this.fb.group({
    outcome: '',
    exemption: '',
    reasoning: '',
    departureReason: '',
    reason: '',
  });
  private readonly chosen = toSignal(this.form.controls.outcome.valueChanges, { initialValue: '' });
  protected readonly departs = computed(() => {
    const advice = this.incident().riskAdvice;
    const chosen = this.chosen();
    return !!advice && chosen !== '' && chosen !== advice.dataSubjects;
  });
  /** Informing needs no exemption; not informing or a public communication names one. */
  protected readonly asksExemption = computed(() => this.chosen() !== '' && this.chosen() !== 'INFORM');

  protected readonly decided = computed(() => {
    const d = this.incident().dataSubjectDecision;
    const lang = this.i18n.lang();
    return d
      ? {
          outcome: incidentLabel('DataSubjectOutcome', d.outcome, lang),
          exemption: d.exemption ? incidentLabel('Art34Exemption', d.exemption, lang) : null,
          reasoning: d.reasoning,
          departureReason: d.departureReason,
          at: formatInstant(d.decidedAt, lang),
          followed: d.advice ? d.advice.dataSubjects === d.outcome : null,
        }
      : null;
  });
  protected readonly informedAt = computed(() => {
    const at = this.incident().dataSubjectsInformedAt;
    return at ? formatInstant(at, this.i18n.lang()) : null;
  });
  protected readonly informedForm = this.fb.group({ informedAt: isoToAmsterdamInput(new Date().toISOString()) });

  constructor() {
    effect(() => {
      const d = this.incident().dataSubjectDecision;
      untracked(() => {
        if (this.form.dirty) return;
        this.form.reset({
          outcome: d?.outcome ?? '',
          exemption: d?.exemption ?? '',
          reasoning: d?.reasoning ?? '',
          departureReason: d?.departureReason ?? '',
          reason: '',
        });
      });
    });
  }

  protected decide(): void {
    const value = this.form.getRawValue();
    if (!value.outcome) {
      this.decide$.problems.set([{ field: 'outcome', message: this.t('incident.subjects.chooseOutcome') }]);
      return;
    }
    const revision = !!this.incident().dataSubjectDecision;
    const departs = this.departs();
    const lang = this.i18n.lang();
    const answers = (outcome: string, reasoning: string): Answer[] => [
      {
        label: this.t('incident.subjects.outcome'),
        value: outcome ? incidentLabel('DataSubjectOutcome', outcome, lang) : '—',
      },
      { label: this.t('incident.reasoning'), value: reasoning || '—' },
    ];
    this.decide$.run(
      (call) =>
        this.graphql
          .request(DecideDataSubjectsDocument, {
            id: call.id,
            expectedVersion: call.expectedVersion,
            input: {
              outcome: value.outcome as DataSubjectOutcome,
              exemption: value.outcome !== 'INFORM' && value.exemption ? (value.exemption as Art34Exemption) : null,
              reasoning: value.reasoning,
              departureReason: departs ? value.departureReason : null,
              reason: revision ? value.reason : null,
              confirmPrivacyWarnings: call.confirmPrivacyWarnings,
            },
          })
          .pipe(map((data) => data.decideDataSubjects)),
      {
        success: this.t('incident.subjects.decided'),
        controls: {
          reasoning: this.form.controls.reasoning,
          departureReason: this.form.controls.departureReason,
          reason: this.form.controls.reason,
        },
        mine: () => answers(value.outcome, value.reasoning),
        stored: (incident) =>
          answers(incident.dataSubjectDecision?.outcome ?? '', incident.dataSubjectDecision?.reasoning ?? ''),
        onSuccess: () => {
          this.form.markAsPristine();
          this.revising.set(false);
        },
      },
    );
  }

  protected recordInformed(): void {
    // Untouched, the field means "now", sent to the second (the input holds whole minutes; see ApStep.record).
    const control = this.informedForm.controls.informedAt;
    const informedAt = control.dirty ? amsterdamInputToIso(control.value) : new Date().toISOString();
    if (!informedAt) {
      this.informed$.problems.set([{ field: 'informedAt', message: this.t('incident.subjects.informedAtMissing') }]);
      return;
    }
    this.informed$.run(
      (call) =>
        this.graphql
          .request(RecordDataSubjectsInformedDocument, {
            id: call.id,
            expectedVersion: call.expectedVersion,
            informedAt,
          })
          .pipe(map((data) => data.recordDataSubjectsInformed)),
      {
        success: this.t('incident.subjects.informedSaved'),
        controls: { informedAt: this.informedForm.controls.informedAt },
      },
    );
  }
}
