import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { formatAmsterdam } from '@babyconnect/domain';
import { startWith } from 'rxjs';
import type { ChainScenario, ReportBreachMutation, YesNoUnknown } from '../../shared/api/generated/graphql';
import { ReportBreachDocument } from '../../shared/api/operations/report-breach.generated';
import { GraphqlClient, GraphqlRequestError } from '../../shared/api/graphql-client.service';
import { AuthService } from '../../shared/auth/auth.service';
import type { TranslationKey } from '../../shared/i18n/nl';
import { TranslationService } from '../../shared/i18n/translation.service';
import { incidentLabel } from '../../shared/labels/incident-labels';
import { SessionService } from '../../shared/session/session.service';
import { formatAmsterdamShort, toAmsterdamInput } from '../../shared/time/amsterdam-time';
import { ReportDraftStore } from './report-draft.store';
import {
  CHAIN_SCENARIOS,
  asksChainScenario,
  type FieldProblem,
  type GuardedField,
  type ReportField,
  type ReportProblems,
  type ReportValues,
  inlineWarnings,
  reportFieldOf,
  toReportInput,
  validateReport,
} from './report-form';
import '../../shared/i18n/texts/report';

/** Why sending failed, as the page explains it (each says that nothing is lost and what to do). */
export type SendFailure = 'offline' | 'unavailable' | 'session' | 'forbidden' | 'input' | 'privacy' | 'other';

const FAILURE_TEXT: Readonly<Record<SendFailure, TranslationKey>> = {
  offline: 'report.failure.offline',
  unavailable: 'report.failure.unavailable',
  session: 'report.failure.session',
  forbidden: 'report.failure.forbidden',
  input: 'report.failure.input',
  privacy: 'report.failure.privacy',
  other: 'report.failure.other',
};

/**
 * "Datalek melden" (protocol step 1): for everyone of the acting organisation, on a phone, in under a minute. Few
 * fields; the privacy guard of libs/domain warns while typing; the form is kept on this device while typing
 * (`ReportDraftStore`), so a lost connection, a reload or an expired session loses nothing. After sending: the
 * reference, the AP deadline in Amsterdam time, and what happens next.
 */
@Component({
  selector: 'app-report',
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatRadioModule,
  ],
  templateUrl: './report.html',
  styleUrl: './report.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Report {
  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  private readonly drafts = inject(ReportDraftStore);
  private readonly auth = inject(AuthService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  protected readonly t = this.i18n.t;
  protected readonly session = inject(SessionService);
  protected readonly answers: readonly YesNoUnknown[] = ['YES', 'NO', 'UNKNOWN'];

  protected readonly form = new FormGroup({
    whatHappened: new FormControl('', { nonNullable: true }),
    discoveredAt: new FormControl(toAmsterdamInput(new Date()), { nonNullable: true }),
    stillOngoing: new FormControl<YesNoUnknown | null>(null),
    howDiscovered: new FormControl('', { nonNullable: true }),
    otherOrganisationsInvolved: new FormControl<YesNoUnknown | null>(null),
    exercise: new FormControl(false, { nonNullable: true }),
    chainScenario: new FormControl<ChainScenario | null>(null),
  });
  protected readonly confirmPrivacy = new FormControl(false, { nonNullable: true });

  private readonly values = toSignal(this.form.valueChanges.pipe(startWith(null)), { initialValue: null });
  private readonly currentValues = computed(() => {
    this.values();
    return this.form.getRawValue() as ReportValues;
  });

  protected readonly allowed = computed(() => this.session.can('report', 'Incident'));
  protected readonly organisation = computed(() => this.session.me()?.actingOrganisation ?? null);
  /** Whose draft this form is: one per person and organisation. */
  private readonly draftOwner = computed(() => {
    const userId = this.session.me()?.user.id;
    const organisationId = this.organisation()?.id;
    return userId && organisationId && this.allowed() ? `${userId}\n${organisationId}` : null;
  });

  /** "Concept hersteld" with the time it was kept; null when the form started empty. */
  protected readonly restoredAt = signal<string | null>(null);
  protected readonly storageRefused = signal(false);
  protected readonly maxDiscoveredAt = signal(toAmsterdamInput(new Date()));

  /** Problems shown per field: after an attempt to send, or from the API. */
  protected readonly problems = signal<ReportProblems>({});
  /** The API's own words per field (BAD_USER_INPUT), shown where the field is. */
  protected readonly apiProblems = signal<Partial<Record<ReportField, string>>>({});
  protected readonly attempted = signal(false);
  protected readonly sending = signal(false);
  protected readonly failure = signal<{ kind: SendFailure; detail: string | null } | null>(null);
  /** The API asked for a confirmation (PRIVACY_CONFIRMATION_REQUIRED): its messages, per field. */
  protected readonly serverWarnings = signal<readonly { field: string; message: string }[]>([]);
  protected readonly done = signal<ReportBreachMutation['reportBreach'] | null>(null);

  protected readonly warnings = computed(() => inlineWarnings(this.currentValues(), this.i18n.lang()));
  protected readonly needsConfirmation = computed(() => this.warnings().length > 0 || this.serverWarnings().length > 0);
  protected readonly confirmMissing = signal(false);

  protected readonly chainScenarios = CHAIN_SCENARIOS;
  /** The chain question shows once the report says other organisations are (possibly) involved. */
  protected readonly asksChain = computed(() => asksChainScenario(this.currentValues()));
  /** The situation sent with the accepted report, for its confirmation (the API answered in the same transaction). */
  private readonly sentScenario = signal<ChainScenario | null>(null);

  protected readonly doneView = computed(() => {
    const incident = this.done();
    if (!incident) return null;
    const lang = this.i18n.lang();
    const scenario = this.sentScenario();
    return {
      ...incident,
      chainText:
        scenario === null
          ? null
          : scenario === 'B'
            ? this.t('report.chain.doneInternal')
            : this.t('report.chain.doneChain', { scenario }),
      deadlineText: formatAmsterdam(new Date(incident.apDeadline), lang),
      discoveredText: formatAmsterdamShort(incident.discoveredAt, lang),
      stageText: incidentLabel('IncidentStage', incident.stage, lang),
      canRead: this.session.can('read', 'Incident'),
    };
  });

  private readonly failureBox = viewChild<ElementRef<HTMLElement>>('failureBox');
  private readonly doneHeading = viewChild<ElementRef<HTMLElement>>('doneHeading');

  constructor() {
    // The draft of this person and organisation: restored when the page opens (or the organisation changes).
    effect(() => {
      const owner = this.draftOwner();
      untracked(() => this.restore(owner));
    });
    // Kept while typing: every change is in storage before the next key is pressed.
    this.form.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.keep());
    this.confirmPrivacy.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((confirmed) => confirmed && this.confirmMissing.set(false));
  }

  /** The field's problem in words: the API's own, else the form's rule. */
  protected problemText(field: ReportField): string | null {
    const fromApi = this.apiProblems()[field];
    if (fromApi) return fromApi;
    const problem: FieldProblem | undefined = this.problems()[field];
    return problem ? this.t(problem.key, problem.params) : null;
  }

  protected warningsFor(field: GuardedField) {
    return this.warnings().filter((warning) => warning.field === field);
  }

  protected fieldLabel(field: GuardedField): string {
    return this.t(field === 'whatHappened' ? 'report.whatHappened' : 'report.howDiscovered');
  }

  protected scenarioLabel(scenario: ChainScenario): string {
    return incidentLabel('ChainScenario', scenario, this.i18n.lang());
  }

  protected scenarioExplainKey(scenario: ChainScenario): 'report.chain.A' | 'report.chain.B' | 'report.chain.C' {
    return `report.chain.${scenario}`;
  }

  protected clearChainScenario(): void {
    this.form.controls.chainScenario.setValue(null);
  }

  protected answerLabel(answer: YesNoUnknown): string {
    return incidentLabel('YesNoUnknown', answer, this.i18n.lang());
  }

  /**
   * The privacy warning's id while one is shown, for the field's aria-describedby (Material adds the hint and the
   * mat-error itself).
   */
  protected privacyId(field: GuardedField): string {
    return this.warningsFor(field).length > 0 ? `${field}-privacy` : '';
  }

  protected failureText(kind: SendFailure): string {
    return this.t(FAILURE_TEXT[kind]);
  }

  protected setNow(): void {
    const now = toAmsterdamInput(new Date());
    this.maxDiscoveredAt.set(now);
    this.form.controls.discoveredAt.setValue(now);
  }

  protected discardDraft(): void {
    const owner = this.owner();
    if (owner) this.drafts.clear(owner.userId, owner.organisationId);
    this.resetForm();
  }

  protected newReport(): void {
    this.done.set(null);
    this.resetForm();
  }

  protected login(): void {
    void this.auth.login();
  }

  protected send(): void {
    if (this.sending()) return;
    const now = new Date();
    this.maxDiscoveredAt.set(toAmsterdamInput(now));
    const values = this.form.getRawValue() as ReportValues;
    const problems = validateReport(values, now);
    this.attempted.set(true);
    this.problems.set(problems);
    this.apiProblems.set({});
    this.failure.set(null);
    this.markErrors(problems);
    const first = Object.keys(problems)[0] as ReportField | undefined;
    if (first) {
      this.focusField(first);
      return;
    }
    if (this.needsConfirmation() && !this.confirmPrivacy.value) {
      // The same guard as the API's: no need to ask it to say so. The person removes it or confirms.
      this.confirmMissing.set(true);
      this.focusById('confirm-privacy-input');
      return;
    }
    this.sending.set(true);
    const input = toReportInput(values, this.confirmPrivacy.value);
    this.graphql
      .request(ReportBreachDocument, { input })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ reportBreach }) => {
          this.sending.set(false);
          const owner = this.owner();
          // Accepted: the draft has done its job (and must not come back as if it were still unsent).
          if (owner) this.drafts.clear(owner.userId, owner.organisationId);
          this.sentScenario.set(input.chainScenario ?? null);
          this.done.set(reportBreach);
          this.resetForm();
          afterNextRender(() => this.doneHeading()?.nativeElement.focus(), { injector: this.injector });
        },
        error: (error: unknown) => {
          this.sending.set(false);
          this.showFailure(error);
        },
      });
  }

  private showFailure(error: unknown): void {
    const failure = classifyFailure(error);
    if (failure === 'input' && error instanceof GraphqlRequestError) {
      const byField: Partial<Record<ReportField, string>> = {};
      for (const entry of fieldsOf(error)) {
        const field = reportFieldOf(entry.field);
        if (field && !byField[field]) byField[field] = entry.message;
      }
      this.apiProblems.set(byField);
      this.markErrors(byField);
      const first = Object.keys(byField)[0] as ReportField | undefined;
      if (first) {
        this.failure.set({ kind: 'input', detail: null });
        this.focusField(first);
        return;
      }
    }
    if (failure === 'privacy' && error instanceof GraphqlRequestError) {
      this.serverWarnings.set(fieldsOf(error));
      this.confirmPrivacy.setValue(false);
      this.confirmMissing.set(true);
      this.failure.set({ kind: 'privacy', detail: null });
      this.focusById('confirm-privacy-input');
      return;
    }
    this.failure.set({ kind: failure, detail: error instanceof GraphqlRequestError ? error.message : null });
    afterNextRender(() => this.failureBox()?.nativeElement.focus(), { injector: this.injector });
  }

  private owner(): { userId: string; organisationId: string } | null {
    const owner = this.draftOwner();
    if (!owner) return null;
    const [userId = '', organisationId = ''] = owner.split('\n');
    return { userId, organisationId };
  }

  private keep(): void {
    const owner = this.owner();
    if (!owner || this.done()) return;
    this.storageRefused.set(
      !this.drafts.save(owner.userId, owner.organisationId, this.form.getRawValue() as ReportValues),
    );
    // Typing again after an answer of the API: its per-field words were about the text as it was.
    if (Object.keys(this.apiProblems()).length > 0) this.apiProblems.set({});
    if (this.attempted()) this.problems.set(validateReport(this.form.getRawValue() as ReportValues, new Date()));
  }

  private restore(owner: string | null): void {
    this.restoredAt.set(null);
    if (!owner) return;
    const [userId = '', organisationId = ''] = owner.split('\n');
    const draft = this.drafts.load(userId, organisationId);
    if (!draft) return;
    this.form.setValue({ ...draft.values, chainScenario: draft.values.chainScenario ?? null }, { emitEvent: false });
    this.form.updateValueAndValidity(); // the signals that read the values follow
    this.restoredAt.set(formatAmsterdamShort(draft.savedAt, this.i18n.lang()));
  }

  private resetForm(): void {
    this.form.reset(
      {
        whatHappened: '',
        discoveredAt: toAmsterdamInput(new Date()),
        stillOngoing: null,
        howDiscovered: '',
        otherOrganisationsInvolved: null,
        exercise: false,
        chainScenario: null,
      },
      { emitEvent: false },
    );
    this.form.updateValueAndValidity({ emitEvent: true });
    this.confirmPrivacy.reset(false);
    this.serverWarnings.set([]);
    this.problems.set({});
    this.apiProblems.set({});
    this.attempted.set(false);
    this.confirmMissing.set(false);
    this.failure.set(null);
    this.restoredAt.set(null);
  }

  /** Material shows a mat-error only for a control in error: give each control the page's verdict. */
  private markErrors(problems: Partial<Record<ReportField, unknown>>): void {
    for (const [name, control] of Object.entries(this.form.controls)) {
      control.setErrors(problems[name as ReportField] ? { report: true } : null);
      control.markAsTouched();
    }
  }

  private focusField(field: ReportField): void {
    const id = field === 'stillOngoing' || field === 'otherOrganisationsInvolved' ? `${field}-YES-input` : field;
    this.focusById(id);
  }

  private focusById(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}

/** The kind of failure, from the error the GraphQL client gave. */
export function classifyFailure(error: unknown): SendFailure {
  if (!(error instanceof GraphqlRequestError)) return 'other';
  if (error.kind === 'network') return 'offline';
  if (error.kind === 'http')
    return error.status === 401 ? 'session' : error.status && error.status >= 500 ? 'unavailable' : 'other';
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return 'session';
    case 'SERVICE_UNAVAILABLE':
    case 'TOO_MANY_REQUESTS':
      return 'unavailable';
    case 'FORBIDDEN':
    case 'ORGANISATION_REQUIRED':
      return 'forbidden';
    case 'BAD_USER_INPUT':
      return 'input';
    case 'PRIVACY_CONFIRMATION_REQUIRED':
      return 'privacy';
    default:
      return 'other';
  }
}

function fieldsOf(error: GraphqlRequestError): { field: string; message: string }[] {
  const fields = error.errors[0]?.extensions?.['fields'];
  if (!Array.isArray(fields)) return [];
  return fields.filter(
    (f): f is { field: string; message: string } =>
      typeof f === 'object' && f !== null && typeof f.field === 'string' && typeof f.message === 'string',
  );
}
