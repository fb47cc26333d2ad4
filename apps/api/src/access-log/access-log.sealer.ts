import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** How often an instance seals as a safety net (rows left by a crash, or by another instance). */
const SAFETY_NET_MS = 1000;

/**
 * Chains committed access-log rows (access_log_seal, migration 1764979200000): right after every request that
 * wrote one, and every second. One pass at a time per instance; callers that arrive while a pass runs share the
 * next one, so a burst of requests costs a few seals, not one each. Requests never wait for this except a read
 * of the log itself, which waits for a pass that started after it asked (so the FG sees their own last request).
 */
@Injectable()
export class AccessLogSealer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AccessLog');
  private current: Promise<void> | null = null;
  private next: Promise<void> | null = null;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.soon(), SAFETY_NET_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.stopped = true;
    await Promise.allSettled([this.current, this.next]);
  }

  /** Seals in the background; a failure is logged and left to the next pass. */
  soon(): void {
    if (this.stopped) return;
    this.sealNow().catch((error: unknown) =>
      this.logger.warn(`Sealing the access log failed; retried within a second: ${String(error)}`),
    );
  }

  /** Resolves once a pass that started after this call has finished: every row committed before it is chained. */
  sealNow(): Promise<void> {
    if (!this.current) {
      this.current = this.pass().finally(() => (this.current = null));
      return this.current;
    }
    this.next ??= this.current
      .catch(() => undefined)
      .then(() => {
        this.next = null;
        return this.sealNow();
      });
    return this.next;
  }

  private async pass(): Promise<void> {
    if (!this.dataSource.isInitialized) return;
    await this.dataSource.query('SELECT access_log_seal(false)');
  }
}
