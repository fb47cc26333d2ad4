import 'reflect-metadata';
import { fail, ownerDataSource } from './cli-support';

/** Applies pending migrations as the schema owner. Each runs in its own transaction (Ctrl-C leaves no half state). */
async function main(): Promise<void> {
  const dataSource = await ownerDataSource();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    console.log(
      applied.length
        ? `Migrations applied: ${applied.map((m) => m.name).join(', ')}`
        : 'Database schema is up to date.',
    );
  } catch (error) {
    fail(`Migration failed (nothing of the failed migration was kept): ${(error as Error).message}`);
  } finally {
    await dataSource.destroy();
  }
}

void main();
