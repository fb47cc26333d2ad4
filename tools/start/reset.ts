// `npm run reset`: deletes the local data (<repo>/.data: database, identity provider keys, mail scratch files).
// Refuses while the stack (or a PostgreSQL left over from it) still uses the folder.
import { existsSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { postgresPid } from './database.ts';
import { readLiveLock } from './lock.ts';

const rootDir = join(import.meta.dirname, '../..');
const dataDir = join(rootDir, '.data');
const shown = relative(process.cwd(), dataDir) || dataDir;

const lock = readLiveLock(dataDir);
const postgres = postgresPid(join(dataDir, 'postgres'));
if (lock) {
  process.stderr.write(
    `The stack is running (pid ${lock.pid}): stop it first (Ctrl-C in its terminal). Nothing deleted.\n`,
  );
  process.exit(1);
}
if (postgres !== undefined) {
  process.stderr.write(
    `A PostgreSQL from an earlier start still runs on ${shown}/postgres (pid ${postgres}); stop it first (kill ${postgres}). Nothing deleted.\n`,
  );
  process.exit(1);
}
if (!existsSync(dataDir)) {
  process.stdout.write(`Nothing to reset: ${shown} does not exist.\n`);
} else {
  rmSync(dataDir, { recursive: true, force: true });
  process.stdout.write(
    `Deleted ${shown} (local database, identity provider keys, mail). The next \`npm start\` starts fresh.\n`,
  );
}
