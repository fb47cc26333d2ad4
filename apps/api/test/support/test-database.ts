import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { dropDatabase, ensureDatabase, withDatabase, type DatabaseUrls } from '../../../../tools/db/bootstrap';
import { ENV, TEMPLATE_DATABASE } from './paths';

export interface TestDatabase extends DatabaseUrls {
  name: string;
  adminUrl: string;
  /** A superuser connection to this database (one per test file, closed by drop()): for inspection and tampering tests only, never for the app. */
  superuser(): Promise<pg.Client>;
  /** Runs one statement as the superuser and returns its rows. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

export function adminUrl(): string {
  const url = process.env[ENV.adminUrl];
  if (!url) throw new Error('The API tests need the global setup (apps/api/jest.config.cjs) to start PostgreSQL');
  return url;
}

/** A fresh copy of the migrated, demo-seeded template for one test file. */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = adminUrl();
  const urls = await ensureDatabase(admin, name, options.migrated === false ? undefined : TEMPLATE_DATABASE);
  let client: Promise<pg.Client> | undefined;
  const superuser = () => {
    client ??= (async () => {
      const c = new pg.Client({ connectionString: withDatabase(admin, name) });
      await c.connect();
      return c;
    })();
    return client;
  };
  return {
    ...urls,
    name,
    adminUrl: admin,
    superuser,
    sql: async <T>(text: string, params: unknown[] = []) => {
      const client = await superuser();
      // The API chains access-log rows right after each request, in the background: a test that reads the
      // chained log sees every row written so far, as the FG's own read of the log does (it waits likewise).
      if (/^\s*SELECT\b[\s\S]*\baccess_log\b/i.test(text)) await client.query('SELECT access_log_seal(true)');
      return (await client.query(text, params)).rows as T[];
    },
    drop: async () => {
      if (client) await (await client).end();
      await dropDatabase(admin, name);
    },
  };
}
