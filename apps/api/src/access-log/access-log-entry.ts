import { createHash } from 'node:crypto';

/**
 * What the access log records is bounded and clean, whatever a client sends: a log write must never fail on
 * input (PostgreSQL text cannot hold NUL), and nobody can fill the log by sending huge names or ids.
 * Values are cut to a number of code points; a cut value keeps its start and the start of its SHA-256, so two
 * different long values stay distinguishable and the original can still be matched.
 */
export const LOG_LIMITS = {
  operation: 100,
  objectId: 100,
  objectIds: 20,
  fields: 50,
  reason: 100,
  roles: 200,
} as const;

// C0 and C1 control characters, and the bidi and invisible formatting characters that make text lie.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/gu;

/** Replaces unprintable characters with U+FFFD and caps the length (code points). */
export function logText(value: string, max: number): string {
  const clean = value.replace(UNPRINTABLE, '\uFFFD');
  const points = [...clean];
  if (points.length <= max) return clean;
  const digest = createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 16);
  const suffix = `…#${digest}`;
  const room = max - [...suffix].length;
  return room > 0 ? points.slice(0, room).join('') + suffix : points.slice(0, max).join('');
}

/** At most `max` values, each capped; the rest is summarised as "+N more". */
export function logList(values: readonly string[], max: number, each: number): string[] {
  const kept = values.slice(0, max).map((v) => logText(v, each));
  if (values.length > max) kept[max - 1] = `+${values.length - max + 1} more`;
  return kept;
}

export type FieldResult = 'allowed' | 'refused' | 'failed';

export interface FieldOutcome {
  name: string;
  result: FieldResult;
  reason: string | null;
}

/**
 * The request's top-level fields, each distinct name and outcome once with a count:
 * `organisations:allowed x49`, `accessLog:refused:FORBIDDEN`.
 */
export function summariseFields(outcomes: readonly FieldOutcome[]): string[] {
  const counts = new Map<string, number>();
  for (const o of outcomes) {
    const key = [o.name, o.result, o.reason].filter(Boolean).join(':');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return logList(
    [...counts].map(([key, n]) => (n > 1 ? `${key} x${n}` : key)),
    LOG_LIMITS.fields,
    LOG_LIMITS.operation,
  );
}

/** The request's result: failed if any field failed, else refused if any was refused, else allowed. */
export function overallResult(outcomes: readonly FieldOutcome[]): { result: FieldResult; reason: string | null } {
  const failed = outcomes.find((o) => o.result === 'failed');
  if (failed) return { result: 'failed', reason: failed.reason };
  const refused = outcomes.find((o) => o.result === 'refused');
  if (refused) return { result: 'refused', reason: refused.reason };
  return { result: 'allowed', reason: null };
}
