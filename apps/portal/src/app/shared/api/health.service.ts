import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, map, of } from 'rxjs';
import { RUNTIME_CONFIG } from '../config/runtime-config';

/** GET <apiUrl>/health/ready (REST, not GraphQL: hand-written). */
export interface HealthReady {
  readonly status: 'ok' | 'error';
  readonly checks: {
    readonly database: 'ok' | 'error';
    readonly migrations: 'ok' | 'pending';
  };
}

/** What the portal shows about the API: reachable at all, and the readiness checks when it answered. */
export interface HealthView {
  readonly reachable: boolean;
  readonly status: 'ok' | 'error';
  readonly database: 'ok' | 'error' | 'unknown';
  readonly migrations: 'ok' | 'pending' | 'unknown';
}

/** GET `<apiUrl>/health/ready`. A 503 with the JSON body still counts as "reachable". Never errors. */
@Injectable({ providedIn: 'root' })
export class HealthService {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(RUNTIME_CONFIG).apiUrl}/health/ready`;

  check(): Observable<HealthView> {
    return this.http.get<HealthReady>(this.url).pipe(
      map((body) => toView(body)),
      catchError((error: unknown) =>
        of(
          error instanceof HttpErrorResponse && error.status !== 0 && isHealthBody(error.error)
            ? toView(error.error)
            : UNREACHABLE,
        ),
      ),
    );
  }
}

const UNREACHABLE: HealthView = { reachable: false, status: 'error', database: 'unknown', migrations: 'unknown' };

function toView(body: HealthReady): HealthView {
  if (!isHealthBody(body)) {
    return { reachable: true, status: 'error', database: 'unknown', migrations: 'unknown' };
  }
  const database = body.checks.database === 'ok' ? 'ok' : 'error';
  const migrations = body.checks.migrations === 'ok' ? 'ok' : 'pending';
  return { reachable: true, status: body.status === 'ok' ? 'ok' : 'error', database, migrations };
}

function isHealthBody(body: unknown): body is HealthReady {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { status?: unknown }).status === 'string' &&
    typeof (body as { checks?: unknown }).checks === 'object' &&
    (body as { checks?: unknown }).checks !== null
  );
}
