import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import request from 'supertest';
import { amsterdamHour } from '@babyconnect/domain';
import { REQUEST_ID_HEADER } from '@babyconnect/contracts';
import { logRows } from './support/access-log';
import { gql, ORG } from './support/gql';
import { issuer, startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

jest.setTimeout(180_000);

// The daily file of the viewer log (issue 18, "or HINQ uploads daily files"): HINQ's coordinator hands in a day's
// export at POST /viewer-log/daily; it goes through the same detection as a pushed batch (alerts and suspected
// breaches in each organisation concerned), counts once per content (its batch id is the file's SHA-256), reports
// bad lines per reason and judges the rest, and is refused to everyone else — people of other organisations, HINQ's
// other people and HINQ's machine client (which has the feed) — with an access-log row for every outcome. Each test
// uses its own accounts and content, so they hold in any order.

const HEADER = 'timestamp,user,user_organisation,record_organisation,record_pseudonym,action';
const HOUR = 3_600_000;
/** Small, so a file over it costs nothing to send; the default (10 MB) is the push's. */
const LIMIT = 64 * 1024;
const ALERTS = `{ viewerLogAlerts { id organisation { id } rule account windowStart accesses distinctRecords
  distinctOrganisations incidentId incidentReference } }`;

interface Alert {
  id: string;
  organisation: { id: string };
  rule: string;
  account: string;
  windowStart: string;
  accesses: number;
  distinctRecords: number;
  distinctOrganisations: number;
  incidentId: string | null;
  incidentReference: string | null;
}

interface Answer {
  status: number;
  body: {
    batchId?: string;
    sha256?: string;
    events?: number;
    rejected?: number;
    alerts?: number;
    repeated?: boolean;
    rejectedByReason?: Record<string, number>;
    errors?: { message: string; extensions: { code: string; expectedHeader?: string } }[];
  };
}

let t: TestApp;
let port: number;

/** Yesterday (UTC) at the first whole hour that is `hour` o'clock in Amsterdam (kept by detection for two days). */
function yesterdayAt(hour: number): number {
  const day = Math.floor(Date.now() / (24 * HOUR)) * 24 * HOUR - 24 * HOUR;
  for (let h = 0; h < 24; h++) if (amsterdamHour(day + h * HOUR) === hour) return day + h * HOUR;
  throw new Error('no such hour');
}

const iso = (at: number) => new Date(at).toISOString();
const line = (at: number, user: string, userOrg: string, recordOrg: string, pseudonym: string) =>
  `${iso(at)},${user},${userOrg},${recordOrg},${pseudonym},open`;
const file = (lines: string[]) => `\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`;

/** One account opening four records each of three organisations other than its own within the hour at `hour`. */
function anomaly(account: string, hour: number): string[] {
  const start = yesterdayAt(hour);
  return ['vp-het-nest', 'zh-zuiderhaven', 'kz-zonnedauw'].flatMap((org, o) =>
    [0, 1, 2, 3].map((i) => line(start + (o * 4 + i) * 60_000, account, 'vp-de-wieg', org, `PSN-${account}-${o}${i}`)),
  );
}

/** A client-credentials token of HINQ's machine client (the demo file's development secret). */
async function machineToken(): Promise<string> {
  const res = await fetch(`${issuer()}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from('hinq-viewer-log:dev-hinq-viewer-log-secret').toString('base64')}`,
    },
    body: 'grant_type=client_credentials',
  });
  if (res.status !== 200) throw new Error(`client credentials refused: ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A daily file sent as a real client: a string or buffer with its length, or a stream without one (chunked). */
async function upload(
  body: string | Buffer | (() => Readable),
  options: { token?: string | null; user?: string; contentType?: string; requestId?: string } = {},
): Promise<Answer> {
  const token = options.token === undefined ? await tokenFor(options.user ?? 'hinq-coordinator') : options.token;
  const headers: Record<string, string | number> = { 'content-type': options.contentType ?? 'text/csv' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (options.requestId) headers[REQUEST_ID_HEADER] = options.requestId;
  if (typeof body !== 'function') headers['content-length'] = Buffer.byteLength(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/viewer-log/daily', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') }),
      );
    });
    // The API may answer (413) and close before the whole body is sent: that is the point.
    req.on('error', (error) =>
      (error as NodeJS.ErrnoException).code === 'EPIPE' || (error as NodeJS.ErrnoException).code === 'ECONNRESET'
        ? undefined
        : reject(error),
    );
    if (typeof body === 'function')
      body()
        .on('error', () => undefined)
        .pipe(req);
    else req.end(body);
  });
}

async function alerts(username: string): Promise<Alert[]> {
  const res = await gql<{ viewerLogAlerts: Alert[] }>(t.http, { token: await tokenFor(username), query: ALERTS });
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.viewerLogAlerts;
}

const count = async (sql: string, params: unknown[]) =>
  (await t.db.sql<{ n: string }>(`SELECT count(*)::text AS n FROM ${sql}`, params))[0]!.n;

beforeAll(async () => {
  t = await startTestApp({ VIEWER_LOG_DAILY_LIMIT_BYTES: String(LIMIT) });
  await t.app.listen(0, '127.0.0.1');
  port = (t.app.getHttpServer() as { address(): AddressInfo }).address().port;
  // The coordinator is known to the role directory once signed in, so HINQ's mail about a raised breach has an
  // address.
  await gql(t.http, { token: await tokenFor('hinq-coordinator'), query: '{ me { user { displayName } } }' });
});
afterAll(() => t?.close());

describe("HINQ's coordinator hands in a daily file of the viewer log", () => {
  it('judges it like a pushed batch: 201 with the alert, raised in each organisation concerned, logged', async () => {
    const body = file(anomaly('dag.veel', 10));
    const sha256 = createHash('sha256').update(body).digest('hex');
    const res = await upload(body, { requestId: 'daily-anomaly' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      batchId: `file-${sha256.slice(0, 32)}`,
      sha256,
      events: 12,
      rejected: 0,
      alerts: 1,
      receivedAt: expect.any(String),
      repeated: false,
      rejectedByReason: {},
    });

    // An ordinary alert with its suspected breach in Het Nest (and Zuiderhaven and Zonnedauw), as after a push.
    const nest = (await alerts('nest-privacy')).filter((a) => a.account === 'dag.veel');
    expect(nest).toEqual([
      expect.objectContaining({
        organisation: { id: ORG.nest },
        rule: 'MANY_ORGANISATIONS',
        windowStart: iso(yesterdayAt(10)),
        accesses: 12,
        distinctRecords: 12,
        distinctOrganisations: 3,
        incidentId: expect.any(String),
        incidentReference: expect.stringMatching(/^DL-/),
      }),
    ]);
    const hinq = (await alerts('hinq-coordinator')).filter((a) => a.account === 'dag.veel');
    expect(hinq.map((a) => a.organisation.id).sort()).toEqual([ORG.nest, ORG.zuiderhaven, ORG.zonnedauw].sort());
    // De Wieg, whose account it was but whose records were not opened, has none.
    expect((await alerts('wieg-privacy')).some((a) => a.account === 'dag.veel')).toBe(false);
    // Stored in HINQ's tenant under the file's batch id, keys only.
    expect(
      await count(`viewer_log_events WHERE batch_id = $1 AND organisation_id = $2 AND record_key NOT LIKE 'PSN-%'`, [
        res.body.batchId,
        ORG.hinq,
      ]),
    ).toBe('12');

    const rows = await logRows(t.db, `request_id = 'daily-anomaly'`);
    expect(rows.map((r) => [r.operation, r.result, r.organisation_id, r.roles, r.object_ids])).toEqual([
      ['viewerLogDailyFile', 'allowed', ORG.hinq, 'hinq-coordinator', [res.body.batchId]],
    ]);
  });

  it('counts a file once: the same file again is a repeat with the same answer and nothing new; another file is a new batch', async () => {
    const lines = anomaly('dag.herhaal', 13);
    const body = file(lines);
    const first = await upload(body);
    expect(first.status).toBe(201);
    const counts = async () => ({
      events: await count(`viewer_log_events WHERE account = 'dag.herhaal'`, []),
      alerts: await count(`viewer_log_alerts WHERE account = 'dag.herhaal'`, []),
      incidents: await count(
        `incidents i JOIN users u ON u.id = i.reported_by WHERE u.subject = 'viewer-log-detection'`,
        [],
      ),
      batches: await count(`viewer_log_batches WHERE batch_id LIKE 'file-%'`, []),
    });
    const before = await counts();
    expect(before).toMatchObject({ events: '12', alerts: '3' });

    const again = await upload(body, { requestId: 'daily-repeat' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, repeated: true });
    expect(await counts()).toEqual(before);
    const [row] = await logRows(t.db, `request_id = 'daily-repeat'`);
    expect(row).toMatchObject({ operation: 'viewerLogDailyFile', result: 'allowed', object_ids: [first.body.batchId] });

    // The same lines with LF instead of CRLF are other bytes: a new batch (its events stored beside the first's), its
    // windows judged with both — the alerts exist already, so nothing is raised twice.
    const other = await upload(`${[HEADER, ...lines].join('\n')}\n`);
    expect(other.status).toBe(201);
    expect(other.body.batchId).not.toBe(first.body.batchId);
    expect(other.body).toMatchObject({ events: 12, repeated: false });
    const after = await counts();
    expect(after).toEqual({ ...before, events: '24', batches: String(Number(before.batches) + 1) });
  });

  it('counts bad lines per reason and judges the rest', async () => {
    const start = yesterdayAt(16);
    const good = anomaly('dag.slecht', 16);
    const body = file([
      good[0]!,
      `${iso(start)},dag.slecht,vp-de-wieg,vp-het-nest`, // WRONG_COLUMN_COUNT
      ...good.slice(1, 6),
      `02-03-2026 10:00,dag.slecht,vp-de-wieg,vp-het-nest,PSN-X1,open`, // BAD_DATE
      `${iso(start)},dag.slecht,vp-de-wieg,ziekenhuis-elders,PSN-X2,open`, // UNKNOWN_ORGANISATION
      `${iso(start)},,vp-de-wieg,vp-het-nest,PSN-X3,open`, // MISSING_FIELD
      `${iso(start)},"=cmd|' /C calc'!A0",vp-de-wieg,vp-het-nest,"PSN-X4, met komma",open`, // data, judged
      ...good.slice(6),
      `${iso(start)},"dag.slecht,vp-de-wieg,vp-het-nest,PSN-X5,open`, // BAD_QUOTING: never closed
    ]);
    const res = await upload(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      events: 13,
      rejected: 5,
      rejectedByReason: {
        WRONG_COLUMN_COUNT: 1,
        BAD_DATE: 1,
        UNKNOWN_ORGANISATION: 1,
        MISSING_FIELD: 1,
        BAD_QUOTING: 1,
      },
      alerts: 1,
    });
    expect((await alerts('zonnedauw-fg')).filter((a) => a.account === 'dag.slecht')).toEqual([
      expect.objectContaining({ rule: 'MANY_ORGANISATIONS', accesses: 12, distinctRecords: 12 }),
    ]);
  });

  it('refuses a file that is not a viewer-log export as the feed does, and one over its limit', async () => {
    let n = 0;
    const refused = async (body: string | Buffer | (() => Readable), contentType?: string) => {
      const res = await upload(body, { contentType, requestId: `file-refused-${n++}` });
      return [res.status, res.body.errors?.[0]?.extensions.code, res.body.errors?.[0]?.message];
    };
    // A form post (what a plain HTML form would send) is not the raw file.
    expect(await refused(file([]), 'multipart/form-data; boundary=x')).toEqual([
      415,
      'BAD_REQUEST',
      'Stuur het kijklog als CSV (Content-Type: text/csv) in de inhoud van het verzoek.',
    ]);
    expect(await refused('')).toEqual([400, 'BAD_REQUEST', expect.stringContaining('leeg')]);
    expect(await refused(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'))).toEqual([
      400,
      'BAD_REQUEST',
      expect.stringContaining('UTF-8'),
    ]);
    const header = await upload('tijd,gebruiker\n1,2\n', { requestId: `file-refused-${n++}` });
    expect([header.status, header.body.errors![0]!.extensions.expectedHeader]).toEqual([400, HEADER]);

    // Over the limit, declared: refused before reading, with what to do instead.
    const big = file(
      Array.from({ length: 2_000 }, (_, i) => line(yesterdayAt(9), 'dag.groot', 'vp-de-wieg', 'vp-de-wieg', `P${i}`)),
    );
    expect(Buffer.byteLength(big)).toBeGreaterThan(LIMIT);
    expect(await refused(big)).toEqual([
      413,
      'PAYLOAD_TOO_LARGE',
      'Het dagbestand is te groot: er wordt hoogstens 64 kB per bestand aangenomen. Splits de dag in meerdere bestanden (bijvoorbeeld per dagdeel) en bied ze na elkaar aan, of laat de systemen van HINQ het kijklog doorlopend aanleveren.',
    ]);
    // Over the limit while streaming, without a declared length: the same answer, nothing stored.
    expect(await refused(() => Readable.from([big]))).toEqual([
      413,
      'PAYLOAD_TOO_LARGE',
      expect.stringContaining('dagbestand'),
    ]);
    expect(await count(`viewer_log_events WHERE account = 'dag.groot'`, [])).toBe('0');
    // Each refusal has its access-log row, with the reason.
    const rows = await logRows(t.db, `request_id LIKE 'file-refused-%'`);
    expect(rows.map((r) => [r.request_id, r.operation, r.result, r.reason]).sort()).toEqual(
      ['BAD_REQUEST', 'BAD_REQUEST', 'BAD_REQUEST', 'BAD_REQUEST', 'PAYLOAD_TOO_LARGE', 'PAYLOAD_TOO_LARGE']
        .map((reason, i) => [`file-refused-${i}`, 'viewerLogDailyFile', 'refused', reason])
        .sort(),
    );
  });

  it('is for HINQ’s coordinator only: no token, other organisations, HINQ’s other people and the machine are refused, each logged', async () => {
    const body = file(anomaly('dag.geweigerd', 11));
    const attempts: [string, string | null, number, string][] = [
      ['daily-none', null, 401, 'UNAUTHENTICATED'],
      ['daily-wieg-privacy', 'wieg-privacy', 403, 'FORBIDDEN'],
      ['daily-nest-fg', 'nest-fg', 403, 'FORBIDDEN'],
      ['daily-hinq-medewerker', 'hinq-medewerker', 403, 'FORBIDDEN'],
      ['daily-hinq-privacy', 'hinq-privacy', 403, 'FORBIDDEN'],
      ['daily-hinq-fg', 'hinq-fg', 403, 'FORBIDDEN'],
      ['daily-hinq-auditor', 'hinq-auditor', 403, 'FORBIDDEN'],
      ['daily-machine', 'machine', 403, 'FORBIDDEN'],
    ];
    const machine = await machineToken();
    for (const [requestId, who, status, code] of attempts) {
      const token = who === null ? null : who === 'machine' ? machine : await tokenFor(who);
      const res = await upload(body, { token, requestId });
      expect([who, res.status, res.body.errors?.[0]?.extensions.code]).toEqual([who, status, code]);
    }
    // Nothing of the file was stored or raised.
    expect(await count(`viewer_log_events WHERE account = 'dag.geweigerd'`, [])).toBe('0');
    expect(await count(`viewer_log_alerts WHERE account = 'dag.geweigerd'`, [])).toBe('0');

    const rows = await logRows(t.db, `request_id LIKE 'daily-%' AND result <> 'allowed'`);
    expect(rows.map((r) => [r.request_id, r.operation, r.result, r.reason]).sort()).toEqual(
      attempts.map(([id, , , code]) => [id, 'viewerLogDailyFile', 'refused', code]).sort(),
    );
    // The machine is still welcome at its own feed, which a person's token cannot use (unchanged).
    const feed = await request(t.http)
      .post('/viewer-log/feed?batch=dag-machine-1')
      .set('authorization', `Bearer ${machine}`)
      .set('content-type', 'text/csv')
      .send(`${HEADER}\n`);
    expect(feed.status).toBe(201);
    const person = await request(t.http)
      .post('/viewer-log/feed?batch=dag-persoon-1')
      .set('authorization', `Bearer ${await tokenFor('hinq-coordinator')}`)
      .set('content-type', 'text/csv')
      .send(`${HEADER}\n`);
    expect(person.status).toBe(403);
  });
});
