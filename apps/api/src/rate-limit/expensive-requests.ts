import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../auth/actor';
import { API_CONFIG } from '../config/config';
import type { ApiConfig } from '../config/config.schema';
import { ApiError } from '../errors/api-error';
import { Metrics } from '../metrics/metrics';

/** Retry-After of a refusal: the others' end cannot be foreseen; a poll interval a client can live with. */
export const EXPENSIVE_RETRY_AFTER_SECONDS = 5;

/**
 * How many exports and uploads each person (or machine client) has running on this instance, so one of them cannot
 * start fifty 10,000-row PDFs and starve everyone else: more than EXPENSIVE_REQUESTS_PER_PERSON at once and the next
 * is refused with TOO_MANY_REQUESTS (429, Retry-After) until one ends. Taken after authorisation (a refused request
 * holds nothing) and given back when the response closes — finished, failed or abandoned by the client.
 *
 * An in-flight count, not @nestjs/throttler: the throttler counts hits per time window and has no way to give one
 * back, so it can bound how often a request starts but not how many run at once — and overlap is what starves the
 * API (two long exports started a minute apart still compete). Like the refusal limiter it holds per instance.
 */
@Injectable()
export class ExpensiveRequests {
  private readonly running = new Map<string, number>();

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  /** Takes a slot for `actor` until `res` closes; throws TOO_MANY_REQUESTS when all of theirs are taken. */
  begin(actor: Actor, res: Response): void {
    const key = actor.user.id;
    const limit = this.config.EXPENSIVE_REQUESTS_PER_PERSON;
    const now = this.running.get(key) ?? 0;
    if (now >= limit) {
      this.metrics.expensiveRefused.inc();
      throw busy(limit);
    }
    this.running.set(key, now + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const left = (this.running.get(key) ?? 1) - 1;
      if (left > 0) this.running.set(key, left);
      else this.running.delete(key);
    };
    // 'close' follows 'finish' and also comes when the client goes away mid-stream.
    res.once('close', release);
    if (res.destroyed) release();
  }

  /** Slots taken now by this person (for tests and diagnostics). */
  runningFor(userId: string): number {
    return this.running.get(userId) ?? 0;
  }
}

function busy(limit: number): ApiError {
  const what = limit === 1 ? { nl: 'een export of upload', en: 'an export or upload' } : null;
  return new ApiError('TOO_MANY_REQUESTS', {
    nl: `U heeft al ${what ? what.nl : `${limit} exports of uploads`} lopen. Wacht tot ${limit === 1 ? 'die' : 'er een'} klaar is en probeer het dan opnieuw.`,
    en: `You already have ${what ? what.en : `${limit} exports or uploads`} running. Wait until ${limit === 1 ? 'it has' : 'one has'} finished, then try again.`,
  });
}
