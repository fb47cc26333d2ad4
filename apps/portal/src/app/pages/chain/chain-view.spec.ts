import {
  type ChainListItem,
  type OverviewRow,
  type QuarterFigures,
  chainCountdown,
  chainListRow,
  chainRights,
  choosable,
  declarationAdvice,
  figuresTable,
  matrixRow,
  needsDelayReasons,
  partnerAdjustment,
  recordsValue,
} from './chain-view';

const at = (iso: string) => new Date(iso);
const WIEG = { id: 'o-wieg', name: 'Verloskundigenpraktijk De Wieg' };
const ZUID = { id: 'o-zuid', name: 'Ziekenhuis Zuiderhaven' };
const NEST = { id: 'o-nest', name: 'Verloskundigenpraktijk Het Nest' };

function chain(partners: ChainListItem['partners'] = []): ChainListItem {
  return {
    id: 'c-1',
    reference: 'DL-2026-0007',
    scenario: 'C',
    exercise: false,
    reportingOrganisation: WIEG,
    discoveredAt: '2026-06-01T08:00:00.000Z',
    partnerDeadline: '2026-06-02T08:00:00.000Z',
    declaredAt: '2026-06-01T09:00:00.000Z',
    participation: ['COORDINATOR'],
    sourceIncidentId: null,
    partners,
  };
}

const partner = (
  id: string,
  status: 'CHOSEN' | 'APPROVED' | 'SENT' | 'ACKNOWLEDGED',
  state: 'OPEN' | 'MET' | 'MET_LATE',
  deadline = '2026-06-02T08:00:00.000Z',
) => ({ id, status, partnerOrganisation: ZUID, informClock: { state, deadline, remainingMs: null } });

const words = (key: string) => ({ 'chain.yes': 'ja', 'chain.no': 'nee', 'chain.notYet': 'nog niet' })[key] ?? key;

describe('chain view helpers', () => {
  it('counts the partners down from discovery with the 4-hour "due soon" of the 24-hour clock', () => {
    // No partner chosen yet: the 24 hours from discovery run all the same.
    const none = chainCountdown(chain(), at('2026-06-01T20:00:00Z'), 'nl');
    expect(none).toMatchObject({ state: 'OPEN', text: 'nog 12 u 0 min' });
    expect(chainCountdown(chain(), at('2026-06-02T05:00:00Z'), 'nl').state).toBe('DUE_SOON');
    expect(chainCountdown(chain(), at('2026-06-02T09:00:00Z'), 'nl')).toMatchObject({
      state: 'OVERDUE',
      overdue: true,
    });
    // Every partner informed: the decided state, not a running clock.
    const done = chainCountdown(chain([partner('p-1', 'SENT', 'MET')]), at('2026-06-02T09:00:00Z'), 'nl');
    expect(done).toMatchObject({ state: 'MET', running: false, text: 'op tijd gemeld' });
    // One still running among informed ones: that one counts.
    const mixed = chainCountdown(
      chain([partner('p-1', 'SENT', 'MET'), partner('p-2', 'CHOSEN', 'OPEN')]),
      at('2026-06-01T20:00:00Z'),
      'en',
    );
    expect(mixed).toMatchObject({ state: 'OPEN', text: '12 h 0 min left' });
  });

  it('words a list row: scenario, part, partners informed', () => {
    const row = chainListRow(
      chain([partner('p-1', 'ACKNOWLEDGED', 'MET'), partner('p-2', 'CHOSEN', 'OPEN')]),
      at('2026-06-01T20:00:00Z'),
      'nl',
    );
    expect(row).toMatchObject({
      reference: 'DL-2026-0007',
      scenarioText: 'C: mogelijk gegevens van andere organisaties',
      participationText: 'HINQ-coördinator',
      partnersChosen: 2,
      partnersInformed: 1,
      discoveredText: '01-06-2026 10:00',
    });
  });

  it('shows the matrix row with the awareness rule in the reader language and "not yet" before informing', () => {
    const base: OverviewRow = {
      partnerNotificationId: 'p-1',
      partnerOrganisation: ZUID,
      status: 'CHOSEN',
      informBy: '2026-06-02T08:00:00.000Z',
      informClock: { state: 'OPEN', deadline: '2026-06-02T08:00:00.000Z', remainingMs: null },
      informedAt: null,
      acknowledgedAt: null,
      awareness: null,
      ownApDecisionTaken: false,
      ownApNotifiedAt: null,
      ownApClock: null,
      dataSubjectsDecided: false,
      dataSubjectsInformedAt: null,
    };
    const chosen = matrixRow(base, at('2026-06-01T20:00:00Z'), 'nl', words);
    expect(chosen).toMatchObject({
      statusText: 'gekozen',
      informedAt: 'nog niet',
      acknowledgedAt: 'nog niet',
      awareness: null,
      ownApDecision: '—',
      dataSubjects: '—',
    });
    const acknowledged = matrixRow(
      {
        ...base,
        status: 'ACKNOWLEDGED',
        informClock: { ...base.informClock, state: 'MET' },
        informedAt: '2026-06-01T12:00:00.000Z',
        acknowledgedAt: '2026-06-01T13:30:00.000Z',
        awareness: { at: '2026-06-01T13:30:00.000Z', basis: 'ACKNOWLEDGED', ruleNl: 'Regel NL', ruleEn: 'Rule EN' },
        ownApDecisionTaken: true,
        dataSubjectsDecided: true,
      },
      at('2026-06-01T20:00:00Z'),
      'en',
      words,
    );
    expect(acknowledged).toMatchObject({
      statusText: 'receipt acknowledged',
      informedAt: '01/06/2026 14:00',
      acknowledgedAt: '01/06/2026 15:30',
      awareness: { basis: 'acknowledgement of receipt', at: '01/06/2026 15:30', rule: 'Rule EN' },
      ownApDecision: 'ja',
      dataSubjects: 'nee',
    });
    expect(acknowledged.clock.running).toBe(false);
  });

  it('lets HINQ approve only in scenario A, the reporter always; a partner only reads', () => {
    const all = () => true;
    expect(chainRights({ participation: ['COORDINATOR'], scenario: 'C' }, all)).toEqual({
      coordinate: true,
      approve: false,
      timeline: true,
      partnerOnly: false,
    });
    expect(chainRights({ participation: ['COORDINATOR'], scenario: 'A' }, all).approve).toBe(true);
    expect(chainRights({ participation: ['REPORTER'], scenario: 'C' }, all).approve).toBe(true);
    const partnerRights = chainRights({ participation: ['PARTNER'], scenario: 'C' }, all);
    expect(partnerRights).toMatchObject({ coordinate: false, approve: false, partnerOnly: true, timeline: true });
    // An auditor of the reporter reads, but neither coordinates nor approves.
    expect(chainRights({ participation: ['REPORTER'], scenario: 'C' }, () => false)).toMatchObject({
      coordinate: false,
      approve: false,
    });
  });

  it('asks for delay reasons only after the 24 hours', () => {
    const p = { informBy: '2026-06-02T08:00:00.000Z' };
    expect(needsDelayReasons(p, at('2026-06-02T08:00:00Z'))).toBe(false);
    expect(needsDelayReasons(p, at('2026-06-02T08:00:01Z'))).toBe(true);
  });

  it('offers neither the reporter, nor HINQ, nor a partner chosen already', () => {
    const directory = [
      { ...ZUID, kind: 'HOSPITAL' as const },
      { ...WIEG, kind: 'MIDWIFERY_PRACTICE' as const },
      { id: 'o-hinq', name: 'HINQ', kind: 'HINQ' as const },
      { ...NEST, kind: 'MIDWIFERY_PRACTICE' as const },
    ];
    const c = { reportingOrganisation: WIEG, partners: [{ partnerOrganisation: NEST }] } as never;
    expect(choosable(directory, c).map((o) => o.name)).toEqual(['Ziekenhuis Zuiderhaven']);
  });

  it('recommends declaring when other organisations are or may be involved', () => {
    expect(declarationAdvice('YES')).toBe('recommended');
    expect(declarationAdvice('UNKNOWN')).toBe('recommended');
    expect(declarationAdvice('NO')).toBe('optional');
  });

  it('lays the figures out per partner per quarter and marks the quarters with the low-reporting signal', () => {
    const f = (organisation: typeof WIEG, quarter: string, reported: number): QuarterFigures => ({
      organisation,
      quarter,
      reported,
      breaches: reported,
      nearMisses: 0,
      chainIncidents: 0,
      detectionAlerts: 0,
      dismissedAlerts: 0,
      lowReportingSignal: reported === 0,
    });
    const table = figuresTable([f(ZUID, '2026-Q2', 3), f(WIEG, '2026-Q2', 0), f(WIEG, '2026-Q1', 1)]);
    expect(table.quarters).toEqual(['2026-Q1', '2026-Q2']);
    expect(table.rows.map((r) => r.organisation)).toEqual(['Verloskundigenpraktijk De Wieg', 'Ziekenhuis Zuiderhaven']);
    expect(table.rows[0]?.lowQuarters).toEqual(['2026-Q2']);
    expect(table.rows[1]?.cells[0]).toBeNull();
    expect(table.rows[1]?.lowQuarters).toEqual([]);
  });
});

describe("partnerAdjustment (one partner's own notification)", () => {
  const content = {
    nature: 'Inzage via de viewer.',
    impact: 'Onbekend.',
    measures: 'Account geblokkeerd.',
    affectedRecords: 12,
  };
  const same = { nature: content.nature, impact: content.impact, measures: content.measures, records: '12' };

  it('sends only what differs, nature and measures included', () => {
    expect(partnerAdjustment(same, content)).toEqual({});
    expect(
      partnerAdjustment({ ...same, nature: 'Inzage in uw dossiers.', measures: 'Wachtwoorden vervangen.' }, content),
    ).toEqual({ nature: 'Inzage in uw dossiers.', measures: 'Wachtwoorden vervangen.' });
    expect(partnerAdjustment({ ...same, impact: 'Drie cliënten.', records: '3' }, content)).toEqual({
      impact: 'Drie cliënten.',
      affectedRecords: 3,
    });
  });

  it('an emptied count means "not known"; a count that is not a whole number ≥ 0 is refused', () => {
    expect(partnerAdjustment({ ...same, records: ' ' }, content)).toEqual({ affectedRecords: null });
    expect(partnerAdjustment({ ...same, records: '2.5' }, content)).toBe('records-invalid');
    expect(partnerAdjustment({ ...same, records: '-1' }, content)).toBe('records-invalid');
    expect(recordsValue('abc')).toBeNaN();
  });

  it('without a text yet, every filled field is an adjustment', () => {
    expect(partnerAdjustment({ nature: 'x', impact: '', measures: '', records: '' }, null)).toEqual({ nature: 'x' });
  });
});
