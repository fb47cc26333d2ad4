import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import {
  ApNotificationAnswersDocument,
  RecordApFollowUpDocument,
  WithdrawApNotificationDocument,
} from '../../shared/api/operations/register.generated';
import { RecordApNotificationDocument } from '../../shared/api/operations/incident.generated';
import { GraphqlClient } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { SessionService, describeError } from '../../shared/session/session.service';
import { formatAmsterdamShort, toAmsterdamInput } from '../../shared/time/amsterdam-time';
import { ExportDownloads } from '../register/export-downloads';
import { allText, instantOf, sectionsView, submissionMode } from './ap-notification-view';
import '../../shared/i18n/texts/register';

/**
 * The answers for the AP's web form (step 5; GDPR art. 33(3)), in the form's sections and order, each with a copy
 * button — the AP takes notifications only through its form. Below: the submission record (when, the AP's
 * reference), follow-up notifications (art. 33(4)) and the withdrawal, each a record of its own.
 */
@Component({
  selector: 'app-ap-notification',
  imports: [
    FormsModule,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    RouterLink,
  ],
  providers: [ExportDownloads],
  templateUrl: './ap-notification.html',
  styleUrl: './ap-notification.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApNotificationPage {
  /** The incident's id, from the route (`/meldingen/:id/ap-melding`). */
  readonly id = input.required<string>();
  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  private readonly downloads = inject(ExportDownloads);
  protected readonly t = this.i18n.t;
  protected readonly session = inject(SessionService);
  protected readonly mayUpdate = computed(() => this.session.can('update', 'Incident'));

  private readonly data = rxResource({
    params: () =>
      this.session.can('read', 'Incident') && this.session.me()?.actingOrganisation
        ? { id: this.id(), org: this.session.me()!.actingOrganisation!.id }
        : undefined,
    stream: ({ params }) => this.graphql.request(ApNotificationAnswersDocument, { incidentId: params.id }),
  });
  protected readonly loading = computed(() => this.data.isLoading() || this.session.meLoading());
  protected readonly loadError = computed(() => describeError(this.data.error(), this.t));
  protected readonly answers = computed(() => (this.data.hasValue() ? this.data.value().apNotificationAnswers : null));
  private readonly version = computed(() => (this.data.hasValue() ? this.data.value().incident.version : null));
  protected readonly sections = computed(() => {
    const a = this.answers();
    return a ? sectionsView(a, this.i18n.lang()) : [];
  });
  protected readonly mode = computed(() => {
    const a = this.answers();
    return a ? submissionMode(a) : 'not-decided';
  });

  protected readonly copied = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly saveError = signal<string | null>(null);
  protected readonly saved = signal<string | null>(null);

  /** What the time fields show at first: now (see `instantOf`). */
  private readonly opened = toAmsterdamInput(new Date());
  protected submittedAt = this.opened;
  protected apReference = '';
  protected delayReasons = '';
  protected correctionReason = '';
  protected followUpAt = this.opened;
  protected followUpSummary = '';
  protected withdrawnAt = this.opened;
  protected withdrawReason = '';

  protected when(iso: string | null | undefined): string {
    return iso ? formatAmsterdamShort(iso, this.i18n.lang()) : '—';
  }

  protected async copy(key: string, text: string): Promise<void> {
    await navigator.clipboard.writeText(text);
    this.copied.set(key);
  }

  protected copyAll(): Promise<void> {
    const a = this.answers();
    return a ? this.copy('all', allText(a, this.i18n.lang())) : Promise.resolve();
  }

  protected recordSubmission(): Promise<void> {
    const submission = this.answers()?.submission;
    const at = submission ? new Date(submission.submittedAt) : instantOf(this.submittedAt, this.opened);
    return this.run(async () => {
      if (!at) throw new Error(this.t('ap.invalidTime'));
      await firstValueFrom(
        this.graphql.request(RecordApNotificationDocument, {
          id: this.id(),
          expectedVersion: this.version()!,
          input: {
            submittedAt: at.toISOString(),
            apReference: this.apReference || null,
            delayReasons: submission ? submission.delayReasons : this.delayReasons || null,
            reason: submission ? this.correctionReason || null : null,
          },
        }),
      );
    }, 'ap.submissionSaved');
  }

  protected recordFollowUp(): Promise<void> {
    return this.run(async () => {
      const at = instantOf(this.followUpAt, this.opened);
      if (!at) throw new Error(this.t('ap.invalidTime'));
      await firstValueFrom(
        this.graphql.request(RecordApFollowUpDocument, {
          incidentId: this.id(),
          input: { submittedAt: at.toISOString(), summary: this.followUpSummary },
        }),
      );
      this.followUpSummary = '';
    }, 'ap.followUpSaved');
  }

  protected withdraw(): Promise<void> {
    return this.run(async () => {
      const at = instantOf(this.withdrawnAt, this.opened);
      if (!at) throw new Error(this.t('ap.invalidTime'));
      await firstValueFrom(
        this.graphql.request(WithdrawApNotificationDocument, {
          incidentId: this.id(),
          input: { withdrawnAt: at.toISOString(), reason: this.withdrawReason },
        }),
      );
    }, 'ap.withdrawalSaved');
  }

  protected downloadFile(): Promise<void> {
    const reference = this.answers()?.reference ?? 'datalek';
    return this.run(
      () =>
        this.downloads.download(
          `/exports/incidents/${this.id()}.pdf?lang=${this.i18n.lang()}`,
          `datalek-${reference}.pdf`,
        ),
      'ap.fileSaved',
      false,
    );
  }

  /** The answers as a file (same text as "copy everything"), for the organisation's own records or a colleague. */
  protected downloadAnswers(format: 'pdf' | 'txt'): Promise<void> {
    const reference = this.answers()?.reference ?? 'datalek';
    const lang = this.i18n.lang();
    return this.run(
      () =>
        this.downloads.download(
          `/exports/incidents/${this.id()}/ap-notification.${format}?lang=${lang}`,
          `${lang === 'nl' ? 'ap-melding' : 'ap-notification'}-${reference}.${format}`,
        ),
      'docs.downloaded',
      false,
    );
  }

  private async run(work: () => Promise<void>, done: Parameters<typeof this.t>[0], reload = true): Promise<void> {
    if (this.saving()) return;
    this.saving.set(true);
    this.saveError.set(null);
    this.saved.set(null);
    try {
      await work();
      this.saved.set(this.t(done));
      if (reload) this.data.reload();
    } catch (error) {
      this.saveError.set(describeError(error, this.t));
    } finally {
      this.saving.set(false);
    }
  }
}
