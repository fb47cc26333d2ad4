import type { DataSource } from 'typeorm';
import type { Clock } from '@babyconnect/domain';
import type { NotificationPayload } from '@babyconnect/notifications';
import { chainTimerMessage, isChainTimer } from './chain-timers';
import type { WorkerLogger } from './delivery-worker';
import type { NotificationMetrics } from './notification-metrics';
import type { NotificationSettings } from './notification-settings';
import type { OutboxRepository } from './outbox.repository';
import type { RecipientsRepository } from './recipients.repository';
import type { DueTimer, TimersRepository } from './timers.repository';
import { DailyDigest } from './daily-digest';
import { asNotificationWorker } from './worker-transaction';

const DIGEST_EVERY_MS = 60_000;

export interface DeadlineSchedulerDeps {
  dataSource: DataSource;
  clock: Clock;
  settings: NotificationSettings;
  timers: TimersRepository;
  outbox: OutboxRepository;
  recipients: RecipientsRepository;
  metrics?: NotificationMetrics;
  logger?: WorkerLogger;
}

/**
 * The durable deadline engine: timers are rows (timers.repository.ts), not in memory. Every poll (default 1 s)
 * each instance claims the due ones with FOR UPDATE SKIP LOCKED and, in one transaction per batch, enqueues their
 * mails in the outbox and marks them fired: a timer fires once, whichever instance gets it, and a crash before the
 * commit leaves it pending for the next round. A timer found more than NOTIFY_LATE_AFTER_MS after its due time (the
 * API was down) goes out once, marked late.
 */
export class DeadlineScheduler {
  private loop: Promise<void> | null = null;
  private stopped = true;
  private wake: (() => void) | null = null;
  private readonly digest: DailyDigest;
  private lastDigestRound = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: DeadlineSchedulerDeps) {
    this.digest = new DailyDigest(deps);
  }

  start(): void {
    if (this.loop) return;
    this.stopped = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  /** One round: fires up to 100 due timers. Returns how many. */
  async tick(): Promise<number> {
    const { dataSource, clock, timers } = this.deps;
    const fired: { timer: DueTimer; lateMs: number }[] = [];
    await asNotificationWorker(dataSource, async (manager) => {
      const now = clock.now();
      const due = await timers.claimDue(manager, now, 100);
      for (const timer of due) {
        const lateMs = now.getTime() - new Date(timer.dueAt).getTime();
        await this.fire(manager, timer, now, lateMs);
        fired.push({ timer, lateMs });
      }
    });
    // After the commit: a rolled-back round fired nothing.
    for (const { timer, lateMs } of fired) this.deps.metrics?.fired(timer.kind, lateMs);
    return fired.length;
  }

  private async fire(
    manager: Parameters<Parameters<typeof asNotificationWorker>[1]>[0],
    timer: DueTimer,
    now: Date,
    lateMs: number,
  ): Promise<void> {
    const { settings, outbox, recipients, timers, metrics } = this.deps;
    const late = lateMs > settings.lateAfterMs;
    if (isChainTimer(timer.kind)) {
      const message = await chainTimerMessage(manager, timer);
      if (message) {
        const payload = { ...message.payload, ...(late ? { lateSince: new Date(timer.dueAt).toISOString() } : {}) };
        const found = await recipients.find(manager, timer.organisationId, message.audience);
        const counts = await outbox.enqueue(manager, {
          organisationId: timer.organisationId,
          incidentId: timer.incidentId,
          cause: `timer:${timer.id}`,
          payload,
          recipients: found,
          now,
        });
        metrics?.enqueued(payload.event, counts);
      }
      await timers.markFired(manager, timer.id, now, lateMs);
      return;
    }
    const { chain, ...rest } = timer.payload;
    const payload: NotificationPayload = {
      ...rest,
      incidentId: timer.incidentId,
      ...(timer.kind === 'ap-reminder'
        ? { event: 'deadline-reminder', elapsedPercent: Math.round(timer.pointPermille / 10) }
        : { event: 'deadline-overdue' }),
      ...(late ? { lateSince: new Date(timer.dueAt).toISOString() } : {}),
    };
    const audience = { fg: true, privacyOfficers: true, hinq: timer.kind === 'ap-overdue' && chain };
    const found = await recipients.find(manager, timer.organisationId, audience);
    const counts = await outbox.enqueue(manager, {
      organisationId: timer.organisationId,
      incidentId: timer.incidentId,
      cause: `timer:${timer.id}`,
      payload,
      recipients: found,
      now,
    });
    metrics?.enqueued(payload.event, counts);
    await timers.markFired(manager, timer.id, now, lateMs);
  }

  /**
   * The daily digests, at most once per `DIGEST_EVERY_MS` of the clock (or when the clock moved back, as a test's
   * does): their outbox keys make a second round harmless, but it costs a query.
   */
  async digestRound(): Promise<number> {
    const now = this.deps.clock.now().getTime();
    if (now - this.lastDigestRound < DIGEST_EVERY_MS && now >= this.lastDigestRound) return 0;
    this.lastDigestRound = now;
    return this.digest.run();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let fired = 0;
      try {
        fired = await this.tick();
        await this.digestRound();
      } catch (error) {
        this.deps.logger?.error(`Deadline timer round failed: ${(error as Error).message}`);
      }
      if (fired < 100 && !this.stopped) await this.pause();
    }
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.deps.settings.pollMs);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
