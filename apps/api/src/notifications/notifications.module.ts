import { Global, Module } from '@nestjs/common';
import { API_CONFIG } from '../config/config';
import type { ApiConfig } from '../config/config.schema';
import { INCIDENT_OBSERVER } from '../incidents/incident-observer';
import { MyNotificationsResolver } from './my-notifications.resolver';
import { MyNotificationsService } from './my-notifications.service';
import { NotificationMetrics } from './notification-metrics';
import { NotificationPlanner } from './notification-planner';
import { NOTIFICATION_SETTINGS, notificationSettings } from './notification-settings';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsRuntime } from './notifications.runtime';
import { NotificationsService } from './notifications.service';
import { OutboxRepository } from './outbox.repository';
import { PersonalSettingsRepository } from './personal-settings.repository';
import { RecipientsRepository } from './recipients.repository';
import { TimersRepository } from './timers.repository';

/**
 * Notifications and the deadline engine (issue 16). Global only to hand the incidents feature its observer
 * (INCIDENT_OBSERVER), through which every incident change enqueues its mails and moves its timers in its own
 * transaction; nothing else is exported.
 */
@Global()
@Module({
  providers: [
    { provide: NOTIFICATION_SETTINGS, inject: [API_CONFIG], useFactory: (c: ApiConfig) => notificationSettings(c) },
    NotificationMetrics,
    RecipientsRepository,
    OutboxRepository,
    TimersRepository,
    NotificationPlanner,
    { provide: INCIDENT_OBSERVER, useExisting: NotificationPlanner },
    NotificationsService,
    NotificationsResolver,
    NotificationsRuntime,
    PersonalSettingsRepository,
    MyNotificationsService,
    MyNotificationsResolver,
  ],
  exports: [INCIDENT_OBSERVER],
})
export class NotificationsModule {}
