import { amsterdamZoneName, formatAmsterdamShort, fromAmsterdamInput, toAmsterdamInput } from './amsterdam-time';

describe('Amsterdam wall time', () => {
  it('reads a typed date and time as Amsterdam time in winter and in summer', () => {
    expect(fromAmsterdamInput('2026-01-15T23:40')?.toISOString()).toBe('2026-01-15T22:40:00.000Z');
    expect(fromAmsterdamInput('2026-07-01T12:00')?.toISOString()).toBe('2026-07-01T10:00:00.000Z');
    expect(toAmsterdamInput(new Date('2026-01-15T22:40:00Z'))).toBe('2026-01-15T23:40');
    expect(toAmsterdamInput(new Date('2026-07-01T10:00:59Z'))).toBe('2026-07-01T12:00');
  });

  it('takes the first of the two 02:30s when summer time ends (the earlier deadline)', () => {
    expect(fromAmsterdamInput('2026-10-25T02:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(fromAmsterdamInput('2026-10-25T03:00')?.toISOString()).toBe('2026-10-25T02:00:00.000Z');
    expect(fromAmsterdamInput('2026-10-25T01:59')?.toISOString()).toBe('2026-10-24T23:59:00.000Z');
  });

  it('reads a time in the spring gap on the winter clock', () => {
    expect(fromAmsterdamInput('2026-03-29T02:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(fromAmsterdamInput('2026-03-29T03:00')?.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(fromAmsterdamInput('2026-03-29T01:59')?.toISOString()).toBe('2026-03-29T00:59:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    for (const value of ['', '2026-02-31T10:00', '2026-01-01T24:00', '2026-01-01', 'gisteren', '2026-13-01T10:00']) {
      expect(fromAmsterdamInput(value)).toBeNull();
    }
  });

  it('names the zone and writes a short time for lists', () => {
    expect(amsterdamZoneName(new Date('2026-01-15T12:00:00Z'))).toBe('CET');
    expect(amsterdamZoneName(new Date('2026-07-15T12:00:00Z'))).toBe('CEST');
    expect(formatAmsterdamShort('2026-10-25T00:30:00Z', 'nl')).toBe('25-10-2026 02:30 CEST');
    expect(formatAmsterdamShort('2026-10-25T01:30:00Z', 'en')).toBe('25/10/2026 02:30 CET');
  });
});
