// The benchmark's own throwaway stack: embedded PostgreSQL in a temp folder, migrations and demo data from the
// API's build output, the dev identity provider in this process, the API and the floor as separate processes.
// Nothing of the API is imported: it is built, started and then spoken to over HTTP (and the floor over SQL).
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../db/free-port.ts';
import { startDevIdp, type DevIdp } from '../dev-idp/server.ts';
import { runNx } from '../start/build.ts';
import { killPostgres, startLocalDatabase, type LocalDatabase } from '../start/database.ts';
import { runCommand, startService, waitForHttp, type Service } from '../start/processes.ts';

const API_MAIN = 'dist/api/apps/api/src/main.js';
const MIGRATE = 'dist/api/apps/api/src/cli/migrate.js';
const SEED = 'dist/api/apps/api/src/cli/seed-demo.js';

export interface StackOptions {
  rootDir: string;
  build: boolean;
  poolMax: number;
  /** Extra users for the dev identity provider (Keycloak partial-import format), e.g. FGs of extra organisations. */
  extraUsers: unknown[];
  /** The SMTP server the API mails to (the mail scenario's); without it the API queues mail and sends none. */
  smtpUrl?: string;
  say: (line: string) => void;
}

export interface BenchStack {
  apiUrl: string;
  /** The app role's connection (row-level security applies), as the API and the floor use it. */
  appUrl: string;
  /** The schema owner's connection (migrations, seeding, the mail scenario's bulk set-up and read-back). */
  migrationUrl: string;
  floorUrl: string;
  issuer: string;
  poolMax: number;
  /** Undefined while the API runs; otherwise how it ended (the benchmark reports a crash). */
  apiExit(): string | undefined;
  apiTail(): string[];
  /** The running API's process id (its RSS is read from /proc). */
  apiPid(): number;
  /** The floor server's process id (its CPU and RSS are read from /proc). */
  floorPid(): number;
  /** Starts the API again after a crash, so the scenarios after it can still run. */
  restartApi(): Promise<void>;
  stop(): Promise<void>;
}

let emergency: (() => void) | undefined;

/**
 * Last resort (a second Ctrl-C): kill the floor and PostgreSQL without waiting, even while the stack is still
 * starting. The API is a tracked service: tools/start/processes.ts `killAllNow()` kills it.
 */
export function killBenchStackNow(): void {
  emergency?.();
}

export async function startBenchStack(options: StackOptions): Promise<BenchStack> {
  const { rootDir, say } = options;
  // A folder the `postgres` OS user can traverse when this runs as root (mkdtemp makes it 0700).
  const parent = mkdtempSync(join(tmpdir(), 'babyconnect-bench-'));
  chmodSync(parent, 0o755);
  let database: LocalDatabase | undefined;
  let idp: DevIdp | undefined;
  let floor: ChildProcess | undefined;
  let api: Service | undefined;
  emergency = () => {
    floor?.kill('SIGKILL');
    killPostgres(join(parent, 'postgres'));
  };

  const stop = async (): Promise<void> => {
    const failures: string[] = [];
    const step = async (name: string, action: () => Promise<unknown>): Promise<void> => {
      try {
        await action();
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message}`);
      }
    };
    if (api) await step('API', () => api!.stop(10_000));
    if (floor) await step('floor', () => stopChild(floor!));
    if (idp) await step('identity provider', () => idp!.close());
    if (database) await step('PostgreSQL', () => database!.stop());
    rmSync(parent, { recursive: true, force: true });
    emergency = undefined;
    if (failures.length) throw new Error(`Not everything stopped cleanly: ${failures.join('; ')}`);
  };

  try {
    if (options.build) {
      say('Building the API (nx run api:build) …');
      await runNx({ rootDir }, 'api:build');
    }
    database = await startLocalDatabase({ dataDir: parent, port: await freePort() });
    say(`PostgreSQL on port ${database.port} (data in ${parent}).`);
    const cliEnv = { ...process.env, DATABASE_MIGRATION_URL: database.migrationUrl, NODE_ENV: 'development' };
    for (const [name, file] of [
      ['migrations', MIGRATE],
      ['demo seed', SEED],
    ] as const) {
      const result = await runCommand(process.execPath, [join(rootDir, file)], { cwd: rootDir, env: cliEnv });
      if (result.code !== 0) throw new Error(`${name} failed (${file}):\n${result.tail.join('\n')}`);
    }

    const usersFile = join(parent, 'bench-users.json');
    writeFileSync(usersFile, JSON.stringify({ groups: [], users: options.extraUsers }));
    idp = await startDevIdp({
      port: 0,
      realmFile: join(rootDir, 'infra/keycloak/babyconnect-realm.json'),
      demoFile: join(rootDir, 'infra/keycloak/babyconnect-demo.json'),
      extraUsersFiles: [usersFile],
      // Tokens are fetched once; a full run takes longer than the realm's five-minute lifespan.
      accessTokenTtlSeconds: 4 * 3600,
      quiet: true,
    });

    floor = await startFloor(rootDir, database.appUrl, options.poolMax);
    const floorPort = await floorPortOf(floor);

    const apiPort = await freePort();
    const apiEnv = {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(apiPort),
      METRICS_PORT: '0',
      DATABASE_URL: database.appUrl,
      DATABASE_MIGRATION_URL: database.migrationUrl,
      DATABASE_POOL_MAX: String(options.poolMax),
      OIDC_ISSUER_URL: idp.issuer,
      LOG_LEVEL: 'warn',
      ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
      // e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where the API's time goes under load.
      ...(process.env['BENCH_API_NODE_OPTIONS'] ? { NODE_OPTIONS: process.env['BENCH_API_NODE_OPTIONS'] } : {}),
    };
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const startApi = async (): Promise<void> => {
      const service = await startService(process.execPath, [join(rootDir, API_MAIN)], {
        cwd: rootDir,
        env: apiEnv,
        tailLength: 40,
      });
      api = service;
      await waitForHttp(`${apiUrl}/health/ready`, 200, {
        timeoutMs: 60_000,
        giveUp: () =>
          service.hasExited() ? `The API exited before it was ready:\n${service.tail().join('\n')}` : undefined,
      });
    };
    await startApi();
    say(`API on ${apiUrl} (pool ${options.poolMax}), floor on port ${floorPort}, identity provider ${idp.issuer}.`);

    let exit: string | undefined;
    const watch = (service: Service): void =>
      void service.exited.then((status) => {
        if (api === service) exit = `exit code ${status.code ?? '-'}, signal ${status.signal ?? '-'}`;
      });
    watch(api!);

    return {
      apiUrl,
      appUrl: database.appUrl,
      migrationUrl: database.migrationUrl,
      floorUrl: `http://127.0.0.1:${floorPort}`,
      issuer: idp.issuer,
      poolMax: options.poolMax,
      apiExit: () => exit,
      apiTail: () => api?.tail() ?? [],
      apiPid: () => api!.pid,
      floorPid: () => floor!.pid!,
      restartApi: async () => {
        await api?.stop(5_000);
        exit = undefined;
        await startApi();
        watch(api!);
      },
      stop,
    };
  } catch (error) {
    await stop().catch((stopError: Error) => say(stopError.message));
    throw error;
  }
}

function startFloor(rootDir: string, appUrl: string, poolMax: number): Promise<ChildProcess> {
  // stdin is a pipe the floor watches: if this process dies, the floor's stdin closes and it exits.
  const child = spawn(process.execPath, [join(rootDir, 'tools/bench/floor-server.ts')], {
    cwd: rootDir,
    env: { ...process.env, FLOOR_DATABASE_URL: appUrl, FLOOR_POOL_MAX: String(poolMax) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('spawn', () => resolve(child));
    child.once('error', reject);
  });
}

function floorPortOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`The floor server exited (${code}) before it listened.`)));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin?.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
