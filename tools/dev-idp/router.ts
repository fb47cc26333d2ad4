// The HTTP layer in front of oidc-provider: everything lives under the realm path, as with Keycloak. The login
// interaction, userinfo and keycloak-js's iframe pages are served here; every other path goes to oidc-provider,
// mounted under the realm path.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { KEYCLOAK_ROUTES, OIDC } from './context.ts';
import type { DevIdpContext } from './context.ts';
import { sendHtml, sendJson } from './http.ts';
import { handleInteraction } from './interactions.ts';
import { LOGIN_STATUS_IFRAME_STUB, THIRD_PARTY_COOKIES_STUB } from './pages.ts';
import type { ProviderInstance } from './provider.ts';
import { realmPublicInfo } from './realm-info.ts';
import { handleUserinfo } from './userinfo.ts';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** `current` is asked on every request, so a key rotation takes effect without restarting the server. */
export function createRouter(ctx: DevIdpContext, current: () => ProviderInstance): RequestHandler {
  const { prefix } = ctx;
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) {
      sendJson(res, 404, { error: 'not_found', hint: `realm lives under ${prefix}` });
      return;
    }
    const path = url.pathname.slice(prefix.length) || '/';
    const { provider, keys, callback } = current();
    // keycloak-js loads these two pages in iframes of the portal; nothing else of the provider may be framed
    // (clickjacking of the login form).
    const framable = path === `${OIDC}/3p-cookies/step1.html` || path === `${OIDC}/login-status-iframe.html`;
    if (!framable) {
      res.setHeader('X-Frame-Options', 'DENY');
      res.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
    }
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');

    if (path === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
      return sendJson(res, 200, realmPublicInfo(ctx, keys));
    }

    const interaction = /^\/login-actions\/authenticate\/([\w-]+)$/.exec(path);
    if (interaction) return handleInteraction(ctx, provider, req, res, interaction[1] as string);
    if (path === KEYCLOAK_ROUTES.userinfo) return handleUserinfo(ctx, keys, req, res);
    if (path === `${OIDC}/3p-cookies/step1.html`) return sendHtml(res, 200, THIRD_PARTY_COOKIES_STUB);
    if (path === `${OIDC}/login-status-iframe.html`) return sendHtml(res, 200, LOGIN_STATUS_IFRAME_STUB);

    // Mount oidc-provider under the realm path: it derives its own URLs from originalUrl minus url.
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
    req.url = `${path}${url.search}`;
    callback(req, res);
  };
}
