import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { freePort } from '../../../../tools/db/free-port';

// An identity provider of our own: keys we hold and a JWKS endpoint we control, so tests can craft tokens in every
// wrong shape and make the key endpoint slow, broken or gone. (The real local identity provider never signs a
// token that is wrong on purpose.)

export const OWN_ISSUER = 'http://idp.test/realms/babyconnect';
export const OWN_AUDIENCE = 'babyconnect-api';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** The public half as the realm publishes it. */
  publicJwk: JWK;
}

export async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

export interface JwksServerOptions {
  /** Wait this long before answering (a slow identity provider). */
  delayMs?: number;
  /** Answer with this HTTP status and no keys instead (a broken identity provider). */
  status?: number;
}

export interface JwksServer {
  url: string;
  /** How often the keys were fetched. */
  requests(): number;
  /** Resolves when the first fetch arrives (before any delay). */
  firstRequest: Promise<void>;
  /** Swap the published keys (key rotation). */
  publish(keys: JWK[]): void;
  close(): Promise<void>;
}

/** A JWKS endpoint on a free loopback port. */
export async function startJwks(keys: JWK[], options: JwksServerOptions = {}): Promise<JwksServer> {
  let published = keys;
  let requests = 0;
  let arrived!: () => void;
  const firstRequest = new Promise<void>((resolve) => (arrived = resolve));
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((_req, res) => {
    requests++;
    arrived();
    const answer = () => {
      if (options.status) res.writeHead(options.status).end('unavailable');
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published }));
    };
    if (!options.delayMs) return answer();
    const timer = setTimeout(() => (timers.delete(timer), answer()), options.delayMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`,
    requests: () => requests,
    firstRequest,
    publish: (next) => (published = next),
    close: () => {
      // A delayed answer must not keep the server (and Jest) open.
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A JWKS URL on a loopback port where nothing listens (an identity provider that is down). */
export async function unreachableJwksUrl(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}/certs`;
}

export const now = () => Math.floor(Date.now() / 1000);

/** Claims as Keycloak puts them in an access token; override any of them (`undefined` leaves a claim out). */
export function accessClaims(overrides: JWTPayload = {}): JWTPayload {
  return {
    iss: OWN_ISSUER,
    aud: [OWN_AUDIENCE],
    sub: 'user-123',
    typ: 'Bearer',
    azp: 'babyconnect-portal',
    name: 'Anna de Vries',
    preferred_username: 'anna',
    email: 'anna@dewieg.example',
    groups: ['/orgs/wieg/privacy-officer'],
    iat: now(),
    exp: now() + 300,
    ...overrides,
  };
}

/** An RS256 JWT signed with `key`; `header` adds to or overrides the protected header. */
export function sign(key: SigningKey, payload: JWTPayload, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header })
    .sign(key.privateKey);
}
