// Builds what the stack runs from dist: the API always (Nx's cache makes an unchanged build quick), the portal
// only when its output is older than its sources (an Angular build costs several seconds even when unchanged).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StackError } from './errors.ts';
import { runCommand, type LineSink } from './processes.ts';

export const PORTAL_INDEX = 'dist/apps/portal/browser/index.html';
// What the portal build reads besides node_modules: its own folder, the shared libraries, the shared settings.
const PORTAL_INPUTS = ['apps/portal', 'libs', 'tsconfig.base.json', 'package.json'];

export interface BuildOptions {
  rootDir: string;
  onLine?: LineSink;
  onProgress?: LineSink;
  signal?: AbortSignal;
}

export async function buildApps(options: BuildOptions): Promise<void> {
  await runNx(options, 'api:build');
  if (portalIsUpToDate(options.rootDir)) {
    options.onProgress?.(`Portal build is up to date (${PORTAL_INDEX}); not rebuilding.`);
  } else {
    await runNx(options, 'portal:build');
  }
}

/** Runs an Nx target with the project's Node; Nx's own children find it first on PATH too. */
export async function runNx(options: BuildOptions, target: string): Promise<void> {
  options.onProgress?.(`Building: nx run ${target}`);
  const result = await runCommand(process.execPath, [join(options.rootDir, 'node_modules/.bin/nx'), 'run', target], {
    cwd: options.rootDir,
    env: nxEnv(options.rootDir),
    onLine: options.onLine,
    signal: options.signal,
    tailLength: 30,
  });
  if (result.code !== 0) {
    throw new StackError(
      `The build failed: nx run ${target} exited with ${result.code ?? result.signal}.`,
      result.tail,
    );
  }
}

export function nxEnv(rootDir: string): Record<string, string | undefined> {
  return {
    ...process.env,
    PATH: [join(rootDir, 'node_modules/.bin'), process.env['PATH']].filter(Boolean).join(':'),
    NX_DAEMON: 'false',
    NX_TUI: 'false', // the terminal UI would fight with our line-by-line output
    NX_NO_CLOUD: 'true',
  };
}

export function portalIsUpToDate(rootDir: string): boolean {
  const index = join(rootDir, PORTAL_INDEX);
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return PORTAL_INPUTS.every((input) => newestMtime(join(rootDir, input)) < built);
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs; // a deleted file changes only its folder's mtime
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}
