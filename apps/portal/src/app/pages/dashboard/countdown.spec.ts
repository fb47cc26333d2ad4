import { PARTNER_DUE_SOON_HOURS } from '@babyconnect/domain';
import { countdown, durationText, liveClockState, serverClockOffset } from './countdown';

const at = (iso: string) => new Date(iso);

describe('the AP countdown', () => {
  it('counts whole hours and minutes down to the deadline, rounded down', () => {
    const view = countdown({ state: 'OPEN', deadline: '2026-06-03T12:00:00.000Z' }, at('2026-06-01T18:47:30Z'), 'nl');
    expect(view.text).toBe('nog 41 u 12 min');
    expect(view.state).toBe('OPEN');
    expect(view.stateLabel).toBe('loopt');
    expect(view.running).toBe(true);
    expect(view.dueSoon || view.overdue).toBe(false);
    expect(
      countdown({ state: 'OPEN', deadline: '2026-06-03T12:00:00.000Z' }, at('2026-06-01T18:47:30Z'), 'en').text,
    ).toBe('41 h 12 min left');
  });

  it("turns a partner's 24-hour clock due soon at its own threshold (4 hours), not the AP's 12", () => {
    const deadline = at('2026-06-02T12:00:00Z');
    expect(liveClockState('OPEN', deadline, at('2026-06-02T02:00:00Z'), PARTNER_DUE_SOON_HOURS)).toBe('OPEN');
    expect(liveClockState('OPEN', deadline, at('2026-06-02T08:00:00Z'), PARTNER_DUE_SOON_HOURS)).toBe('DUE_SOON');
    const view = countdown({ state: 'OPEN', deadline: deadline.toISOString() }, at('2026-06-02T02:00:00Z'), 'nl', 4);
    expect(view).toMatchObject({ state: 'OPEN', text: 'nog 10 u 0 min' });
  });

  it('turns due soon at 12 hours and overdue after the deadline without asking the API again', () => {
    const deadline = at('2026-06-03T12:00:00Z');
    expect(liveClockState('OPEN', deadline, at('2026-06-02T23:59:59Z'))).toBe('OPEN');
    expect(liveClockState('OPEN', deadline, at('2026-06-03T00:00:00Z'))).toBe('DUE_SOON');
    expect(liveClockState('DUE_SOON', deadline, at('2026-06-03T12:00:00Z'))).toBe('DUE_SOON');
    expect(liveClockState('DUE_SOON', deadline, at('2026-06-03T12:00:00.001Z'))).toBe('OVERDUE');
    const late = countdown({ state: 'OPEN', deadline: deadline.toISOString() }, at('2026-06-03T15:05:00Z'), 'nl');
    expect(late).toMatchObject({ state: 'OVERDUE', overdue: true, stateLabel: 'termijn verstreken' });
    expect(late.text).toBe('termijn verstreken (3 u 5 min geleden)');
    const soon = countdown({ state: 'OPEN', deadline: deadline.toISOString() }, at('2026-06-03T11:59:30Z'), 'nl');
    expect(soon).toMatchObject({ state: 'DUE_SOON', dueSoon: true, text: 'nog minder dan 1 min' });
  });

  it('leaves a decided clock alone: notified (in time or late) or no notification needed', () => {
    const long = at('2027-01-01T00:00:00Z');
    for (const state of ['MET', 'MET_LATE', 'NOT_NEEDED'] as const) {
      expect(liveClockState(state, at('2026-06-03T12:00:00Z'), long)).toBe(state);
    }
    const met = countdown({ state: 'MET_LATE', deadline: '2026-06-03T12:00:00Z' }, long, 'nl');
    expect(met).toMatchObject({ running: false, overdue: false, text: 'te laat gemeld' });
  });

  it('counts elapsed hours across the end of summer time and shows the deadline in CET', () => {
    // Discovered Friday 23 October 2026 13:00 CEST; the clocks go back on Sunday 25 October.
    const discovered = at('2026-10-23T11:00:00Z');
    const deadline = '2026-10-26T11:00:00.000Z'; // 72 elapsed hours: Monday 12:00 CET, not 13:00
    const view = countdown({ state: 'OPEN', deadline }, discovered, 'nl');
    expect(view.text).toBe('nog 72 u 0 min');
    expect(view.deadlineText).toContain('26 oktober 2026');
    expect(view.deadlineText).toContain('12:00 CET');
    // On the night itself, 02:30 happens twice; time left still falls by the real hour.
    expect(countdown({ state: 'OPEN', deadline }, at('2026-10-25T00:30:00Z'), 'nl').text).toBe('nog 34 u 30 min');
    expect(countdown({ state: 'OPEN', deadline }, at('2026-10-25T01:30:00Z'), 'nl').text).toBe('nog 33 u 30 min');
  });

  it('counts elapsed hours across the start of summer time and shows the deadline in CEST', () => {
    // Discovered Friday 27 March 2026 13:00 CET; the clocks go forward on Sunday 29 March.
    const deadline = '2026-03-30T12:00:00.000Z'; // Monday 14:00 CEST
    const view = countdown({ state: 'OPEN', deadline }, at('2026-03-29T00:00:00Z'), 'en');
    expect(view.text).toBe('36 h 0 min left');
    expect(view.deadlineText).toContain('30 March 2026');
    expect(view.deadlineText).toContain('14:00 CEST');
  });

  it('corrects for a device clock that is off, from the API reading', () => {
    const deadline = '2026-06-03T12:00:00.000Z';
    // The server had 10 hours left when the device thought it was 10 minutes later than the server did.
    const serverNow = at('2026-06-03T02:00:00Z').getTime();
    const deviceNow = serverNow + 10 * 60_000;
    const offset = serverClockOffset(deadline, 10 * 3_600_000, deviceNow);
    expect(offset).toBe(-10 * 60_000);
    expect(countdown({ state: 'DUE_SOON', deadline }, new Date(deviceNow + offset), 'nl').text).toBe('nog 10 u 0 min');
    expect(serverClockOffset(deadline, null, deviceNow)).toBe(0);
  });

  it('writes durations in whole minutes', () => {
    expect(durationText(59_999, 'nl')).toBe('0 u 0 min');
    expect(durationText(-(2 * 3_600_000 + 60_000), 'en')).toBe('2 h 1 min');
  });
});
