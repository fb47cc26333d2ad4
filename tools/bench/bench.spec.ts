// The benchmark's arithmetic on fixed numbers. The benchmark itself (minutes of load on a stack of its own) is
// not part of the test suite: run it with `npm run bench`.
import { compare } from './compare.ts';
import { ANOMALY_PREFIX, batchBody, busiestWindow, chunkBounds, syntheticDay } from './detect-day.ts';
import { exportsReportLines, exportsTenant, summarise, type ExportRun, type ExportSide } from './exports.ts';
import type { SeedResult } from './incident-seed.ts';
import type { Tenant } from './tenants.ts';
import { keyNode, listCases, LIST_DIMENSIONS } from './incident-list-probe.ts';
import type { RunResult } from './load.ts';
import { roundOrder } from './load.ts';
import { parseOptions } from './options.ts';
import { directiveFlood } from './probes.ts';
import { median, pairedRatios, percentile, ratio, spread } from './stats.ts';

jest.setTimeout(30_000);

describe('statistics', () => {
  it('median takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
    expect(median([2, NaN, 4])).toBe(3);
  });

  it('spread is the smallest and largest value', () => {
    expect(spread([0.3, 0.21, 0.27])).toEqual({ min: 0.21, max: 0.3 });
    expect(spread([])).toEqual({ min: NaN, max: NaN });
  });

  it('ratio divides, and is NaN when there is nothing to compare with', () => {
    expect(ratio(115, 500)).toBeCloseTo(0.23, 10);
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(NaN, 3)).toBeNaN();
  });

  it('percentile is nearest-rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile([10, 20, 30], 99)).toBe(30);
    expect(percentile([], 99)).toBeNaN();
  });

  it('pairs rounds: the median of per-round ratios, not the ratio of medians', () => {
    const summary = pairedRatios([100, 120, 90, 110, 130], [400, 400, 450, 500, 520]);
    expect(summary.perRound).toEqual([0.25, 0.3, 0.2, 0.22, 0.25]);
    expect(summary.median).toBe(0.25);
    expect(summary.spread).toEqual({ min: 0.2, max: 0.3 });
    // The ratio of medians would be 110 / 450 ≈ 0.244.
    expect(summary.median).not.toBeCloseTo(110 / 450, 3);
  });

  it('skips rounds that only one side completed', () => {
    expect(pairedRatios([1, 2, 3], [2, 4]).perRound).toEqual([0.5, 0.5]);
  });
});

describe('comparison of alternating runs', () => {
  const run = (side: string, rps: number, p99: number): RunResult => ({
    side,
    connections: 32,
    durationS: 8,
    good: rps * 8,
    bad: 0,
    rps,
    p50: p99 / 2,
    p99,
    statusCodes: { '200': rps * 8 },
    errors: 0,
    timeouts: 0,
  });

  it('reports medians per side and per-round ratios of throughput and p99', () => {
    const result = compare(
      'accessLog',
      32,
      {
        floor: [run('floor', 1000, 70), run('floor', 800, 80), run('floor', 900, 75)],
        product: [run('product', 230, 290), run('product', 240, 320), run('product', 180, 300)],
      },
      'product',
      'floor',
    );
    expect(result.whole.rpsMedian).toBe(900);
    expect(result.part.rpsMedian).toBe(230);
    expect(result.throughputRatio.perRound).toEqual([0.23, 0.3, 0.2]);
    expect(result.throughputRatio.median).toBe(0.23);
    expect(result.throughputRatio.spread).toEqual({ min: 0.2, max: 0.3 });
    expect(result.p99Ratio.median).toBe(4);
    expect(result.part.statusCodes).toEqual({ '200': (230 + 240 + 180) * 8 });
  });
});

describe('round order', () => {
  it('alternates who goes first for two sides and rotates for more', () => {
    expect([0, 1, 2, 3].map((round) => roundOrder(['floor', 'product'], round).join(' '))).toEqual([
      'floor product',
      'product floor',
      'floor product',
      'product floor',
    ]);
    expect([0, 1, 2].map((round) => roundOrder(['a', 'b', 'c'], round).join(''))).toEqual(['abc', 'bca', 'cab']);
  });
});

describe('directive flood document', () => {
  it('is about the size asked and a JSON body with one query of repeated directives', () => {
    const { body, directives } = directiveFlood(1_000_000);
    expect(body.length).toBeLessThanOrEqual(1_000_000);
    expect(body.length).toBeGreaterThan(999_990);
    const query = (JSON.parse(body) as { query: string }).query;
    expect(query.startsWith('{ __typename @a @a')).toBe(true);
    expect(query.match(/@a/g)).toHaveLength(directives);
  });
});

describe('options', () => {
  it('runs at least five rounds by default and a short smoke run with --quick', () => {
    const full = parseOptions([], {});
    const quick = parseOptions(['--quick'], {});
    if (full === 'help' || quick === 'help') throw new Error('unexpected help');
    expect(full.rounds).toBeGreaterThanOrEqual(5);
    expect(full.sweep).toEqual([1, 2, 4, 8, 16, 32]);
    expect(full.burstSize).toBe(400);
    expect(quick.rounds).toBeLessThan(full.rounds);
    expect(quick.durationS).toBeLessThan(full.durationS);
  });

  it('takes flags over BENCH_* variables and refuses nonsense', () => {
    const options = parseOptions(['--rounds', '7', '--only', 'a,c'], { BENCH_ROUNDS: '3', BENCH_DURATION: '4' });
    if (options === 'help') throw new Error('unexpected help');
    expect(options.rounds).toBe(7);
    expect(options.durationS).toBe(4);
    expect(options.only).toEqual(['a', 'c']);
    expect(() => parseOptions(['--only', 'z'], {})).toThrow(/unknown scenario z/);
    expect(() => parseOptions(['--rounds', '0'], {})).toThrow(/BENCH_ROUNDS/);
  });

  it('measures detection only when named: a day of a million events in batches of a minute, 50,000 with --quick', () => {
    const plain = parseOptions([], {});
    const named = parseOptions(['--only', 'detect'], {});
    const quick = parseOptions(['--only', 'detect', '--quick'], {});
    if (plain === 'help' || named === 'help' || quick === 'help') throw new Error('unexpected help');
    expect(plain.only).not.toContain('detect');
    expect(named).toMatchObject({ only: ['detect'], detectEvents: 1_000_000, detectBatchMinutes: 1, detectPushers: 1 });
    expect(quick).toMatchObject({ detectEvents: 50_000, detectBatchMinutes: 10 });
  });

  it('measures the viewer log only when named, a million lines unless told otherwise', () => {
    const plain = parseOptions([], {});
    const named = parseOptions(['--only', 'viewerlog'], {});
    const fewer = parseOptions(['--only', 'viewerlog', '--viewer-log-lines', '50000'], {});
    if (plain === 'help' || named === 'help' || fewer === 'help') throw new Error('unexpected help');
    expect(plain.only).not.toContain('viewerlog');
    expect(named).toMatchObject({ only: ['viewerlog'], viewerLogLines: 1_000_000 });
    expect(fewer.viewerLogLines).toBe(50_000);
  });
});

describe('incident list probe', () => {
  it('covers every filter combination in the default order, each single filter in the other orders, and search and period in every order, each once', () => {
    const cases = listCases();
    const d = LIST_DIMENSIONS;
    const crossProduct = d.who.length * d.stage.length * d.exercise.length * d.clockState.length;
    const singleFilters = 1 + (d.stage.length - 1) + (d.exercise.length - 1) + (d.clockState.length - 1);
    const searchAndPeriod = d.sort.length * d.who.length * (d.text.length + d.period.length);
    expect(cases).toHaveLength(crossProduct + (d.sort.length - 1) * d.who.length * singleFilters + searchAndPeriod);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    expect(cases[0]).toEqual({
      name: 'all',
      who: 'all',
      stage: null,
      exercise: null,
      clockState: null,
      sort: 'reported-newest',
      text: null,
      period: null,
    });
    const names = cases.map((c) => c.name);
    expect(names).toContain('own stage=response exercise=true clock=overdue');
    expect(names).toContain('own sort=deadline-soonest clock=due-soon');
    expect(names).toContain('all sort=discovered-newest text=0042');
    expect(names).toContain('own period=last-30-days');
  });

  it('names every scan of a plan, what it returned and what its filter threw away, and a sort', () => {
    const plan = {
      'Node Type': 'Limit',
      Plans: [
        {
          'Node Type': 'Sort',
          Plans: [
            {
              'Node Type': 'Bitmap Heap Scan',
              'Relation Name': 'incidents',
              'Actual Rows': 3,
              'Actual Loops': 1,
              'Rows Removed by Filter': 312,
              Plans: [{ 'Node Type': 'Bitmap Index Scan', 'Index Name': 'incidents_by_reporter', 'Actual Rows': 315 }],
            },
          ],
        },
      ],
    };
    expect(keyNode(plan)).toBe(
      'Bitmap Heap Scan on incidents: 3 rows, 312 removed by filter ← Bitmap Index Scan using incidents_by_reporter: 315 rows → Sort',
    );
    expect(
      keyNode({
        'Node Type': 'Limit',
        Plans: [{ 'Node Type': 'Index Scan', 'Index Name': 'incidents_list', 'Actual Rows': 51, 'Actual Loops': 1 }],
      }),
    ).toBe('Index Scan using incidents_list: 51 rows');
  });

  it('seeds the million only when asked', () => {
    const small = parseOptions([], {});
    const big = parseOptions(['--seed-million'], {});
    const env = parseOptions([], { BENCH_SEED_MILLION: 'true' });
    if (small === 'help' || big === 'help' || env === 'help') throw new Error('unexpected help');
    expect([small.seedIncidents, small.seedOrganisations]).toEqual([20_000, 5]);
    expect([big.seedIncidents, big.seedOrganisations]).toEqual([1_000_000, 500]);
    expect(env.seedIncidents).toBe(1_000_000);
    expect(parseOptions(['--only', 'g,h'], {})).toMatchObject({ only: ['g', 'h'] });
  });
});

describe('the pushed day of the detection bench', () => {
  // The bench fails loudly when the API raises other alerts than these; here the same day is judged by the domain's
  // own rules, so a change of the generator (or of the default thresholds) that would make the bench fail is seen
  // without a stack.
  const start = Date.UTC(2026, 2, 2, 5);
  const day = syntheticDay({ events: 50_000, start, batchMinutes: 10 });
  const events = day.batches.flat().map((line) => {
    const [timestamp, account, userOrganisation, recordOrganisation, pseudonym] = line.split(',') as [
      string,
      string,
      string,
      string,
      string,
    ];
    return {
      at: Date.parse(timestamp),
      account,
      userOrganisationId: userOrganisation,
      recordOrganisationId: recordOrganisation,
      recordKey: pseudonym,
    };
  });

  it('has exactly the events asked, in batches of its minutes, each within the push limit', () => {
    expect(events).toHaveLength(50_000);
    expect(day.batches).toHaveLength(144);
    const outside = day.batches.flatMap((lines, i) =>
      lines.filter((line) => {
        const at = Date.parse(line.slice(0, 24));
        return at < start + i * 600_000 || at >= start + (i + 1) * 600_000;
      }),
    );
    expect(outside).toEqual([]);
    const largest = Math.max(...day.batches.map((lines) => Buffer.byteLength(batchBody(lines))));
    expect(largest).toBeLessThan(10 * 1024 * 1024);
    expect(day.normalAccounts).toBeGreaterThan(100);
  });

  it("raises exactly the expected alerts under the domain's rules: each rule, only for the anomalous accounts", async () => {
    // Loaded lazily, as the rest of the bench loads the domain (from the API's build).
    const { DEFAULT_DETECTION_SETTINGS, DETECTION_RULES, detect } = await import('@babyconnect/domain');
    const alerts = detect(events, DEFAULT_DETECTION_SETTINGS);
    const seen = alerts.map((a) => ({
      rule: a.rule,
      account: a.account,
      windowStart: a.windowStart.getTime(),
      organisations: a.affectedOrganisationIds,
    }));
    expect(seen).toEqual(
      expect.arrayContaining(day.expected.map((e) => ({ ...e, organisations: [...e.organisations].sort() }))),
    );
    expect(seen).toHaveLength(day.expected.length);
    expect(new Set(day.expected.map((e) => e.rule))).toEqual(new Set(DETECTION_RULES));
    expect(alerts.every((a) => a.account.startsWith(ANOMALY_PREFIX))).toBe(true);
  });

  it('finds the busiest consecutive batches to measure a paced run over', () => {
    expect(busiestWindow([1, 5, 5, 1, 9, 1], 2)).toEqual({ from: 1, to: 3 });
    expect(busiestWindow([1, 5, 5, 1, 9, 1], 1)).toEqual({ from: 4, to: 5 });
    expect(busiestWindow([1, 2], 5)).toEqual({ from: 0, to: 2 });
  });

  it('is pushed in chunks of about equal events, not equal minutes', () => {
    expect(chunkBounds([1, 1, 8, 8, 1, 1], 2)).toEqual([3, 6]);
    expect(chunkBounds([5, 5, 5, 5], 4)).toEqual([1, 2, 3, 4]);
    const bounds = chunkBounds(
      day.batches.map((lines) => lines.length),
      5,
    );
    expect(bounds.at(-1)).toBe(day.batches.length);
    const sizes = bounds.map((end, i) =>
      day.batches.slice(i ? bounds[i - 1] : 0, end).reduce((n, lines) => n + lines.length, 0),
    );
    for (const size of sizes) expect(Math.abs(size - 10_000)).toBeLessThan(2_000);
  });

  it('is the same day every time', () => {
    const again = syntheticDay({ events: 50_000, start, batchMinutes: 10 });
    expect(again.batches).toEqual(day.batches);
  });
});

describe('register exports (--only exports)', () => {
  const tenant = (alias: string): Tenant => ({
    username: `${alias}-fg`,
    alias,
    organisationId: `id-${alias}`,
    token: 't',
  });
  const run = (side: ExportSide, cpuSeconds: number, seconds: number, rssGrowthMB = 10): ExportRun => ({
    side,
    status: 200,
    seconds,
    firstByteMs: 20,
    cpuSeconds,
    rssBeforeMB: 200,
    rssPeakMB: 200 + rssGrowthMB,
    rssGrowthMB,
    bytes: 2 * 1048576,
    load1: 3,
  });

  it('runs only when named, 10,000 rows unless told otherwise, 2,000 in a quick run', () => {
    const plain = parseOptions([], {});
    const named = parseOptions(['--only', 'exports'], {});
    const quick = parseOptions(['--only', 'exports', '--quick'], {});
    const fewer = parseOptions(['--only', 'exports', '--export-incidents', '500'], { BENCH_EXPORT_INCIDENTS: '9' });
    if (plain === 'help' || named === 'help' || quick === 'help' || fewer === 'help')
      throw new Error('unexpected help');
    expect(plain.only).not.toContain('exports');
    expect(named).toMatchObject({ only: ['exports'], exportIncidents: 10_000, rounds: 5 });
    expect(quick).toMatchObject({ exportIncidents: 2000, rounds: 2 });
    expect(fewer.exportIncidents).toBe(500);
  });

  it('reads an organisation of its own, and refuses to share one that g or h seed', () => {
    const demo = tenant('vp-de-wieg');
    expect(exportsTenant([tenant('bench-org-01'), tenant('bench-org-05')], demo, true).alias).toBe('bench-org-05');
    expect(exportsTenant([], demo, false)).toBe(demo);
    expect(() => exportsTenant([], demo, true)).toThrow(/--extra-orgs/);
  });

  it('pairs each format with the floor run of the same round: medians, spread and CPU and wall ratios', () => {
    const runs = {
      floor: [run('floor', 0.2, 0.5), run('floor', 0.25, 1)],
      csv: [run('csv', 0.8, 1), run('csv', 1, 1.5)],
      xlsx: [run('xlsx', 1.2, 2), run('xlsx', 1.5, 2)],
      pdf: [run('pdf', 6, 8, 40), run('pdf', 5, 7, 60)],
    };
    const checked = { floor: 'ok', csv: 'ok', xlsx: 'ok', pdf: 'ok' };
    const result = summarise({
      tenant: tenant('bench-org-05'),
      registerRows: 10_000,
      seed: {} as SeedResult,
      rounds: 2,
      checked,
      runs,
      fresh: {
        floor: run('floor', 0.3, 1, 5),
        csv: run('csv', 1, 2, 5),
        xlsx: run('xlsx', 2, 3, 5),
        pdf: run('pdf', 7, 9, 90),
      },
    });
    expect(result.sides.pdf.cpuSeconds).toEqual({ median: 5.5, min: 5, max: 6 });
    expect(result.sides.pdf.rssGrowthMB.max).toBe(60);
    expect(result.fresh.pdf.rssGrowthMB).toBe(90);
    expect(result.sides.csv.megabytes).toBe(2);
    expect(result.cpuRatio.csv.perRound).toEqual([4, 4]);
    expect(result.cpuRatio.pdf.perRound).toEqual([30, 20]);
    expect(result.cpuRatio.pdf.median).toBe(25);
    expect(result.wallRatio.xlsx.perRound).toEqual([4, 2]);
    const lines = exportsReportLines(result).join('\n');
    expect(lines).toContain('register of 10000 incidents (bench-org-05');
    expect(lines).toMatch(/exports pdf {2}: 5\.50 \(5\.00–6\.00\) CPU s, 7\.50 \(7\.00–8\.00\) s wall; goal ≤ 10 s;/);
    expect(lines).toContain('CPU ratio 25.00 (20.00–30.00)');
    expect(lines).toContain('fresh: RSS 200 → 290 MB (+90), first byte 20 ms, 7.00 CPU s');
  });
});
