import type { Clock } from '../time/clock';
import { apNotificationClock, type NotificationClockReading } from '../time/notification-clock';
import type { BreachIncident } from './incident';

/**
 * The AP clock of one incident. Not needed when it ended as not a breach or a near miss, or when it was decided not
 * to notify; a notification that was made counts even so. An exercise runs on the real clock too (issue 14 item 5):
 * a drill that does not feel the 72 hours teaches nothing.
 */
export function incidentApClock(incident: BreachIncident, clock: Clock): NotificationClockReading {
  const endedEarly = incident.stage === 'closed' && incident.closure?.outcome !== 'registered';
  const notNeeded = endedEarly || incident.apDecision?.notify === false;
  return apNotificationClock(
    {
      discoveredAt: incident.report.discoveredAt,
      notifiedAt: incident.apNotification?.submittedAt ?? null,
      notNeeded,
    },
    clock,
  );
}
