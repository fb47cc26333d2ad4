import request from 'supertest';
import type { App } from 'supertest/types';
import { tokenFor } from './support/tokens';
import { startTestApp, type TestApp } from './support/test-app';

// The GraphQL edge, before any resolver: the parser's token cap (a directive flood is refused while parsing),
// directive and operation-name limits, schema details hidden in production, and graphql-js's English syntax and
// validation errors given a Dutch message.

jest.setTimeout(60_000);

interface Answer {
  status: number;
  text: string;
  errors: { message: string; extensions?: Record<string, unknown> }[];
  data: unknown;
}

async function post(
  http: App,
  body: Record<string, unknown>,
  options: { language?: string; token?: string } = {},
): Promise<Answer> {
  const req = request(http).post('/graphql').set('content-type', 'application/json');
  if (options.language) req.set('accept-language', options.language);
  if (options.token) req.set('authorization', `Bearer ${options.token}`);
  const res = await req.send(JSON.stringify(body));
  const parsed = res.body as { data?: unknown; errors?: Answer['errors'] };
  return { status: res.status, text: res.text, errors: parsed.errors ?? [], data: parsed.data ?? null };
}

function codeOf(answer: Answer): unknown {
  return answer.errors[0]?.extensions?.['code'];
}

/** `{ __typename @a @a … }` just under the 1 MB body limit: ~349,000 unknown directives. */
const DIRECTIVE_FLOOD = `{ __typename ${'@a '.repeat(349_000)}}`;

/** Requests whose errors carry graphql-js "Did you mean …?" suggestions, and the schema names they would reveal. */
const SUGGESTING: { what: string; body: Record<string, unknown>; hidden: string }[] = [
  { what: 'a field', body: { query: '{ organisatons { id } }' }, hidden: '"organisations"' },
  { what: 'a mutation', body: { query: 'mutation { createOrganisaton { id } }' }, hidden: '"createOrganisation"' },
  { what: 'an argument', body: { query: '{ accessLog(frist: 10) { nextCursor } }' }, hidden: '"first"' },
  {
    what: 'an input field',
    body: {
      query: 'mutation { createOrganisation(input: { name: "x", alias: "x", kind: HINQ, contactNam: "y" }) { id } }',
    },
    hidden: '"contactName"',
  },
  {
    what: 'an enum value in the query',
    body: {
      query:
        'mutation { updateOrganisationContact(input: { organisationId: "x", contactEmail: "a@example.org", contactRole: DP }) { id } }',
    },
    hidden: '"DPO"',
  },
  {
    what: 'an enum value in a variable (coerced during execution, not validation)',
    body: {
      query:
        'mutation ($role: ContactRole!) { updateOrganisationContact(input: { organisationId: "x", contactEmail: "a@example.org", contactRole: $role }) { id } }',
      variables: { role: 'DP' },
    },
    hidden: '"DPO"',
  },
];

describe('GraphQL edge (default configuration)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('refuses a 1 MB directive flood while parsing, with QUERY_TOO_COMPLEX, in Dutch and English', async () => {
    expect(DIRECTIVE_FLOOD.length).toBeGreaterThan(1_000_000);
    const nl = await post(t.http, { query: DIRECTIVE_FLOOD });
    expect(nl.status).toBe(400);
    expect(nl.data).toBeNull();
    expect(nl.errors).toHaveLength(1);
    expect(codeOf(nl)).toBe('QUERY_TOO_COMPLEX');
    expect(nl.errors[0]!.message).toBe('De vraag bestaat uit meer dan 3000 onderdelen (tokens); het maximum is 3000.');
    expect(nl.text.length).toBeLessThan(1000);

    const en = await post(t.http, { query: DIRECTIVE_FLOOD }, { language: 'en' });
    expect(codeOf(en)).toBe('QUERY_TOO_COMPLEX');
    expect(en.errors[0]!.message).toBe('The query consists of more than 3000 tokens; the maximum is 3000.');
  });

  it('records the flood in the access log as a limit refusal', async () => {
    await request(t.http)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-request-id', 'directive-flood-0001')
      .send({ query: DIRECTIVE_FLOOD });
    expect(
      await t.db.sql('SELECT result, reason FROM access_log WHERE request_id = $1', ['directive-flood-0001']),
    ).toEqual([{ result: 'refused', reason: 'QUERY_TOO_COMPLEX' }]);
  });

  it('refuses more than 50 directives in a document that is within the token cap', async () => {
    const many = (n: number) => `{ me { ${'actingRoles @include(if: true) '.repeat(n)}} }`;
    const refused = await post(t.http, { query: many(51) });
    expect(refused.status).toBe(400);
    expect(refused.errors.map((e) => [e.extensions?.['code'], e.message])).toEqual([
      ['QUERY_TOO_COMPLEX', 'De vraag gebruikt 51 directieven; het maximum is 50.'],
    ]);
    const en = await post(t.http, { query: many(51) }, { language: 'en' });
    expect(en.errors[0]!.message).toBe('The query uses 51 directives; the maximum is 50.');
    // 50 pass the limits and then meet authentication.
    expect(codeOf(await post(t.http, { query: many(50) }))).toBe('UNAUTHENTICATED');
  });

  it('refuses an operation name over 100 characters, in the document or in the request body, without echoing it', async () => {
    const named = (name: string) => `query ${name} { me { actingRoles } }`;
    expect(codeOf(await post(t.http, { query: named('N'.repeat(100)) }))).toBe('UNAUTHENTICATED');

    const inDocument = await post(t.http, { query: named('N'.repeat(101)) });
    expect(inDocument.status).toBe(400);
    expect(inDocument.errors.map((e) => [e.extensions?.['code'], e.message])).toEqual([
      ['QUERY_TOO_COMPLEX', 'De naam van de operatie is 101 tekens lang; het maximum is 100.'],
    ]);

    const inBody = await post(t.http, { query: named('Q'), operationName: 'Q'.repeat(500_000) }, { language: 'en' });
    expect(inBody.status).toBe(400);
    expect(inBody.data).toBeNull();
    expect(inBody.errors.map((e) => [e.extensions?.['code'], e.message])).toEqual([
      ['QUERY_TOO_COMPLEX', 'The operation name is 500000 characters long; the maximum is 100.'],
    ]);
    expect(inBody.text.length).toBeLessThan(1000);
  });

  it('gives syntax errors a Dutch message that keeps graphql-js’s detail, and English on request', async () => {
    const nl = await post(t.http, { query: '{ me { actingRoles }' });
    expect(nl.status).toBe(400);
    expect(codeOf(nl)).toBe('GRAPHQL_PARSE_FAILED');
    expect(nl.errors[0]!.message).toBe('De vraag is geen geldige GraphQL: Syntax Error: Expected Name, found <EOF>.');
    const en = await post(t.http, { query: '{ me { actingRoles }' }, { language: 'en' });
    expect(codeOf(en)).toBe('GRAPHQL_PARSE_FAILED');
    expect(en.errors[0]!.message).toBe('Syntax Error: Expected Name, found <EOF>.');
    expect(en.errors[0]!.extensions).not.toHaveProperty('i18n');
  });

  it('gives validation errors a Dutch message that keeps graphql-js’s detail, and English on request', async () => {
    const nl = await post(t.http, { query: '{ me { nope } }' });
    expect(nl.status).toBe(400);
    expect(codeOf(nl)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(nl.errors[0]!.message).toBe('De vraag past niet bij het schema: Cannot query field "nope" on type "Me".');
    const en = await post(t.http, { query: '{ me { nope } }' }, { language: 'en-GB,en;q=0.9' });
    expect(en.errors[0]!.message).toBe('Cannot query field "nope" on type "Me".');
    // Variable values that do not fit the schema are checked while executing; they are Dutch too.
    // (Executing needs a token, as every operation does.)
    const variable = await post(
      t.http,
      { query: 'query ($n: Int!) { accessLog(first: $n) { nextCursor } }', variables: { n: 'many' } },
      { token: await tokenFor('wieg-fg') },
    );
    expect(codeOf(variable)).toBe('BAD_USER_INPUT');
    expect(variable.errors[0]!.message).toMatch(
      /^De invoer past niet bij het schema: Variable "\$n" got invalid value/,
    );
  });

  it('tells browsers and proxies to store no answer (allowed, refused, without a token)', async () => {
    const token = await tokenFor('wieg-fg');
    const send = (query: string, withToken: boolean) => {
      const req = request(t.http).post('/graphql').set('content-type', 'application/json');
      if (withToken) req.set('authorization', `Bearer ${token}`);
      return req.send(JSON.stringify({ query }));
    };
    const answers = await Promise.all([
      send('{ incidents(first: 50) { nodes { id reference apClock { state } } nextCursor } }', true),
      send('{ organisations { id } }', true),
      send('{ __typename }', false),
    ]);
    // UNAUTHENTICATED is a GraphQL error in a 200 (graphql-over-http), like a refusal.
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect((answers[0]!.body as { errors?: unknown }).errors).toBeUndefined();
    for (const answer of answers) expect(answer.headers['cache-control']).toBe('no-store');
  });

  it.each(SUGGESTING)('suggests schema names outside production: $what', async ({ body, hidden }) => {
    const token = await tokenFor('wieg-fg');
    const messages = (await post(t.http, body, { language: 'en', token })).errors.map((e) => e.message).join('\n');
    expect(messages).toMatch(/Did you mean/);
    expect(messages).toContain(hidden);
  });
});

describe('GraphQL edge (production)', () => {
  let t: TestApp;
  // The test identity provider is a loopback http one, which production refuses unless explicitly allowed.
  beforeAll(async () => (t = await startTestApp({ NODE_ENV: 'production', OIDC_ALLOW_INSECURE_ISSUER: 'true' })));
  afterAll(() => t?.close());

  it.each(SUGGESTING)('names no schema detail the client did not send: $what', async ({ body, hidden }) => {
    const token = await tokenFor('wieg-fg');
    for (const language of ['nl', 'en']) {
      // Signed in, so the request reaches every check that could leak (variables are coerced while executing).
      const answer = await post(t.http, body, { language, token });
      expect(answer.errors.length).toBeGreaterThan(0);
      const messages = answer.errors.map((e) => e.message).join('\n');
      expect(messages).not.toMatch(/Did you mean/);
      expect(messages).not.toContain(hidden);
      expect(answer.text).not.toContain(hidden.replace(/"/g, ''));
    }
  });

  it('still refuses the directive flood while parsing', async () => {
    const answer = await post(t.http, { query: DIRECTIVE_FLOOD }, { language: 'en' });
    expect(answer.status).toBe(400);
    expect(codeOf(answer)).toBe('QUERY_TOO_COMPLEX');
    expect(answer.errors[0]!.message).toBe('The query consists of more than 3000 tokens; the maximum is 3000.');
  });
});

describe('GraphQL edge (configured lower)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ GRAPHQL_MAX_TOKENS: '12', GRAPHQL_MAX_DIRECTIVES: '1' })));
  afterAll(() => t?.close());

  it('applies the configured token cap', async () => {
    expect(
      codeOf(await post(t.http, { query: '{ me { actingRoles platformAdmin mustChooseOrganisation user { id } } }' })),
    ).toBe('UNAUTHENTICATED');
    // One token more than the 12 above.
    const refused = await post(t.http, {
      query: '{ me { actingRoles platformAdmin mustChooseOrganisation abilityRules user { id } } }',
    });
    expect(codeOf(refused)).toBe('QUERY_TOO_COMPLEX');
    expect(refused.errors[0]!.message).toBe('De vraag bestaat uit meer dan 12 onderdelen (tokens); het maximum is 12.');
  });

  it('applies the configured directive limit', async () => {
    const answer = await post(t.http, { query: '{ __typename @a @b }' }, { language: 'en' });
    expect(answer.status).toBe(400);
    expect(answer.errors.map((e) => [e.extensions?.['code'], e.message])).toContainEqual([
      'QUERY_TOO_COMPLEX',
      'The query uses 2 directives; the maximum is 1.',
    ]);
  });
});
