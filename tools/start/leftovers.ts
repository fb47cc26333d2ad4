// What an earlier `npm start` left running when it was killed without the chance to stop its children (SIGKILL,
// OOM). The stack writes the pids of its long-running children, with each one's start time, to .data/stack.pids;
// a next start stops those that still run with the same pid *and* start time (provably its own, not a process
// that reused the pid) and says so in one line.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const PIDS_FILE = 'stack.pids';

export interface ChildRecord {
  name: string;
  pid: number;
  /** Start time in clock ticks since boot (/proc/<pid>/stat field 22); identifies the process beyond its pid. */
  started: string;
}

/** The start time of `pid` from /proc (Linux), or undefined (gone, or no /proc). */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[0] === 'Z' ? undefined : fields[19]; // a zombie has ended; it only waits to be reaped
  } catch {
    return undefined;
  }
}

/** Keeps the file in step with the children that run now (called on every start, restart and stop of one). */
export function recordChildren(dataDir: string, children: Map<string, number>): void {
  const records: ChildRecord[] = [];
  for (const [name, pid] of children) {
    const started = processStartTime(pid);
    if (started) records.push({ name, pid, started });
  }
  writeFileSync(join(dataDir, PIDS_FILE), `${JSON.stringify({ stack: process.pid, children: records })}\n`);
}

export function clearChildren(dataDir: string): void {
  rmSync(join(dataDir, PIDS_FILE), { force: true });
}

/** Children of a stack that is no longer running and that still run: its leftovers. */
export function findLeftovers(dataDir: string): ChildRecord[] {
  let recorded: { stack?: number; children?: ChildRecord[] };
  try {
    recorded = JSON.parse(readFileSync(join(dataDir, PIDS_FILE), 'utf8')) as typeof recorded;
  } catch {
    return [];
  }
  // The recording stack still runs (a zombie does not count: killed, it only waits for its parent to reap it).
  if (recorded.stack !== undefined && recorded.stack !== process.pid && processStartTime(recorded.stack) !== undefined)
    return [];
  return (recorded.children ?? []).filter(
    (child) => Number.isInteger(child.pid) && processStartTime(child.pid) === child.started,
  );
}

/** SIGTERM to each leftover's process group, SIGKILL after `graceMs`; resolves when all are gone. */
export async function stopLeftovers(leftovers: ChildRecord[], graceMs = 5_000): Promise<void> {
  const signal = (child: ChildRecord, name: NodeJS.Signals): void => {
    if (processStartTime(child.pid) !== child.started) return;
    try {
      process.kill(-child.pid, name); // each child leads its own process group
    } catch {
      try {
        process.kill(child.pid, name);
      } catch {
        // gone meanwhile
      }
    }
  };
  for (const child of leftovers) signal(child, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  const running = () => leftovers.filter((child) => processStartTime(child.pid) === child.started);
  while (running().length > 0 && Date.now() < deadline) await sleep(100);
  for (const child of running()) signal(child, 'SIGKILL');
  while (running().length > 0) await sleep(50);
}
