// A local OpenID provider that looks like the Keycloak realm `babyconnect` to the portal and the API: Keycloak's
// URL layout, token shape and login form ids, configured from the realm file and the demo users. Built on
// oidc-provider (OpenID-certified), so the protocol parts (code + PKCE, refresh rotation, logout) are real.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { Provider, errors } from 'oidc-provider';
import type { Client, IdTokenInstance, KoaContextWithOIDC, RefreshToken, UnknownObject } from 'oidc-provider';
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { JWK } from 'jose';
import { loadOrCreateKeys, rotate } from './keys.ts';
import { createMemoryStore } from './memory-store.ts';
import type { MemoryStore } from './memory-store.ts';
import { checkPassword, loadDirectory, loadRealm, matchesKeycloakPattern } from './realm.ts';
import type { Directory, DirectoryUser, RealmConfig } from './realm.ts';
import { createRefreshTokenCodec, keycloakAccessToken, userClaims } from './keycloak-shape.ts';
import type { RefreshTokenCodec } from './keycloak-shape.ts';
import { escapeHtml, renderLoginPage } from './login-page.ts';

export interface DevIdpOptions {
  /** 0 picks a free port. */
  port: number;
  /** Interface to listen on (default 127.0.0.1); the issuer always says `localhost`. */
  host?: string;
  realmFile: string;
  demoFile: string;
  /** More users in the demo file's format (test fixtures); a later file wins on a duplicate username. */
  extraUsersFiles?: string[];
  /** Origins of the portal (default http://localhost:4200): allowed redirect/logout targets and CORS origins. */
  portalOrigins?: string[];
  /** Where the signing JWKS is kept across restarts; without it keys live in memory only. */
  keysFile?: string;
  accessTokenTtlSeconds?: number;
  quiet?: boolean;
}

export interface DevIdp {
  issuer: string;
  port: number;
  close(): Promise<void>;
  /** Adds a new signing key: new tokens carry its kid; older keys stay in the JWKS for verification. */
  rotateKeys(): Promise<void>;
}

/** Resource indicator oidc-provider uses internally; the token's `aud` is the realm's audience (babyconnect-api). */
const API_RESOURCE = 'urn:babyconnect:api';
const OIDC = '/protocol/openid-connect';

const KEYCLOAK_ROUTES = {
  authorization: `${OIDC}/auth`,
  token: `${OIDC}/token`,
  jwks: `${OIDC}/certs`,
  userinfo: `${OIDC}/userinfo`,
  end_session: `${OIDC}/logout`,
  // Not enabled (see README), but every route needs a distinct path.
  revocation: `${OIDC}/revoke`,
  introspection: `${OIDC}/token/introspect`,
};

interface Context {
  realm: RealmConfig;
  directory: Directory;
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

export async function startDevIdp(options: DevIdpOptions): Promise<DevIdp> {
  const realm = loadRealm(options.realmFile);
  const directory = loadDirectory([options.demoFile, ...(options.extraUsersFiles ?? [])]);
  let keys = await loadOrCreateKeys(options.keysFile);

  const portalOrigins = (options.portalOrigins ?? ['http://localhost:4200']).map((o) => new URL(o).origin);
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('dev-idp: request failed:', error);
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error' });
      else res.end();
    });
  });
  const port = await listen(server, options.port, options.host ?? '127.0.0.1');

  const prefix = `/realms/${realm.name}`;
  const issuer = `http://localhost:${port}${prefix}`;
  const ctx: Context = {
    realm,
    directory,
    prefix,
    issuer,
    allowedOrigins: new Set([...realm.portal.webOrigins, ...portalOrigins]),
    redirectPatterns: [...realm.portal.redirectUris, ...portalOrigins.map((o) => `${o}/*`)],
    logoutPatterns: [...realm.portal.postLogoutRedirectUris, ...portalOrigins.map((o) => `${o}/*`)],
    accessTokenTtl: options.accessTokenTtlSeconds ?? realm.accessTokenLifespan,
    store: createMemoryStore(),
    codec: createRefreshTokenCodec(randomBytes(64), issuer),
    cookieKeys: [randomBytes(32).toString('base64url')],
    log: options.quiet ? () => undefined : (line) => console.log(`dev-idp: ${line}`),
  };

  let provider = buildProvider(ctx, keys);
  let providerCallback = provider.callback();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) {
      sendJson(res, 404, { error: 'not_found', hint: `realm lives under ${prefix}` });
      return;
    }
    const path = url.pathname.slice(prefix.length) || '/';

    const interaction = /^\/login-actions\/authenticate\/([\w-]+)$/.exec(path);
    if (interaction) return handleInteraction(ctx, provider, req, res, interaction[1] as string);
    if (path === KEYCLOAK_ROUTES.userinfo) return handleUserinfo(ctx, keys, req, res);
    if (path === `${OIDC}/3p-cookies/step1.html`) return sendHtml(res, 200, THIRD_PARTY_COOKIES_STUB);
    if (path === `${OIDC}/login-status-iframe.html`) return sendHtml(res, 200, LOGIN_STATUS_IFRAME_STUB);

    // Mount oidc-provider under the realm path: it derives its own URLs from originalUrl minus url.
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
    req.url = `${path}${url.search}`;
    providerCallback(req, res);
  }

  return {
    issuer,
    port,
    async close() {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
    async rotateKeys() {
      // oidc-provider's keystore is fixed per instance: build a new one on the same store, so sessions,
      // codes and refresh tokens carry over and only the signing key changes.
      keys = await rotate(keys, options.keysFile);
      provider = buildProvider(ctx, keys);
      providerCallback = provider.callback();
      ctx.log(`signing key rotated, new kid ${keys[0]?.kid}`);
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function buildProvider(ctx: Context, keys: JWK[]): Provider {
  const { realm, directory } = ctx;
  const tokenScope = realm.portal.tokenScopes.join(' ');

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
        // Registered for validation only; the Keycloak wildcard patterns are applied by the overrides below.
        redirect_uris: ctx.redirectPatterns.map((p) => p.replace(/\*$/, '')),
        post_logout_redirect_uris: ctx.logoutPatterns.map((p) => p.replace(/\*$/, '')),
      },
    ],
    responseTypes: ['code'],
    pkce: { required: () => true },
    scopes: ['openid', 'offline_access', ...realm.portal.tokenScopes.filter((s) => s !== 'openid')],
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
        jwt: keycloakAccessToken({ audience: realm.apiAudience, allowedOrigins: [...ctx.allowedOrigins] }),
      },
    },
    // Keycloak issues a refresh token with every code exchange (no offline_access needed) and, with
    // revokeRefreshToken, rotates it on each use; it dies with the SSO session.
    issueRefreshToken: (_c: unknown, client: Client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    ttl: {
      AccessToken: ctx.accessTokenTtl,
      IdToken: ctx.accessTokenTtl,
      AuthorizationCode: 60,
      RefreshToken: realm.ssoSessionIdleTimeout,
      Interaction: 30 * 60,
      Session: realm.ssoSessionMaxLifespan,
      Grant: realm.ssoSessionMaxLifespan,
    },
    interactions: {
      url: (_c: unknown, interaction: { uid: string }) => `${ctx.prefix}/login-actions/authenticate/${interaction.uid}`,
    },
    routes: KEYCLOAK_ROUTES,
    clientBasedCORS: (_c: unknown, origin: string) => ctx.allowedOrigins.has(origin),
    features: {
      devInteractions: { enabled: false },
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
    if (koa.method === 'GET' && koa.path === KEYCLOAK_ROUTES.authorization) applyDefaultScopes(koa, realm);
    await next();
    if (koa.oidc?.route === 'token') await shapeTokenResponse(koa, ctx);
    // keycloak-js sends credentials: 'include'; the browser then needs this header next to the allowed origin.
    const origin = koa.response.get('Access-Control-Allow-Origin');
    if (origin && ctx.allowedOrigins.has(origin)) koa.set('Access-Control-Allow-Credentials', 'true');
  });

  provider.on('server_error', (_c, error) => console.error('dev-idp: oidc-provider error:', error));
  provider.on('grant.error', (_c, error) => ctx.log(`token request refused: ${describe(error)}`));
  provider.on('authorization.error', (_c, error) => ctx.log(`authorization refused: ${describe(error)}`));
  return provider;
}

function describe(error: unknown): string {
  const e = error as { error?: string; error_description?: string; message?: string };
  return [e.error ?? e.message, e.error_description].filter(Boolean).join(': ');
}

/** Keycloak adds the client's default client scopes to whatever the client asked for (keycloak-js: `openid`). */
function applyDefaultScopes(koa: KoaContextWithOIDC, realm: RealmConfig): void {
  const requested = typeof koa.query['scope'] === 'string' ? koa.query['scope'].split(' ').filter(Boolean) : [];
  if (!requested.includes('openid')) return; // not an OpenID request: leave it to oidc-provider to refuse
  const scope = [...new Set([...requested, ...realm.portal.tokenScopes])].join(' ');
  koa.query = { ...koa.query, scope };
}

async function shapeTokenResponse(koa: KoaContextWithOIDC, ctx: Context): Promise<void> {
  const body = koa.body as Record<string, unknown> | undefined;
  const refreshToken = koa.oidc.entities.RefreshToken as RefreshToken | undefined;
  if (koa.status !== 200 || !body || typeof body['refresh_token'] !== 'string' || !refreshToken) return;
  body['refresh_token'] = await ctx.codec.wrap(body['refresh_token'], refreshToken);
  // Keycloak's extra token response members (keycloak-js ignores them, other Keycloak clients read them).
  body['refresh_expires_in'] = refreshToken.remainingTTL;
  body['not-before-policy'] = 0;
  if (refreshToken.sid) body['session_state'] = refreshToken.sid;
}

async function handleInteraction(
  ctx: Context,
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
): Promise<void> {
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    sendHtml(res, 400, messagePage('Deze inlogpoging is verlopen', 'Ga terug naar de applicatie en log opnieuw in.'));
    return;
  }
  if (details.uid !== uid) {
    sendHtml(res, 400, messagePage('Ongeldige inlogpoging', 'Ga terug naar de applicatie en log opnieuw in.'));
    return;
  }
  const action = `${ctx.prefix}/login-actions/authenticate/${uid}`;
  const clientId = String(details.params.client_id);
  const scope = String(details.params.scope ?? 'openid');

  if (details.prompt.name !== 'login') {
    // Consent is implied, as for Keycloak clients without "consent required".
    const accountId = details.session?.accountId;
    if (!accountId) {
      sendHtml(res, 400, messagePage('Ongeldige inlogpoging', 'Geen sessie gevonden.'));
      return;
    }
    const grantId = await saveGrant(provider, accountId, clientId, scope, details.grantId);
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return;
  }

  if (req.method !== 'POST') {
    sendHtml(res, 200, renderLoginPage({ action, title: ctx.realm.displayName, directory: ctx.directory }));
    return;
  }

  const form = new URLSearchParams(await readBody(req));
  const login = (form.get('username') ?? '').trim();
  const user = findUser(ctx.directory, login);
  if (!user || !checkPassword(user, form.get('password') ?? '')) {
    ctx.log(`login failed for "${login}"`);
    const page = renderLoginPage({
      action,
      title: ctx.realm.displayName,
      directory: ctx.directory,
      error: 'Ongeldige gebruikersnaam of wachtwoord.',
      username: login,
    });
    sendHtml(res, 200, page);
    return;
  }
  ctx.log(`login ${user.username}`);
  const grantId = await saveGrant(provider, user.id, clientId, scope);
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: user.id }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

function findUser(directory: Directory, login: string): DirectoryUser | undefined {
  const lower = login.toLowerCase();
  return directory.findByUsername(lower) ?? directory.users.find((u) => u.email.toLowerCase() === lower);
}

async function saveGrant(
  provider: Provider,
  accountId: string,
  clientId: string,
  scope: string,
  existingGrantId?: string,
): Promise<string> {
  const existing = existingGrantId ? await provider.Grant.find(existingGrantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId, clientId });
  grant.addOIDCScope(scope);
  grant.addResourceScope(API_RESOURCE, scope);
  return grant.save();
}

/** Own userinfo endpoint: oidc-provider's refuses JWT access tokens that carry an audience. */
async function handleUserinfo(ctx: Context, keys: JWK[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const origin = req.headers.origin;
  if (origin && ctx.allowedOrigins.has(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Vary', 'Origin');
  }
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', 'GET,POST');
    res.setHeader(
      'Access-Control-Allow-Headers',
      String(req.headers['access-control-request-headers'] ?? 'Authorization'),
    );
    res.writeHead(204).end();
    return;
  }
  const header = req.headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  const token = bearer ?? (req.method === 'POST' ? new URLSearchParams(await readBody(req)).get('access_token') : null);
  const refuse = (description: string) => {
    res.setHeader('WWW-Authenticate', `Bearer error="invalid_token", error_description="${description}"`);
    sendJson(res, 401, { error: 'invalid_token', error_description: description });
  };
  if (!token) return refuse('missing access token');
  try {
    const publicKeys = keys.map(({ d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub }) => pub);
    const { payload } = await jwtVerify(token, createLocalJWKSet({ keys: publicKeys }), {
      issuer: ctx.issuer,
      algorithms: ['RS256'],
    });
    // Unlike Keycloak, no check that the SSO session is still alive: `sid` is oidc-provider's per-client id.
    if (payload['typ'] !== 'Bearer') return refuse('not an access token');
    const user = payload.sub ? ctx.directory.findById(payload.sub) : undefined;
    if (!user) return refuse('user not found');
    sendJson(res, 200, { sub: user.id, ...userClaims(user) });
  } catch {
    refuse('token verification failed');
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
}

function messagePage(title: string, text: string): string {
  return `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:640px;margin:40px auto"><h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(text)}</p></body></html>`;
}

async function renderError(koa: KoaContextWithOIDC, out: Record<string, string>): Promise<void> {
  koa.set('Content-Type', 'text/html; charset=utf-8');
  koa.body = messagePage(
    'Er ging iets mis bij het inloggen',
    `${out['error'] ?? 'error'}: ${out['error_description'] ?? ''}`,
  );
}

/** RP-initiated logout without a confirmation page: the form oidc-provider needs (with its xsrf) submits itself. */
async function logoutSource(koa: KoaContextWithOIDC, form: string): Promise<void> {
  koa.set('Content-Type', 'text/html; charset=utf-8');
  koa.body = `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Uitloggen</title></head>
<body style="font-family:system-ui,sans-serif;max-width:640px;margin:40px auto">
${form}
<p>U wordt uitgelogd…</p>
<button id="kc-logout" type="submit" form="op.logoutForm" name="logout" value="yes">Uitloggen</button>
<script>document.getElementById('kc-logout').click();</script>
</body></html>`;
}

async function postLogoutSuccessSource(koa: KoaContextWithOIDC): Promise<void> {
  koa.set('Content-Type', 'text/html; charset=utf-8');
  koa.body = messagePage('U bent uitgelogd', 'U kunt dit venster sluiten.');
}

/** keycloak-js's third-party-cookie check: answer "supported" (the portal runs with checkLoginIframe: false). */
const THIRD_PARTY_COOKIES_STUB = `<!DOCTYPE html><html><body><script>
window.parent.postMessage('supported', '*');
</script></body></html>`;

/** Stub of Keycloak's session iframe: always "unchanged" (no session polling against this provider). */
const LOGIN_STATUS_IFRAME_STUB = `<!DOCTYPE html><html><body><script>
window.addEventListener('message', function (event) { event.source.postMessage('unchanged', event.origin); });
</script></body></html>`;
