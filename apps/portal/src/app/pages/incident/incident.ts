import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ProtocolStep, StepStatus } from '../../shared/api/generated/graphql';
import { GraphqlRequestError } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { incidentLabel } from '../../shared/labels/incident-labels';
import { SessionService, describeError } from '../../shared/session/session.service';
import { ChainDeclare } from '../chain/chain-declare';
import { DpoAdvice } from './dpo-advice';
import { IncidentContext } from './incident-context';
import { IncidentHeader } from './incident-header';
import { IncidentHistory } from './incident-history';
import { IncidentNotifications } from './incident-notifications';
import { ApStep } from './steps/ap-step';
import { AssessmentStep } from './steps/assessment-step';
import { ChecklistStep } from './steps/checklist-step';
import { CloseStep } from './steps/close-step';
import { ContainmentStep } from './steps/containment-step';
import { DataSubjectsStep } from './steps/data-subjects-step';
import { ReportStep } from './steps/report-step';
import '../../shared/i18n/texts/incident';

/** The countdown's tick; a second is what the header shows. */
const TICK_MS = 1000;

const STATUS_ICON: Readonly<Record<StepStatus, string>> = {
  DONE: 'check_circle',
  OPEN: 'radio_button_checked',
  WAITING: 'radio_button_unchecked',
  NOT_APPLICABLE: 'radio_button_unchecked',
};

/**
 * One incident (`/meldingen/:id`): its header with the AP clock, a guided stepper through the protocol's seven
 * steps (the API's `steps`, each with its status; any step can be opened), the shown step's form or read view,
 * the FG's advice and the history. For those who may read every incident of the organisation (privacy officer,
 * FG, auditor); what each may change follows the acting organisation's rights and the incident's stage.
 */
@Component({
  selector: 'app-incident',
  imports: [
    RouterLink,
    MatCardModule,
    MatIconModule,
    MatProgressBarModule,
    IncidentHeader,
    DpoAdvice,
    ChainDeclare,
    IncidentHistory,
    IncidentNotifications,
    ReportStep,
    AssessmentStep,
    ChecklistStep,
    ContainmentStep,
    ApStep,
    DataSubjectsStep,
    CloseStep,
  ],
  providers: [IncidentContext],
  templateUrl: './incident.html',
  styleUrl: './incident.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IncidentPage {
  /** The route's `:id` (component input binding). */
  readonly id = input.required<string>();

  private readonly i18n = inject(TranslationService);
  private readonly injector = inject(Injector);
  protected readonly t = this.i18n.t;
  protected readonly session = inject(SessionService);
  protected readonly context = inject(IncidentContext);
  protected readonly incident = this.context.incident;

  protected readonly now = signal(Date.now());
  private readonly stepHeading = viewChild<ElementRef<HTMLElement>>('stepHeading');

  protected readonly notFound = computed(() => {
    const error = this.context.loadError();
    return error instanceof GraphqlRequestError && error.code === 'NOT_FOUND';
  });
  protected readonly loadError = computed(() =>
    this.notFound() ? null : describeError(this.context.loadError(), this.t),
  );
  protected readonly steps = computed(() => {
    const incident = this.incident();
    const lang = this.i18n.lang();
    const shown = this.context.shownStep();
    return (incident?.steps ?? []).map(({ step, status }) => ({
      step,
      status,
      icon: STATUS_ICON[status],
      name: incidentLabel('ProtocolStep', step, lang),
      statusText: incidentLabel('StepStatus', status, lang),
      shown: step === shown,
    }));
  });
  protected readonly shown = computed(() => this.steps().find((s) => s.shown));

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.context.id.set(id));
    });
    // The stepper moved on after a save: the keyboard follows to the new step's heading.
    effect(() => {
      if (this.context.advanced() === 0) return;
      afterNextRender(() => this.stepHeading()?.nativeElement.focus(), { injector: this.injector });
    });
    const timer = setInterval(() => this.now.set(Date.now()), TICK_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected select(step: ProtocolStep): void {
    this.context.select(step);
    afterNextRender(() => this.stepHeading()?.nativeElement.focus(), { injector: this.injector });
  }
}
