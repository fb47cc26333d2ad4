// Scenario "viewerlog" of `npm run bench` (only with `--only viewerlog`): issue 18's figure — a viewer-log export of
// 1 million lines analysed in ≤ 10 s with the API's RSS growing ≤ 150 MB. The file is the worst case for memory:
// every line a suspect's access to a distinct record (generated once, ~70 MB).
// 1. Side by side, in fresh processes (viewer-log-worker.ts), alternating order per round: csv-parse alone with the
//    reader's own options (the floor: the product does not hand-write a CSV parser) and the API's reader + analyser
//    from its build. CPU seconds next to wall seconds (on a shared machine the wall time measures the neighbours
//    too), the ratio analysis ÷ csv-parse per round, and each process's RSS growth.
// 2. Through the product: the same file uploaded over HTTP by HINQ's coordinator for a chain incident (reported and
//    declared through GraphQL), the API process's RSS sampled from /proc while it streams, analyses and stores.
import { execFile } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { accessToken, graphql } from './http.ts';
import type { BenchOptions } from './options.ts';
import type { BenchStack } from './stack.ts';
import { cpuSecondsOf, rssMB } from './proc.ts';
import { median, pairedRatios, spread, type RatioSummary, type Spread } from './stats.ts';
import { SUSPECT } from './viewer-log-worker.ts';

const run = promisify(execFile);
const WORKER = resolve(import.meta.dirname, 'viewer-log-worker.ts');

interface WorkerRun {
  seconds: number;
  cpuSeconds: number;
  rssGrowthMB: number;
}

interface SideSummary {
  seconds: Spread & { median: number };
  cpuSeconds: Spread & { median: number };
  rssGrowthMB: Spread & { median: number };
}

export interface ViewerLogResult {
  lines: number;
  megabytes: number;
  rounds: number;
  csvParse: SideSummary;
  analysis: SideSummary;
  /** analysis ÷ csv-parse, CPU seconds, per round. */
  cpuRatio: RatioSummary;
  runs: { csvParse: WorkerRun[]; analysis: WorkerRun[] };
  api: {
    status: number;
    seconds: number;
    /** The API process's CPU seconds during the upload (all of its threads). */
    cpuSeconds: number;
    rssBeforeMB: number;
    rssPeakMB: number;
    rssGrowthMB: number;
    lines: number;
    distinctRecords: number;
  };
}

async function worker(mode: string, file: string, lines?: number): Promise<WorkerRun & Record<string, number>> {
  const args = [WORKER, mode, file, ...(lines === undefined ? [] : [String(lines)])];
  const { stdout } = await run(process.execPath, args, { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as WorkerRun & Record<string, number>;
}

function summary(runs: WorkerRun[]): SideSummary {
  const of = (pick: (r: WorkerRun) => number) => {
    const values = runs.map(pick);
    return { median: median(values), ...spread(values) };
  };
  return { seconds: of((r) => r.seconds), cpuSeconds: of((r) => r.cpuSeconds), rssGrowthMB: of((r) => r.rssGrowthMB) };
}

export async function scenarioViewerLog(
  stack: BenchStack,
  options: BenchOptions,
  say: (line: string) => void,
): Promise<ViewerLogResult> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-viewer-log-'));
  try {
    const file = join(dir, 'viewer-log.csv');
    await worker('generate', file, options.viewerLogLines);
    const megabytes = statSync(file).size / 1048576;
    say(`viewerlog: generated ${options.viewerLogLines} lines (${megabytes.toFixed(1)} MB).`);

    const runs = { csvParse: [] as WorkerRun[], analysis: [] as WorkerRun[] };
    await worker('read', file); // warms the page cache: both sides then read from memory
    for (let round = 0; round < options.rounds; round++) {
      const order = round % 2 === 0 ? (['csv-parse', 'analysis'] as const) : (['analysis', 'csv-parse'] as const);
      for (const mode of order) {
        const result = await worker(mode, file);
        (mode === 'csv-parse' ? runs.csvParse : runs.analysis).push(result);
      }
      const [c, a] = [runs.csvParse.at(-1)!, runs.analysis.at(-1)!];
      say(
        `viewerlog round ${round + 1}: csv-parse ${c.cpuSeconds.toFixed(2)} CPU s (${c.seconds.toFixed(2)} s wall), ` +
          `analysis ${a.cpuSeconds.toFixed(2)} CPU s (${a.seconds.toFixed(2)} s wall, RSS +${a.rssGrowthMB.toFixed(0)} MB)`,
      );
    }

    const api = await throughTheApi(stack, file, say);
    return {
      lines: options.viewerLogLines,
      megabytes,
      rounds: options.rounds,
      csvParse: summary(runs.csvParse),
      analysis: summary(runs.analysis),
      cpuRatio: pairedRatios(
        runs.analysis.map((r) => r.cpuSeconds),
        runs.csvParse.map((r) => r.cpuSeconds),
      ),
      runs,
      api,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function throughTheApi(stack: BenchStack, file: string, say: (line: string) => void) {
  const token = (user: string) => accessToken(stack.issuer, user, 'demo');
  // Every organisation of the file is in the chain's directory once one of its people signed in.
  for (const user of ['nest-fg', 'zuiderhaven-fg', 'zonnedauw-fg', 'hinq-coordinator', 'wieg-privacy']) {
    await graphql(stack.apiUrl, await token(user), '{ me { user { id } } }');
  }
  const reporter = await token('wieg-privacy');
  const { reportBreach } = await graphql<{ reportBreach: { id: string } }>(
    stack.apiUrl,
    reporter,
    'mutation R($input: ReportBreachInput!) { reportBreach(input: $input) { id } }',
    {
      input: {
        whatHappened: 'Benchmark: een account van de viewer opende mogelijk dossiers van andere organisaties.',
        stillOngoing: 'NO',
        otherOrganisationsInvolved: 'YES',
        howDiscovered: 'Benchmark van het kijklog.',
        exercise: true,
      },
    },
  );
  const { declareChainScenario } = await graphql<{ declareChainScenario: { chainIncident: { id: string } } }>(
    stack.apiUrl,
    reporter,
    'mutation D($id: ID!) { declareChainScenario(incidentId: $id, scenario: C) { chainIncident { id } } }',
    { id: reportBreach.id },
  );
  const chainId = declareChainScenario.chainIncident.id;
  const hinq = await token('hinq-coordinator');
  const pid = stack.apiPid();
  const query = new URLSearchParams({
    accounts: SUSPECT,
    from: '2026-01-01T00:00:00Z',
    to: '2026-03-31T00:00:00Z',
  });
  const rssBeforeMB = rssMB(pid);
  const cpuBefore = cpuSecondsOf(pid);
  let rssPeakMB = rssBeforeMB;
  const sampler = setInterval(() => (rssPeakMB = Math.max(rssPeakMB, rssMB(pid))), 25);
  const started = performance.now();
  const answer = await new Promise<{ status: number; body: string }>((done, fail) => {
    const req = request(
      `${stack.apiUrl}/viewer-log/chain-incidents/${chainId}/analyses?${query.toString()}`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${hinq}`,
          'content-type': 'text/csv',
          'content-length': String(statSync(file).size),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    createReadStream(file).pipe(req);
  });
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSecondsOf(pid) - cpuBefore;
  clearInterval(sampler);
  rssPeakMB = Math.max(rssPeakMB, rssMB(pid));
  if (answer.status !== 201)
    throw new Error(`viewerlog upload answered ${answer.status}: ${answer.body.slice(0, 500)}`);
  const analysis = JSON.parse(answer.body) as { lines: number; organisations: { distinctRecords: number }[] };
  const result = {
    status: answer.status,
    seconds,
    cpuSeconds,
    rssBeforeMB,
    rssPeakMB,
    rssGrowthMB: rssPeakMB - rssBeforeMB,
    lines: analysis.lines,
    distinctRecords: analysis.organisations.reduce((n, o) => n + o.distinctRecords, 0),
  };
  say(
    `viewerlog through the API: ${result.lines} lines, ${result.distinctRecords} distinct records in ` +
      `${seconds.toFixed(2)} s (API ${cpuSeconds.toFixed(2)} CPU s); API RSS ${rssBeforeMB.toFixed(0)} → peak ${rssPeakMB.toFixed(0)} MB ` +
      `(+${result.rssGrowthMB.toFixed(0)} MB).`,
  );
  return result;
}
