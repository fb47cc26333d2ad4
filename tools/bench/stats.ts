// The few statistics the benchmark reports. Kept free of I/O so bench.spec.ts can check them on fixed numbers.

export interface Spread {
  min: number;
  max: number;
}

/** The middle value (mean of the two middle values for an even count); NaN for no values. */
export function median(values: readonly number[]): number {
  const sorted = finite(values).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Smallest and largest value; NaN for no values. */
export function spread(values: readonly number[]): Spread {
  const kept = finite(values);
  if (kept.length === 0) return { min: NaN, max: NaN };
  return { min: Math.min(...kept), max: Math.max(...kept) };
}

/** `part / whole`; NaN when the whole is zero or either side is not a number (nothing to compare). */
export function ratio(part: number, whole: number): number {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole === 0) return NaN;
  return part / whole;
}

/** Nearest-rank percentile (p in 0–100) of raw samples, as load generators report it; NaN for no samples. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = finite(values).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export interface RatioSummary {
  /** Median of the per-round ratios (not the ratio of medians: each round pairs two runs made side by side). */
  median: number;
  spread: Spread;
  perRound: number[];
}

/** Per-round ratios `parts[i] / wholes[i]` and their median and spread. Rounds missing on either side are skipped. */
export function pairedRatios(parts: readonly number[], wholes: readonly number[]): RatioSummary {
  const perRound: number[] = [];
  for (let i = 0; i < Math.min(parts.length, wholes.length); i += 1) perRound.push(ratio(parts[i]!, wholes[i]!));
  return { median: median(perRound), spread: spread(perRound), perRound };
}

function finite(values: readonly number[]): number[] {
  return values.filter((value) => Number.isFinite(value));
}
