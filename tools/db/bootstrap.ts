// Creates the owner and app roles and the product database on an embedded (local) cluster.
// Production does this once by hand (README "Database roles"); this is the local equivalent.
import { createHmac } from 'node:crypto';
import pg from 'pg';
import { readCredentials } from './postgres-credentials.ts';
import { APP_ROLE, OWNER_ROLE } from './roles.ts';

export interface DatabaseUrls {
  /** The API's connection: the app role, owns nothing. */
  appUrl: string;
  /** Migrations' connection: the schema owner. */
  migrationUrl: string;
}

/**
 * The roles' passwords, derived from the cluster's own superuser password (generated per data folder): stable
 * for one cluster (parallel test workers and restarts agree), unknown to anyone who cannot read that password.
 */
export function rolePassword(adminUrl: string, role: string): string {
  const secret = decodeURIComponent(new URL(adminUrl).password);
  if (!secret) throw new Error('The admin URL carries no password to derive the role passwords from');
  return createHmac('sha256', secret).update(`babyconnect-role:${role}`).digest('base64url');
}

export async function ensureRoles(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // Two concurrent bootstraps (e.g. jest workers) must not both create the roles.
    await client.query('SELECT pg_advisory_lock(424242)');
    for (const role of [OWNER_ROLE, APP_ROLE]) {
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verb = exists.rowCount ? 'ALTER' : 'CREATE';
      await client.query(
        `${verb} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${client.escapeLiteral(rolePassword(adminUrl, role))}`,
      );
    }
    await client.query('SELECT pg_advisory_unlock(424242)');
  } finally {
    await client.end();
  }
}

/** Creates `database` owned by the owner role (if missing), optionally as a copy of `template`. */
export async function ensureDatabase(adminUrl: string, database: string, template?: string): Promise<DatabaseUrls> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`Invalid database name: ${database}`);
  await ensureRoles(adminUrl);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!exists.rowCount) {
      await admin.query(
        `CREATE DATABASE ${database} OWNER ${OWNER_ROLE}${template ? ` TEMPLATE ${template}` : ''} ENCODING 'UTF8'`,
      );
      await admin.query(`REVOKE ALL ON DATABASE ${database} FROM PUBLIC`);
      await admin.query(`GRANT CONNECT ON DATABASE ${database} TO ${APP_ROLE}`);
    }
  } finally {
    await admin.end();
  }
  // The public schema belongs to the owner; the app role may use it but create nothing in it.
  const inDb = new pg.Client({ connectionString: withDatabase(adminUrl, database) });
  await inDb.connect();
  try {
    await inDb.query(`ALTER SCHEMA public OWNER TO ${OWNER_ROLE}`);
    await inDb.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    await inDb.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
  } finally {
    await inDb.end();
  }
  return databaseUrls(adminUrl, database);
}

function databaseUrls(adminUrl: string, database: string): DatabaseUrls {
  const base = withDatabase(adminUrl, database);
  return {
    appUrl: withCredentials(base, APP_ROLE, rolePassword(adminUrl, APP_ROLE)),
    migrationUrl: withCredentials(base, OWNER_ROLE, rolePassword(adminUrl, OWNER_ROLE)),
  };
}

/**
 * The URLs `npm start` gives the API and the migrations for the embedded cluster on `port` whose data folder is
 * `pgDataDir` (its password file lies next to it); undefined when that cluster was never created.
 */
export function localDatabaseUrls(pgDataDir: string, port: number, database = 'babyconnect'): DatabaseUrls | undefined {
  const credentials = readCredentials(pgDataDir);
  if (!credentials) return undefined;
  const admin = `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/postgres`;
  return databaseUrls(admin, database);
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = password;
  return parsed.toString();
}
