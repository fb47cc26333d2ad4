// The embedded PostgreSQL, started for real: where its socket and password live, what it says when its port or
// data folder is taken, and that a clone in a folder the `postgres` OS user cannot enter still works (as root).
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startLocalDatabase } from '../start/database.ts';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded-postgres.ts';
import { freePort } from './free-port.ts';
import { credentialsFile, LEGACY_SUPERUSER_PASSWORD, readCredentials } from './postgres-credentials.ts';
import { spawnSync } from 'node:child_process';
import { bundledInstallDir, canReach, existingDataDir, linkedCopy, relocationFolder } from './postgres-layout.ts';

jest.setTimeout(120_000);

const scratch: string[] = [];
const running: EmbeddedPostgresHandle[] = [];
const isRoot = process.getuid?.() === 0;

/** A folder the `postgres` OS user can traverse (mode 0755), like a clone outside a private home folder. */
function openDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'embedded-pg-spec-'));
  chmodSync(dir, 0o755);
  scratch.push(dir);
  return dir;
}

async function start(dataDir: string, port: number): Promise<EmbeddedPostgresHandle> {
  const handle = await startEmbeddedPostgres({ dataDir, port });
  running.push(handle);
  return handle;
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const handle of running) await handle.stop();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('embedded PostgreSQL', () => {
  it('keeps its Unix socket owner-only in the data folder, not in the machine-wide temp folder', async () => {
    const port = await freePort();
    const server = await start(join(openDir(), 'pg'), port);
    expect(server.socketDir).toBe(server.dataDir);
    const socket = join(server.dataDir, `.s.PGSQL.${port}`);
    expect(statSync(socket).isSocket()).toBe(true);
    expect(statSync(socket).mode & 0o777).toBe(0o700);
    expect(statSync(server.dataDir).mode & 0o777).toBe(0o700);
    expect(existsSync(join(tmpdir(), `.s.PGSQL.${port}`))).toBe(false);
    expect(existsSync(join(tmpdir(), `.s.PGSQL.${port}.lock`))).toBe(false);
    const [settings] = await query<{ dirs: string; perms: string }>(
      server.adminUrl,
      "SELECT current_setting('unix_socket_directories') AS dirs, current_setting('unix_socket_permissions') AS perms",
    );
    expect(settings).toEqual({ dirs: server.dataDir, perms: '0700' });
    await server.stop();
  });

  it('generates the superuser password per data folder, keeps it in a 0600 file and reuses it on restart', async () => {
    const [dirA, dirB] = [join(openDir(), 'pg'), join(openDir(), 'pg')];
    const a = await start(dirA, await freePort());
    const b = await start(dirB, await freePort());
    const passwordA = new URL(a.adminUrl).password;
    expect(passwordA).not.toBe(new URL(b.adminUrl).password);
    expect(decodeURIComponent(passwordA)).not.toBe(LEGACY_SUPERUSER_PASSWORD);
    expect(statSync(credentialsFile(dirA)).mode & 0o777).toBe(0o600);
    await a.stop();
    await b.stop();
    const again = await start(dirA, await freePort());
    expect(new URL(again.adminUrl).password).toBe(passwordA);
    expect(await query(again.adminUrl, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await again.stop();
  });

  it('replaces the old fixed password of a folder created before passwords were generated', async () => {
    const dir = join(openDir(), 'pg');
    const first = await start(dir, await freePort());
    await query(first.adminUrl, `ALTER ROLE postgres PASSWORD '${LEGACY_SUPERUSER_PASSWORD}'`);
    await first.stop();
    rmSync(credentialsFile(dir)); // the state of a folder made by the earlier version

    const port = await freePort();
    const upgraded = await start(dir, port);
    expect(readCredentials(dir)?.password).toBe(decodeURIComponent(new URL(upgraded.adminUrl).password));
    await expect(
      query(`postgres://postgres:${LEGACY_SUPERUSER_PASSWORD}@127.0.0.1:${port}/postgres`, 'SELECT 1'),
    ).rejects.toThrow(/password authentication failed/);
    await upgraded.stop();
  });

  it('two clones on one port: the second names the port, not a data folder', async () => {
    const port = await freePort();
    const first = await start(join(openDir(), 'pg'), port);
    const error = (await startEmbeddedPostgres({ dataDir: join(openDir(), 'pg'), port }).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toMatch(new RegExp(`^Port ${port} is already in use .*POSTGRES_PORT=<port>`));
    expect(error.message).not.toMatch(/data folder/);
    await first.stop();
  });

  it('the same data folder twice: the second names the data folder', async () => {
    const dir = join(openDir(), 'pg');
    const first = await start(dir, await freePort());
    const error = (await startEmbeddedPostgres({ dataDir: dir, port: await freePort() }).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toMatch(
      new RegExp(`^Another PostgreSQL \\(pid ${first.pid}\\) is already running on the data folder ${dir}`),
    );
    await first.stop();
  });

  (isRoot ? it : it.skip)(
    'as root, a clone in a folder the postgres user cannot enter runs PostgreSQL from a per-clone folder outside it',
    async () => {
      // Like a clone in root's home folder: mode 0700, owned by root.
      const privateHome = mkdtempSync(join(tmpdir(), 'private-home-'));
      scratch.push(privateHome);
      expect(statSync(privateHome).mode & 0o777).toBe(0o700);
      const clone = join(privateHome, 'clone');
      mkdirSync(clone);
      const relocationRoot = openDir();
      const dataDir = join(clone, '.data');
      const port = await freePort();

      const database = await startLocalDatabase({ dataDir, port, relocationRoot });
      try {
        const folder = relocationFolder(join(dataDir, 'postgres'), relocationRoot);
        expect(database.relocatedTo).toBe(folder);
        expect(database.pgDataDir).toBe(join(folder, 'postgres'));
        const [row] = await query<{ user: string }>(database.appUrl, 'SELECT current_user AS user');
        expect(row).toEqual({ user: 'babyconnect_app' });
        // The password stays in the clone, readable by its owner only.
        expect(statSync(credentialsFile(join(dataDir, 'postgres'))).mode & 0o777).toBe(0o600);
        expect(existingDataDir(join(dataDir, 'postgres'), relocationRoot).dataDir).toBe(database.pgDataDir);
      } finally {
        await database.stop();
      }
      // A second start finds the same folder and data.
      const again = await startLocalDatabase({ dataDir, port, relocationRoot });
      expect(again.pgDataDir).toBe(database.pgDataDir);
      await again.stop();
    },
  );

  (isRoot ? it : it.skip)(
    'as root, binaries the postgres user cannot reach run from a linked copy outside the clone',
    async () => {
      const privateHome = mkdtempSync(join(tmpdir(), 'private-home-'));
      scratch.push(privateHome);
      const user = {
        uid: Number(spawnSync('id', ['-u', 'postgres']).stdout),
        gid: Number(spawnSync('id', ['-g', 'postgres']).stdout),
      };
      const hidden = linkedCopy(await bundledInstallDir(), privateHome);
      expect(canReach(user, join(hidden, 'bin', 'initdb'))).toBe(false);
      const reachable = linkedCopy(await bundledInstallDir(), openDir());
      expect(canReach(user, join(reachable, 'bin', 'initdb'))).toBe(true);
      const version = spawnSync(join(reachable, 'bin', 'postgres'), ['--version'], {
        uid: user.uid,
        gid: user.gid,
        encoding: 'utf8',
      });
      expect(version.stdout).toMatch(/^postgres \(PostgreSQL\) 18\./);
    },
  );
});
