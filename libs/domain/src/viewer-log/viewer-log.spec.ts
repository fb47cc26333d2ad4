import { createHash, createHmac } from 'node:crypto';
import {
  DEFAULT_DETECTION_SETTINGS,
  ViewerLogAnalyser,
  amsterdamHour,
  checkDetectionSettings,
  checkHeader,
  checkLine,
  checkQuestion,
  detect,
  detectionWindows,
  isUnusualHour,
  judgeBlocks,
  parseTimestamp,
  RECORD_KEY_CHARS,
  RecordKeySet,
  proposalReasoning,
  proposePartners,
  type DetectionBlock,
  type DetectionEvent,
} from './index';

const ORGS = new Map([
  ['vp-de-wieg', 'org-wieg'],
  ['vp-het-nest', 'org-nest'],
  ['zh-zuiderhaven', 'org-zuid'],
  ['kz-zonnedauw', 'org-zon'],
  ['hinq', 'org-hinq'],
]);
const key = (salt: string) => (org: string, pseudonym: string) =>
  createHmac('sha256', salt).update(`${org}\u0000${pseudonym}`).digest('binary').slice(0, RECORD_KEY_CHARS);

describe('the header', () => {
  it('accepts the documented header, with a byte-order mark, spaces or capitals', () => {
    expect(
      checkHeader(['timestamp', 'user', 'user_organisation', 'record_organisation', 'record_pseudonym', 'action']).ok,
    ).toBe(true);
    expect(
      checkHeader([
        '\uFEFFTimestamp',
        ' user',
        'USER_ORGANISATION',
        'record_organisation',
        'record_pseudonym',
        'action ',
      ]).ok,
    ).toBe(true);
  });
  it('refuses another header and shows the expected one', () => {
    const check = checkHeader(['datum', 'gebruiker']);
    expect(check).toMatchObject({
      ok: false,
      expected: 'timestamp,user,user_organisation,record_organisation,record_pseudonym,action',
      found: 'datum,gebruiker',
    });
    expect(
      checkHeader(['timestamp', 'user', 'user_organisation', 'record_organisation', 'action', 'record_pseudonym']).ok,
    ).toBe(false);
  });
});

describe('timestamps', () => {
  it('reads ISO 8601 with an offset, Z, seconds and fractions optional', () => {
    expect(parseTimestamp('2026-03-02T14:05:09+01:00')).toBe(Date.UTC(2026, 2, 2, 13, 5, 9));
    expect(parseTimestamp('2026-03-02T14:05Z')).toBe(Date.UTC(2026, 2, 2, 14, 5));
    expect(parseTimestamp('2026-03-02T14:05:09.123456-02:30')).toBe(Date.UTC(2026, 2, 2, 16, 35, 9, 123));
    // Leap days by the calendar's rule (every 4th year, not centuries, but every 4th century).
    expect(parseTimestamp('2028-02-29T10:00:00Z')).toBe(Date.UTC(2028, 1, 29, 10));
    expect(parseTimestamp('2000-02-29T10:00:00Z')).toBe(Date.UTC(2000, 1, 29, 10));
    expect(parseTimestamp('2026-12-31T23:59:59Z')).toBe(Date.UTC(2026, 11, 31, 23, 59, 59));
  });
  it.each([
    '02-03-2026 14:05:09',
    '2026-03-02 14:05:09+01:00',
    '2026-03-02T14:05:09',
    '2026-02-31T10:00:00Z',
    '2026-02-29T10:00:00Z',
    '2100-02-29T10:00:00Z',
    '2026-04-31T10:00:00Z',
    '2026-13-01T10:00:00Z',
    '2026-03-02T24:00:00Z',
    '2026-03-02T14:05:09+15:00',
    '1772456709',
  ])('refuses %s', (text) => expect(parseTimestamp(text)).toBeNull());
});

describe('a line', () => {
  const good = ['2026-03-02T14:05:09+01:00', 'j.jansen', 'vp-de-wieg', 'vp-het-nest', 'P-0001', 'open'];
  it('is accepted with its organisations resolved by alias, whatever the case', () => {
    const check = checkLine(
      ['2026-03-02T14:05:09+01:00', 'j.jansen', 'VP-De-Wieg', 'vp-het-nest', 'P-0001', 'open'],
      ORGS,
    );
    expect(check).toMatchObject({
      ok: true,
      line: { userOrganisationId: 'org-wieg', recordOrganisationId: 'org-nest' },
    });
  });
  it('is refused for each documented reason', () => {
    expect(checkLine(good.slice(0, 5), ORGS)).toMatchObject({ ok: false, reason: 'WRONG_COLUMN_COUNT' });
    expect(checkLine([...good, 'x'], ORGS)).toMatchObject({ ok: false, reason: 'WRONG_COLUMN_COUNT' });
    expect(
      checkLine(
        good.map((v, i) => (i === 4 ? ' ' : v)),
        ORGS,
      ),
    ).toMatchObject({ ok: false, reason: 'MISSING_FIELD' });
    expect(
      checkLine(
        good.map((v, i) => (i === 0 ? '02-03-2026 14:05' : v)),
        ORGS,
      ),
    ).toMatchObject({ ok: false, reason: 'BAD_DATE' });
    expect(
      checkLine(
        good.map((v, i) => (i === 3 ? 'elders' : v)),
        ORGS,
      ),
    ).toMatchObject({ ok: false, reason: 'UNKNOWN_ORGANISATION' });
    expect(
      checkLine(
        good.map((v, i) => (i === 2 ? 'elders' : v)),
        ORGS,
      ),
    ).toMatchObject({ ok: false, reason: 'UNKNOWN_ORGANISATION' });
    expect(
      checkLine(
        good.map((v, i) => (i === 4 ? 'x'.repeat(201) : v)),
        ORGS,
      ),
    ).toMatchObject({ ok: false, reason: 'FIELD_TOO_LONG' });
  });
  it('takes a formula-looking cell as plain data', () => {
    const check = checkLine(
      ['2026-03-02T14:05:09Z', "=cmd|' /C calc'!A0", 'vp-de-wieg', 'hinq', '+P-1', '@SUM(1)'],
      ORGS,
    );
    expect(check).toMatchObject({
      ok: true,
      line: { user: "=cmd|' /C calc'!A0", recordPseudonym: '+P-1', action: '@SUM(1)' },
    });
  });
  it('never echoes the pseudonym in a reason', () => {
    const check = checkLine(['nope', 'u', 'vp-de-wieg', 'hinq', 'SECRET-PSEUDONYM', 'open'], ORGS);
    expect(JSON.stringify(check)).not.toContain('SECRET-PSEUDONYM');
  });
});

describe('the analysis', () => {
  const question = {
    suspectAccounts: ['J.Jansen'],
    from: new Date('2026-03-01T00:00:00Z'),
    to: new Date('2026-03-08T00:00:00Z'),
  };
  const line = (at: string, user: string, recordOrg: string, pseudonym: string) => [
    at,
    user,
    'vp-de-wieg',
    recordOrg,
    pseudonym,
    'open',
  ];

  it('counts distinct records and accesses per organisation of the suspect accounts in the window only', () => {
    const analyser = new ViewerLogAnalyser({ organisations: ORGS, question, recordKey: key('s1') });
    analyser.add(2, line('2026-03-02T10:00:00Z', 'j.jansen', 'vp-het-nest', 'A'));
    analyser.add(3, line('2026-03-02T10:01:00Z', ' J.JANSEN ', 'vp-het-nest', 'A'));
    analyser.add(4, line('2026-03-02T10:02:00Z', 'j.jansen', 'vp-het-nest', 'B'));
    analyser.add(5, line('2026-03-02T10:03:00Z', 'j.jansen', 'kz-zonnedauw', 'A'));
    analyser.add(6, line('2026-03-02T10:04:00Z', 'someone-else', 'zh-zuiderhaven', 'C'));
    analyser.add(7, line('2026-02-28T23:59:59Z', 'j.jansen', 'zh-zuiderhaven', 'D'));
    analyser.add(8, line('2026-03-08T00:00:00Z', 'j.jansen', 'zh-zuiderhaven', 'D'));
    analyser.add(9, line('2026-03-07T23:59:59+01:00', 'j.jansen', 'zh-zuiderhaven', 'E'));
    analyser.add(10, ['bad']);
    const result = analyser.result();
    expect(result).toMatchObject({ lines: 9, accepted: 8, relevant: 5, rejected: 1 });
    expect(result.organisations.map((o) => [o.organisationId, o.distinctRecords, o.accesses])).toEqual([
      ['org-nest', 2, 3],
      ['org-zon', 1, 1],
      ['org-zuid', 1, 1],
    ]);
    expect(result.rejectedLines).toEqual([expect.objectContaining({ line: 10, reason: 'WRONG_COLUMN_COUNT' })]);
  });

  it('gives the same counts with another salt (the salt is thrown away after each analysis)', () => {
    const run = (salt: string) => {
      const a = new ViewerLogAnalyser({ organisations: ORGS, question, recordKey: key(salt) });
      for (let i = 0; i < 500; i++)
        a.add(i + 2, line('2026-03-03T10:00:00Z', 'j.jansen', i % 2 ? 'vp-het-nest' : 'hinq', `P${i % 37}`));
      return a.result().organisations.map((o) => [o.organisationId, o.distinctRecords, o.accesses]);
    };
    expect(run('one')).toEqual(run('two'));
    expect(run('one')).toEqual([
      ['org-hinq', 37, 250],
      ['org-nest', 37, 250],
    ]);
  });

  it('keeps every count but lists only the first rejected lines', () => {
    const a = new ViewerLogAnalyser({ organisations: ORGS, question, recordKey: key('s'), rejectionListCap: 3 });
    for (let i = 0; i < 10; i++) a.add(i + 2, line('yesterday', 'j.jansen', 'hinq', 'P'));
    const r = a.result();
    expect(r.rejected).toBe(10);
    expect(r.rejectedByReason.BAD_DATE).toBe(10);
    expect(r.rejectedLines.map((l) => l.line)).toEqual([2, 3, 4]);
  });

  it('checks the question', () => {
    expect(checkQuestion(['a'], new Date('2026-03-02'), new Date('2026-03-01'))).toMatchObject({ ok: false });
    expect(checkQuestion([' '], new Date('2026-03-01'), new Date('2026-03-02'))).toMatchObject({ ok: false });
    expect(checkQuestion(['a'], new Date('2026-01-01'), new Date('2026-06-01'))).toMatchObject({ ok: false });
    expect(checkQuestion(['a', 'a '], new Date('2026-03-01'), new Date('2026-03-02'))).toMatchObject({
      ok: true,
      question: { suspectAccounts: ['a'] },
    });
  });
});

describe('the proposal', () => {
  const impact = (organisationId: string) => ({
    organisationId,
    distinctRecords: 2,
    accesses: 3,
    firstAccessAt: new Date(0),
    lastAccessAt: new Date(0),
  });
  it('names every organisation of the analysis and says which the chain leaves out', () => {
    const items = proposePartners([impact('org-nest'), impact('org-wieg'), impact('org-hinq'), impact('org-zon')], {
      reportingOrganisationId: 'org-wieg',
      hinqOrganisationIds: new Set(['org-hinq']),
      alreadyChosen: new Set(['org-zon']),
    });
    expect(items.map((i) => [i.organisationId, i.status])).toEqual([
      ['org-nest', 'PROPOSED'],
      ['org-wieg', 'REPORTER'],
      ['org-hinq', 'COORDINATOR'],
      ['org-zon', 'ALREADY_CHOSEN'],
    ]);
  });
  it('reasons with counts only', () => {
    expect(proposalReasoning({ distinctRecords: 1, accesses: 4 })).toBe(
      'Volgens het kijklog van de viewer zijn 1 dossier van deze organisatie 4 keer geopend door het verdachte account in het onderzochte tijdvenster.',
    );
  });
});

describe('detection', () => {
  const at = (iso: string) => new Date(iso).getTime();
  /** A normal working day: 40 accounts of four organisations, each opening its own clients' records in office hours. */
  function normalDay(): DetectionEvent[] {
    const events: DetectionEvent[] = [];
    const orgs = ['org-wieg', 'org-nest', 'org-zuid', 'org-zon'];
    for (let a = 0; a < 40; a++) {
      const org = orgs[a % 4]!;
      for (let i = 0; i < 60; i++) {
        const partnerOrg = i % 10 === 0 ? orgs[(a + 1) % 4]! : org; // now and then a shared client of a partner
        events.push({
          at: at('2026-03-03T07:00:00Z') + i * 8 * 60_000 + a * 1000,
          account: `acc-${a}`,
          userOrganisationId: org,
          recordOrganisationId: partnerOrg,
          recordKey: `r-${a}-${i % 25}`,
        });
      }
    }
    return events;
  }

  it('stays quiet on a normal day', () => {
    expect(detect(normalDay())).toEqual([]);
  });

  it('raises MANY_ORGANISATIONS for one account opening records of many organisations in an hour', () => {
    const events = normalDay();
    for (const [i, org] of ['org-nest', 'org-zuid', 'org-zon', 'org-hinq'].entries())
      events.push({
        at: at('2026-03-03T09:10:00Z') + i * 60_000,
        account: 'acc-0',
        userOrganisationId: 'org-wieg',
        recordOrganisationId: org,
        recordKey: `x${i}`,
      });
    const alerts = detect(events);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      rule: 'MANY_ORGANISATIONS',
      account: 'acc-0',
      windowStart: new Date('2026-03-03T09:00:00Z'),
      windowEnd: new Date('2026-03-03T10:00:00Z'),
      distinctOrganisations: 5,
    });
    expect(alerts[0]!.affectedOrganisationIds).toEqual(['org-hinq', 'org-nest', 'org-wieg', 'org-zon', 'org-zuid']);
  });

  it('raises MANY_ORGANISATIONS for unusually many clients of one organisation', () => {
    const events = normalDay();
    for (let i = 0; i < 50; i++)
      events.push({
        at: at('2026-03-03T11:00:00Z') + i * 1000,
        account: 'acc-5',
        userOrganisationId: 'org-nest',
        recordOrganisationId: 'org-nest',
        recordKey: `bulk-${i}`,
      });
    // 50 new records plus the 8 of its own normal work in that hour.
    expect(detect(events).map((a) => [a.rule, a.account, a.distinctRecords])).toEqual([
      ['MANY_ORGANISATIONS', 'acc-5', 58],
    ]);
  });

  it('raises UNUSUAL_HOURS for a burst at night (Amsterdam time), not for the same burst by day', () => {
    const burst = (start: string): DetectionEvent[] =>
      Array.from({ length: 20 }, (_, i) => ({
        at: at(start) + i * 30_000,
        account: 'night',
        userOrganisationId: 'org-zon',
        recordOrganisationId: 'org-zon',
        recordKey: `n${i % 5}`,
      }));
    // 02:00 in Amsterdam is 01:00 UTC in winter.
    const alerts = detect([...normalDay(), ...burst('2026-03-03T01:00:00Z')]);
    expect(alerts.map((a) => [a.rule, a.account, a.accesses, a.windowStart.toISOString()])).toEqual([
      ['UNUSUAL_HOURS', 'night', 20, '2026-03-03T01:00:00.000Z'],
    ]);
    expect(detect([...normalDay(), ...burst('2026-03-03T12:00:00Z')])).toEqual([]);
  });

  it('raises TWO_ORGANISATIONS for one account acting for two organisations at once', () => {
    const events = normalDay();
    events.push({
      at: at('2026-03-03T13:01:00Z'),
      account: 'acc-3',
      userOrganisationId: 'org-wieg',
      recordOrganisationId: 'org-wieg',
      recordKey: 'q',
    });
    const alerts = detect(events);
    expect(alerts.map((a) => [a.rule, a.account, a.accountOrganisationIds])).toEqual([
      ['TWO_ORGANISATIONS', 'acc-3', ['org-wieg', 'org-zon']],
    ]);
  });

  it('gives the same alerts with the same keys however often it runs, in any order', () => {
    const events = [...normalDay()];
    for (const [i, org] of ['org-nest', 'org-zuid', 'org-zon', 'org-hinq'].entries())
      events.push({
        at: at('2026-03-03T09:10:00Z') + i,
        account: 'acc-0',
        userOrganisationId: 'org-wieg',
        recordOrganisationId: org,
        recordKey: `x${i}`,
      });
    expect(detect([...events].reverse())).toEqual(detect(events));
  });

  it('follows thresholds per rule', () => {
    const events = normalDay();
    expect(
      detect(events, {
        ...DEFAULT_DETECTION_SETTINGS,
        manyOrganisations: { windowMinutes: 60, organisations: 1, records: 1000 },
      }).length,
    ).toBeGreaterThan(0);
    expect(checkDetectionSettings(DEFAULT_DETECTION_SETTINGS)).toEqual([]);
    expect(
      checkDetectionSettings({
        ...DEFAULT_DETECTION_SETTINGS,
        unusualHours: { windowMinutes: 0, accesses: 1, fromHour: 24, toHour: 6 },
      }),
    ).toEqual(['unusualHours.windowMinutes', 'unusualHours.fromHour']);
  });

  it('knows Amsterdam hours across daylight saving', () => {
    expect(amsterdamHour(at('2026-03-29T00:30:00Z'))).toBe(1);
    expect(amsterdamHour(at('2026-03-29T01:30:00Z'))).toBe(3);
    expect(isUnusualHour(23, 22, 6)).toBe(true);
    expect(isUnusualHour(6, 22, 6)).toBe(false);
    expect(isUnusualHour(3, 1, 5)).toBe(true);
  });
});

describe('detection over counted windows', () => {
  it('judges counted blocks exactly as the events they count (the API counts them in the database)', () => {
    const hour = Date.UTC(2026, 2, 2, 9);
    const events = [
      ...['o-nest', 'o-zh', 'o-kz'].map((r, i) => ({
        at: hour + i * 60_000,
        account: 'a',
        userOrganisationId: 'o-wieg',
        recordOrganisationId: r,
        recordKey: `k${i}`,
      })),
      {
        at: hour + 20 * 60_000,
        account: 'c',
        userOrganisationId: 'o-wieg',
        recordOrganisationId: 'o-wieg',
        recordKey: 'k5',
      },
      {
        at: hour + 21 * 60_000,
        account: 'c',
        userOrganisationId: 'o-nest',
        recordOrganisationId: 'o-nest',
        recordKey: 'k5',
      },
      {
        at: hour + 4 * 60_000,
        account: 'b',
        userOrganisationId: 'o-zh',
        recordOrganisationId: 'o-zh',
        recordKey: 'k9',
      },
    ];
    const blocks = (minutes: number): DetectionBlock[] => {
      const size = minutes * 60_000;
      const byBlock = new Map<string, typeof events>();
      for (const e of events) {
        const id = `${Math.floor(e.at / size) * size}|${e.account}`;
        byBlock.set(id, [...(byBlock.get(id) ?? []), e]);
      }
      return [...byBlock.values()].map((es) => ({
        start: Math.floor(es[0]!.at / size) * size,
        account: es[0]!.account,
        accesses: es.length,
        distinctRecords: new Set(es.map((e) => `${e.recordOrganisationId}|${e.recordKey}`)).size,
        recordOrganisationIds: [...new Set(es.map((e) => e.recordOrganisationId))],
        userOrganisationIds: [...new Set(es.map((e) => e.userOrganisationId))],
      }));
    };
    const windows = detectionWindows(DEFAULT_DETECTION_SETTINGS);
    const judged = judgeBlocks({
      MANY_ORGANISATIONS: blocks(windows.MANY_ORGANISATIONS),
      UNUSUAL_HOURS: blocks(windows.UNUSUAL_HOURS),
      TWO_ORGANISATIONS: blocks(windows.TWO_ORGANISATIONS),
    });
    expect(judged).toEqual(detect(events));
    expect(judged.map((a) => [a.rule, a.account])).toEqual([
      ['MANY_ORGANISATIONS', 'a'],
      ['TWO_ORGANISATIONS', 'c'],
    ]);
    expect(judged[0]).toMatchObject({ accesses: 3, distinctRecords: 3, distinctOrganisations: 3 });
    expect(judged[1]).toMatchObject({ distinctRecords: 2, affectedOrganisationIds: ['o-nest', 'o-wieg'] });
  });
});

describe('the record key set', () => {
  const digest = (i: number) => createHash('sha256').update(`r${i}`).digest('binary').slice(0, RECORD_KEY_CHARS);

  it('counts distinct keys like a Set, through many growths and with repeats', () => {
    const set = new RecordKeySet();
    const reference = new Set<string>();
    for (let i = 0; i < 50_000; i++) {
      const key = digest(i % 20_011);
      set.add(key);
      reference.add(key);
    }
    expect(set.size).toBe(20_011);
    expect(set.size).toBe(reference.size);
  });

  it('tells keys apart that share their first 32 or 64 bits (the slot index)', () => {
    const set = new RecordKeySet();
    set.add('AAAABBBBCCCC');
    set.add('AAAABBBBCCCD');
    set.add('AAAABBBXCCCC');
    set.add('AAAABBBBCCCC');
    expect(set.size).toBe(3);
  });

  it('refuses a key that is not 12 one-byte characters', () => {
    const set = new RecordKeySet();
    expect(() => set.add('short')).toThrow();
    expect(() => set.add('AAAABBBBCCC\u0100')).toThrow();
  });
});
