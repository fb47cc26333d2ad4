import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { Text } from '../errors/api-error';

export interface VerifiedToken {
  issuer: string;
  subject: string;
  displayName: string;
  email: string | null;
  groups: unknown;
}

export class TokenRejected extends Error {
  constructor(readonly reason: Text) {
    super(reason.en);
  }
}

export interface TokenVerifierSettings {
  issuer: string;
  audience: string;
  jwksUrl: string;
  /** Minimum time between two key fetches triggered by an unknown `kid` (default 30 s). */
  jwksCooldownMs?: number;
}

/**
 * Verifies Keycloak access tokens locally against the realm's published keys (Keycloak's own advice for
 * services; the keycloak-connect adapter is deprecated). Keys are cached; an unknown `kid` triggers a refetch, so
 * key rotation is followed. The algorithm is pinned: `none` and HMAC tokens are refused.
 */
export class TokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly settings: TokenVerifierSettings) {
    this.keys = createRemoteJWKSet(new URL(settings.jwksUrl), {
      cooldownDuration: settings.jwksCooldownMs ?? 30_000,
      cacheMaxAge: 10 * 60_000,
      timeoutDuration: 5_000,
    });
  }

  async verify(token: string): Promise<VerifiedToken> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        algorithms: ['RS256'],
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        clockTolerance: 5,
        requiredClaims: ['exp', 'iat', 'sub'],
      }));
    } catch (error) {
      throw new TokenRejected(reasonFor(error));
    }
    // An ID or refresh token is signed by the same keys; only an access token may call the API.
    if (payload['typ'] !== 'Bearer') {
      throw new TokenRejected({ nl: 'dit is geen toegangstoken', en: 'this is not an access token' });
    }
    const name = stringClaim(payload, 'name') ?? stringClaim(payload, 'preferred_username') ?? payload.sub!;
    return {
      issuer: payload.iss!,
      subject: payload.sub!,
      displayName: name,
      email: stringClaim(payload, 'email'),
      groups: payload['groups'],
    };
  }
}

function stringClaim(payload: JWTPayload, claim: string): string | null {
  const value = payload[claim];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function reasonFor(error: unknown): Text {
  if (error instanceof joseErrors.JWTExpired) return { nl: 'het token is verlopen', en: 'the token has expired' };
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
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
  // fetch() itself failing (connection refused, unknown host) surfaces as a plain TypeError, not a JOSE error.
  // (Checked by name: the TypeError may come from another realm, e.g. under Jest.)
  const fetchFailed = (error as Error | undefined)?.name === 'TypeError' && (error as Error).message === 'fetch failed';
  if (
    fetchFailed ||
    error instanceof joseErrors.JWKSTimeout ||
    (error as { code?: string }).code === 'ERR_JOSE_GENERIC'
  ) {
    return {
      nl: 'de sleutels van de identiteitsprovider zijn niet bereikbaar',
      en: 'the identity provider keys are unreachable',
    };
  }
  if (error instanceof joseErrors.JWSInvalid || error instanceof joseErrors.JWTInvalid) {
    return { nl: 'het token is ongeldig', en: 'the token is malformed' };
  }
  return { nl: 'het token is ongeldig', en: 'the token is invalid' };
}
