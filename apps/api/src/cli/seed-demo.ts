import 'reflect-metadata';
import { join } from 'node:path';
import { seedDemoOrganisations } from '../database/demo-seed';
import { seedDemoIncidents } from '../demo/seed-demo-incidents';
import { fail, ownerDataSource } from './cli-support';

/**
 * Seeds the fictional demo organisations (infra/demo/organisations.json) and their demo incidents
 * (src/demo/demo-incidents.ts). Development only; both idempotent.
 */
async function main(): Promise<void> {
  if (process.env['NODE_ENV'] === 'production') fail('Refusing to seed demo data with NODE_ENV=production.');
  const file = process.env['DEMO_ORGANISATIONS_FILE'] ?? join(process.cwd(), 'infra/demo/organisations.json');
  const usersFile = process.env['DEMO_USERS_FILE'] ?? join(process.cwd(), 'infra/keycloak/babyconnect-demo.json');
  const issuer = process.env['OIDC_ISSUER_URL']?.trim();
  const dataSource = await ownerDataSource();
  try {
    const { added, total } = await seedDemoOrganisations(dataSource, file);
    console.log(`Demo organisations: ${added} added, ${total - added} already present.`);
  } catch (error) {
    await dataSource.destroy();
    fail(`Cannot seed the demo organisations from ${file}: ${(error as Error).message}`);
  }
  try {
    if (!issuer) {
      // The incidents' reporters are the demo users as the identity provider names them (issuer + subject).
      console.log('Demo incidents: not loaded (OIDC_ISSUER_URL is not set, so the demo users cannot be linked).');
    } else {
      const { added, total } = await seedDemoIncidents(dataSource, { issuer, demoUsersFile: usersFile });
      console.log(`Demo incidents: ${added} added, ${total - added} already present.`);
    }
  } catch (error) {
    fail(`Cannot seed the demo incidents: ${(error as Error).message}`);
  } finally {
    await dataSource.destroy();
  }
}

void main();
