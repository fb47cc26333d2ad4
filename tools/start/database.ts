// The local database: embedded PostgreSQL plus the product database with its owner and app roles.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureDatabase } from '../db/bootstrap.ts';
import { startEmbeddedPostgres } from '../db/embedded-postgres.ts';
import { StackError } from './errors.ts';

export const DATABASE_NAME = 'babyconnect';

export interface LocalDatabase {
  port: number;
  /** The API's connection (app role). */
  appUrl: string;
  /** Migrations' connection (owner role). */
  migrationUrl: string;
  stop(): Promise<void>;
}

export async function startLocalDatabase(options: {
  dataDir: string;
  port: number;
  onLog?: (line: string) => void;
}): Promise<LocalDatabase> {
  // Not mkdtemp-like 0700: when run as root, PostgreSQL runs as the OS user `postgres`, which must be able to
  // traverse the parent folder.
  mkdirSync(options.dataDir, { recursive: true, mode: 0o755 });
  const pgDir = join(options.dataDir, 'postgres');
  const server = await startEmbeddedPostgres({ dataDir: pgDir, port: options.port, onLog: options.onLog });
  try {
    const urls = await ensureDatabase(server.adminUrl, DATABASE_NAME);
    return {
      port: options.port,
      appUrl: urls.appUrl,
      migrationUrl: urls.migrationUrl,
      stop: () => stopPostgres(server.stop, pgDir),
    };
  } catch (error) {
    await stopPostgres(server.stop, pgDir);
    throw error;
  }
}

/**
 * embedded-postgres' stop() waits for the server process's 'exit' event, which never comes if PostgreSQL has
 * already exited (crashed, or was signalled by someone else): also finish when postmaster.pid is gone, which
 * PostgreSQL removes as the last step of a clean shutdown.
 */
async function stopPostgres(stop: () => Promise<void>, pgDir: string): Promise<void> {
  const controller = new AbortController();
  const gone = (async () => {
    const deadline = Date.now() + 30_000;
    while (postgresPid(pgDir) !== undefined) {
      if (Date.now() > deadline) {
        throw new StackError(`PostgreSQL (${pgDir}) did not stop within 30 s; it is still running.`);
      }
      await sleep(100, undefined, { signal: controller.signal });
    }
  })();
  try {
    await Promise.race([stop(), gone]);
  } finally {
    controller.abort();
    gone.catch(() => undefined);
  }
}

/** The pid of a PostgreSQL server running on `pgDir`, if one is. */
export function postgresPid(pgDir: string): number | undefined {
  const file = join(pgDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  let pid: number;
  try {
    pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
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
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
