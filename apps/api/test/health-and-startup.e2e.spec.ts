import type { AddressInfo } from 'node:net';
import pino from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { freePort } from '../../../tools/db/free-port';
import { createApp } from '../src/app.factory';
import { ConfigError, loadConfig } from '../src/config/config';
import { DatabaseUnavailableError } from '../src/database/database.module';
import { createLogger } from '../src/logging/logger';
import { gql } from './support/gql';
import {
  OWN_ISSUER,
  accessClaims,
  sign,
  signingKey,
  startJwks,
  type JwksServer,
  type SigningKey,
} from './support/own-identity-provider';
import { issuer, startTestApp, type TestApp } from './support/test-app';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { tokenFor } from './support/tokens';

// Health checks, metrics on their own port, readable start-up failures and graceful shutdown.

describe('health checks', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('answers live without a token', async () => {
    const res = await request(t.http).get('/health/live');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('answers ready when the database is reachable and migrated', async () => {
    const res = await request(t.http).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'ok', migrations: 'ok' } });
  });

  it('does not serve metrics on the API port', async () => {
    const res = await request(t.http).get('/metrics');
    expect(res.status).toBe(404);
    expect(res.text).not.toMatch(/babyconnect_|process_cpu/);
  });
});

describe('readiness on a database without migrations', () => {
  let db: TestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
    t = await startTestApp({}, db);
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('reports migrations pending with 503, and keeps doing so (no connection leaks)', async () => {
    // More probes than the pool has connections: a probe that leaks one would hang the later ones.
    for (let i = 0; i < 12; i++) {
      const res = await request(t.http).get('/health/ready');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'error', checks: { database: 'ok', migrations: 'pending' } });
    }
    expect((await request(t.http).get('/health/live')).status).toBe(200);
  });
});

describe('metrics', () => {
  let t: TestApp;
  let metricsUrl: string;
  beforeAll(async () => {
    const port = await freePort();
    metricsUrl = `http://127.0.0.1:${port}`;
    t = await startTestApp({ METRICS_PORT: String(port) });
  });
  afterAll(() => t?.close());

  const scrape = async () => {
    const res = await fetch(`${metricsUrl}/metrics`);
    expect(res.status).toBe(200);
    return res.text();
  };

  it('counts operations by schema field name on the metrics port', async () => {
    const res = await gql(t.http, { token: await tokenFor('wieg-privacy'), query: '{ me { actingRoles } }' });
    expect(res.errors).toEqual([]);
    const text = await scrape();
    expect(text).toMatch(/^babyconnect_graphql_operations_total\{operation="me",result="allowed"\} [1-9]\d*$/m);
    expect(text).toMatch(/^babyconnect_http_requests_total\{route="\/graphql",status="2xx"\} [1-9]\d*$/m);
  });

  it('never turns an invented operation or field name into a label', async () => {
    await gql(t.http, { query: '{ notAnOperation }' });
    // Executed (signed in): labelled by its field, never by the name the client gave the operation.
    await gql(t.http, {
      token: await tokenFor('wieg-privacy'),
      query: 'query inventedOperationName { me { actingRoles } }',
    });
    await gql(t.http, { query: 'mutation inventedMutation { alsoNotAField }' });
    await request(t.http).get('/invented/path/for/labels');
    const text = await scrape();
    expect(text).not.toMatch(/notAnOperation|inventedOperationName|inventedMutation|alsoNotAField|invented\/path/);
    const labels = [...text.matchAll(/^babyconnect_graphql_operations_total\{operation="([^"]*)"/gm)].map((m) => m[1]);
    expect(labels).toContain('unknown');
    expect(labels).toContain('me');
    expect(labels.every((label) => label === 'unknown' || /^[a-z][A-Za-z]*$/.test(label!))).toBe(true);
    expect(text).toMatch(/^babyconnect_http_requests_total\{route="other",status="4xx"\} [1-9]\d*$/m);
  });

  it('answers only /metrics on the metrics port', async () => {
    const res = await fetch(`${metricsUrl}/graphql`);
    expect(res.status).toBe(404);
    await res.body?.cancel();
  });
});

describe('request log', () => {
  let t: TestApp;
  const lines: Record<string, unknown>[] = [];
  const requestLine = (requestId: string) =>
    lines.filter((l) => l['msg'] === 'request' && l['requestId'] === requestId);

  beforeAll(async () => {
    const logger = createLogger('info', {
      write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
    });
    // Two refusals per window, so that the third request without a token is answered 429 before the body is read.
    t = await startTestApp({ RATE_LIMIT_REFUSALS: '2', RATE_LIMIT_WINDOW_MS: '60000' }, undefined, logger);
  });
  afterAll(() => t?.close());

  it('writes one line per request with the path as requested, the request id, who asked and no token', async () => {
    const token = await tokenFor('wieg-privacy');
    const res = await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${token}`)
      .set('x-request-id', 'log-test-0001')
      .send({ query: '{ me { actingRoles actingOrganisation { id } } }' });
    expect(res.status).toBe(200);
    const organisationId = (res.body as { data: { me: { actingOrganisation: { id: string } } } }).data.me
      .actingOrganisation.id;
    const found = requestLine('log-test-0001');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      service: 'babyconnect-api',
      level: 30,
      method: 'POST',
      path: '/graphql',
      status: 200,
      userId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      organisationId,
    });
    expect(typeof found[0]!['durationMs']).toBe('number');
    // No request or response object, so no headers, no body, no query.
    expect(Object.keys(found[0]!).sort()).toEqual(
      [
        'durationMs',
        'level',
        'method',
        'msg',
        'organisationId',
        'path',
        'requestId',
        'service',
        'status',
        'time',
        'userId',
      ].sort(),
    );
    for (const part of token.split('.')) expect(JSON.stringify(lines)).not.toContain(part);
    expect(JSON.stringify(lines)).not.toContain('actingRoles');
  });

  it('logs the path without its query string and gives an insane request id a fresh one', async () => {
    const res = await request(t.http).get('/health/live?secret=query-value-9f3a').set('x-request-id', 'not sane; <b>');
    const id = res.headers['x-request-id'] as string;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(requestLine(id)).toEqual([expect.objectContaining({ method: 'GET', path: '/health/live', status: 200 })]);
    expect(JSON.stringify(lines)).not.toContain('query-value-9f3a');
  });

  it('gives an id and a line also to requests answered before GraphQL (body too large, rate limited)', async () => {
    const tooLarge = await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-request-id', 'log-test-too-large')
      .send(JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(1_100_000) }));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers['x-request-id']).toBe('log-test-too-large');
    expect(requestLine('log-test-too-large')).toEqual([expect.objectContaining({ path: '/graphql', status: 413 })]);

    let limited;
    for (let i = 0; i < 5 && limited?.status !== 429; i++) {
      limited = await request(t.http)
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('x-request-id', `log-test-limited-${i}`)
        .send({ query: '{ __typename }' });
    }
    expect(limited?.status).toBe(429);
    const id = limited!.headers['x-request-id'] as string;
    expect(id).toMatch(/^log-test-limited-\d$/);
    expect(requestLine(id)).toEqual([expect.objectContaining({ path: '/graphql', status: 429 })]);
  });
});

describe('start-up failures', () => {
  const quiet = pino({ level: 'silent' });
  const configWith = (databaseUrl: string) =>
    loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, OIDC_ISSUER_URL: issuer(), METRICS_PORT: '0' });

  /** createApp must refuse quickly with the one-line message main.ts prints. */
  async function startupError(databaseUrl: string): Promise<Error> {
    const started = Date.now();
    const error = await createApp(configWith(databaseUrl), quiet).then(
      async (app) => {
        await app.close();
        return undefined;
      },
      (e: unknown) => e as Error,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(error!.message).not.toContain('\n');
    return error!;
  }

  it('names the database and says nothing listens there when the port is closed', async () => {
    const port = await freePort();
    const error = await startupError(`postgres://babyconnect_app:secret-password@127.0.0.1:${port}/babyconnect`);
    expect(error.message).toBe(
      `Cannot reach PostgreSQL at 127.0.0.1:${port} (database "babyconnect", user "babyconnect_app"): connection refused. Is PostgreSQL running there? Check DATABASE_URL.`,
    );
  });

  it('says the login was refused, without echoing the password, when the app password is wrong', async () => {
    const db = await createTestDatabase();
    try {
      const url = new URL(db.appUrl);
      url.password = 'not-the-password';
      const error = await startupError(url.toString());
      expect(error.message).toBe(
        `PostgreSQL at ${url.hostname}:${url.port} (database "${db.name}", user "${decodeURIComponent(url.username)}") refused the login: wrong user or password. Check DATABASE_URL.`,
      );
      expect(error.message).not.toContain('not-the-password');
    } finally {
      await db.drop();
    }
  });

  it('says the database does not exist', async () => {
    const url = new URL((await createTestDatabase().then(async (db) => (await db.drop(), db))).appUrl);
    const error = await startupError(url.toString());
    expect(error.message).toMatch(/: the database does not exist\. Create it or check DATABASE_URL\.$/);
  });

  it('names a missing OIDC_ISSUER_URL in one line', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://app:secret@localhost:5432/babyconnect' })).toThrow(
      new ConfigError('Configuration error: OIDC_ISSUER_URL is required.'),
    );
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://app:secret@localhost:5432/babyconnect', OIDC_ISSUER_URL: 'not a url' }),
    ).toThrow(/^Configuration error: OIDC_ISSUER_URL is invalid: expected an http\(s\) URL \(got "not a url"\)\.$/);
  });
});

describe('graceful shutdown', () => {
  let key: SigningKey;
  let jwks: JwksServer;
  let t: TestApp;
  let closed = false;

  beforeAll(async () => {
    key = await signingKey('slow');
    // A key endpoint that takes a second to answer: the one request that needs it stays in flight that long.
    jwks = await startJwks([key.publicJwk], { delayMs: 1000 });
    t = await startTestApp({ OIDC_ISSUER_URL: OWN_ISSUER, OIDC_JWKS_URL: jwks.url });
    await t.app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await jwks.close();
    if (!closed) await t?.close();
  });

  it('lets an in-flight request finish, then closes the database pool', async () => {
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const dataSource = t.app.get(DataSource);
    const token = await sign(
      key,
      accessClaims({ sub: 'late-caller', name: 'Late Caller', groups: ['/orgs/vp-de-wieg/employee'] }),
    );

    const events: string[] = [];
    const inFlight = fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { user { displayName } actingRoles } }' }),
    }).then(async (res) => {
      events.push('response');
      return { status: res.status, body: (await res.json()) as unknown };
    });

    await jwks.firstRequest; // the request is now waiting for the keys
    closed = true;
    const closing = t.close().then(() => events.push('closed'));

    const answer = await inFlight;
    await closing;
    expect(answer).toEqual({
      status: 200,
      body: { data: { me: { user: { displayName: 'Late Caller' }, actingRoles: ['employee'] } } },
    });
    expect(events).toEqual(['response', 'closed']);
    expect(dataSource.isInitialized).toBe(false);
  });
});
