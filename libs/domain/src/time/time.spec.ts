import { fixedClock, systemClock } from './clock';
import { AP_NOTIFICATION_HOURS, deadlineAfter, timeLeft } from './deadlines';
import { formatAmsterdam } from './display';

describe('deadlineAfter', () => {
  it('counts elapsed hours across the end of summer time: 72 h after 12:00Z on 23 October is 12:00Z on 26 October', () => {
    const start = new Date('2026-10-23T12:00:00Z');
    const deadline = deadlineAfter(start, AP_NOTIFICATION_HOURS);
    expect(deadline.toISOString()).toBe('2026-10-26T12:00:00.000Z');
    // Reported at 14:00 CEST; the deadline is 13:00 CET on the wall clock, not 14:00: the night had 25 hours.
    expect(formatAmsterdam(start, 'nl')).toBe('vrijdag 23 oktober 2026 om 14:00 CEST');
    expect(formatAmsterdam(deadline, 'nl')).toBe('maandag 26 oktober 2026 om 13:00 CET');
    expect(formatAmsterdam(deadline, 'en')).toBe('Monday, 26 October 2026 at 13:00 CET');
  });

  it('counts elapsed hours across the start of summer time as well', () => {
    const deadline = deadlineAfter(new Date('2026-03-27T11:00:00Z'), 72);
    expect(deadline.toISOString()).toBe('2026-03-30T11:00:00.000Z');
    expect(formatAmsterdam(deadline, 'nl')).toBe('maandag 30 maart 2026 om 13:00 CEST');
  });

  it('refuses an invalid start or a negative or non-finite number of hours', () => {
    expect(() => deadlineAfter(new Date('nonsense'), 72)).toThrow(RangeError);
    expect(() => deadlineAfter(new Date(), -1)).toThrow(RangeError);
    expect(() => deadlineAfter(new Date(), Number.NaN)).toThrow(RangeError);
  });
});

describe('clocks', () => {
  it('a fixed clock stands still until moved, and hands out copies', () => {
    const clock = fixedClock('2026-10-23T12:00:00Z');
    const first = clock.now();
    first.setFullYear(2000);
    expect(clock.now().toISOString()).toBe('2026-10-23T12:00:00.000Z');
    const deadline = deadlineAfter(clock.now(), 72);
    clock.advance((71 * 60 + 59) * 60 * 1000);
    expect(timeLeft(deadline, clock.now())).toBe(60 * 1000);
    clock.set('2026-10-26T12:00:01Z');
    expect(timeLeft(deadline, clock.now())).toBe(-1000);
    expect(() => fixedClock('not a date')).toThrow(RangeError);
  });

  it('the system clock follows the machine', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
