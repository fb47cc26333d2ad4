// `npm run access-log:verify`: verifies the access log's hash chain (the API's own command, run as the schema owner).
// Without DATABASE_MIGRATION_URL it checks the local stack of `npm start`; in production, set the owner's URL.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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
  // The local stack's anchor key, so `--anchor FILE` checks anchors downloaded from the local portal.
  const key = join(root, '.data/access-log-anchor-key.pem');
  if (!env['ACCESS_LOG_ANCHOR_KEY'] && existsSync(key)) env['ACCESS_LOG_ANCHOR_KEY'] = readFileSync(key, 'utf8');
}
if (!existsSync(cli)) {
  const build = spawnSync(process.execPath, [join(root, 'node_modules/nx/bin/nx.js'), 'run', 'api:build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...env, NX_DAEMON: 'false' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
process.exit(result.status ?? 1);
