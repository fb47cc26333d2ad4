import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { map } from 'rxjs';
import type { MeasureStatus } from '../../../shared/api/generated/graphql';
import {
  UpdateContainmentMeasureDocument,
  UpdateImprovementActionDocument,
} from '../../../shared/api/operations/incident.generated';
import { GraphqlClient } from '../../../shared/api/graphql-client.service';
import { TranslationService } from '../../../shared/i18n/translation.service';
import { incidentLabel } from '../../../shared/labels/incident-labels';
import { type Incident, amsterdamInputToIso, enumChoices, formatInstant, isoToAmsterdamInput } from '../incident-view';
import { MutationFeedback } from '../mutation-feedback';
import { type Answer, MutationRunner } from '../mutation-runner';
import '../../../shared/i18n/texts/incident';

/** A containment measure (step 4) or an improvement action (step 7): the same shape, the same editing. */
export type Task = Incident['containment']['measures'][number] | Incident['improvementActions'][number];
/** Which list the task belongs to: its mutation, its texts, and the prefix of its test ids (`measure-…`, `action-…`). */
export type TaskKind = 'measure' | 'action';

/** One containment measure or improvement action: read, or (for the privacy officer) its owner, status and due date changed. */
@Component({
  selector: 'app-task-editor',
  imports: [ReactiveFormsModule, MatButtonModule, MatInputModule, MatSelectModule, MutationFeedback],
  template: `
    @let a = item();
    @let p = kind();
    <h4 class="title" [id]="p + '-' + a.id" [attr.data-testid]="p + '-title'">{{ a.description }}</h4>
    <p class="meta" [attr.data-testid]="p + '-meta'">
      <span [attr.data-testid]="p + '-status'">{{ view().status }}</span> · {{ t('incident.measure.owner') }}:
      {{ a.owner || '—' }} · {{ t('incident.measure.due') }}: {{ view().due }}
      @if (a.doneAt) {
        · <span [attr.data-testid]="p + '-done-at'">{{ t('incident.measure.doneAt') }}: {{ view().done }}</span>
      }
    </p>
    @if (editable()) {
      <form
        class="edit"
        [formGroup]="form"
        (ngSubmit)="save()"
        [attr.aria-labelledby]="p + '-' + a.id"
        [attr.data-testid]="p + '-form'"
      >
        <mat-form-field appearance="outline">
          <mat-label>{{ t('incident.measure.status') }}</mat-label>
          <mat-select formControlName="status" [attr.data-testid]="p + '-status-select'">
            @for (o of statuses(); track o.value) {
              <mat-option [value]="o.value">{{ o.label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('incident.measure.owner') }}</mat-label>
          <input matInput formControlName="owner" [attr.data-testid]="p + '-owner'" />
          @if (run.problemFor('owner'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('incident.measure.due') }}</mat-label>
          <input matInput type="datetime-local" formControlName="dueAt" [attr.data-testid]="p + '-due'" />
          @if (run.problemFor('dueAt'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <div class="actions">
          <button mat-stroked-button type="submit" [attr.data-testid]="p + '-save'" [disabled]="run.busy()">
            {{ p === 'measure' ? t('incident.measure.save') : t('incident.improve.save') }}
          </button>
        </div>
      </form>
      <app-mutation-feedback [runner]="run" />
    }
  `,
  styles: `
    :host {
      display: block;
      border-top: 1px solid var(--mat-sys-outline-variant);
      padding: 8px 0;
    }
    .title {
      font: var(--mat-sys-title-small);
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .meta {
      margin: 4px 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .edit {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
      align-items: flex-start;
    }
    .edit mat-form-field {
      width: 14rem;
    }
    .actions {
      padding-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskEditor {
  readonly kind = input.required<TaskKind>();
  readonly item = input.required<Task>();
  readonly editable = input(false);
  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;
  protected readonly run = new MutationRunner();

  protected readonly statuses = computed(() => enumChoices('MeasureStatus', this.i18n.lang()));
  protected readonly view = computed(() => {
    const a = this.item();
    const lang = this.i18n.lang();
    return {
      status: incidentLabel('MeasureStatus', a.status, lang),
      due: formatInstant(a.dueAt, lang),
      done: formatInstant(a.doneAt, lang),
    };
  });
  protected readonly form = inject(NonNullableFormBuilder).group({
    status: 'PLANNED' as MeasureStatus,
    owner: '',
    dueAt: '',
  });

  constructor() {
    effect(() => {
      const a = this.item();
      untracked(() => {
        if (!this.form.dirty) {
          this.form.reset({ status: a.status, owner: a.owner ?? '', dueAt: isoToAmsterdamInput(a.dueAt) });
        }
      });
    });
  }

  protected save(): void {
    const value = this.form.getRawValue();
    const taskId = this.item().id;
    const kind = this.kind();
    const answers = (status: string, owner: string, due: string | null): Answer[] => {
      const lang = this.i18n.lang();
      return [
        { label: this.t('incident.measure.status'), value: incidentLabel('MeasureStatus', status, lang) },
        { label: this.t('incident.measure.owner'), value: owner || '—' },
        { label: this.t('incident.measure.due'), value: formatInstant(due, lang) },
      ];
    };
    // Emptied fields clear the owner or the due date.
    const changes = {
      status: value.status,
      owner: value.owner.trim() || null,
      dueAt: amsterdamInputToIso(value.dueAt),
    };
    this.run.run(
      (call) =>
        kind === 'measure'
          ? this.graphql
              .request(UpdateContainmentMeasureDocument, {
                id: call.id,
                expectedVersion: call.expectedVersion,
                input: { measureId: taskId, ...changes, confirmPrivacyWarnings: call.confirmPrivacyWarnings },
              })
              .pipe(map((data) => data.updateContainmentMeasure))
          : this.graphql
              .request(UpdateImprovementActionDocument, {
                id: call.id,
                expectedVersion: call.expectedVersion,
                input: { actionId: taskId, ...changes, confirmPrivacyWarnings: call.confirmPrivacyWarnings },
              })
              .pipe(map((data) => data.updateImprovementAction)),
      {
        success: kind === 'measure' ? this.t('incident.measure.saved') : this.t('incident.improve.saved'),
        controls: { owner: this.form.controls.owner, dueAt: this.form.controls.dueAt },
        mine: () => answers(value.status, value.owner.trim(), amsterdamInputToIso(value.dueAt)),
        stored: (incident) => {
          const list = kind === 'measure' ? incident.containment.measures : incident.improvementActions;
          const now = list.find((task) => task.id === taskId);
          return now ? answers(now.status, now.owner ?? '', now.dueAt) : [];
        },
        onSuccess: () => this.form.markAsPristine(),
      },
    );
  }
}
