import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { Text } from '../errors/api-error';

export interface VerifiedToken {
  issuer: string;
  subject: string;
  displayName: string;
  email: string | null;
  groups: unknown;
  /** The OAuth2 scopes granted (`scope`, space-separated in the token). */
  scope: string[];
  /** The client the token was issued to (`azp`): the portal for a person, `hinq-viewer-log` for HINQ's systems. */
  azp: string | null;
}

/**
 * `invalid`: the token is wrong, signing in again helps. `unavailable`: the realm keys could not be fetched, so
 * nothing about the token is known and signing in again does not help; `detail` then says why, for the log.
 */
export type RejectionKind = 'invalid' | 'unavailable';

export class TokenRejected extends Error {
  constructor(
    readonly reason: Text,
    readonly kind: RejectionKind = 'invalid',
    readonly detail?: string,
  ) {
    super(reason.en);
  }
}

export interface TokenVerifierSettings {
  issuer: string;
  audience: string;
  jwksUrl: string;
  /** Minimum time between two key fetches triggered by an unknown `kid` (default 30 s). */
  jwksCooldownMs?: number;
  /** How long a key fetch may take before the identity provider counts as unreachable (default 5 s). */
  jwksTimeoutMs?: number;
}

const MAX_TOKEN_AGE_SECONDS = 24 * 60 * 60;
const VERIFIED_CACHE_MS = 60_000;
const VERIFIED_CACHE_SIZE = 10_000;

const KEYS_UNREACHABLE: Text = {
  nl: 'de sleutels van de identiteitsprovider zijn niet bereikbaar',
  en: 'the identity provider keys are unreachable',
};

/**
 * Verifies Keycloak access tokens locally against the realm's published keys (Keycloak's own advice for
 * services; the keycloak-connect adapter is deprecated). Keys are cached; an unknown `kid` triggers a refetch, so
 * key rotation is followed. The algorithm is pinned: `none` and HMAC tokens are refused.
 */
export class TokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;
  /** The key endpoint as it may be logged: no credentials or query string. */
  private readonly keysAt: string;

  constructor(private readonly settings: TokenVerifierSettings) {
    const url = new URL(settings.jwksUrl);
    this.keysAt = `${url.origin}${url.pathname}`;
    this.keys = createRemoteJWKSet(url, {
      cooldownDuration: settings.jwksCooldownMs ?? 30_000,
      cacheMaxAge: 10 * 60_000,
      timeoutDuration: settings.jwksTimeoutMs ?? 5_000,
    });
  }

  /**
   * Verified tokens, by their exact text, until their expiry but at most a minute: a portal sends the same token
   * with every request for minutes, and an RS256 check per request was measurable CPU. An entry is dropped as soon
   * as its signing key is no longer in the realm's key set (a withdrawn key); a refusal is never cached.
   */
  private readonly verified = new Map<string, { token: VerifiedToken; until: number; kid: string | undefined }>();

  async verify(token: string): Promise<VerifiedToken> {
    const now = Date.now();
    const known = this.verified.get(token);
    if (known && known.until > now && this.keyStillPublished(known.kid)) return known.token;
    if (known) this.verified.delete(token);
    const verified = await this.verifyNow(token);
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.clear();
    this.verified.set(token, {
      token: verified.token,
      until: Math.min(verified.expiresAt, now + VERIFIED_CACHE_MS),
      kid: verified.kid,
    });
    return verified.token;
  }

  private keyStillPublished(kid: string | undefined): boolean {
    return this.keys.jwks()?.keys.some((key) => key.kid === kid) ?? false;
  }

  private async verifyNow(
    token: string,
  ): Promise<{ token: VerifiedToken; expiresAt: number; kid: string | undefined }> {
    let payload: JWTPayload;
    let kid: string | undefined;
    try {
      ({
        payload,
        protectedHeader: { kid },
      } = await jwtVerify(token, this.keys, {
        algorithms: ['RS256'],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        clockTolerance: 5,
        // Makes jose check `iat` at all: refuses tokens issued in the future, and caps the age of a token a
        // misconfigured realm might issue with a far-away `exp` (Keycloak access tokens live minutes).
        maxTokenAge: MAX_TOKEN_AGE_SECONDS,
        requiredClaims: ['exp', 'iat', 'sub'],
      }));
    } catch (error) {
      const unavailable = keysUnavailable(error);
      if (unavailable) throw new TokenRejected(KEYS_UNREACHABLE, 'unavailable', `${this.keysAt}: ${unavailable}`);
      throw new TokenRejected(reasonFor(error));
    }
    // An ID or refresh token is signed by the same keys; only an access token may call the API.
    if (payload['typ'] !== 'Bearer') {
      throw new TokenRejected({ nl: 'dit is geen toegangstoken', en: 'this is not an access token' });
    }
    const name = stringClaim(payload, 'name') ?? stringClaim(payload, 'preferred_username') ?? payload.sub!;
    return {
      token: {
        issuer: payload.iss!,
        subject: payload.sub!,
        displayName: name,
        email: stringClaim(payload, 'email'),
        groups: payload['groups'],
        scope: typeof payload['scope'] === 'string' ? payload['scope'].split(' ').filter(Boolean) : [],
        azp: stringClaim(payload, 'azp'),
      },
      // `exp` is required above; without the clock tolerance, so a cached token never outlives what jose allows.
      expiresAt: payload.exp! * 1000,
      kid,
    };
  }
}

function stringClaim(payload: JWTPayload, claim: string): string | null {
  const value = payload[claim];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * Why the realm keys could not be fetched, or null when the error is about the token. Never contains the token:
 * these errors come from fetching the key endpoint, before the token is looked at beyond its header.
 */
function keysUnavailable(error: unknown): string | null {
  if (error instanceof joseErrors.JWKSTimeout) return 'no answer in time';
  // fetch() itself failing (connection refused, unknown host) surfaces as a plain TypeError, not a JOSE error.
  // (Checked by name: the TypeError may come from another realm, e.g. under Jest.)
  const failure = error as { name?: string; message?: string; code?: string; cause?: { code?: string } } | undefined;
  if (failure?.name === 'TypeError' && failure.message === 'fetch failed') {
    return `fetch failed${failure.cause?.code ? ` (${failure.cause.code})` : ''}`;
  }
  // A non-200 answer or one that is not JSON (jose's generic error), or a key set that is malformed: the realm is
  // down or broken, which the person signing in cannot fix either.
  if (failure?.code === 'ERR_JOSE_GENERIC' || error instanceof joseErrors.JWKSInvalid) return failure!.message!;
  return null;
}

function reasonFor(error: unknown): Text {
  if (error instanceof joseErrors.JWTExpired) {
    // jose reports a token older than maxTokenAge as expired on claim `iat`.
    if (error.claim === 'iat') return { nl: 'het token is te oud', en: 'the token is too old' };
    return { nl: 'het token is verlopen', en: 'the token has expired' };
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    // Only with maxTokenAge set does jose compare `iat` with the clock; a missing `iat` is reported as `missing`.
    if (error.claim === 'iat' && error.reason === 'check_failed')
      return { nl: 'het token is uitgegeven in de toekomst', en: 'the token was issued in the future' };
    if (error.claim === 'iss')
      return { nl: 'het token komt van een onbekende uitgever', en: 'the token comes from an unknown issuer' };
    if (error.claim === 'aud')
      return { nl: 'het token is niet voor deze dienst bestemd', en: 'the token is not meant for this service' };
    if (error.claim === 'nbf') return { nl: 'het token is nog niet geldig', en: 'the token is not yet valid' };
    return {
      nl: `het token mist een geldige claim (${error.claim})`,
      en: `the token lacks a valid claim (${error.claim})`,
    };
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed || error instanceof joseErrors.JOSENotSupported) {
    return {
      nl: 'het token is niet op de vereiste manier ondertekend',
      en: 'the token is not signed the required way',
    };
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed || error instanceof joseErrors.JWKSNoMatchingKey) {
    return { nl: 'de handtekening van het token klopt niet', en: 'the token signature is invalid' };
  }
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid) {
    return { nl: 'het token is ongeldig', en: 'the token is malformed' };
  }
  return { nl: 'het token is ongeldig', en: 'the token is invalid' };
}
