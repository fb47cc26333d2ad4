import type { IncidentNotificationsQuery } from '../../shared/api/generated/graphql';
import type { TranslationKey } from '../../shared/i18n/nl';
import type { Lang } from '../../shared/i18n/translation.service';
import { incidentLabel } from '../../shared/labels/incident-labels';
import { formatInstant } from './incident-view';
import '../../shared/i18n/texts/incident';

export type IncidentNotification = IncidentNotificationsQuery['incidentNotifications'][number];
type Translate = (key: TranslationKey, params?: Readonly<Record<string, string | number>>) => string;

/** One mail as the "Berichten" list shows it. */
export interface NotificationRow {
  readonly id: string;
  readonly event: string;
  readonly eventText: string;
  readonly status: string;
  readonly statusText: string;
  /** "FG (f***@de-wieg.example.org)", or who it was for when nobody with that role could be reached. */
  readonly to: string;
  /** The instant shown: when it was sent, or else when it was queued. */
  readonly at: string;
  readonly when: string;
  readonly attempts: string | null;
  readonly next: string | null;
  readonly failure: string | null;
}

/**
 * The API's mails about an incident in words (pure, so it has a unit test): event, recipient role with the masked
 * address (the API never sends more), status, the time that matters for the status, and why delivery failed.
 */
export function notificationRows(mails: readonly IncidentNotification[], lang: Lang, t: Translate): NotificationRow[] {
  return mails.map((m) => {
    const role = incidentLabel('RecipientRole', m.recipientRole, lang);
    const sent = m.status === 'SENT' && !!m.sentAt;
    const at = sent ? (m.sentAt as string) : m.createdAt;
    const failing = m.status === 'RETRYING' || m.status === 'DEAD';
    return {
      id: m.id,
      event: m.event,
      eventText: incidentLabel('NotificationEvent', m.event, lang),
      status: m.status,
      statusText: incidentLabel('DeliveryStatus', m.status, lang),
      to: `${role} (${m.recipientAddress ?? t('incident.mail.nobody')})`,
      at,
      when: t(sent ? 'incident.mail.sentAt' : 'incident.mail.queuedAt', { at: formatInstant(at, lang) }),
      attempts: m.attempts > 1 ? t('incident.mail.attempts', { count: m.attempts }) : null,
      next:
        m.status === 'RETRYING' && m.nextAttemptAt
          ? t('incident.mail.nextAttempt', { at: formatInstant(m.nextAttemptAt, lang) })
          : null,
      failure: failing && m.lastFailure ? m.lastFailure.text[lang] : null,
    };
  });
}
