// `npm run bench`: the product against its floor, side by side, on a throwaway stack of its own.
// See tools/bench/README.md for what each scenario measures and how to read the ratios.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { killAllNow } from '../start/processes.ts';
import { takeOverCtrlC } from '../start/signals.ts';
import { loadApiBuild, type ApiBuild } from './api-build.ts';
import { graphql, send } from './http.ts';
import { seedIncidents } from './incident-seed.ts';
import { LoadStopped, runLoad, stopLoad } from './load.ts';
import { parseOptions, USAGE, type ScenarioId } from './options.ts';
import { formatReport, type BenchResult } from './report.ts';
import {
  ApiCrashed,
  floorAccessLog,
  floorIncidents,
  productAccessLog,
  productIncidents,
  scenarioA,
  scenarioB,
  scenarioC,
  scenarioD,
  scenarioE,
  scenarioF,
  scenarioG,
  scenarioH,
  type Context,
} from './scenarios.ts';
import { CountingSmtp, scenarioMail } from './mail.ts';
import { scenarioViewerLog } from './viewer-log.ts';
import { scenarioDetect } from './detect.ts';
import { exportsTenant, scenarioExports } from './exports.ts';
import { killBenchStackNow, startBenchStack, type BenchStack } from './stack.ts';
import { extraOrganisations, extraUsers, loadTenants, type Tenant } from './tenants.ts';

const rootDir = resolve(import.meta.dirname, '../..');
const say = (line: string): void => void process.stdout.write(`bench: ${line}\n`);

const TITLES: Record<ScenarioId, string> = {
  a: 'accessLog(first: 50) of one organisation vs its floor',
  b: 'the same at increasing connection counts',
  c: 'me { user { id } } vs a SELECT 1 floor',
  d: 'several organisations at once vs one',
  e: 'burst of parallel requests of one tenant',
  f: 'time to refuse the directive flood, /health/live meanwhile',
  g: 'incidents(first: 50) of one organisation vs its floor (the same SQL)',
  h: "the incident list's SQL at the database, every filter combination, with plans",
  mail: 'notifications: mails/s to a local SMTP server, reminder lateness of 10,000 clocks, API p99 while delivering',
  viewerlog: "viewer log: 1M lines through the API's reader and analyser vs csv-parse alone, and uploaded to the API",
  detect: "detection: a day of pushed viewer-log events, other users' incidents p99 while pushing vs idle",
  exports:
    'register exports: CSV, Excel and PDF of 10,000 incidents through the API vs a plain CSV floor of the same rows',
};
const smtp = new CountingSmtp();
const RUN: Record<ScenarioId, (ctx: Context) => Promise<unknown>> = {
  a: scenarioA,
  b: scenarioB,
  c: scenarioC,
  d: scenarioD,
  e: scenarioE,
  f: scenarioF,
  g: scenarioG,
  h: scenarioH,
  mail: (ctx) => scenarioMail(ctx.stack, smtp, ctx.options, ctx.one, ctx.say),
  viewerlog: (ctx) => scenarioViewerLog(ctx.stack, ctx.options, ctx.say),
  detect: (ctx) => scenarioDetect(ctx.stack, ctx.options, ctx.say),
  exports: (ctx) =>
    scenarioExports(
      ctx.stack,
      ctx.options,
      exportsTenant(ctx.extraFgs, ctx.one, ctx.options.only.includes('g') || ctx.options.only.includes('h')),
      ctx.say,
    ),
};

let options;
try {
  options = parseOptions(process.argv.slice(2), process.env);
} catch (error) {
  process.stderr.write(`bench: ${(error as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
if (options === 'help') {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

let stopRequested = false;
takeOverCtrlC(() => {
  if (stopRequested) {
    // Second Ctrl-C: do not wait for anything.
    killBenchStackNow();
    killAllNow();
    process.exit(130);
  }
  stopRequested = true;
  say('Stopping (Ctrl-C again to kill at once) …');
  stopLoad();
});

const startedAt = new Date();
const resultFile = join(rootDir, 'tools/bench/results', `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
const result: BenchResult = {
  startedAt: startedAt.toISOString(),
  gitCommit: gitCommit(),
  options,
  machine: { cpus: availableParallelism(), loadAverage: loadavg(), node: process.version },
  scenarios: {},
  problems: [],
  notes: [],
};
const save = (): void => {
  mkdirSync(join(rootDir, 'tools/bench/results'), { recursive: true });
  writeFileSync(resultFile, `${JSON.stringify(result, null, 2)}\n`);
};

let stack: BenchStack | undefined;
let exitCode = 0;
try {
  const extras = extraOrganisations(options.extraOrganisations);
  if (options.only.includes('mail')) await smtp.start();
  // The generated export is larger than the default upload limit (50 MB); the API inherits this environment.
  if (options.only.includes('viewerlog')) process.env['VIEWER_LOG_UPLOAD_LIMIT_BYTES'] ??= String(512 * 1024 * 1024);
  stack = await startBenchStack({
    ...(options.only.includes('mail') ? { smtpUrl: smtp.url } : {}),
    rootDir,
    build: options.build,
    poolMax: options.poolMax,
    extraUsers: extraUsers(extras),
    say,
  });
  if (stopRequested) throw new LoadStopped();
  const tenants = await loadTenants(rootDir, stack.apiUrl, stack.issuer, extras);
  if (tenants.extraProblem) result.notes.push(tenants.extraProblem);
  const one = tenants.demoFgs[0];
  if (!one) throw new Error('No FG (dpo) demo user found in infra/keycloak/babyconnect-demo.json.');
  const several = [...tenants.demoFgs, ...(tenants.multiFg ? [tenants.multiFg] : []), ...tenants.extraFgs];
  let apiBuild: ApiBuild | undefined;
  if (options.only.includes('g') || options.only.includes('h')) {
    apiBuild = loadApiBuild(rootDir);
    const demoIds = [one.organisationId, ...tenants.demoFgs.map((t) => t.organisationId)];
    const seedStarted = performance.now();
    result.seed = await seedIncidents({
      migrationUrl: stack.migrationUrl,
      build: apiBuild,
      total: options.seedIncidents,
      organisations: options.seedOrganisations,
      demoOrganisationIds: [...new Set(demoIds)],
      now: new Date(),
      say,
    });
    say(
      `Seeded ${result.seed.incidents} incidents over ${result.seed.organisations} organisations in ` +
        `${result.seed.insertSeconds.toFixed(1)} s (+ VACUUM ANALYZE ${result.seed.vacuumSeconds.toFixed(1)} s); ` +
        `table ${result.seed.tableMB} MB, indexes ${result.seed.indexesMB} MB; largest organisation ` +
        `${result.seed.largest.incidents}, smallest ${result.seed.smallest.incidents}.`,
    );
    result.seedWallSeconds = (performance.now() - seedStarted) / 1000;
    await checkSeededIncidentsRead(stack.appUrl, stack.apiUrl, one);
  }
  const ctx: Context = {
    stack,
    options,
    one,
    several,
    extraFgs: tenants.extraFgs,
    say,
    apiBuild,
    planFile: resultFile.replace(/\.json$/, '-incident-plans.txt'),
  };
  await checkBothSidesAnswer(ctx);

  for (const id of options.only) {
    if (stopRequested) break;
    say(`Scenario ${id}: ${TITLES[id]}`);
    try {
      (result.scenarios as Record<string, unknown>)[id] = await RUN[id](ctx);
    } catch (error) {
      if (error instanceof LoadStopped || stopRequested) break;
      const crashed = stack.apiExit();
      result.problems.push({
        scenario: id,
        problem: (error as Error).message,
        ...(crashed ? { apiTail: stack.apiTail() } : {}),
      });
      say(`Scenario ${id} did not complete: ${(error as Error).message}`);
      if (crashed || error instanceof ApiCrashed) {
        say('Starting the API again for the remaining scenarios.');
        await stack.restartApi();
      }
      exitCode = 1;
    }
    save();
  }
  if (stopRequested) result.notes.push('stopped early (Ctrl-C)');
} catch (error) {
  if (!(error instanceof LoadStopped)) {
    say(`failed: ${(error as Error).message}`);
    result.problems.push({ scenario: 'setup', problem: (error as Error).message });
    exitCode = 1;
  }
} finally {
  result.finishedAt = new Date().toISOString();
  result.totalSeconds = (Date.now() - startedAt.getTime()) / 1000;
  save();
  try {
    await stack?.stop();
    await smtp.stop();
  } catch (error) {
    say((error as Error).message);
    exitCode = 1;
  }
}
process.stdout.write(`\n${formatReport(result)}\n\nResult: ${resultFile}\n`);
process.exit(stopRequested ? 130 : exitCode);

/** Both sides must give correct answers before anything is measured, or the ratios would compare errors. */
async function checkBothSidesAnswer(ctx: Context): Promise<void> {
  const sides = [floorAccessLog(ctx.stack, ctx.several), productAccessLog(ctx.stack, ctx.several)];
  if (ctx.options.only.includes('g'))
    sides.push(floorIncidents(ctx.stack, [ctx.one]), productIncidents(ctx.stack, [ctx.one]));
  for (const side of sides) {
    const run = await runLoad(side, 1, 0.5);
    if (run.bad > 0 || run.good === 0) {
      const samples = await Promise.all(
        side.requests.map((request) =>
          send(`${side.baseUrl}${request.path}`, { method: 'POST', headers: request.headers, body: request.body }),
        ),
      );
      const wrong = samples.find((answer) => answer.status === undefined || !side.isGood(answer.status, answer.body));
      const shown =
        wrong === undefined
          ? 'none wrong when asked again'
          : 'error' in wrong
            ? wrong.error
            : `${wrong.status} ${wrong.body.slice(0, 400)}`;
      throw new Error(
        `The ${side.name} (${side.requests[0]?.path}) does not answer correctly (${run.good} good, ${run.bad} bad): ${shown}`,
      );
    }
  }
}

/**
 * The seeded rows must be rows the API can read, not just rows the list can count: the detail of one incident per
 * stage and outcome, through GraphQL (the mapper, the clock, the step statuses and the risk advice run on each).
 */
async function checkSeededIncidentsRead(appUrl: string, apiUrl: string, tenant: Tenant): Promise<void> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  let ids: string[];
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.organisationId]);
    const rows = await client.query<{ id: string }>(
      `SELECT DISTINCT ON (stage, state->'closure'->>'outcome', ap_notified_at IS NULL, ap_not_needed) id
         FROM incidents ORDER BY stage, state->'closure'->>'outcome', ap_notified_at IS NULL, ap_not_needed, reported_at DESC`,
    );
    await client.query('COMMIT');
    ids = rows.rows.map((r) => r.id);
  } finally {
    await client.end();
  }
  for (const id of ids) {
    await graphql(
      apiUrl,
      tenant.token,
      'query One($id: ID!) { incident(id: $id) { id reference stage apClock { state } steps { status } closure { outcome } riskAdvice { level } } }',
      { id },
      tenant.organisationId,
    );
  }
  say(`The API reads the detail of ${ids.length} seeded incidents (one per stage, outcome and AP state).`);
}

function gitCommit(): string | undefined {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: rootDir, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'apps', 'libs'], {
      cwd: rootDir,
      encoding: 'utf8',
    });
    return dirty.trim() ? `${head}+changes` : head;
  } catch {
    return undefined;
  }
}
