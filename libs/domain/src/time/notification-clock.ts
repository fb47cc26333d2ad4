import type { Clock } from './clock';
import { AP_NOTIFICATION_HOURS, CHAIN_PARTNER_NOTIFICATION_HOURS, deadlineAfter } from './deadlines';

/**
 * A notification clock: the AP's 72 hours (GDPR art. 33(1)) or a chain partner's 24 hours (the regional
 * agreement), counted in elapsed hours from the discovery (`deadlines.ts`).
 *
 * States:
 * - `open`: not yet notified, more than the warning period left;
 * - `due-soon`: not yet notified, within the warning period — the last 12 of 72 hours for the AP (a working day
 *   plus a night: long enough to still prepare the AP form's answers if nobody has looked yet), the last 4 of 24
 *   hours for a partner (the same sixth of the time);
 * - `overdue`: not notified and the deadline passed;
 * - `met` / `met-late`: notified at or before the deadline (the deadline instant itself counts as in time:
 *   "within 72 hours") / after it;
 * - `not-needed`: the notification is not needed (not a breach, a near miss, or decided not to notify).
 * A notification that was sent wins over "not needed": what happened stays visible.
 */
export const NOTIFICATION_CLOCK_STATES = ['open', 'due-soon', 'overdue', 'met', 'met-late', 'not-needed'] as const;
export type NotificationClockState = (typeof NOTIFICATION_CLOCK_STATES)[number];

export const AP_DUE_SOON_HOURS = 12;
export const PARTNER_DUE_SOON_HOURS = 4;

const HOUR_MS = 60 * 60 * 1000;

export interface NotificationClockInput {
  /** When the organisation became aware (the partner clock: when the reporting partner discovered it). */
  discoveredAt: Date;
  /** When the notification was made, or null. */
  notifiedAt: Date | null;
  /** True when no notification is needed (see the states). */
  notNeeded: boolean;
}

export interface NotificationClockReading {
  state: NotificationClockState;
  deadline: Date;
  /** Milliseconds until the deadline at the reading (negative once passed); null once notified or not needed. */
  remainingMs: number | null;
}

function read(input: NotificationClockInput, clock: Clock, hours: number, dueSoonHours: number) {
  const deadline = deadlineAfter(input.discoveredAt, hours);
  if (input.notifiedAt) {
    const late = input.notifiedAt.getTime() > deadline.getTime();
    return { state: late ? 'met-late' : 'met', deadline, remainingMs: null } as const;
  }
  if (input.notNeeded) return { state: 'not-needed', deadline, remainingMs: null } as const;
  const remainingMs = deadline.getTime() - clock.now().getTime();
  const state = remainingMs < 0 ? 'overdue' : remainingMs <= dueSoonHours * HOUR_MS ? 'due-soon' : 'open';
  return { state, deadline, remainingMs } as const;
}

/** The AP clock: 72 elapsed hours from discovery, "due soon" in the last 12. */
export function apNotificationClock(input: NotificationClockInput, clock: Clock): NotificationClockReading {
  return read(input, clock, AP_NOTIFICATION_HOURS, AP_DUE_SOON_HOURS);
}

/** A chain partner's clock: 24 elapsed hours from discovery, "due soon" in the last 4 (for the chain issue). */
export function partnerNotificationClock(input: NotificationClockInput, clock: Clock): NotificationClockReading {
  return read(input, clock, CHAIN_PARTNER_NOTIFICATION_HOURS, PARTNER_DUE_SOON_HOURS);
}

/** GDPR art. 33(1): a notification later than 72 hours after discovery must give the reasons for the delay. */
export function isLateApNotification(discoveredAt: Date, submittedAt: Date): boolean {
  return submittedAt.getTime() > deadlineAfter(discoveredAt, AP_NOTIFICATION_HOURS).getTime();
}
