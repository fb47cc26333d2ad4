import { HttpClient, HttpErrorResponse, HttpEventType, HttpHeaders } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Subscription } from 'rxjs';
import { RUNTIME_CONFIG } from '../../shared/config/runtime-config';
import type { TranslationKey } from '../../shared/i18n/nl';
import '../../shared/i18n/texts/viewer-alerts';
import '../../shared/i18n/texts/viewer-log';
import { TranslationService } from '../../shared/i18n/translation.service';
import {
  VIEWER_LOG_HEADER,
  type UploadRefusalView,
  formatBytes,
  uploadPercent,
  uploadRefusal,
} from '../viewer-log/viewer-log-view';
import { DAILY_FILE_PATH, type DailyFileAnswer, dailyFileView } from './daily-file-view';

const REFUSAL_TITLES = {
  tooLarge: 'viewerLog.refusal.tooLarge',
  notCsv: 'viewerLog.refusal.notCsv',
  header: 'viewerLog.refusal.header',
  invalid: 'alerts.daily.refused',
  other: 'viewerLog.refusal.other',
  network: 'viewerLog.refusal.network',
} as const satisfies Record<UploadRefusalView['kind'], TranslationKey>;

/**
 * "Dagbestand van het kijklog aanbieden" on `/signalen` (issue 18, "or HINQ uploads daily files"): HINQ's coordinator
 * hands in a day's export of the viewer log for the same detection as HINQ's systems' push. The file is the raw body
 * of one request through HttpClient, with the route's XHR backend for upload progress (viewer-log/upload-http.ts);
 * the answer says how many lines were judged, how many were rejected and why, and how many alerts the file's windows
 * have — or that the same file was handed in before and nothing was counted again. `judged` tells the page to
 * reload its list. The page shows this only to whom `create ViewerLogDailyFile` is granted.
 */
@Component({
  selector: 'app-daily-file',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule],
  templateUrl: './daily-file.html',
  styleUrl: './daily-file.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DailyFileUpload {
  /** A file was judged (new or repeated): the alerts list may have changed. */
  readonly judged = output<DailyFileAnswer>();

  private readonly http = inject(HttpClient);
  private readonly apiUrl = inject(RUNTIME_CONFIG).apiUrl;
  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;
  protected readonly header = VIEWER_LOG_HEADER;

  protected readonly file = signal<File | null>(null);
  protected readonly fileSize = computed(() => {
    const file = this.file();
    return file ? formatBytes(file.size, this.i18n.lang()) : '';
  });
  protected readonly tried = signal(false);
  protected readonly uploading = signal(false);
  /** Percent sent, or null while the browser does not know the total. */
  protected readonly progress = signal<number | null>(null);
  protected readonly refusal = signal<UploadRefusalView | null>(null);
  protected readonly refusalTitle = computed(() => {
    const kind = this.refusal()?.kind;
    return kind ? this.t(REFUSAL_TITLES[kind]) : '';
  });
  private readonly answer = signal<{ answer: DailyFileAnswer; name: string } | null>(null);
  protected readonly result = computed(() => {
    const a = this.answer();
    return a ? { name: a.name, ...dailyFileView(a.answer, this.i18n.lang()) } : null;
  });
  /** One sentence for screen readers, said politely when an answer arrives (the result block itself is not live). */
  protected readonly announcement = computed(() => {
    const r = this.result();
    if (!r) return '';
    const counts = this.t('alerts.daily.summary', { events: r.events, rejected: r.rejected, alerts: r.alerts });
    return r.repeated ? `${this.t('alerts.daily.repeated')} ${counts}` : counts;
  });
  private upload$: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.upload$?.unsubscribe());
  }

  protected choose(event: Event): void {
    const files = (event.target as HTMLInputElement).files;
    this.file.set(files && files.length > 0 ? files[0]! : null);
    this.refusal.set(null);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.tried.set(true);
    const file = this.file();
    if (!file || this.uploading()) return;
    this.refusal.set(null);
    this.answer.set(null);
    this.uploading.set(true);
    this.progress.set(0);
    // Always text/csv: browsers guess a .csv file's type from the system (Windows with Excel says
    // application/vnd.ms-excel); the API reads the content and refuses a binary file itself.
    const headers = new HttpHeaders({ 'Content-Type': 'text/csv' });
    this.upload$ = this.http
      .post<DailyFileAnswer>(`${this.apiUrl}${DAILY_FILE_PATH}`, file, {
        headers,
        reportProgress: true,
        observe: 'events',
      })
      .subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress) this.progress.set(uploadPercent(event.loaded, event.total));
          if (event.type === HttpEventType.Response && event.body) {
            this.answer.set({ answer: event.body, name: file.name });
            this.judged.emit(event.body);
          }
        },
        error: (error: unknown) => {
          this.uploading.set(false);
          this.refusal.set(
            error instanceof HttpErrorResponse ? uploadRefusal(error.status, error.error) : uploadRefusal(0, null),
          );
        },
        complete: () => this.uploading.set(false),
      });
  }

  protected cancel(): void {
    this.upload$?.unsubscribe();
    this.upload$ = null;
    this.uploading.set(false);
    this.progress.set(null);
  }
}
