import { formatIncidentReference, parseIncidentReference } from './reference';

describe('incident reference', () => {
  it('formats with at least four digits', () => {
    expect(formatIncidentReference(2026, 42)).toBe('DL-2026-0042');
    expect(formatIncidentReference(2026, 1)).toBe('DL-2026-0001');
    expect(formatIncidentReference(2026, 9999)).toBe('DL-2026-9999');
    expect(formatIncidentReference(2026, 12345)).toBe('DL-2026-12345');
  });

  it.each([
    [1999, 1],
    [10000, 1],
    [2026.5, 1],
    [2026, 0],
    [2026, -1],
    [2026, 1.5],
    [2026, 10_000_000],
    [2026, Number.NaN],
  ])('refuses year %s, number %s (a programming error, not input)', (year, number) => {
    expect(() => formatIncidentReference(year, number)).toThrow(RangeError);
  });

  it('parses what it formats, as typed (case, spaces)', () => {
    expect(parseIncidentReference('DL-2026-0042')).toEqual({ year: 2026, number: 42 });
    expect(parseIncidentReference('  dl-2026-0042 ')).toEqual({ year: 2026, number: 42 });
    expect(parseIncidentReference('DL-2026-12345')).toEqual({ year: 2026, number: 12345 });
    for (let n = 1; n < 20_000; n += 997) {
      expect(parseIncidentReference(formatIncidentReference(2031, n))).toEqual({ year: 2031, number: n });
    }
  });

  it.each([
    'DL-2026-42',
    'DL-2026-0000',
    'DL-2026-00042',
    'DL-1999-0001',
    'XL-2026-0042',
    'DL-2026-0042x',
    '',
    'DL–2026–0042',
  ])('does not parse %j (one spelling per reference)', (text) => {
    expect(parseIncidentReference(text)).toBeNull();
  });
});
