import { randomUUID } from 'node:crypto';
import { base64url, type JWTPayload } from 'jose';
import request from 'supertest';
import { loginWithPassword, type LoginTokens } from '../../../tools/dev-idp/login-flow';
import {
  OWN_AUDIENCE as AUDIENCE,
  OWN_ISSUER,
  accessClaims as keycloakClaims,
  now,
  sign,
  signingKey,
  startJwks,
  unreachableJwksUrl,
  type JwksServer,
  type SigningKey,
} from './support/own-identity-provider';
import { createLogger } from '../src/logging/logger';
import { gql } from './support/gql';
import { startTestApp, issuer, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// Every way a bearer token can be wrong, through HTTP: always UNAUTHENTICATED with a readable message in the
// request's language, nothing leaked, and a `refused` row in the access log.

const ME = '{ me { user { id displayName } actingRoles } }';

/** A crafted person who is an employee of De Wieg. */
const accessClaims = (overrides: JWTPayload = {}) =>
  keycloakClaims({ sub: 'crafted-user', name: 'Crafted Person', groups: ['/orgs/vp-de-wieg/employee'], ...overrides });

interface Call {
  authorization?: string;
  language?: string;
}

/** One `me` call with its own request id, so the access-log row can be found again. */
async function callMe(t: TestApp, call: Call) {
  const requestId = `auth-test-${randomUUID()}`;
  const req = request(t.http).post('/graphql').set('content-type', 'application/json').set('x-request-id', requestId);
  if (call.authorization !== undefined) req.set('authorization', call.authorization);
  if (call.language) req.set('accept-language', call.language);
  const res = await req.send({ query: ME });
  return {
    res,
    requestId,
    body: res.body as {
      data?: { me?: unknown } | null;
      errors?: { message: string; extensions: Record<string, unknown> }[];
    },
  };
}

function accessLogRows(t: TestApp, requestId: string) {
  return t.db.sql<{ operation: string; result: string; reason: string | null; user_id: string | null }>(
    'SELECT operation, result, reason, user_id FROM access_log WHERE request_id = $1 ORDER BY seq',
    [requestId],
  );
}

/** The refusal contract, checked in Dutch (default) and in English, plus the access-log row of each. */
async function expectRefused(t: TestApp, authorization: string | undefined, reason: { nl: RegExp; en: RegExp }) {
  const secret = authorization?.replace(/^\S+\s+/, '') ?? '';
  for (const [language, pattern, prefix] of [
    [undefined, reason.nl, /^Niet aangemeld: .+\. Meld u opnieuw aan\.$/],
    ['en', reason.en, /^Not signed in: .+\. Please sign in again\.$/],
  ] as const) {
    const { res, body, requestId } = await callMe(t, { authorization, language });
    expect(res.status).toBe(200);
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors!;
    expect(error!.extensions['code']).toBe('UNAUTHENTICATED');
    expect(error!.message).toMatch(prefix);
    expect(error!.message).toMatch(pattern);
    // One language per answer, no stack trace, no SQL, no token.
    expect(error!.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    const raw = res.text;
    expect(raw).not.toMatch(/stacktrace|exception|\bat \S+ \(|SELECT |INSERT |postgres|node_modules|jose/i);
    if (secret.length >= 8) {
      expect(raw).not.toContain(secret);
      for (const part of secret.split('.')) if (part.length >= 8) expect(raw).not.toContain(part);
    }
    expect(body.data?.me ?? null).toBeNull();

    expect(await accessLogRows(t, requestId)).toEqual([
      { operation: 'me', result: 'refused', reason: 'UNAUTHENTICATED', user_id: null },
    ]);
  }
}

describe('bearer tokens through HTTP', () => {
  let key: SigningKey;
  let jwks: JwksServer;
  /** Trusts only our own JWKS, so tokens can be crafted in every wrong shape. */
  let crafted: TestApp;
  /** Trusts the real local identity provider. */
  let real: TestApp;

  beforeAll(async () => {
    key = await signingKey('e2e-key');
    jwks = await startJwks([key.publicJwk]);
    [crafted, real] = await Promise.all([
      startTestApp({ OIDC_ISSUER_URL: OWN_ISSUER, OIDC_JWKS_URL: jwks.url, OIDC_AUDIENCE: AUDIENCE }),
      startTestApp(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([crafted?.close(), real?.close()]);
    await jwks?.close();
  });

  it('accepts a well-formed token signed by the trusted key (control for the refusals below)', async () => {
    const { body, requestId } = await callMe(crafted, { authorization: `Bearer ${await sign(key, accessClaims())}` });
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({ me: { user: { displayName: 'Crafted Person' }, actingRoles: ['employee'] } });
    expect(await accessLogRows(crafted, requestId)).toEqual([
      { operation: 'me', result: 'allowed', reason: null, user_id: expect.any(String) },
    ]);
  });

  it('refuses a request without an Authorization header, or with an empty one', async () => {
    for (const authorization of [undefined, '']) {
      await expectRefused(crafted, authorization, {
        nl: /er is geen toegangstoken meegestuurd/,
        en: /no access token was sent/,
      });
    }
  });

  describe('an Authorization header that is not "Bearer <token>"', () => {
    const malformed = {
      nl: /: de Authorization-header bevat geen geldig Bearer-token\./,
      en: /: the Authorization header does not carry a valid Bearer token\./,
    };

    it('refuses the Basic scheme', async () => {
      await expectRefused(crafted, `Basic ${Buffer.from('wieg-privacy:demo').toString('base64')}`, malformed);
    });

    it('refuses a bearer header without a token, or with something that is not a token', async () => {
      await expectRefused(crafted, 'Bearer', malformed);
      await expectRefused(crafted, 'Bearer not a token', malformed);
    });

    it('refuses a valid token with a wrong separator or without the scheme', async () => {
      const token = await sign(key, accessClaims());
      await expectRefused(crafted, `Bearer  ${token}`, malformed);
      await expectRefused(crafted, `Bearer:${token}`, malformed);
      await expectRefused(crafted, token, malformed);
    });
  });

  it('refuses a token issued in the future', async () => {
    const token = await sign(key, accessClaims({ iat: now() + 600, exp: now() + 900 }));
    await expectRefused(crafted, `Bearer ${token}`, {
      nl: /het token is uitgegeven in de toekomst/,
      en: /the token was issued in the future/,
    });
  });

  it('refuses a garbage bearer token', async () => {
    await expectRefused(crafted, 'Bearer garbage-garbage-garbage', {
      nl: /het token is ongeldig/,
      en: /the token is (malformed|invalid)/,
    });
  });

  it('refuses an expired token', async () => {
    const token = await sign(key, accessClaims({ iat: now() - 900, exp: now() - 60 }));
    await expectRefused(crafted, `Bearer ${token}`, { nl: /het token is verlopen/, en: /the token has expired/ });
  });

  it('refuses a tampered token (payload changed, signature kept)', async () => {
    const [header, , signature] = (await sign(key, accessClaims())).split('.');
    const payload = base64url.encode(JSON.stringify(accessClaims({ groups: ['/platform/admin'] })));
    await expectRefused(crafted, `Bearer ${header}.${payload}.${signature}`, {
      nl: /de handtekening van het token klopt niet/,
      en: /the token signature is invalid/,
    });
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const payload = base64url.encode(JSON.stringify(accessClaims()));
    await expectRefused(crafted, `Bearer ${header}.${payload}.`, {
      nl: /het token is niet op de vereiste manier ondertekend/,
      en: /the token is not signed the required way/,
    });
  });

  it('refuses a token from another issuer', async () => {
    const token = await sign(key, accessClaims({ iss: 'http://evil.example.org/realms/babyconnect' }));
    await expectRefused(crafted, `Bearer ${token}`, {
      nl: /het token komt van een onbekende uitgever/,
      en: /the token comes from an unknown issuer/,
    });
  });

  it('refuses a token for another audience', async () => {
    const token = await sign(key, accessClaims({ aud: ['account'] }));
    await expectRefused(crafted, `Bearer ${token}`, {
      nl: /het token is niet voor deze dienst bestemd/,
      en: /the token is not meant for this service/,
    });
  });

  describe('tokens from the real identity provider', () => {
    let tokens: LoginTokens;
    beforeAll(async () => {
      tokens = await loginWithPassword({
        issuer: issuer(),
        clientId: 'babyconnect-portal',
        redirectUri: 'http://localhost:4200/',
        username: 'wieg-privacy',
        password: 'demo',
      });
    });

    it('accepts the access token', async () => {
      const { body } = await callMe(real, { authorization: `Bearer ${await tokenFor('wieg-privacy')}` });
      expect(body.errors).toBeUndefined();
      expect(body.data).toMatchObject({ me: { actingRoles: ['privacy-officer'] } });
      const fresh = await callMe(real, { authorization: `Bearer ${tokens.accessToken}` });
      expect(fresh.body.errors).toBeUndefined();
      // The scheme is case-insensitive (RFC 7235).
      const lower = await callMe(real, { authorization: `bearer ${tokens.accessToken}` });
      expect(lower.body.errors).toBeUndefined();
    });

    it('refuses the ID token presented as a bearer token', async () => {
      // Its audience is the portal (the client), so the audience check already refuses it; typ "ID" would too.
      await expectRefused(real, `Bearer ${tokens.idToken}`, {
        nl: /niet voor deze dienst bestemd/,
        en: /not meant for this service/,
      });
    });

    it('refuses the refresh token presented as a bearer token', async () => {
      // Keycloak-shaped: a JWT with typ "Refresh", HMAC-signed, so the pinned algorithm refuses it.
      await expectRefused(real, `Bearer ${tokens.refreshToken}`, {
        nl: /niet op de vereiste manier ondertekend/,
        en: /not signed the required way/,
      });
    });

    it('refuses a real access token at an API that trusts other keys', async () => {
      await expectRefused(crafted, `Bearer ${tokens.accessToken}`, {
        nl: /komt van een onbekende uitgever|handtekening van het token klopt niet/,
        en: /comes from an unknown issuer|signature is invalid/,
      });
    });
  });
});

describe('when the identity provider cannot be reached', () => {
  let down: TestApp;
  const logLines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    // Lines made during a request go to the logger of the app that serves it (pino-http binds it per request).
    const logger = createLogger('info', { write: (line: string) => void logLines.push(JSON.parse(line)) });
    down = await startTestApp(
      { OIDC_ISSUER_URL: OWN_ISSUER, OIDC_JWKS_URL: await unreachableJwksUrl(), OIDC_AUDIENCE: AUDIENCE },
      undefined,
      logger,
    );
  });
  afterAll(() => down?.close());

  it('answers SERVICE_UNAVAILABLE, not "sign in again", logs a warning and a failed access-log row', async () => {
    const token = await sign(await signingKey('any'), accessClaims());
    for (const [language, message] of [
      [undefined, 'De aanmelddienst is tijdelijk niet bereikbaar. Probeer het over enkele minuten opnieuw.'],
      ['en', 'The sign-in service is temporarily unreachable. Please try again in a few minutes.'],
    ] as const) {
      logLines.length = 0;
      const { res, body, requestId } = await callMe(down, { authorization: `Bearer ${token}`, language });
      // Retryable: 503 with Retry-After, so a client backs off instead of reporting a fault.
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('2');
      expect(body.errors).toEqual([{ message, extensions: { code: 'SERVICE_UNAVAILABLE' } }]);
      expect(body.data?.me ?? null).toBeNull();
      for (const part of token.split('.')) expect(res.text).not.toContain(part);
      // Nobody was refused: the request could not be judged.
      expect(await accessLogRows(down, requestId)).toEqual([
        { operation: 'me', result: 'failed', reason: 'SERVICE_UNAVAILABLE', user_id: null },
      ]);

      const warnings = logLines.filter((l) => l['level'] === 40 && l['requestId'] === requestId);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!['msg']).toMatch(
        /^Sign-in service unavailable: realm keys could not be fetched from http:\/\/127\.0\.0\.1:\d+\/certs: fetch failed \(ECONNREFUSED\)$/,
      );
      for (const part of token.split('.')) expect(JSON.stringify(logLines)).not.toContain(part);
    }
  });

  it('warns once per request, however many fields it asks for', async () => {
    const token = await sign(await signingKey('any'), accessClaims());
    logLines.length = 0;
    const res = await gql(down.http, { token, query: '{ a: me { actingRoles } b: me { actingRoles } }' });
    expect(res.code).toBe('SERVICE_UNAVAILABLE');
    expect(logLines.filter((l) => l['level'] === 40)).toHaveLength(1);
  });
});
