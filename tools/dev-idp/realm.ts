// Reads the Keycloak realm file (clients, scopes, lifespans) and the partial-import user files (demo users,
// test fixtures), so the dev identity provider is configured from the same files a real Keycloak imports.
import { readFileSync } from 'node:fs';
import { timingSafeEqual } from 'node:crypto';

export interface PortalClient {
  clientId: string;
  /** Keycloak patterns: exact URIs or a trailing `*` wildcard. */
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  webOrigins: string[];
  /** Scopes every token gets, like Keycloak's default client scopes (plus `openid`). */
  tokenScopes: string[];
}

export interface RealmConfig {
  name: string;
  displayName: string;
  accessTokenLifespan: number;
  ssoSessionIdleTimeout: number;
  ssoSessionMaxLifespan: number;
  portal: PortalClient;
  /** From the realm's Audience mapper: the API's client id that must appear in `aud`. */
  apiAudience: string;
  /** Confidential clients with a service account (client-credentials grant), e.g. HINQ's `hinq-viewer-log`. */
  serviceClients: ServiceClient[];
}

/** A machine client: no user, a secret, and the scopes its tokens carry (its default client scopes). */
export interface ServiceClient {
  clientId: string;
  /** Default client scopes listed in the token's `scope` claim (include.in.token.scope), e.g. `viewer-log:push`. */
  tokenScopes: string[];
}

export interface DirectoryUser {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  email: string;
  emailVerified: boolean;
  enabled: boolean;
  password: string;
  /** Full group paths, e.g. /orgs/vp-de-wieg/dpo. */
  groups: string[];
}

export interface UserSummary {
  username: string;
  name: string;
  organisations: { alias: string; roles: string[] }[];
  platformAdmin: boolean;
}

export interface Directory {
  users: DirectoryUser[];
  /** Organisation alias → display name (group attribute `organisation-name`, else the alias). */
  organisationNames: Map<string, string>;
  findById(id: string): DirectoryUser | undefined;
  findByUsername(username: string): DirectoryUser | undefined;
  /**
   * Secrets of confidential clients, by client id, from the demo file only: the production realm file carries no
   * secret (Keycloak makes one at import), so the dev provider serves a machine client only when a secret is here.
   */
  clientSecrets: Map<string, string>;
}

export const PORTAL_CLIENT_ID = 'babyconnect-portal';

type Json = Record<string, unknown>;

function readJson(file: string): Json {
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && value > 0 ? value : fallback;
}

export function loadRealm(realmFile: string): RealmConfig {
  const realm = readJson(realmFile);
  const clients = asArray(realm['clients']);
  const portal = clients.find((c) => c['clientId'] === PORTAL_CLIENT_ID);
  if (!portal) throw new Error(`${realmFile}: client ${PORTAL_CLIENT_ID} not found`);
  const attributes = (portal['attributes'] ?? {}) as Record<string, string>;
  if (attributes['pkce.code.challenge.method'] !== 'S256') {
    throw new Error(`${realmFile}: ${PORTAL_CLIENT_ID} must require PKCE S256`);
  }

  const scopes = new Map(asArray(realm['clientScopes']).map((s) => [String(s['name']), s]));
  const defaultScopes = strings(portal['defaultClientScopes']);
  const mappers = [
    ...asArray(portal['protocolMappers']),
    ...defaultScopes.flatMap((name) => asArray(scopes.get(name)?.['protocolMappers'])),
  ];
  const audienceMapper = mappers.find((m) => m['protocolMapper'] === 'oidc-audience-mapper');
  const apiAudience = (audienceMapper?.['config'] as Record<string, string> | undefined)?.['included.client.audience'];
  if (!apiAudience) throw new Error(`${realmFile}: no Audience mapper on ${PORTAL_CLIENT_ID}`);

  // Keycloak lists a default scope in the token's `scope` claim only when include.in.token.scope is true.
  const inTokenScope = (name: string) => {
    const attrs = (scopes.get(name)?.['attributes'] ?? {}) as Record<string, string>;
    return attrs['include.in.token.scope'] === 'true';
  };
  const tokenScopes = defaultScopes.filter(inTokenScope);
  const serviceClients = clients
    .filter((c) => c['serviceAccountsEnabled'] === true && c['publicClient'] === false && c['enabled'] !== false)
    .map((c) => ({
      clientId: String(c['clientId']),
      tokenScopes: strings(c['defaultClientScopes']).filter(inTokenScope),
    }));

  return {
    name: String(realm['realm']),
    displayName: String(realm['displayName'] ?? realm['realm']),
    accessTokenLifespan: num(realm['accessTokenLifespan'], 300),
    ssoSessionIdleTimeout: num(realm['ssoSessionIdleTimeout'], 1800),
    ssoSessionMaxLifespan: num(realm['ssoSessionMaxLifespan'], 36000),
    apiAudience,
    serviceClients,
    portal: {
      clientId: PORTAL_CLIENT_ID,
      redirectUris: strings(portal['redirectUris']),
      postLogoutRedirectUris: (attributes['post.logout.redirect.uris'] ?? '').split('##').filter(Boolean),
      webOrigins: strings(portal['webOrigins']),
      tokenScopes: ['openid', ...tokenScopes],
    },
  };
}

function collectOrganisationNames(groups: Json[], names: Map<string, string>): void {
  for (const top of groups) {
    if (top['name'] !== 'orgs') continue;
    for (const org of asArray(top['subGroups'])) {
      const alias = String(org['name']);
      const attrs = (org['attributes'] ?? {}) as Record<string, unknown>;
      const name = strings(attrs['organisation-name'])[0];
      if (name || !names.has(alias)) names.set(alias, name ?? alias);
    }
  }
}

function toUser(raw: Json, file: string): DirectoryUser {
  const username = String(raw['username'] ?? '');
  const id = raw['id'];
  if (!username || typeof id !== 'string') throw new Error(`${file}: every user needs a username and a stable id`);
  const password = asArray(raw['credentials']).find((c) => c['type'] === 'password')?.['value'];
  return {
    id,
    username,
    firstName: String(raw['firstName'] ?? ''),
    lastName: String(raw['lastName'] ?? ''),
    email: String(raw['email'] ?? `${username}@example.org`),
    emailVerified: raw['emailVerified'] !== false,
    enabled: raw['enabled'] !== false,
    password: typeof password === 'string' ? password : '',
    groups: strings(raw['groups']),
  };
}

/** Later files win on a duplicate username (test fixtures may override demo users). */
export function loadDirectory(files: string[]): Directory {
  const byUsername = new Map<string, DirectoryUser>();
  const organisationNames = new Map<string, string>();
  const clientSecrets = new Map<string, string>();
  for (const file of files) {
    const doc = readJson(file);
    for (const client of asArray(doc['clients'])) {
      if (typeof client['clientId'] === 'string' && typeof client['secret'] === 'string' && client['secret'])
        clientSecrets.set(client['clientId'], client['secret']);
    }
    collectOrganisationNames(asArray(doc['groups']), organisationNames);
    for (const raw of asArray(doc['users'])) {
      const user = toUser(raw, file);
      byUsername.set(user.username, user);
    }
  }
  const users = [...byUsername.values()];
  for (const user of users) {
    for (const { alias } of summariseUser(user).organisations) {
      if (!organisationNames.has(alias)) organisationNames.set(alias, alias);
    }
  }
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    users,
    organisationNames,
    findById: (id) => byId.get(id),
    findByUsername: (username) => byUsername.get(username),
    clientSecrets,
  };
}

export function fullName(user: DirectoryUser): string {
  return [user.firstName, user.lastName].filter(Boolean).join(' ') || user.username;
}

/** Reads roles from group paths exactly as the API will: /orgs/<alias>/<role> and /platform/admin. */
export function summariseUser(user: DirectoryUser): UserSummary {
  const organisations = new Map<string, string[]>();
  for (const path of user.groups) {
    const match = /^\/orgs\/([^/]+)\/([^/]+)$/.exec(path);
    if (!match) continue;
    const alias = match[1] as string;
    const roles = organisations.get(alias) ?? [];
    roles.push(match[2] as string);
    organisations.set(alias, roles);
  }
  return {
    username: user.username,
    name: fullName(user),
    organisations: [...organisations].map(([alias, roles]) => ({ alias, roles })),
    platformAdmin: user.groups.includes('/platform/admin'),
  };
}

export function checkPassword(user: DirectoryUser, password: string): boolean {
  const expected = Buffer.from(user.password);
  const given = Buffer.from(password);
  return user.enabled && expected.length > 0 && expected.length === given.length && timingSafeEqual(expected, given);
}

/** Keycloak redirect-URI matching: exact, or prefix match for a pattern ending in `*`. */
export function matchesKeycloakPattern(uri: string, patterns: string[]): boolean {
  return patterns.some((pattern) => (pattern.endsWith('*') ? uri.startsWith(pattern.slice(0, -1)) : uri === pattern));
}
