/**
 * Measures the viewer-log analysis once, outside the API and outside any test (issue 18's figure: 1 million lines
 * in ≤ 10 s, RSS growth ≤ 150 MB): generates the file in a temporary folder, streams it through the API's own CSV
 * reader and analyser, and prints lines per second and the RSS growth. Run:
 *   npx esbuild tools/bench/viewer-log-measure.ts --bundle --platform=node --packages=external --outfile=/tmp/vlm.cjs && node --expose-gc /tmp/vlm.cjs [lines]
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { ViewerLogAnalyser } from '@babyconnect/domain';
import { readViewerLogCsv } from '../../apps/api/src/viewer-log/csv-reader.js';
import { saltedRecordKey } from '../../apps/api/src/viewer-log/record-key.js';

async function main(): Promise<void> {
  const lines = Number(process.argv[2] ?? 1_000_000);
  const dir = await mkdtemp(join(tmpdir(), 'viewer-log-measure-'));
  const path = join(dir, 'log.csv');
  const out = createWriteStream(path);
  const orgs = ['vp-het-nest', 'zh-zuiderhaven', 'kz-zonnedauw', 'vp-de-wieg', 'hinq'];
  let chunk = '\uFEFFtimestamp,user,user_organisation,record_organisation,record_pseudonym,action\r\n';
  const base = Date.parse('2026-03-02T00:00:00Z');
  for (let i = 0; i < lines; i++) {
    const at = new Date(base + i * 1000).toISOString().replace('.000Z', '+00:00');
    // Every line a suspect's: the worst case for memory (every record kept as a key).
    chunk += `${at},verdacht.1,vp-de-wieg,${orgs[i % 5]},P${i},open\r\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.end(chunk);
  await finished(out);
  const size = (await stat(path)).size;
  const ids = new Map(orgs.map((o, i) => [o, `00000000-0000-4000-8000-00000000000${i}`]));
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const timer = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
  const analyser = new ViewerLogAnalyser({
    organisations: ids,
    question: { suspectAccounts: ['verdacht.1'], from: new Date('2026-01-01'), to: new Date('2027-01-01') },
    recordKey: saltedRecordKey().key,
  });
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  await readViewerLogCsv(createReadStream(path), 1 << 30, {
    line: (n, f) => analyser.add(n, f),
    unreadable: () => undefined,
  });
  const result = analyser.result();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  // CPU seconds beside wall seconds: on a shared machine the wall time measures the neighbours too.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  clearInterval(timer);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  console.log(
    JSON.stringify({
      lines,
      megabytes: +(size / 1048576).toFixed(1),
      seconds: +seconds.toFixed(2),
      cpuSeconds: +cpuSeconds.toFixed(2),
      linesPerSecond: Math.round(lines / seconds),
      rssGrowthMegabytes: +((rssPeak - rssBefore) / 1048576).toFixed(1),
      distinctRecords: result.organisations.reduce((n, o) => n + o.distinctRecords, 0),
    }),
  );
  await rm(dir, { recursive: true, force: true });
}

void main();
