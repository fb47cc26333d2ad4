import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { Metrics } from '../metrics/metrics';

/**
 * Notification metrics on the management port, registered in the API's one registry. Labels are the fixed event
 * names and failure reasons, never an address or a reference.
 */
@Injectable()
export class NotificationMetrics {
  private readonly queued: Counter<'event'>;
  private readonly sent: Counter<'event'>;
  private readonly failed: Counter<'reason'>;
  private readonly dead: Counter<'reason'>;
  private readonly lateness: Histogram<'kind'>;

  constructor(metrics: Metrics) {
    const registers = [metrics.registry];
    this.queued = new Counter({
      name: 'babyconnect_notifications_queued_total',
      help: 'Notification messages enqueued (one per recipient), by event.',
      labelNames: ['event'],
      registers,
    });
    this.sent = new Counter({
      name: 'babyconnect_notifications_sent_total',
      help: 'Notification messages accepted by the mail server, by event.',
      labelNames: ['event'],
      registers,
    });
    this.failed = new Counter({
      name: 'babyconnect_notifications_failed_total',
      help: 'Failed delivery attempts (retried or dead), by reason.',
      labelNames: ['reason'],
      registers,
    });
    this.dead = new Counter({
      name: 'babyconnect_notifications_dead_total',
      help: 'Messages dead-lettered (refused, out of attempts, or nobody reachable), by reason.',
      labelNames: ['reason'],
      registers,
    });
    this.lateness = new Histogram({
      name: 'babyconnect_reminder_lateness_seconds',
      help: 'How long after its due time a deadline timer fired.',
      labelNames: ['kind'],
      buckets: [0.5, 1, 2, 5, 10, 30, 60, 300, 3600, 86_400],
      registers,
    });
  }

  enqueued(event: string, counts: { queued: number; dead: number }): void {
    if (counts.queued > 0) this.queued.inc({ event }, counts.queued);
    if (counts.dead > 0) {
      this.queued.inc({ event }, counts.dead);
      this.dead.inc({ reason: 'no-recipient' }, counts.dead);
    }
  }

  delivered(event: string): void {
    this.sent.inc({ event });
  }

  failure(reason: string, dead: boolean): void {
    this.failed.inc({ reason });
    if (dead) this.dead.inc({ reason });
  }

  fired(kind: string, lateMs: number): void {
    this.lateness.observe({ kind }, Math.max(0, lateMs) / 1000);
  }
}
