// Where Keycloak behaves differently from oidc-provider and its configuration has no option for it: patched
// methods on the instance's models and one middleware around every request (scopes in, token response out, CORS).
import type { IdTokenInstance, KoaContextWithOIDC, Provider, RefreshToken, UnknownObject } from 'oidc-provider';
import { KEYCLOAK_ROUTES } from './context.ts';
import type { DevIdpContext } from './context.ts';
import { matchesKeycloakPattern } from './realm.ts';
import type { RealmConfig } from './realm.ts';

export function applyKeycloakOverrides(provider: Provider, ctx: DevIdpContext): void {
  // Keycloak matches redirect URIs with a trailing `*` wildcard; oidc-provider only knows exact URIs.
  provider.Client.prototype.redirectUriAllowed = function (uri: string) {
    return matchesKeycloakPattern(uri, ctx.redirectPatterns);
  };
  provider.Client.prototype.postLogoutRedirectUriAllowed = function (uri: string) {
    return matchesKeycloakPattern(uri, ctx.logoutPatterns);
  };

  // Keycloak puts the session id (`sid`) into every token; oidc-provider only for back-channel logout clients.
  provider.Client.prototype.includeSid = () => true;

  // Keycloak ID tokens carry `typ: "ID"` and `azp`.
  const idTokenPayload = provider.IdToken.prototype.payload;
  provider.IdToken.prototype.payload = async function (this: IdTokenInstance) {
    return { ...(await idTokenPayload.call(this)), typ: 'ID', azp: this.client.clientId };
  };

  // Refresh tokens leave as JWTs (see keycloak-shape.ts): unwrap them wherever oidc-provider looks one up.
  const refreshTokens = provider.RefreshToken;
  const findRefreshToken = refreshTokens.find;
  refreshTokens.find = async function (this: unknown, value: string, findOptions?: UnknownObject) {
    return findRefreshToken.call(this, await ctx.codec.unwrap(value), findOptions);
  };

  provider.use(async (koa, next) => {
    // Koa's mount convention: oidc-provider falls back to it when originalUrl no longer ends in the (rewritten) url.
    koa.mountPath = ctx.prefix;
    if (koa.method === 'GET' && koa.path === KEYCLOAK_ROUTES.authorization) applyDefaultScopes(koa, ctx.realm);
    await next();
    if (koa.oidc?.route === 'token') await shapeTokenResponse(koa, ctx);
    // keycloak-js sends credentials: 'include'; the browser then needs this header next to the allowed origin.
    const origin = koa.response.get('Access-Control-Allow-Origin');
    if (origin && ctx.allowedOrigins.has(origin)) koa.set('Access-Control-Allow-Credentials', 'true');
  });
}

/** Keycloak adds the client's default client scopes to whatever the client asked for (keycloak-js: `openid`). */
function applyDefaultScopes(koa: KoaContextWithOIDC, realm: RealmConfig): void {
  const requested = typeof koa.query['scope'] === 'string' ? koa.query['scope'].split(' ').filter(Boolean) : [];
  if (!requested.includes('openid')) return; // not an OpenID request: leave it to oidc-provider to refuse
  const scope = [...new Set([...requested, ...realm.portal.tokenScopes])].join(' ');
  koa.query = { ...koa.query, scope };
}

async function shapeTokenResponse(koa: KoaContextWithOIDC, ctx: DevIdpContext): Promise<void> {
  const body = koa.body as Record<string, unknown> | undefined;
  const refreshToken = koa.oidc.entities.RefreshToken as RefreshToken | undefined;
  if (koa.status !== 200 || !body || typeof body['refresh_token'] !== 'string' || !refreshToken) return;
  body['refresh_token'] = await ctx.codec.wrap(body['refresh_token'], refreshToken);
  // Keycloak's extra token response members (keycloak-js ignores them, other Keycloak clients read them).
  body['refresh_expires_in'] = refreshToken.remainingTTL;
  body['not-before-policy'] = 0;
  if (refreshToken.sid) body['session_state'] = refreshToken.sid;
}
