import type { NotificationEvent } from '../api/generated/graphql';
import type { TranslationKey } from '../i18n/nl';

/** The i18n key of a notification event's name ("nieuwe datalekmelding"); an unknown event (newer API): null. */
export function notificationEventKey(event: NotificationEvent | string): TranslationKey | null {
  const known: Readonly<Record<string, TranslationKey>> = {
    BREACH_REPORTED: 'notify.event.BREACH_REPORTED',
    OTHER_ORGANISATIONS_INVOLVED: 'notify.event.OTHER_ORGANISATIONS_INVOLVED',
    DECISION_RECORDED: 'notify.event.DECISION_RECORDED',
    DEADLINE_REMINDER: 'notify.event.DEADLINE_REMINDER',
    DEADLINE_OVERDUE: 'notify.event.DEADLINE_OVERDUE',
    DAILY_DIGEST: 'notify.event.DAILY_DIGEST',
  };
  return Object.hasOwn(known, event) ? (known[event] ?? null) : null;
}
