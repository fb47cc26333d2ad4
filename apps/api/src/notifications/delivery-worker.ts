import type { DataSource } from 'typeorm';
import type { Clock } from '@babyconnect/domain';
import { MailDeliveryError, renderNotification, type Mailer } from '@babyconnect/notifications';
import type { NotificationMetrics } from './notification-metrics';
import type { NotificationSettings } from './notification-settings';
import type { ClaimedMessage, DeliveryError, OutboxRepository } from './outbox.repository';
import { asNotificationWorker } from './worker-transaction';

export interface WorkerLogger {
  warn(message: string): void;
  error(message: string): void;
}

export interface DeliveryWorkerDeps {
  dataSource: DataSource;
  mailer: Mailer;
  clock: Clock;
  settings: NotificationSettings;
  outbox: OutboxRepository;
  metrics?: NotificationMetrics;
  logger?: WorkerLogger;
}

/**
 * Delivers the outbox. Each round claims a batch (a lease, FOR UPDATE SKIP LOCKED: two instances never send one
 * message at the same time), sends each message once through the mailer and records the result for exactly that
 * claim. Temporary failures are retried with exponential backoff (base × 2^(attempt−1), capped, ±20 % jitter);
 * permanent ones (refused address, malformed message) and the last attempt go to the dead letters, with the
 * mailer's readable reason.
 *
 * At least once, with one gap: if the process dies after the mail server accepted a message and before "sent" is
 * committed (one UPDATE, milliseconds), the message is sent again when its lease runs out — with the same
 * Message-ID, derived from its idempotency key, so the copy can be recognised. README: delivery guarantees.
 */
export class DeliveryWorker {
  private loop: Promise<void> | null = null;
  private stopped = true;
  private abandoned = false;
  private wake: (() => void) | null = null;

  constructor(private readonly deps: DeliveryWorkerDeps) {}

  start(): void {
    if (this.loop) return;
    this.stopped = false;
    this.loop = this.run();
  }

  /** Finishes the messages in hand, then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  /**
   * Tests: the process dies now. Whatever is in hand stays claimed and unrecorded, as after SIGKILL; another
   * instance takes it over when its lease runs out.
   */
  abandon(): void {
    this.abandoned = true;
    this.stopped = true;
    this.wake?.();
  }

  /** One round: claims and delivers up to a batch. Returns how many messages it handled. */
  async tick(): Promise<number> {
    const { dataSource, clock, settings, outbox } = this.deps;
    const claimed = await asNotificationWorker(dataSource, (m) =>
      outbox.claim(m, clock.now(), settings.leaseMs, settings.batchSize),
    );
    await Promise.all(claimed.map((message) => this.deliver(message)));
    return claimed.length;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let handled = 0;
      try {
        handled = await this.tick();
      } catch (error) {
        this.deps.logger?.error(`Notification delivery round failed: ${(error as Error).message}`);
      }
      // A full batch: more may be waiting, go on at once.
      if (handled < this.deps.settings.batchSize && !this.stopped) await this.pause();
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

  private async deliver(message: ClaimedMessage): Promise<void> {
    const { mailer, metrics } = this.deps;
    let outcome: { sent: string } | { error: DeliveryError; permanent: boolean };
    try {
      const mail = renderNotification(message.payload, message.locale);
      const sent = await mailer.send({
        to: [message.address],
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        reference: message.payload.reference,
        idempotencyKey: message.idempotencyKey,
        attachments: mail.attachments,
      });
      outcome =
        sent.rejected.length > 0
          ? { error: toError(new MailDeliveryError('rejected', { recipients: sent.rejected })), permanent: true }
          : { sent: sent.messageId };
    } catch (error) {
      const failure =
        error instanceof MailDeliveryError
          ? error
          : new MailDeliveryError('invalid-message', { detail: (error as Error).message, cause: error });
      outcome = { error: toError(failure), permanent: failure.permanent };
    }
    if (this.abandoned) return;
    try {
      await this.record(message, outcome);
    } catch (error) {
      // The lease runs out and the message is tried again: at least once.
      this.deps.logger?.error(`Recording a notification result failed: ${(error as Error).message}`);
      return;
    }
    if ('sent' in outcome) metrics?.delivered(message.payload.event);
  }

  private async record(
    message: ClaimedMessage,
    outcome: { sent: string } | { error: DeliveryError; permanent: boolean },
  ): Promise<void> {
    const { dataSource, clock, settings, outbox, metrics, logger } = this.deps;
    const now = clock.now();
    await asNotificationWorker(dataSource, async (m) => {
      if ('sent' in outcome) {
        await outbox.markSent(m, message.id, message.attempts, outcome.sent, now);
        return;
      }
      const dead = outcome.permanent || message.attempts >= settings.maxAttempts;
      const retryAt = new Date(now.getTime() + backoffMs(message.attempts, settings));
      const recorded = await outbox.markFailed(
        m,
        message.id,
        message.attempts,
        outcome.error,
        dead ? { dead: true, now } : { dead: false, retryAt },
      );
      if (!recorded) return;
      metrics?.failure(outcome.error.reason, dead);
      if (dead) logger?.warn(`Notification ${message.id} dead-lettered: ${outcome.error.message}`);
    });
  }
}

export function backoffMs(attempt: number, settings: Pick<NotificationSettings, 'retryBaseMs' | 'retryMaxMs'>): number {
  const exponential = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.8 + Math.random() * 0.4));
}

function toError(error: MailDeliveryError): DeliveryError {
  const json = error.toJSON();
  return {
    reason: json.reason,
    message: json.message,
    messageNl: json.messageNl,
    ...(json.smtpCode === undefined ? {} : { smtpCode: json.smtpCode }),
  };
}
