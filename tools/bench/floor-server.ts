// The floor: a bare node:http + pg server doing only the product's SQL work per request, as the app role (so
// row-level security applies) with the same pool size. What the product adds on top of this is what the
// benchmark measures. Runs as its own process, like the API, so neither shares an event loop with the load
// generator. Prints one JSON line {"port": n} when it listens; exits when its parent closes stdin.
//
//   POST /access-log   header x-organisation-id: BEGIN; set_config(tenant); page SELECT; COMMIT → JSON page
//   POST /incidents    header x-organisation-id: BEGIN; set_config(tenant); the API's own incident list SQL
//                      (incidentListSql from dist/api, as an FG reads it: no filter, first 50 + 1); COMMIT
//   POST /select1      SELECT 1 → JSON shaped like `me { user { id } }`
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
const { incidentListSql } = loadApiBuild(resolve(import.meta.dirname, '../..'));

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
