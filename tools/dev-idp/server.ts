// A local OpenID provider that looks like the Keycloak realm `babyconnect` to the portal and the API: Keycloak's
// URL layout, token shape and login form ids, configured from the realm file and the demo users. Built on
// oidc-provider (OpenID-certified), so the protocol parts (code + PKCE, refresh rotation, logout) are real.
//
// The parts: provider.ts configures oidc-provider and keycloak-overrides.ts bends it where Keycloak differs;
// router.ts puts it under the realm path next to the login interaction (interactions.ts) and userinfo
// (userinfo.ts); context.ts is what they share. This file starts it all and owns the lifecycle.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { DevIdpContext } from './context.ts';
import { sendJson } from './http.ts';
import { createRefreshTokenCodec } from './keycloak-shape.ts';
import { loadOrCreateKeys, rotate } from './keys.ts';
import { createMemoryStore } from './memory-store.ts';
import { createProvider } from './provider.ts';
import { loadDirectory, loadRealm } from './realm.ts';
import { createRouter } from './router.ts';

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
  /** Defaults to process.env.NODE_ENV; `production` is refused. */
  nodeEnv?: string;
}

export interface DevIdp {
  issuer: string;
  port: number;
  close(): Promise<void>;
  /** Adds a new signing key: new tokens carry its kid; older keys stay in the JWKS for verification. */
  rotateKeys(): Promise<void>;
}

export class DevIdpRefused extends Error {}

export async function startDevIdp(options: DevIdpOptions): Promise<DevIdp> {
  // Its login page lists every demo user with the password in the page, and there is no lockout: never production.
  if ((options.nodeEnv ?? process.env['NODE_ENV'])?.trim().toLowerCase() === 'production') {
    throw new DevIdpRefused(
      'The dev identity provider does not run with NODE_ENV=production (demo users, passwords in the page, no lockout). ' +
        'Use a real Keycloak with the realm file (infra/keycloak/README.md) and set OIDC_ISSUER_URL.',
    );
  }
  const realm = loadRealm(options.realmFile);
  const directory = loadDirectory([options.demoFile, ...(options.extraUsersFiles ?? [])]);
  const keys = await loadOrCreateKeys(options.keysFile);

  const portalOrigins = (options.portalOrigins ?? ['http://localhost:4200']).map((o) => new URL(o).origin);
  // `route` is set right after listen() with no await in between, so no request can arrive before it.
  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error('dev-idp: request failed:', error);
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error' });
      else res.end();
    });
  });
  // The issuer needs the port, so the provider is configured only once the server listens.
  const port = await listen(server, options.port, options.host ?? '127.0.0.1');

  const prefix = `/realms/${realm.name}`;
  const issuer = `http://localhost:${port}${prefix}`;
  const ctx: DevIdpContext = {
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

  let instance = createProvider(ctx, keys);
  const route = createRouter(ctx, () => instance);

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
      instance = createProvider(ctx, await rotate(instance.keys, options.keysFile));
      ctx.log(`signing key rotated, new kid ${instance.keys[0]?.kid}`);
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
