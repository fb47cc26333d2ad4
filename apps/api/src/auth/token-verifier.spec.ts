import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  SignJWT,
  base64url,
  exportJWK,
  generateKeyPair,
  generateSecret,
  type JWK,
  type JWTPayload,
  type CryptoKey,
} from 'jose';
import type { Text } from '../errors/api-error';
import { TokenRejected, TokenVerifier } from './token-verifier';

// The verifier against a JWKS endpoint of our own: every way a token can be wrong, with the readable reason.

const ISSUER = 'http://idp.test/realms/babyconnect';
const AUDIENCE = 'babyconnect-api';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

/** A JWKS endpoint on a free loopback port; the published keys can be swapped (rotation). */
async function startJwks(
  keys: JWK[],
): Promise<{ url: string; requests: () => number; publish(keys: JWK[]): void; close(): Promise<void> }> {
  let published = keys;
  let requests = 0;
  const server: Server = createServer((_req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/certs`,
    requests: () => requests,
    publish: (next) => (published = next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const now = () => Math.floor(Date.now() / 1000);

/** Claims as Keycloak puts them in an access token; override any of them per test. */
function claims(overrides: JWTPayload = {}): JWTPayload {
  return {
    iss: ISSUER,
    aud: [AUDIENCE],
    sub: 'user-123',
    typ: 'Bearer',
    azp: 'babyconnect-portal',
    name: 'Anna de Vries',
    preferred_username: 'anna',
    email: 'anna@dewieg.example',
    groups: ['/orgs/wieg/privacy-officer'],
    iat: now(),
    exp: now() + 300,
    ...overrides,
  };
}

function sign(key: SigningKey, payload: JWTPayload, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header })
    .sign(key.privateKey);
}

/** The reason a token is refused with, checked to be readable and never to echo the token. */
async function rejection(verifier: TokenVerifier, token: string): Promise<Text> {
  const error = await verifier.verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TokenRejected);
  const reason = (error as TokenRejected).reason;
  for (const text of [reason.nl, reason.en, (error as Error).message]) {
    expect(text).toMatch(/^[a-z][^\n]{5,120}$/);
    if (token) expect(text).not.toContain(token);
    for (const part of token.split('.')) if (part.length >= 8) expect(text).not.toContain(part);
    expect(text).not.toMatch(/ERR_|JWS|JWT|jose|\bat .*\(/);
  }
  return reason;
}

describe('TokenVerifier', () => {
  let key: SigningKey;
  let jwks: Awaited<ReturnType<typeof startJwks>>;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    key = await signingKey('key-1');
    jwks = await startJwks([key.publicJwk]);
    verifier = new TokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl: jwks.url });
  });
  afterAll(() => jwks.close());

  it('accepts a valid access token and returns who it is', async () => {
    await expect(verifier.verify(await sign(key, claims()))).resolves.toEqual({
      issuer: ISSUER,
      subject: 'user-123',
      displayName: 'Anna de Vries',
      email: 'anna@dewieg.example',
      groups: ['/orgs/wieg/privacy-officer'],
    });
  });

  it('falls back to the username for the name and to null for a missing email', async () => {
    const token = await sign(key, claims({ name: undefined, email: undefined }));
    await expect(verifier.verify(token)).resolves.toMatchObject({ displayName: 'anna', email: null });
  });

  it('accepts an audience sent as a plain string (as Keycloak may)', async () => {
    await expect(verifier.verify(await sign(key, claims({ aud: AUDIENCE })))).resolves.toMatchObject({
      subject: 'user-123',
    });
  });

  it('accepts an audience list that names this API among others', async () => {
    await expect(verifier.verify(await sign(key, claims({ aud: ['account', AUDIENCE] })))).resolves.toMatchObject({
      subject: 'user-123',
    });
  });

  it('refuses an expired token', async () => {
    const reason = await rejection(verifier, await sign(key, claims({ iat: now() - 600, exp: now() - 60 })));
    expect(reason).toEqual({ nl: 'het token is verlopen', en: 'the token has expired' });
  });

  it('tolerates a few seconds of clock difference, not more', async () => {
    await expect(verifier.verify(await sign(key, claims({ iat: now() - 600, exp: now() - 2 })))).resolves.toBeDefined();
  });

  it('refuses a token that is not yet valid (nbf in the future)', async () => {
    const reason = await rejection(verifier, await sign(key, claims({ nbf: now() + 120 })));
    expect(reason).toEqual({ nl: 'het token is nog niet geldig', en: 'the token is not yet valid' });
  });

  it('refuses a token without an expiry', async () => {
    const reason = await rejection(verifier, await sign(key, claims({ exp: undefined })));
    expect(reason.en).toBe('the token lacks a valid claim (exp)');
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await sign(key, claims())).split('.');
    const forged = base64url.encode(JSON.stringify(claims({ sub: 'someone-else', groups: ['/platform/admin'] })));
    const reason = await rejection(verifier, `${header}.${forged}.${signature}`);
    expect(reason).toEqual({ nl: 'de handtekening van het token klopt niet', en: 'the token signature is invalid' });
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT', kid: key.kid }));
    const payload = base64url.encode(JSON.stringify(claims()));
    const reason = await rejection(verifier, `${header}.${payload}.`);
    expect(reason).toEqual({
      nl: 'het token is niet op de vereiste manier ondertekend',
      en: 'the token is not signed the required way',
    });
  });

  it('refuses an HMAC token, also one keyed with the public key (algorithm confusion)', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(key.publicJwk));
    const confused = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: key.kid })
      .sign(secret);
    expect((await rejection(verifier, confused)).en).toBe('the token is not signed the required way');
    const hmac = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256', kid: key.kid })
      .sign(await generateSecret('HS256'));
    expect((await rejection(verifier, hmac)).en).toBe('the token is not signed the required way');
  });

  it('refuses a token signed by another key that claims the published kid', async () => {
    const impostor = await signingKey(key.kid);
    const reason = await rejection(verifier, await sign(impostor, claims()));
    expect(reason.en).toBe('the token signature is invalid');
  });

  it('refuses a token with a kid the identity provider does not publish', async () => {
    const stranger = await signingKey('unknown-kid');
    const reason = await rejection(verifier, await sign(stranger, claims()));
    expect(reason.en).toBe('the token signature is invalid');
  });

  it('refuses a token from another issuer', async () => {
    const reason = await rejection(
      verifier,
      await sign(key, claims({ iss: 'http://evil.example.org/realms/babyconnect' })),
    );
    expect(reason).toEqual({
      nl: 'het token komt van een onbekende uitgever',
      en: 'the token comes from an unknown issuer',
    });
  });

  it('refuses a token meant for another service', async () => {
    for (const aud of [['account'], 'babyconnect-portal', []]) {
      const reason = await rejection(verifier, await sign(key, claims({ aud })));
      expect(reason).toEqual({
        nl: 'het token is niet voor deze dienst bestemd',
        en: 'the token is not meant for this service',
      });
    }
    expect((await rejection(verifier, await sign(key, claims({ aud: undefined })))).en).toMatch(
      /^the token (is not meant for this service|lacks a valid claim \(aud\))$/,
    );
  });

  it.each(['ID', 'Refresh', 'Offline', undefined])(
    'refuses a token of typ %p: only access tokens may call the API',
    async (typ) => {
      const reason = await rejection(verifier, await sign(key, claims({ typ })));
      expect(reason).toEqual({ nl: 'dit is geen toegangstoken', en: 'this is not an access token' });
    },
  );

  it('refuses a token without a subject', async () => {
    const reason = await rejection(verifier, await sign(key, claims({ sub: undefined })));
    expect(reason).toEqual({ nl: 'het token mist een geldige claim (sub)', en: 'the token lacks a valid claim (sub)' });
  });

  it.each(['garbage', 'a.b.c', 'eyJhbGciOiJSUzI1NiJ9.e30', ''])('refuses a malformed token %p', async (token) => {
    const reason = await rejection(verifier, token);
    expect(reason.en).toMatch(/^the token is (malformed|invalid)$/);
  });

  it('gives a readable reason when the identity provider keys cannot be fetched', async () => {
    const gone = await startJwks([]);
    const url = gone.url;
    await gone.close();
    const offline = new TokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl: url });
    const reason = await rejection(offline, await sign(key, claims()));
    expect(reason).toEqual({
      nl: 'de sleutels van de identiteitsprovider zijn niet bereikbaar',
      en: 'the identity provider keys are unreachable',
    });
  });

  it('gives a readable reason when the key endpoint answers with an error', async () => {
    const broken = createServer((_req, res) => res.writeHead(500).end('oops'));
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = broken.address() as AddressInfo;
      const failing = new TokenVerifier({
        issuer: ISSUER,
        audience: AUDIENCE,
        jwksUrl: `http://127.0.0.1:${port}/certs`,
      });
      const reason = await rejection(failing, await sign(key, claims()));
      expect(reason.en).toBe('the identity provider keys are unreachable');
    } finally {
      await new Promise<void>((resolve) => broken.close(() => resolve()));
    }
  });

  it('follows key rotation: a token with the new kid verifies once the new key is published', async () => {
    const oldKey = await signingKey('rotation-old');
    const newKey = await signingKey('rotation-new');
    const rotating = await startJwks([oldKey.publicJwk]);
    try {
      const rotatingVerifier = new TokenVerifier({
        issuer: ISSUER,
        audience: AUDIENCE,
        jwksUrl: rotating.url,
        jwksCooldownMs: 0,
      });
      await expect(rotatingVerifier.verify(await sign(oldKey, claims()))).resolves.toMatchObject({
        subject: 'user-123',
      });
      const fetchesBefore = rotating.requests();

      rotating.publish([newKey.publicJwk]);
      await expect(
        rotatingVerifier.verify(await sign(newKey, claims({ sub: 'after-rotation' }))),
      ).resolves.toMatchObject({ subject: 'after-rotation' });
      expect(rotating.requests()).toBe(fetchesBefore + 1);

      // The retired key is gone from the set the verifier now holds.
      expect((await rejection(rotatingVerifier, await sign(oldKey, claims()))).en).toBe(
        'the token signature is invalid',
      );
    } finally {
      await rotating.close();
    }
  });

  it('does not refetch the keys for every unknown kid within the cooldown', async () => {
    const own = await startJwks([key.publicJwk]);
    try {
      const cooled = new TokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl: own.url });
      await cooled.verify(await sign(key, claims()));
      expect(own.requests()).toBe(1);
      const stranger = await signingKey('flood');
      for (let i = 0; i < 5; i++) await rejection(cooled, await sign(stranger, claims()));
      expect(own.requests()).toBe(1);
    } finally {
      await own.close();
    }
  });
});
