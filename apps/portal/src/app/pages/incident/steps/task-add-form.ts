import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { map } from 'rxjs';
import {
  AddContainmentMeasureDocument,
  AddImprovementActionDocument,
} from '../../../shared/api/operations/incident.generated';
import { GraphqlClient } from '../../../shared/api/graphql-client.service';
import type { TranslationKey } from '../../../shared/i18n/nl';
import { TranslationService } from '../../../shared/i18n/translation.service';
import { amsterdamInputToIso } from '../incident-view';
import { MutationFeedback } from '../mutation-feedback';
import { MutationRunner } from '../mutation-runner';
import type { TaskKind } from './task-editor';
import '../../../shared/i18n/texts/incident';

/** The texts that differ between a new containment measure (step 4) and a new improvement action (step 7). */
const TEXTS: Readonly<
  Record<TaskKind, Readonly<Record<'description' | 'examples' | 'button' | 'added', TranslationKey>>>
> = {
  measure: {
    description: 'incident.measure.description',
    examples: 'incident.containment.examples',
    button: 'incident.containment.addButton',
    added: 'incident.containment.added',
  },
  action: {
    description: 'incident.improve.description',
    examples: 'incident.improve.examples',
    button: 'incident.improve.addButton',
    added: 'incident.improve.added',
  },
};

/** The form that adds a containment measure or an improvement action: description, owner and due date. */
@Component({
  selector: 'app-task-add-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatInputModule, MutationFeedback],
  template: `
    @let p = kind();
    <form
      [formGroup]="form"
      (ngSubmit)="add()"
      [attr.aria-labelledby]="labelledBy()"
      [attr.data-testid]="p + '-add-form'"
    >
      <mat-form-field appearance="outline">
        <mat-label>{{ t(texts().description) }}</mat-label>
        <textarea
          matInput
          formControlName="description"
          rows="2"
          [attr.data-testid]="p + '-new-description'"
        ></textarea>
        <mat-hint>{{ t(texts().examples) }}</mat-hint>
        @if (add$.problemFor('description'); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ t('incident.measure.owner') }}</mat-label>
        <input matInput formControlName="owner" [attr.data-testid]="p + '-new-owner'" />
        @if (add$.problemFor('owner'); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ t('incident.measure.due') }}</mat-label>
        <input matInput type="datetime-local" formControlName="dueAt" [attr.data-testid]="p + '-new-due'" />
        <mat-hint>{{ t('incident.timeHint') }}</mat-hint>
        @if (add$.problemFor('dueAt'); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>
      <app-mutation-feedback [runner]="add$" />
      <div class="actions">
        <button mat-stroked-button type="submit" [attr.data-testid]="p + '-add'" [disabled]="add$.busy()">
          {{ t(texts().button) }}
        </button>
      </div>
    </form>
  `,
  styleUrl: './step.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskAddForm {
  readonly kind = input.required<TaskKind>();
  /** The id of the heading that names the form, if any. */
  readonly labelledBy = input<string | null>(null);
  private readonly graphql = inject(GraphqlClient);
  protected readonly t = inject(TranslationService).t;
  protected readonly add$ = new MutationRunner();
  protected readonly texts = computed(() => TEXTS[this.kind()]);
  protected readonly form = inject(NonNullableFormBuilder).group({ description: '', owner: '', dueAt: '' });

  protected add(): void {
    const value = this.form.getRawValue();
    const kind = this.kind();
    const fields = {
      description: value.description,
      owner: value.owner.trim() || null,
      dueAt: amsterdamInputToIso(value.dueAt),
    };
    this.add$.run(
      (call) => {
        const variables = {
          id: call.id,
          expectedVersion: call.expectedVersion,
          input: { ...fields, confirmPrivacyWarnings: call.confirmPrivacyWarnings },
        };
        return kind === 'measure'
          ? this.graphql
              .request(AddContainmentMeasureDocument, variables)
              .pipe(map((data) => data.addContainmentMeasure))
          : this.graphql
              .request(AddImprovementActionDocument, variables)
              .pipe(map((data) => data.addImprovementAction));
      },
      {
        success: this.t(this.texts().added),
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
