import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { map } from 'rxjs';
import { AccessLogAnchorDocument } from '../../shared/api/operations/access-log-anchor.generated';
import { AccessLogDocument } from '../../shared/api/operations/access-log.generated';
import { GraphqlClient } from '../../shared/api/graphql-client.service';
import { TranslationService } from '../../shared/i18n/translation.service';
import { SessionService, describeError } from '../../shared/session/session.service';
import { type AccessLogPageData, entryView } from './access-log-view';
import { FileDownloads, anchorFiles, verifyCommand } from './anchor-files';
import '../../shared/i18n/texts/access-log';

/** Rows per request; the API's default and a screenful or two. */
export const PAGE_SIZE = 50;

interface SavedAnchor {
  readonly seq: string;
  readonly files: readonly { readonly name: string; readonly url: string }[];
  readonly command: string;
}

/**
 * The acting organisation's access log (NEN 7513), newest first, for those whose rights allow `read AccessLog`
 * there (FG, auditor), and the download of a signed anchor of its head. Everyone else sees why not; the API
 * refuses them anyway. Follows the organisation switch: another organisation's log is never shown mixed in.
 */
@Component({
  selector: 'app-access-log',
  imports: [MatButtonModule, MatCardModule, MatIconModule, MatProgressBarModule],
  providers: [FileDownloads],
  templateUrl: './access-log.html',
  styleUrl: './access-log.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccessLog {
  private readonly graphql = inject(GraphqlClient);
  private readonly i18n = inject(TranslationService);
  private readonly downloads = inject(FileDownloads);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  protected readonly t = this.i18n.t;
  protected readonly session = inject(SessionService);

  protected readonly organisation = computed(() => this.session.me()?.actingOrganisation ?? null);
  protected readonly allowed = computed(() => this.session.can('read', 'AccessLog'));
  /** The chain to show: the acting organisation once `me` says the person may read it (a primitive: reload on change only). */
  private readonly chain = computed(() =>
    this.allowed() && !this.session.meLoading() ? this.organisation()?.id : undefined,
  );

  private readonly firstPage = rxResource({
    params: () => this.chain(),
    stream: () => this.graphql.request(AccessLogDocument, { first: PAGE_SIZE }).pipe(map((data) => data.accessLog)),
  });
  private readonly first = computed(() => (this.firstPage.hasValue() ? this.firstPage.value() : undefined));
  /** Older pages loaded after the first; emptied whenever the first page is (re)loaded. */
  private readonly older = linkedSignal<AccessLogPageData | undefined, readonly AccessLogPageData[]>({
    source: this.first,
    computation: () => [],
  });

  protected readonly loading = computed(() => this.firstPage.isLoading() || this.session.meLoading());
  protected readonly loadError = computed(() => describeError(this.firstPage.error(), this.t));
  protected readonly rows = computed(() => {
    const lang = this.i18n.lang();
    const pages = [this.first(), ...this.older()].filter((page) => page !== undefined);
    return pages.flatMap((page) => page.entries.map((entry) => entryView(entry, lang, this.t)));
  });
  protected readonly nextCursor = computed(() => (this.older().at(-1) ?? this.first())?.nextCursor ?? null);
  protected readonly loadingOlder = signal(false);
  protected readonly olderError = linkedSignal<unknown, string | null>({ source: this.first, computation: () => null });
  /** Said politely by screen readers after older rows arrive. */
  protected readonly announcement = signal('');
  private readonly status = viewChild<ElementRef<HTMLElement>>('status');

  protected readonly exporting = signal(false);
  protected readonly exportError = linkedSignal<unknown, string | null>({
    source: this.chain,
    computation: () => null,
  });
  protected readonly saved = linkedSignal<unknown, SavedAnchor | null>({ source: this.chain, computation: () => null });

  protected reload(): void {
    this.firstPage.reload();
  }

  protected loadOlder(): void {
    const after = this.nextCursor();
    const first = this.first();
    if (!after || !first || this.loadingOlder()) {
      return;
    }
    this.loadingOlder.set(true);
    this.olderError.set(null);
    this.graphql
      .request(AccessLogDocument, { first: PAGE_SIZE, after })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (data) => {
          this.loadingOlder.set(false);
          if (this.first() !== first) {
            return; // the first page was reloaded (or the organisation changed) meanwhile: this page no longer follows
          }
          this.older.update((pages) => [...pages, data.accessLog]);
          this.announcement.set(this.t('accessLog.loadedOlder', { count: data.accessLog.entries.length }));
          if (!data.accessLog.nextCursor) {
            // The button is gone: keep keyboard focus near where it was.
            afterNextRender(() => this.status()?.nativeElement.focus(), { injector: this.injector });
          }
        },
        error: (error: unknown) => {
          this.loadingOlder.set(false);
          this.olderError.set(describeError(error, this.t));
        },
      });
  }

  protected exportAnchor(): void {
    if (this.exporting()) {
      return;
    }
    const chain = this.chain();
    this.exporting.set(true);
    this.exportError.set(null);
    this.graphql
      .request(AccessLogAnchorDocument)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ accessLogAnchor: anchor }) => {
          this.exporting.set(false);
          if (this.chain() !== chain) {
            return; // another organisation is shown now; its FG can download its own anchor
          }
          const [anchorFile, keyFile] = anchorFiles(anchor);
          const files = [anchorFile, keyFile].map((file) => ({ name: file.name, url: this.downloads.save(file) }));
          this.saved.set({ seq: anchor.seq, files, command: verifyCommand(anchorFile, keyFile) });
        },
        error: (error: unknown) => {
          this.exporting.set(false);
          this.exportError.set(describeError(error, this.t));
        },
      });
  }
}
