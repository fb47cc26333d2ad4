// Makes oidc-provider's tokens look like Keycloak's, because the portal (keycloak-js) and the API are written
// against Keycloak: JWT access tokens with `typ: "Bearer"`, `azp`, `aud` array and group paths; ID tokens with
// `typ: "ID"`; and JWT-shaped refresh tokens (keycloak-js decodes the refresh token, oidc-provider's are opaque).
import { CompactSign, compactVerify, decodeProtectedHeader } from 'jose';
import type { AccessToken, RefreshToken } from 'oidc-provider';
import { fullName } from './realm.ts';
import type { DirectoryUser } from './realm.ts';

/** The user claims Keycloak's profile, email and groups scopes put into access, ID and userinfo tokens. */
export function userClaims(user: DirectoryUser): Record<string, unknown> {
  return {
    preferred_username: user.username,
    name: fullName(user),
    given_name: user.firstName,
    family_name: user.lastName,
    email: user.email,
    email_verified: user.emailVerified,
    groups: [...user.groups],
  };
}

export interface AccessTokenShape {
  audience: string;
  allowedOrigins: string[];
  /** Machine clients and the scopes their client-credentials tokens carry (Keycloak: their default scopes). */
  serviceScopes?: ReadonlyMap<string, readonly string[]>;
}

/**
 * formats.customizers.jwt: oidc-provider builds an RFC 9068 token (`typ: at+jwt`, `client_id`, string `aud`);
 * Keycloak's has header `typ: JWT`, `azp` instead of `client_id`, `typ: Bearer` and `aud` as an array.
 */
export function keycloakAccessToken(shape: AccessTokenShape) {
  return (
    _ctx: unknown,
    token: AccessToken,
    jwt: { header?: Record<string, unknown>; payload: Record<string, unknown> },
  ): void => {
    const { client_id: clientId, ...payload } = jwt.payload;
    jwt.header = { ...jwt.header, typ: 'JWT' };
    if (token.kind === 'ClientCredentials') {
      // A service account's token as Keycloak issues it: the client's default scopes whatever was asked, the
      // service account's username, no session and no user claims. (`sub`: oidc-provider puts the client id.)
      jwt.payload = {
        ...payload,
        aud: [shape.audience],
        typ: 'Bearer',
        azp: clientId,
        scope: [...(shape.serviceScopes?.get(String(clientId)) ?? [])].join(' '),
        preferred_username: `service-account-${String(clientId)}`,
      };
      return;
    }
    jwt.payload = {
      ...payload,
      aud: [shape.audience],
      typ: 'Bearer',
      azp: clientId,
      sid: token.sid,
      'allowed-origins': shape.allowedOrigins,
    };
  };
}

export interface RefreshTokenCodec {
  /** Wraps oidc-provider's opaque refresh token in a Keycloak-like JWT (`typ: "Refresh"`). */
  wrap(opaque: string, token: RefreshToken): Promise<string>;
  /** Returns the opaque token inside a wrapper issued here; any other value comes back unchanged. */
  unwrap(value: string): Promise<string>;
}

/**
 * Like Keycloak, the refresh JWT is HMAC-signed (HS512) with a key only the provider knows: clients decode it
 * but cannot verify or forge it. The opaque token inside stays the real credential: oidc-provider still checks
 * expiry, rotation, reuse and the session, so the wrapper adds shape, not trust.
 */
export function createRefreshTokenCodec(secret: Uint8Array, issuer: string): RefreshTokenCodec {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const kid = 'dev-idp-refresh';

  return {
    async wrap(opaque, token) {
      const now = Math.floor(Date.now() / 1000);
      const payload = {
        exp: token.exp ?? now + token.remainingTTL,
        iat: token.iat ?? now,
        jti: token.jti,
        iss: issuer,
        aud: issuer,
        sub: token.accountId,
        typ: 'Refresh',
        azp: token.clientId,
        sid: token.sid,
        scope: token.scope,
        rt: opaque,
      };
      return new CompactSign(encoder.encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'HS512', typ: 'JWT', kid })
        .sign(secret);
    },
    async unwrap(value) {
      if (value.split('.').length !== 3) return value;
      try {
        if (decodeProtectedHeader(value).kid !== kid) return value;
        // Signature only: expiry is the opaque token's business, so oidc-provider answers with its own error.
        const { payload } = await compactVerify(value, secret, { algorithms: ['HS512'] });
        const claims = JSON.parse(decoder.decode(payload)) as { rt?: unknown; iss?: unknown };
        return typeof claims.rt === 'string' && claims.iss === issuer ? claims.rt : value;
      } catch {
        return value;
      }
    },
  };
}
