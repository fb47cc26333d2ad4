// The oidc-provider configuration: one public client (the portal) from the realm file, Keycloak's routes, scopes,
// claims and lifetimes, JWT access tokens for the API. What configuration cannot express is patched on afterwards
// (keycloak-overrides.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Provider, errors } from 'oidc-provider';
import type { Client } from 'oidc-provider';
import type { JWK } from 'jose';
import { API_RESOURCE, KEYCLOAK_ROUTES, loginActionPath } from './context.ts';
import type { DevIdpContext } from './context.ts';
import { keycloakAccessToken, userClaims } from './keycloak-shape.ts';
import { applyKeycloakOverrides } from './keycloak-overrides.ts';
import { logoutSource, postLogoutSuccessSource, renderError } from './pages.ts';

/** An oidc-provider instance with the keys it signs with: its keystore is fixed, so key rotation replaces both. */
export interface ProviderInstance {
  provider: Provider;
  keys: JWK[];
  callback: (req: IncomingMessage, res: ServerResponse) => void;
}

export function createProvider(ctx: DevIdpContext, keys: JWK[]): ProviderInstance {
  const { realm, directory } = ctx;
  const tokenScope = realm.portal.tokenScopes.join(' ');
  // Machine clients (client credentials) are served only with a secret from the demo file: the realm file has none.
  const serviceClients = realm.serviceClients.filter((c) => directory.clientSecrets.has(c.clientId));
  const serviceScopes = new Map(serviceClients.map((c) => [c.clientId, c.tokenScopes]));

  const provider = new Provider(ctx.issuer, {
    adapter: (model: string) => ctx.store.adapterFor(model),
    jwks: { keys },
    clients: [
      {
        client_id: realm.portal.clientId,
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        // Keycloak always puts auth_time into the ID token.
        require_auth_time: true,
        // Registered for validation only; the Keycloak wildcard patterns are applied by the overrides.
        redirect_uris: ctx.redirectPatterns.map((p) => p.replace(/\*$/, '')),
        post_logout_redirect_uris: ctx.logoutPatterns.map((p) => p.replace(/\*$/, '')),
      },
      ...serviceClients.map((c) => ({
        client_id: c.clientId,
        client_secret: directory.clientSecrets.get(c.clientId)!,
        // Keycloak accepts the secret in the Authorization header (basic) and in the form (post).
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      })),
    ],
    responseTypes: ['code'],
    pkce: { required: () => true },
    scopes: [
      'openid',
      'offline_access',
      ...realm.portal.tokenScopes.filter((s) => s !== 'openid'),
      ...serviceClients.flatMap((c) => c.tokenScopes),
    ],
    claims: {
      // oidc-provider's defaults, repeated because this object replaces them (without `sid` no session id).
      acr: null,
      sid: null,
      auth_time: null,
      iss: null,
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username'],
      email: ['email', 'email_verified'],
      groups: ['groups'],
    },
    cookies: { keys: ctx.cookieKeys },
    findAccount: (_c: unknown, sub: string) => {
      const user = directory.findById(sub);
      return user ? { accountId: sub, claims: () => ({ sub, ...userClaims(user) }) } : undefined;
    },
    extraTokenClaims: (_c: unknown, token: { accountId?: string }) => {
      const user = token.accountId ? directory.findById(token.accountId) : undefined;
      return user ? userClaims(user) : undefined;
    },
    formats: {
      customizers: {
        jwt: keycloakAccessToken({
          audience: realm.apiAudience,
          allowedOrigins: [...ctx.allowedOrigins],
          serviceScopes,
        }),
      },
    },
    // Keycloak issues a refresh token with every code exchange (no offline_access needed) and, with
    // revokeRefreshToken, rotates it on each use; it dies with the SSO session.
    issueRefreshToken: (_c: unknown, client: Client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    ttl: {
      AccessToken: ctx.accessTokenTtl,
      ClientCredentials: ctx.accessTokenTtl,
      IdToken: ctx.accessTokenTtl,
      AuthorizationCode: 60,
      RefreshToken: realm.ssoSessionIdleTimeout,
      Interaction: 30 * 60,
      Session: realm.ssoSessionMaxLifespan,
      Grant: realm.ssoSessionMaxLifespan,
    },
    interactions: {
      url: (_c: unknown, interaction: { uid: string }) => loginActionPath(ctx, interaction.uid),
    },
    routes: KEYCLOAK_ROUTES,
    clientBasedCORS: (_c: unknown, origin: string) => ctx.allowedOrigins.has(origin),
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: serviceClients.length > 0 },
      userinfo: { enabled: true },
      revocation: { enabled: false },
      introspection: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      resourceIndicators: {
        enabled: true,
        // keycloak-js sends no `resource`: every token is for the API, like Keycloak's Audience mapper.
        defaultResource: () => API_RESOURCE,
        // Also when `openid` is requested (oidc-provider would otherwise issue a userinfo-only token).
        useGrantedResource: () => true,
        getResourceServerInfo: (_c: unknown, resource: string) => {
          if (resource !== API_RESOURCE) throw new errors.InvalidTarget();
          return {
            scope: tokenScope,
            audience: realm.apiAudience,
            accessTokenTTL: ctx.accessTokenTtl,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    renderError,
  });

  applyKeycloakOverrides(provider, ctx);

  provider.on('server_error', (_c, error) => console.error('dev-idp: oidc-provider error:', error));
  provider.on('grant.error', (_c, error) => ctx.log(`token request refused: ${describe(error)}`));
  provider.on('authorization.error', (_c, error) => ctx.log(`authorization refused: ${describe(error)}`));
  return { provider, keys, callback: provider.callback() };
}

function describe(error: unknown): string {
  const e = error as { error?: string; error_description?: string; message?: string };
  return [e.error ?? e.message, e.error_description].filter(Boolean).join(': ');
}
