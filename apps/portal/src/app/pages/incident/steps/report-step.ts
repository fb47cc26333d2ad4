import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { map } from 'rxjs';
import type { CorrectReportInput, YesNoUnknown } from '../../../shared/api/generated/graphql';
import { CorrectReportDocument } from '../../../shared/api/operations/incident.generated';
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

interface ReportForm {
  whatHappened: string;
  discoveredAt: string;
  reason: string;
  howDiscovered: string;
  otherOrganisationsInvolved: YesNoUnknown;
}

/** Step 1: what was reported; the privacy officer corrects it until the incident closes (every change is kept). */
@Component({
  selector: 'app-report-step',
  imports: [ReactiveFormsModule, MatButtonModule, MatInputModule, ChoiceRadios, MutationFeedback],
  template: `
    @let r = view();
    <dl class="facts" data-testid="report-facts">
      <dt>{{ t('incident.report.whatHappened') }}</dt>
      <dd data-testid="report-what">{{ r.whatHappened }}</dd>
      <dt>{{ t('incident.report.discoveredAt') }}</dt>
      <dd data-testid="report-discovered-at">{{ r.discoveredAt }}</dd>
      <dt>{{ t('incident.report.reportedAt') }}</dt>
      <dd>{{ r.reportedAt }}</dd>
      <dt>{{ t('incident.report.howDiscovered') }}</dt>
      <dd data-testid="report-how">{{ r.howDiscovered }}</dd>
      <dt>{{ t('incident.report.otherOrganisations') }}</dt>
      <dd data-testid="report-other-organisations">{{ r.otherOrganisations }}</dd>
      @if (incident().exercise) {
        <dt>{{ t('incident.exercise') }}</dt>
        <dd>{{ t('incident.exerciseExplained') }}</dd>
      }
    </dl>
    @if (newDeadline(); as deadline) {
      <p class="hint" data-testid="report-new-deadline">{{ t('incident.correct.newDeadline', { deadline }) }}</p>
    }

    @if (actions().correctReport) {
      @if (!showForm()) {
        <app-mutation-feedback [runner]="run" />
        <div class="actions">
          <button mat-stroked-button type="button" data-testid="report-correct-open" (click)="open()">
            {{ t('incident.correct.open') }}
          </button>
        </div>
      } @else {
        <h3 id="report-correct-title">{{ t('incident.correct.title') }}</h3>
        <form
          [formGroup]="form"
          (ngSubmit)="save()"
          aria-labelledby="report-correct-title"
          data-testid="report-correct-form"
        >
          <p class="hint">{{ t('incident.correct.hint') }}</p>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('incident.report.whatHappened') }}</mat-label>
            <textarea matInput formControlName="whatHappened" rows="3" data-testid="correct-what"></textarea>
            @if (run.problemFor('whatHappened'); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('incident.report.discoveredAt') }}</mat-label>
            <input matInput type="datetime-local" formControlName="discoveredAt" data-testid="correct-discovered-at" />
            <mat-hint>{{ t('incident.timeHint') }}</mat-hint>
            @if (discoveryProblem(); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
          @if (movesDiscovery()) {
            <mat-form-field appearance="outline">
              <mat-label>{{ t('incident.correct.reason') }}</mat-label>
              <textarea matInput formControlName="reason" rows="2" required data-testid="correct-reason"></textarea>
              <mat-hint>{{ t('incident.correct.reasonHint') }}</mat-hint>
              @if (run.problemFor('reason'); as message) {
                <mat-error>{{ message }}</mat-error>
              }
            </mat-form-field>
          }
          <mat-form-field appearance="outline">
            <mat-label>{{ t('incident.report.howDiscovered') }}</mat-label>
            <textarea matInput formControlName="howDiscovered" rows="2" data-testid="correct-how"></textarea>
            @if (run.problemFor('howDiscovered'); as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
          <app-choice-radios
            id="correct-other-organisations"
            [label]="t('incident.report.otherOrganisations')"
            [control]="form.controls.otherOrganisationsInvolved"
            [options]="yesNo()"
            [error]="run.problemFor('otherOrganisationsInvolved')"
          />
          <app-mutation-feedback [runner]="run" />
          <div class="actions">
            <button mat-flat-button type="submit" data-testid="correct-save" [disabled]="run.busy()">
              {{ t('incident.correct.save') }}
            </button>
            <button mat-button type="button" data-testid="correct-cancel" (click)="cancel()">
              {{ t('incident.cancel') }}
            </button>
          </div>
        </form>
      }
    }
  `,
  styleUrl: './step.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportStep {
  readonly incident = input.required<Incident>();
  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  private readonly context = inject(IncidentContext);
  protected readonly t = this.i18n.t;
  protected readonly run = new MutationRunner();

  protected readonly actions = computed(() => stepActions(this.incident(), this.context.mayUpdate()));
  protected readonly view = computed(() => {
    const i = this.incident();
    const lang = this.i18n.lang();
    return {
      whatHappened: i.report.whatHappened,
      discoveredAt: formatInstant(i.report.discoveredAt, lang),
      reportedAt: formatInstant(i.reportedAt, lang),
      howDiscovered: i.report.howDiscovered ?? '—',
      otherOrganisations: incidentLabel('YesNoUnknown', i.report.otherOrganisationsInvolved, lang),
    };
  });
  protected readonly yesNo = computed(() => enumChoices('YesNoUnknown', this.i18n.lang()));

  private readonly correcting = signal(false);
  /** Open while correcting, and after a conflict (what was typed stays, beside what changed). */
  protected readonly showForm = computed(() => this.correcting() || !!this.run.conflict());
  /** After this person's correction moved the discovery: where the AP deadline went (while it stays there). */
  private readonly movedTo = signal<string | null>(null);
  protected readonly newDeadline = computed(() => {
    const deadline = this.incident().apDeadline;
    return this.movedTo() === deadline ? formatInstant(deadline, this.i18n.lang()) : null;
  });
  private readonly missingDiscovery = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    whatHappened: '',
    discoveredAt: '',
    reason: '',
    howDiscovered: '',
    otherOrganisationsInvolved: 'UNKNOWN' as YesNoUnknown,
  });
  private readonly discoveredInput = toSignal(this.form.controls.discoveredAt.valueChanges, { initialValue: '' });
  /** The discovery time differs from the stored one (to the minute the input shows): a reason is asked. */
  protected readonly movesDiscovery = computed(
    () => this.discoveredInput() !== isoToAmsterdamInput(this.incident().report.discoveredAt),
  );
  protected readonly discoveryProblem = computed(() =>
    this.missingDiscovery() ? this.t('incident.correct.discoveredAtMissing') : this.run.problemFor('discoveredAt'),
  );

  constructor() {
    // A new version fills the form, unless the person is typing (then a conflict shows what changed instead).
    effect(() => {
      const report = this.incident().report;
      untracked(() => {
        if (!this.form.dirty) this.form.reset(this.formValueOf(report));
      });
    });
  }

  private formValueOf(report: Incident['report']): ReportForm {
    return {
      whatHappened: report.whatHappened,
      discoveredAt: isoToAmsterdamInput(report.discoveredAt),
      reason: '',
      howDiscovered: report.howDiscovered ?? '',
      otherOrganisationsInvolved: report.otherOrganisationsInvolved,
    };
  }

  protected open(): void {
    this.run.saved.set(null);
    this.form.reset(this.formValueOf(this.incident().report));
    this.correcting.set(true);
  }

  protected cancel(): void {
    this.correcting.set(false);
    this.missingDiscovery.set(false);
    this.run.problems.set([]);
    this.run.error.set(null);
    this.form.reset(this.formValueOf(this.incident().report));
  }

  /** The report's answers in words, for a conflict: only those the person changed. */
  private answers(value: ReportForm, keys: readonly (keyof CorrectReportInput)[]): Answer[] {
    const lang = this.i18n.lang();
    const all: Partial<Record<keyof CorrectReportInput, Answer>> = {
      whatHappened: { label: this.t('incident.report.whatHappened'), value: value.whatHappened || '—' },
      discoveredAt: {
        label: this.t('incident.report.discoveredAt'),
        value: formatInstant(amsterdamInputToIso(value.discoveredAt), lang),
      },
      howDiscovered: { label: this.t('incident.report.howDiscovered'), value: value.howDiscovered.trim() || '—' },
      otherOrganisationsInvolved: {
        label: this.t('incident.report.otherOrganisations'),
        value: incidentLabel('YesNoUnknown', value.otherOrganisationsInvolved, lang),
      },
    };
    return keys.flatMap((k) => all[k] ?? []);
  }

  protected save(): void {
    const value = this.form.getRawValue();
    const stored = this.incident().report;
    const discoveredAt = amsterdamInputToIso(value.discoveredAt);
    this.missingDiscovery.set(!discoveredAt);
    if (!discoveredAt) {
      this.form.controls.discoveredAt.setErrors({ required: true });
      this.form.controls.discoveredAt.markAsTouched();
      return;
    }
    // Only what changed is sent: an answer someone else corrected meanwhile is not overwritten by a stale copy.
    const input: { -readonly [K in keyof CorrectReportInput]: CorrectReportInput[K] } = {};
    if (value.whatHappened !== stored.whatHappened) input.whatHappened = value.whatHappened;
    if ((value.howDiscovered.trim() || null) !== stored.howDiscovered) {
      input.howDiscovered = value.howDiscovered.trim() || null;
    }
    if (value.otherOrganisationsInvolved !== stored.otherOrganisationsInvolved) {
      input.otherOrganisationsInvolved = value.otherOrganisationsInvolved;
    }
    if (this.movesDiscovery()) {
      input.discoveredAt = discoveredAt;
      input.reason = value.reason;
    }
    const keys = Object.keys(input).filter((k) => k !== 'reason') as (keyof CorrectReportInput)[];
    if (keys.length === 0) {
      this.run.saved.set(this.t('incident.correct.unchanged'));
      this.correcting.set(false);
      return;
    }
    const deadlineBefore = this.incident().apDeadline;
    this.run.run(
      (call) =>
        this.graphql
          .request(CorrectReportDocument, {
            id: call.id,
            expectedVersion: call.expectedVersion,
            input: { ...input, confirmPrivacyWarnings: call.confirmPrivacyWarnings },
          })
          .pipe(map((data) => data.correctReport)),
      {
        success: this.t('incident.correct.saved'),
        controls: {
          whatHappened: this.form.controls.whatHappened,
          discoveredAt: this.form.controls.discoveredAt,
          reason: this.form.controls.reason,
          howDiscovered: this.form.controls.howDiscovered,
        },
        mine: () => this.answers(value, keys),
        stored: (incident) => this.answers(this.formValueOf(incident.report), keys),
        onSuccess: (after) => {
          this.correcting.set(false);
          this.form.reset(this.formValueOf(after.report));
          if (after.apDeadline !== deadlineBefore) {
            const deadline = formatInstant(after.apDeadline, this.i18n.lang());
            this.movedTo.set(after.apDeadline);
            this.context.announce(
              `${this.t('incident.correct.saved')} ${this.t('incident.correct.newDeadline', { deadline })}`,
            );
          }
        },
      },
    );
  }
}
