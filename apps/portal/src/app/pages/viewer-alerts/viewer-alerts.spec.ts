import {
  MAX_REASON_LENGTH,
  type ViewerLogAlert,
  alertCounts,
  alertView,
  alertViews,
  formatAlertTime,
  formatWindow,
  reasonProblem,
} from './viewer-alerts-view';

function alert(overrides: Partial<ViewerLogAlert> = {}): ViewerLogAlert {
  return {
    id: 'a1',
    rule: 'MANY_ORGANISATIONS',
    account: 'verdacht.veel',
    // 10:00–11:00 in Amsterdam (summer time, UTC+2).
    windowStart: '2026-07-02T08:00:00.000Z',
    windowEnd: '2026-07-02T09:00:00.000Z',
    accesses: 12,
    distinctRecords: 11,
    distinctOrganisations: 3,
    organisation: { id: 'o-nest', name: 'Het Nest' },
    incidentId: 'i-1',
    incidentReference: 'DL-2026-0007',
    incidentStage: 'REPORTED',
    raisedAt: '2026-07-02T09:05:30.000Z',
    dismissedAt: null,
    dismissedByName: null,
    dismissalReason: null,
    ...overrides,
  };
}

describe('viewer-log alerts: view helpers', () => {
  it('names the rule in words in both languages, from the shared labels', () => {
    expect(alertView(alert(), 'nl').ruleText).toBe('dossiers van ongewoon veel organisaties of cliënten');
    expect(alertView(alert({ rule: 'UNUSUAL_HOURS' }), 'en').ruleText).toBe('many accesses at an unusual hour');
    expect(alertView(alert({ rule: 'TWO_ORGANISATIONS' }), 'nl').ruleText).toBe(
      'één account vanuit twee organisaties tegelijk',
    );
  });

  it('shows the window in Amsterdam time, winter and summer', () => {
    expect(formatWindow('2026-07-02T08:00:00.000Z', '2026-07-02T09:00:00.000Z', 'nl')).toBe('02-07-2026 10:00–11:00');
    expect(formatWindow('2026-01-15T22:00:00.000Z', '2026-01-15T22:10:00.000Z', 'en')).toBe('15/01/2026 23:00–23:10');
    // A block ending at midnight stays on its own day; a window over midnight names both dates.
    expect(formatWindow('2026-01-15T22:00:00.000Z', '2026-01-15T23:00:00.000Z', 'nl')).toBe('15-01-2026 23:00–24:00');
    expect(formatWindow('2026-01-15T22:30:00.000Z', '2026-01-15T23:30:00.000Z', 'nl')).toBe(
      '15-01-2026 23:30 – 16-01-2026 00:30',
    );
    expect(formatAlertTime('2026-07-02T09:05:30.000Z', 'nl')).toBe('02-07-2026 11:05');
    expect(formatAlertTime('not a date', 'nl')).toBe('not a date');
  });

  it('links the raised breach for a reader who may open it, with its stage in words, and only names it otherwise', () => {
    const own = alertView(alert(), 'nl');
    expect(own.incident).toEqual({ id: 'i-1', reference: 'DL-2026-0007', stage: 'gemeld' });
    expect(alertView(alert({ incidentStage: 'CLOSED' }), 'en').incident?.stage).toBe('closed');
    expect(alertView(alert({ incidentStage: null }), 'nl').incident?.stage).toBeNull();
    expect(own.incidentReference).toBeNull();
    const elsewhere = alertView(alert({ incidentId: null }), 'nl');
    expect(elsewhere.incident).toBeNull();
    expect(elsewhere.incidentReference).toBe('DL-2026-0007');
    expect(alertView(alert({ incidentId: null, incidentReference: null }), 'nl').incidentReference).toBeNull();
  });

  it('keeps the counts and the organisation, and tells open from dismissed with who, when and why', () => {
    const open = alertView(alert(), 'nl');
    expect(open).toMatchObject({
      state: 'open',
      organisation: 'Het Nest',
      organisationId: 'o-nest',
      accesses: 12,
      distinctRecords: 11,
      distinctOrganisations: 3,
      windowText: '02-07-2026 10:00–11:00',
      raisedText: '02-07-2026 11:05',
      dismissedText: null,
      dismissedBy: null,
      dismissalReason: null,
    });
    const dismissed = alertView(
      alert({
        dismissedAt: '2026-07-03T07:15:00.000Z',
        dismissedByName: 'Priya Privacy',
        dismissalReason: 'Dienst op de afdeling kraamzorg.',
      }),
      'en',
    );
    expect(dismissed).toMatchObject({
      state: 'dismissed',
      dismissedText: '03/07/2026 09:15',
      dismissedBy: 'Priya Privacy',
      dismissalReason: 'Dienst op de afdeling kraamzorg.',
    });
  });

  it('lists the open alerts first, each group in the order the API sent (newest first)', () => {
    const list = [
      alert({ id: 'new-dismissed', dismissedAt: '2026-07-03T07:15:00.000Z', dismissalReason: 'x' }),
      alert({ id: 'new-open' }),
      alert({ id: 'old-dismissed', dismissedAt: '2026-07-01T07:15:00.000Z', dismissalReason: 'y' }),
      alert({ id: 'old-open' }),
    ];
    expect(alertViews(list, 'nl').map((v) => v.id)).toEqual(['new-open', 'old-open', 'new-dismissed', 'old-dismissed']);
    expect(alertCounts(list)).toEqual({ open: 2, dismissed: 2 });
    expect(alertCounts([])).toEqual({ open: 0, dismissed: 0 });
  });

  it('requires a reason to dismiss, not only spaces, and at most the length the API keeps', () => {
    expect(reasonProblem('')).toBe('required');
    expect(reasonProblem('  \n ')).toBe('required');
    expect(reasonProblem('Dienst op de afdeling.')).toBeNull();
    expect(reasonProblem('x'.repeat(MAX_REASON_LENGTH))).toBeNull();
    expect(reasonProblem(' ' + 'x'.repeat(MAX_REASON_LENGTH) + ' ')).toBeNull();
    expect(reasonProblem('x'.repeat(MAX_REASON_LENGTH + 1))).toBe('tooLong');
    // Counted in characters as a person counts them: 2000 emoji are 2000 characters, not 4000 UTF-16 units.
    expect(reasonProblem('🍼'.repeat(MAX_REASON_LENGTH))).toBeNull();
  });
});
