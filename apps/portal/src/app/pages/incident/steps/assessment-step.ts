import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { map } from 'rxjs';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import type { AssessmentConclusion } from '../../../shared/api/generated/graphql';
import { AssessIncidentDocument } from '../../../shared/api/operations/incident.generated';
import { GraphqlClient } from '../../../shared/api/graphql-client.service';
import { TranslationService } from '../../../shared/i18n/translation.service';
import { incidentLabel } from '../../../shared/labels/incident-labels';
import { IncidentContext } from '../incident-context';
import { type Incident, enumChoices, formatInstant, stepActions } from '../incident-view';
import { MutationFeedback } from '../mutation-feedback';
import { type Answer, MutationRunner } from '../mutation-runner';
import { ChoiceRadios } from './choice-radios';
import '../../../shared/i18n/texts/incident';

/**
 * Step 2: a breach, not a breach, or a near miss, with the reasoning either way. After the step closed the
 * assessment can be revised, with a reason (kept in the history).
 */
@Component({
  selector: 'app-assessment-step',
  imports: [ReactiveFormsModule, MatButtonModule, MatInputModule, ChoiceRadios, MutationFeedback],
  templateUrl: './assessment-step.html',
  styleUrl: './step.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssessmentStep {
  readonly incident = input.required<Incident>();
  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  private readonly context = inject(IncidentContext);
  protected readonly t = this.i18n.t;
  protected readonly run = new MutationRunner();

  protected readonly actions = computed(() => stepActions(this.incident(), this.context.mayUpdate()));
  /** A revision is asked for explicitly; a first assessment shows its form at once. */
  protected readonly revising = signal(false);
  protected readonly showForm = computed(
    () => this.actions().assess && (!this.incident().assessment || this.revising() || !!this.run.conflict()),
  );
  protected readonly conclusions = computed(() => enumChoices('AssessmentConclusion', this.i18n.lang()));
  protected readonly current = computed(() => {
    const a = this.incident().assessment;
    const lang = this.i18n.lang();
    return a
      ? {
          conclusion: incidentLabel('AssessmentConclusion', a.conclusion, lang),
          reasoning: a.reasoning,
          at: formatInstant(a.assessedAt, lang),
        }
      : null;
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    conclusion: '' as AssessmentConclusion | '',
    reasoning: '',
    reason: '',
  });

  constructor() {
    // A new version fills the form, unless the person is typing (then a conflict shows what changed instead).
    effect(() => {
      const a = this.incident().assessment;
      untracked(() => {
        if (this.form.dirty) return;
        this.form.reset({ conclusion: a?.conclusion ?? '', reasoning: a?.reasoning ?? '', reason: '' });
      });
    });
  }

  protected save(): void {
    const value = this.form.getRawValue();
    const revision = this.actions().assessIsRevision;
    if (!value.conclusion) {
      this.run.problems.set([{ field: 'conclusion', message: this.t('incident.assessment.chooseConclusion') }]);
      return;
    }
    this.run.run(
      (call) =>
        this.graphql
          .request(AssessIncidentDocument, {
            id: call.id,
            expectedVersion: call.expectedVersion,
            input: {
              conclusion: value.conclusion as AssessmentConclusion,
              reasoning: value.reasoning,
              reason: revision ? value.reason : null,
              confirmPrivacyWarnings: call.confirmPrivacyWarnings,
            },
          })
          .pipe(map((data) => data.assessIncident)),
      {
        success: this.t('incident.assessment.saved'),
        controls: {
          reasoning: this.form.controls.reasoning,
          reason: this.form.controls.reason,
        },
        mine: () => this.answers(value.conclusion, value.reasoning),
        stored: (incident) => this.answers(incident.assessment?.conclusion ?? '', incident.assessment?.reasoning ?? ''),
        onSuccess: () => {
          this.form.markAsPristine();
          this.revising.set(false);
        },
      },
    );
  }

  private answers(conclusion: string, reasoning: string): Answer[] {
    const lang = this.i18n.lang();
    return [
      {
        label: this.t('incident.assessment.conclusion'),
        value: conclusion ? incidentLabel('AssessmentConclusion', conclusion, lang) : '—',
      },
      { label: this.t('incident.assessment.reasoning'), value: reasoning || '—' },
    ];
  }
}
