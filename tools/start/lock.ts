// One stack per data folder: a lock file with the owner's pid, so a second `npm start` and `npm run reset`
// can tell that the stack is running. A lock whose process is gone (kill -9, power loss) is stale and ignored.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from './database.ts';
import { StackError } from './errors.ts';

const LOCK_FILE = 'stack.lock';

export interface LockInfo {
  pid: number;
  startedAt: string;
}

/** The running stack's lock in `dataDir`, or undefined if none is running. */
export function readLiveLock(dataDir: string): LockInfo | undefined {
  let info: LockInfo;
  try {
    info = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
  return Number.isInteger(info.pid) && info.pid !== process.pid && isAlive(info.pid) ? info : undefined;
}

/** Takes the lock for this process; returns its release function. */
export function acquireLock(dataDir: string): () => void {
  const held = readLiveLock(dataDir);
  if (held) {
    throw new StackError(
      `The stack is already running on ${dataDir} (pid ${held.pid}, since ${held.startedAt}); stop it first (Ctrl-C in its terminal).`,
    );
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const file = join(dataDir, LOCK_FILE);
  writeFileSync(file, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() } satisfies LockInfo));
  return () => rmSync(file, { force: true });
}

/** Removes the lock whoever holds it: only for this process's forced exit. */
export function removeLock(dataDir: string): void {
  rmSync(join(dataDir, LOCK_FILE), { force: true });
}
