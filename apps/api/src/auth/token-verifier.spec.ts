import { SignJWT, base64url, generateSecret } from 'jose';
import {
  OWN_AUDIENCE as AUDIENCE,
  OWN_ISSUER as ISSUER,
  accessClaims as claims,
  now,
  sign,
  signingKey,
  startJwks,
  unreachableJwksUrl,
  type JwksServer,
  type SigningKey,
} from '../../test/support/own-identity-provider';
import type { Text } from '../errors/api-error';
import { TokenRejected, TokenVerifier, type RejectionKind } from './token-verifier';

// The verifier against a JWKS endpoint of our own: every way a token can be wrong, with the readable reason.

/** The reason a token is refused with, checked to be readable and never to echo the token. */
async function rejection(verifier: TokenVerifier, token: string, kind: RejectionKind = 'invalid'): Promise<Text> {
  const error = await verifier.verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TokenRejected);
  expect((error as TokenRejected).kind).toBe(kind);
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
  let jwks: JwksServer;
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
      scope: [],
      azp: 'babyconnect-portal',
    });
  });

  it("exposes a machine client's scope and azp (client credentials)", async () => {
    const token = await sign(
      key,
      claims({ azp: 'hinq-viewer-log', scope: 'viewer-log:push  profile', groups: undefined }),
    );
    await expect(verifier.verify(token)).resolves.toMatchObject({
      azp: 'hinq-viewer-log',
      scope: ['viewer-log:push', 'profile'],
      groups: undefined,
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

  it('refuses a token issued in the future, beyond the clock tolerance', async () => {
    const reason = await rejection(verifier, await sign(key, claims({ iat: now() + 600, exp: now() + 900 })));
    expect(reason).toEqual({ nl: 'het token is uitgegeven in de toekomst', en: 'the token was issued in the future' });
    await expect(verifier.verify(await sign(key, claims({ iat: now() + 2 })))).resolves.toBeDefined();
    // Without `iat` the reason stays the generic one, not "in the future".
    expect((await rejection(verifier, await sign(key, claims({ iat: undefined })))).en).toBe(
      'the token lacks a valid claim (iat)',
    );
  });

  it('refuses a token issued more than 24 hours ago, even with a valid expiry', async () => {
    const reason = await rejection(verifier, await sign(key, claims({ iat: now() - 25 * 3600, exp: now() + 300 })));
    expect(reason).toEqual({ nl: 'het token is te oud', en: 'the token is too old' });
    await expect(verifier.verify(await sign(key, claims({ iat: now() - 23 * 3600 })))).resolves.toBeDefined();
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

  describe('when the identity provider keys cannot be fetched', () => {
    /** Refused as `unavailable` (signing in again would not help), with a log detail that names the cause. */
    async function unavailable(jwksUrl: string, cause: RegExp, settings: { jwksTimeoutMs?: number } = {}) {
      const verifier = new TokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl, ...settings });
      const token = await sign(key, claims());
      const reason = await rejection(verifier, token, 'unavailable');
      expect(reason).toEqual({
        nl: 'de sleutels van de identiteitsprovider zijn niet bereikbaar',
        en: 'the identity provider keys are unreachable',
      });
      const detail = await verifier.verify(token).then(
        () => '',
        (e: TokenRejected) => e.detail ?? '',
      );
      expect(detail.startsWith(`${jwksUrl}: `)).toBe(true);
      expect(detail).toMatch(cause);
      for (const part of token.split('.')) expect(detail).not.toContain(part);
    }

    it('signals unavailable when nothing listens there (connection refused)', async () => {
      await unavailable(await unreachableJwksUrl(), /fetch failed \(ECONNREFUSED\)$/);
    });

    it.each([500, 503])('signals unavailable when the key endpoint answers %p', async (status) => {
      const broken = await startJwks([key.publicJwk], { status });
      try {
        await unavailable(broken.url, /Expected 200 OK/);
      } finally {
        await broken.close();
      }
    });

    it('signals unavailable when the key endpoint does not answer in time', async () => {
      const slow = await startJwks([key.publicJwk], { delayMs: 2_000 });
      try {
        await unavailable(slow.url, /no answer in time$/, { jwksTimeoutMs: 100 });
      } finally {
        await slow.close();
      }
    });
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

  describe('the cache of verified tokens', () => {
    it('answers a token seen before from memory, but never beyond its expiry', async () => {
      const token = await sign(key, claims({ iat: now() - 10, exp: now() + 2 }));
      await expect(verifier.verify(token)).resolves.toMatchObject({ subject: 'user-123' });
      await expect(verifier.verify(token)).resolves.toMatchObject({ subject: 'user-123' });
      // Past its expiry and jose's 5 s tolerance: refused, although the cache would keep an entry for a minute.
      await new Promise((resolve) => setTimeout(resolve, 7_500));
      expect((await rejection(verifier, token)).en).toBe('the token has expired');
    }, 20_000);

    it('never remembers a refusal', async () => {
      const other = await signingKey('late-key');
      const keys = await startJwks([key.publicJwk]);
      try {
        const rotating = new TokenVerifier({
          issuer: ISSUER,
          audience: AUDIENCE,
          jwksUrl: keys.url,
          jwksCooldownMs: 0,
        });
        const token = await sign(other, claims());
        await rejection(rotating, token);
        keys.publish([key.publicJwk, other.publicJwk]);
        await expect(rotating.verify(token)).resolves.toMatchObject({ subject: 'user-123' });
      } finally {
        await keys.close();
      }
    });
  });
});
