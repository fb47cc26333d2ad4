import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../../../tools/db/embedded-postgres';
import { ensureDatabase } from '../../../../tools/db/bootstrap';
import { freePort } from '../../../../tools/db/free-port';
import { startDevIdp } from '../../../../tools/dev-idp/server';
import { createDataSource } from '../../src/database/data-source';
import { seedDemoOrganisations } from '../../src/database/demo-seed';
import { DEMO_ORGANISATIONS_FILE, ENV, REPO_ROOT, TEMPLATE_DATABASE } from './paths';

/**
 * Starts a real PostgreSQL and the real local identity provider once, migrates a template database and seeds
 * the demo organisations into it. Test files clone the template (test-database.ts), so none depends on another.
 */
export default async function globalSetup(): Promise<void> {
  // A folder the `postgres` OS user can traverse when the tests run as root.
  const parent = mkdtempSync(join(tmpdir(), 'babyconnect-test-'));
  chmodSync(parent, 0o755);
  const dataDir = join(parent, 'pg');
  const postgres = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  const urls = await ensureDatabase(postgres.adminUrl, TEMPLATE_DATABASE);
  const owner = createDataSource({ url: urls.migrationUrl, poolMax: 1 });
  await owner.initialize();
  await owner.runMigrations({ transaction: 'each' });
  await seedDemoOrganisations(owner, DEMO_ORGANISATIONS_FILE);
  await owner.destroy();

  const idp = await startDevIdp({
    port: 0,
    realmFile: join(REPO_ROOT, 'infra/keycloak/babyconnect-realm.json'),
    demoFile: join(REPO_ROOT, 'infra/keycloak/babyconnect-demo.json'),
    extraUsersFiles: [join(REPO_ROOT, 'apps/api/test/fixtures/test-users.json')],
    quiet: true,
  });

  process.env[ENV.adminUrl] = postgres.adminUrl;
  process.env[ENV.issuer] = idp.issuer;
  (globalThis as Record<string, unknown>)['__babyconnectTeardown'] = async () => {
    await idp.close();
    await postgres.stop();
    rmSync(parent, { recursive: true, force: true });
  };
}
