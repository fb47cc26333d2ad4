import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { map } from 'rxjs';
import { AddImprovementActionDocument } from '../../../shared/api/generated/graphql';
import { GraphqlClient } from '../../../shared/api/graphql-client.service';
import { TranslationService } from '../../../shared/i18n/translation.service';
import { IncidentContext } from '../incident-context';
import { type Incident, amsterdamInputToIso, stepActions } from '../incident-view';
import { MutationFeedback } from '../mutation-feedback';
import { MutationRunner } from '../mutation-runner';
import { ImprovementActionEditor } from './improvement-action-editor';

/**
 * Step 7's lessons learned: the improvement actions with owner, due date and status, added and followed by the
 * privacy officer from the overview on and after the incident closed (improvement goes on after the register).
 */
@Component({
  selector: 'app-improvement-actions',
  imports: [ReactiveFormsModule, MatButtonModule, MatInputModule, ImprovementActionEditor, MutationFeedback],
  template: `
    @let i = incident();
    <section aria-labelledby="improvement-title" data-testid="improvement-actions">
      <h3 id="improvement-title">{{ t('incident.improve.title') }}</h3>
      <p class="hint">{{ t('incident.improve.hint') }}</p>
      @if (i.stage === 'REPORTED') {
        <p class="hint" data-testid="improvement-waiting">{{ t('incident.improve.waiting') }}</p>
      }
      @for (a of i.improvementActions; track a.id) {
        <app-improvement-action-editor [action]="a" [editable]="actions().updateImprovement" data-testid="action" />
      } @empty {
        @if (i.stage !== 'REPORTED') {
          <p class="hint" data-testid="no-actions">{{ t('incident.improve.none') }}</p>
        }
      }

      @if (actions().addImprovement) {
        <h4 id="improvement-add-title">{{ t('incident.improve.add') }}</h4>
        <form
          [formGroup]="form"
          (ngSubmit)="add()"
          aria-labelledby="improvement-add-title"
          data-testid="action-add-form"
        >
          <mat-form-field appearance="outline">
            <mat-label>{{ t('incident.improve.description') }}</mat-label>
            <textarea matInput formControlName="description" rows="2" data-testid="action-new-description"></textarea>
            <mat-hint>{{ t('incident.improve.examples') }}</mat-hint>
            @if (add$.problemFor('description'); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('incident.measure.owner') }}</mat-label>
            <input matInput formControlName="owner" data-testid="action-new-owner" />
            @if (add$.problemFor('owner'); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('incident.measure.due') }}</mat-label>
            <input matInput type="datetime-local" formControlName="dueAt" data-testid="action-new-due" />
            <mat-hint>{{ t('incident.timeHint') }}</mat-hint>
            @if (add$.problemFor('dueAt'); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
          <app-mutation-feedback [runner]="add$" />
          <div class="actions">
            <button mat-stroked-button type="submit" data-testid="action-add" [disabled]="add$.busy()">
              {{ t('incident.improve.addButton') }}
            </button>
          </div>
        </form>
      }
    </section>
  `,
  styleUrl: './step.scss',
  styles: `
    h4 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImprovementActions {
  readonly incident = input.required<Incident>();
  private readonly graphql = inject(GraphqlClient);
  private readonly context = inject(IncidentContext);
  protected readonly t = inject(TranslationService).t;
  protected readonly add$ = new MutationRunner();

  protected readonly actions = computed(() => stepActions(this.incident(), this.context.mayUpdate()));
  protected readonly form = inject(NonNullableFormBuilder).group({ description: '', owner: '', dueAt: '' });

  protected add(): void {
    const value = this.form.getRawValue();
    this.add$.run(
      (call) =>
        this.graphql
          .request(AddImprovementActionDocument, {
            id: call.id,
            expectedVersion: call.expectedVersion,
            input: {
              description: value.description,
              owner: value.owner.trim() || null,
              dueAt: amsterdamInputToIso(value.dueAt),
              confirmPrivacyWarnings: call.confirmPrivacyWarnings,
            },
          })
          .pipe(map((data) => data.addImprovementAction)),
      {
        success: this.t('incident.improve.added'),
        controls: {
          description: this.form.controls.description,
          owner: this.form.controls.owner,
          dueAt: this.form.controls.dueAt,
        },
        onSuccess: () => this.form.reset(),
      },
    );
  }
}
