import { HttpClient, HttpErrorResponse, HttpEventType, HttpHeaders } from '@angular/common/http';
import { DestroyRef, inject, signal } from '@angular/core';
import type { Subscription } from 'rxjs';
import { RUNTIME_CONFIG } from '../../shared/config/runtime-config';
import { type UploadRefusalView, uploadPercent, uploadRefusal } from './viewer-log-view';

/**
 * One viewer-log file sent as the raw body of a POST, the same way on every page that takes one (the chain
 * incident's analysis, `/signalen`'s daily file): busy, percent sent (null while the browser does not know the
 * total; 100 while the API reads), the API's refusal in a shape the page can show, cancel, and unsubscribed when the
 * page goes. Needs the route's XHR HttpClient for progress (upload-http.ts). Create it in a component's field
 * initialiser (it injects).
 */
export class CsvUpload<T> {
  private readonly http = inject(HttpClient);
  private readonly apiUrl = inject(RUNTIME_CONFIG).apiUrl;
  private upload$: Subscription | null = null;

  readonly uploading = signal(false);
  readonly progress = signal<number | null>(null);
  readonly refusal = signal<UploadRefusalView | null>(null);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.upload$?.unsubscribe());
  }

  /** Sends `file` to the API's `path`; `answered` gets the API's answer. Ignored while a file is on its way. */
  send(path: string, file: File, answered: (body: T) => void): void {
    if (this.uploading()) return;
    this.refusal.set(null);
    this.uploading.set(true);
    this.progress.set(0);
    // Always text/csv: browsers guess a .csv file's type from the system (Windows with Excel says
    // application/vnd.ms-excel); the API reads the content and refuses a binary file itself.
    const headers = new HttpHeaders({ 'Content-Type': 'text/csv' });
    this.upload$ = this.http
      .post<T>(`${this.apiUrl}${path}`, file, { headers, reportProgress: true, observe: 'events' })
      .subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress) this.progress.set(uploadPercent(event.loaded, event.total));
          if (event.type === HttpEventType.Response && event.body) answered(event.body);
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

  cancel(): void {
    this.upload$?.unsubscribe();
    this.upload$ = null;
    this.uploading.set(false);
    this.progress.set(null);
  }
}
