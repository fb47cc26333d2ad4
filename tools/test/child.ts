// Runs one check's command with the project's Node, its output live on this terminal.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface ChildResult {
  code: number;
  /** The output, only when `capture` was asked for (it is still shown live). */
  output: string;
}

/**
 * Environment for every child: node_modules/.bin first on PATH so that anything the child starts by name
 * (`node`, `nx`, ...) is the project's Node 24 too, even when this script was not started through npm.
 */
export function childEnv(rootDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: [join(rootDir, 'node_modules/.bin'), process.env['PATH']].filter(Boolean).join(':'),
    NX_DAEMON: 'false',
    NX_TUI: 'false',
    NX_NO_CLOUD: 'true',
    ...extra,
  };
}

/** `script` is a JavaScript/TypeScript file run with this Node (process.execPath), never a Node found on PATH. */
export function runNode(
  rootDir: string,
  script: string,
  args: string[],
  options: { env?: Record<string, string>; capture?: boolean } = {},
): Promise<ChildResult> {
  const env = childEnv(rootDir, options.env);
  if (options.capture && process.stdout.isTTY) env['FORCE_COLOR'] ??= '1'; // piped, but shown on a terminal
  const child = spawn(process.execPath, [join(rootDir, script), ...args], {
    cwd: rootDir,
    env,
    stdio: options.capture ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stderr.write(chunk);
  });
  return new Promise((resolve) => {
    child.once('error', (error) => {
      process.stderr.write(`${script}: ${error.message}\n`);
      resolve({ code: 1, output });
    });
    child.once('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}
