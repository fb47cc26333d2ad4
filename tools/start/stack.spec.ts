// The local stack's pieces, started for real on free ports with throwaway folders. The API is a stub here
// (a few lines of node:http): this spec must not depend on the API build.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createServer, type Server } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { startLocalDatabase } from './database.ts';
import { processStartTime } from './leftovers.ts';
import { StackError } from './errors.ts';
import { startMailCatcher } from './mail-catcher.ts';
import { assertPortsFree, findFreePort, findFreePorts, isPortFree, type Ports } from './ports.ts';
import { startStack, type LogSource } from './stack.ts';
import { startStaticServer } from './static-server.ts';

const repoRoot = resolve(__dirname, '../..');
const scratch: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stack-spec-'));
  // PostgreSQL runs as the OS user `postgres` when the tests run as root: it must traverse this folder.
  chmodSync(dir, 0o755);
  scratch.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function rawGet(
  url: string,
  headers: Record<string, string>,
  method = 'GET',
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

function occupy(port: number): Promise<Server> {
  return new Promise((done) => {
    const server = createServer();
    server.listen(port, '127.0.0.1', () => done(server));
  });
}

describe('ports', () => {
  it('names the busy port, its default use and the variable that moves it', async () => {
    const port = await findFreePort();
    const server = await occupy(port);
    try {
      await expect(assertPortsFree({ api: port })).rejects.toThrow(
        new RegExp(`^Port ${port} is already in use .*the API.*default 3000.*API_PORT=<port>`),
      );
      expect(await isPortFree(port)).toBe(false);
    } finally {
      server.close();
    }
  });

  it('startStack refuses to start anything when a port is busy', async () => {
    const ports = await findFreePorts();
    const server = await occupy(ports.portal);
    const dataDir = tempDir();
    try {
      await expect(
        startStack({ rootDir: repoRoot, dataDir, ports, build: false, quiet: true, env: {} }),
      ).rejects.toThrow(/PORTAL_PORT/);
      // Nothing was started: PostgreSQL's port is still free and no lock is left behind.
      expect(await isPortFree(ports.postgres)).toBe(true);
      await expect(assertPortsFree({ postgres: ports.postgres })).resolves.toBeUndefined();
    } finally {
      server.close();
    }
  });
});

describe('static portal server', () => {
  const root = join(tempDir(), 'browser');
  mkdirSync(root);
  const html = '<!doctype html><html><head><script>window.x=1</script></head><body><app-root></app-root></body></html>';
  writeFileSync(join(root, 'index.html'), html);
  writeFileSync(join(root, 'main-2DQKW6VN.js'), 'console.log(1)');
  writeFileSync(join(root, 'favicon.ico'), 'ico');
  // A bundle-like file: large enough to be worth compressing.
  const bundle = Buffer.from(
    Array.from({ length: 2000 }, (_, i) => `export function f${i}(a){return a*${i}+${i % 7};}\n`).join(''),
  );
  writeFileSync(join(root, 'chunk-ABCDEF12.js'), bundle);
  let url = '';
  let stop: () => Promise<void> = async () => undefined;
  let port = 0;
  const config = {
    apiUrl: 'http://localhost:3999',
    oidc: { issuer: 'http://localhost:8999/realms/babyconnect', clientId: 'babyconnect-portal' },
  };

  beforeAll(async () => {
    port = await findFreePort();
    const server = await startStaticServer({ root, port, config });
    url = server.url;
    stop = server.stop;
  });

  it('answers SPA routes with index.html, uncached, with a strict policy', async () => {
    const response = await fetch(`${url}/incidents/42`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(html);
    expect(response.headers.get('cache-control')).toMatch(/no-cache/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self' http://localhost:3999 http://localhost:8999");
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect((await fetch(`${url}/`)).status).toBe(200);
  });

  it('caches hashed files long and revalidates the others', async () => {
    const hashed = await fetch(`${url}/main-2DQKW6VN.js`);
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(hashed.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(`${url}/favicon.ico`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('gives 404 for missing files and paths outside the folder', async () => {
    expect((await fetch(`${url}/chunk-MISSING1.js`)).status).toBe(404);
    writeFileSync(join(root, '../outside.txt'), 'secret');
    expect((await fetch(`${url}/..%2foutside.txt`)).status).toBe(404);
    expect(await (await fetch(`${url}/..%2f..%2fetc%2fpasswd`)).text()).toBe(html); // stays inside: a SPA route
    expect((await fetch(`${url}/`, { method: 'POST' })).status).toBe(405);
  });

  it('compresses JavaScript as the client asks (brotli, gzip), to the same bytes; none when not asked', async () => {
    const brotli = await rawGet(`${url}/chunk-ABCDEF12.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['vary']).toBe('Accept-Encoding');
    expect(Number(brotli.headers['content-length'])).toBe(brotli.body.length);
    expect(brotli.body.length).toBeLessThan(bundle.length / 4);
    expect(brotliDecompressSync(brotli.body).equals(bundle)).toBe(true);

    const gzipped = await rawGet(`${url}/chunk-ABCDEF12.js`, { 'accept-encoding': 'gzip;q=1, br;q=0' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).equals(bundle)).toBe(true);

    const plain = await rawGet(`${url}/chunk-ABCDEF12.js`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(bundle)).toBe(true);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const head = await rawGet(`${url}/chunk-ABCDEF12.js`, { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
    // Tiny and already-compressed files go as they are.
    expect(
      (await rawGet(`${url}/main-2DQKW6VN.js`, { 'accept-encoding': 'br' })).headers['content-encoding'],
    ).toBeUndefined();
  });

  it('serves /config.json from its settings', async () => {
    const response = await fetch(`${url}/config.json`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      apiUrl: 'http://localhost:3999',
      oidc: { issuer: 'http://localhost:8999/realms/babyconnect', clientId: 'babyconnect-portal' },
    });
  });

  afterAll(() => stop());

  it('frees its port on stop, even with a keep-alive connection open', async () => {
    // A server of its own: stopping the shared one would fail whichever tests run after this one (--randomize).
    const ownPort = await findFreePort();
    const own = await startStaticServer({ root, port: ownPort, config });
    await fetch(`${own.url}/`, { keepalive: true });
    await own.stop();
    expect(await isPortFree(ownPort)).toBe(true);
  });
});

describe('mail catcher', () => {
  it('receives a mail sent with nodemailer, readable through its API; stop frees both ports', async () => {
    const [smtpPort, webPort] = [await findFreePort(), await findFreePort()];
    const workDir = join(tempDir(), 'maildev');
    const mail = await startMailCatcher({ rootDir: repoRoot, workDir, smtpPort, webPort });
    try {
      expect(mail.smtpUrl).toBe(`smtp://127.0.0.1:${smtpPort}`);
      await nodemailer.createTransport(mail.smtpUrl).sendMail({
        from: 'noreply@babyconnect.test',
        to: 'fg@babyconnect.test',
        subject: 'Datalek gemeld',
        text: 'Er is een datalek gemeld.',
      });
      const emails = (await (await fetch(`${mail.webUrl}/api/email`)).json()) as { subject: string; text: string }[];
      expect(emails).toEqual([expect.objectContaining({ subject: 'Datalek gemeld' })]);
      expect(emails[0]?.text).toContain('Er is een datalek gemeld.');
    } finally {
      await mail.stop();
    }
    expect(await isPortFree(smtpPort)).toBe(true);
    expect(await isPortFree(webPort)).toBe(true);
  }, 30_000);
});

describe('local database', () => {
  it('starts PostgreSQL with the product database; the API role is not the owner; stop frees the port', async () => {
    const port = await findFreePort();
    const database = await startLocalDatabase({ dataDir: tempDir(), port });
    try {
      const client = new pg.Client({ connectionString: database.appUrl });
      await client.connect();
      const { rows } = await client.query<{ user: string; db: string }>(
        'SELECT current_user AS user, current_database() AS db',
      );
      await client.end();
      expect(rows[0]).toEqual({ user: 'babyconnect_app', db: 'babyconnect' });
      expect(new URL(database.migrationUrl).username).toBe('babyconnect_owner');
    } finally {
      await database.stop();
    }
    expect(await isPortFree(port)).toBe(true);
  }, 60_000);
});

// A repository-shaped folder whose dist holds stubs: the API answers /health/ready and reports its settings.
function stubRepo(api: string): string {
  const root = tempDir();
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
  const cli = join(root, 'dist/api/apps/api/src/cli');
  mkdirSync(cli, { recursive: true });
  writeFileSync(
    join(cli, 'migrate.js'),
    "console.log('migrated ' + new URL(process.env.DATABASE_MIGRATION_URL).username)",
  );
  writeFileSync(join(cli, 'seed-demo.js'), "console.log('seeded')");
  writeFileSync(join(root, 'dist/api/apps/api/src/main.js'), api);
  mkdirSync(join(root, 'dist/apps/portal/browser'), { recursive: true });
  writeFileSync(join(root, 'dist/apps/portal/browser/index.html'), '<!doctype html><title>portal</title>');
  return root;
}

const STUB_API = `
const http = require('node:http');
const keys = ['NODE_ENV','PORT','DATABASE_URL','DATABASE_MIGRATION_URL','OIDC_ISSUER_URL','OIDC_AUDIENCE','PORTAL_ORIGIN','SMTP_URL','METRICS_PORT','LOG_LEVEL','ACCESS_LOG_ANCHOR_KEY'];
if (process.env.STUB_CRASH_AFTER_MS) setTimeout(() => process.exit(9), Number(process.env.STUB_CRASH_AFTER_MS));
const server = http.createServer((req, res) => {
  if (req.url === '/health/ready') return res.end('ok');
  if (req.url === '/pid') return res.end(String(process.pid));
  if (req.url === '/crash') process.exit(7);
  if (req.url === '/hang') { res.end('hanging', () => { for (;;); }); return; }
  res.end(JSON.stringify(Object.fromEntries(keys.map((k) => [k, process.env[k]]))));
}).listen(Number(process.env.PORT));
console.log(JSON.stringify({ level: 30, msg: 'listening' }));
process.on('SIGTERM', () => { console.log(JSON.stringify({ level: 30, msg: 'stopping' })); server.close(() => process.exit(0)); });
`;

describe('startStack (stub API, external identity provider)', () => {
  it('starts everything in order, hands the API its settings, and stop frees every port', async () => {
    const ports = await findFreePorts();
    const lines: [LogSource, string][] = [];
    const stack = await startStack({
      rootDir: stubRepo(STUB_API),
      dataDir: tempDir(),
      ports,
      build: false,
      quiet: true,
      onLog: (source, line) => lines.push([source, line]),
      env: { PATH: process.env['PATH'], OIDC_ISSUER_URL: 'https://sso.example.test/realms/babyconnect' },
    });
    try {
      const settings = (await (await fetch(`${stack.urls['api']}/env`)).json()) as Record<string, string>;
      expect(settings).toEqual(stack.env);
      expect(settings).toMatchObject({
        NODE_ENV: 'development',
        PORT: String(ports.api),
        OIDC_ISSUER_URL: 'https://sso.example.test/realms/babyconnect',
        OIDC_AUDIENCE: 'babyconnect-api',
        PORTAL_ORIGIN: `http://localhost:${ports.portal}`,
        SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`,
        METRICS_PORT: String(ports.metrics),
        LOG_LEVEL: 'info',
      });
      expect(new URL(settings['DATABASE_URL']!).username).toBe('babyconnect_app');
      const config = await (await fetch(`${stack.urls['portal']}/config.json`)).json();
      expect(config).toEqual({
        apiUrl: `http://localhost:${ports.api}`,
        oidc: { issuer: 'https://sso.example.test/realms/babyconnect', clientId: 'babyconnect-portal' },
      });
      const order = lines.filter(([source]) => ['migrate', 'seed', 'api'].includes(source)).map(([, line]) => line);
      expect(order.slice(0, 3)).toEqual(['migrated babyconnect_owner', 'seeded', '{"level":30,"msg":"listening"}']);
    } finally {
      await stack.stop();
    }
    // The API was asked to stop (SIGTERM) and did so cleanly.
    expect(lines.filter(([source]) => source === 'api').at(-1)).toEqual(['api', '{"level":30,"msg":"stopping"}']);
    for (const name of ['postgres', 'smtp', 'mailWeb', 'api', 'portal'] as const) {
      expect([name, await isPortFree(ports[name])]).toEqual([name, true]);
    }
  }, 90_000);

  it('uses a given DATABASE_URL instead of starting PostgreSQL; migrations default to it when it owns the schema', async () => {
    const ports = await findFreePorts();
    const database = await startLocalDatabase({ dataDir: tempDir(), port: await findFreePort() });
    const lines: [LogSource, string][] = [];
    try {
      const stack = await startStack({
        rootDir: stubRepo(STUB_API),
        dataDir: tempDir(),
        ports,
        build: false,
        quiet: true,
        onLog: (source, line) => lines.push([source, line]),
        env: {
          PATH: process.env['PATH'],
          DATABASE_URL: database.migrationUrl,
          OIDC_ISSUER_URL: 'https://sso.example.test/realms/babyconnect',
        },
      });
      await stack.stop();
      expect(stack.env['DATABASE_MIGRATION_URL']).toBe(database.migrationUrl);
      expect(lines).toContainEqual([
        'stack',
        expect.stringMatching(/^DATABASE_MIGRATION_URL is not set.*babyconnect_owner/),
      ]);
      expect(lines).toContainEqual(['migrate', 'migrated babyconnect_owner']);
      expect(await isPortFree(ports.postgres)).toBe(true); // never bound
    } finally {
      await database.stop();
    }
  }, 90_000);

  it('names the setting that is wrong when a given database cannot be used', async () => {
    const database = await startLocalDatabase({ dataDir: tempDir(), port: await findFreePort() });
    const rootDir = stubRepo(STUB_API);
    const attempt = async (env: Record<string, string>): Promise<string> => {
      const error = (await startStack({
        rootDir,
        dataDir: tempDir(),
        ports: await findFreePorts(),
        build: false,
        quiet: true,
        env: { PATH: process.env['PATH'], OIDC_ISSUER_URL: 'https://sso.example.test/realms/babyconnect', ...env },
      }).catch((e: unknown) => e)) as Error;
      expect(error).toBeInstanceOf(StackError);
      return error.message;
    };
    try {
      // Was: "DATABASE_MIGRATION_URL is required" from the migration command.
      const invalid = await attempt({ DATABASE_URL: 'localhost:5432/babyconnect' });
      expect(invalid).toMatch(/^DATABASE_URL must be a PostgreSQL URL like postgres:\/\//);
      expect(await attempt({ DATABASE_URL: 'not a url' })).toMatch(/^DATABASE_URL is not a URL/);
      // Was: "check DATABASE_MIGRATION_URL", a setting the user never wrote.
      const unreachable = await attempt({
        DATABASE_URL: `postgres://someone:secret@127.0.0.1:${await findFreePort()}/babyconnect`,
      });
      expect(unreachable).toMatch(
        /^Cannot connect to the database of DATABASE_URL \(127\.0\.0\.1:\d+\/babyconnect\): .*ECONNREFUSED.*Check DATABASE_URL/,
      );
      expect(unreachable).not.toContain('DATABASE_MIGRATION_URL (');
      // Was: a raw row-level-security error from the demo seed.
      const appOnly = await attempt({ DATABASE_URL: database.appUrl });
      expect(appOnly).toMatch(
        /^DATABASE_MIGRATION_URL is not set, and the user of DATABASE_URL \(babyconnect_app\) does not own/,
      );
      const wrongOwner = await attempt({
        DATABASE_URL: database.appUrl,
        DATABASE_MIGRATION_URL: database.migrationUrl.replace(/:[^:@/]+@/, ':wrong@'),
      });
      expect(wrongOwner).toMatch(
        /^Cannot connect to the database of DATABASE_MIGRATION_URL .*password authentication failed/,
      );
    } finally {
      await database.stop();
    }
  }, 90_000);

  it("fails with the API's last log lines when it exits before it is ready, and stops the rest", async () => {
    const ports = await findFreePorts();
    const start = startStack({
      rootDir: stubRepo("console.error('boom: no database'); process.exit(3);"),
      dataDir: tempDir(),
      ports,
      build: false,
      quiet: true,
      env: {
        PATH: process.env['PATH'],
        OIDC_ISSUER_URL: 'https://sso.example.test/realms/babyconnect',
        SEED_DEMO: 'false',
      },
    });
    const error = (await start.catch((e: unknown) => e)) as StackError;
    expect(error).toBeInstanceOf(StackError);
    expect(error.message).toMatch(/The API exited before it was ready/);
    expect(error.logTail).toEqual(['boom: no database']);
    for (const name of ['postgres', 'smtp', 'mailWeb'] as const) expect(await isPortFree(ports[name])).toBe(true);
  }, 90_000);
});

describe('a crashing API under npm start', () => {
  const base = (extra: Record<string, string> = {}) => ({
    build: false,
    quiet: true,
    env: {
      PATH: process.env['PATH'],
      OIDC_ISSUER_URL: 'https://sso.example.test/realms/babyconnect',
      SEED_DEMO: 'false',
      ...extra,
    },
  });

  it('is restarted, and says so in one line', async () => {
    const ports = await findFreePorts();
    const lines: [LogSource, string][] = [];
    const stack = await startStack({
      ...base(),
      rootDir: stubRepo(STUB_API),
      dataDir: tempDir(),
      ports,
      onLog: (source, line) => lines.push([source, line]),
      apiRestart: { firstDelayMs: 100 },
    });
    try {
      const before = await (await fetch(`${stack.urls['api']}/pid`)).text();
      await fetch(`${stack.urls['api']}/crash`).catch(() => undefined);
      await waitFor(() => lines.some(([, line]) => line === 'API is back and ready.'));
      expect(lines).toContainEqual([
        'stack',
        'API exited unexpectedly (code 7); restarting in 0.1 s (attempt 1 of 5 within 5 min).',
      ]);
      const after = await (await fetch(`${stack.urls['api']}/pid`)).text();
      expect(after).not.toBe(before);
    } finally {
      await stack.stop();
    }
    expect(await isPortFree(ports.api)).toBe(true);
  }, 90_000);

  it('stops being restarted after too many crashes in the window, with a clear message', async () => {
    const lines: [LogSource, string][] = [];
    const stack = await startStack({
      ...base({ STUB_CRASH_AFTER_MS: '400' }),
      rootDir: stubRepo(STUB_API),
      dataDir: tempDir(),
      ports: await findFreePorts(),
      onLog: (source, line) => lines.push([source, line]),
      apiRestart: { maxRestarts: 2, firstDelayMs: 50 },
    });
    try {
      const message = await stack.failed;
      expect(message).toMatch(
        /^The API exited unexpectedly \(code 9\) 3 times within 5 min; not restarting it again\./,
      );
      const restarts = lines.filter(([, line]) => line.startsWith('API exited unexpectedly'));
      expect(restarts.map(([, line]) => line.replace(/ in [\d.]+ s/, ''))).toEqual([
        'API exited unexpectedly (code 9); restarting (attempt 1 of 2 within 5 min).',
        'API exited unexpectedly (code 9); restarting (attempt 2 of 2 within 5 min).',
      ]);
      expect(restarts[1]?.[1]).toContain('in 0.1 s'); // the pause doubles
    } finally {
      await stack.stop();
    }
  }, 90_000);
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('npm start killed hard (SIGKILL to its process group)', () => {
  // The stack in a process of its own, in its own process group, as `npm start` runs in a terminal.
  async function runStackProcess(rootDir: string, dataDir: string, ports: Ports): Promise<ChildProcess> {
    const script = join(tempDir(), 'run-stack.mjs');
    writeFileSync(
      script,
      `import { startStack } from ${JSON.stringify(join(repoRoot, 'tools/start/stack.ts'))};
const stack = await startStack(${JSON.stringify({ rootDir, dataDir, ports, build: false, quiet: true })});
console.log('READY');`,
    );
    const child = spawn(process.execPath, [script], {
      detached: true,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        PATH: process.env['PATH'],
        OIDC_ISSUER_URL: 'https://sso.example.test/realms/babyconnect',
        SEED_DEMO: 'false',
      },
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (data: Buffer) => data.toString().includes('READY') && resolve());
      child.once('exit', (code) => reject(new Error(`the stack process exited with ${code}`)));
    });
    return child;
  }

  it('leaves no API, mail catcher or PostgreSQL running', async () => {
    const ports = await findFreePorts();
    const child = await runStackProcess(stubRepo(STUB_API), tempDir(), ports);
    process.kill(-child.pid!, 'SIGKILL');
    for (const name of ['api', 'smtp', 'mailWeb', 'postgres'] as const) {
      await waitFor(() => isPortFree(ports[name]), 15_000).catch(() => undefined);
      expect([name, await isPortFree(ports[name])]).toEqual([name, true]);
    }
  }, 90_000);

  it('a next start recognises what the killed one left running, stops it, and says so', async () => {
    const ports = await findFreePorts();
    const rootDir = stubRepo(STUB_API);
    const dataDir = tempDir();
    const child = await runStackProcess(rootDir, dataDir, ports);
    const apiPid = Number(await (await fetch(`http://localhost:${ports.api}/pid`)).text());
    try {
      await fetch(`http://localhost:${ports.api}/hang`); // a stuck API: its event loop, and so its watchdog, is blocked
      // (The loop starts once the answer is flushed; make sure it runs before the stack dies, or the watchdog,
      // still alive for a moment, would stop the API cleanly and there would be no leftover to find.)
      await new Promise((resolve) => setTimeout(resolve, 300));
      process.kill(-child.pid!, 'SIGKILL');
      await waitFor(() => isPortFree(ports.smtp), 15_000);
      expect(await isPortFree(ports.api)).toBe(false); // still held by the stuck leftover

      const lines: [LogSource, string][] = [];
      // What the next start will read, for the failure message should it not find the leftover.
      const recorded = readFileSync(join(dataDir, 'stack.pids'), 'utf8');
      const stack = await startStack({
        rootDir,
        dataDir,
        ports,
        build: false,
        quiet: true,
        onLog: (source, line) => lines.push([source, line]),
        env: {
          PATH: process.env['PATH'],
          OIDC_ISSUER_URL: 'https://sso.example.test/realms/babyconnect',
          SEED_DEMO: 'false',
        },
      }).catch((error: unknown) => {
        const api = processStartTime(apiPid);
        throw new Error(
          `${String(error)}\nrecorded: ${recorded}\nAPI pid ${apiPid} start time now: ${api}; stack pid ${child.pid} start time now: ${processStartTime(child.pid!)}\nsaid: ${JSON.stringify(lines.filter(([source]) => source === 'stack'))}`,
        );
      });
      try {
        // The stuck API at least (the mail catcher's watchdog may not have ended it yet on a busy machine).
        const said = lines.filter(([source]) => source === 'stack').map(([, line]) => line);
        expect(said).toContainEqual(
          expect.stringMatching(
            new RegExp(
              `^An earlier \`npm start\` on ${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} was killed and left .*API \\(pid ${apiPid}\\).* running; stopped them\\.$`,
            ),
          ),
        );
        expect(Number(await (await fetch(`http://localhost:${ports.api}/pid`)).text())).not.toBe(apiPid);
      } finally {
        await stack.stop();
      }
    } finally {
      try {
        process.kill(apiPid, 'SIGKILL'); // only if the test failed before the stack stopped it
      } catch {
        // stopped, as it should be
      }
    }
  }, 120_000);
});
