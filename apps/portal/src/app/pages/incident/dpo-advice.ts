import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { map } from 'rxjs';
import { RecordDpoAdviceDocument } from '../../shared/api/operations/incident.generated';
import { GraphqlClient } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { IncidentContext } from './incident-context';
import { type Incident, formatInstant } from './incident-view';
import { MutationFeedback } from './mutation-feedback';
import { MutationRunner } from './mutation-runner';
import '../../shared/i18n/texts/incident';

/** The FG's advice: every reader sees the list; the FG (dpo) adds advice at any stage, also after closing. */
@Component({
  selector: 'app-dpo-advice',
  imports: [ReactiveFormsModule, MatButtonModule, MatInputModule, MutationFeedback],
  template: `
    <section aria-labelledby="dpo-title" data-testid="dpo-advice">
      <h2 id="dpo-title">{{ t('incident.dpo.title') }}</h2>
      @if (advice().length > 0) {
        <ol class="list">
          @for (a of advice(); track $index) {
            <li data-testid="dpo-advice-item">
              <p class="when">{{ a.at }}</p>
              <p class="text">{{ a.text }}</p>
            </li>
          }
        </ol>
      } @else {
        <p class="hint" data-testid="dpo-none">{{ t('incident.dpo.none') }}</p>
      }
      @if (context.mayAdvise()) {
        <form [formGroup]="form" (ngSubmit)="save()" data-testid="dpo-form">
          <mat-form-field appearance="outline">
            <mat-label>{{ t('incident.dpo.new') }}</mat-label>
            <textarea matInput formControlName="text" rows="3" data-testid="dpo-text"></textarea>
            @if (run.problemFor('text'); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
          <app-mutation-feedback [runner]="run" />
          <div class="actions">
            <button mat-flat-button type="submit" data-testid="dpo-save" [disabled]="run.busy()">
              {{ t('incident.dpo.save') }}
            </button>
          </div>
        </form>
      }
    </section>
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 8px;
    }
    .list {
      padding-left: 20px;
      max-width: 90ch;
    }
    .when {
      color: var(--mat-sys-on-surface-variant);
      margin: 0;
    }
    .text {
      margin: 0 0 8px;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    form {
      max-width: 75ch;
    }
    mat-form-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DpoAdvice {
  readonly incident = input.required<Incident>();
  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  protected readonly context = inject(IncidentContext);
  protected readonly t = this.i18n.t;
  protected readonly run = new MutationRunner();

  protected readonly advice = computed(() =>
    this.incident().dpoAdvice.map((a) => ({ text: a.text, at: formatInstant(a.recordedAt, this.i18n.lang()) })),
  );
  protected readonly form = inject(NonNullableFormBuilder).group({ text: '' });

  protected save(): void {
    const text = this.form.getRawValue().text;
    this.run.run(
      (call) =>
        this.graphql
          .request(RecordDpoAdviceDocument, {
            id: call.id,
            expectedVersion: call.expectedVersion,
            text,
            confirmPrivacyWarnings: call.confirmPrivacyWarnings,
          })
          .pipe(map((data) => data.recordDpoAdvice)),
      {
        success: this.t('incident.dpo.saved'),
        controls: { text: this.form.controls.text },
        onSuccess: () => this.form.reset(),
      },
    );
  }
}
