import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { map } from 'rxjs';
import { AddContainmentMeasureDocument, CompleteContainmentDocument } from '../../../shared/api/generated/graphql';
import { GraphqlClient } from '../../../shared/api/graphql-client.service';
import { TranslationService } from '../../../shared/i18n/translation.service';
import { IncidentContext } from '../incident-context';
import { type Incident, amsterdamInputToIso, formatInstant, stepActions } from '../incident-view';
import { MutationFeedback } from '../mutation-feedback';
import { MutationRunner } from '../mutation-runner';
import { MeasureEditor } from './measure-editor';

/** Step 4: containment measures with owner, status and due date; the step closes when the breach has stopped. */
@Component({
  selector: 'app-containment-step',
  imports: [ReactiveFormsModule, MatButtonModule, MatInputModule, MeasureEditor, MutationFeedback],
  template: `
    @let i = incident();
    @if (completedAt(); as at) {
      <p class="hint" data-testid="containment-completed">{{ t('incident.containment.completedAt', { at }) }}</p>
    }
    <h3>{{ t('incident.containment.measures') }}</h3>
    @for (m of i.containment.measures; track m.id) {
      <app-measure-editor [measure]="m" [editable]="actions().updateMeasure" data-testid="measure" />
    } @empty {
      <p class="hint" data-testid="no-measures">{{ t('incident.containment.none') }}</p>
    }

    @if (actions().addMeasure) {
      <h3>{{ t('incident.containment.add') }}</h3>
      <form [formGroup]="form" (ngSubmit)="add()" data-testid="measure-add-form">
        <mat-form-field appearance="outline">
          <mat-label>{{ t('incident.measure.description') }}</mat-label>
          <textarea matInput formControlName="description" rows="2" data-testid="measure-description"></textarea>
          <mat-hint>{{ t('incident.containment.examples') }}</mat-hint>
          @if (add$.problemFor('description'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('incident.measure.owner') }}</mat-label>
          <input matInput formControlName="owner" data-testid="measure-new-owner" />
          @if (add$.problemFor('owner'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('incident.measure.due') }}</mat-label>
          <input matInput type="datetime-local" formControlName="dueAt" data-testid="measure-new-due" />
          <mat-hint>{{ t('incident.timeHint') }}</mat-hint>
          @if (add$.problemFor('dueAt'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <app-mutation-feedback [runner]="add$" />
        <div class="actions">
          <button mat-stroked-button type="submit" data-testid="measure-add" [disabled]="add$.busy()">
            {{ t('incident.containment.addButton') }}
          </button>
        </div>
      </form>
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
  protected readonly form = inject(NonNullableFormBuilder).group({ description: '', owner: '', dueAt: '' });

  protected add(): void {
    const value = this.form.getRawValue();
    this.add$.run(
      (call) =>
        this.graphql
          .request(AddContainmentMeasureDocument, {
            id: call.id,
            expectedVersion: call.expectedVersion,
            input: {
              description: value.description,
              owner: value.owner.trim() || null,
              dueAt: amsterdamInputToIso(value.dueAt),
              confirmPrivacyWarnings: call.confirmPrivacyWarnings,
            },
          })
          .pipe(map((data) => data.addContainmentMeasure)),
      {
        success: this.t('incident.containment.added'),
        controls: {
          description: this.form.controls.description,
          owner: this.form.controls.owner,
          dueAt: this.form.controls.dueAt,
        },
        onSuccess: () => this.form.reset(),
      },
    );
  }

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
