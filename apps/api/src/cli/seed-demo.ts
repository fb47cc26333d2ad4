import 'reflect-metadata';
import { join } from 'node:path';
import { seedDemoOrganisations } from '../database/demo-seed';
import { fail, ownerDataSource } from './cli-support';

/** Seeds the fictional demo organisations (infra/demo/organisations.json). Development only. */
async function main(): Promise<void> {
  if (process.env['NODE_ENV'] === 'production') fail('Refusing to seed demo organisations with NODE_ENV=production.');
  const file = process.env['DEMO_ORGANISATIONS_FILE'] ?? join(process.cwd(), 'infra/demo/organisations.json');
  const dataSource = await ownerDataSource();
  try {
    const { added, total } = await seedDemoOrganisations(dataSource, file);
    console.log(`Demo organisations: ${added} added, ${total - added} already present.`);
  } catch (error) {
    fail(`Cannot seed the demo organisations from ${file}: ${(error as Error).message}`);
  } finally {
    await dataSource.destroy();
  }
}

void main();
