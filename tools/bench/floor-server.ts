// The floor: a bare node:http + pg server doing only the product's SQL work per request, as the app role (so
// row-level security applies) with the same pool size. What the product adds on top of this is what the
// benchmark measures. Runs as its own process, like the API, so neither shares an event loop with the load
// generator. Prints one JSON line {"port": n} when it listens; exits when its parent closes stdin.
//
//   POST /access-log   header x-organisation-id: BEGIN; set_config(tenant); page SELECT; COMMIT → JSON page
//   POST /incidents    header x-organisation-id: BEGIN; set_config(tenant); the API's own incident list SQL
//                      (incidentListSql from dist/api, as an FG reads it: no filter, first 50 + 1); COMMIT
//   POST /select1      SELECT 1 → JSON shaped like `me { user { id } }`
//   GET /register.csv  header x-organisation-id: BEGIN; set_config(tenant); the API's own register SQL (registerSql
//                      from dist/api, no filter) through a cursor, 200 rows per FETCH as the export does; each row
//                      written as one plain CSV line of its stored texts, with back-pressure; COMMIT
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import pg from 'pg';
import { loadApiBuild } from './api-build.ts';
import { ACCESS_LOG_PAGE_SQL, PAGE_SIZE, SET_TENANT_SQL } from './floor-sql.ts';

const databaseUrl = process.env['FLOOR_DATABASE_URL'];
if (!databaseUrl) {
  console.error('floor: FLOOR_DATABASE_URL is required');
  process.exit(1);
}
const pool = new pg.Pool({
  connectionString: databaseUrl,
  max: Number(process.env['FLOOR_POOL_MAX'] ?? 10),
  application_name: 'babyconnect-bench-floor',
});
pool.on('error', (error) => console.error(`floor: idle client error: ${error.message}`));

// The build exists (the benchmark builds the API before it starts the floor); loading it costs nothing per request.
const { incidentListSql, registerSql } = loadApiBuild(resolve(import.meta.dirname, '../..'));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function accessLog(organisationId: string): Promise<unknown> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(SET_TENANT_SQL, [organisationId]);
    const { rows } = await client.query<{ seq: string }>(ACCESS_LOG_PAGE_SQL, [organisationId, null, PAGE_SIZE + 1]);
    await client.query('COMMIT');
    const entries = rows.slice(0, PAGE_SIZE);
    return { data: { accessLog: { entries, nextCursor: rows.length > PAGE_SIZE ? entries.at(-1)!.seq : null } } };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function incidents(organisationId: string): Promise<unknown> {
  const { sql, params } = incidentListSql(organisationId, {
    first: PAGE_SIZE + 1,
    after: null,
    sort: 'reported-newest',
    reportedBy: null,
    discoveredFrom: null,
    discoveredTo: null,
    text: null,
    stage: null,
    exercise: null,
    clockState: null,
    now: new Date(),
  });
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(SET_TENANT_SQL, [organisationId]);
    const { rows } = await client.query<{ id: string }>(sql, params);
    await client.query('COMMIT');
    const nodes = rows.slice(0, PAGE_SIZE);
    return { data: { incidents: { nodes, nextCursor: rows.length > PAGE_SIZE ? nodes.at(-1)!.id : null } } };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Rows per FETCH: the API's EXPORT_BATCH (apps/api/src/exports/exports.service.ts). */
const EXPORT_BATCH = 200;

interface RegisterRow {
  year: number;
  number: number;
  discovered_at: Date;
  state: {
    stage?: string;
    report?: { whatHappened?: string };
    assessment?: { reasoning?: string } | null;
    apDecision?: { reasoning?: string } | null;
    closure?: { consequences?: string | null } | null;
  };
}

const quoted = (value: string | null | undefined): string => `"${(value ?? '').replace(/"/g, '""')}"`;

/**
 * The register's rows as plain CSV: the work an export cannot avoid (the same statement and cursor, the rows'
 * JSON parsed by pg, bytes out with back-pressure) without what the product adds (the register entry per row, the
 * labels and clock, neutralising, csv-stringify, the access log).
 */
async function registerCsv(organisationId: string, res: ServerResponse): Promise<void> {
  const { sql, params } = registerSql(
    organisationId,
    { list: 'breaches', from: null, to: null, stage: null, kind: null, notified: null, late: null, now: new Date() },
    null,
    null,
  );
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(SET_TENANT_SQL, [organisationId]);
    await client.query(`DECLARE floor_register NO SCROLL CURSOR FOR ${sql}`, params);
    res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
    res.write('\uFEFFreference;discovered;stage;what happened;assessment;AP decision;consequences\r\n');
    for (;;) {
      const { rows } = await client.query<RegisterRow>(`FETCH FORWARD ${EXPORT_BATCH} FROM floor_register`);
      let chunk = '';
      for (const r of rows) {
        const s = r.state;
        chunk +=
          `${r.year}-${r.number};${r.discovered_at.toISOString()};${s.stage ?? ''};${quoted(s.report?.whatHappened)};` +
          `${quoted(s.assessment?.reasoning)};${quoted(s.apDecision?.reasoning)};${quoted(s.closure?.consequences)}\r\n`;
      }
      if (chunk && !res.write(chunk)) await once(res, 'drain');
      if (rows.length < EXPORT_BATCH) break;
    }
    await client.query('COMMIT');
    res.end();
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function selectOne(): Promise<unknown> {
  const { rows } = await pool.query<{ one: number }>('SELECT 1 AS one');
  return { data: { me: { user: { id: String(rows[0]!.one) } } } };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Read the body as the API must (the same GraphQL document is sent to both sides).
  for await (const _chunk of req) {
    // drained
  }
  if (req.method === 'POST' && req.url === '/access-log') {
    const organisationId = String(req.headers['x-organisation-id'] ?? '');
    if (!UUID.test(organisationId)) return send(res, 400, { error: 'x-organisation-id must be a uuid' });
    return send(res, 200, await accessLog(organisationId));
  }
  if (req.method === 'POST' && req.url === '/incidents') {
    const organisationId = String(req.headers['x-organisation-id'] ?? '');
    if (!UUID.test(organisationId)) return send(res, 400, { error: 'x-organisation-id must be a uuid' });
    return send(res, 200, await incidents(organisationId));
  }
  if (req.method === 'POST' && req.url === '/select1') return send(res, 200, await selectOne());
  if (req.method === 'GET' && req.url === '/register.csv') {
    const organisationId = String(req.headers['x-organisation-id'] ?? '');
    if (!UUID.test(organisationId)) return send(res, 400, { error: 'x-organisation-id must be a uuid' });
    return registerCsv(organisationId, res);
  }
  send(res, 404, { error: 'not found' });
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    if (!res.headersSent) send(res, 500, { error: (error as Error).message });
    else res.destroy();
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});

const stop = (): void => {
  server.close();
  server.closeAllConnections();
  void pool.end().finally(() => process.exit(0));
};
// The parent holds our stdin open: when it goes away (even killed), so do we.
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
