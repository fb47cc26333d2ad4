import type { ApiConfig } from '../config/config.schema';

/** The notification settings the planner and workers read (config.schema.ts validates them). */
export interface NotificationSettings {
  portalBaseUrl: string;
  /** Reminder points of the 72 hours, in permille, ascending (default 500, 750, 900, 1000). */
  reminderPermille: readonly number[];
  escalationDelayMs: number;
  pollMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  leaseMs: number;
  lateAfterMs: number;
  /** Messages sent at once per instance. */
  batchSize: number;
  /** The daily digest goes out from this hour (0–23, Europe/Amsterdam) on. */
  digestHour: number;
}

export const NOTIFICATION_SETTINGS = Symbol('NOTIFICATION_SETTINGS');

export function notificationSettings(config: ApiConfig): NotificationSettings {
  return {
    portalBaseUrl: (config.PORTAL_BASE_URL ?? config.PORTAL_ORIGIN).replace(/\/+$/, ''),
    reminderPermille: config.NOTIFY_REMINDER_POINTS,
    escalationDelayMs: config.NOTIFY_ESCALATION_DELAY_MINUTES * 60_000,
    pollMs: config.NOTIFY_POLL_MS,
    maxAttempts: config.NOTIFY_MAX_ATTEMPTS,
    retryBaseMs: config.NOTIFY_RETRY_BASE_MS,
    retryMaxMs: config.NOTIFY_RETRY_MAX_MS,
    leaseMs: config.NOTIFY_LEASE_MS,
    lateAfterMs: config.NOTIFY_LATE_AFTER_MS,
    batchSize: 16,
    digestHour: config.NOTIFY_DIGEST_HOUR,
  };
}

/** The portal page of an incident: the portal route `meldingen/:id` (apps/portal/src/app/app.routes.ts). */
export function incidentUrl(settings: Pick<NotificationSettings, 'portalBaseUrl'>, incidentId: string): string {
  return `${settings.portalBaseUrl}/meldingen/${incidentId}`;
}
