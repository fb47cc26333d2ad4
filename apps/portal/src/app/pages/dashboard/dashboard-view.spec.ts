import { NO_FILTER, filterProblem, isFiltered, sortOf, startOfAmsterdamDay, toFilterInput } from './dashboard-view';

describe('the dashboard filter', () => {
  it('sends nothing when nothing is chosen, and the default order as no argument', () => {
    expect(toFilterInput(NO_FILTER)).toBeNull();
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(sortOf(NO_FILTER)).toBeNull();
    expect(sortOf({ ...NO_FILTER, sort: 'DEADLINE_SOONEST' })).toBe('DEADLINE_SOONEST');
  });

  it('sends a search text from 2 characters on, trimmed, and says why a shorter one waits', () => {
    expect(toFilterInput({ ...NO_FILTER, text: ' 0042 ' })).toEqual({ text: '0042' });
    expect(toFilterInput({ ...NO_FILTER, text: 'D' })).toBeNull();
    expect(filterProblem({ ...NO_FILTER, text: 'D' })).toBe('dashboard.filter.textTooShort');
    expect(isFiltered({ ...NO_FILTER, text: 'D' })).toBe(true); // "wissen" stays offered
    expect(filterProblem({ ...NO_FILTER, text: 'x'.repeat(101) })).toBe('dashboard.filter.textTooLong');
    expect(toFilterInput({ ...NO_FILTER, text: 'x'.repeat(101) })).toBeNull();
  });

  it('turns a period of Amsterdam calendar days into instants: from 00:00 of the first day to 00:00 after the last', () => {
    // 29 March 2026 is the day summer time starts; 25 October 2026 the day it ends.
    expect(toFilterInput({ ...NO_FILTER, discoveredFrom: '2026-03-29', discoveredTo: '2026-10-25' })).toEqual({
      discoveredFrom: '2026-03-28T23:00:00.000Z',
      discoveredTo: '2026-10-25T23:00:00.000Z',
    });
    expect(toFilterInput({ ...NO_FILTER, discoveredFrom: '2026-07-01' })).toEqual({
      discoveredFrom: '2026-06-30T22:00:00.000Z',
    });
  });

  it('does not send a period that ends before it starts, and says so; one day is a valid period', () => {
    const backwards = { ...NO_FILTER, discoveredFrom: '2026-05-02', discoveredTo: '2026-05-01' };
    expect(filterProblem(backwards)).toBe('dashboard.filter.periodOrder');
    expect(toFilterInput(backwards)).toBeNull();
    const oneDay = { ...NO_FILTER, discoveredFrom: '2026-05-01', discoveredTo: '2026-05-01' };
    expect(filterProblem(oneDay)).toBeNull();
    expect(toFilterInput(oneDay)).toEqual({
      discoveredFrom: '2026-04-30T22:00:00.000Z',
      discoveredTo: '2026-05-01T22:00:00.000Z',
    });
  });

  it('reads only real calendar days', () => {
    expect(startOfAmsterdamDay('2026-02-30')).toBeNull();
    expect(startOfAmsterdamDay('')).toBeNull();
    expect(startOfAmsterdamDay('30-11-2026')).toBeNull();
    expect(startOfAmsterdamDay('2026-12-31', 1)?.toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });
});
