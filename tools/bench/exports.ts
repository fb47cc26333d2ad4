// Scenario "exports" of `npm run bench` (only with `--only exports`): issue 15's speed goal — the register of
// 10,000 incidents downloaded as CSV and Excel in ≤ 2 s each and as PDF in ≤ 10 s, streamed (first bytes ≤ 300 ms),
// the API's RSS growing ≤ 200 MB.
// 1. Seed: incidents for one organisation of its own (incident-seed.ts, the same generator as g and h), then
//    trimmed to exactly --export-incidents register rows (the register leaves out exercises and near misses), each
//    "what happened" lengthened to about 500 characters (a few sentences, as a register holds).
// 2. Download through the real REST endpoints (apps/api/src/exports) with the organisation's FG's token, and the
//    floor's plain CSV of the same rows (floor-server.ts: the same statement, cursor and batch, no register logic):
//    one uncounted warm-up per side whose file is checked (row count, format), then --rounds rounds in rotating
//    order. Per download: wall time, time to the first body byte, the serving process's CPU seconds and its RSS
//    growth (both from /proc, see proc.ts), bytes.
import { get } from 'node:http';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { pdfText } from '../test/pdf-text.ts';
import { loadApiBuild } from './api-build.ts';
import { seedIncidents, type SeedResult } from './incident-seed.ts';
import { roundOrder } from './load.ts';
import type { BenchOptions } from './options.ts';
import { cpuSecondsOf, rssMB } from './proc.ts';
import type { BenchStack } from './stack.ts';
import { median, pairedRatios, spread, type RatioSummary, type Spread } from './stats.ts';
import type { Tenant } from './tenants.ts';

export const EXPORT_SIDES = ['floor', 'csv', 'xlsx', 'pdf'] as const;
export type ExportSide = (typeof EXPORT_SIDES)[number];
export type ExportFormat = Exclude<ExportSide, 'floor'>;
const FORMATS: readonly ExportFormat[] = ['csv', 'xlsx', 'pdf'];

/** Issue 15's goals per format (wall seconds) and for every download. */
export const EXPORT_GOALS = { seconds: { csv: 2, xlsx: 2, pdf: 10 }, firstByteMs: 300, rssGrowthMB: 200 } as const;

/** Appended to each seeded "what happened" (about 60 characters) to make it a register's few sentences. */
const MORE_TEXT =
  'De medewerker merkte het zelf op bij het nalopen van de verzonden berichten en meldde het direct aan de ' +
  'privacyfunctionaris. De ontvanger is gebeld en heeft bevestigd dat het bericht is verwijderd; er zijn geen ' +
  'kopieën gemaakt of doorgestuurd. Het ging om de gegevens van één cliënt en haar pasgeboren kind, inclusief ' +
  'de uitslag van de hielprik en de naam van de huisarts. De afzender gebruikte de automatische aanvulling.';

export interface ExportRun {
  side: ExportSide;
  status: number;
  seconds: number;
  firstByteMs: number;
  /** CPU seconds of the process that served it (the API, or the floor), all threads. */
  cpuSeconds: number;
  rssBeforeMB: number;
  rssPeakMB: number;
  rssGrowthMB: number;
  bytes: number;
  /** The machine's 1-minute load average when the download started. */
  load1: number;
}

type Summary = Spread & { median: number };

export interface ExportSideSummary {
  seconds: Summary;
  cpuSeconds: Summary;
  firstByteMs: Summary;
  rssGrowthMB: Summary;
  megabytes: number;
}

export interface ExportsResult {
  organisation: { alias: string; id: string; user: string };
  registerRows: number;
  /**
   * Each side's first download, by a freshly started process (the API is restarted before each format; the floor
   * serves nothing before): its RSS growth is the "RSS growing ≤ 200 MB" — later runs start from the heap
   * the runs before them left (V8 keeps it), so their own growth reads lower — and its first byte the cold one.
   * Its file is the one read back (`checked`).
   */
  fresh: Record<ExportSide, ExportRun>;
  seed: SeedResult;
  rounds: number;
  /** What the warm-up's file held: rows read back per side. */
  checked: Record<ExportSide, string>;
  sides: Record<ExportSide, ExportSideSummary>;
  /** Product CPU seconds ÷ the floor's, per round (median, spread). */
  cpuRatio: Record<ExportFormat, RatioSummary>;
  /** Product wall seconds ÷ the floor's, per round. */
  wallRatio: Record<ExportFormat, RatioSummary>;
  goals: typeof EXPORT_GOALS;
  runs: Record<ExportSide, ExportRun[]>;
}

/** The organisation the downloads read: one nobody else seeds (g and h seed the demo organisations). */
export function exportsTenant(extraFgs: Tenant[], one: Tenant, otherSeedsRun: boolean): Tenant {
  const own = extraFgs.at(-1);
  if (own) return own;
  if (otherSeedsRun) {
    throw new Error('exports needs an organisation of its own next to g or h: run it with --extra-orgs ≥ 1');
  }
  return one;
}

export async function scenarioExports(
  stack: BenchStack,
  options: BenchOptions,
  tenant: Tenant,
  say: (line: string) => void,
): Promise<ExportsResult> {
  const rootDir = resolve(import.meta.dirname, '../..');
  const build = loadApiBuild(rootDir);
  const target = options.exportIncidents;
  // About 83 % of seeded incidents are register rows (3 % exercises, a seventh near misses): seed a margin over.
  const seed = await seedIncidents({
    migrationUrl: stack.migrationUrl,
    build,
    total: Math.ceil(target / 0.78) + 20,
    organisations: 1,
    demoOrganisationIds: [tenant.organisationId],
    now: new Date(),
    say,
  });
  const registerRows = await trimToRegisterRows(stack.migrationUrl, build.registerSql, tenant.organisationId, target);
  say(`exports: ${registerRows} register rows for ${tenant.alias} (seeded ${seed.incidents} incidents).`);

  const runs = Object.fromEntries(EXPORT_SIDES.map((side) => [side, [] as ExportRun[]])) as Record<
    ExportSide,
    ExportRun[]
  >;
  const checked = {} as Record<ExportSide, string>;
  const fresh = {} as Record<ExportSide, ExportRun>;
  for (const side of EXPORT_SIDES) {
    if (side !== 'floor') await stack.restartApi();
    const { run, body } = await download(stack, tenant, side, true);
    fresh[side] = run;
    checked[side] = await check(side, body!, registerRows);
    say(
      `exports first ${side} (fresh process, RSS ${run.rssBeforeMB.toFixed(0)} MB before): ${describeRun(run)}; ${checked[side]}`,
    );
  }
  // The last restart left CSV and Excel cold in the API: one uncounted download each before the rounds.
  for (const side of ['csv', 'xlsx'] as const) await download(stack, tenant, side, false);
  for (let round = 0; round < options.rounds; round++) {
    for (const side of roundOrder(EXPORT_SIDES, round)) {
      const { run } = await download(stack, tenant, side, false);
      if (run.status !== 200) throw new Error(`exports: ${side} answered ${run.status}`);
      runs[side].push(run);
    }
    say(
      `exports round ${round + 1}: ` +
        EXPORT_SIDES.map((side) => `${side} ${describeRun(runs[side].at(-1)!)}`).join('; '),
    );
  }
  return summarise({ tenant, registerRows, seed, rounds: options.rounds, checked, runs, fresh });
}

/** Leaves exactly `target` register rows (the oldest extra ones go), with longer texts; fails when there are fewer. */
async function trimToRegisterRows(
  migrationUrl: string,
  registerSql: ReturnType<typeof loadApiBuild>['registerSql'],
  organisationId: string,
  target: number,
): Promise<number> {
  const { sql, params } = registerSql(
    organisationId,
    { list: 'breaches', from: null, to: null, stage: null, kind: null, notified: null, late: null, now: new Date() },
    null,
    null,
  );
  const client = new pg.Client({ connectionString: migrationUrl, application_name: 'babyconnect-bench-exports' });
  await client.connect();
  try {
    const count = async () =>
      (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) r`, params)).rows[0]!.n;
    const found = await count();
    if (found < target) throw new Error(`exports: the seed gave ${found} register rows, fewer than ${target}`);
    const surplus = params.length + 1;
    await client.query(
      `DELETE FROM incidents WHERE id IN (SELECT id FROM (${sql}) r ORDER BY discovered_at, id LIMIT $${surplus})`,
      [...params, found - target],
    );
    await client.query(
      `UPDATE incidents SET state = jsonb_set(state, '{report,whatHappened}',
              to_jsonb((state #>> '{report,whatHappened}') || ' ' || $2)) WHERE organisation_id = $1`,
      [organisationId, MORE_TEXT],
    );
    await client.query('VACUUM (ANALYZE) incidents');
    return await count();
  } finally {
    await client.end();
  }
}

function download(
  stack: BenchStack,
  tenant: Tenant,
  side: ExportSide,
  keep: boolean,
): Promise<{ run: ExportRun; body?: Buffer }> {
  const floor = side === 'floor';
  const pid = floor ? stack.floorPid() : stack.apiPid();
  const url = floor ? `${stack.floorUrl}/register.csv` : `${stack.apiUrl}/exports/register.${side}`;
  const headers = {
    'x-organisation-id': tenant.organisationId,
    ...(floor ? {} : { authorization: `Bearer ${tenant.token}` }),
  };
  const load1 = loadavg()[0]!;
  const rssBeforeMB = rssMB(pid);
  let rssPeakMB = rssBeforeMB;
  const sampler = setInterval(() => (rssPeakMB = Math.max(rssPeakMB, rssMB(pid))), 25);
  const cpuBefore = cpuSecondsOf(pid);
  const started = performance.now();
  return new Promise((done, fail) => {
    const req = get(url, { headers, agent: false }, (res) => {
      let firstByteMs = NaN;
      let bytes = 0;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => {
        if (bytes === 0) firstByteMs = performance.now() - started;
        bytes += chunk.length;
        if (keep) chunks.push(chunk);
      });
      res.on('end', () => {
        const seconds = (performance.now() - started) / 1000;
        const cpuSeconds = cpuSecondsOf(pid) - cpuBefore;
        clearInterval(sampler);
        rssPeakMB = Math.max(rssPeakMB, rssMB(pid));
        done({
          run: {
            side,
            status: res.statusCode ?? 0,
            seconds,
            firstByteMs,
            cpuSeconds,
            rssBeforeMB,
            rssPeakMB,
            rssGrowthMB: rssPeakMB - rssBeforeMB,
            bytes,
            load1,
          },
          ...(keep ? { body: Buffer.concat(chunks) } : {}),
        });
      });
      res.on('error', fail);
    });
    req.on('error', (error) => {
      clearInterval(sampler);
      fail(error);
    });
  });
}

/** Reads the file back as its reader would and counts its rows; throws when it is not the whole register. */
async function check(side: ExportSide, body: Buffer, rows: number): Promise<string> {
  const expectRows = (found: number, how: string): string => {
    if (found !== rows) throw new Error(`exports: the ${side} file holds ${found} rows (${how}), not ${rows}`);
    return `${found} rows (${how})`;
  };
  switch (side) {
    case 'floor':
    case 'csv': {
      const text = body.toString('utf8');
      if (!text.startsWith('\uFEFF')) throw new Error(`exports: the ${side} file has no byte-order mark`);
      const records = parse(text, { bom: true, delimiter: ';' }) as string[][];
      if (side === 'csv' && records[0]?.[0] !== 'Kenmerk') throw new Error('exports: the CSV has no Dutch header');
      return expectRows(records.length - 1, 'csv-parse');
    }
    case 'xlsx': {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      return expectRows(sheet.actualRowCount - 1, 'exceljs');
    }
    case 'pdf': {
      if (!body.subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new Error('exports: the PDF does not start %PDF-');
      const text = pdfText(body);
      const headings = text.match(/^DL-\d{4}-\d{4,} — /gm)?.length ?? 0;
      const pages = Number(/Pagina (\d+)(?![\s\S]*Pagina \d)/.exec(text)?.[1] ?? 0);
      return `${expectRows(headings, 'incident headings in the text')}, ${pages} pages`;
    }
  }
}

function describeRun(run: ExportRun): string {
  return (
    `${run.seconds.toFixed(2)} s (first byte ${run.firstByteMs.toFixed(0)} ms), ${run.cpuSeconds.toFixed(2)} CPU s, ` +
    `RSS +${run.rssGrowthMB.toFixed(0)} MB, ${(run.bytes / 1048576).toFixed(1)} MB`
  );
}

/** Medians and spreads per side, and the product ÷ floor ratios per round. Pure: bench.spec.ts checks it. */
export function summarise(input: {
  tenant: Tenant;
  registerRows: number;
  seed: SeedResult;
  rounds: number;
  checked: Record<ExportSide, string>;
  runs: Record<ExportSide, ExportRun[]>;
  fresh: Record<ExportSide, ExportRun>;
}): ExportsResult {
  const { runs } = input;
  const of = (side: ExportSide, pick: (r: ExportRun) => number): Summary => {
    const values = runs[side].map(pick);
    return { median: median(values), ...spread(values) };
  };
  const sides = Object.fromEntries(
    EXPORT_SIDES.map((side) => [
      side,
      {
        seconds: of(side, (r) => r.seconds),
        cpuSeconds: of(side, (r) => r.cpuSeconds),
        firstByteMs: of(side, (r) => r.firstByteMs),
        rssGrowthMB: of(side, (r) => r.rssGrowthMB),
        megabytes: median(runs[side].map((r) => r.bytes)) / 1048576,
      },
    ]),
  ) as Record<ExportSide, ExportSideSummary>;
  const ratios = (pick: (r: ExportRun) => number) =>
    Object.fromEntries(
      FORMATS.map((format) => [format, pairedRatios(runs[format].map(pick), runs.floor.map(pick))]),
    ) as Record<ExportFormat, RatioSummary>;
  return {
    organisation: { alias: input.tenant.alias, id: input.tenant.organisationId, user: input.tenant.username },
    registerRows: input.registerRows,
    fresh: input.fresh,
    seed: input.seed,
    rounds: input.rounds,
    checked: input.checked,
    sides,
    cpuRatio: ratios((r) => r.cpuSeconds),
    wallRatio: ratios((r) => r.seconds),
    goals: EXPORT_GOALS,
    runs,
  };
}

/** The report's lines: per format the medians, the spread, the ratio to the floor and the goal. */
export function exportsReportLines(result: ExportsResult): string[] {
  const f = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
  const range = (s: Summary, digits = 2) => `${f(s.median, digits)} (${f(s.min, digits)}–${f(s.max, digits)})`;
  const lines = [
    `exports: register of ${result.registerRows} incidents (${result.organisation.alias}, as ${result.organisation.user}), ` +
      `${result.rounds} rounds; medians (min–max); ratio = product ÷ floor per round; "fresh": the first download ` +
      `by a newly started process (goals: first byte ≤ ${EXPORT_GOALS.firstByteMs} ms, RSS ≤ +${EXPORT_GOALS.rssGrowthMB} MB).`,
  ];
  for (const side of EXPORT_SIDES) {
    const s = result.sides[side];
    const fresh = result.fresh[side];
    const goal = side === 'floor' ? '' : ` goal ≤ ${EXPORT_GOALS.seconds[side]} s;`;
    const ratio =
      side === 'floor'
        ? ' (the floor: same SQL and cursor, plain CSV)'
        : ` CPU ratio ${f(result.cpuRatio[side].median)} (${f(result.cpuRatio[side].spread.min)}–${f(result.cpuRatio[side].spread.max)}),` +
          ` wall ratio ${f(result.wallRatio[side].median)}`;
    lines.push(
      `exports ${side.padEnd(5)}: ${range(s.cpuSeconds)} CPU s, ${range(s.seconds)} s wall;${goal} first byte ` +
        `${range(s.firstByteMs, 0)} ms; RSS +${range(s.rssGrowthMB, 0)} MB; fresh: RSS ${f(fresh.rssBeforeMB, 0)} → ` +
        `${f(fresh.rssPeakMB, 0)} MB (+${f(fresh.rssGrowthMB, 0)}), first byte ${f(fresh.firstByteMs, 0)} ms, ` +
        `${f(fresh.cpuSeconds)} CPU s; ${f(s.megabytes, 1)} MB;${ratio}`,
    );
  }
  return lines;
}
