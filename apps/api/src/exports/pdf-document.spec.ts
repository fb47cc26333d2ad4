import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { inflateSync } from 'node:zlib';
import { REGISTER_COLUMNS, type RegisterEntry } from '@babyconnect/domain';
import { pdfText } from '../../test/support/pdf-text';
import { RegisterPdf } from './pdf-document';
import { woffToSfnt } from './woff';

// The register PDF's own layout (text wrapped by pdf-document.ts, not by pdfkit) and the unpacked font. The HTTP
// export, access log and golden texts are in test/exports.e2e.spec.ts.

const at = new Date('2026-03-02T09:15:00Z');
function entry(n: number, overrides: Partial<RegisterEntry> = {}): RegisterEntry {
  return {
    id: `id-${n}`,
    reference: `DL-2026-${String(n).padStart(4, '0')}`,
    stage: 'afgesloten',
    outcome: 'registered',
    reportedAt: at,
    discoveredAt: at,
    startedAt: at,
    kinds: 'vertrouwelijkheid',
    cause: 'menselijke fout: verkeerde ontvanger',
    whatHappened: 'Een verslag met gezondheidsgegevens is naar de verkeerde ontvanger gemaild. '.repeat(6),
    dataCategories: 'gezondheidsgegevens en contactgegevens',
    groups: 'cliënten',
    persons: 'ongeveer 1',
    records: 'ongeveer 2',
    assessment: 'Beoordeeld door de privacyfunctionaris.',
    consequences: 'Beperkt.',
    measures: 'Ontvanger gevraagd te verwijderen (gedaan)',
    apDecision: 'niet melden: laag risico.',
    apDecisionAt: at,
    apDeparture: 'Afwijking: de FG adviseerde melden.',
    apNotified: true,
    apNotifiedAt: at,
    apReference: 'AP-123',
    late: true,
    delayReasons: 'Weekend.',
    followUps: '2026-03-04: aanvulling',
    withdrawal: '2026-03-05: geen datalek',
    subjectsDecision: 'niet informeren: laag risico',
    subjectsDecisionAt: at,
    subjectsDeparture: 'Geen.',
    subjectsInformedAt: at,
    communications: '2026-03-06: brief, 3 ontvangers',
    dpoAdvice: '2026-03-02: melden',
    improvementActions: 'Training (gepland)',
    recurrencePrevention: 'Dubbele controle op adressen.',
    closedAt: at,
    ...overrides,
  };
}

async function registerPdf(entries: RegisterEntry[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const pdf = new RegisterPdf(out, 'nl', {
    organisationName: 'Verloskundigenpraktijk De Wieg',
    title: 'Datalekregister',
    period: 'alle periodes',
    exportedAt: at,
  });
  for (const e of entries) pdf.entry(e);
  await pdf.end();
  return Buffer.concat(chunks);
}

/** The inflated content streams of the pages (the ones that select a font). */
function contentStreams(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  for (const m of raw.matchAll(/<<([^]*?)>>\s*stream\r?\n([^]*?)endstream/g)) {
    if (!/\/FlateDecode/.test(m[1]!)) continue;
    const text = inflateSync(Buffer.from(m[2]!, 'latin1')).toString('latin1');
    if (/\bBT\b/.test(text) && /\bET\b/.test(text) && /\bTf\b/.test(text)) streams.push(text);
  }
  return streams;
}

describe('the register PDF', () => {
  it('prints every field that has a value, with its label, under a heading per incident', async () => {
    const text = pdfText(await registerPdf([entry(1)])).replace(/\n/g, ' ');
    expect(text).toContain('DL-2026-0001 — afgesloten en geregistreerd');
    for (const column of REGISTER_COLUMNS) {
      if (column.key === 'reference' || column.key === 'outcome') continue;
      expect(text).toContain(`${column.header.nl}:`);
    }
    expect(text).toContain('Meldnummer AP: AP-123');
    expect(text).toContain('Te laat (na 72 uur): ja');
    expect(text).toContain('Dubbele controle op adressen.');
  });

  it('leaves out empty fields and keeps every character of long, spaced and unbroken text', async () => {
    const unbroken = 'x'.repeat(2500);
    const text = pdfText(
      await registerPdf([
        entry(2, { withdrawal: '', whatHappened: `Begin  twee spaties.\n\nNa een witregel. ${unbroken} einde.` }),
      ]),
    );
    expect(text).not.toContain('Intrekking:');
    expect(text).toContain('Begin  twee spaties.');
    expect(text).toContain('Na een witregel.');
    // A word wider than the page is cut between characters over several lines; nothing is lost.
    const xs = text.match(/xx+/g)!; // ("Geëxporteerd" has an x of its own)
    expect(xs.length).toBeGreaterThan(1);
    expect(xs.join('')).toBe(unbroken);
    expect(text).toContain('einde.');
  });

  it('goes on in the same type after a page break in the middle of a text (the page foot is the only 8 pt)', async () => {
    const long = 'Een zin die de pagina vult. '.repeat(400); // about 60 lines: it must cross a page
    const pdf = await registerPdf([entry(1), entry(2, { whatHappened: long }), entry(3, { consequences: long })]);
    const pages = contentStreams(pdf);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      // Size 8 is the page number's; anything else at 8 pt would be text that inherited the foot's type.
      expect(page.match(/\/F\d+ 8 Tf/g)).toHaveLength(1);
    }
    expect(pdfText(pdf)).toContain('Pagina 3');
  });

  it('stays dense: at most 45 text objects per fully filled incident (a label above each value took 75)', async () => {
    // Each text object costs pdfkit its own operators; that was the register PDF's time (issue 15: ≤ 10 s for 10,000).
    // One incident alone and twenty: the difference per incident, without the page decorations.
    const perPage = (pdf: Buffer) =>
      contentStreams(pdf).reduce((n, page) => n + (page.match(/\bBT\b/g)?.length ?? 0), 0);
    const one = perPage(await registerPdf([entry(1)]));
    const many = await registerPdf(Array.from({ length: 21 }, (_, i) => entry(i + 1)));
    const pages = contentStreams(many).length;
    const decoration = 4; // organisation, title, export time, page number
    expect((perPage(many) - pages * decoration - (one - decoration)) / 20).toBeLessThanOrEqual(45);
  });
});

describe('woffToSfnt', () => {
  const woff = readFileSync(createRequire(__filename).resolve('@fontsource/roboto/files/roboto-latin-400-normal.woff'));

  it('gives every table inflated, at a 4-byte boundary, matching the checksum the WOFF recorded', () => {
    const sfnt = woffToSfnt(woff);
    const numTables = woff.readUInt16BE(12);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4)); // the flavour: TrueType outlines
    expect(sfnt.readUInt16BE(4)).toBe(numTables);
    for (let i = 0; i < numTables; i++) {
      const entryAt = 12 + 16 * i;
      const tag = sfnt.toString('latin1', entryAt, entryAt + 4);
      const offset = sfnt.readUInt32BE(entryAt + 8);
      const length = sfnt.readUInt32BE(entryAt + 12);
      expect(offset % 4).toBe(0);
      expect(length).toBe(woff.readUInt32BE(44 + 20 * i + 12));
      // OpenType's table checksum (head's is computed with its checkSumAdjustment as zero).
      const table = Buffer.alloc((length + 3) & ~3);
      sfnt.copy(table, 0, offset, offset + length);
      if (tag === 'head') table.writeUInt32BE(0, 8);
      let sum = 0;
      for (let at = 0; at < table.length; at += 4) sum = (sum + table.readUInt32BE(at)) >>> 0;
      expect([tag, sum]).toEqual([tag, sfnt.readUInt32BE(entryAt + 4)]);
    }
  });

  it('refuses a file that is not WOFF', () => {
    expect(() => woffToSfnt(Buffer.alloc(64))).toThrow(/not a WOFF/);
  });
});
