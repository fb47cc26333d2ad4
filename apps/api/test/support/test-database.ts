import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { dropDatabase, ensureDatabase, withDatabase, type DatabaseUrls } from '../../../../tools/db/bootstrap';
import { ENV, TEMPLATE_DATABASE } from './paths';

export interface TestDatabase extends DatabaseUrls {
  name: string;
  adminUrl: string;
  /** A superuser connection to this database: for tampering tests and inspection only, never for the app. */
  superuser(): Promise<pg.Client>;
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
  return {
    ...urls,
    name,
    adminUrl: admin,
    superuser: async () => {
      const client = new pg.Client({ connectionString: withDatabase(admin, name) });
      await client.connect();
      return client;
    },
    drop: () => dropDatabase(admin, name),
  };
}
