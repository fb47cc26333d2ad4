/**
 * Deadlines of the protocol are elapsed time, not wall-clock time: "within 72 hours" (GDPR art. 33: notify the AP)
 * means 72 × 60 minutes after the moment the organisation became aware, also when summer time begins or ends in
 * between. So they are computed on instants (UTC milliseconds) only; Europe/Amsterdam is for display alone
 * (`formatAmsterdam`), where a deadline across the October change shows one hour earlier on the wall clock.
 */

const HOUR_MS = 60 * 60 * 1000;

/** GDPR art. 33: the supervisory authority (AP) is notified within 72 hours of becoming aware of a breach. */
export const AP_NOTIFICATION_HOURS = 72;
/** The chain's agreement: partners whose data may be involved are informed within 24 hours. */
export const CHAIN_PARTNER_NOTIFICATION_HOURS = 24;

/** The instant `hours` elapsed hours after `start`. */
export function deadlineAfter(start: Date, hours: number): Date {
  if (Number.isNaN(start.getTime())) throw new RangeError('deadlineAfter: start is not a valid instant');
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`deadlineAfter: not a number of hours: ${hours}`);
  return new Date(start.getTime() + hours * HOUR_MS);
}

/** Milliseconds left until `deadline` at `now`; negative once it has passed. */
export function timeLeft(deadline: Date, now: Date): number {
  return deadline.getTime() - now.getTime();
}
