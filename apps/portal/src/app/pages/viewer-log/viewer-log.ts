import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { map } from 'rxjs';
import {
  ConfirmViewerLogProposalDocument,
  ViewerLogAnalysisDocument,
} from '../../shared/api/operations/viewer-log.generated';
import { GraphqlClient, GraphqlRequestError } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { SessionService, describeError } from '../../shared/session/session.service';
import { isoToAmsterdamInput } from '../incident/incident-view';
import {
  VIEWER_LOG_HEADER,
  type ViewerLogAnalysis,
  analysisView,
  formatBytes,
  uploadPath,
  uploadProblems,
} from './viewer-log-view';
import '../../shared/i18n/texts/viewer-log';
import { CsvUpload } from './csv-upload';
import { UploadFeedback } from './upload-feedback';

const DAY_MS = 86_400_000;

/**
 * The viewer's access log for one chain incident (`/keten/:id/kijklog`, issue 18), for HINQ's coordinator: upload an
 * export with the suspect accounts and the window, see per organisation how many distinct records were opened and
 * how often, the rejected lines, and confirm the proposed partners. The file goes to the API as the raw body of one
 * request through HttpClient (the interceptors add the bearer token and the acting organisation, as for the
 * register's downloads; the route gives it the XHR backend for upload progress, see upload-http.ts); the API reads
 * it as a stream and keeps counts only.
 */
@Component({
  selector: 'app-viewer-log',
  imports: [MatButtonModule, MatCheckboxModule, MatIconModule, MatProgressBarModule, RouterLink, UploadFeedback],
  templateUrl: './viewer-log.html',
  styleUrls: ['../chain/chain.scss', './viewer-log.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ViewerLogPage {
  /** The route's `:id` (component input binding). */
  readonly id = input.required<string>();

  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;
  protected readonly session = inject(SessionService);
  protected readonly header = VIEWER_LOG_HEADER;

  protected readonly allowed = computed(() => this.session.can('update', 'ViewerLogAnalysis'));
  private readonly key = computed(() => {
    const organisation = this.session.me()?.actingOrganisation?.id;
    return this.allowed() && organisation && !this.session.meLoading() ? `${organisation}|${this.id()}` : undefined;
  });
  private readonly stored = rxResource({
    params: () => this.key(),
    stream: () =>
      this.graphql
        .request(ViewerLogAnalysisDocument, { chainIncidentId: this.id() })
        .pipe(map((data) => data.viewerLogAnalysis ?? null)),
  });
  /** The analysis just made or confirmed here, over the stored one. */
  private readonly fresh = signal<{ key: string | undefined; analysis: ViewerLogAnalysis } | null>(null);
  protected readonly analysis = computed(() => {
    const fresh = this.fresh();
    if (fresh && fresh.key === this.key()) return fresh.analysis;
    return this.stored.hasValue() ? this.stored.value() : null;
  });
  protected readonly view = computed(() => {
    const analysis = this.analysis();
    return analysis ? analysisView(analysis, this.i18n.lang()) : null;
  });
  protected readonly loading = computed(() => this.stored.isLoading() || this.session.meLoading());
  protected readonly notFound = computed(() => {
    const error = this.stored.error();
    return error instanceof GraphqlRequestError && error.code === 'NOT_FOUND';
  });
  protected readonly loadError = computed(() => (this.notFound() ? null : describeError(this.stored.error(), this.t)));

  // The form. The window is typed in Amsterdam time; by default the last seven days.
  protected readonly file = signal<File | null>(null);
  protected readonly accounts = signal('');
  protected readonly from = signal(isoToAmsterdamInput(new Date(Date.now() - 7 * DAY_MS).toISOString()));
  protected readonly to = signal(isoToAmsterdamInput(new Date().toISOString()));
  protected readonly fileSize = computed(() => {
    const file = this.file();
    return file ? formatBytes(file.size, this.i18n.lang()) : '';
  });
  protected readonly problems = computed(() =>
    uploadProblems({ file: this.file(), accounts: this.accounts(), from: this.from(), to: this.to() }),
  );
  protected readonly tried = signal(false);

  protected readonly upload = new CsvUpload<ViewerLogAnalysis>();
  protected readonly repeated = signal(false);

  // The proposal.
  private readonly unchecked = signal<ReadonlySet<string>>(new Set());
  protected readonly chosen = computed(() => {
    const view = this.view();
    const off = this.unchecked();
    return view ? view.proposedIds.filter((id) => !off.has(id)) : [];
  });
  protected readonly confirming = signal(false);
  protected readonly confirmError = signal<string | null>(null);
  protected readonly confirmedNow = signal(false);

  protected chooseFile(event: Event): void {
    const files = (event.target as HTMLInputElement).files;
    this.file.set(files && files.length > 0 ? files[0]! : null);
    this.upload.refusal.set(null);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.tried.set(true);
    const file = this.file();
    if (this.problems().length > 0 || !file || this.upload.uploading()) return;
    this.repeated.set(false);
    this.confirmedNow.set(false);
    const key = this.key();
    this.upload.send(uploadPath(this.id(), this.accounts(), this.from(), this.to()), file, (analysis) => {
      this.fresh.set({ key, analysis });
      this.unchecked.set(new Set());
      this.repeated.set(analysis.repeated);
    });
  }

  protected toggle(id: string, checked: boolean): void {
    const next = new Set(this.unchecked());
    if (checked) next.delete(id);
    else next.add(id);
    this.unchecked.set(next);
  }

  protected confirm(): void {
    const analysis = this.analysis();
    const chosen = this.chosen();
    if (!analysis || chosen.length === 0 || this.confirming()) return;
    const key = this.key();
    this.confirming.set(true);
    this.confirmError.set(null);
    this.graphql
      .request(ConfirmViewerLogProposalDocument, { analysisId: analysis.id, organisationIds: chosen })
      .subscribe({
        next: (data) => {
          this.fresh.set({ key, analysis: data.confirmViewerLogProposal });
          this.confirmedNow.set(true);
          this.confirming.set(false);
        },
        error: (error: unknown) => {
          this.confirmError.set(describeError(error, this.t));
          this.confirming.set(false);
        },
      });
  }
}
