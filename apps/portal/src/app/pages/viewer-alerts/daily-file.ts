import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import '../../shared/i18n/texts/viewer-alerts';
import '../../shared/i18n/texts/viewer-log';
import { TranslationService } from '../../shared/i18n/translation.service';
import { CsvUpload } from '../viewer-log/csv-upload';
import {
  REFUSAL_TITLES as VIEWER_LOG_REFUSAL_TITLES,
  type RefusalTitles,
  UploadFeedback,
} from '../viewer-log/upload-feedback';
import { VIEWER_LOG_HEADER, formatBytes } from '../viewer-log/viewer-log-view';
import { DAILY_FILE_PATH, type DailyFileAnswer, dailyFileView } from './daily-file-view';

/** The chain incident's upload names its refusals; a daily file's invalid content is said its own way. */
const REFUSAL_TITLES: RefusalTitles = { ...VIEWER_LOG_REFUSAL_TITLES, invalid: 'alerts.daily.refused' };

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
  imports: [MatButtonModule, UploadFeedback],
  templateUrl: './daily-file.html',
  styleUrl: './daily-file.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DailyFileUpload {
  /** A file was judged (new or repeated): the alerts list may have changed. */
  readonly judged = output<DailyFileAnswer>();

  private readonly i18n = inject(TranslationService);
  protected readonly t = this.i18n.t;
  protected readonly header = VIEWER_LOG_HEADER;

  protected readonly file = signal<File | null>(null);
  protected readonly fileSize = computed(() => {
    const file = this.file();
    return file ? formatBytes(file.size, this.i18n.lang()) : '';
  });
  protected readonly tried = signal(false);
  protected readonly upload = new CsvUpload<DailyFileAnswer>();
  protected readonly refusalTitles = REFUSAL_TITLES;
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

  protected choose(event: Event): void {
    const files = (event.target as HTMLInputElement).files;
    this.file.set(files && files.length > 0 ? files[0]! : null);
    this.upload.refusal.set(null);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.tried.set(true);
    const file = this.file();
    if (!file || this.upload.uploading()) return;
    this.answer.set(null);
    this.upload.send(DAILY_FILE_PATH, file, (answer) => {
      this.answer.set({ answer, name: file.name });
      this.judged.emit(answer);
    });
  }
}
