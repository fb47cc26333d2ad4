// Turns the runs of alternating sides into the figures the report quotes.
import type { RunResult } from './load.ts';
import { median, pairedRatios, spread, type RatioSummary, type Spread } from './stats.ts';

export interface SideSummary {
  name: string;
  rounds: number;
  rpsMedian: number;
  rpsSpread: Spread;
  /** Milliseconds. */
  p99Median: number;
  p99Spread: Spread;
  good: number;
  bad: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
}

export interface Comparison {
  label: string;
  connections: number;
  /** The side measured (usually the product). */
  part: SideSummary;
  /** The side it is measured against (usually the floor). */
  whole: SideSummary;
  /** part rps / whole rps, per round. */
  throughputRatio: RatioSummary;
  /** part p99 / whole p99, per round. */
  p99Ratio: RatioSummary;
}

export function summariseSide(name: string, runs: readonly RunResult[]): SideSummary {
  const statusCodes: Record<string, number> = {};
  for (const run of runs) {
    for (const [code, count] of Object.entries(run.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  }
  const rps = runs.map((run) => run.rps);
  const p99 = runs.map((run) => run.p99);
  return {
    name,
    rounds: runs.length,
    rpsMedian: median(rps),
    rpsSpread: spread(rps),
    p99Median: median(p99),
    p99Spread: spread(p99),
    good: sum(runs.map((run) => run.good)),
    bad: sum(runs.map((run) => run.bad)),
    statusCodes,
    errors: sum(runs.map((run) => run.errors)),
    timeouts: sum(runs.map((run) => run.timeouts)),
  };
}

export function compare(
  label: string,
  connections: number,
  runs: Record<string, RunResult[]>,
  partName: string,
  wholeName: string,
): Comparison {
  const part = runs[partName] ?? [];
  const whole = runs[wholeName] ?? [];
  return {
    label,
    connections,
    part: summariseSide(partName, part),
    whole: summariseSide(wholeName, whole),
    throughputRatio: pairedRatios(
      part.map((run) => run.rps),
      whole.map((run) => run.rps),
    ),
    p99Ratio: pairedRatios(
      part.map((run) => run.p99),
      whole.map((run) => run.p99),
    ),
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
