// Load generation with autocannon, and the alternation of sides within a scenario.
import autocannon, { type Instance, type Request, type Result } from 'autocannon';
import { setTimeout as sleep } from 'node:timers/promises';

/** One way to answer a scenario's question: the floor, the product, or a variant of either. */
export interface Side {
  name: string;
  baseUrl: string;
  /** Cycled through by each connection (several tokens = several entries). */
  requests: Omit<Request, 'onResponse'>[];
  /** Whether a response is a correct answer (a GraphQL error in a 200 is not). */
  isGood: (status: number, body: string) => boolean;
}

export interface RunResult {
  side: string;
  connections: number;
  durationS: number;
  good: number;
  bad: number;
  /** Correct answers per second: what throughput ratios compare. */
  rps: number;
  /** Milliseconds, over every answer (good and bad). */
  p50: number;
  p99: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
}

let running: Instance | undefined;
let stopped = false;

/** Ctrl-C: stops the run in progress and any run that would start after it. */
export function stopLoad(): void {
  stopped = true;
  running?.stop();
}

export class LoadStopped extends Error {
  constructor() {
    super('stopped');
  }
}

export async function runLoad(side: Side, connections: number, durationS: number): Promise<RunResult> {
  if (stopped) throw new LoadStopped();
  let good = 0;
  let bad = 0;
  const requests: Request[] = side.requests.map((request) => ({
    ...request,
    onResponse: (status, body) => (side.isGood(status, body) ? (good += 1) : (bad += 1)),
  }));
  const result = await new Promise<Result>((resolve, reject) => {
    running = autocannon(
      { url: side.baseUrl, connections, duration: durationS, timeout: 30, requests },
      (error, output) => (error ? reject(error) : resolve(output)),
    );
  }).finally(() => (running = undefined));
  if (stopped) throw new LoadStopped();
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
  return {
    side: side.name,
    connections,
    durationS: result.duration,
    good,
    bad,
    rps: good / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

export interface AlternationOptions {
  rounds: number;
  durationS: number;
  warmupS: number;
  connections: number;
  /** Called after each run, e.g. to print progress. */
  onRun?: (run: RunResult, round: number) => void;
  /** Checked before each run (e.g. the API still alive); throws to end the scenario. */
  beforeRun?: () => void;
}

/**
 * Runs every side once per round. The order rotates from round to round (A B, B A, … for two sides), so a change
 * in the machine's load during the scenario does not favour one side. A warm-up run per side comes first and is
 * not counted (JIT, pool connections, caches).
 */
export async function alternate(sides: Side[], options: AlternationOptions): Promise<Record<string, RunResult[]>> {
  const runs: Record<string, RunResult[]> = Object.fromEntries(sides.map((side) => [side.name, []]));
  if (options.warmupS > 0) {
    for (const side of sides) {
      options.beforeRun?.();
      await runLoad(side, options.connections, options.warmupS);
    }
  }
  for (let round = 0; round < options.rounds; round += 1) {
    for (const side of roundOrder(sides, round)) {
      options.beforeRun?.();
      // A short pause lets the previous run's sockets close and its queued work drain.
      await sleep(200);
      const run = await runLoad(side, options.connections, options.durationS);
      runs[side.name]!.push(run);
      options.onRun?.(run, round);
    }
  }
  return runs;
}

/** Round 0: as given; round 1: reversed; round 2: rotated by one; … so each side goes first and last in turn. */
export function roundOrder<T>(sides: readonly T[], round: number): T[] {
  if (sides.length < 2) return [...sides];
  if (sides.length === 2) return round % 2 ? [sides[1]!, sides[0]!] : [...sides];
  const shift = round % sides.length;
  return [...sides.slice(shift), ...sides.slice(0, shift)];
}
