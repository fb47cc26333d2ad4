// The two scenarios that are not throughput: a burst of parallel requests that must all be answered (e), and the
// time to refuse a parser-heavy document without a token, with the API's liveness meanwhile (f).
import { send, type Answer, type NoAnswer } from './http.ts';
import { median, percentile, spread, type Spread } from './stats.ts';

export interface BurstTarget {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface BurstResult {
  size: number;
  /** "200", "200 FORBIDDEN" (a GraphQL error code in the answer), "503 SERVICE_UNAVAILABLE", … */
  answers: Record<string, number>;
  noAnswer: number;
  noAnswerReasons: Record<string, number>;
  status2xx: number;
  status4xx: number;
  status5xx: number;
  status503: number;
  status429: number;
  /** Milliseconds, over answered requests. */
  p50: number;
  p99: number;
  max: number;
  wallMs: number;
}

/** Sends `size` requests at once, each on its own connection, and classifies every outcome. */
export async function burst(target: BurstTarget, size: number, timeoutMs = 60_000): Promise<BurstResult> {
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: size }, () =>
      send(target.url, { method: 'POST', headers: target.headers, body: target.body, timeoutMs }),
    ),
  );
  const wallMs = performance.now() - started;
  const answers: Record<string, number> = {};
  const noAnswerReasons: Record<string, number> = {};
  const latencies: number[] = [];
  for (const outcome of outcomes) {
    if (outcome.status === undefined) {
      noAnswerReasons[outcome.error] = (noAnswerReasons[outcome.error] ?? 0) + 1;
      continue;
    }
    latencies.push(outcome.ms);
    const key = classify(outcome);
    answers[key] = (answers[key] ?? 0) + 1;
  }
  const answered = outcomes.filter((o): o is Answer => o.status !== undefined);
  const count = (test: (status: number) => boolean): number => answered.filter((o) => test(o.status)).length;
  return {
    size,
    answers,
    noAnswer: outcomes.length - answered.length,
    noAnswerReasons,
    status2xx: count((s) => s >= 200 && s < 300),
    status4xx: count((s) => s >= 400 && s < 500),
    status5xx: count((s) => s >= 500),
    status503: count((s) => s === 503),
    status429: count((s) => s === 429),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.length ? Math.max(...latencies) : NaN,
    wallMs,
  };
}

/** Status plus the first GraphQL error code, if any: a 200 carrying INTERNAL_SERVER_ERROR is not a success. */
function classify(answer: Answer): string {
  try {
    const parsed = JSON.parse(answer.body) as { errors?: { extensions?: { code?: string } }[] };
    const code = parsed.errors?.[0]?.extensions?.code;
    return code ? `${answer.status} ${code}` : String(answer.status);
  } catch {
    return `${answer.status} (not JSON)`;
  }
}

/** `{ __typename @a @a … }` of about `bytes` bytes as a JSON request body (kept under the API's 1 MiB body limit). */
export function directiveFlood(bytes: number): { body: string; directives: number } {
  const head = '{"query":"{ __typename';
  const tail = ' }"}';
  const directives = Math.max(1, Math.floor((bytes - head.length - tail.length) / 3));
  return { body: `${head}${' @a'.repeat(directives)}${tail}`, directives };
}

export interface FloodResult {
  documentBytes: number;
  directives: number;
  /** Sequential floods: time until the refusal arrived. */
  refuse: { count: number; medianMs: number; spreadMs: Spread; statuses: Record<string, number> };
  /** /health/live one after another with nothing else running. */
  healthIdle: { count: number; medianMs: number; maxMs: number };
  /** /health/live one after another while `parallel` floods are in flight. */
  healthUnderFlood: { parallel: number; count: number; medianMs: number; maxMs: number; floodsWallMs: number };
  parallelStatuses: Record<string, number>;
}

export async function directiveFloodProbe(
  apiUrl: string,
  options: { bytes: number; count: number; parallel: number },
): Promise<FloodResult> {
  const { body, directives } = directiveFlood(options.bytes);
  const post = (): Promise<Answer | NoAnswer> =>
    send(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      timeoutMs: 120_000,
    });
  const statuses: Record<string, number> = {};
  const refuseMs: number[] = [];
  for (let i = 0; i < options.count; i += 1) {
    const answer = await post();
    tally(statuses, answer);
    refuseMs.push(answer.ms);
  }

  const health = async (): Promise<number> => (await send(`${apiUrl}/health/live`, { timeoutMs: 120_000 })).ms;
  const idle: number[] = [];
  for (let i = 0; i < 20; i += 1) idle.push(await health());

  const parallelStatuses: Record<string, number> = {};
  const started = performance.now();
  let inFlight = true;
  const floods = Promise.all(Array.from({ length: options.parallel }, () => post())).then((answers) => {
    inFlight = false;
    for (const answer of answers) tally(parallelStatuses, answer);
  });
  const underFlood: number[] = [];
  while (inFlight) underFlood.push(await health());
  await floods;
  const floodsWallMs = performance.now() - started;

  return {
    documentBytes: Buffer.byteLength(body),
    directives,
    refuse: { count: refuseMs.length, medianMs: median(refuseMs), spreadMs: spread(refuseMs), statuses },
    healthIdle: { count: idle.length, medianMs: median(idle), maxMs: Math.max(...idle) },
    healthUnderFlood: {
      parallel: options.parallel,
      count: underFlood.length,
      medianMs: median(underFlood),
      maxMs: underFlood.length ? Math.max(...underFlood) : NaN,
      floodsWallMs,
    },
    parallelStatuses,
  };
}

function tally(into: Record<string, number>, answer: Answer | NoAnswer): void {
  const key = answer.status === undefined ? `no answer (${answer.error})` : classify(answer);
  into[key] = (into[key] ?? 0) + 1;
}
