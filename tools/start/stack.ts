// The whole local stack in one call: PostgreSQL, migrations + demo data, dev identity provider, mail catcher,
// the API and the portal. Used by `npm start` and by tests that need everything running.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildApps, PORTAL_INDEX } from './build.ts';
import { superviseApi, DEFAULT_RESTART_POLICY, type RestartPolicy, type SupervisedApi } from './api-supervisor.ts';
import { startLocalDatabase, stopLeftoverPostgres, type LocalDatabase } from './database.ts';
import { startRepoDevIdp, type DevIdp } from './dev-idp.ts';
import { messageOf, StackError } from './errors.ts';
import { checkGivenDatabase } from './external-database.ts';
import { clearChildren, findLeftovers, recordChildren, stopLeftovers } from './leftovers.ts';
import { acquireLock } from './lock.ts';
import { startMailCatcher, type MailCatcher } from './mail-catcher.ts';
import { assertPortsFree, PORTS, type PortName, type Ports } from './ports.ts';
import { runCommand } from './processes.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';
import { localAnchorKey } from './anchor-key.ts';

export type LogSource = 'stack' | 'build' | 'postgres' | 'migrate' | 'seed' | 'dev-idp' | 'mail' | 'api';

export interface StackOptions {
  /** The repository root (dist/ and node_modules/ are read from here). */
  rootDir: string;
  /** Kept between runs: PostgreSQL data, the dev identity provider's keys, the lock file. */
  dataDir: string;
  /** Missing ports take their defaults (see ports.ts). */
  ports?: Partial<Ports>;
  /** Build the API (and the portal, if its sources changed) first. */
  build: boolean;
  /** No output unless `onLog` is given. */
  quiet: boolean;
  onLog?: (source: LogSource, line: string) => void;
  /** DATABASE_URL, OIDC_ISSUER_URL, SMTP_URL, SEED_DEMO, ...; defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Aborting cancels a start in progress (what was started is stopped, the promise rejects). */
  signal?: AbortSignal;
  apiReadyTimeoutMs?: number;
  /** When a crashed API is restarted and when the stack gives up (defaults: api-supervisor.ts). */
  apiRestart?: Partial<RestartPolicy>;
  /** Tests: where PostgreSQL goes when run as root and the `postgres` OS user cannot enter the data folder. */
  postgresRelocationRoot?: string;
}

export interface Stack {
  urls: Record<string, string>;
  /** The settings handed to the API (and to migrations and the seed). */
  env: Record<string, string>;
  /** Settles with a message when the stack cannot go on (the API keeps crashing); the caller should stop it. */
  failed: Promise<string>;
  stop(): Promise<void>;
}

export const API_MAIN = 'dist/api/apps/api/src/main.js';
const MIGRATE = 'dist/api/apps/api/src/cli/migrate.js';
const SEED = 'dist/api/apps/api/src/cli/seed-demo.js';
const PORTAL_DIST = 'dist/apps/portal/browser';

export async function startStack(options: StackOptions): Promise<Stack> {
  const env = options.env ?? process.env;
  const ports = { ...defaultPorts(), ...options.ports };
  const log = options.onLog ?? (options.quiet ? () => undefined : printLine);
  const say = (line: string): void => log('stack', line);
  const signal = options.signal;
  const given = {
    database: nonEmpty(env['DATABASE_URL']),
    issuer: nonEmpty(env['OIDC_ISSUER_URL']),
    smtp: nonEmpty(env['SMTP_URL']),
  };

  // 1. Nothing starts unless every port we will bind is free.
  const releaseLock = acquireLock(options.dataDir);
  try {
    // An earlier start that was killed (SIGKILL, OOM) could not stop its children: stop what is provably its own.
    const leftovers = findLeftovers(options.dataDir);
    const leftoverPostgres = given.database ? undefined : await stopLeftoverPostgres(options.dataDir);
    if (leftovers.length > 0 || leftoverPostgres !== undefined) {
      await stopLeftovers(leftovers);
      const names = [
        ...leftovers.map((child) => `${child.name} (pid ${child.pid})`),
        ...(leftoverPostgres !== undefined ? [`PostgreSQL (pid ${leftoverPostgres})`] : []),
      ];
      say(
        `An earlier \`npm start\` on ${options.dataDir} was killed and left ${names.join(', ')} running; stopped them.`,
      );
    }
    clearChildren(options.dataDir);
    // A leftover just stopped can hold its ports a moment longer: a killed multi-threaded process shows as ended
    // (its main thread a zombie) while its other threads still close its sockets. Give them a few seconds.
    await (leftovers.length > 0 || leftoverPostgres !== undefined ? untilPortsFree : assertPortsFree)(
      pick(ports, [
        'api',
        'metrics',
        'portal',
        ...(given.database ? [] : ['postgres' as const]),
        ...(given.issuer ? [] : ['devIdp' as const]),
        ...(given.smtp ? [] : ['smtp' as const, 'mailWeb' as const]),
      ]),
    );
  } catch (error) {
    releaseLock();
    throw error;
  }
  const children = new Map<string, number>();
  const childStarted = (name: string, pid: number | undefined): void => {
    if (pid === undefined) children.delete(name);
    else children.set(name, pid);
    recordChildren(options.dataDir, children);
  };
  let reportFailure: (message: string) => void = () => undefined;
  const failed = new Promise<string>((resolve) => (reportFailure = resolve));

  const portalOrigin = `http://localhost:${ports.portal}`;
  const apiOrigin = `http://localhost:${ports.api}`;
  let database: LocalDatabase | undefined;
  let devIdp: DevIdp | undefined;
  let mail: MailCatcher | undefined;
  let api: SupervisedApi | undefined;
  let portal: StaticServer | undefined;

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      // The API first (it holds database connections and sends mail), PostgreSQL last.
      const failures: string[] = [];
      const step = async (name: string, action: (() => Promise<unknown>) | undefined): Promise<void> => {
        if (!action) return;
        try {
          await action();
        } catch (error) {
          failures.push(`${name}: ${messageOf(error)}`);
        }
      };
      await step('API', api && (() => api!.stop(10_000)));
      await step('portal server', portal?.stop);
      await step('mail catcher', mail && (() => mail!.stop().finally(() => childStarted('mail catcher', undefined))));
      await step('dev identity provider', devIdp && (() => devIdp!.close()));
      await step('PostgreSQL', database?.stop);
      clearChildren(options.dataDir);
      releaseLock();
      if (failures.length) throw new StackError(`Not everything stopped cleanly: ${failures.join('; ')}`);
    })());

  try {
    const started = Date.now();
    if (options.build) {
      await buildApps({ rootDir: options.rootDir, onLine: (l) => log('build', l), onProgress: say, signal });
    }
    for (const file of [API_MAIN, MIGRATE, ...(seedWanted(env) ? [SEED] : []), PORTAL_INDEX]) {
      if (!existsSync(join(options.rootDir, file))) {
        throw new StackError(`${file} is missing: build first (\`npm run build\`).`);
      }
    }

    // 2. PostgreSQL
    let databaseUrl: string;
    let migrationUrl: string;
    if (given.database) {
      ({ appUrl: databaseUrl, migrationUrl } = await checkGivenDatabase(env, say));
    } else {
      signal?.throwIfAborted();
      database = await timed(say, 'PostgreSQL', () =>
        startLocalDatabase({
          dataDir: options.dataDir,
          port: ports.postgres,
          onLog: (chunk) => splitLines(chunk, (l) => log('postgres', l)),
          relocationRoot: options.postgresRelocationRoot,
        }),
      );
      if (database.relocatedTo) {
        say(
          `PostgreSQL runs from ${database.relocatedTo}: the OS user postgres cannot enter this clone's folder (README, "npm start").`,
        );
      }
      databaseUrl = database.appUrl;
      migrationUrl = database.migrationUrl;
    }

    const issuer = given.issuer ?? `http://localhost:${ports.devIdp}/realms/babyconnect`;
    const apiEnv: Record<string, string> = {
      NODE_ENV: env['NODE_ENV'] ?? 'development',
      PORT: String(ports.api),
      DATABASE_URL: databaseUrl,
      DATABASE_MIGRATION_URL: migrationUrl,
      OIDC_ISSUER_URL: issuer,
      OIDC_AUDIENCE: env['OIDC_AUDIENCE'] ?? 'babyconnect-api',
      PORTAL_ORIGIN: portalOrigin,
      SMTP_URL: given.smtp ?? `smtp://127.0.0.1:${ports.smtp}`,
      METRICS_PORT: String(ports.metrics),
      LOG_LEVEL: env['LOG_LEVEL'] ?? 'info',
      ACCESS_LOG_ANCHOR_KEY: env['ACCESS_LOG_ANCHOR_KEY'] ?? localAnchorKey(options.dataDir),
    };
    const childEnv = { ...env, ...apiEnv };

    // 3. Migrations, then demo data.
    await timed(say, 'Migrations', () => runCli(options.rootDir, MIGRATE, 'migrate', childEnv, log, signal));
    if (seedWanted(env)) {
      await timed(say, 'Demo data', () => runCli(options.rootDir, SEED, 'seed', childEnv, log, signal));
    } else {
      say('SEED_DEMO=false: demo data not loaded.');
    }

    // 4. Identity provider
    if (!given.issuer) {
      signal?.throwIfAborted();
      devIdp = await timed(say, 'Dev identity provider', () =>
        startRepoDevIdp(options.rootDir, options.dataDir, { port: ports.devIdp, portalOrigin, quiet: options.quiet }),
      );
      if (devIdp.issuer !== issuer) {
        throw new StackError(`The dev identity provider's issuer is ${devIdp.issuer}, expected ${issuer}.`);
      }
    }

    // 5. Mail catcher
    if (!given.smtp) {
      signal?.throwIfAborted();
      mail = await timed(say, 'Mail catcher', () =>
        startMailCatcher({
          rootDir: options.rootDir,
          workDir: join(options.dataDir, 'maildev'),
          smtpPort: ports.smtp,
          webPort: ports.mailWeb,
          onLog: options.quiet && !options.onLog ? undefined : (l) => log('mail', l),
        }),
      );
      childStarted('mail catcher', mail.pid);
    }

    // 6. The API
    signal?.throwIfAborted();
    await timed(say, 'API', async () => {
      api = await superviseApi({
        rootDir: options.rootDir,
        main: API_MAIN,
        env: childEnv,
        readyUrl: `${apiOrigin}/health/ready`,
        readyTimeoutMs: options.apiReadyTimeoutMs ?? 60_000,
        policy: { ...DEFAULT_RESTART_POLICY, ...options.apiRestart },
        onLine: (l) => log('api', l),
        say,
        onPid: (pid) => childStarted('API', pid),
        onGiveUp: (message) => {
          say(message);
          reportFailure(message);
        },
        signal,
      });
    });

    // 7. The portal
    signal?.throwIfAborted();
    portal = await startStaticServer({
      root: join(options.rootDir, PORTAL_DIST),
      port: ports.portal,
      config: { apiUrl: apiOrigin, oidc: { issuer, clientId: 'babyconnect-portal' } },
    });
    say(`Stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);

    const urls: Record<string, string> = {
      portal: portal.url,
      api: apiOrigin,
      graphql: `${apiOrigin}/graphql`,
      health: `${apiOrigin}/health/ready`,
      metrics: `http://localhost:${ports.metrics}/metrics`,
      issuer,
      postgres: database ? `postgres://127.0.0.1:${database.port}/babyconnect` : withoutCredentials(databaseUrl),
    };
    if (mail) urls['mail'] = mail.webUrl;
    urls['smtp'] = apiEnv['SMTP_URL']!;
    return { urls, env: apiEnv, failed, stop };
  } catch (error) {
    try {
      await stop();
    } catch (stopError) {
      log('stack', messageOf(stopError));
    }
    throw error;
  }
}

async function runCli(
  rootDir: string,
  script: string,
  source: 'migrate' | 'seed',
  env: Record<string, string | undefined>,
  log: (source: LogSource, line: string) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  const result = await runCommand(process.execPath, ['--enable-source-maps', join(rootDir, script)], {
    cwd: rootDir,
    env,
    onLine: (line) => log(source, line),
    signal,
  });
  if (result.code !== 0) {
    // The CLIs print one line saying what went wrong; that line is the most useful thing to repeat.
    const last = result.tail.at(-1) ?? 'no output';
    const what = source === 'migrate' ? 'Database migration' : 'Loading the demo data';
    throw new StackError(`${what} failed (exit ${result.code ?? result.signal}): ${last}`, result.tail);
  }
}

async function timed<T>(say: (line: string) => void, what: string, action: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await action();
  say(`${what} ready (${((Date.now() - started) / 1000).toFixed(1)} s).`);
  return result;
}

function seedWanted(env: Record<string, string | undefined>): boolean {
  return !['false', '0', 'no'].includes((env['SEED_DEMO'] ?? '').trim().toLowerCase());
}

function defaultPorts(): Ports {
  return Object.fromEntries(Object.entries(PORTS).map(([name, info]) => [name, info.fallback])) as unknown as Ports;
}

function pick(ports: Ports, names: PortName[]): Partial<Ports> {
  return Object.fromEntries(names.map((name) => [name, ports[name]]));
}

function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined;
}

function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(DATABASE_URL)';
  }
}

// PostgreSQL's log arrives in chunks of several lines.
function splitLines(chunk: string, each: (line: string) => void): void {
  for (const line of chunk.split('\n')) if (line.trim()) each(line);
}

function printLine(source: LogSource, line: string): void {
  process.stdout.write(`[${source}] ${line}\n`);
}

/** assertPortsFree, retried for up to `waitMs` (ports that processes which just ended are still releasing). */
async function untilPortsFree(wanted: Partial<Ports>, waitMs = 5_000): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await assertPortsFree(wanted);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
