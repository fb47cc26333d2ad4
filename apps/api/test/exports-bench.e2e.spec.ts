import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { report } from './support/incidents';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// The register export of 10,000 incidents (issue 15, "Speed"): time to the first byte, total time and the API
// process's RSS growth per format. Not part of `npm test` (it takes a minute and measures the machine): run with
//   BENCH=1 NODE_OPTIONS=--experimental-vm-modules npx jest -c apps/api/jest.config.cjs apps/api/test/exports-bench
// The API runs in this process, so RSS is the API's (plus Jest's, constant during the export).

const run = process.env['BENCH'] === '1' ? describe : describe.skip;
jest.setTimeout(600_000);

const INCIDENTS = 10_000;
const TEXT =
  'Een verslag met gezondheidsgegevens is naar de verkeerde ontvanger gemaild; de ontvanger belde op. '.repeat(5);

run('register export of 10,000 incidents', () => {
  let t: TestApp;
  let server: http.Server;
  let port = 0;
  beforeAll(async () => {
    t = await startTestApp();
    const seed = await report(t.http, 'zuiderhaven-medewerker', { whatHappened: TEXT });
    await t.db.sql(
      `INSERT INTO incidents (organisation_id, year, number, version, stage, exercise, reported_by, reported_at,
              discovered_at, ap_deadline, ap_notified_at, ap_not_needed, state, updated_at)
       SELECT organisation_id, year, 100 + g, version, stage, exercise, reported_by, reported_at,
              discovered_at - g * interval '1 minute', ap_deadline, ap_notified_at, ap_not_needed, state, updated_at
         FROM incidents, generate_series(1, ${INCIDENTS - 1}) g WHERE id = $1`,
      [seed.id],
    );
    server = http.createServer(t.app.getHttpAdapter().getInstance());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.close();
  });

  for (const format of ['csv', 'xlsx', 'pdf'] as const) {
    it(`${format}`, async () => {
      const token = await tokenFor('zuiderhaven-privacy');
      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const figures = await new Promise<{ firstByteMs: number; totalMs: number; bytes: number }>((resolve, reject) => {
        http
          .get(
            {
              host: '127.0.0.1',
              port,
              path: `/exports/register.${format}`,
              headers: { authorization: `Bearer ${token}` },
            },
            (res) => {
              let firstByteMs = -1;
              let bytes = 0;
              res.on('data', (c: Buffer) => {
                if (firstByteMs < 0) firstByteMs = performance.now() - started;
                bytes += c.length;
              });
              res.on('end', () => resolve({ firstByteMs, totalMs: performance.now() - started, bytes }));
              res.on('error', reject);
            },
          )
          .on('error', reject);
      });
      clearInterval(sampler);
      // CPU time of this process (API and client): on a shared machine steadier than the wall clock.
      const cpu = process.cpuUsage(cpuBefore);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      const growthMb = (rssPeak - rssBefore) / 1024 / 1024;
      console.log(
        `register.${format}: ${INCIDENTS} incidents, ${(figures.bytes / 1024 / 1024).toFixed(1)} MB, first byte ${figures.firstByteMs.toFixed(0)} ms, total ${figures.totalMs.toFixed(0)} ms, CPU ${cpuMs.toFixed(0)} ms, RSS +${growthMb.toFixed(0)} MB`,
      );
      expect(figures.bytes).toBeGreaterThan(0);
    });
  }
});
