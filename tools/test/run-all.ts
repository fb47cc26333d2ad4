// `npm test`: every check and test runner in order, continuing after failures, with one total at the end.
// Lint, each typecheck, formatting and each build count as one check; Jest and Vitest count their test cases.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNode } from './child.ts';
import { add, countCheck, countJest, countVitestSummary, type Count } from './results.ts';
import { jestSeed } from './seed.ts';
import { typecheck } from './typecheck.ts';

// Every Jest run shuffles the tests within each file (--randomize), so a test that leans on another's leftovers
// fails here rather than one day on someone else's machine. One seed for the whole `npm test`, printed before Jest
// starts and in the summary; `JEST_SEED=<n> npm test` replays that order.
let seed: number;
try {
  seed = jestSeed(process.env['JEST_SEED']);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
const replay = `JEST_SEED=${seed} npm test`;

const rootDir = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'babyconnect-test-'));
const JEST_NODE_OPTIONS = '--experimental-vm-modules --disable-warning=ExperimentalWarning';
const CHROMIUM = '/usr/bin/chromium';
const NX = 'node_modules/.bin/nx';

interface StepResult extends Count {
  name: string;
  seconds: number;
}
const results: StepResult[] = [];

async function step(name: string, action: () => Promise<Count>): Promise<void> {
  heading(name);
  const started = Date.now();
  let count: Count;
  try {
    count = await action();
  } catch (error) {
    // A bug in this script must not hide the other steps' results.
    process.stderr.write(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    count = countCheck(false);
  }
  results.push({ name, ...count, seconds: (Date.now() - started) / 1000 });
}

function heading(text: string): void {
  const line = `━━ ${text}`;
  process.stdout.write(`\n${process.stdout.isTTY ? `\x1b[1m${line}\x1b[0m` : line}\n`);
}

async function check(script: string, args: string[]): Promise<Count> {
  return countCheck((await runNode(rootDir, script, args)).code === 0);
}

/** Jest with a JSON report; the console output stays live. */
async function jest(config: string, label: string): Promise<Count> {
  if (!existsSync(join(rootDir, config))) return failed(`${config} is missing`);
  process.stdout.write(`Jest test order: --randomize --seed=${seed} (replay: ${replay})\n`);
  const report = join(scratch, `${label}.json`);
  const { code } = await runNode(
    rootDir,
    'node_modules/jest/bin/jest.js',
    ['-c', config, '--ci', '--json', `--outputFile=${report}`, '--randomize', `--seed=${seed}`],
    { env: { NODE_OPTIONS: [process.env['NODE_OPTIONS'], JEST_NODE_OPTIONS].filter(Boolean).join(' ') } },
  );
  if (!existsSync(report)) return failed(`Jest wrote no report (exit ${code})`);
  const count = countJest(JSON.parse(readFileSync(report, 'utf8')));
  if (code !== 0 && count.failed === 0) return add(count, failed(`Jest exited with ${code}`));
  return count;
}

function failed(note: string): Count {
  process.stderr.write(`${note}\n`);
  return { passed: 0, failed: 1, notes: [note] };
}

function projectTargets(project: string): string[] {
  const file = join(rootDir, project, 'project.json');
  if (!existsSync(file)) return [];
  return Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { targets?: object }).targets ?? {});
}

/** True if the root Jest config's `projects` already include the browser tests (then step 5 runs them). */
function rootJestRunsE2e(): boolean {
  const config = join(rootDir, 'jest.config.cjs');
  if (!existsSync(config)) return false;
  const { projects = [] } = createRequire(import.meta.url)(config) as { projects?: unknown[] };
  return projects.some((project) => JSON.stringify(project).includes('portal-e2e'));
}

try {
  await step('Lint (eslint)', async () => {
    // @nx/enforce-module-boundaries reads Nx's cached project graph and silently skips itself without one (a fresh
    // clone has none): compute it first, so the boundaries between apps and libs are checked in CI too.
    const graph = await check('node_modules/nx/dist/bin/nx.js', ['show', 'projects']);
    if (graph.failed > 0) return graph;
    return check('node_modules/eslint/bin/eslint.js', ['.', '--max-warnings=0']);
  });

  heading('Typecheck');
  for (const { tsconfig, ok, seconds } of await typecheck(rootDir)) {
    results.push({ name: `Typecheck ${tsconfig}`, ...countCheck(ok), seconds });
  }

  await step('Formatting (prettier --check)', () => check('node_modules/prettier/bin/prettier.cjs', ['--check', '.']));

  // The browser tests run against dist, so the builds come before the test runners.
  await step('Build API', () => check(NX, ['run', 'api:build']));
  await step('Build portal', () => check(NX, ['run', 'portal:build']));

  await step('Jest (all projects)', () => jest('jest.config.cjs', 'jest'));

  if (projectTargets('apps/portal').includes('test')) {
    await step('Portal unit tests (Vitest)', async () => {
      const { code, output } = await runNode(rootDir, NX, ['run', 'portal:test'], { capture: true });
      const count = countVitestSummary(output) ?? failed('no Vitest summary ("Tests  N passed") in its output');
      return code !== 0 && count.failed === 0 ? add(count, failed(`portal:test exited with ${code}`)) : count;
    });
  }

  // Browser end-to-end tests, when they are not one of the root Jest projects.
  if (!rootJestRunsE2e()) {
    if (existsSync(join(rootDir, 'apps/portal-e2e/jest.config.cjs'))) {
      await step('Browser tests (portal-e2e)', () => jest('apps/portal-e2e/jest.config.cjs', 'portal-e2e'));
    } else if (projectTargets('apps/portal-e2e').includes('e2e')) {
      await step('Browser tests (portal-e2e)', () => check(NX, ['run', 'portal-e2e:e2e']));
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const total = results.reduce<Count>((sum, result) => add(sum, result), { passed: 0, failed: 0, notes: [] });
heading('Summary');
const width = Math.max(...results.map((result) => result.name.length));
for (const result of results) {
  const status = result.failed ? 'FAILED' : 'ok    ';
  process.stdout.write(
    `${status} ${result.name.padEnd(width)}  ${result.passed} passed, ${result.failed} failed  (${result.seconds.toFixed(1)} s)\n`,
  );
  for (const note of result.notes) process.stdout.write(`         ${note}\n`);
}
process.stdout.write(`Jest seed ${seed}; to replay this order: ${replay}\n`);
if (!existsSync(CHROMIUM)) {
  // Repeated here so that it is not lost in the runners' output.
  process.stdout.write(`chromium not found: sudo apt-get install -y chromium\n`);
}
process.stdout.write(`${total.passed} passed, ${total.failed} failed\n`);
process.exitCode = total.failed > 0 ? 1 : 0;
