// Flags and environment of `npm run bench`. A flag wins over its BENCH_* variable, which wins over the default.
import { parseArgs } from 'node:util';

export const SCENARIOS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'mail', 'viewerlog', 'detect', 'exports'] as const;
export type ScenarioId = (typeof SCENARIOS)[number];
/**
 * What a run without --only measures: the request path. `mail` (issue 16's notification engine), `viewerlog`
 * (issue 18's upload analysis), `detect` (issue 18's detection on pushed events) and `exports` (issue 15's register
 * downloads) are asked for by name.
 */
export const DEFAULT_SCENARIOS: readonly ScenarioId[] = ['a', 'b', 'c', 'd', 'e', 'f'];

export interface BenchOptions {
  quick: boolean;
  /** Measured rounds per side (each side runs once per round). */
  rounds: number;
  /** Seconds per run in scenarios a, c, d. */
  durationS: number;
  /** Seconds per run in the connection sweep (b). */
  sweepDurationS: number;
  /** Seconds of uncounted warm-up per side and scenario. */
  warmupS: number;
  connections: number;
  sweep: number[];
  poolMax: number;
  burstSize: number;
  burstRounds: number;
  floodCount: number;
  floodParallel: number;
  floodBytes: number;
  /** Organisations created for scenario d besides the five demo organisations. */
  extraOrganisations: number;
  only: ScenarioId[];
  build: boolean;
  /** Incidents seeded before g and h, and over how many organisations (`--seed-million`: 1,000,000 over 500). */
  seedIncidents: number;
  seedOrganisations: number;
  /** Timed runs per filter combination in the database probe (h). */
  probeRuns: number;
  /** mail: messages in the throughput backlog. */
  mailMessages: number;
  /** mail: open clocks whose next reminder falls due in the window. */
  mailClocks: number;
  /** mail: seconds over which those reminders fall due. */
  mailWindowS: number;
  /** viewerlog: lines of the generated export. */
  viewerLogLines: number;
  /** detect: events of the pushed day. */
  detectEvents: number;
  /** detect: minutes of the day per pushed batch. */
  detectBatchMinutes: number;
  /** detect: batches pushed at once. */
  detectPushers: number;
  /** detect: other users' requests per second while idle and while pushing. */
  detectProbeRate: number;
  /** detect: the day pushed at this many times real time (each batch at its own moment); 0 = as fast as accepted. */
  detectSpeedup: number;
  /** detect: measure over the day's busiest this many hours only (the rest pushed flat out, unmeasured); 0 = all. */
  detectBusiestHours: number;
  /** exports: rows of the register that is downloaded (incidents seeded into one organisation). */
  exportIncidents: number;
}

export const USAGE = `npm run bench [-- options]

  --quick                 smoke run (under a minute of load): 2 short rounds, fewer connection counts
  --rounds N              measured rounds per side (default 5; env BENCH_ROUNDS)
  --duration S            seconds per run in a, c, d (default 8; env BENCH_DURATION)
  --sweep-duration S      seconds per run in b (default 5; env BENCH_SWEEP_DURATION)
  --warmup S              uncounted warm-up per side (default 2; env BENCH_WARMUP)
  --connections N         connections in a, c, d (default 32; env BENCH_CONNECTIONS)
  --sweep 1,2,4,…         connection counts of b (default 1,2,4,8,16,32; env BENCH_SWEEP)
  --pool N                database pool of the API and of the floor (default 10; env BENCH_POOL)
  --burst N               parallel requests in e (default 400; env BENCH_BURST)
  --burst-rounds N        bursts per side in e (default 3; env BENCH_BURST_ROUNDS)
  --floods N              sequential directive floods in f (default 10; env BENCH_FLOODS)
  --flood-parallel N      floods in parallel while /health/live is timed (default 8; env BENCH_FLOOD_PARALLEL)
  --extra-orgs N          organisations created for d besides the 5 demo ones (default 5; env BENCH_EXTRA_ORGS)
  --seed-million          before g and h, seed 1,000,000 incidents over 500 organisations (a few minutes; env
                          BENCH_SEED_MILLION=true); without it 20,000 over the 5 demo organisations
  --probe-runs N          timed runs per filter combination in h (default 15; env BENCH_PROBE_RUNS)
  --only a,c,…            run only these scenarios (env BENCH_ONLY); \`mail\`, \`viewerlog\` and \`exports\` run only
                          when named
  --mail-messages N       mail: backlog for the throughput run (default 6000; env BENCH_MAIL_MESSAGES)
  --mail-clocks N         mail: open clocks (default 10000; env BENCH_MAIL_CLOCKS)
  --mail-window S         mail: seconds over which their next reminders fall due (default 120; env BENCH_MAIL_WINDOW)
  --viewer-log-lines N    viewerlog: lines of the generated export (default 1000000; env BENCH_VIEWER_LOG_LINES)
  --detect-events N       detect: events of the pushed day (default 1000000, quick 50000; env BENCH_DETECT_EVENTS)
  --detect-batch-minutes N detect: minutes of the day per batch (default 1, quick 10; env BENCH_DETECT_BATCH_MINUTES)
  --detect-pushers N      detect: batches pushed at once (default 1; env BENCH_DETECT_PUSHERS)
  --detect-rate N         detect: incidents(first: 50) requests per second (default 20; env BENCH_DETECT_RATE)
  --detect-speedup N      detect: push the day at N times real time, each batch at its own moment (default 0: as
                          fast as the API accepts, one pusher saturating it; env BENCH_DETECT_SPEEDUP)
  --detect-busiest-hours N detect: measure only over the day's busiest N hours, paced; the hours before and after are
                          pushed as fast as accepted, unmeasured (default 0: the whole day; env
                          BENCH_DETECT_BUSIEST_HOURS)
  --export-incidents N    exports: register rows downloaded as CSV, Excel and PDF (default 10000, 2000 with --quick;
                          env BENCH_EXPORT_INCIDENTS)
  --no-build              use dist/api as it is (default: nx run api:build first)
  --help`;

export function parseOptions(argv: string[], env: Record<string, string | undefined>): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean' },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      'sweep-duration': { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      sweep: { type: 'string' },
      pool: { type: 'string' },
      burst: { type: 'string' },
      'burst-rounds': { type: 'string' },
      floods: { type: 'string' },
      'flood-parallel': { type: 'string' },
      'extra-orgs': { type: 'string' },
      only: { type: 'string' },
      'seed-million': { type: 'boolean' },
      'probe-runs': { type: 'string' },
      'mail-messages': { type: 'string' },
      'mail-clocks': { type: 'string' },
      'mail-window': { type: 'string' },
      'viewer-log-lines': { type: 'string' },
      'detect-events': { type: 'string' },
      'detect-batch-minutes': { type: 'string' },
      'detect-pushers': { type: 'string' },
      'detect-rate': { type: 'string' },
      'detect-speedup': { type: 'string' },
      'detect-busiest-hours': { type: 'string' },
      'export-incidents': { type: 'string' },
      'no-build': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const quick = values.quick ?? env['BENCH_QUICK'] === 'true';
  const number = (flag: string | undefined, name: string, full: number, smoke: number, min = 0): number => {
    const raw = flag ?? env[name];
    if (raw === undefined || raw === '') return quick ? smoke : full;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min)
      throw new Error(`${name} / flag: expected a number ≥ ${min}, got "${raw}"`);
    return value;
  };
  const list = (raw: string | undefined, fallback: number[]): number[] => {
    if (!raw) return fallback;
    const values = raw.split(',').map((part) => Number(part.trim()));
    if (values.some((v) => !Number.isInteger(v) || v < 1))
      throw new Error(`--sweep: expected e.g. 1,2,4, got "${raw}"`);
    return values;
  };
  const onlyRaw = values.only ?? env['BENCH_ONLY'];
  const only = onlyRaw ? onlyRaw.split(',').map((part) => part.trim().toLowerCase()) : [...DEFAULT_SCENARIOS];
  const unknown = only.filter((id) => !(SCENARIOS as readonly string[]).includes(id));
  if (unknown.length)
    throw new Error(`--only: unknown scenario ${unknown.join(', ')} (known: ${SCENARIOS.join(', ')})`);
  return {
    quick,
    rounds: number(values.rounds, 'BENCH_ROUNDS', 5, 2, 1),
    durationS: number(values.duration, 'BENCH_DURATION', 8, 1.5, 0.5),
    sweepDurationS: number(values['sweep-duration'], 'BENCH_SWEEP_DURATION', 5, 1.5, 0.5),
    warmupS: number(values.warmup, 'BENCH_WARMUP', 2, 0.5),
    connections: number(values.connections, 'BENCH_CONNECTIONS', 32, 32, 1),
    sweep: list(values.sweep ?? env['BENCH_SWEEP'], quick ? [1, 4, 32] : [1, 2, 4, 8, 16, 32]),
    poolMax: number(values.pool, 'BENCH_POOL', 10, 10, 1),
    burstSize: number(values.burst, 'BENCH_BURST', 400, 400, 1),
    burstRounds: number(values['burst-rounds'], 'BENCH_BURST_ROUNDS', 3, 1, 1),
    floodCount: number(values.floods, 'BENCH_FLOODS', 10, 2, 1),
    floodParallel: number(values['flood-parallel'], 'BENCH_FLOOD_PARALLEL', 8, 4, 1),
    floodBytes: 1_000_000,
    extraOrganisations: number(values['extra-orgs'], 'BENCH_EXTRA_ORGS', 5, 5, 0),
    only: only as ScenarioId[],
    build: !(values['no-build'] ?? env['BENCH_BUILD'] === 'false'),
    ...((values['seed-million'] ?? env['BENCH_SEED_MILLION'] === 'true')
      ? { seedIncidents: 1_000_000, seedOrganisations: 500 }
      : { seedIncidents: 20_000, seedOrganisations: 5 }),
    probeRuns: number(values['probe-runs'], 'BENCH_PROBE_RUNS', 15, 5, 1),
    mailMessages: number(values['mail-messages'], 'BENCH_MAIL_MESSAGES', 6000, 1000, 1),
    mailClocks: number(values['mail-clocks'], 'BENCH_MAIL_CLOCKS', 10_000, 2000, 1),
    mailWindowS: number(values['mail-window'], 'BENCH_MAIL_WINDOW', 120, 30, 1),
    viewerLogLines: number(values['viewer-log-lines'], 'BENCH_VIEWER_LOG_LINES', 1_000_000, 200_000, 1),
    detectEvents: number(values['detect-events'], 'BENCH_DETECT_EVENTS', 1_000_000, 50_000, 1000),
    detectBatchMinutes: number(values['detect-batch-minutes'], 'BENCH_DETECT_BATCH_MINUTES', 1, 10, 1),
    detectPushers: number(values['detect-pushers'], 'BENCH_DETECT_PUSHERS', 1, 1, 1),
    detectProbeRate: number(values['detect-rate'], 'BENCH_DETECT_RATE', 20, 20, 1),
    detectSpeedup: number(values['detect-speedup'], 'BENCH_DETECT_SPEEDUP', 0, 0, 0),
    detectBusiestHours: number(values['detect-busiest-hours'], 'BENCH_DETECT_BUSIEST_HOURS', 0, 0, 0),
    exportIncidents: number(values['export-incidents'], 'BENCH_EXPORT_INCIDENTS', 10_000, 2000, 1),
  };
}
