import { AP_DUE_SOON_HOURS, formatAmsterdam } from '@babyconnect/domain';
import type { NotificationClockState } from '../../shared/api/generated/graphql';
import type { Lang } from '../../shared/i18n/translation.service';
import { incidentLabel } from '../../shared/labels/incident-labels';

/**
 * The AP clock's countdown as the dashboard shows it, live between two loads of the list. Pure: the page passes
 * "now" every 30 seconds and nothing here reads a clock.
 *
 * The deadline is an instant (discovery + 72 elapsed hours, libs/domain); the time left is instant minus instant,
 * so a night in which summer time begins or ends counts as the hours it really has. Only the deadline's wall time is
 * Amsterdam time, with CET or CEST beside it.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** The clock states in which time still runs (the others are decided: notified, or no notification needed). */
const RUNNING: ReadonlySet<NotificationClockState> = new Set(['OPEN', 'DUE_SOON', 'OVERDUE']);

export interface ApClockData {
  readonly state: NotificationClockState;
  /** ISO instant. */
  readonly deadline: string;
}

export interface CountdownView {
  /** The state now: a running clock moves from OPEN to DUE_SOON to OVERDUE without a reload. */
  readonly state: NotificationClockState;
  /** The state in words (`incident-labels`), e.g. "bijna verlopen". */
  readonly stateLabel: string;
  /** "nog 41 u 12 min", "termijn verstreken (3 u 5 min geleden)", or the state's words once the clock is decided. */
  readonly text: string;
  readonly running: boolean;
  readonly dueSoon: boolean;
  readonly overdue: boolean;
  /** The deadline in Amsterdam time, e.g. "maandag 26 oktober 2026 om 12:00 CET". */
  readonly deadlineText: string;
  /** The deadline as the API sent it (an instant). */
  readonly deadlineIso: string;
}

/**
 * The state at `now` of a clock that the API read as `state` earlier. `dueSoonHours`: when a running clock is
 * "due soon" — the AP's 72 hours by default; a partner's 24-hour clock passes PARTNER_DUE_SOON_HOURS.
 */
export function liveClockState(
  state: NotificationClockState,
  deadline: Date,
  now: Date,
  dueSoonHours = AP_DUE_SOON_HOURS,
): NotificationClockState {
  if (!RUNNING.has(state)) return state;
  const left = deadline.getTime() - now.getTime();
  if (left < 0) return 'OVERDUE';
  return left <= dueSoonHours * HOUR_MS ? 'DUE_SOON' : 'OPEN';
}

/** "41 u 12 min" / "41 h 12 min": whole minutes, rounded down (never promise a minute that is not there). */
export function durationText(ms: number, lang: Lang): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE_MS);
  const hours = Math.floor(minutes / 60);
  return `${hours} ${lang === 'nl' ? 'u' : 'h'} ${minutes % 60} min`;
}

export function countdown(clock: ApClockData, now: Date, lang: Lang, dueSoonHours = AP_DUE_SOON_HOURS): CountdownView {
  const deadline = new Date(clock.deadline);
  const state = liveClockState(clock.state, deadline, now, dueSoonHours);
  const left = deadline.getTime() - now.getTime();
  let text: string;
  if (state === 'OVERDUE') {
    const ago = durationText(left, lang);
    text = lang === 'nl' ? `termijn verstreken (${ago} geleden)` : `deadline passed (${ago} ago)`;
  } else if (RUNNING.has(state)) {
    text =
      left < MINUTE_MS
        ? lang === 'nl'
          ? 'nog minder dan 1 min'
          : 'less than 1 min left'
        : lang === 'nl'
          ? `nog ${durationText(left, lang)}`
          : `${durationText(left, lang)} left`;
  } else {
    text = incidentLabel('NotificationClockState', state, lang);
  }
  return {
    state,
    stateLabel: incidentLabel('NotificationClockState', state, lang),
    text,
    running: RUNNING.has(state),
    dueSoon: state === 'DUE_SOON',
    overdue: state === 'OVERDUE',
    deadlineText: Number.isNaN(deadline.getTime()) ? clock.deadline : formatAmsterdam(deadline, lang),
    deadlineIso: clock.deadline,
  };
}

/**
 * How far the server's clock is ahead of this device's, from one reading of the API (`remainingMs` at the moment
 * it answered): a phone whose clock is ten minutes off still counts down the server's 72 hours. Zero without a
 * reading.
 */
export function serverClockOffset(deadline: string, remainingMs: number | null | undefined, deviceNow: number): number {
  const at = new Date(deadline).getTime();
  if (remainingMs == null || !Number.isFinite(remainingMs) || Number.isNaN(at)) return 0;
  return at - remainingMs - deviceNow;
}
