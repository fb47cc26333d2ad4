import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';
import {
  DismissViewerLogAlertDocument,
  ViewerLogAlertsDocument,
} from '../../shared/api/operations/viewer-alerts.generated';
import { GraphqlClient, GraphqlRequestError } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { SessionService, describeError } from '../../shared/session/session.service';
import { type FieldProblem, fieldProblemsOf } from '../incident/incident-view';
import { PrivacyConfirmation } from '../incident/privacy-confirmation';
import { DailyFileUpload } from './daily-file';
import { MAX_REASON_LENGTH, alertCounts, alertViews, reasonProblem } from './viewer-alerts-view';
import '../../shared/i18n/texts/incident';
import '../../shared/i18n/texts/viewer-alerts';

/**
 * The detection alerts on the viewer log (`/signalen`, issue 18): HINQ's coordinator sees every alert of the chain,
 * a privacy officer or FG those of the acting organisation. Each alert names the rule, the window, the counts and
 * the organisation, links to the suspected breach it raised (for those who may open it), and whether it was
 * dismissed, by whom, when and why. The privacy officer dismisses an open alert with a required reason; an incident
 * nobody assessed yet is then judged "not a breach" with that reason (the API does it in the same transaction). A
 * reason that looks like a client's identity is sent again only after the officer confirms it holds none. Follows
 * the organisation switch. HINQ's coordinator also hands in a day's export of the viewer log here (daily-file.ts);
 * the list reloads with its answer.
 */
@Component({
  selector: 'app-viewer-alerts',
  imports: [DailyFileUpload, MatButtonModule, MatIconModule, MatProgressBarModule, PrivacyConfirmation, RouterLink],
  templateUrl: './viewer-alerts.html',
  styleUrl: './viewer-alerts.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ViewerAlertsPage {
  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  protected readonly t = this.i18n.t;
  protected readonly session = inject(SessionService);
  protected readonly maxReason = MAX_REASON_LENGTH;

  protected readonly organisation = computed(() => this.session.me()?.actingOrganisation ?? null);
  protected readonly allowed = computed(() => this.session.can('read', 'ViewerLogAlert'));
  protected readonly canDismiss = computed(() => this.session.can('update', 'ViewerLogAlert'));
  protected readonly canHandInDailyFile = computed(() => this.session.can('create', 'ViewerLogDailyFile'));
  /** Reload whenever the acting organisation changes (a primitive, so only then). */
  private readonly key = computed(() =>
    this.allowed() && !this.session.meLoading() ? this.organisation()?.id : undefined,
  );

  private readonly list = rxResource({
    params: () => this.key(),
    stream: () => this.graphql.request(ViewerLogAlertsDocument).pipe(map((data) => data.viewerLogAlerts)),
  });
  private readonly alerts = computed(() => (this.list.hasValue() ? this.list.value() : []));
  protected readonly loaded = computed(() => this.list.hasValue());
  protected readonly rows = computed(() => alertViews(this.alerts(), this.i18n.lang()));
  protected readonly counts = computed(() => alertCounts(this.alerts()));
  protected readonly loading = computed(() => this.list.isLoading() || this.session.meLoading());
  protected readonly loadError = computed(() => describeError(this.list.error(), this.t));

  // The dismissal form: one open at a time, under its alert.
  protected readonly dismissing = signal<string | null>(null);
  protected readonly reason = signal('');
  protected readonly tried = signal(false);
  protected readonly problem = computed(() => (this.tried() ? reasonProblem(this.reason()) : null));
  protected readonly saving = signal(false);
  protected readonly saveError = signal<string | null>(null);
  /** The API's privacy warnings on the reason; the officer confirms "no client data" to send it anyway. */
  protected readonly privacyWarnings = signal<readonly FieldProblem[]>([]);
  protected readonly privacyConfirmed = signal(false);
  /** Said politely by screen readers after a dismissal. */
  protected readonly announcement = signal('');
  private readonly status = viewChild<ElementRef<HTMLElement>>('status');
  private readonly reasonField = viewChild<ElementRef<HTMLTextAreaElement>>('reasonField');

  protected reload(): void {
    this.list.reload();
  }

  protected openDismiss(id: string): void {
    this.dismissing.set(id);
    this.reason.set('');
    this.tried.set(false);
    this.saveError.set(null);
    this.clearPrivacy();
    afterNextRender(() => this.reasonField()?.nativeElement.focus(), { injector: this.injector });
  }

  protected cancelDismiss(): void {
    this.dismissing.set(null);
    this.saveError.set(null);
    this.clearPrivacy();
  }

  /** A changed reason is checked anew: an earlier confirmation was about the earlier text. */
  protected typed(value: string): void {
    this.reason.set(value);
    this.clearPrivacy();
  }

  private clearPrivacy(): void {
    this.privacyWarnings.set([]);
    this.privacyConfirmed.set(false);
  }

  protected dismiss(event: Event): void {
    event.preventDefault();
    const id = this.dismissing();
    if (!id || this.saving()) return;
    this.tried.set(true);
    if (reasonProblem(this.reason()) !== null) {
      this.reasonField()?.nativeElement.focus();
      return;
    }
    this.saving.set(true);
    this.saveError.set(null);
    this.graphql
      .request(DismissViewerLogAlertDocument, {
        id,
        reason: this.reason().trim(),
        confirmPrivacyWarnings: this.privacyWarnings().length > 0 && this.privacyConfirmed(),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ dismissViewerLogAlert: alert }) => {
          this.saving.set(false);
          this.dismissing.set(null);
          this.clearPrivacy();
          this.announcement.set(this.t('alerts.dismiss.done', { account: alert.account }));
          this.list.reload();
          afterNextRender(() => this.status()?.nativeElement.focus(), { injector: this.injector });
        },
        error: (error: unknown) => {
          this.saving.set(false);
          if (error instanceof GraphqlRequestError && error.code === 'PRIVACY_CONFIRMATION_REQUIRED') {
            this.privacyWarnings.set(fieldProblemsOf(error));
            this.privacyConfirmed.set(false);
            return;
          }
          if (error instanceof GraphqlRequestError && error.code === 'CONFLICT') {
            // Someone else dismissed it meanwhile: show theirs; what was typed here stays in the field.
            this.saveError.set(this.t('alerts.dismiss.conflict'));
            this.list.reload();
            return;
          }
          this.saveError.set(describeError(error, this.t));
        },
      });
  }
}
