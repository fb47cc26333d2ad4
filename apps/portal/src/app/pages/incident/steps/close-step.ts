import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { map } from 'rxjs';
import { CloseIncidentDocument, ReopenIncidentDocument } from '../../../shared/api/operations/incident.generated';
import { GraphqlClient } from '../../../shared/api/graphql-client.service';
import { TranslationService } from '../../../shared/i18n/translation.service';
import { incidentLabel } from '../../../shared/labels/incident-labels';
import { IncidentContext } from '../incident-context';
import { type Incident, formatInstant, stepActions } from '../incident-view';
import { MutationFeedback } from '../mutation-feedback';
import { MutationRunner } from '../mutation-runner';
import { ImprovementActions } from './improvement-actions';
import '../../../shared/i18n/texts/incident';

/** Step 7: register and close (consequences, how recurrence is prevented); re-open with a reason. */
@Component({
  selector: 'app-close-step',
  imports: [ReactiveFormsModule, MatButtonModule, MatInputModule, ImprovementActions, MutationFeedback],
  template: `
    @if (closure(); as c) {
      <dl class="facts" data-testid="closure">
        <dt>{{ t('incident.close.outcome') }}</dt>
        <dd data-testid="closure-outcome">{{ c.outcome }}</dd>
        <dt>{{ t('incident.close.consequences') }}</dt>
        <dd>{{ c.consequences }}</dd>
        <dt>{{ t('incident.close.recurrence') }}</dt>
        <dd>{{ c.recurrence }}</dd>
        <dt>{{ t('incident.close.closedAt') }}</dt>
        <dd>{{ c.at }}</dd>
      </dl>
    } @else if (!actions().close) {
      <p class="hint">{{ t('incident.close.waiting') }}</p>
    }
    <app-improvement-actions [incident]="incident()" />

    @if (actions().close) {
      <form [formGroup]="closeForm" (ngSubmit)="close()" data-testid="close-form">
        <p class="hint">{{ t('incident.close.hint') }}</p>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('incident.close.consequences') }}</mat-label>
          <textarea matInput formControlName="consequences" rows="3" data-testid="close-consequences"></textarea>
          @if (close$.problemFor('consequences'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('incident.close.recurrence') }}</mat-label>
          <textarea matInput formControlName="recurrencePrevention" rows="3" data-testid="close-recurrence"></textarea>
          @if (close$.problemFor('recurrencePrevention'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <app-mutation-feedback [runner]="close$" />
        <div class="actions">
          <button mat-flat-button type="submit" data-testid="close-submit" [disabled]="close$.busy()">
            {{ t('incident.close.submit') }}
          </button>
        </div>
      </form>
    }
    @if (actions().reopen) {
      <h3>{{ t('incident.reopen.title') }}</h3>
      <form [formGroup]="reopenForm" (ngSubmit)="reopen()" data-testid="reopen-form">
        <mat-form-field appearance="outline">
          <mat-label>{{ t('incident.reopen.reason') }}</mat-label>
          <textarea matInput formControlName="reason" rows="2" data-testid="reopen-reason"></textarea>
          @if (reopen$.problemFor('reason'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <app-mutation-feedback [runner]="reopen$" />
        <div class="actions">
          <button mat-stroked-button type="submit" data-testid="reopen-submit" [disabled]="reopen$.busy()">
            {{ t('incident.reopen.submit') }}
          </button>
        </div>
      </form>
    }
  `,
  styleUrl: './step.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CloseStep {
  readonly incident = input.required<Incident>();
  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  private readonly context = inject(IncidentContext);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly t = this.i18n.t;
  protected readonly close$ = new MutationRunner();
  protected readonly reopen$ = new MutationRunner();

  protected readonly actions = computed(() => stepActions(this.incident(), this.context.mayUpdate()));
  protected readonly closure = computed(() => {
    const c = this.incident().closure;
    const lang = this.i18n.lang();
    return c
      ? {
          outcome: incidentLabel('ClosedOutcome', c.outcome, lang),
          consequences: c.consequences ?? '—',
          recurrence: c.recurrencePrevention ?? '—',
          at: formatInstant(c.closedAt, lang),
        }
      : null;
  });
  protected readonly closeForm = this.fb.group({ consequences: '', recurrencePrevention: '' });
  protected readonly reopenForm = this.fb.group({ reason: '' });

  protected close(): void {
    const value = this.closeForm.getRawValue();
    this.close$.run(
      (call) =>
        this.graphql
          .request(CloseIncidentDocument, {
            id: call.id,
            expectedVersion: call.expectedVersion,
            input: {
              consequences: value.consequences,
              recurrencePrevention: value.recurrencePrevention.trim() || null,
              confirmPrivacyWarnings: call.confirmPrivacyWarnings,
            },
          })
          .pipe(map((data) => data.closeIncident)),
      {
        success: this.t('incident.close.closed'),
        controls: {
          consequences: this.closeForm.controls.consequences,
          recurrencePrevention: this.closeForm.controls.recurrencePrevention,
        },
        onSuccess: () => this.closeForm.reset(),
      },
    );
  }

  protected reopen(): void {
    const reason = this.reopenForm.getRawValue().reason;
    this.reopen$.run(
      (call) =>
        this.graphql
          .request(ReopenIncidentDocument, {
            id: call.id,
            expectedVersion: call.expectedVersion,
            reason,
            confirmPrivacyWarnings: call.confirmPrivacyWarnings,
          })
          .pipe(map((data) => data.reopenIncident)),
      {
        success: this.t('incident.reopen.done'),
        controls: { reason: this.reopenForm.controls.reason },
        onSuccess: () => this.reopenForm.reset(),
      },
    );
  }
}
