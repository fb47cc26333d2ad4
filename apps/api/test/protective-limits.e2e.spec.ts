import request from 'supertest';
import type { App } from 'supertest/types';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// What protects the API before any token is looked at: query limits, body limits, CSRF prevention, no
// introspection or landing page in production, security headers, CORS and request ids.

interface Answer {
  status: number;
  text: string;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(
  http: App,
  body: unknown,
  options: { language?: string; token?: string; contentType?: string } = {},
): Promise<Answer> {
  const req = request(http)
    .post('/graphql')
    .set('content-type', options.contentType ?? 'application/json');
  if (options.language) req.set('accept-language', options.language);
  if (options.token) req.set('authorization', `Bearer ${options.token}`);
  const res = await req.send(typeof body === 'string' ? body : JSON.stringify(body));
  return { status: res.status, text: res.text, body: res.body as Answer['body'] };
}

/** Refused, readable, in the requested language, and nothing internal in the body. */
function expectRefusal(answer: Answer, code: string, message: RegExp) {
  expect(answer.body.errors).toHaveLength(1);
  const [error] = answer.body.errors!;
  expect(error!.extensions?.['code']).toBe(code);
  expect(error!.message).toMatch(message);
  expect(error!.extensions).not.toHaveProperty('i18n');
  expect(answer.text).not.toMatch(/stacktrace|\bat \S+ \(|node_modules|SELECT |postgres/i);
  expect(answer.body.data ?? null).toBeNull();
}

/** `depth` levels of introspection types: `__schema { types { fields { type { ofType { … name } } } } }`. */
function deepIntrospection(depth: number): string {
  const ofTypes = depth - 5;
  return `{ __schema { types { fields { type { ${'ofType { '.repeat(ofTypes)}name${' }'.repeat(ofTypes)} } } } } }`;
}

describe('protective limits (default configuration)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('refuses a query deeper than 12 levels built from the schema’s own nested types, without a token', async () => {
    // Within the limit it still needs a token, as every operation does.
    const within = await post(t.http, { query: deepIntrospection(12) }, { token: await tokenFor('wieg-fg') });
    expect(within.body.errors).toBeUndefined();

    const nl = await post(t.http, { query: deepIntrospection(13) });
    expectRefusal(nl, 'QUERY_TOO_COMPLEX', /^De vraag is 13 niveaus diep; het maximum is 12\.$/);
    const en = await post(t.http, { query: deepIntrospection(13) }, { language: 'en' });
    expectRefusal(en, 'QUERY_TOO_COMPLEX', /^The query is 13 levels deep; the maximum is 12\.$/);
  });

  it('refuses an alias flood of 51 aliases, before authentication', async () => {
    const flood = `{ ${Array.from({ length: 51 }, (_, i) => `a${i}: me { actingRoles }`).join(' ')} }`;
    expectRefusal(
      await post(t.http, { query: flood }),
      'QUERY_TOO_COMPLEX',
      /^De vraag gebruikt 51 aliassen; het maximum is 50\.$/,
    );
    expectRefusal(
      await post(t.http, { query: flood }, { language: 'en' }),
      'QUERY_TOO_COMPLEX',
      /^The query uses 51 aliases; the maximum is 50\.$/,
    );
    // 50 aliases pass the limit and then meet authentication.
    const fifty = `{ ${Array.from({ length: 50 }, (_, i) => `a${i}: me { actingRoles }`).join(' ')} }`;
    expect((await post(t.http, { query: fifty })).body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('refuses a query over the cost ceiling, also when fragments multiply it', async () => {
    const fragments = [
      'fragment F0 on Me { actingRoles platformAdmin }',
      ...Array.from({ length: 10 }, (_, i) => `fragment F${i + 1} on Me { ...F${i} ...F${i} }`),
    ];
    const bomb = `{ me { ...F10 } } ${fragments.join(' ')}`;
    expectRefusal(
      await post(t.http, { query: bomb }),
      'QUERY_TOO_COMPLEX',
      /^De vraag vraagt 2049 velden op; het maximum is 1000\.$/,
    );
    expectRefusal(
      await post(t.http, { query: bomb }, { language: 'en' }),
      'QUERY_TOO_COMPLEX',
      /^The query selects 2049 fields; the maximum is 1000\.$/,
    );
  });

  it('refuses a query of 1001 repeated fields (graphql-js gives up on merging them before the cost rule answers)', async () => {
    const wide = await post(t.http, { query: `{ me { ${'actingRoles '.repeat(1000)} } }` });
    expect(wide.status).toBe(400);
    expect(wide.body.data ?? null).toBeNull();
    expect(wide.body.errors?.[0]?.extensions?.['code']).toMatch(/^(QUERY_TOO_COMPLEX|GRAPHQL_VALIDATION_FAILED)$/);
  });

  it('refuses the same way with a valid token: the limits come before authentication', async () => {
    const token = await tokenFor('wieg-privacy');
    const flood = `{ ${Array.from({ length: 51 }, (_, i) => `a${i}: me { actingRoles }`).join(' ')} }`;
    expectRefusal(
      await post(t.http, { query: flood }, { token }),
      'QUERY_TOO_COMPLEX',
      /^De vraag gebruikt 51 aliassen/,
    );
    expectRefusal(
      await post(t.http, { query: deepIntrospection(13) }, { token, language: 'en' }),
      'QUERY_TOO_COMPLEX',
      /^The query is 13 levels deep/,
    );
    const big = await post(
      t.http,
      { query: '{ me { actingRoles } }', variables: { padding: 'x'.repeat(1_100_000) } },
      { token },
    );
    expect(big.status).toBe(413);
    // Control: the token itself is fine.
    expect((await post(t.http, { query: '{ me { actingRoles } }' }, { token })).body).toEqual({
      data: { me: { actingRoles: ['privacy-officer'] } },
    });
  });

  it('logs a refused query as refused in the access log', async () => {
    const requestId = 'limits-test-request-1';
    await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-request-id', requestId)
      .send({ query: deepIntrospection(13) });
    expect(
      await t.db.sql('SELECT operation, result, reason, user_id FROM access_log WHERE request_id = $1', [requestId]),
    ).toEqual([{ operation: '__schema', result: 'refused', reason: 'QUERY_TOO_COMPLEX', user_id: null }]);
  });

  it('refuses a body over 1 MB with 413 and a readable error', async () => {
    const big = { query: '{ me { actingRoles } }', variables: { padding: 'x'.repeat(1_100_000) } };
    const nl = await post(t.http, big);
    expect(nl.status).toBe(413);
    expectRefusal(nl, 'PAYLOAD_TOO_LARGE', /^Het verzoek is te groot: er wordt hoogstens 1024 kB geaccepteerd\.$/);
    const en = await post(t.http, big, { language: 'en' });
    expect(en.status).toBe(413);
    expectRefusal(en, 'PAYLOAD_TOO_LARGE', /^The request is too large: at most 1024 kB is accepted\.$/);
  });

  it('refuses malformed JSON with 400 and a readable error', async () => {
    const nl = await post(t.http, '{"query": "{ me { actingRoles } }"');
    expect(nl.status).toBe(400);
    expectRefusal(nl, 'BAD_REQUEST', /^De inhoud van het verzoek is geen geldige JSON\.$/);
    const en = await post(t.http, '{ not json', { language: 'en' });
    expect(en.status).toBe(400);
    expectRefusal(en, 'BAD_REQUEST', /^The request body is not valid JSON\.$/);
  });

  it('allows introspection outside production, with a token like every operation', async () => {
    const res = await post(
      t.http,
      { query: '{ __schema { queryType { name } } }' },
      { token: await tokenFor('wieg-fg') },
    );
    expect(res.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    const anonymous = await post(t.http, { query: '{ __schema { queryType { name } } }' });
    expectRefusal(anonymous, 'UNAUTHENTICATED', /^Niet aangemeld/);
  });

  it('refuses a GET query and a text/plain POST (CSRF prevention)', async () => {
    const get = await request(t.http).get('/graphql').query({ query: '{ __typename }' });
    expect(get.status).toBe(400);
    expect(get.text).toMatch(/CSRF/);
    expect(get.text).not.toContain('__typename');

    const plain = await post(t.http, JSON.stringify({ query: '{ __typename }' }), { contentType: 'text/plain' });
    expect(plain.status).toBe(400);
    expect(plain.text).not.toContain('"__typename"');
  });

  it('sends the security headers', async () => {
    const res = await request(t.http).get('/health/live');
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers).not.toHaveProperty('x-powered-by');
    const gqlRes = await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }' });
    expect(gqlRes.headers['x-content-type-options']).toBe('nosniff');
  });

  it('allows a CORS preflight from the portal with the acting-organisation header', async () => {
    const res = await request(t.http)
      .options('/graphql')
      .set('origin', 'http://localhost:4200')
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'authorization,content-type,x-organisation-id');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:4200');
    expect(res.headers['access-control-allow-methods']).toMatch(/POST/);
    expect(res.headers['access-control-allow-headers']?.split(',')).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'x-organisation-id']),
    );
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('does not allow a CORS preflight or request from another origin', async () => {
    const preflight = await request(t.http)
      .options('/graphql')
      .set('origin', 'http://evil.example.org')
      .set('access-control-request-method', 'POST')
      .set('access-control-request-headers', 'authorization,content-type,x-organisation-id');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await request(t.http)
      .post('/graphql')
      .set('origin', 'http://evil.example.org')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }' });
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('echoes a sane x-request-id and replaces an insane one', async () => {
    const kept = await request(t.http).get('/health/live').set('x-request-id', 'portal-req-0001.abc_DEF');
    expect(kept.headers['x-request-id']).toBe('portal-req-0001.abc_DEF');
    for (const insane of ['short', 'x'.repeat(65), 'has spaces in it', '<script>alert(1)</script>', 'a;b=c,d\\e"f']) {
      const res = await request(t.http).get('/health/live').set('x-request-id', insane);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
    const generated = await request(t.http).get('/health/live');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('protective limits (configured lower)', () => {
  let t: TestApp;
  beforeAll(
    async () =>
      (t = await startTestApp({
        GRAPHQL_MAX_DEPTH: '2',
        GRAPHQL_MAX_ALIASES: '2',
        GRAPHQL_MAX_COST: '5',
        HTTP_BODY_LIMIT_BYTES: '2048',
      })),
  );
  afterAll(() => t?.close());

  it('applies the configured depth, also through fragments', async () => {
    expectRefusal(
      await post(t.http, { query: '{ me { memberships { roles } } }' }),
      'QUERY_TOO_COMPLEX',
      /^De vraag is 3 niveaus diep; het maximum is 2\.$/,
    );
    const viaFragment = '{ me { ...M } } fragment M on Me { memberships { organisation { id } } }';
    expectRefusal(
      await post(t.http, { query: viaFragment }, { language: 'en' }),
      'QUERY_TOO_COMPLEX',
      /^The query is 4 levels deep; the maximum is 2\.$/,
    );
    // Two levels are fine and then meet authentication.
    expect((await post(t.http, { query: '{ me { actingRoles } }' })).body.errors?.[0]?.extensions?.['code']).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('applies the configured alias and cost limits', async () => {
    expectRefusal(
      await post(t.http, { query: '{ a: __typename b: __typename c: __typename }' }),
      'QUERY_TOO_COMPLEX',
      /^De vraag gebruikt 3 aliassen; het maximum is 2\.$/,
    );
    expectRefusal(
      await post(t.http, {
        query: '{ __typename me { actingRoles platformAdmin mustChooseOrganisation abilityRules } }',
      }),
      'QUERY_TOO_COMPLEX',
      /^De vraag vraagt 6 velden op; het maximum is 5\.$/,
    );
  });

  it('applies the configured body limit', async () => {
    const res = await post(
      t.http,
      { query: '{ me { actingRoles } }', variables: { padding: 'x'.repeat(3000) } },
      { language: 'en' },
    );
    expect(res.status).toBe(413);
    expectRefusal(res, 'PAYLOAD_TOO_LARGE', /^The request is too large: at most 2 kB is accepted\.$/);
  });
});

describe('protective limits (production)', () => {
  let t: TestApp;
  // The test identity provider is a loopback http one, which production refuses unless explicitly allowed.
  beforeAll(async () => (t = await startTestApp({ NODE_ENV: 'production', OIDC_ALLOW_INSECURE_ISSUER: 'true' })));
  afterAll(() => t?.close());

  it('refuses introspection', async () => {
    const res = await post(t.http, { query: '{ __schema { queryType { name } } }' });
    expect(res.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors?.[0]?.message).toMatch(/introspection/i);
    expect(res.text).not.toContain('"queryType"');
    const type = await post(t.http, { query: '{ __type(name: "Query") { fields { name } } }' });
    expect(type.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('serves no landing page on GET /graphql', async () => {
    const res = await request(t.http).get('/graphql').set('accept', 'text/html');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.headers['content-type'] ?? '').not.toMatch(/text\/html/);
    expect(res.text).not.toMatch(/<html|<script|graphiql|sandbox|embed/i);
  });

  it('still applies the limits and refuses without stack traces', async () => {
    const flood = `{ ${Array.from({ length: 51 }, (_, i) => `a${i}: me { actingRoles }`).join(' ')} }`;
    expectRefusal(
      await post(t.http, { query: flood }, { language: 'en' }),
      'QUERY_TOO_COMPLEX',
      /^The query uses 51 aliases; the maximum is 50\.$/,
    );
    expectRefusal(await post(t.http, { query: '{ me { nope } }' }), 'GRAPHQL_VALIDATION_FAILED', /nope/);
  });
});
