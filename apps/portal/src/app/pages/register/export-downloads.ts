import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { DOCUMENT, Injectable, type OnDestroy, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { RUNTIME_CONFIG } from '../../shared/config/runtime-config';

/**
 * Authenticated downloads of the API's HTTP exports. The request goes through Angular's HttpClient, so the same
 * interceptors as every GraphQL call add the bearer token and the acting organisation; the answer (streamed by the
 * API) is saved as a Blob through an object URL. Chosen over a short-lived signed link: such a link is a
 * credential in a URL (browser history, proxy and server logs, a forwarded e-mail) and needs a second way to sign
 * in; the token the portal already holds is enough. Object URLs are released when the page goes.
 */
@Injectable()
export class ExportDownloads implements OnDestroy {
  private readonly http = inject(HttpClient);
  private readonly document = inject(DOCUMENT);
  private readonly apiUrl = inject(RUNTIME_CONFIG).apiUrl;
  private readonly urls: string[] = [];

  /** Fetches `path` (e.g. `/exports/register.csv?…`) and saves it as `fileName`; rejects with the API's message. */
  async download(path: string, fileName: string): Promise<void> {
    let blob: Blob;
    try {
      blob = await firstValueFrom(this.http.get(`${this.apiUrl}${path}`, { responseType: 'blob' }));
    } catch (error) {
      throw new Error(await messageOf(error));
    }
    const url = URL.createObjectURL(blob);
    this.urls.push(url);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    this.document.body.append(link);
    try {
      link.click();
    } finally {
      link.remove();
    }
  }

  ngOnDestroy(): void {
    for (const url of this.urls.splice(0)) URL.revokeObjectURL(url);
  }
}

/** The API answers a refusal as JSON `{ code, message }` (in the request's language); read it from the blob. */
async function messageOf(error: unknown): Promise<string> {
  if (error instanceof HttpErrorResponse && error.error instanceof Blob) {
    try {
      const body = JSON.parse(await error.error.text()) as { message?: string };
      if (body.message) return body.message;
    } catch {
      // not JSON: fall through
    }
    return `HTTP ${error.status}`;
  }
  return error instanceof Error ? error.message : String(error);
}
