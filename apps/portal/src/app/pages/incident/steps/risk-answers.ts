import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { map } from 'rxjs';
import type {
  AvailabilityLoss,
  EaseOfIdentification,
  IntegrityLoss,
  RiskAnswersInput,
  YesNoUnknown,
} from '../../../shared/api/generated/graphql';
import { UpdateRiskAnswersDocument } from '../../../shared/api/operations/incident.generated';
import { GraphqlClient } from '../../../shared/api/graphql-client.service';
import type { TranslationKey } from '../../../shared/i18n/nl';
import { TranslationService } from '../../../shared/i18n/translation.service';
import { type IncidentEnum, incidentLabel } from '../../../shared/labels/incident-labels';
import { IncidentContext } from '../incident-context';
import { type Incident, enumChoices, stepActions } from '../incident-view';
import { MutationFeedback } from '../mutation-feedback';
import { type Answer, MutationRunner } from '../mutation-runner';
import { ChoiceRadios } from './choice-radios';
import '../../../shared/i18n/texts/incident';

type RiskAnswers = Incident['riskAnswers'];
type Question = keyof RiskAnswers;

/** The five questions in the order asked, with their enum (for the choices) and their wording. */
const QUESTIONS: readonly { key: Question; kind: IncidentEnum; text: TranslationKey }[] = [
  { key: 'easeOfIdentification', kind: 'EaseOfIdentification', text: 'incident.risk.ease' },
  { key: 'integrityLoss', kind: 'IntegrityLoss', text: 'incident.risk.integrity' },
  { key: 'availabilityLoss', kind: 'AvailabilityLoss', text: 'incident.risk.availability' },
  { key: 'laterMeasuresRemovedHighRisk', kind: 'YesNoUnknown', text: 'incident.risk.laterMeasures' },
  { key: 'individualContactDisproportionate', kind: 'YesNoUnknown', text: 'incident.risk.disproportionate' },
];

/**
 * Steps 5 and 6: the questions the advice needs beyond the checklist. The question about an alteration only
 * when the checklist names an integrity breach, the one about a loss only for an availability breach (the advice
 * reads them only then). Saving answers with the incident, whose advice the API has recomputed; once step 5 or 6
 * was decided on the advice, a change needs a reason.
 */
@Component({
  selector: 'app-risk-answers',
  imports: [ReactiveFormsModule, MatButtonModule, MatInputModule, ChoiceRadios, MutationFeedback],
  template: `
    @if (incident().stage !== 'REPORTED') {
      <section class="questions" aria-labelledby="risk-answers-title" data-testid="risk-answers">
        <h3 id="risk-answers-title">{{ t('incident.risk.title') }}</h3>
        @if (actions().editRiskAnswers) {
          <form [formGroup]="form" (ngSubmit)="save()" data-testid="risk-answers-form">
            <p class="hint">{{ t('incident.risk.hint') }}</p>
            @for (q of questions(); track q.key) {
              <app-choice-radios
                [id]="'risk-' + q.key"
                [label]="q.text"
                [control]="form.controls[q.key]"
                [options]="q.choices"
                [error]="run.problemFor('riskAnswers.' + q.key)"
              />
            }
            @if (questions().length < 5) {
              <p class="hint">{{ t('incident.risk.kindsHint') }}</p>
            }
            @if (needsReason()) {
              <p class="hint" data-testid="risk-reason-hint">{{ t('incident.risk.reasonHint') }}</p>
              <mat-form-field appearance="outline">
                <mat-label>{{ t('incident.revisionReason') }}</mat-label>
                <textarea matInput formControlName="reason" rows="2" required data-testid="risk-reason"></textarea>
                @if (run.problemFor('reason'); as message) {
                  <mat-error>{{ message }}</mat-error>
                }
              </mat-form-field>
            }
            <app-mutation-feedback [runner]="run" />
            <div class="actions">
              <button mat-stroked-button type="submit" data-testid="risk-answers-save" [disabled]="run.busy()">
                {{ t('incident.risk.save') }}
              </button>
            </div>
          </form>
        } @else {
          <dl class="facts stacked" data-testid="risk-answers-read">
            @for (q of questions(); track q.key) {
              <dt>{{ q.text }}</dt>
              <dd>{{ q.answer }}</dd>
            }
          </dl>
        }
      </section>
    }
  `,
  styleUrl: './step.scss',
  styles: `
    .questions {
      max-width: 90ch;
      margin-bottom: 16px;
    }
    .questions h3 {
      margin-top: 0;
    }
    /* The questions are long: each answer under its question rather than in a squeezed column. */
    .facts.stacked {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
    .facts.stacked dd {
      margin-bottom: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RiskAnswersForm {
  readonly incident = input.required<Incident>();
  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  private readonly context = inject(IncidentContext);
  protected readonly t = this.i18n.t;
  protected readonly run = new MutationRunner();

  protected readonly actions = computed(() => stepActions(this.incident(), this.context.mayUpdate()));

  protected readonly form = inject(NonNullableFormBuilder).group({
    easeOfIdentification: 'UNKNOWN' as EaseOfIdentification,
    integrityLoss: 'UNKNOWN' as IntegrityLoss,
    availabilityLoss: 'UNKNOWN' as AvailabilityLoss,
    laterMeasuresRemovedHighRisk: 'UNKNOWN' as YesNoUnknown,
    individualContactDisproportionate: 'UNKNOWN' as YesNoUnknown,
    reason: '',
  });
  private readonly dirtyAfterChange = toSignal(this.form.valueChanges.pipe(map(() => this.form.dirty)), {
    initialValue: false,
  });

  /** The questions that apply to this incident's kinds of breach, with choices and the stored answer in words. */
  protected readonly questions = computed(() => {
    const incident = this.incident();
    const lang = this.i18n.lang();
    return QUESTIONS.filter((q) => shownFor(q.key, incident.checklist.kinds)).map((q) => ({
      key: q.key,
      text: this.t(q.text),
      choices: enumChoices(q.kind, lang),
      answer: incidentLabel(q.kind, incident.riskAnswers[q.key], lang),
    }));
  });
  protected readonly needsReason = computed(() => this.actions().riskAnswersNeedReason && this.dirtyAfterChange());

  constructor() {
    // A new version fills the form, unless the person is answering (then a conflict shows what changed instead).
    effect(() => {
      const answers = this.incident().riskAnswers;
      untracked(() => {
        if (!this.form.dirty) this.form.reset({ ...answers, reason: '' });
      });
    });
  }

  private answers(values: RiskAnswers, keys: readonly Question[]): Answer[] {
    const lang = this.i18n.lang();
    return QUESTIONS.filter((q) => keys.includes(q.key)).map((q) => ({
      label: this.t(q.text),
      value: incidentLabel(q.kind, values[q.key], lang),
    }));
  }

  protected save(): void {
    const { reason, ...value } = this.form.getRawValue();
    const shown = this.questions().map((q) => q.key);
    // Only the answers the person changed: another person's answer to another question is not overwritten.
    const changed = shown.filter((key) => this.form.controls[key].dirty);
    if (changed.length === 0) {
      this.run.saved.set(this.t('incident.correct.unchanged'));
      return;
    }
    const input: RiskAnswersInput = Object.fromEntries(changed.map((key) => [key, value[key]]));
    const withReason = this.actions().riskAnswersNeedReason;
    this.run.run(
      (call) =>
        this.graphql
          .request(UpdateRiskAnswersDocument, {
            id: call.id,
            expectedVersion: call.expectedVersion,
            input: {
              ...input,
              reason: withReason ? reason : null,
              confirmPrivacyWarnings: call.confirmPrivacyWarnings,
            },
          })
          .pipe(map((data) => data.updateRiskAnswers)),
      {
        success: this.t('incident.risk.saved'),
        controls: { reason: this.form.controls.reason },
        mine: () => this.answers(value, changed),
        stored: (incident) => this.answers(incident.riskAnswers, changed),
        onSuccess: (after) => this.form.reset({ ...after.riskAnswers, reason: '' }),
      },
    );
  }
}

/** The advice reads the alteration only for an integrity breach and the loss only for an availability breach. */
export function shownFor(question: Question, kinds: readonly string[]): boolean {
  if (question === 'integrityLoss') return kinds.includes('INTEGRITY');
  if (question === 'availabilityLoss') return kinds.includes('AVAILABILITY');
  return true;
}
