// `npm run access-log:verify`: verifies the access log's hash chain (the API's own command, run as the schema owner).
// Without DATABASE_MIGRATION_URL it checks the local stack of `npm start`; in production, set the owner's URL.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { localDatabaseUrls } from './bootstrap.ts';

const root = join(import.meta.dirname, '../..');
const cli = join(root, 'dist/api/apps/api/src/cli/verify-access-log.js');
const env = { ...process.env };
if (!env['DATABASE_MIGRATION_URL']) {
  const port = Number(env['POSTGRES_PORT'] ?? 54329);
  const urls = localDatabaseUrls(join(root, '.data/postgres'), port);
  if (!urls) {
    console.error(
      'No local database (.data/postgres-credentials.json is missing): run `npm start` first, or set DATABASE_MIGRATION_URL.',
    );
    process.exit(1);
  }
  env['DATABASE_MIGRATION_URL'] = urls.migrationUrl;
  console.log(`Checking the local stack's database on port ${port} (set DATABASE_MIGRATION_URL for another).`);
}
if (!existsSync(cli)) {
  const build = spawnSync(process.execPath, [join(root, 'node_modules/nx/bin/nx.js'), 'run', 'api:build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, NX_DAEMON: 'false' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const result = spawnSync(process.execPath, [cli], { cwd: root, stdio: 'inherit', env });
process.exit(result.status ?? 1);
