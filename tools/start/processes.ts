// Child processes of the local stack: one-shot commands (build, migrate, seed) and long-running services
// (API, mail catcher). Output is split into lines for the caller; the last lines are kept for error messages.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { StackError } from './errors.ts';

export type LineSink = (line: string) => void;

export interface SpawnOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  onLine?: LineSink;
  /** Lines kept for error messages. */
  tailLength?: number;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Service {
  readonly pid: number;
  /** Settles when the process has exited (never rejects). */
  readonly exited: Promise<ExitStatus>;
  hasExited(): boolean;
  tail(): string[];
  /** SIGTERM to the process group, SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<ExitStatus>;
}

// Children that have not exited yet. If this process dies without stopping them (a crash, an uncaught error),
// the 'exit' hook kills them, so no orphan keeps a port or the database folder busy.
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', killAllNow);
  }
}

/** Last resort (second Ctrl-C, crash): SIGKILL every child process group still running. */
export function killAllNow(): void {
  for (const child of live) signalGroup(child, 'SIGKILL');
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // Children run in their own process group (detached), so this reaches their own children too.
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/**
 * Preloaded into every Node child (`--import`): the child ends itself when the stack's process is gone. Children
 * run in their own process group (for an ordered Ctrl-C), so a SIGKILL of the stack's group (a closed laptop
 * lid, the OOM killer) does not reach them; without this they would keep their ports. A changed parent pid means
 * the parent died (the child was re-parented): SIGTERM to itself (its own clean shutdown), exit after 5 s regardless.
 */
export const PARENT_WATCHDOG = `data:text/javascript,${encodeURIComponent(
  [
    '/* babyconnect-stack-watchdog */',
    'const parent = process.ppid;',
    'const timer = setInterval(() => {',
    '  if (process.ppid === parent) return;',
    '  clearInterval(timer);',
    '  setTimeout(() => process.exit(1), 5000).unref();',
    "  process.kill(process.pid, 'SIGTERM');",
    '}, 250);',
    'timer.unref();',
  ].join('\n'),
)}`;

/** Starts a long-running process. Resolves once it has been spawned (not once it is ready). */
export function startService(command: string, args: string[], options: SpawnOptions): Promise<Service> {
  const tail: string[] = [];
  const tailLength = options.tailLength ?? 40;
  const onLine = (line: string): void => {
    tail.push(line);
    if (tail.length > tailLength) tail.shift();
    options.onLine?.(line);
  };
  // detached: own process group, so a terminal's Ctrl-C (sent to the whole foreground group) reaches only
  // the stack, which then stops its children in order.
  const watched = command === process.execPath ? ['--import', PARENT_WATCHDOG, ...args] : args;
  const child = spawn(command, watched, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  track(child);
  const streamsClosed = Promise.all([pipeLines(child.stdout, onLine), pipeLines(child.stderr, onLine)]);
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('error', (error) => {
      onLine(`${command}: ${error.message}`);
      resolve({ code: null, signal: null });
    });
    // 'close' (not 'exit') so that the last output lines are in the tail when this resolves.
    child.once('close', (code, signal) => void streamsClosed.then(() => resolve({ code, signal })));
  });
  let done = false;
  void exited.then(() => (done = true));

  return new Promise((resolve, reject) => {
    child.once('spawn', () =>
      resolve({
        pid: child.pid ?? 0,
        exited,
        hasExited: () => done,
        tail: () => [...tail],
        async stop(graceMs = 10_000) {
          if (done) return exited;
          signalGroup(child, 'SIGTERM');
          const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
          try {
            return await exited;
          } finally {
            clearTimeout(timer);
          }
        },
      }),
    );
    child.once('error', (error) => reject(new StackError(`Could not start ${command}: ${error.message}`)));
  });
}

export interface RunResult extends ExitStatus {
  tail: string[];
}

/** Runs a command to completion; an AbortSignal stops it (SIGTERM, then SIGKILL). */
export async function runCommand(
  command: string,
  args: string[],
  options: SpawnOptions & { signal?: AbortSignal },
): Promise<RunResult> {
  options.signal?.throwIfAborted();
  const service = await startService(command, args, options);
  const onAbort = (): void => void service.stop(5_000);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const status = await service.exited;
    options.signal?.throwIfAborted();
    return { ...status, tail: service.tail() };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

function pipeLines(stream: Readable | null, onLine: LineSink): Promise<void> {
  if (!stream) return Promise.resolve();
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (line.trim()) onLine(line);
  });
  return new Promise((resolve) => lines.once('close', resolve));
}

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  signal?: AbortSignal;
  /** Stops waiting early, e.g. when the process that should become ready has exited. */
  giveUp?: () => string | undefined;
}

/** Polls `url` until it answers `status`; throws a StackError on timeout or when `giveUp` returns a reason. */
export async function waitForHttp(url: string, status: number, options: WaitOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let last = 'no answer';
  for (;;) {
    options.signal?.throwIfAborted();
    const reason = options.giveUp?.();
    if (reason) throw new StackError(reason);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.status === status) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    }
    if (Date.now() > deadline) {
      throw new StackError(`${url} was not ready within ${options.timeoutMs / 1000} s (last: ${last}).`);
    }
    await sleep(options.intervalMs ?? 200, undefined, { signal: options.signal });
  }
}
