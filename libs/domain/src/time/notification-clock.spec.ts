import { fixedClock } from './clock';
import { formatAmsterdam } from './display';
import {
  apNotificationClock,
  isLateApNotification,
  partnerNotificationClock,
  type NotificationClockInput,
} from './notification-clock';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('the 72-hour AP clock', () => {
  // Discovered at 23:40 on Friday 27 March 2026 (CET); summer time starts on Sunday 29 March at 02:00.
  const spring: NotificationClockInput = {
    discoveredAt: new Date('2026-03-27T22:40:00Z'),
    notifiedAt: null,
    notNeeded: false,
  };
  // Discovered at 23:40 on Friday 23 October 2026 (CEST); summer time ends on Sunday 25 October at 03:00.
  const autumn: NotificationClockInput = {
    discoveredAt: new Date('2026-10-23T21:40:00Z'),
    notifiedAt: null,
    notNeeded: false,
  };

  it.each([
    ['spring (29 March)', spring, 'dinsdag 31 maart 2026 om 00:40 CEST'],
    ['autumn (25 October)', autumn, 'maandag 26 oktober 2026 om 22:40 CET'],
  ])('across the %s change: 72 elapsed hours, shown in Amsterdam', (_name, input, shown) => {
    const clock = fixedClock(input.discoveredAt);
    const reading = apNotificationClock(input, clock);
    expect(reading.deadline.getTime() - input.discoveredAt.getTime()).toBe(72 * HOUR);
    // The wall clock shows one hour more (spring) or less (autumn) than 23:40 + 3 days.
    expect(formatAmsterdam(reading.deadline, 'nl')).toBe(shown);
    expect(reading).toMatchObject({ state: 'open', remainingMs: 72 * HOUR });
  });

  it.each([
    ['spring', spring],
    ['autumn', autumn],
  ])(
    '%s: open, due soon from 12 h left, due soon at 71 h 59 min and at 72 h 00 min, overdue at 72 h 00 min 01 s',
    (_n, input) => {
      const clock = fixedClock(input.discoveredAt);
      const at = (ms: number) => {
        clock.set(new Date(input.discoveredAt.getTime() + ms));
        return apNotificationClock(input, clock);
      };
      expect(at(60 * HOUR - 1).state).toBe('open');
      expect(at(60 * HOUR).state).toBe('due-soon');
      expect(at(71 * HOUR + 59 * MIN)).toMatchObject({ state: 'due-soon', remainingMs: MIN });
      expect(at(72 * HOUR)).toMatchObject({ state: 'due-soon', remainingMs: 0 });
      expect(at(72 * HOUR + 1000)).toMatchObject({ state: 'overdue', remainingMs: -1000 });
    },
  );

  it('met at or before the deadline, met late after it, whatever the clock says now', () => {
    const clock = fixedClock('2027-01-01T00:00:00Z');
    const deadline = autumn.discoveredAt.getTime() + 72 * HOUR;
    const inTime = apNotificationClock({ ...autumn, notifiedAt: new Date(deadline) }, clock);
    expect(inTime).toMatchObject({ state: 'met', remainingMs: null });
    const late = apNotificationClock({ ...autumn, notifiedAt: new Date(deadline + 1000) }, clock);
    expect(late.state).toBe('met-late');
  });

  it('not needed when so decided; a notification that was made still shows', () => {
    const clock = fixedClock('2027-01-01T00:00:00Z');
    expect(apNotificationClock({ ...autumn, notNeeded: true }, clock)).toMatchObject({
      state: 'not-needed',
      remainingMs: null,
    });
    expect(apNotificationClock({ ...autumn, notNeeded: true, notifiedAt: autumn.discoveredAt }, clock).state).toBe(
      'met',
    );
  });

  it('a late notification is one after 72 h 00 min 00 s, not at it', () => {
    const d = autumn.discoveredAt;
    expect(isLateApNotification(d, new Date(d.getTime() + 72 * HOUR))).toBe(false);
    expect(isLateApNotification(d, new Date(d.getTime() + 72 * HOUR + 1))).toBe(true);
    expect(isLateApNotification(d, new Date(d.getTime() + 71 * HOUR + 59 * MIN))).toBe(false);
  });
});

describe('the 24-hour partner clock', () => {
  const input: NotificationClockInput = {
    discoveredAt: new Date('2026-10-24T23:30:00Z'), // 01:30 CEST, the night summer time ends
    notifiedAt: null,
    notNeeded: false,
  };

  it('counts 24 elapsed hours across the autumn change, due soon in the last 4', () => {
    const clock = fixedClock(input.discoveredAt);
    const reading = partnerNotificationClock(input, clock);
    expect(reading.deadline.toISOString()).toBe('2026-10-25T23:30:00.000Z');
    // 01:30 CEST + 24 elapsed hours = 00:30 CET on the 26th (the night had 25 hours).
    expect(formatAmsterdam(reading.deadline, 'en')).toBe('Monday, 26 October 2026 at 00:30 CET');
    clock.advance(20 * HOUR - 1);
    expect(partnerNotificationClock(input, clock).state).toBe('open');
    clock.advance(1);
    expect(partnerNotificationClock(input, clock).state).toBe('due-soon');
    clock.advance(4 * HOUR + 1);
    expect(partnerNotificationClock(input, clock).state).toBe('overdue');
    expect(partnerNotificationClock({ ...input, notifiedAt: clock.now() }, clock).state).toBe('met-late');
  });
});
