import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseSmtpUrl, redactSmtpUrl, SmtpMailer } from '@babyconnect/notifications';
import { API_CONFIG } from '../config/config';
import type { ApiConfig } from '../config/config.schema';
import { AppClock } from '../time/app-clock';
import { DeadlineScheduler } from './deadline-scheduler';
import { DeliveryWorker } from './delivery-worker';
import { NotificationMetrics } from './notification-metrics';
import { NOTIFICATION_SETTINGS, type NotificationSettings } from './notification-settings';
import { OutboxRepository } from './outbox.repository';
import { RecipientsRepository } from './recipients.repository';
import { TimersRepository } from './timers.repository';

export const DEFAULT_SENDER = 'datalek@babyconnect.example.org';

/**
 * Runs the deadline timers and the outbox delivery in this instance (NOTIFY_WORKER=true, the default). Every
 * instance may run them: the database hands each timer and message to one of them. Without SMTP_URL the timers still
 * fire and messages wait in the outbox until a mail server is configured. Stopped before the database pool closes.
 */
@Injectable()
export class NotificationsRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private scheduler: DeadlineScheduler | null = null;
  private worker: DeliveryWorker | null = null;
  private mailer: SmtpMailer | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: AppClock,
    private readonly outbox: OutboxRepository,
    private readonly timers: TimersRepository,
    private readonly recipients: RecipientsRepository,
    private readonly metrics: NotificationMetrics,
    @Inject(NOTIFICATION_SETTINGS) private readonly settings: NotificationSettings,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.NOTIFY_WORKER) return;
    const common = { dataSource: this.dataSource, clock: this.clock, settings: this.settings, metrics: this.metrics };
    const logger = { warn: (m: string) => this.logger.warn(m), error: (m: string) => this.logger.error(m) };
    this.scheduler = new DeadlineScheduler({
      ...common,
      timers: this.timers,
      outbox: this.outbox,
      recipients: this.recipients,
      logger,
    });
    this.scheduler.start();
    if (!this.config.SMTP_URL) {
      this.logger.warn('SMTP_URL is not set: notifications are queued in the outbox and not sent.');
      return;
    }
    this.mailer = new SmtpMailer({
      url: this.config.SMTP_URL,
      from: this.config.SMTP_FROM ?? DEFAULT_SENDER,
      fromName: this.config.SMTP_FROM_NAME,
    });
    this.worker = new DeliveryWorker({ ...common, mailer: this.mailer, outbox: this.outbox, logger });
    this.worker.start();
    this.logger.log(`Notifications via ${redactSmtpUrl(parseSmtpUrl(this.config.SMTP_URL))}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.scheduler?.stop(), this.worker?.stop()]);
    this.mailer?.close();
  }
}
