// What every part of the provider shares: the realm it serves, the derived allow-lists and the state that must
// outlive a key rotation (store, refresh-token codec, cookie keys), plus Keycloak's URL layout under the realm.
import type { MemoryStore } from './memory-store.ts';
import type { Directory, RealmConfig } from './realm.ts';
import type { RefreshTokenCodec } from './keycloak-shape.ts';

export interface DevIdpContext {
  realm: RealmConfig;
  directory: Directory;
  /** `/realms/<name>`: everything the provider serves lives under it, as with Keycloak. */
  prefix: string;
  issuer: string;
  allowedOrigins: Set<string>;
  redirectPatterns: string[];
  logoutPatterns: string[];
  accessTokenTtl: number;
  store: MemoryStore;
  codec: RefreshTokenCodec;
  cookieKeys: string[];
  log: (line: string) => void;
}

/** Resource indicator oidc-provider uses internally; the token's `aud` is the realm's audience (babyconnect-api). */
export const API_RESOURCE = 'urn:babyconnect:api';
export const OIDC = '/protocol/openid-connect';

/** Keycloak's endpoint paths (relative to the realm), so clients configured for Keycloak find them here. */
export const KEYCLOAK_ROUTES = {
  authorization: `${OIDC}/auth`,
  token: `${OIDC}/token`,
  jwks: `${OIDC}/certs`,
  userinfo: `${OIDC}/userinfo`,
  end_session: `${OIDC}/logout`,
  // Not enabled (see README), but every route needs a distinct path.
  revocation: `${OIDC}/revoke`,
  introspection: `${OIDC}/token/introspect`,
};

/** Where the login interaction lives: Keycloak's login-actions path, which browser tests may expect. */
export function loginActionPath(ctx: DevIdpContext, uid: string): string {
  return `${ctx.prefix}/login-actions/authenticate/${uid}`;
}
