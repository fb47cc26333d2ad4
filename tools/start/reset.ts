// `npm run reset`: deletes the local data (<repo>/.data: database, identity provider keys, mail scratch files, and
// the per-clone PostgreSQL folder outside the clone if there is one). Refuses while the stack (or a PostgreSQL
// left over from it) still uses the folder.
import { existsSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { existingDataDir } from '../db/postgres-layout.ts';
import { postgresPid } from './database.ts';
import { readLiveLock } from './lock.ts';

const rootDir = join(import.meta.dirname, '../..');
const dataDir = join(rootDir, '.data');
const shown = relative(process.cwd(), dataDir) || dataDir;

const lock = readLiveLock(dataDir);
const postgres = existingDataDir(join(dataDir, 'postgres'));
const postgresRunning = postgresPid(postgres.dataDir);
if (lock) {
  process.stderr.write(
    `The stack is running (pid ${lock.pid}): stop it first (Ctrl-C in its terminal). Nothing deleted.\n`,
  );
  process.exit(1);
}
if (postgresRunning !== undefined) {
  process.stderr.write(
    `A PostgreSQL from an earlier start still runs on ${postgres.dataDir} (pid ${postgresRunning}); stop it first (kill ${postgresRunning}). Nothing deleted.\n`,
  );
  process.exit(1);
}
if (!existsSync(dataDir) && !postgres.relocatedTo) {
  process.stdout.write(`Nothing to reset: ${shown} does not exist.\n`);
} else {
  rmSync(dataDir, { recursive: true, force: true });
  // Keyed by this clone's path, so it is provably this clone's own.
  if (postgres.relocatedTo) rmSync(postgres.relocatedTo, { recursive: true, force: true });
  process.stdout.write(
    `Deleted ${shown}${postgres.relocatedTo ? ` and ${postgres.relocatedTo}` : ''} (local database, identity provider keys, mail). The next \`npm start\` starts fresh.\n`,
  );
}
