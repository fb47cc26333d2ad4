import { createHash, createPublicKey, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { startDevIdp } from './server.ts';
import type { DevIdp } from './server.ts';
import { Browser, LoginError, loginFormAction, loginWithPassword } from './login-flow.ts';
import { devIdpPaths } from './paths.ts';

const repoRoot = resolve(__dirname, '../..');
const { realmFile, demoFile } = devIdpPaths(repoRoot);
const clientId = 'babyconnect-portal';
const redirectUri = 'http://localhost:4200/';
const portal = 'http://localhost:4200';

let idp: DevIdp;
let workDir: string;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'dev-idp-'));
  const fixtures = join(workDir, 'fixtures.json');
  writeFileSync(
    fixtures,
    JSON.stringify({
      users: [
        {
          id: '00000000-0000-4000-8000-000000000f01',
          username: 'fixture-user',
          firstName: 'Test',
          lastName: 'Persoon',
          email: 'fixture-user@example.org',
          credentials: [{ type: 'password', value: 'geheim' }],
          groups: ['/orgs/test-org/employee'],
        },
      ],
    }),
  );
  idp = await startDevIdp({
    port: 0,
    realmFile,
    demoFile,
    extraUsersFiles: [fixtures],
    keysFile: join(workDir, 'jwks.json'),
    quiet: true,
  });
});

afterAll(async () => {
  await idp.close();
  rmSync(workDir, { recursive: true, force: true });
});

const login = (username: string, password = 'demo', browser?: Browser) =>
  loginWithPassword({ issuer: idp.issuer, clientId, redirectUri, username, password }, browser);

const tokenRequest = (body: Record<string, string>) =>
  fetch(`${idp.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: portal },
    body: new URLSearchParams(body).toString(),
  });

function authorizationUrl(extra: Record<string, string> = {}): string {
  const verifier = randomBytes(32).toString('base64url');
  const params = new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid',
    state: 's',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    ...extra,
  });
  return `${idp.issuer}/protocol/openid-connect/auth?${params}`;
}

describe('dev identity provider', () => {
  it('uses the issuer on localhost with Keycloak paths in discovery', async () => {
    expect(idp.issuer).toBe(`http://localhost:${idp.port}/realms/babyconnect`);
    const response = await fetch(`${idp.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, unknown>;
    const oidc = `${idp.issuer}/protocol/openid-connect`;
    expect(discovery).toMatchObject({
      issuer: idp.issuer,
      authorization_endpoint: `${oidc}/auth`,
      token_endpoint: `${oidc}/token`,
      jwks_uri: `${oidc}/certs`,
      userinfo_endpoint: `${oidc}/userinfo`,
      end_session_endpoint: `${oidc}/logout`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(discovery['response_types_supported']).toEqual(['code']);
    expect(discovery['grant_types_supported']).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token']));
    const certs = await fetch(`${oidc}/certs`);
    expect(((await certs.json()) as { keys: unknown[] }).keys.length).toBeGreaterThan(0);
  });

  it('issues a Keycloak-shaped access token, verifiable against the JWKS', async () => {
    const tokens = await login('wieg-fg');
    const jwks = createRemoteJWKSet(new URL(`${idp.issuer}/protocol/openid-connect/certs`));
    const { payload, protectedHeader } = await jwtVerify(tokens.accessToken, jwks, {
      issuer: idp.issuer,
      audience: 'babyconnect-api',
      algorithms: ['RS256'],
    });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(typeof protectedHeader.kid).toBe('string');
    expect(payload).toMatchObject({
      iss: idp.issuer,
      sub: expect.stringMatching(/^[0-9a-f-]{36}$/),
      aud: ['babyconnect-api'],
      azp: 'babyconnect-portal',
      typ: 'Bearer',
      scope: 'openid profile email groups',
      preferred_username: 'wieg-fg',
      name: 'Femke de Vries',
      given_name: 'Femke',
      family_name: 'de Vries',
      email: 'wieg-fg@example.org',
      email_verified: true,
      groups: ['/orgs/vp-de-wieg/dpo'],
    });
    expect(payload).not.toHaveProperty('client_id');
    for (const claim of ['exp', 'iat', 'jti', 'sid']) expect(payload).toHaveProperty(claim);
    expect((payload.exp as number) - (payload.iat as number)).toBe(300);

    const id = decodeJwt(tokens.idToken);
    expect(id).toMatchObject({ typ: 'ID', aud: clientId, azp: clientId, sub: payload.sub, sid: payload['sid'] });
    expect(id['groups']).toEqual(['/orgs/vp-de-wieg/dpo']);
  });

  it("issues a client-credentials token to HINQ's machine client: its scope only, no person, no refresh token", async () => {
    const basic = (secret: string) =>
      fetch(`${idp.issuer}/protocol/openid-connect/token`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Authorization: `Basic ${Buffer.from(`hinq-viewer-log:${secret}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
      });
    const answer = await basic('dev-hinq-viewer-log-secret');
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty('refresh_token');
    const jwks = createRemoteJWKSet(new URL(`${idp.issuer}/protocol/openid-connect/certs`));
    const { payload } = await jwtVerify(String(body['access_token']), jwks, {
      issuer: idp.issuer,
      audience: 'babyconnect-api',
      algorithms: ['RS256'],
    });
    expect(payload).toMatchObject({
      azp: 'hinq-viewer-log',
      typ: 'Bearer',
      scope: 'viewer-log:push',
      sub: 'hinq-viewer-log',
      preferred_username: 'service-account-hinq-viewer-log',
    });
    expect(payload).not.toHaveProperty('groups');
    expect(payload).not.toHaveProperty('client_id');

    // A wrong secret, and the portal (a public client) asking for the grant, are both refused.
    expect((await basic('wrong')).status).toBe(401);
    const portalAsking = await tokenRequest({ grant_type: 'client_credentials', client_id: clientId });
    expect(portalAsking.status).toBe(400);
  });

  it('gives the stable user id from the demo file as sub, and every group path of a multi-organisation user', async () => {
    const payload = decodeJwt((await login('multi-fg')).accessToken);
    const demo = JSON.parse(readFileSync(demoFile, 'utf8')) as { users: { username: string; id: string }[] };
    expect(payload.sub).toBe(demo.users.find((u) => u.username === 'multi-fg')?.id);
    expect(payload['groups']).toEqual(['/orgs/vp-de-wieg/dpo', '/orgs/vp-het-nest/employee']);
    expect(decodeJwt((await login('beheerder')).accessToken)['groups']).toEqual(['/platform/admin']);
  });

  it('logs in users from extra files (test fixtures) with their own password', async () => {
    const payload = decodeJwt((await login('fixture-user', 'geheim')).accessToken);
    expect(payload['groups']).toEqual(['/orgs/test-org/employee']);
  });

  it('requires PKCE: an authorization request without code_challenge is refused', async () => {
    const url = new URL(authorizationUrl());
    url.searchParams.delete('code_challenge');
    url.searchParams.delete('code_challenge_method');
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location') as string);
    expect(location.href.startsWith(redirectUri)).toBe(true);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);

    const plain = await fetch(authorizationUrl({ code_challenge_method: 'plain' }), { redirect: 'manual' });
    expect(new URL(plain.headers.get('location') as string).searchParams.get('error')).toBe('invalid_request');
  });

  it('refuses a redirect URI outside the realm patterns', async () => {
    const response = await fetch(authorizationUrl({ redirect_uri: 'https://evil.example.org/' }), {
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
  });

  it('refuses a wrong password with the login form again (HTTP 200) and an error message', async () => {
    const browser = new Browser();
    let response = await browser.fetch(authorizationUrl());
    while (response.status >= 300 && response.status < 400) {
      response = await browser.fetch(new URL(response.headers.get('location') as string, idp.issuer).href);
    }
    const html = await response.text();
    expect(response.status).toBe(200);
    for (const id of ['kc-form-login', 'username', 'password', 'kc-login']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('Inloggen bij Babyconnect Datalekken');
    expect(html).toContain('data-demo-user="hinq-coordinator"');

    const action = new URL(loginFormAction(html) as string, idp.issuer).href;
    const wrong = await browser.fetch(action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'wieg-fg', password: 'fout' }).toString(),
    });
    expect(wrong.status).toBe(200);
    const again = await wrong.text();
    expect(again).toContain('id="kc-form-login"');
    expect(again).toContain('Ongeldige gebruikersnaam of wachtwoord.');

    await expect(login('wieg-fg', 'fout')).rejects.toThrow(LoginError);
    await expect(login('nobody', 'demo')).rejects.toThrow(/Ongeldige gebruikersnaam of wachtwoord/);
  });

  it('issues JWT-shaped refresh tokens that work with grant_type=refresh_token (rotated, single use)', async () => {
    const first = await login('nest-privacy');
    const header = decodeProtectedHeader(first.refreshToken);
    const claims = decodeJwt(first.refreshToken);
    expect(header.typ).toBe('JWT');
    expect(claims).toMatchObject({
      typ: 'Refresh',
      azp: clientId,
      iss: idp.issuer,
      sub: decodeJwt(first.accessToken).sub,
    });
    expect(claims.exp).toBeGreaterThan(Math.floor(Date.now() / 1000));

    const refreshed = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: first.refreshToken,
      client_id: clientId,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers.get('access-control-allow-origin')).toBe(portal);
    expect(refreshed.headers.get('access-control-allow-credentials')).toBe('true');
    const body = (await refreshed.json()) as Record<string, string>;
    expect(decodeJwt(body['access_token'] as string)).toMatchObject({
      preferred_username: 'nest-privacy',
      groups: ['/orgs/vp-het-nest/privacy-officer'],
      aud: ['babyconnect-api'],
    });
    expect(decodeJwt(body['refresh_token'] as string)['typ']).toBe('Refresh');
    expect(decodeJwt(body['id_token'] as string)['typ']).toBe('ID');

    // Keycloak with revokeRefreshToken: the used refresh token is spent.
    const reused = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: first.refreshToken,
      client_id: clientId,
    });
    expect(reused.status).toBe(400);
    expect(((await reused.json()) as { error: string }).error).toBe('invalid_grant');

    const tampered = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: `${body['refresh_token']}x`,
      client_id: clientId,
    });
    expect(tampered.status).toBe(400);
  });

  it('answers CORS preflights for the portal origin with credentials allowed', async () => {
    const preflight = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
      method: 'OPTIONS',
      headers: { Origin: portal, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(portal);
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');

    const foreign = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example.org' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'x', client_id: clientId }).toString(),
    });
    expect(foreign.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('serves userinfo for its access tokens', async () => {
    const { accessToken } = await login('zonnedauw-auditor');
    const response = await fetch(`${idp.issuer}/protocol/openid-connect/userinfo`, {
      headers: { Authorization: `Bearer ${accessToken}`, Origin: portal },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(await response.json()).toMatchObject({
      sub: decodeJwt(accessToken).sub,
      preferred_username: 'zonnedauw-auditor',
      groups: ['/orgs/kz-zonnedauw/auditor'],
    });
    const refused = await fetch(`${idp.issuer}/protocol/openid-connect/userinfo`, {
      headers: { Authorization: 'Bearer nope' },
    });
    expect(refused.status).toBe(401);
  });

  it('logs out (RP-initiated) to the post_logout_redirect_uri and ends the refresh token with the session', async () => {
    const browser = new Browser();
    const tokens = await login('hinq-coordinator', 'demo', browser);
    const logoutUrl = new URL(`${idp.issuer}/protocol/openid-connect/logout`);
    logoutUrl.search = new URLSearchParams({
      client_id: clientId,
      id_token_hint: tokens.idToken,
      post_logout_redirect_uri: `${portal}/afgemeld`,
    }).toString();
    const page = await browser.fetch(logoutUrl.href);
    expect(page.status).toBe(200);
    const html = await page.text();
    // The page submits itself; do what the browser's script does.
    const action =
      /<form[^>]*id="op.logoutForm"[^>]*action="([^"]+)"/.exec(html)?.[1] ?? /action="([^"]+)"/.exec(html)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    expect(action && xsrf).toBeTruthy();
    const done = await browser.fetch(new URL(action as string, idp.issuer).href, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf: xsrf as string, logout: 'yes' }).toString(),
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${portal}/afgemeld`);

    const refresh = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: tokens.refreshToken,
      client_id: clientId,
    });
    expect(refresh.status).toBe(400);
  });

  it('rotateKeys(): new tokens carry a new kid, the JWKS serves it and old tokens still verify', async () => {
    const before = await login('hinq-medewerker');
    const oldKid = decodeProtectedHeader(before.accessToken).kid;
    await idp.rotateKeys();
    const after = await login('hinq-medewerker');
    const newKid = decodeProtectedHeader(after.accessToken).kid;
    expect(newKid).not.toBe(oldKid);

    const certs = (await (await fetch(`${idp.issuer}/protocol/openid-connect/certs`)).json()) as {
      keys: { kid: string; d?: string }[];
    };
    expect(certs.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([newKid, oldKid]));
    expect(certs.keys.every((k) => k.d === undefined)).toBe(true);

    const jwks = createRemoteJWKSet(new URL(`${idp.issuer}/protocol/openid-connect/certs`));
    const options = { issuer: idp.issuer, audience: 'babyconnect-api', algorithms: ['RS256'] };
    await expect(jwtVerify(after.accessToken, jwks, options)).resolves.toBeTruthy();
    await expect(jwtVerify(before.accessToken, jwks, options)).resolves.toBeTruthy();

    // The session and refresh token from before the rotation still work.
    const refreshed = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: before.refreshToken,
      client_id: clientId,
    });
    expect(refreshed.status).toBe(200);
  });

  it('keeps its signing keys in keysFile across a restart', async () => {
    const keysFile = join(workDir, 'restart-jwks.json');
    const first = await startDevIdp({ port: 0, realmFile, demoFile, keysFile, quiet: true });
    const kid = decodeProtectedHeader(
      (
        await loginWithPassword({
          issuer: first.issuer,
          clientId,
          redirectUri,
          username: 'wieg-auditor',
          password: 'demo',
        })
      ).accessToken,
    ).kid;
    await first.close();
    const second = await startDevIdp({ port: 0, realmFile, demoFile, keysFile, quiet: true });
    try {
      const certs = (await (await fetch(`${second.issuer}/protocol/openid-connect/certs`)).json()) as {
        keys: { kid: string }[];
      };
      expect(certs.keys.map((k) => k.kid)).toContain(kid);
    } finally {
      await second.close();
    }
  });

  it("serves the realm's public information at the realm URL, as Keycloak does (not a bare 404)", async () => {
    const response = await fetch(idp.issuer);
    expect(response.status).toBe(200);
    const info = (await response.json()) as Record<string, unknown>;
    expect(info).toEqual({
      realm: 'babyconnect',
      public_key: expect.stringMatching(/^MIIBIjAN[A-Za-z0-9+/=]+$/),
      'token-service': `${idp.issuer}/protocol/openid-connect`,
      'account-service': `${idp.issuer}/account`,
      'tokens-not-before': 0,
    });
    // The public key is the provider's active signing key.
    const jwk = createPublicKey({
      key: Buffer.from(info['public_key'] as string, 'base64'),
      format: 'der',
      type: 'spki',
    }).export({ format: 'jwk' });
    const certs = (await (await fetch(`${idp.issuer}/protocol/openid-connect/certs`)).json()) as {
      keys: { n: string }[];
    };
    expect(certs.keys[0]?.n).toBe(jwk.n);
  });

  it("does not let its login and error pages be framed; only keycloak-js's iframe pages can be", async () => {
    const browser = new Browser();
    const redirect = await browser.fetch(authorizationUrl());
    expect(redirect.status).toBe(303);
    const loginPage = await browser.fetch(new URL(redirect.headers.get('location')!, idp.issuer).href);
    expect(loginPage.status).toBe(200);
    expect(await loginPage.text()).toContain('<form');
    expect(loginPage.headers.get('x-frame-options')).toBe('DENY');
    expect(loginPage.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const errorPage = await fetch(authorizationUrl({ client_id: 'unknown' }));
    expect(errorPage.status).toBe(400);
    expect(errorPage.headers.get('x-frame-options')).toBe('DENY');
    const stub = await fetch(`${idp.issuer}/protocol/openid-connect/login-status-iframe.html`);
    expect(stub.headers.get('x-frame-options')).toBeNull();
  });

  it('a damaged key file stops the start with a message that names the file and the fix', async () => {
    const keysFile = join(workDir, 'damaged-jwks.json');
    writeFileSync(keysFile, '{"keys": [');
    await expect(startDevIdp({ port: 0, realmFile, demoFile, keysFile, quiet: true })).rejects.toThrow(
      new RegExp(`^The dev identity provider's key file ${keysFile} is damaged \\(.*\\)\\. Delete it`),
    );
    expect(readFileSync(keysFile, 'utf8')).toBe('{"keys": ['); // nothing overwritten
  });
});

describe('dev identity provider and production', () => {
  it('refuses to run with NODE_ENV=production', async () => {
    await expect(startDevIdp({ port: 0, realmFile, demoFile, quiet: true, nodeEnv: 'production' })).rejects.toThrow(
      /^The dev identity provider does not run with NODE_ENV=production .*OIDC_ISSUER_URL\.$/,
    );
  });

  it('the production realm file names no local address; the local portal origin comes from the dev provider', async () => {
    const realm = JSON.parse(readFileSync(realmFile, 'utf8')) as {
      clients: {
        clientId: string;
        redirectUris?: string[];
        webOrigins?: string[];
        attributes?: Record<string, string>;
      }[];
    };
    for (const client of realm.clients) {
      const uris = [
        ...(client.redirectUris ?? []),
        ...(client.webOrigins ?? []),
        ...(client.attributes?.['post.logout.redirect.uris'] ?? '').split('##').filter(Boolean),
      ];
      for (const uri of uris)
        expect([client.clientId, uri]).toEqual([client.clientId, expect.stringMatching(/^https:\/\//)]);
      expect(JSON.stringify(client)).not.toMatch(/localhost|127\.0\.0\.1/);
    }
    // A provider for a portal on another origin no longer accepts http://localhost:4200 (it came from the realm).
    const other = await startDevIdp({
      port: 0,
      realmFile,
      demoFile,
      quiet: true,
      portalOrigins: ['http://localhost:4300'],
    });
    try {
      const url = new URL(authorizationUrl());
      url.searchParams.set('client_id', clientId);
      const refused = await fetch(`${other.issuer}/protocol/openid-connect/auth${url.search}`, { redirect: 'manual' });
      expect(refused.status).toBe(400);
      url.searchParams.set('redirect_uri', 'http://localhost:4300/');
      const allowed = await fetch(`${other.issuer}/protocol/openid-connect/auth${url.search}`, { redirect: 'manual' });
      expect(allowed.status).toBe(303);
    } finally {
      await other.close();
    }
  });
});
