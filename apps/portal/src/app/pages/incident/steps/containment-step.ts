import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { map } from 'rxjs';
import { CompleteContainmentDocument } from '../../../shared/api/operations/incident.generated';
import { GraphqlClient } from '../../../shared/api/graphql-client.service';
import { TranslationService } from '../../../shared/i18n/translation.service';
import { IncidentContext } from '../incident-context';
import { type Incident, formatInstant, stepActions } from '../incident-view';
import { MutationFeedback } from '../mutation-feedback';
import { MutationRunner } from '../mutation-runner';
import { TaskAddForm } from './task-add-form';
import { TaskEditor } from './task-editor';
import '../../../shared/i18n/texts/incident';

/** Step 4: containment measures with owner, status and due date; the step closes when the breach has stopped. */
@Component({
  selector: 'app-containment-step',
  imports: [MatButtonModule, TaskAddForm, TaskEditor, MutationFeedback],
  template: `
    @let i = incident();
    @if (completedAt(); as at) {
      <p class="hint" data-testid="containment-completed">{{ t('incident.containment.completedAt', { at }) }}</p>
    }
    <h3>{{ t('incident.containment.measures') }}</h3>
    @for (m of i.containment.measures; track m.id) {
      <app-task-editor kind="measure" [item]="m" [editable]="actions().updateMeasure" data-testid="measure" />
    } @empty {
      <p class="hint" data-testid="no-measures">{{ t('incident.containment.none') }}</p>
    }

    @if (actions().addMeasure) {
      <h3>{{ t('incident.containment.add') }}</h3>
      <app-task-add-form kind="measure" />
    }

    @if (actions().completeContainment) {
      <h3>{{ t('incident.containment.completeTitle') }}</h3>
      <p class="hint">{{ t('incident.containment.completeHint') }}</p>
      <app-mutation-feedback [runner]="complete$" />
      <div class="actions">
        <button
          mat-flat-button
          type="button"
          data-testid="containment-complete"
          [disabled]="complete$.busy()"
          (click)="complete()"
        >
          {{ t('incident.containment.complete') }}
        </button>
      </div>
    }
  `,
  styleUrl: './step.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContainmentStep {
  readonly incident = input.required<Incident>();
  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  private readonly context = inject(IncidentContext);
  protected readonly t = this.i18n.t;
  protected readonly add$ = new MutationRunner();
  protected readonly complete$ = new MutationRunner();

  protected readonly actions = computed(() => stepActions(this.incident(), this.context.mayUpdate()));
  protected readonly completedAt = computed(() => {
    const at = this.incident().containment.completedAt;
    return at ? formatInstant(at, this.i18n.lang()) : null;
  });

  protected complete(): void {
    this.complete$.run(
      (call) =>
        this.graphql
          .request(CompleteContainmentDocument, { id: call.id, expectedVersion: call.expectedVersion })
          .pipe(map((data) => data.completeContainment)),
      { success: this.t('incident.containment.completed') },
    );
  }
}
