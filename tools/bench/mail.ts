// Scenario "mail" of `npm run bench` (only with `--only mail`; not part of the default run): the notification engine
// of issue 16 in the product process, against an SMTP server in this process (smtp-server, counting only) and the
// bench's own PostgreSQL. Three questions:
// 1. throughput: a backlog of messages put in the outbox at once — how many mails per second does the API's worker
//    hand to the SMTP server, sustained (total, and the slowest 5-second window)?
// 2. reminders: 10,000 open clocks (incidents cloned in SQL from one reported through GraphQL, each with its four
//    reminder timers and the overdue escalation); for each, the next reminder falls due inside a window (default 120
//    s: about a thousand times denser than 10,000 real 72-hour clocks) — how late does the product fire them?
//    Lateness is the product's own record (notification_timers.late_ms: fired_at − due_at).
// 3. request latency: `me { user { id } }` under load, with the worker idle vs delivering a backlog, alternating
//    rounds — p99 while delivering ÷ p99 idle, per round.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { graphql, graphqlHeaders } from './http.ts';
import { runLoad, type RunResult, type Side } from './load.ts';
import type { BenchOptions } from './options.ts';
import type { BenchStack } from './stack.ts';
import { median, pairedRatios, percentile, spread, type RatioSummary } from './stats.ts';
import type { Tenant } from './tenants.ts';

/** The SMTP server the API mails to during the benchmark: accepts everything, keeps only arrival times. */
export class CountingSmtp {
  readonly arrivals: { at: number; to: string }[] = [];
  private server: SMTPServer | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          const at = Date.now();
          for (const r of session.envelope.rcptTo) this.arrivals.push({ at, to: r.address });
          callback();
        });
      },
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server.server, 'listening');
    this.url = `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export interface MailResult {
  throughput: { messages: number; seconds: number; perSecond: number; slowest5sWindowPerSecond: number };
  reminders: {
    clocks: number;
    windowS: number;
    fired: number;
    lateMs: { p50: number; p99: number; max: number };
    mailsEnqueued: number;
  };
  latency: {
    connections: number;
    durationS: number;
    idleP99: number[];
    deliveringP99: number[];
    p99Ratio: RatioSummary;
    mailsDuringRuns: number[];
  };
}

const ME = JSON.stringify({ query: 'query Me { me { user { id } } }' });

export async function scenarioMail(
  stack: BenchStack,
  smtp: CountingSmtp,
  options: BenchOptions,
  one: Tenant,
  say: (line: string) => void,
): Promise<MailResult> {
  const db = new pg.Client({ connectionString: stack.migrationUrl });
  await db.connect();
  try {
    const template = await reportOne(stack, db, one);
    // 1. Throughput.
    const messages = options.quick ? 1000 : options.mailMessages;
    say(`mail: ${messages} messages into the outbox at once …`);
    const throughput = await deliverBacklog(db, smtp, template, messages, 'tp', 300_000);
    say(
      `mail: ${throughput.perSecond.toFixed(0)} mails/s over ${throughput.seconds.toFixed(1)} s (slowest 5 s: ${throughput.slowest5sWindowPerSecond.toFixed(0)}/s)`,
    );

    // 3. Latency, idle vs delivering (before the reminders: their mails would still be draining).
    const side: Side = {
      name: 'me',
      baseUrl: stack.apiUrl,
      requests: [
        { method: 'POST', path: '/graphql', headers: graphqlHeaders(one.token, one.organisationId), body: ME },
      ],
      isGood: (status, body) => status === 200 && body.startsWith('{"data":{"me":'),
    };
    const durationS = options.quick ? 3 : options.durationS;
    const connections = 8;
    const idle: RunResult[] = [];
    const delivering: RunResult[] = [];
    const mailsDuringRuns: number[] = [];
    await runLoad(side, connections, options.warmupS || 1);
    for (let round = 0; round < options.rounds; round += 1) {
      for (const busy of round % 2 === 0 ? [false, true] : [true, false]) {
        if (!busy) {
          idle.push(await runLoad(side, connections, durationS));
          continue;
        }
        // Enough for the worker to stay busy the whole run (1.5× what it delivered per second above).
        const backlog = Math.ceil(throughput.perSecond * durationS * 1.5);
        const before = smtp.arrivals.length;
        await enqueueCopies(db, template, backlog, `lat${round}`);
        delivering.push(await runLoad(side, connections, durationS));
        mailsDuringRuns.push(smtp.arrivals.length - before);
        await drain(db, 120_000);
      }
    }
    const latency = {
      connections,
      durationS,
      idleP99: idle.map((r) => r.p99),
      deliveringP99: delivering.map((r) => r.p99),
      p99Ratio: pairedRatios(
        delivering.map((r) => r.p99),
        idle.map((r) => r.p99),
      ),
      mailsDuringRuns,
    };
    say(
      `mail: me p99 idle ${median(latency.idleP99).toFixed(1)} ms, delivering ${median(latency.deliveringP99).toFixed(1)} ms (ratio ${latency.p99Ratio.median.toFixed(2)})`,
    );

    // 2. Reminders of 10,000 open clocks.
    const clocks = options.quick ? 2000 : options.mailClocks;
    const windowS = options.quick ? 30 : options.mailWindowS;
    say(`mail: ${clocks} open clocks, next reminders due over ${windowS} s …`);
    const reminders = await remindersOf(db, template, clocks, windowS);
    say(
      `mail: ${reminders.fired} reminders fired, late p50 ${reminders.lateMs.p50} ms, p99 ${reminders.lateMs.p99} ms, max ${reminders.lateMs.max} ms`,
    );
    return { throughput, reminders, latency };
  } finally {
    await db.end();
  }
}

interface Template {
  incidentId: string;
  organisationId: string;
  outboxId: string;
}

/** One breach reported through the API: its outbox row and incident are the templates of the SQL copies. */
async function reportOne(stack: BenchStack, db: pg.Client, one: Tenant): Promise<Template> {
  const data = await graphql<{ reportBreach: { id: string } }>(
    stack.apiUrl,
    one.token,
    `
      mutation ($input: ReportBreachInput!) {
        reportBreach(input: $input) {
          id
        }
      }
    `,
    { input: { whatHappened: 'Benchmark.', stillOngoing: 'NO', otherOrganisationsInvolved: 'NO', exercise: false } },
    one.organisationId,
  );
  const incidentId = data.reportBreach.id;
  for (let i = 0; i < 100; i += 1) {
    const rows = await db.query<{ id: string; organisation_id: string }>(
      `SELECT id::text, organisation_id::text FROM notification_outbox
        WHERE incident_id = $1 AND recipient_address IS NOT NULL ORDER BY created_at LIMIT 1`,
      [incidentId],
    );
    if (rows.rows[0]) return { incidentId, organisationId: rows.rows[0].organisation_id, outboxId: rows.rows[0].id };
    await sleep(100);
  }
  throw new Error('The reported breach enqueued no mail with an address (has the FG signed in?)');
}

/** `count` copies of the template message, each to its own address, queued now, in one statement. */
async function enqueueCopies(db: pg.Client, t: Template, count: number, tag: string): Promise<void> {
  await db.query(
    `INSERT INTO notification_outbox (organisation_id, incident_id, idempotency_key, event, cause, recipient_role,
                                      recipient_address, locale, payload, status, next_attempt_at, created_at)
     SELECT o.organisation_id, o.incident_id, 'bench:' || $3 || ':' || g, o.event, 'bench:' || $3, o.recipient_role,
            'bench-' || $3 || '-' || g || '@example.org', o.locale, o.payload, 'queued', now(), now()
       FROM notification_outbox o, generate_series(1, $2::int) g WHERE o.id = $1`,
    [t.outboxId, count, tag],
  );
}

async function drain(db: pg.Client, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification_outbox WHERE status IN ('queued', 'retrying', 'sending')`,
    );
    if (rows[0]!.n === 0) return;
    await sleep(200);
  }
  throw new Error('The outbox did not drain in time');
}

async function deliverBacklog(
  db: pg.Client,
  smtp: CountingSmtp,
  t: Template,
  count: number,
  tag: string,
  timeoutMs: number,
): Promise<MailResult['throughput']> {
  await drain(db, 60_000);
  const mine = (a: { to: string }) => a.to.startsWith(`bench-${tag}-`);
  const start = Date.now();
  await enqueueCopies(db, t, count, tag);
  const until = Date.now() + timeoutMs;
  while (smtp.arrivals.filter(mine).length < count) {
    if (Date.now() > until) throw new Error(`Only ${smtp.arrivals.filter(mine).length} of ${count} mails arrived`);
    await sleep(200);
  }
  const times = smtp.arrivals.filter(mine).map((a) => a.at);
  const end = Math.max(...times);
  const seconds = (end - start) / 1000;
  // The slowest full 5-second window between the first and the last arrival: "sustained", not only on average.
  const first = Math.min(...times);
  const windows: number[] = [];
  for (let from = first; from + 5000 <= end; from += 5000) {
    windows.push(times.filter((at) => at >= from && at < from + 5000).length / 5);
  }
  return {
    messages: count,
    seconds,
    perSecond: count / seconds,
    slowest5sWindowPerSecond: windows.length ? spread(windows).min : count / seconds,
  };
}

/**
 * 10,000 open clocks: the reported incident cloned in SQL (same organisation, numbers far above the real ones), each
 * with the product's timer rows — the next reminder due at a random moment in the window from 10 s on, the later
 * points and the overdue escalation days ahead (pending, in the same index, as in a real database).
 */
async function remindersOf(
  db: pg.Client,
  t: Template,
  clocks: number,
  windowS: number,
): Promise<MailResult['reminders']> {
  const { rows: columns } = await db.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = 'incidents' AND is_generated = 'NEVER'
        AND column_name NOT IN ('id', 'number') ORDER BY ordinal_position`,
  );
  const list = columns.map((c) => `"${c.column_name}"`).join(', ');
  const { rows: created } = await db.query<{ id: string }>(
    `INSERT INTO incidents (id, number, ${list})
     SELECT gen_random_uuid(), 1000000 + g, ${list} FROM incidents i, generate_series(1, $2::int) g WHERE i.id = $1
     RETURNING id::text`,
    [t.incidentId, clocks],
  );
  const ids = created.map((r) => r.id);
  const startsAt = Date.now() + 10_000;
  await db.query(
    `INSERT INTO notification_timers (organisation_id, incident_id, kind, point_permille, due_at, status, payload)
     SELECT x.organisation_id, c.id, p.kind, p.permille,
            CASE WHEN p.permille = 500 AND p.kind = 'ap-reminder'
                 THEN to_timestamp(($3::bigint + floor(random() * $4::bigint * 1000)) / 1000.0)
                 ELSE now() + make_interval(days => 3) END,
            'pending', x.payload
       FROM unnest($2::uuid[]) AS c(id)
      CROSS JOIN (VALUES ('ap-reminder', 500), ('ap-reminder', 750), ('ap-reminder', 900), ('ap-reminder', 1000),
                         ('ap-overdue', 1000)) AS p(kind, permille)
      CROSS JOIN (SELECT organisation_id, payload FROM notification_timers WHERE incident_id = $1 LIMIT 1) x`,
    [t.incidentId, ids, startsAt, windowS],
  );
  const until = startsAt + windowS * 1000 + 120_000;
  let fired = 0;
  while (Date.now() < until) {
    await sleep(1000);
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification_timers
        WHERE incident_id = ANY ($1::uuid[]) AND point_permille = 500 AND kind = 'ap-reminder' AND status = 'fired'`,
      [ids],
    );
    fired = rows[0]!.n;
    if (fired === clocks) break;
  }
  const { rows: late } = await db.query<{ late_ms: string }>(
    `SELECT late_ms FROM notification_timers
      WHERE incident_id = ANY ($1::uuid[]) AND point_permille = 500 AND kind = 'ap-reminder' AND status = 'fired'`,
    [ids],
  );
  const lateMs = late.map((r) => Number(r.late_ms));
  const { rows: mails } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM notification_outbox WHERE incident_id = ANY ($1::uuid[])`,
    [ids],
  );
  return {
    clocks,
    windowS,
    fired,
    lateMs: { p50: percentile(lateMs, 50), p99: percentile(lateMs, 99), max: spread(lateMs).max },
    mailsEnqueued: mails[0]!.n,
  };
}
