// The local database: embedded PostgreSQL plus the product database with its owner and app roles.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureDatabase } from '../db/bootstrap.ts';
import { postmasterPid, startEmbeddedPostgres } from '../db/embedded-postgres.ts';
import { existingDataDir } from '../db/postgres-layout.ts';
import { StackError } from './errors.ts';

export const DATABASE_NAME = 'babyconnect';

export interface LocalDatabase {
  port: number;
  /** The API's connection (app role). */
  appUrl: string;
  /** Migrations' connection (owner role). */
  migrationUrl: string;
  /** The folder PostgreSQL runs on. */
  pgDataDir: string;
  /** Set when PostgreSQL runs from a per-clone folder outside the clone (root, clone in a private folder). */
  relocatedTo: string | undefined;
  stop(): Promise<void>;
}

export async function startLocalDatabase(options: {
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
  /** Tests: where a clone's PostgreSQL goes when the `postgres` OS user cannot enter the clone. */
  relocationRoot?: string;
}): Promise<LocalDatabase> {
  // Not mkdtemp-like 0700: when run as root, PostgreSQL runs as the OS user `postgres`, which must be able to
  // traverse the parent folder (if it cannot, postgres-layout.ts moves PostgreSQL out of the clone).
  mkdirSync(options.dataDir, { recursive: true, mode: 0o755 });
  const pgDir = join(options.dataDir, 'postgres');
  const server = await startEmbeddedPostgres({
    dataDir: pgDir,
    port: options.port,
    onLog: options.onLog,
    relocationRoot: options.relocationRoot,
  });
  try {
    const urls = await ensureDatabase(server.adminUrl, DATABASE_NAME);
    return {
      port: options.port,
      appUrl: urls.appUrl,
      migrationUrl: urls.migrationUrl,
      pgDataDir: server.dataDir,
      relocatedTo: server.relocatedTo,
      stop: server.stop,
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** The folder PostgreSQL runs on for the stack's data folder (inside it, or relocated: postgres-layout.ts). */
export function postgresDataDir(dataDir: string): string {
  return existingDataDir(join(dataDir, 'postgres')).dataDir;
}

/** Stops a PostgreSQL that an earlier, killed start left running on our own data folder; returns its pid. */
export async function stopLeftoverPostgres(dataDir: string): Promise<number | undefined> {
  const pgDir = postgresDataDir(dataDir);
  const pid = postgresPid(pgDir);
  if (pid === undefined) return undefined;
  process.kill(pid, 'SIGINT'); // fast shutdown
  const deadline = Date.now() + 30_000;
  while (postgresPid(pgDir) !== undefined) {
    if (Date.now() > deadline) {
      throw new StackError(
        `A PostgreSQL left over from an earlier start (pid ${pid}) on ${pgDir} did not stop within 30 s; stop it (kill ${pid}) and start again.`,
      );
    }
    await sleep(100);
  }
  return pid;
}

/** The pid of a PostgreSQL server running on `pgDir`, if one is. */
export function postgresPid(pgDir: string): number | undefined {
  const pid = postmasterPid(pgDir);
  return pid !== undefined && isAlive(pid) ? pid : undefined;
}

/** Immediate shutdown (SIGQUIT) of a PostgreSQL server on `pgDir`: only for a forced exit. */
export function killPostgres(pgDir: string): void {
  const pid = postgresPid(pgDir);
  if (pid !== undefined) {
    try {
      process.kill(pid, 'SIGQUIT');
    } catch {
      // already gone
    }
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A zombie has ended and only waits for its parent (or init) to collect it.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return !existsSync('/proc/self/stat'); // gone meanwhile; without /proc (not Linux), trust kill(0)
  }
}
