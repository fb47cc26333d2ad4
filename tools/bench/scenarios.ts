// The scenarios of `npm run bench`. Each returns plain data for the JSON result; report.ts prints it.
import type { ApiBuild } from './api-build.ts';
import { compare, type Comparison, type SideSummary } from './compare.ts';
import { graphqlHeaders } from './http.ts';
import { alternate, type AlternationOptions, type RunResult, type Side } from './load.ts';
import type { BenchOptions } from './options.ts';
import { probeIncidentList, type ProbeResult } from './incident-list-probe.ts';
import { burst, directiveFloodProbe, type BurstResult, type FloodResult } from './probes.ts';
import type { BenchStack } from './stack.ts';
import { median, ratio } from './stats.ts';
import type { Tenant } from './tenants.ts';

export const ACCESS_LOG_QUERY =
  'query AccessLog { accessLog(first: 50) { entries { seq occurredAt userId userName roles operation objectIds result reason requestId } nextCursor } }';
export const ME_QUERY = 'query Me { me { user { id } } }';
/** What a list page of the portal asks: one row per incident with its AP clock. */
export const INCIDENTS_QUERY =
  'query Incidents { incidents(first: 50) { nodes { id reference stage exercise reportedAt reportedByMe apClock { state deadline remainingMs } } nextCursor } }';

const body = (query: string): string => JSON.stringify({ query });

/** A 200 whose data is the expected field and that carries no GraphQL error. */
const answers =
  (field: string) =>
  (status: number, text: string): boolean =>
    status === 200 && text.startsWith(`{"data":{"${field}":`) && !text.includes('"errors":[');

export function productAccessLog(stack: BenchStack, tenants: Tenant[], name = 'product'): Side {
  return {
    name,
    baseUrl: stack.apiUrl,
    requests: tenants.map((t) => ({
      method: 'POST',
      path: '/graphql',
      headers: graphqlHeaders(t.token, t.organisationId),
      body: body(ACCESS_LOG_QUERY),
    })),
    isGood: answers('accessLog'),
  };
}

export function floorAccessLog(stack: BenchStack, tenants: Tenant[], name = 'floor'): Side {
  return {
    name,
    baseUrl: stack.floorUrl,
    requests: tenants.map((t) => ({
      method: 'POST',
      path: '/access-log',
      headers: graphqlHeaders(undefined, t.organisationId),
      body: body(ACCESS_LOG_QUERY),
    })),
    isGood: answers('accessLog'),
  };
}

export function productIncidents(stack: BenchStack, tenants: Tenant[], name = 'product'): Side {
  return {
    name,
    baseUrl: stack.apiUrl,
    requests: tenants.map((t) => ({
      method: 'POST',
      path: '/graphql',
      headers: graphqlHeaders(t.token, t.organisationId),
      body: body(INCIDENTS_QUERY),
    })),
    isGood: answers('incidents'),
  };
}

export function floorIncidents(stack: BenchStack, tenants: Tenant[], name = 'floor'): Side {
  return {
    name,
    baseUrl: stack.floorUrl,
    requests: tenants.map((t) => ({
      method: 'POST',
      path: '/incidents',
      headers: graphqlHeaders(undefined, t.organisationId),
      body: body(INCIDENTS_QUERY),
    })),
    isGood: answers('incidents'),
  };
}

export interface Context {
  stack: BenchStack;
  /** The API's own code from its build (g, h); undefined when neither runs. */
  apiBuild?: ApiBuild;
  /** Where h writes its EXPLAIN plans. */
  planFile: string;
  options: BenchOptions;
  one: Tenant;
  several: Tenant[];
  /** FGs of the organisations created for d (exports reads one of its own: exportsTenant in exports.ts). */
  extraFgs: Tenant[];
  say: (line: string) => void;
}

export class ApiCrashed extends Error {}

function alternation(ctx: Context, connections: number, durationS: number): AlternationOptions {
  return {
    rounds: ctx.options.rounds,
    durationS,
    warmupS: ctx.options.warmupS,
    connections,
    beforeRun: () => {
      const exit = ctx.stack.apiExit();
      if (exit) throw new ApiCrashed(`The API exited during the benchmark (${exit}).`);
    },
    onRun: (run: RunResult, round: number) =>
      ctx.say(
        `  round ${round + 1} ${run.side.padEnd(16)} ${run.connections} conn: ${run.rps.toFixed(0)} req/s, ` +
          `p99 ${run.p99.toFixed(0)} ms${run.bad ? `, ${run.bad} bad answers` : ''}${run.errors ? `, ${run.errors} errors` : ''}`,
      ),
  };
}

/** (a) accessLog(first: 50) as one organisation's FG, product vs floor. */
export async function scenarioA(ctx: Context): Promise<Comparison> {
  const c = ctx.options.connections;
  const runs = await alternate(
    [floorAccessLog(ctx.stack, [ctx.one]), productAccessLog(ctx.stack, [ctx.one])],
    alternation(ctx, c, ctx.options.durationS),
  );
  return compare(`accessLog(first: 50), ${ctx.one.username}`, c, runs, 'product', 'floor');
}

/** (g) incidents(first: 50) as one organisation's FG, product vs a floor running the API's own list SQL. */
export async function scenarioG(ctx: Context): Promise<Comparison> {
  const c = ctx.options.connections;
  const runs = await alternate(
    [floorIncidents(ctx.stack, [ctx.one]), productIncidents(ctx.stack, [ctx.one])],
    alternation(ctx, c, ctx.options.durationS),
  );
  return compare(`incidents(first: 50), ${ctx.one.username}`, c, runs, 'product', 'floor');
}

/** (h) The list's SQL at the database for every filter combination, with plans. */
export async function scenarioH(ctx: Context): Promise<ProbeResult> {
  if (!ctx.apiBuild) throw new Error('scenario h needs the API build');
  const result = await probeIncidentList({
    appUrl: ctx.stack.appUrl,
    build: ctx.apiBuild,
    organisationId: ctx.one.organisationId,
    now: new Date(),
    runs: ctx.options.probeRuns,
    planFile: ctx.planFile,
    say: ctx.say,
  });
  ctx.say(
    `  ${result.cases.length} cases; slowest median at the database ${result.worst.dbMedianMs.toFixed(2)} ms (${result.worst.name}, ` +
      `page ${result.worst.page}: ${result.worst.keyNode}); ${result.over10ms} above 10 ms; plans in ${result.planFile}`,
  );
  return result;
}

export interface SweepResult {
  poolMax: number;
  comparisons: Comparison[];
  /** Median req/s at each connection count divided by the median at the smallest count. */
  productScaling: { connections: number; factor: number }[];
  floorScaling: { connections: number; factor: number }[];
  /** Largest connection count up to the pool size at which the product's median req/s was still the highest so far. */
  productGrowsUpTo: number;
}

/** (b) The same at each connection count: does throughput grow up to the pool size? */
export async function scenarioB(ctx: Context): Promise<SweepResult> {
  const comparisons: Comparison[] = [];
  for (const c of ctx.options.sweep) {
    ctx.say(` ${c} connection(s)`);
    const runs = await alternate(
      [floorAccessLog(ctx.stack, [ctx.one]), productAccessLog(ctx.stack, [ctx.one])],
      alternation(ctx, c, ctx.options.sweepDurationS),
    );
    comparisons.push(compare(`accessLog(first: 50), ${c} conn`, c, runs, 'product', 'floor'));
  }
  const scaling = (pick: (cmp: Comparison) => SideSummary) =>
    comparisons.map((cmp) => ({
      connections: cmp.connections,
      factor: ratio(pick(cmp).rpsMedian, pick(comparisons[0]!).rpsMedian),
    }));
  let best = -Infinity;
  let growsUpTo = comparisons[0]?.connections ?? 0;
  for (const cmp of comparisons) {
    if (cmp.connections > ctx.stack.poolMax) break;
    if (cmp.part.rpsMedian > best) {
      best = cmp.part.rpsMedian;
      growsUpTo = cmp.connections;
    }
  }
  return {
    poolMax: ctx.stack.poolMax,
    comparisons,
    productScaling: scaling((cmp) => cmp.part),
    floorScaling: scaling((cmp) => cmp.whole),
    productGrowsUpTo: growsUpTo,
  };
}

/** (c) me { user { id } } vs a SELECT 1 floor. */
export async function scenarioC(ctx: Context): Promise<Comparison> {
  const c = ctx.options.connections;
  const product: Side = {
    name: 'product',
    baseUrl: ctx.stack.apiUrl,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        headers: graphqlHeaders(ctx.one.token, ctx.one.organisationId),
        body: body(ME_QUERY),
      },
    ],
    isGood: answers('me'),
  };
  const floor: Side = {
    name: 'floor',
    baseUrl: ctx.stack.floorUrl,
    requests: [{ method: 'POST', path: '/select1', headers: graphqlHeaders(undefined), body: body(ME_QUERY) }],
    isGood: answers('me'),
  };
  const runs = await alternate([floor, product], alternation(ctx, c, ctx.options.durationS));
  return compare(`me { user { id } } vs SELECT 1`, c, runs, 'product', 'floor');
}

export interface SeveralResult {
  organisations: number;
  users: string[];
  /** Product with several organisations at once vs product with one: total req/s. */
  severalVsOne: Comparison;
  /** Several organisations: product vs floor. */
  severalVsFloor: Comparison;
}

/** (d) Several organisations at once vs one organisation, total requests per second. */
export async function scenarioD(ctx: Context): Promise<SeveralResult> {
  const c = ctx.options.connections;
  const runs = await alternate(
    [
      floorAccessLog(ctx.stack, ctx.several, 'floor-several'),
      productAccessLog(ctx.stack, [ctx.one], 'product-one'),
      productAccessLog(ctx.stack, ctx.several, 'product-several'),
    ],
    alternation(ctx, c, ctx.options.durationS),
  );
  const organisations = new Set(ctx.several.map((t) => t.organisationId)).size;
  return {
    organisations,
    users: ctx.several.map((t) => t.username),
    severalVsOne: compare(`${organisations} organisations vs 1 (product)`, c, runs, 'product-several', 'product-one'),
    severalVsFloor: compare(
      `${organisations} organisations: product vs floor`,
      c,
      runs,
      'product-several',
      'floor-several',
    ),
  };
}

export interface BurstScenario {
  size: number;
  product: BurstResult[];
  floor: BurstResult[];
  productP99Median: number;
  floorP99Median: number;
  apiAliveAfter: boolean;
}

/** (e) A burst of N parallel requests of one tenant; every one must be answered. Product and floor alternate. */
export async function scenarioE(ctx: Context): Promise<BurstScenario> {
  const size = ctx.options.burstSize;
  const product = {
    url: `${ctx.stack.apiUrl}/graphql`,
    headers: graphqlHeaders(ctx.one.token, ctx.one.organisationId),
    body: body(ACCESS_LOG_QUERY),
  };
  const floor = {
    url: `${ctx.stack.floorUrl}/access-log`,
    headers: graphqlHeaders(undefined, ctx.one.organisationId),
    body: body(ACCESS_LOG_QUERY),
  };
  const results: BurstScenario = {
    size,
    product: [],
    floor: [],
    productP99Median: NaN,
    floorP99Median: NaN,
    apiAliveAfter: true,
  };
  for (let round = 0; round < ctx.options.burstRounds; round += 1) {
    const order = round % 2 ? (['product', 'floor'] as const) : (['floor', 'product'] as const);
    for (const side of order) {
      const result = await burst(side === 'product' ? product : floor, size);
      results[side].push(result);
      ctx.say(
        `  burst ${round + 1} ${side.padEnd(8)}: ${JSON.stringify(result.answers)}, no answer ${result.noAnswer}, ` +
          `p99 ${result.p99.toFixed(0)} ms, all answered after ${result.wallMs.toFixed(0)} ms`,
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (ctx.stack.apiExit()) {
        results.apiAliveAfter = false;
        throw new ApiCrashed(`The API exited during the burst (${ctx.stack.apiExit()}).`);
      }
    }
  }
  results.productP99Median = median(results.product.map((r) => r.p99));
  results.floorP99Median = median(results.floor.map((r) => r.p99));
  return results;
}

/** (f) Time to refuse the ~1 MB directive flood without a token, and /health/live meanwhile. */
export async function scenarioF(ctx: Context): Promise<FloodResult> {
  return directiveFloodProbe(ctx.stack.apiUrl, {
    bytes: ctx.options.floodBytes,
    count: ctx.options.floodCount,
    parallel: ctx.options.floodParallel,
  });
}
