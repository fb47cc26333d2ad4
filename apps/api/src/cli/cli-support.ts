import { createDataSource, describeConnectionError } from '../database/data-source';

/** The owner connection for commands that run as the schema owner (migrations, seed, verification). */
export async function ownerDataSource() {
  const url = process.env['DATABASE_MIGRATION_URL'];
  if (!url || !/^postgres(ql)?:\/\/.+/.test(url)) {
    fail(
      'Configuration error: DATABASE_MIGRATION_URL is required: the PostgreSQL URL of the schema owner (postgres://owner:password@host:5432/babyconnect).',
    );
  }
  const dataSource = createDataSource({ url, poolMax: 2, applicationName: 'babyconnect-cli' });
  try {
    await dataSource.initialize();
  } catch (error) {
    fail(describeConnectionError(error, url, 'DATABASE_MIGRATION_URL'));
  }
  return dataSource;
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
