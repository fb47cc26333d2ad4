/**
 * Where "now" comes from. Code that decides anything by time takes a Clock instead of calling `new Date()`, so a
 * test can stand the clock at 71 h 59 min after a report and see what the rules do then.
 */
export interface Clock {
  now(): Date;
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still at `at` (tests); `advance` moves it on, like time passing between two steps. */
export interface FixedClock extends Clock {
  advance(milliseconds: number): void;
  set(at: Date | string): void;
}

export function fixedClock(at: Date | string): FixedClock {
  let current = toTime(at);
  return {
    // A fresh Date each time: a caller that mutates the one it got cannot move the clock.
    now: () => new Date(current),
    advance: (milliseconds) => {
      current += milliseconds;
    },
    set: (to) => {
      current = toTime(to);
    },
  };
}

function toTime(at: Date | string): number {
  const time = (typeof at === 'string' ? new Date(at) : at).getTime();
  if (Number.isNaN(time)) throw new RangeError(`fixedClock: not a valid instant: ${String(at)}`);
  return time;
}
