// One measurement of `npm run bench -- --only viewerlog`, in a process of its own (so each starts with a clean heap
// and its RSS growth is its own): `node tools/bench/viewer-log-worker.ts <mode> <file> [limit]`, printing one JSON
// line. Modes, cheapest first:
//   generate  write the worst-case export (every line a suspect's access to a distinct record) of <limit> lines
//   read      only stream the file's bytes (the disk and stream floor)
//   csv-parse stream it through csv-parse with the reader's own options, records handed to an empty handler (the
//             parser's floor: what the product cannot do faster without another CSV parser)
//   analysis  the API's reader and analyser from its build (dist/api), with its salted record key: the product
// The code measured is the API's build, not the sources (as api-build.ts loads it).
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';

type CsvReader = typeof import('../../apps/api/src/viewer-log/csv-reader.ts');
type RecordKeys = typeof import('../../apps/api/src/viewer-log/record-key.ts');
type Domain = typeof import('../../libs/domain/src/index.ts');
type CsvParse = typeof import('csv-parse');

const rootDir = resolve(import.meta.dirname, '../..');
const dist = join(rootDir, 'dist/api');
const require = createRequire(import.meta.url);

export const VIEWER_LOG_ORGANISATIONS = ['vp-het-nest', 'zh-zuiderhaven', 'kz-zonnedauw', 'vp-de-wieg', 'hinq'];
export const VIEWER_LOG_HEADER = 'timestamp,user,user_organisation,record_organisation,record_pseudonym,action';
export const SUSPECT = 'verdacht.1';
/** The generated lines' first timestamp; one line per second from there. */
export const FIRST_ACCESS = Date.parse('2026-03-02T00:00:00Z');

async function generate(path: string, lines: number): Promise<Record<string, number>> {
  const out = createWriteStream(path);
  let chunk = `\uFEFF${VIEWER_LOG_HEADER}\r\n`;
  for (let i = 0; i < lines; i++) {
    const at = new Date(FIRST_ACCESS + i * 1000).toISOString().replace('.000Z', '+00:00');
    chunk += `${at},${SUSPECT},vp-de-wieg,${VIEWER_LOG_ORGANISATIONS[i % 5]},P${i},open\r\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await finished(out);
  return { lines };
}

async function readOnly(path: string): Promise<Record<string, number>> {
  let bytes = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) bytes += chunk.length;
  return { bytes };
}

async function csvParseAlone(path: string): Promise<Record<string, number>> {
  const { parse } = require('csv-parse') as CsvParse;
  const { VIEWER_LOG_CSV_OPTIONS } = require(join(dist, 'apps/api/src/viewer-log/csv-reader.js')) as CsvReader;
  let records = 0;
  const parser = parse(VIEWER_LOG_CSV_OPTIONS);
  parser.on('data', () => void records++);
  const ended = once(parser, 'end');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    if (!parser.write(chunk)) await once(parser, 'drain');
  }
  parser.end();
  await ended;
  return { records };
}

async function analysis(path: string): Promise<Record<string, number>> {
  const reader = require(join(dist, 'apps/api/src/viewer-log/csv-reader.js')) as CsvReader;
  const keys = require(join(dist, 'apps/api/src/viewer-log/record-key.js')) as RecordKeys;
  const domain = require(join(dist, 'libs/domain/src/index.js')) as Domain;
  const ids = new Map(VIEWER_LOG_ORGANISATIONS.map((o, i) => [o, `00000000-0000-4000-8000-00000000000${i}`]));
  const recordKey = keys.saltedRecordKey();
  const analyser = new domain.ViewerLogAnalyser({
    organisations: ids,
    question: { suspectAccounts: [SUSPECT], from: new Date('2026-01-01'), to: new Date('2027-01-01') },
    recordKey: recordKey.key,
  });
  await reader.readViewerLogCsv(createReadStream(path), Number.MAX_SAFE_INTEGER, {
    line: (n, fields) => analyser.add(n, fields),
    unreadable: (n) => analyser.addUnreadable(n, { nl: '', en: '' }),
  });
  recordKey.discard();
  const result = analyser.result();
  return {
    lines: result.lines,
    rejected: result.rejected,
    distinctRecords: result.organisations.reduce((n, o) => n + o.distinctRecords, 0),
  };
}

const MODES = { read: readOnly, 'csv-parse': csvParseAlone, analysis } as const;
export type ViewerLogMode = keyof typeof MODES;

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const [mode, path, limit] = process.argv.slice(2) as [string, string, string | undefined];
  if (mode === 'generate') {
    process.stdout.write(`${JSON.stringify(await generate(path, Number(limit)))}\n`);
  } else {
    const run = MODES[mode as ViewerLogMode];
    if (!run) throw new Error(`unknown mode ${mode}`);
    // Module loading and the first allocations are not the analysis: measured from here.
    require('reflect-metadata');
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const timer = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const counts = await run(path);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    clearInterval(timer);
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    process.stdout.write(
      `${JSON.stringify({
        mode,
        seconds,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        rssGrowthMB: (rssPeak - rssBefore) / 1048576,
        ...counts,
      })}\n`,
    );
  }
}
