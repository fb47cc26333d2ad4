import {
  type ViewerLogAnalysis,
  analysisView,
  formatBytes,
  parseAccounts,
  uploadPath,
  uploadPercent,
  uploadProblems,
  uploadRefusal,
} from './viewer-log-view';

const ORG = (id: string, name: string) => ({ id, name });

function analysis(overrides: Partial<ViewerLogAnalysis> = {}): ViewerLogAnalysis {
  return {
    id: 'a1',
    chainIncidentId: 'c1',
    suspectAccounts: ['verdacht.1'],
    windowFrom: '2026-03-01T23:00:00.000Z',
    windowTo: '2026-03-08T23:00:00.000Z',
    lines: 12,
    accepted: 9,
    relevant: 7,
    rejected: 3,
    rejectedByReason: [
      { reason: 'BAD_DATE', count: 2 },
      { reason: 'UNKNOWN_ORGANISATION', count: 1 },
    ],
    rejectedLines: [
      { line: 4, reason: 'BAD_DATE', detail: { nl: 'timestamp "x" …', en: 'timestamp "x" …' } },
      { line: 9, reason: 'UNKNOWN_ORGANISATION', detail: { nl: 'onbekend', en: 'unknown' } },
    ],
    organisations: [
      {
        organisation: ORG('o-nest', 'Het Nest'),
        distinctRecords: 4,
        accesses: 5,
        firstAccessAt: '2026-03-02T07:15:00.000Z',
        lastAccessAt: '2026-03-03T08:00:00.000Z',
        status: 'PROPOSED',
      },
      {
        organisation: ORG('o-wieg', 'De Wieg'),
        distinctRecords: 2,
        accesses: 2,
        firstAccessAt: '2026-03-02T07:15:00.000Z',
        lastAccessAt: '2026-03-02T07:16:00.000Z',
        status: 'REPORTER',
      },
    ],
    analysedAt: '2026-03-09T10:00:00.000Z',
    analysedByName: 'HINQ Coördinator',
    confirmedAt: null,
    confirmedByName: null,
    confirmedOrganisationIds: null,
    repeated: false,
    ...overrides,
  } as ViewerLogAnalysis;
}

describe('viewer log view', () => {
  it('reads suspect accounts separated by commas, semicolons or lines, without blanks or repeats (any case)', () => {
    expect(parseAccounts(' verdacht.1, Verdacht.1;\nandere ,, ')).toEqual(['verdacht.1', 'andere']);
    expect(parseAccounts('  ')).toEqual([]);
  });

  it('names what the form lacks before anything is sent', () => {
    const file = { size: 10 };
    expect(uploadProblems({ file, accounts: 'a', from: '2026-03-02T00:00', to: '2026-03-03T00:00' })).toEqual([]);
    expect(uploadProblems({ file: null, accounts: ' ', from: '', to: '2026-03-03T00:00' })).toEqual([
      'file',
      'accounts',
      'window',
    ]);
    expect(uploadProblems({ file, accounts: 'a', from: '2026-03-03T00:00', to: '2026-03-03T00:00' })).toEqual([
      'order',
    ]);
  });

  it('sends the window typed in Amsterdam time as UTC instants, winter and summer', () => {
    const path = uploadPath('c 1', 'a, b', '2026-03-02T08:00', '2026-07-01T08:00');
    const [base, query] = path.split('?') as [string, string];
    expect(base).toBe('/viewer-log/chain-incidents/c%201/analyses');
    const params = new URLSearchParams(query);
    expect(params.get('accounts')).toBe('a,b');
    expect(params.get('from')).toBe('2026-03-02T07:00:00.000Z');
    expect(params.get('to')).toBe('2026-07-01T06:00:00.000Z');
  });

  it('shows upload progress in whole percent, unknown without a total', () => {
    expect(uploadPercent(0, 1000)).toBe(0);
    expect(uploadPercent(333, 1000)).toBe(33);
    expect(uploadPercent(2000, 1000)).toBe(100);
    expect(uploadPercent(10, undefined)).toBeNull();
    expect(uploadPercent(10, 0)).toBeNull();
  });

  it('explains a refused upload by its status, with the expected header for a wrong one', () => {
    const body = (message: string, extensions: Record<string, unknown> = {}) => ({
      errors: [{ message, extensions: { code: 'BAD_REQUEST', ...extensions } }],
    });
    expect(uploadRefusal(413, body('Het bestand is te groot: hoogstens 50 MB'))).toMatchObject({
      kind: 'tooLarge',
      message: 'Het bestand is te groot: hoogstens 50 MB',
    });
    expect(uploadRefusal(415, body('Stuur CSV')).kind).toBe('notCsv');
    const header = uploadRefusal(
      400,
      JSON.stringify(body('Kopregel', { expectedHeader: 'timestamp,user', foundHeader: 'tijd,gebruiker' })),
    );
    expect(header).toMatchObject({ kind: 'header', expectedHeader: 'timestamp,user', foundHeader: 'tijd,gebruiker' });
    const invalid = uploadRefusal(400, body('Ongeldig', { fields: [{ field: 'to', message: 'Hoogstens 92 dagen' }] }));
    expect(invalid).toMatchObject({ kind: 'invalid', fields: [{ field: 'to', message: 'Hoogstens 92 dagen' }] });
    expect(uploadRefusal(0, null)).toMatchObject({ kind: 'network', message: null });
    expect(uploadRefusal(502, '<html>bad gateway</html>')).toMatchObject({ kind: 'other', message: null });
  });

  it('shows the analysis per organisation and proposes only the proposed ones', () => {
    const view = analysisView(analysis(), 'nl');
    expect(view.rows.map((r) => [r.name, r.distinctRecords, r.accesses, r.statusText, r.choosable])).toEqual([
      ['Het Nest', 4, 5, 'voorgesteld als partner', true],
      ['De Wieg', 2, 2, 'melder (informeert zelf)', false],
    ]);
    expect(view.rows[0]!.first).toBe('02-03-2026 08:15');
    expect(view.proposedIds).toEqual(['o-nest']);
    expect(view.byReason.map((r) => `${r.text}: ${r.count}`)).toEqual([
      'ongeldig tijdstip: 2',
      'onbekende organisatie: 1',
    ]);
    expect(view.rejected[1]).toEqual({
      line: 9,
      reason: 'UNKNOWN_ORGANISATION',
      reasonText: 'onbekende organisatie',
      detail: 'onbekend',
    });
    expect(analysisView(analysis(), 'en').rejected[1]!.detail).toBe('unknown');
  });

  it('says when the list of rejected lines is capped, with the total', () => {
    expect(analysisView(analysis({ rejected: 2 }), 'nl').rejectedCapped).toBeNull();
    expect(analysisView(analysis({ rejected: 2500 }), 'nl').rejectedCapped).toEqual({ shown: 2, total: 2500 });
  });

  it('proposes nothing more once confirmed', () => {
    const view = analysisView(
      analysis({ confirmedAt: '2026-03-09T11:00:00.000Z', confirmedByName: 'HINQ Coördinator' }),
      'nl',
    );
    expect(view.proposedIds).toEqual([]);
    expect(view.confirmed).toBe('09-03-2026 12:00, HINQ Coördinator');
  });

  it('shows file sizes in kB or MB', () => {
    expect(formatBytes(2048, 'nl')).toBe('2 kB');
    expect(formatBytes(52_428_800, 'nl')).toBe('50 MB');
    expect(formatBytes(1.5 * 1048576, 'en')).toBe('1.5 MB');
    expect(formatBytes(1.5 * 1048576, 'nl')).toBe('1,5 MB');
  });
});
