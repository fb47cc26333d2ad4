// Scenario "detect" of `npm run bench` (only with `--only detect`): issue 18's figure — detection over a day of
// pushed viewer-log events (1 million) keeps the API's p99 for other requests within 20 % of idle.
// A synthetic day (detect-day.ts: many normal accounts, a few that each break one rule) is pushed as HINQ's systems
// push it — one batch per minute of the day, through `POST /viewer-log/feed` with a client-credentials token of the
// realm's `hinq-viewer-log` client — compressed in time: as fast as the API accepts, with a fixed number of pushers
// (one by default: a feed is one ordered stream). Meanwhile a privacy officer's `incidents(first: 50)` is asked at a
// fixed rate. The day is pushed in `rounds` chunks; each round has a pushing phase (one chunk) and an idle phase of
// the same length, their order alternating per round; p99 pushing ÷ p99 idle per round, median and spread.
// At the end the bench checks, as the schema owner, that exactly the expected alerts were raised (each rule at least
// once, each in the organisations it concerns, nothing for a normal account) and that no pseudonym was stored.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import {
  batchBody,
  busiestWindow,
  chunkBounds,
  syntheticDay,
  type ExpectedAlert,
  type SyntheticDay,
} from './detect-day.ts';
import { accessToken, graphql } from './http.ts';
import type { Side } from './load.ts';
import type { BenchOptions } from './options.ts';
import type { BenchStack } from './stack.ts';
import { productIncidents } from './scenarios.ts';
import { pairedRatios, percentile, spread, type RatioSummary } from './stats.ts';
import { cpuSecondsOf, rssMB } from './proc.ts';

const rootDir = resolve(import.meta.dirname, '../..');
const HOUR = 3_600_000;
const PROBE_USER = 'wieg-privacy';
/** The goal: p99 while pushing within 20 % of idle. */
const GOAL = 1.2;

export interface PhaseResult {
  seconds: number;
  probes: number;
  bad: number;
  p50: number;
  p99: number;
}

export interface PushPhaseResult extends PhaseResult {
  batches: number;
  events: number;
  eventsPerSecond: number;
}

export interface DetectResult {
  events: number;
  batches: number;
  batchMinutes: number;
  pushers: number;
  /** The day pushed at this many times real time; 0 = as fast as the API accepted. */
  speedup: number;
  /** The measured part of the day (all of it unless --detect-busiest-hours): ISO instants, events. */
  measured: { from: string; to: string; events: number };
  probe: { query: string; user: string; ratePerSecond: number };
  day: { from: string; to: string; normalAccounts: number; anomalousAccounts: number; generateSeconds: number };
  rounds: { round: number; order: string; idle: PhaseResult; pushing: PushPhaseResult }[];
  idleP99: number[];
  pushingP99: number[];
  p99Ratio: RatioSummary;
  p50Ratio: RatioSummary;
  push: {
    accepted: number;
    rejected: number;
    seconds: number;
    eventsPerSecond: number;
    batchMs: { p50: number; p99: number; max: number };
    /** The API process's CPU seconds from the first push to the last answer (probes included). */
    apiCpuSeconds: number;
    /** Pushes sent again after a connection failed. */
    retries: number;
  };
  apiRssMB: { before: number; after: number; peak: number };
  alerts: {
    expected: number;
    raised: number;
    /** One row per organisation an alert concerns, each with its reported incident. */
    rows: number;
    incidents: number;
    byRule: Record<string, number>;
  };
  goal: { p99Ratio: number; met: boolean };
}

export async function scenarioDetect(
  stack: BenchStack,
  options: BenchOptions,
  say: (line: string) => void,
): Promise<DetectResult> {
  const probeSide = await incidentsOfPrivacyOfficer(stack).catch((error: Error & { cause?: Error }) => {
    throw new Error(`${error.message}: ${error.cause?.message} (${error.cause?.stack?.split('\n')[1]?.trim()})`);
  });
  // The last 24 whole hours: events older than two days are pruned with every push.
  const start = Math.floor(Date.now() / HOUR) * HOUR - 24 * HOUR;
  const generated = performance.now();
  const day = syntheticDay({ events: options.detectEvents, start, batchMinutes: options.detectBatchMinutes });
  const generateSeconds = (performance.now() - generated) / 1000;
  const batchCount = day.batches.length;
  say(
    `detect: a day of ${day.events} events (${day.normalAccounts} normal accounts, ${day.anomalousAccounts} ` +
      `anomalous) in ${batchCount} batches of ${day.batchMinutes} min, generated in ${generateSeconds.toFixed(1)} s.`,
  );

  const probe = new Probe(probeSide, options.detectProbeRate);
  const pid = stack.apiPid();
  let peak = rssMB(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMB(pid))), 250);
  const pusher = new Pusher(stack, day, options.detectPushers, options.detectSpeedup);
  try {
    probe.start();
    // Warm-up, not counted: the probe's and the push path's first calls (JIT, pool connections, the day's secret).
    probe.phase = 'warm-up';
    await pusher.warmUp();
    await sleep(3000);

    const sizes = day.batches.map((lines) => lines.length);
    const window =
      options.detectBusiestHours > 0
        ? busiestWindow(sizes, (options.detectBusiestHours * 60) / day.batchMinutes)
        : { from: 0, to: sizes.length };
    const measuredEvents = sizes.slice(window.from, window.to).reduce((a, b) => a + b, 0);
    const measuredFrom = new Date(start + window.from * day.batchMinutes * 60_000).toISOString();
    const measuredTo = new Date(start + window.to * day.batchMinutes * 60_000).toISOString();
    if (window.from > 0) {
      // The day before the measured hours, as history the rules count over; not measured.
      probe.phase = 'before';
      await pusher.pushUntil(window.from, false);
      say(
        `detect: ${window.from} batches before the busiest hours pushed unmeasured; measuring ${measuredFrom}–${measuredTo} (${measuredEvents} events).`,
      );
      await sleep(3000);
    }

    const rssBefore = rssMB(pid);
    const cpuBefore = cpuSecondsOf(pid);
    const rounds: DetectResult['rounds'] = [];
    const bounds = chunkBounds(sizes.slice(window.from, window.to), options.rounds).map((b) => b + window.from);
    let lastPush = 0;
    for (let round = 0; round < options.rounds; round++) {
      const until = bounds[round]!;
      const order = round % 2 === 0 ? (['pushing', 'idle'] as const) : (['idle', 'pushing'] as const);
      let idle: PhaseResult | undefined;
      let pushing: PushPhaseResult | undefined;
      for (const kind of order) {
        probe.phase = 'gap';
        // Lets the previous phase's requests finish and its sockets settle.
        await sleep(500);
        const phase = `${kind}-${round}`;
        probe.phase = phase;
        const started = performance.now();
        if (kind === 'pushing') {
          const pushed = await pusher.pushUntil(until);
          const seconds = (performance.now() - started) / 1000;
          lastPush = seconds;
          pushing = { ...probe.summary(phase, seconds), ...pushed, eventsPerSecond: pushed.events / seconds };
        } else {
          // As long as the pushing phase next to it (round 0 pushes first, so there always is one).
          await sleep(lastPush * 1000);
          idle = probe.summary(phase, (performance.now() - started) / 1000);
        }
      }
      rounds.push({ round, order: order.join(' → '), idle: idle!, pushing: pushing! });
      say(
        `detect round ${round + 1}/${options.rounds}: pushed ${pushing!.events} events in ${pushing!.batches} batches ` +
          `in ${pushing!.seconds.toFixed(1)} s (${pushing!.eventsPerSecond.toFixed(0)} events/s); incidents p50/p99 ` +
          `idle ${idle!.p50.toFixed(0)}/${idle!.p99.toFixed(0)} ms, pushing ${pushing!.p50.toFixed(0)}/` +
          `${pushing!.p99.toFixed(0)} ms (${idle!.probes}/${pushing!.probes} probes, bad ${idle!.bad}/${pushing!.bad})`,
      );
    }
    const cpuSeconds = cpuSecondsOf(pid) - cpuBefore;
    const rssAfter = rssMB(pid);
    // The rest of the day, unmeasured, so every expected alert can be checked.
    probe.phase = 'after';
    await pusher.pushUntil(sizes.length, false);
    await probe.stop();

    const alerts = await checkAlerts(stack, day, pusher);
    const pushSeconds = rounds.reduce((s, r) => s + r.pushing.seconds, 0);
    const idleP99 = rounds.map((r) => r.idle.p99);
    const pushingP99 = rounds.map((r) => r.pushing.p99);
    const p99Ratio = pairedRatios(pushingP99, idleP99);
    const result: DetectResult = {
      events: day.events,
      batches: batchCount,
      batchMinutes: day.batchMinutes,
      pushers: options.detectPushers,
      speedup: options.detectSpeedup,
      measured: { from: measuredFrom, to: measuredTo, events: measuredEvents },
      probe: { query: 'incidents(first: 50)', user: PROBE_USER, ratePerSecond: options.detectProbeRate },
      day: {
        from: new Date(start).toISOString(),
        to: new Date(start + 24 * HOUR).toISOString(),
        normalAccounts: day.normalAccounts,
        anomalousAccounts: day.anomalousAccounts,
        generateSeconds,
      },
      rounds,
      idleP99,
      pushingP99,
      p99Ratio,
      p50Ratio: pairedRatios(
        rounds.map((r) => r.pushing.p50),
        rounds.map((r) => r.idle.p50),
      ),
      push: {
        accepted: pusher.accepted,
        rejected: pusher.rejected,
        seconds: pushSeconds,
        eventsPerSecond: rounds.reduce((n, r) => n + r.pushing.events, 0) / pushSeconds,
        batchMs: {
          p50: percentile(pusher.batchMs, 50),
          p99: percentile(pusher.batchMs, 99),
          max: spread(pusher.batchMs).max,
        },
        apiCpuSeconds: cpuSeconds,
        retries: pusher.retries,
      },
      apiRssMB: { before: rssBefore, after: rssAfter, peak },
      alerts,
      goal: { p99Ratio: GOAL, met: p99Ratio.median <= GOAL },
    };
    say(
      `detect: ${result.push.accepted} events accepted in ${pushSeconds.toFixed(1)} s of pushing ` +
        `(${result.push.eventsPerSecond.toFixed(0)} events/s; batch p50 ${result.push.batchMs.p50.toFixed(0)} ms, ` +
        `p99 ${result.push.batchMs.p99.toFixed(0)} ms); ${alerts.raised} alerts as expected (${alerts.rows} rows, ` +
        `${alerts.incidents} incidents); p99 ratio ${p99Ratio.median.toFixed(2)} ` +
        `(${p99Ratio.spread.min.toFixed(2)}–${p99Ratio.spread.max.toFixed(2)}); API RSS ${rssBefore.toFixed(0)} → ` +
        `${rssAfter.toFixed(0)} MB (peak ${peak.toFixed(0)}).`,
    );
    return result;
  } catch (error) {
    // undici says only "fetch failed"; the cause says which connection and why.
    const cause = (error as Error & { cause?: Error }).cause;
    throw cause ? new Error(`${(error as Error).message}: ${cause.message}`, { cause: error }) : error;
  } finally {
    clearInterval(sampler);
    await probe.stop();
  }
}

/** `incidents(first: 50)` of De Wieg's privacy officer: the request of another user the push must not slow down. */
async function incidentsOfPrivacyOfficer(stack: BenchStack): Promise<Side> {
  const demo = JSON.parse(readFileSync(join(rootDir, 'infra/demo/organisations.json'), 'utf8')) as {
    organisations: { id: string; alias: string }[];
  };
  const organisationId = demo.organisations.find((o) => o.alias === 'vp-de-wieg')?.id;
  if (!organisationId) throw new Error('infra/demo/organisations.json has no vp-de-wieg');
  const token = await accessToken(stack.issuer, PROBE_USER, 'demo');
  await graphql(stack.apiUrl, token, '{ me { user { id } } }', {}, organisationId);
  const side = productIncidents(stack, [{ username: PROBE_USER, alias: 'vp-de-wieg', organisationId, token }]);
  const request = side.requests[0]!;
  const answer = await fetch(`${side.baseUrl}${request.path}`, {
    method: 'POST',
    headers: request.headers,
    body: request.body,
  });
  const text = await answer.text();
  if (!side.isGood(answer.status, text))
    throw new Error(`${PROBE_USER}'s incidents(first: 50) answered ${answer.status}: ${text.slice(0, 300)}`);
  return side;
}

/**
 * Asks one request at a fixed rate (open loop: a slow answer does not delay the next request), each answer tagged
 * with the phase it was asked in, on kept-alive connections as a portal's browser would.
 */
class Probe {
  phase = 'start';
  private readonly samples = new Map<string, { ms: number[]; bad: number }>();
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly side: Side;
  private readonly ratePerSecond: number;

  constructor(side: Side, ratePerSecond: number) {
    this.side = side;
    this.ratePerSecond = ratePerSecond;
  }

  start(): void {
    this.running = true;
    const interval = 1000 / this.ratePerSecond;
    let next = performance.now();
    const tick = (): void => {
      if (!this.running) return;
      this.fire();
      next += interval;
      // Behind by more than a second (the bench process itself was starved): start counting again from now.
      if (performance.now() - next > 1000) next = performance.now();
      this.timer = setTimeout(tick, Math.max(0, next - performance.now()));
    };
    tick();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await Promise.all(this.inFlight);
  }

  summary(phase: string, seconds: number): PhaseResult {
    const s = this.samples.get(phase) ?? { ms: [], bad: 0 };
    return { seconds, probes: s.ms.length, bad: s.bad, p50: percentile(s.ms, 50), p99: percentile(s.ms, 99) };
  }

  private fire(): void {
    const phase = this.phase;
    const request = this.side.requests[0]!;
    const started = performance.now();
    const record = (good: boolean): void => {
      const ms = performance.now() - started;
      let s = this.samples.get(phase);
      if (!s) this.samples.set(phase, (s = { ms: [], bad: 0 }));
      s.ms.push(ms);
      if (!good) s.bad++;
    };
    const done = fetch(`${this.side.baseUrl}${request.path}`, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
    })
      .then(async (res) => record(this.side.isGood(res.status, await res.text())))
      .catch(() => record(false))
      .finally(() => this.inFlight.delete(done));
    this.inFlight.add(done);
  }
}

/** HINQ's systems: the day's batches in order, `pushers` at a time, with a client-credentials token. */
class Pusher {
  accepted = 0;
  rejected = 0;
  retries = 0;
  readonly batchMs: number[] = [];
  private next = 0;
  private token: { value: string; until: number } | undefined;
  private readonly stack: BenchStack;
  private readonly day: SyntheticDay;
  private readonly pushers: number;
  private readonly speedup: number;

  constructor(stack: BenchStack, day: SyntheticDay, pushers: number, speedup: number) {
    this.stack = stack;
    this.day = day;
    this.pushers = pushers;
    this.speedup = speedup;
  }

  /** One batch outside the day (two hours before it, one quiet account), so the first counted push is not cold. */
  async warmUp(): Promise<void> {
    const at = this.day.start - 2 * HOUR;
    // Ten accesses in an hour: below every rule's threshold, whatever the hour.
    const lines = Array.from(
      { length: 10 },
      (_, i) =>
        `${new Date(at + i * 6 * 60_000).toISOString()},warm.0001,vp-de-wieg,vp-de-wieg,PSN-W${String(i).padStart(5, '0')},open`,
    );
    await this.push('kijklog-warm-up', lines);
  }

  /** Pushes the batches up to (not including) `until`; the events and batches accepted in this call. */
  async pushUntil(until: number, paced = true): Promise<{ batches: number; events: number }> {
    let batches = 0;
    let events = 0;
    const first = this.next;
    const started = performance.now();
    const worker = async (): Promise<void> => {
      while (this.next < until) {
        const index = this.next++;
        if (paced && this.speedup > 0) {
          // Paced: each batch leaves at its own moment of the day, compressed `speedup` times, as HINQ's system
          // would push it a minute after the minute (the phase starts at the phase's first batch).
          const due = started + ((index - first) * this.day.batchMinutes * 60_000) / this.speedup;
          const wait = due - performance.now();
          if (wait > 0) await sleep(wait);
        }
        const lines = this.day.batches[index]!;
        // Dropped once sent: the bench holds a day of lines only until each is pushed.
        this.day.batches[index] = [];
        const from = new Date(this.day.start + index * this.day.batchMinutes * 60_000);
        const answer = await this.push(`kijklog-${from.toISOString().slice(0, 16)}Z`, lines);
        batches++;
        events += answer.events;
      }
    };
    await Promise.all(Array.from({ length: this.pushers }, worker));
    return { batches, events };
  }

  private async push(batchId: string, lines: string[]): Promise<{ events: number; rejected: number }> {
    const started = performance.now();
    const body = batchBody(lines);
    let res: Response | undefined;
    // A connection the server closed meanwhile is retried, as HINQ's system would: a batch counts once whatever
    // the number of attempts (the feed is idempotent per batch id).
    for (let attempt = 1; !res; attempt++) {
      try {
        res = await fetch(`${this.stack.apiUrl}/viewer-log/feed?batch=${encodeURIComponent(batchId)}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${await this.machineToken()}`, 'content-type': 'text/csv' },
          body,
        });
      } catch (error) {
        const cause = (error as Error & { cause?: Error }).cause;
        if (attempt >= 3) throw new Error(`push of ${batchId} failed: ${(error as Error).message} (${cause?.message})`);
        this.retries++;
      }
    }
    const text = await res.text();
    this.batchMs.push(performance.now() - started);
    if (res.status !== 201 && !(res.status === 200 && this.retries > 0))
      throw new Error(`push of ${batchId} answered ${res.status}: ${text.slice(0, 500)}`);
    const answer = JSON.parse(text) as { events: number; rejected: number };
    if (answer.events !== lines.length || answer.rejected !== 0)
      throw new Error(`push of ${batchId}: ${lines.length} lines sent, answer ${text.slice(0, 500)}`);
    if (!batchId.endsWith('warm-up')) {
      this.accepted += answer.events;
      this.rejected += answer.rejected;
    }
    return answer;
  }

  /** A client-credentials token of HINQ's machine client (the demo file's development secret), renewed in time. */
  private async machineToken(): Promise<string> {
    if (this.token && this.token.until > Date.now()) return this.token.value;
    const res = await fetch(`${this.stack.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('hinq-viewer-log:dev-hinq-viewer-log-secret').toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    if (res.status !== 200) throw new Error(`client credentials refused: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { access_token: string; expires_in: number };
    this.token = { value: body.access_token, until: Date.now() + (body.expires_in - 30) * 1000 };
    return body.access_token;
  }
}

/**
 * Correctness, read as the schema owner: every expected alert raised in exactly the organisations it concerns, each
 * with its incident, nothing else (no alert names a normal account), every event stored, no pseudonym stored.
 * Fails loudly: figures of a detection that misses or invents alerts are worth nothing.
 */
async function checkAlerts(stack: BenchStack, day: SyntheticDay, pusher: Pusher): Promise<DetectResult['alerts']> {
  const db = new pg.Client({ connectionString: stack.migrationUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{
      rule: string;
      account: string;
      window_start: Date;
      organisations: string[];
      incidents: number;
    }>(
      `SELECT a.rule, a.account, a.window_start, array_agg(o.alias ORDER BY o.alias) AS organisations,
              count(a.incident_id)::int AS incidents
         FROM viewer_log_alerts a JOIN organisations o ON o.id = a.organisation_id
        GROUP BY a.rule, a.account, a.window_start`,
    );
    const key = (rule: string, account: string, at: number) => `${rule} ${account} ${new Date(at).toISOString()}`;
    const wanted = new Map(day.expected.map((e: ExpectedAlert) => [key(e.rule, e.account, e.windowStart), e]));
    const problems: string[] = [];
    for (const r of rows) {
      const k = key(r.rule, r.account, new Date(r.window_start).getTime());
      const e = wanted.get(k);
      if (!e) problems.push(`unexpected alert ${k} in ${r.organisations.join(', ')}`);
      else if (r.organisations.join(',') !== [...e.organisations].sort().join(','))
        problems.push(`alert ${k} raised in ${r.organisations.join(', ')}, expected ${e.organisations.join(', ')}`);
      if (r.incidents !== r.organisations.length) problems.push(`alert ${k}: ${r.incidents} incidents`);
      wanted.delete(k);
    }
    for (const k of wanted.keys()) problems.push(`missing alert ${k}`);
    for (const rule of ['MANY_ORGANISATIONS', 'UNUSUAL_HOURS', 'TWO_ORGANISATIONS'])
      if (!rows.some((r) => r.rule === rule)) problems.push(`no ${rule} alert at all`);
    const [{ events, pseudonyms }] = (
      await db.query<{ events: number; pseudonyms: number }>(
        `SELECT count(*) FILTER (WHERE batch_id LIKE 'kijklog-2%')::int AS events,
                count(*) FILTER (WHERE record_key LIKE 'PSN-%')::int AS pseudonyms FROM viewer_log_events`,
      )
    ).rows as [{ events: number; pseudonyms: number }];
    if (events !== day.events || pusher.accepted !== day.events)
      problems.push(`${day.events} events pushed, ${pusher.accepted} accepted, ${events} stored`);
    if (pseudonyms !== 0) problems.push(`${pseudonyms} events store a pseudonym as their key`);
    if (problems.length) throw new Error(`detection is wrong: ${problems.join('; ')}`);
    const byRule: Record<string, number> = {};
    for (const r of rows) byRule[r.rule] = (byRule[r.rule] ?? 0) + 1;
    return {
      expected: day.expected.length,
      raised: rows.length,
      rows: rows.reduce((n, r) => n + r.organisations.length, 0),
      incidents: rows.reduce((n, r) => n + r.incidents, 0),
      byRule,
    };
  } finally {
    await db.end();
  }
}
