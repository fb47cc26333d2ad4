// `npm start`: the whole stack on this machine, data kept in <repo>/.data. Ctrl-C stops everything in order.
import { join } from 'node:path';
import { prettyFactory } from 'pino-pretty';
import { messageOf, StackError } from './errors.ts';
import { removeLock } from './lock.ts';
import { resolvePorts } from './ports.ts';
import { killPostgres, postgresDataDir } from './database.ts';
import { takeOverCtrlC } from './signals.ts';
import { startStack, type LogSource, type Stack } from './stack.ts';
import { killAllNow } from './processes.ts';

const rootDir = join(import.meta.dirname, '../..');
const dataDir = join(rootDir, '.data');
const color = process.stdout.isTTY === true;
// The API logs JSON lines (pino); a developer reads them better one short line each.
const pretty = prettyFactory({
  colorize: color,
  singleLine: true,
  translateTime: 'SYS:HH:MM:ss',
  ignore: 'pid,hostname,service,context',
  messageFormat: '{if context}{context}: {end}{msg}',
});

function onLog(source: LogSource, line: string): void {
  if (source === 'postgres') return; // kept by the database helper for its error messages; noise otherwise
  const text = source === 'api' && line.startsWith('{') ? pretty(line).trimEnd() : line;
  process.stdout.write(`${label(source)} ${text}\n`);
}

function label(source: LogSource): string {
  const text = `[${source}]`;
  return color ? `\x1b[2m${text}\x1b[0m` : text;
}

const abort = new AbortController();
let stack: Stack | undefined;
let stopRequested = false;

takeOverCtrlC(() => {
  if (!stopRequested) {
    stopRequested = true;
    process.stdout.write('\nStopping… (Ctrl-C again to force)\n');
    if (stack) void shutdown(stack);
    else abort.abort(); // still starting: startStack stops what it started and rejects
    return;
  }
  // Second Ctrl-C: no more waiting.
  process.stdout.write('Forced stop.\n');
  killAllNow();
  killPostgres(postgresDataDir(dataDir));
  removeLock(dataDir);
  process.exit(130);
});

async function shutdown(running: Stack, code = 0): Promise<void> {
  try {
    await running.stop();
    process.stdout.write('Everything stopped.\n');
    process.exit(code);
  } catch (error) {
    process.stderr.write(`${messageOf(error)}\n`);
    process.exit(1);
  }
}

try {
  let ports;
  try {
    ports = resolvePorts(process.env);
  } catch (error) {
    throw new StackError(messageOf(error));
  }
  // START_BUILD=false: use dist as it is (e.g. right after `npm run build`).
  const build = process.env['START_BUILD']?.trim().toLowerCase() !== 'false';
  stack = await startStack({ rootDir, dataDir, ports, build, quiet: false, onLog, signal: abort.signal });
  if (stopRequested) {
    await shutdown(stack);
  } else {
    process.stdout.write(banner(stack));
    // The API crashed more often than the restart policy allows: stop everything, one red line, exit 1.
    const running = stack;
    void running.failed.then((message) => {
      if (stopRequested) return;
      stopRequested = true;
      process.stderr.write(`\n${color ? '\x1b[31m' : ''}Stopping: ${message}${color ? '\x1b[0m' : ''}\n`);
      void shutdown(running, 1);
    });
  }
} catch (error) {
  if (abort.signal.aborted) {
    process.stdout.write('Start cancelled; everything stopped.\n');
    process.exit(0);
  }
  // One line, no stack trace: the message says what to do. (The failing process's output is already above.)
  process.stderr.write(`\n${color ? '\x1b[31m' : ''}Start failed: ${messageOf(error)}${color ? '\x1b[0m' : ''}\n`);
  process.exit(1);
}

function banner(running: Stack): string {
  const { urls } = running;
  const rows: [string, string][] = [
    ['Portal', urls['portal']!],
    ['API (GraphQL)', urls['graphql']!],
    ['API health', urls['health']!],
    ['Metrics', urls['metrics']!],
    ['Identity provider', urls['issuer']!],
    ['  demo token', 'npm run -s token -- <user>   (users: infra/keycloak/babyconnect-demo.json)'],
    ['Mail (web page)', urls['mail'] ?? `not started; mail goes to ${urls['smtp']}`],
    ['PostgreSQL', urls['postgres']!],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  const lines = rows.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`);
  const rule = '─'.repeat(Math.max(...lines.map((line) => line.length)) + 2);
  return (
    [
      '',
      rule,
      '  Babyconnect datalek platform is running',
      '',
      ...lines,
      '',
      '  Ctrl-C stops everything.',
      rule,
      '',
    ].join('\n') + '\n'
  );
}
