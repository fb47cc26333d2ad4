import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatInputModule } from '@angular/material/input';
import { map } from 'rxjs';
import {
  DecideApNotificationDocument,
  RecordApNotificationDocument,
} from '../../../shared/api/operations/incident.generated';
import { GraphqlClient } from '../../../shared/api/graphql-client.service';
import { TranslationService } from '../../../shared/i18n/translation.service';
import { IncidentContext } from '../incident-context';
import {
  type Incident,
  amsterdamInputToIso,
  formatInstant,
  isLate,
  isoToAmsterdamInput,
  stepActions,
} from '../incident-view';
import { MutationFeedback } from '../mutation-feedback';
import { type Answer, MutationRunner } from '../mutation-runner';
import { ChoiceRadios } from './choice-radios';
import { RiskAdvicePanel } from './risk-advice-panel';
import { RiskAnswersForm } from './risk-answers';
import '../../../shared/i18n/texts/incident';

/**
 * Step 5: the explained risk advice, the decision on notifying the AP (a departure from the advice asks for its
 * reason), and the notification as it went through the AP's web form (after 72 hours with the delay's reasons).
 */
@Component({
  selector: 'app-ap-step',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatInputModule,
    ChoiceRadios,
    MutationFeedback,
    RiskAdvicePanel,
    RiskAnswersForm,
  ],
  templateUrl: './ap-step.html',
  styleUrl: './step.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApStep {
  readonly incident = input.required<Incident>();
  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  private readonly context = inject(IncidentContext);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly t = this.i18n.t;
  protected readonly decide$ = new MutationRunner();
  protected readonly record$ = new MutationRunner();

  protected readonly actions = computed(() => stepActions(this.incident(), this.context.mayUpdate()));
  protected readonly revisingDecision = signal(false);
  protected readonly showDecisionForm = computed(
    () =>
      this.actions().decideAp && (!this.incident().apDecision || this.revisingDecision() || !!this.decide$.conflict()),
  );
  protected readonly notifyChoices = computed(() => [
    { value: 'YES', label: this.t('incident.ap.notifyYes') },
    { value: 'NO', label: this.t('incident.ap.notifyNo') },
  ]);

  protected readonly decision = this.fb.group({ notify: '', reasoning: '', departureReason: '', reason: '' });
  private readonly chosen = toSignal(this.decision.controls.notify.valueChanges, { initialValue: '' });
  /** The choice departs from the advice: the reason becomes required (and shows). */
  protected readonly departs = computed(() => {
    const advice = this.incident().riskAdvice;
    const chosen = this.chosen();
    return !!advice && chosen !== '' && (chosen === 'YES') !== advice.notifyAp;
  });
  protected readonly decided = computed(() => {
    const d = this.incident().apDecision;
    const lang = this.i18n.lang();
    if (!d) return null;
    return {
      notify: d.notify ? this.t('incident.ap.notifyYes') : this.t('incident.ap.notifyNo'),
      reasoning: d.reasoning,
      departureReason: d.departureReason,
      at: formatInstant(d.decidedAt, lang),
      followed: d.advice ? d.advice.notifyAp === d.notify : null,
    };
  });

  protected readonly notification = this.fb.group({ submittedAt: '', apReference: '', delayReasons: '', reason: '' });
  private readonly submittedAt = toSignal(this.notification.controls.submittedAt.valueChanges, { initialValue: '' });
  protected readonly late = computed(() => isLate(this.incident(), amsterdamInputToIso(this.submittedAt())));
  protected readonly notified = computed(() => {
    const n = this.incident().apNotification;
    const lang = this.i18n.lang();
    return n
      ? {
          submittedAt: formatInstant(n.submittedAt, lang),
          apReference: n.apReference ?? '—',
          delayReasons: n.delayReasons,
        }
      : null;
  });
  protected readonly correcting = signal(false);
  protected readonly showNotificationForm = computed(
    () => this.actions().recordAp && (!this.incident().apNotification || this.correcting()),
  );

  constructor() {
    effect(() => {
      const d = this.incident().apDecision;
      untracked(() => {
        if (this.decision.dirty) return;
        this.decision.reset({
          notify: d ? (d.notify ? 'YES' : 'NO') : '',
          reasoning: d?.reasoning ?? '',
          departureReason: d?.departureReason ?? '',
          reason: '',
        });
      });
    });
    effect(() => {
      const n = this.incident().apNotification;
      untracked(() => {
        if (this.notification.dirty) return;
        this.notification.reset({
          // A new notification defaults to now (the form was just submitted at the AP), in Amsterdam time.
          submittedAt: isoToAmsterdamInput(n?.submittedAt ?? new Date().toISOString()),
          apReference: n?.apReference ?? '',
          delayReasons: n?.delayReasons ?? '',
          reason: '',
        });
      });
    });
  }

  protected decide(): void {
    const value = this.decision.getRawValue();
    if (!value.notify) {
      this.decide$.problems.set([{ field: 'notify', message: this.t('incident.ap.chooseNotify') }]);
      return;
    }
    const revision = !!this.incident().apDecision;
    const departs = this.departs();
    const answers = (notify: string, reasoning: string): Answer[] => [
      {
        label: this.t('incident.ap.notify'),
        value:
          notify === 'YES' ? this.t('incident.ap.notifyYes') : notify === 'NO' ? this.t('incident.ap.notifyNo') : '—',
      },
      { label: this.t('incident.reasoning'), value: reasoning || '—' },
    ];
    this.decide$.run(
      (call) =>
        this.graphql
          .request(DecideApNotificationDocument, {
            id: call.id,
            expectedVersion: call.expectedVersion,
            input: {
              notify: value.notify === 'YES',
              reasoning: value.reasoning,
              departureReason: departs ? value.departureReason : null,
              reason: revision ? value.reason : null,
              confirmPrivacyWarnings: call.confirmPrivacyWarnings,
            },
          })
          .pipe(map((data) => data.decideApNotification)),
      {
        success: this.t('incident.ap.decided'),
        controls: {
          reasoning: this.decision.controls.reasoning,
          departureReason: this.decision.controls.departureReason,
          reason: this.decision.controls.reason,
        },
        mine: () => answers(value.notify, value.reasoning),
        stored: (incident) => {
          const d = incident.apDecision;
          return answers(d ? (d.notify ? 'YES' : 'NO') : '', d?.reasoning ?? '');
        },
        onSuccess: () => {
          this.decision.markAsPristine();
          this.revisingDecision.set(false);
        },
      },
    );
  }

  protected record(): void {
    const value = this.notification.getRawValue();
    const stored = this.incident().apNotification?.submittedAt;
    // Untouched, the field means "now" (or the recorded time): sent to the second, since the input holds whole
    // minutes and a report made earlier in this same minute would otherwise lie after the notification.
    const submittedAt = this.notification.controls.submittedAt.dirty
      ? amsterdamInputToIso(value.submittedAt)
      : (stored ?? new Date().toISOString());
    if (!submittedAt) {
      this.record$.problems.set([{ field: 'submittedAt', message: this.t('incident.ap.submittedAtMissing') }]);
      return;
    }
    const late = this.late();
    const correction = this.actions().recordApIsCorrection;
    this.record$.run(
      (call) =>
        this.graphql
          .request(RecordApNotificationDocument, {
            id: call.id,
            expectedVersion: call.expectedVersion,
            input: {
              submittedAt,
              apReference: value.apReference.trim() || null,
              delayReasons: late ? value.delayReasons : null,
              reason: correction ? value.reason : null,
              confirmPrivacyWarnings: call.confirmPrivacyWarnings,
            },
          })
          .pipe(map((data) => data.recordApNotification)),
      {
        success: this.t('incident.ap.recorded'),
        controls: {
          submittedAt: this.notification.controls.submittedAt,
          apReference: this.notification.controls.apReference,
          delayReasons: this.notification.controls.delayReasons,
          reason: this.notification.controls.reason,
        },
        onSuccess: () => {
          this.notification.markAsPristine();
          this.correcting.set(false);
        },
      },
    );
  }
}
