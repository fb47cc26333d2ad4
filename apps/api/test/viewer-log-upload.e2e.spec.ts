import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createReadStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { as, DECLARE, value, type ChainView } from './support/chain';
import { gql, ORG } from './support/gql';
import { report } from './support/incidents';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

jest.setTimeout(180_000);

/**
 * 100,000 lines by default (about 7 MB, seconds here); `VIEWER_LOG_LINES=1000000` runs the million-line
 * file (74 MB; about a minute on a shared 2-core machine, so not in every run).
 */
const LINES = Number(process.env['VIEWER_LOG_LINES'] ?? 100_000);

const HEADER = 'timestamp,user,user_organisation,record_organisation,record_pseudonym,action';
const FROM = '2026-03-01T00:00:00+01:00';
const TO = '2026-03-31T00:00:00+02:00';
const ALIAS_ID: Record<string, string> = {
  'vp-de-wieg': ORG.wieg,
  'vp-het-nest': ORG.nest,
  'zh-zuiderhaven': ORG.zuiderhaven,
  'kz-zonnedauw': ORG.zonnedauw,
  hinq: ORG.hinq,
};

interface Answer {
  status: number;
  body: Record<string, unknown> & {
    errors?: { message: string; extensions: Record<string, unknown> }[];
  };
}
interface Analysis {
  id: string;
  lines: number;
  accepted: number;
  relevant: number;
  rejected: number;
  repeated: boolean;
  rejectedByReason: { reason: string; count: number }[];
  rejectedLines: { line: number; reason: string }[];
  organisations: { organisation: { id: string }; distinctRecords: number; accesses: number; status: string }[];
}

/** Posts a body (a file, a stream or bytes) to the running API as a real HTTP client, streaming it. */
async function upload(
  port: number,
  chainId: string,
  body: string | Buffer | (() => Readable),
  options: { user?: string; contentType?: string; accounts?: string; length?: boolean } = {},
): Promise<Answer> {
  const token = await tokenFor(options.user ?? 'hinq-coordinator');
  const query = new URLSearchParams({ accounts: options.accounts ?? 'verdacht.1,verdacht.2', from: FROM, to: TO });
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {
      authorization: `Bearer ${token}`,
      'content-type': options.contentType ?? 'text/csv; charset=utf-8',
    };
    if (typeof body !== 'function' && options.length !== false) headers['content-length'] = Buffer.byteLength(body);
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/viewer-log/chain-incidents/${chainId}/analyses?${query}`,
        headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') }),
        );
      },
    );
    // The API may answer (413, wrong header) and close before the whole body is sent: that is the point.
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

/**
 * The generated million-line file: CRLF, a byte-order mark, a broken line every 1,000 lines (four kinds in turn),
 * `=cmd|…` cells, quoted fields with commas, two suspect accounts (one in capitals), lines outside the window. The
 * expected counts are computed by plain sets while writing — an independent reference for the API's analysis.
 */
async function writeLines(path: string, count: number) {
  const out = createWriteStream(path);
  const expected = new Map<string, { records: Set<string>; accesses: number }>();
  const brokenLines: { line: number; reason: string }[] = [];
  const orgs = ['vp-het-nest', 'zh-zuiderhaven', 'kz-zonnedauw', 'vp-de-wieg', 'hinq'];
  const base = Date.parse('2026-03-02T00:00:00Z');
  let chunk = `\uFEFF${HEADER}\r\n`;
  for (let i = 0; i < count; i++) {
    const lineNumber = i + 2;
    const at = new Date(base + i * 1000).toISOString().replace('.000Z', '+00:00');
    let line: string;
    if ((i + 1) % 1000 === 0) {
      const kind = ((i + 1) / 1000) % 4;
      line = [
        `${at.slice(8, 10)}-03-2026 10:00:00,verdacht.1,vp-de-wieg,vp-het-nest,P1,open`,
        `${at},verdacht.1,vp-de-wieg,elders,P1,open`,
        `${at},verdacht.1,vp-de-wieg,vp-het-nest,P1`,
        `${at},verdacht.1,vp-de-wieg,,P1,open`,
      ][kind]!;
      brokenLines.push({
        line: lineNumber,
        reason: ['BAD_DATE', 'UNKNOWN_ORGANISATION', 'WRONG_COLUMN_COUNT', 'MISSING_FIELD'][kind]!,
      });
    } else if (i % 10 === 0) {
      const org = orgs[(i / 10) % 5]!;
      const outside = i % 70 === 0;
      const when = outside ? '2026-02-27T10:00:00+01:00' : at;
      const pseudonym = i % 1010 === 0 ? `=cmd|' /C calc'!A0,${i % 3}` : `P${(i / 10) % 997}`;
      const account = i % 20 === 0 ? 'VERDACHT.2' : 'verdacht.1';
      line = `${when},${account},vp-de-wieg,${org},"${pseudonym}",open`;
      if (!outside) {
        const e = expected.get(ALIAS_ID[org]!) ?? { records: new Set(), accesses: 0 };
        e.records.add(pseudonym);
        e.accesses++;
        expected.set(ALIAS_ID[org]!, e);
      }
    } else {
      const user = i % 7 === 0 ? `"=cmd|' /C calc'!A0"` : `u${i % 500}`;
      line = `${at},${user},kz-zonnedauw,${orgs[i % 5]},P${i % 9999},"open, lezen"`;
    }
    chunk += `${line}\r\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.end(chunk);
  await finished(out);
  return { expected, brokenLines };
}

describe('viewer log: upload and impact analysis for a chain incident', () => {
  let t: TestApp;
  let port: number;
  let small: TestApp;
  let smallPort: number;
  let chain: ChainView;
  let dir: string;

  beforeAll(async () => {
    // The limit is a setting: a million lines need more than the default 50 MB; the second instance (same
    // database) keeps the default to show the 413.
    t = await startTestApp({ VIEWER_LOG_UPLOAD_LIMIT_BYTES: String(120 * 1024 * 1024) });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    small = await startTestApp({}, t.db);
    await small.app.listen(0, '127.0.0.1');
    smallPort = (small.app.getHttpServer().address() as AddressInfo).port;
    for (const user of ['nest-fg', 'zonnedauw-fg', 'zuiderhaven-fg', 'hinq-coordinator']) {
      await gql(t.http, { token: await tokenFor(user), query: '{ me { user { id } } }' });
    }
    chain = await newChain();
    dir = await mkdtemp(join(tmpdir(), 'viewer-log-'));
  });

  /** A chain incident of De Wieg (scenario C) of its own: a test that chooses partners leaves the others alone. */
  async function newChain(): Promise<ChainView> {
    const source = await report(t.http, 'wieg-medewerker', { otherOrganisationsInvolved: 'YES' });
    return value(
      await as<{ chainIncident: ChainView }>(t.http, 'wieg-privacy', DECLARE, { incidentId: source.id, scenario: 'C' }),
    ).chainIncident;
  }

  afterAll(async () => {
    await small?.app.close();
    await t?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(`analyses ${LINES.toLocaleString('en')} generated lines: exactly the organisations opened, distinct records, every broken line by number; a second upload counts nothing twice`, async () => {
    const chain = await newChain();
    const path = join(dir, 'generated.csv');
    const { expected, brokenLines } = await writeLines(path, LINES);
    const size = (await stat(path)).size;

    const started = Date.now();
    const first = await upload(port, chain.id, () => createReadStream(path), {});
    const seconds = (Date.now() - started) / 1000;
    expect(first.status).toBe(201);
    const a = first.body as unknown as Analysis;
    expect(a.lines).toBe(LINES);
    expect(a.rejected).toBe(LINES / 1000);
    expect(a.rejectedLines).toEqual(brokenLines.map((b) => expect.objectContaining(b)));
    expect(Object.fromEntries(a.rejectedByReason.map((r) => [r.reason, r.count]))).toEqual({
      BAD_DATE: LINES / 4000,
      UNKNOWN_ORGANISATION: LINES / 4000,
      WRONG_COLUMN_COUNT: LINES / 4000,
      MISSING_FIELD: LINES / 4000,
    });
    const got = Object.fromEntries(
      a.organisations.map((o) => [o.organisation.id, [o.distinctRecords, o.accesses, o.status]]),
    );
    expect(got).toEqual({
      [ORG.nest]: [expected.get(ORG.nest)!.records.size, expected.get(ORG.nest)!.accesses, 'PROPOSED'],
      [ORG.zuiderhaven]: [
        expected.get(ORG.zuiderhaven)!.records.size,
        expected.get(ORG.zuiderhaven)!.accesses,
        'PROPOSED',
      ],
      [ORG.zonnedauw]: [expected.get(ORG.zonnedauw)!.records.size, expected.get(ORG.zonnedauw)!.accesses, 'PROPOSED'],
      [ORG.wieg]: [expected.get(ORG.wieg)!.records.size, expected.get(ORG.wieg)!.accesses, 'REPORTER'],
      [ORG.hinq]: [expected.get(ORG.hinq)!.records.size, expected.get(ORG.hinq)!.accesses, 'COORDINATOR'],
    });
    // A figure for the note, not a benchmark: the bench entry measures on a quiet stack.
    process.stdout.write(`viewer-log upload: ${(size / 1048576).toFixed(1)} MB in ${seconds.toFixed(1)} s\n`);

    const second = await upload(port, chain.id, () => createReadStream(path), {});
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: a.id, repeated: true, lines: LINES });
    expect((second.body as unknown as Analysis).organisations).toEqual(a.organisations);
    const rows = await t.db.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM viewer_log_analyses WHERE chain_incident_id = $1`,
      [chain.id],
    );
    expect(rows[0]!.n).toBe(1);
    // Counts only: no pseudonym, formula cell or account other than the suspects' is stored.
    const stored = JSON.stringify(await t.db.sql(`SELECT * FROM viewer_log_analyses`));
    expect(stored).not.toMatch(/P\d+"|=cmd|u\d+/);
  });

  it('reads LF files with quoted commas and line breaks and tells the first line of a record', async () => {
    const file = [
      HEADER,
      `2026-03-02T10:00:00+01:00,verdacht.1,vp-de-wieg,vp-het-nest,"P,1",open`,
      `2026-03-02T10:00:01+01:00,verdacht.1,vp-de-wieg,vp-het-nest,"P`,
      `2",open`,
      `2026-03-02T10:00:02+01:00,verdacht.1,vp-de-wieg,nergens,P3,open`,
      '',
      `2026-03-02 10:00:03,verdacht.1,vp-de-wieg,vp-het-nest,P4,open`,
    ].join('\n');
    const res = await upload(port, chain.id, file);
    expect(res.status).toBe(201);
    const a = res.body as unknown as Analysis;
    expect(a).toMatchObject({ lines: 4, accepted: 2, relevant: 2, rejected: 2 });
    expect(a.rejectedLines).toEqual([
      expect.objectContaining({ line: 5, reason: 'UNKNOWN_ORGANISATION' }),
      expect.objectContaining({ line: 7, reason: 'BAD_DATE' }),
    ]);
    expect(a.organisations.map((o) => [o.organisation.id, o.distinctRecords])).toEqual([[ORG.nest, 2]]);
  });

  it('rejects every line of a file in another date format, each by number', async () => {
    const file = [
      HEADER,
      ...Array.from({ length: 5 }, (_, i) => `0${i + 1}-03-2026 10:00,verdacht.1,vp-de-wieg,vp-het-nest,P${i},open`),
    ].join('\r\n');
    const a = (await upload(port, chain.id, file)).body as unknown as Analysis;
    expect(a.rejectedLines.map((l) => [l.line, l.reason])).toEqual([2, 3, 4, 5, 6].map((n) => [n, 'BAD_DATE']));
    expect(a.organisations).toEqual([]);
  });

  it('refuses a wrong header at once, showing the expected one', async () => {
    const res = await upload(port, chain.id, 'datum;gebruiker;dossier\r\n01-03-2026;x;y\r\n');
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_REQUEST', expectedHeader: HEADER });
    expect(res.body.errors![0]!.message).toContain(HEADER);
  });

  it('refuses an empty file, a binary file and another encoding clearly', async () => {
    for (const body of ['', '\uFEFF', '\r\n\r\n']) {
      const res = await upload(port, chain.id, body);
      expect([res.status, res.body.errors![0]!.message]).toEqual([400, expect.stringContaining('leeg')]);
    }
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const utf16 = Buffer.from(`\uFEFF${HEADER}\r\n`, 'utf16le');
    for (const body of [png, utf16, Buffer.from([0xc3, 0x28, 0x0a])]) {
      const res = await upload(port, chain.id, body);
      expect([res.status, res.body.errors![0]!.message]).toEqual([400, expect.stringContaining('UTF-8')]);
    }
  });

  it('answers 413 with a message over the limit: declared, and streamed without a length', async () => {
    const big = Buffer.alloc(51 * 1024 * 1024, 'a');
    const declared = await upload(smallPort, chain.id, big);
    expect(declared.status).toBe(413);
    expect(declared.body.errors![0]).toMatchObject({
      message: expect.stringContaining('hoogstens 50 MB'),
      extensions: { code: 'PAYLOAD_TOO_LARGE' },
    });
    const line = `2026-03-02T10:00:00+01:00,u1,vp-de-wieg,vp-het-nest,P1,open\n`;
    const streamed = await upload(smallPort, chain.id, () =>
      Readable.from(
        (function* () {
          yield `${HEADER}\n`;
          for (let i = 0; i < 1_000; i++) yield line.repeat(1_000);
        })(),
      ),
    );
    expect(streamed.status).toBe(413);
    expect(
      (
        await t.db.sql(
          `SELECT 1 FROM viewer_log_analyses WHERE lines > 500000 AND chain_incident_id = $1 AND relevant = 0`,
          [chain.id],
        )
      ).length,
    ).toBe(0);
  });

  it('is for HINQ coordinators of the chain incident only, and every attempt is in the access log', async () => {
    const file = `${HEADER}\n`;
    expect((await upload(port, chain.id, file)).status).toBe(201);
    expect((await upload(port, chain.id, file, { user: 'wieg-privacy' })).status).toBe(403);
    expect((await upload(port, chain.id, file, { user: 'hinq-medewerker' })).status).toBe(403);
    expect((await upload(port, '00000000-0000-4000-8000-000000000000', file)).status).toBe(404);
    expect((await upload(port, chain.id, file, { contentType: 'multipart/form-data; boundary=x' })).status).toBe(415);
    const unauthenticated = await new Promise<number>((resolve) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, method: 'POST', path: `/viewer-log/chain-incidents/${chain.id}/analyses` },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.end(file);
    });
    expect(unauthenticated).toBe(401);
    const rows = await t.db.sql<{ result: string; reason: string | null; organisation_id: string | null }>(
      `SELECT result, reason, organisation_id::text FROM access_log WHERE operation = 'viewerLogUpload' ORDER BY occurred_at`,
    );
    expect(rows.filter((r) => r.result !== 'allowed').map((r) => r.reason)).toEqual(
      expect.arrayContaining(['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED']),
    );
    expect(rows.some((r) => r.result === 'allowed' && r.organisation_id === ORG.hinq)).toBe(true);
  });

  it('HINQ confirms the proposal: the proposed organisations become the chain incident’s partners', async () => {
    const chain = await newChain();
    const file = [
      HEADER,
      `2026-03-02T10:00:00+01:00,verdacht.1,vp-de-wieg,vp-het-nest,A,open`,
      `2026-03-02T10:00:00+01:00,verdacht.1,vp-de-wieg,zh-zuiderhaven,A,open`,
      `2026-03-02T10:00:00+01:00,verdacht.1,vp-de-wieg,vp-de-wieg,A,open`,
    ].join('\n');
    const a = (await upload(port, chain.id, file)).body as unknown as Analysis;
    const query = `query($id: ID!) { viewerLogAnalysis(chainIncidentId: $id) { id organisations { organisation { id } status } } }`;
    const latest = value(await as<{ id: string }>(t.http, 'hinq-coordinator', query, { id: chain.id }));
    expect(latest.id).toBe(a.id);
    const notForOthers = await as(t.http, 'wieg-privacy', query, { id: chain.id });
    expect(notForOthers.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const confirm = `mutation($id: ID!, $orgs: [ID!]!) { confirmViewerLogProposal(analysisId: $id, organisationIds: $orgs) {
      confirmedAt confirmedOrganisationIds organisations { organisation { id } status } } }`;
    const wrong = await as(t.http, 'hinq-coordinator', confirm, { id: a.id, orgs: [ORG.wieg] });
    expect(wrong.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const done = value(
      await as<{ confirmedAt: string; organisations: { organisation: { id: string }; status: string }[] }>(
        t.http,
        'hinq-coordinator',
        confirm,
        { id: a.id, orgs: [ORG.nest, ORG.zuiderhaven] },
      ),
    );
    expect(done.confirmedAt).toBeTruthy();
    expect(done.organisations.map((o) => [o.organisation.id, o.status])).toEqual(
      [
        [ORG.nest, 'ALREADY_CHOSEN'],
        [ORG.wieg, 'REPORTER'],
        [ORG.zuiderhaven, 'ALREADY_CHOSEN'],
      ]
        .sort((x, y) => (x[0]! < y[0]! ? -1 : 1))
        .sort(() => 0),
    );
    const partners = value(
      await as<ChainView>(
        t.http,
        'hinq-coordinator',
        `query($id: ID!) { chainIncident(id: $id) { partners { partnerOrganisation { id } reasoning } } }`,
        { id: chain.id },
      ),
    ).partners;
    expect(partners.map((p) => p.partnerOrganisation.id).sort()).toEqual([ORG.nest, ORG.zuiderhaven].sort());
    expect(String(partners[0]!['reasoning'])).toContain('kijklog');
    const again = await as(t.http, 'hinq-coordinator', confirm, { id: a.id, orgs: [ORG.nest] });
    expect(again.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
  });
});
