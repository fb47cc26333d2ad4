import { type DailyFileAnswer, dailyFileView } from './daily-file-view';

function answer(overrides: Partial<DailyFileAnswer> = {}): DailyFileAnswer {
  return {
    batchId: 'file-0123456789abcdef0123456789abcdef',
    sha256: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    events: 13,
    rejected: 0,
    alerts: 1,
    receivedAt: '2026-07-02T09:05:30.000Z',
    repeated: false,
    rejectedByReason: {},
    ...overrides,
  };
}

describe('dailyFileView', () => {
  it('gives the counts as the API answered them', () => {
    expect(dailyFileView(answer(), 'nl')).toEqual({
      events: 13,
      rejected: 0,
      alerts: 1,
      repeated: false,
      byReason: [],
    });
    expect(dailyFileView(answer({ repeated: true }), 'en').repeated).toBe(true);
  });

  it('names each rejection reason in words, in the documented order, with the upload page’s labels', () => {
    const view = dailyFileView(
      answer({
        rejected: 6,
        rejectedByReason: { BAD_QUOTING: 1, BAD_DATE: 2, WRONG_COLUMN_COUNT: 1, UNKNOWN_ORGANISATION: 2 },
      }),
      'nl',
    );
    expect(view.byReason).toEqual([
      { reason: 'WRONG_COLUMN_COUNT', text: 'verkeerd aantal kolommen', count: 1 },
      { reason: 'BAD_DATE', text: 'ongeldig tijdstip', count: 2 },
      { reason: 'UNKNOWN_ORGANISATION', text: 'onbekende organisatie', count: 2 },
      { reason: 'BAD_QUOTING', text: 'ongeldige CSV (aanhalingstekens)', count: 1 },
    ]);
    expect(dailyFileView(answer({ rejectedByReason: { MISSING_FIELD: 3 } }), 'en').byReason).toEqual([
      { reason: 'MISSING_FIELD', text: 'missing field', count: 3 },
    ]);
  });

  it('keeps a reason it does not know by its code, last, and leaves out empty counts', () => {
    const view = dailyFileView(
      answer({ rejectedByReason: { SOMETHING_NEW: 1, BAD_DATE: 0, FIELD_TOO_LONG: 2 } }),
      'nl',
    );
    expect(view.byReason).toEqual([
      { reason: 'FIELD_TOO_LONG', text: 'veld te lang', count: 2 },
      { reason: 'SOMETHING_NEW', text: 'SOMETHING_NEW', count: 1 },
    ]);
  });
});
