// The compact table printed at the end of a run. Ratios are the point (product / floor, measured side by side);
// absolute figures depend on how busy the shared machine was.
import type { Comparison } from './compare.ts';
import type { ProbeResult } from './incident-list-probe.ts';
import type { SeedResult } from './incident-seed.ts';
import type { BurstScenario, SeveralResult, SweepResult } from './scenarios.ts';
import type { MailResult } from './mail.ts';
import type { ViewerLogResult } from './viewer-log.ts';
import type { DetectResult } from './detect.ts';
import { exportsReportLines, type ExportsResult } from './exports.ts';
import type { FloodResult } from './probes.ts';
import type { RatioSummary } from './stats.ts';

export interface BenchResult {
  startedAt: string;
  finishedAt?: string;
  gitCommit?: string;
  options: unknown;
  machine: { cpus: number; loadAverage: number[]; node: string };
  scenarios: {
    a?: Comparison;
    b?: SweepResult;
    c?: Comparison;
    d?: SeveralResult;
    e?: BurstScenario;
    f?: FloodResult;
    g?: Comparison;
    h?: ProbeResult;
    mail?: MailResult;
    viewerlog?: ViewerLogResult;
    detect?: DetectResult;
    exports?: ExportsResult;
  };
  seed?: SeedResult;
  /** The seed's wall time including its statistics queries. */
  seedWallSeconds?: number;
  totalSeconds?: number;
  /** Scenarios that did not complete, and why (e.g. the API crashed). */
  problems: { scenario: string; problem: string; apiTail?: string[] }[];
  notes: string[];
}

const fixed = (value: number, digits = 0): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const ms = (value: number): string => `${fixed(value)} ms`;
export const ratioText = (r: RatioSummary, digits = 2): string =>
  `${fixed(r.median, digits)} (${fixed(r.spread.min, digits)}–${fixed(r.spread.max, digits)})`;

function comparisonRow(id: string, cmp: Comparison): string[] {
  return [
    id,
    cmp.label,
    String(cmp.connections),
    fixed(cmp.whole.rpsMedian),
    fixed(cmp.part.rpsMedian),
    ratioText(cmp.throughputRatio),
    ms(cmp.whole.p99Median),
    ms(cmp.part.p99Median),
    ratioText(cmp.p99Ratio, 1),
    String(cmp.part.bad + cmp.part.errors + cmp.whole.bad + cmp.whole.errors),
  ];
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatReport(result: BenchResult): string {
  const out: string[] = [];
  const { a, b, c, d, e, f, g, h } = result.scenarios;
  const rows: string[][] = [];
  if (a) rows.push(comparisonRow('a', a));
  for (const cmp of b?.comparisons ?? []) rows.push(comparisonRow('b', cmp));
  if (c) rows.push(comparisonRow('c', c));
  if (g) rows.push(comparisonRow('g', g));
  if (d) {
    rows.push(comparisonRow('d', d.severalVsFloor));
    rows.push(comparisonRow('d', d.severalVsOne));
  }
  if (rows.length) {
    out.push(
      'Throughput and p99, medians over alternating rounds; ratio = measured side / reference side, median (min–max) of per-round ratios.',
      'For d "N organisations vs 1" the reference is the product with one organisation (total req/s).',
      '',
      table(
        [
          '',
          'scenario',
          'conn',
          'ref req/s',
          'req/s',
          'ratio (min–max)',
          'ref p99',
          'p99',
          'p99 ratio (min–max)',
          'bad',
        ],
        rows,
      ),
    );
  }
  if (b) {
    out.push(
      '',
      `b: product req/s relative to ${b.comparisons[0]?.connections ?? '?'} connection(s): ` +
        b.productScaling.map((s) => `${s.connections}→×${fixed(s.factor, 2)}`).join(' ') +
        `; floor: ` +
        b.floorScaling.map((s) => `${s.connections}→×${fixed(s.factor, 2)}`).join(' ') +
        `; among counts up to the pool size (${b.poolMax}) the product's median req/s peaks at ${b.productGrowsUpTo} connections.`,
    );
  }
  if (d) out.push(`d: ${d.organisations} organisations, users ${d.users.join(', ')}.`);
  if (e) {
    const sum = (
      side: 'product' | 'floor',
      key: 'status2xx' | 'status4xx' | 'status5xx' | 'status503' | 'status429' | 'noAnswer',
    ) => e[side].reduce((total, r) => total + r[key], 0);
    for (const side of ['product', 'floor'] as const) {
      const answers: Record<string, number> = {};
      for (const r of e[side]) for (const [k, v] of Object.entries(r.answers)) answers[k] = (answers[k] ?? 0) + v;
      out.push(
        `e: burst of ${e.size} × ${e[side].length}, ${side}: 2xx ${sum(side, 'status2xx')}, 4xx ${sum(side, 'status4xx')}, ` +
          `5xx ${sum(side, 'status5xx')} (503: ${sum(side, 'status503')}), 429: ${sum(side, 'status429')}, ` +
          `no answer ${sum(side, 'noAnswer')}; p99 median ${ms(side === 'product' ? e.productP99Median : e.floorP99Median)}; ` +
          `answers ${JSON.stringify(answers)}`,
      );
    }
    out.push(`e: API alive after the bursts: ${e.apiAliveAfter ? 'yes' : 'NO'}.`);
  }
  if (f) {
    out.push(
      `f: directive flood (${(f.documentBytes / 1e6).toFixed(2)} MB, ${f.directives} directives, no token): refused in ` +
        `${ms(f.refuse.medianMs)} median of ${f.refuse.count} (${fixed(f.refuse.spreadMs.min)}–${fixed(f.refuse.spreadMs.max)} ms), ` +
        `answers ${JSON.stringify(f.refuse.statuses)}.`,
      `f: /health/live idle ${ms(f.healthIdle.medianMs)} median (max ${ms(f.healthIdle.maxMs)}); while ${f.healthUnderFlood.parallel} floods ` +
        `run in parallel: ${ms(f.healthUnderFlood.medianMs)} median, max ${ms(f.healthUnderFlood.maxMs)} ` +
        `(${f.healthUnderFlood.count} probes; the ${f.healthUnderFlood.parallel} floods took ${ms(f.healthUnderFlood.floodsWallMs)}; ` +
        `answers ${JSON.stringify(f.parallelStatuses)}).`,
    );
  }
  if (h) out.push('', ...probeLines(h));
  const mail = result.scenarios.mail;
  if (mail) {
    const { throughput: tp, reminders: r, latency: l } = mail;
    out.push(
      `mail: ${tp.messages} mails to the local SMTP server in ${fixed(tp.seconds, 1)} s = ${fixed(tp.perSecond)} mails/s ` +
        `(slowest 5 s window ${fixed(tp.slowest5sWindowPerSecond)}/s; goal ≥ 50).`,
      `mail: ${r.clocks} open clocks, next reminders due over ${r.windowS} s: ${r.fired} fired, late p50 ${ms(r.lateMs.p50)}, ` +
        `p99 ${ms(r.lateMs.p99)}, max ${ms(r.lateMs.max)} (goal p99 ≤ 5000 ms); ${r.mailsEnqueued} mails enqueued.`,
      `mail: me p99 with ${l.connections} connections, ${l.durationS} s runs: idle ${l.idleP99.map((v) => fixed(v)).join('/')} ms, ` +
        `delivering ${l.deliveringP99.map((v) => fixed(v)).join('/')} ms (mails during the runs ${l.mailsDuringRuns.join('/')}); ` +
        `p99 ratio ${ratioText(l.p99Ratio)} (goal ≤ 1.10).`,
    );
  }
  const viewerLog = result.scenarios.viewerlog;
  if (viewerLog) {
    const { csvParse: c, analysis: a, api } = viewerLog;
    out.push(
      `viewerlog: ${viewerLog.lines} lines (${fixed(viewerLog.megabytes, 1)} MB), ${viewerLog.rounds} rounds, medians: ` +
        `analysis ${fixed(a.cpuSeconds.median, 2)} CPU s / ${fixed(a.seconds.median, 2)} s wall ` +
        `(${fixed(a.seconds.min, 2)}–${fixed(a.seconds.max, 2)}), RSS +${fixed(a.rssGrowthMB.median)} MB ` +
        `(max ${fixed(a.rssGrowthMB.max)}); csv-parse alone ${fixed(c.cpuSeconds.median, 2)} CPU s / ` +
        `${fixed(c.seconds.median, 2)} s wall; CPU ratio analysis ÷ csv-parse ${ratioText(viewerLog.cpuRatio)}.`,
      `viewerlog: uploaded to the API: ${api.lines} lines, ${api.distinctRecords} distinct records in ` +
        `${fixed(api.seconds, 2)} s (the API's CPU ${fixed(api.cpuSeconds, 2)} s); API RSS ${fixed(api.rssBeforeMB)} → ${fixed(api.rssPeakMB)} MB ` +
        `(+${fixed(api.rssGrowthMB)} MB) (goal ≤ 10 s, ≤ +150 MB).`,
    );
  }
  const detect = result.scenarios.detect;
  if (detect) {
    const { push: p, apiRssMB: rss, alerts: a } = detect;
    out.push(
      `detect: a day of ${detect.events} events in ${detect.batches} batches of ${detect.batchMinutes} min, ` +
        `${detect.pushers} pusher(s), ${detect.speedup > 0 ? `paced at ${detect.speedup}× real time` : 'as fast as accepted'}, ` +
        `measured ${detect.measured.from}–${detect.measured.to} (${detect.measured.events} events): accepted ${p.accepted} in ${fixed(p.seconds, 1)} s of pushing = ` +
        `${fixed(p.eventsPerSecond)} events/s (batch p50 ${ms(p.batchMs.p50)}, p99 ${ms(p.batchMs.p99)}); API CPU ` +
        `${fixed(p.apiCpuSeconds, 1)} s; API RSS ${fixed(rss.before)} → ${fixed(rss.after)} MB (peak ${fixed(rss.peak)}).`,
      `detect: alerts ${a.raised} of ${a.expected} expected (${JSON.stringify(a.byRule)}), ${a.rows} alert rows, ` +
        `${a.incidents} incidents; none for the ${detect.day.normalAccounts} normal accounts.`,
      `detect: ${detect.probe.query} of ${detect.probe.user} at ${detect.probe.ratePerSecond}/s, p99 idle ` +
        `${detect.idleP99.map((v) => fixed(v)).join('/')} ms, pushing ${detect.pushingP99.map((v) => fixed(v)).join('/')} ms; ` +
        `p99 ratio ${ratioText(detect.p99Ratio)}, p50 ratio ${ratioText(detect.p50Ratio)} ` +
        `(goal p99 ratio ≤ ${detect.goal.p99Ratio}: ${detect.goal.met ? 'met' : 'NOT met'}).`,
    );
  }
  if (result.scenarios.exports) out.push(...exportsReportLines(result.scenarios.exports));
  if (result.seed) {
    const s = result.seed;
    out.push(
      `seed: ${s.incidents} incidents over ${s.organisations} organisations (${s.organisationsCreated} created) in ` +
        `${fixed(s.insertSeconds, 1)} s + VACUUM ANALYZE ${fixed(s.vacuumSeconds, 1)} s; table ${s.tableMB} MB, ` +
        `indexes ${s.indexesMB} MB; per organisation ${s.smallest.incidents}–${s.largest.incidents}; ` +
        `stages ${JSON.stringify(s.byStage)}; AP clock ${JSON.stringify(s.byClockState)}; exercises ${s.exercises}.`,
    );
  }
  if (result.totalSeconds !== undefined) out.push(`total: ${fixed(result.totalSeconds)} s.`);
  for (const problem of result.problems) out.push(`PROBLEM in ${problem.scenario}: ${problem.problem}`);
  for (const note of result.notes) out.push(`note: ${note}`);
  return out.join('\n');
}

/** h: one line per filter combination (page 1, and page 2 where there is one), slowest first. */
function probeLines(h: ProbeResult): string[] {
  const rows = [...h.cases]
    .sort((x, y) => y.dbMedianMs - x.dbMedianMs)
    .map((c) => [
      c.name,
      String(c.page),
      String(c.rows),
      fixed(c.dbMedianMs, 2),
      fixed(c.dbP95Ms, 2),
      fixed(c.medianMs, 2),
      c.keyNode,
    ]);
  return [
    `h: incident list SQL of ${h.organisationIncidents} incidents (employee: ${h.employeeIncidents} own), ` +
      `${h.runsPerCase} runs per case, ${h.cases.length} cases in ${fixed(h.seconds)} s; medians at the database above 10 ms: ` +
      `${h.over10ms}; plans: ${h.planFile}`,
    table(['filter', 'page', 'rows', 'db median ms', 'db p95 ms', 'round trip ms', 'key node (EXPLAIN ANALYZE)'], rows),
  ];
}
