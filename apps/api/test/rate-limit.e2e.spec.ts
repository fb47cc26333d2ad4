import request from 'supertest';
import type { App } from 'supertest/types';
import { Metrics } from '../src/metrics/metrics';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// Refused requests are rate-limited per client: more than RATE_LIMIT_REFUSALS refusals within RATE_LIMIT_WINDOW_MS
// and the client gets 429 until the window has passed. A client is the person when the token verifies, otherwise
// the address (X-Forwarded-For only with TRUST_PROXY). Every test uses its own addresses and people, so the order
// of the tests does not matter.

jest.setTimeout(60_000);

const ME = '{ me { actingRoles } }';

interface Call {
  query?: string;
  from?: string;
  token?: string;
  authorization?: string;
  language?: string;
  body?: string;
}

interface Answer {
  status: number;
  retryAfter: string | undefined;
  code: unknown;
  message: string | undefined;
  data: unknown;
}

async function call(http: App, c: Call): Promise<Answer> {
  const req = request(http).post('/graphql').set('content-type', 'application/json');
  if (c.from) req.set('x-forwarded-for', c.from);
  if (c.token) req.set('authorization', `Bearer ${c.token}`);
  if (c.authorization) req.set('authorization', c.authorization);
  if (c.language) req.set('accept-language', c.language);
  const res = await req.send(c.body ?? JSON.stringify({ query: c.query ?? ME }));
  const body = res.body as { data?: unknown; errors?: { message: string; extensions?: { code?: unknown } }[] };
  return {
    status: res.status,
    retryAfter: res.headers['retry-after'],
    code: body.errors?.[0]?.extensions?.code,
    message: body.errors?.[0]?.message,
    data: body.data ?? null,
  };
}

async function refuseTimes(http: App, times: number, c: Call): Promise<void> {
  for (let i = 0; i < times; i++) {
    const answer = await call(http, c);
    expect(answer.status).not.toBe(429);
    expect(answer.code).toBeDefined();
  }
}

function rateLimitedCount(t: TestApp): Promise<number> {
  return t.app
    .get(Metrics)
    .registry.getSingleMetric('babyconnect_rate_limited_total')!
    .get()
    .then((m) => m.values[0]?.value ?? 0);
}

describe('rate limit of refused requests (behind a proxy, 5 per minute)', () => {
  let t: TestApp;
  beforeAll(
    async () =>
      (t = await startTestApp({ TRUST_PROXY: 'true', RATE_LIMIT_REFUSALS: '5', RATE_LIMIT_WINDOW_MS: '60000' })),
  );
  afterAll(() => t?.close());

  it('answers 429 with Retry-After after 5 refusals without a token, in Dutch and English, and counts it', async () => {
    const before = await rateLimitedCount(t);
    await refuseTimes(t.http, 5, { from: '203.0.113.1' });

    const nl = await call(t.http, { from: '203.0.113.1' });
    expect(nl.status).toBe(429);
    expect(nl.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(nl.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(nl.retryAfter)).toBeLessThanOrEqual(60);
    expect(nl.message).toBe(
      `Te veel van uw verzoeken zijn geweigerd. Probeer het over ${nl.retryAfter} seconden opnieuw.`,
    );
    const en = await call(t.http, { from: '203.0.113.1', language: 'en' });
    expect(en.status).toBe(429);
    expect(en.message).toMatch(/^Too many of your requests were refused\. Please try again in \d+ seconds\.$/);
    expect(await rateLimitedCount(t)).toBe(before + 2);

    // Before any work: a blocked client's oversized body is not even read (413 otherwise).
    const big = await call(t.http, {
      from: '203.0.113.1',
      body: JSON.stringify({ query: ME, x: 'x'.repeat(1_100_000) }),
    });
    expect(big.status).toBe(429);

    // Another client is not affected.
    expect(await call(t.http, { from: '203.0.113.2' })).toMatchObject({ status: 200, code: 'UNAUTHENTICATED' });
  });

  it('counts requests refused before execution: syntax, validation and limits', async () => {
    const from = '203.0.113.3';
    await refuseTimes(t.http, 2, { from, query: '{ me { actingRoles }' });
    await refuseTimes(t.http, 2, { from, query: '{ me { nope } }' });
    await refuseTimes(t.http, 1, { from, query: `{ ${'a: __typename '.repeat(51)} }` });
    expect(await call(t.http, { from })).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
  });

  it('never counts the allowed requests of a signed-in person', async () => {
    const token = await tokenFor('wieg-privacy');
    const from = '203.0.113.4';
    for (let i = 0; i < 12; i++) {
      expect(await call(t.http, { from, token })).toMatchObject({
        status: 200,
        data: { me: { actingRoles: ['privacy-officer'] } },
      });
    }
    expect(await call(t.http, { from })).toMatchObject({ status: 200, code: 'UNAUTHENTICATED' });
  });

  it('lets a valid token through a blocked address, but no missing, malformed or forged one', async () => {
    const from = '203.0.113.5';
    await refuseTimes(t.http, 5, { from, authorization: 'Bearer not-a-token' });
    expect(await call(t.http, { from })).toMatchObject({ status: 429 });

    const token = await tokenFor('nest-privacy');
    expect(await call(t.http, { from, token })).toMatchObject({
      status: 200,
      data: { me: { actingRoles: ['privacy-officer'] } },
    });
    expect(await call(t.http, { from, authorization: 'Bearer not-a-token' })).toMatchObject({ status: 429 });
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${payload}.${signature!.slice(0, 10)}${signature![10] === 'A' ? 'B' : 'A'}${signature!.slice(11)}`;
    expect(await call(t.http, { from, token: forged })).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
  });

  it('counts a signed-in person’s refusals against the person, from whatever address', async () => {
    const employee = await tokenFor('wieg-medewerker');
    const accessLog = '{ accessLog { entries { seq } } }';
    for (let i = 0; i < 5; i++) {
      expect(await call(t.http, { from: `198.51.100.${i + 1}`, token: employee, query: accessLog })).toMatchObject({
        status: 200,
        code: 'FORBIDDEN',
      });
    }
    // Blocked as a person: also for what they may do, and from a fresh address.
    expect(await call(t.http, { from: '198.51.100.99', token: employee })).toMatchObject({
      status: 429,
      code: 'TOO_MANY_REQUESTS',
    });
    // The address is not blocked for others, nor anonymous refusals counted there yet.
    const other = await tokenFor('zuiderhaven-privacy');
    expect(await call(t.http, { from: '198.51.100.1', token: other })).toMatchObject({ status: 200 });
    expect(await call(t.http, { from: '198.51.100.1' })).toMatchObject({ status: 200, code: 'UNAUTHENTICATED' });
  });
});

describe('rate limit of refused requests (no proxy, 3 per 4 s)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ RATE_LIMIT_REFUSALS: '3', RATE_LIMIT_WINDOW_MS: '4000' })));
  afterAll(() => t?.close());

  it('ignores X-Forwarded-For without TRUST_PROXY, and lets the client in again after the window', async () => {
    for (const from of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) {
      expect(await call(t.http, { from })).toMatchObject({ status: 200, code: 'UNAUTHENTICATED' });
    }
    const blocked = await call(t.http, { from: '192.0.2.4' });
    expect(blocked).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    expect(Number(blocked.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(blocked.retryAfter)).toBeLessThanOrEqual(4);

    await new Promise((resolve) => setTimeout(resolve, Number(blocked.retryAfter) * 1000 + 300));
    expect(await call(t.http, {})).toMatchObject({ status: 200, code: 'UNAUTHENTICATED' });
  });
});
