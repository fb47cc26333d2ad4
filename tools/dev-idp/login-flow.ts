// The authorization-code + PKCE flow run headlessly over plain HTTP, exactly as a browser would: open the
// authorization URL, post the login form (Keycloak's form ids), follow the redirects to the redirect URI and
// exchange the code. Works against this dev provider; against a real Keycloak it needs the same form ids.
// Used by `npm run token` and by API tests that need real tokens per demo user.
import { createHash, randomBytes } from 'node:crypto';

export interface LoginOptions {
  /** e.g. http://localhost:8080/realms/babyconnect */
  issuer: string;
  clientId: string;
  redirectUri: string;
  username: string;
  password: string;
  /** Default `openid`, as keycloak-js asks. */
  scope?: string;
}

export interface LoginTokens {
  accessToken: string;
  refreshToken: string;
  idToken: string;
}

export class LoginError extends Error {
  override name = 'LoginError';
}

/** A minimal cookie-keeping HTTP client that does not follow redirects by itself. */
export class Browser {
  readonly cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set('Cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.store(line);
    return response;
  }

  private store(line: string): void {
    const [pair = '', ...attributes] = line.split(';');
    const index = pair.indexOf('=');
    if (index < 1) return;
    const name = pair.slice(0, index).trim();
    const value = pair.slice(index + 1).trim();
    const expired = attributes.some((a) => {
      const [key = '', val = ''] = a.trim().split('=');
      if (key.toLowerCase() === 'max-age') return Number(val) <= 0;
      if (key.toLowerCase() === 'expires') return Date.parse(val) <= Date.now();
      return false;
    });
    if (expired || value === '') this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

const base64url = (buffer: Buffer) => buffer.toString('base64url');

/** Reads the `action` of form#kc-form-login (attribute order-independent). */
export function loginFormAction(html: string): string | undefined {
  const form = /<form\b[^>]*\bid="kc-form-login"[^>]*>/i.exec(html)?.[0];
  const action = form ? /\baction="([^"]*)"/i.exec(form)?.[1] : undefined;
  return action?.replace(/&amp;/g, '&').replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));
}

function loginErrorText(html: string): string | undefined {
  return /id="input-error"[^>]*>([^<]*)</i.exec(html)?.[1]?.trim();
}

/** Follows 3xx responses until one points at the redirect URI (returned) or a page is served (returned). */
async function follow(browser: Browser, response: Response, from: string, redirectUri: string) {
  let current = response;
  let url = from;
  for (let hops = 0; hops < 10; hops += 1) {
    const location = current.headers.get('location');
    if (current.status < 300 || current.status >= 400 || !location) return { page: current, url };
    url = new URL(location, url).href;
    if (url.startsWith(redirectUri)) return { callback: url };
    current = await browser.fetch(url);
  }
  throw new LoginError('too many redirects');
}

export async function loginWithPassword(options: LoginOptions, browser = new Browser()): Promise<LoginTokens> {
  const { issuer, clientId, redirectUri, username, password } = options;
  const verifier = base64url(randomBytes(32));
  const state = base64url(randomBytes(16));
  const authorizationUrl = new URL(`${issuer}/protocol/openid-connect/auth`);
  authorizationUrl.search = new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: options.scope ?? 'openid',
    state,
    nonce: base64url(randomBytes(16)),
    code_challenge: base64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
  }).toString();

  const start = authorizationUrl.href;
  const first = await follow(browser, await browser.fetch(start), start, redirectUri);
  let callback = first.callback;
  if (!callback) {
    const html = await first.page!.text();
    const action = loginFormAction(html);
    if (!action) {
      throw new LoginError(`no login form at ${first.url} (HTTP ${first.page!.status}): ${html.slice(0, 200)}`);
    }
    const target = new URL(action, first.url).href;
    const posted = await browser.fetch(target, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password }).toString(),
    });
    const after = await follow(browser, posted, target, redirectUri);
    if (!after.callback) {
      const message = loginErrorText(await after.page!.text()) ?? `HTTP ${after.page!.status} at ${after.url}`;
      throw new LoginError(`login failed for ${username}: ${message}`);
    }
    callback = after.callback;
  }

  const returned = new URL(callback);
  // Query by default; keycloak-js asks for response_mode=fragment, which lands in the hash.
  const params = new URLSearchParams(returned.search || returned.hash.slice(1));
  if (params.get('error')) {
    throw new LoginError(`authorization refused: ${params.get('error')}: ${params.get('error_description') ?? ''}`);
  }
  if (params.get('state') !== state) throw new LoginError('state mismatch in authorization response');
  const code = params.get('code');
  if (!code) throw new LoginError('no code in authorization response');

  const tokenResponse = await browser.fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: clientId,
      code_verifier: verifier,
    }).toString(),
  });
  const body = (await tokenResponse.json()) as Record<string, unknown>;
  if (!tokenResponse.ok || typeof body['access_token'] !== 'string') {
    throw new LoginError(`token request failed: ${String(body['error'])}: ${String(body['error_description'] ?? '')}`);
  }
  return {
    accessToken: body['access_token'],
    refreshToken: String(body['refresh_token']),
    idToken: String(body['id_token']),
  };
}
