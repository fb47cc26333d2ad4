import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import request from 'supertest';
import { REQUEST_ID_HEADER } from '@babyconnect/contracts';
import { Metrics } from '../src/metrics/metrics';
import { ExpensiveRequests } from '../src/rate-limit/expensive-requests';
import { logRows } from './support/access-log';
import { as, DECLARE, value, type ChainView } from './support/chain';
import { gql } from './support/gql';
import { report } from './support/incidents';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// The REST routes (exports, viewer-log upload, feed and daily file) under the same refusal limit as /graphql — refused and
// unauthenticated requests counted per client, then 429 with Retry-After — and every export or upload under a
// per-person limit of running ones (EXPENSIVE_REQUESTS_PER_PERSON). Each test uses its own addresses and people, so
// their order does not matter.

jest.setTimeout(120_000);

const UPLOAD = '/viewer-log/chain-incidents/00000000-0000-4000-8000-000000000001/analyses?accounts=a';
const CSV = 'timestamp,user,user_organisation,record_organisation,record_pseudonym,action\n';

interface Plain {
  status: number;
  retryAfter: string | undefined;
  code: unknown;
  message: unknown;
}

/** The code and message of either REST error shape: flat (exports) or `errors[0]` (everything else). */
function plain(res: request.Response): Plain {
  const body = res.body as {
    code?: unknown;
    message?: unknown;
    errors?: { message: unknown; extensions?: { code?: unknown } }[];
  };
  return {
    status: res.status,
    retryAfter: res.headers['retry-after'],
    code: body.code ?? body.errors?.[0]?.extensions?.code,
    message: body.message ?? body.errors?.[0]?.message,
  };
}

function rateLimitedCount(t: TestApp): Promise<number> {
  return t.app
    .get(Metrics)
    .registry.getSingleMetric('babyconnect_rate_limited_total')!
    .get()
    .then((m) => m.values[0]?.value ?? 0);
}

describe('rate limit of refused REST requests (behind a proxy, 5 per minute; 2 running exports per person)', () => {
  let t: TestApp;
  let port: number;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    t = await startTestApp(
      {
        TRUST_PROXY: 'true',
        RATE_LIMIT_REFUSALS: '5',
        RATE_LIMIT_WINDOW_MS: '60000',
        EXPENSIVE_REQUESTS_PER_PERSON: '2',
      },
      undefined,
      logger,
    );
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => t?.close());

  const exportCsv = (from: string, options: { token?: string; id?: string; language?: string } = {}) => {
    const req = request(t.http).get('/exports/register.csv').set('x-forwarded-for', from);
    if (options.token) req.set('authorization', `Bearer ${options.token}`);
    if (options.id) req.set(REQUEST_ID_HEADER, options.id);
    if (options.language) req.set('accept-language', options.language);
    return req.then(plain);
  };
  const upload = (from: string, body: string = CSV, path = UPLOAD) =>
    request(t.http).post(path).set('x-forwarded-for', from).set('content-type', 'text/csv').send(body).then(plain);

  it('an unauthenticated flood on an export route gets 429 after the limit, logged and counted, not written to the access log', async () => {
    const from = '203.0.113.21';
    const before = await rateLimitedCount(t);
    for (let i = 0; i < 5; i++) {
      expect(await exportCsv(from, { id: `flood-export-${i}` })).toMatchObject({
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
    const nl = await exportCsv(from, { id: 'flood-export-5' });
    expect(nl).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    expect(Number(nl.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(nl.retryAfter)).toBeLessThanOrEqual(60);
    expect(nl.message).toBe(
      `Te veel van uw verzoeken zijn geweigerd. Probeer het over ${nl.retryAfter} seconden opnieuw.`,
    );
    const en = await exportCsv(from, { id: 'flood-export-6', language: 'en' });
    expect(en.status).toBe(429);
    expect(en.message).toMatch(/^Too many of your requests were refused\. Please try again in \d+ seconds\.$/);
    expect(await rateLimitedCount(t)).toBe(before + 2);

    // Every refusal has its access-log row; the 429s cost no row (the block saves exactly that work) but have
    // their request line.
    const rows = await logRows(t.db, `request_id LIKE 'flood-export-%'`);
    expect(rows.map((r) => [r.request_id, r.operation, r.result, r.reason])).toEqual(
      [0, 1, 2, 3, 4].map((i) => [`flood-export-${i}`, 'export:register.csv', 'refused', 'UNAUTHENTICATED']),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'request',
        requestId: 'flood-export-5',
        path: '/exports/register.csv',
        status: 429,
      }),
    );

    // The other export routes are closed to this client too.
    expect(plain(await request(t.http).get('/exports/incidents/x.pdf').set('x-forwarded-for', from))).toMatchObject({
      status: 429,
      code: 'TOO_MANY_REQUESTS',
    });
  });

  it('an unauthenticated flood on the upload route gets 429 after the limit, also for the feed and the daily file, without reading the body', async () => {
    const from = '203.0.113.22';
    for (let i = 0; i < 5; i++) expect(await upload(from)).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    const blocked = await upload(from);
    expect(blocked).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    expect(blocked.message).toMatch(/^Te veel van uw verzoeken zijn geweigerd\./);
    expect(Number(blocked.retryAfter)).toBeGreaterThanOrEqual(1);
    // A 3 MB body is answered 429 at once, not read, not 413.
    expect(await upload(from, CSV + 'x'.repeat(3 * 1024 * 1024))).toMatchObject({ status: 429 });
    expect(await upload(from, CSV, '/viewer-log/feed?batch=b1')).toMatchObject({
      status: 429,
      code: 'TOO_MANY_REQUESTS',
    });
    expect(await upload(from, CSV, '/viewer-log/daily')).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    // The health probes are never blocked.
    expect((await request(t.http).get('/health/live').set('x-forwarded-for', from)).status).toBe(200);
  });

  it('a legitimate user is not affected by another client’s flood, not even behind the same address', async () => {
    const from = '203.0.113.23';
    for (let i = 0; i < 6; i++) await upload(from);
    expect(await exportCsv(from)).toMatchObject({ status: 429 });

    const token = await tokenFor('nest-privacy');
    const res = await request(t.http)
      .get('/exports/register.csv')
      .set('x-forwarded-for', from)
      .set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    // Another address, anonymous: refused for what it is, not blocked.
    expect(await exportCsv('203.0.113.24')).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('counts a signed-in person’s REST refusals against the person, from whatever address', async () => {
    const employee = await tokenFor('wieg-medewerker');
    for (let i = 0; i < 5; i++) {
      expect(await exportCsv(`198.51.100.${20 + i}`, { token: employee })).toMatchObject({
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    expect(await exportCsv('198.51.100.99', { token: employee })).toMatchObject({
      status: 429,
      code: 'TOO_MANY_REQUESTS',
    });
    // Their address is not blocked for anyone else.
    expect(await exportCsv('198.51.100.20')).toMatchObject({ status: 401 });
  });

  /** A download as a real client: `headers` once the status is in, `done` with the whole body. */
  function download(token: string, id: string) {
    let headers!: (res: IncomingMessage) => void;
    const started = new Promise<IncomingMessage>((resolve) => (headers = resolve));
    const done = new Promise<{ status: number; body: string; retryAfter?: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/exports/register.csv',
          headers: { authorization: `Bearer ${token}`, [REQUEST_ID_HEADER]: id },
        },
        (res) => {
          headers(res);
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              retryAfter: res.headers['retry-after'] as string | undefined,
            }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
    return { started, done };
  }

  it('refuses the third parallel export of one person with a clear message, and lets it through once the others end', async () => {
    const token = await tokenFor('wieg-privacy');
    const other = await tokenFor('zuiderhaven-privacy');
    // Holds every export at its first read of the register (after its 200 and access-log row are sent), so two stay
    // running for as long as the test wants.
    const su = await t.db.superuser();
    await su.query('BEGIN');
    await su.query('LOCK TABLE incidents IN ACCESS EXCLUSIVE MODE');
    let first!: ReturnType<typeof download>;
    let second!: ReturnType<typeof download>;
    let others!: ReturnType<typeof download>;
    try {
      first = download(token, 'parallel-export-1');
      second = download(token, 'parallel-export-2');
      expect((await first.started).statusCode).toBe(200);
      expect((await second.started).statusCode).toBe(200);

      const third = await download(token, 'parallel-export-3').done;
      expect(third.status).toBe(429);
      expect(third.retryAfter).toBe('5');
      expect(JSON.parse(third.body)).toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        message: 'U heeft al 2 exports of uploads lopen. Wacht tot er een klaar is en probeer het dan opnieuw.',
        i18n: {
          en: 'You already have 2 exports or uploads running. Wait until one has finished, then try again.',
        },
      });
      // Another person's export is not held back by this person's.
      others = download(other, 'parallel-export-other');
      expect((await others.started).statusCode).toBe(200);
    } finally {
      await su.query('COMMIT');
    }
    for (const running of [first, second, others]) {
      const answer = await running.done;
      expect(answer.status).toBe(200);
      expect(answer.body.startsWith('\uFEFF')).toBe(true);
    }

    const again = await download(token, 'parallel-export-4').done;
    expect(again.status).toBe(200);

    const rows = await logRows(t.db, `request_id LIKE 'parallel-export-%' AND result <> 'allowed'`);
    expect(rows.map((r) => [r.request_id, r.result, r.reason])).toEqual([
      ['parallel-export-3', 'refused', 'TOO_MANY_REQUESTS'],
    ]);
  });

  it('counts uploads in the same limit: the third running upload is refused until one ends', async () => {
    const coordinator = await tokenFor('hinq-coordinator');
    const me = await gql<{ me: { user: { id: string } } }>(t.http, {
      token: coordinator,
      query: '{ me { user { id } } }',
    });
    const userId = me.data!.me.user.id;
    const source = await report(t.http, 'zonnedauw-medewerker', { otherOrganisationsInvolved: 'YES' });
    const chain = value(
      await as<{ chainIncident: ChainView }>(t.http, 'zonnedauw-privacy', DECLARE, {
        incidentId: source.id,
        scenario: 'C',
      }),
    ).chainIncident;
    const path = `/viewer-log/chain-incidents/${chain.id}/analyses?accounts=verdacht.1&from=2026-03-01T00:00:00Z&to=2026-03-31T00:00:00Z`;
    // Each upload its own content: the same file twice would be answered as a repeat.
    const line = (record: string) => `2026-03-02T10:00:00+01:00,verdacht.1,kz-zonnedauw,vp-het-nest,${record},open\n`;

    /** An upload whose body stays open until `finish` is called. */
    const open = (language = 'nl') => {
      let finish!: (rest: string) => void;
      const done = new Promise<{ status: number; body: Record<string, unknown>; retryAfter?: string }>(
        (resolve, reject) => {
          const req = httpRequest(
            {
              host: '127.0.0.1',
              port,
              method: 'POST',
              path,
              headers: {
                authorization: `Bearer ${coordinator}`,
                'content-type': 'text/csv',
                'accept-language': language,
              },
            },
            (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () =>
                resolve({
                  status: res.statusCode ?? 0,
                  body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
                  retryAfter: res.headers['retry-after'] as string | undefined,
                }),
              );
            },
          );
          req.on('error', (error) =>
            (error as NodeJS.ErrnoException).code === 'EPIPE' || (error as NodeJS.ErrnoException).code === 'ECONNRESET'
              ? undefined
              : reject(error),
          );
          req.write(CSV);
          finish = (rest) => req.end(rest);
        },
      );
      return { done, finish: (rest: string) => finish(rest) };
    };

    const expensive = t.app.get(ExpensiveRequests);
    const a = open();
    const b = open();
    for (let i = 0; expensive.runningFor(userId) < 2; i++) {
      if (i > 200) throw new Error(`two uploads should be running, ${expensive.runningFor(userId)} are`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const c = open('en');
    c.finish(line('P3'));
    const refused = await c.done;
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe('5');
    expect(refused.body).toMatchObject({
      errors: [
        {
          message: 'You already have 2 exports or uploads running. Wait until one has finished, then try again.',
          extensions: { code: 'TOO_MANY_REQUESTS' },
        },
      ],
    });

    a.finish(line('P1'));
    b.finish(line('P2'));
    expect([201, 200]).toContain((await a.done).status);
    expect([201, 200]).toContain((await b.done).status);
    expect(expensive.runningFor(userId)).toBe(0);
    const d = open();
    d.finish(line('P4'));
    expect([201, 200]).toContain((await d.done).status);
  });
});
