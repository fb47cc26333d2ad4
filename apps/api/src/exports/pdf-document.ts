import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { cellText, formatAmsterdam, REGISTER_COLUMNS, REGISTER_OUTCOME, type RegisterEntry } from '@babyconnect/domain';
import { printable } from './neutralise';
import { finished } from './stream-util';

type Lang = 'nl' | 'en';

/**
 * The font: Roboto (SIL Open Font License 1.1, via @fontsource/roboto, which the portal already ships), embedded
 * and subset by pdfkit. Its Latin set covers Dutch (ë, é, ï, ü, ĳ as i+j) and the other West-European letters; a
 * character it lacks (emoji, Hebrew or Arabic script) prints as an empty box and never breaks the layout. No
 * system font is read: the PDF looks the same on every server.
 */
const requireFromHere = createRequire(__filename);
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts() {
  fonts ??= {
    regular: readFileSync(requireFromHere.resolve('@fontsource/roboto/files/roboto-latin-400-normal.woff')),
    bold: readFileSync(requireFromHere.resolve('@fontsource/roboto/files/roboto-latin-700-normal.woff')),
  };
  return fonts;
}

export interface PdfHeading {
  organisationName: string;
  title: string;
  /** E.g. "Periode: ontdekt van 1 januari 2026 tot 1 juli 2026" or "Alle datalekken". */
  period: string;
  /** Null for a document meant for others (the letter to data subjects): no export line in its heading. */
  exportedAt: Date | null;
}

const MARGIN = 50;

/**
 * A streamed A4 document (pages are written out as they fill: nothing is kept whole) with on every page the
 * organisation's name, the title, the period and the time of export, and a page number at the foot. The total
 * number of pages is not known while streaming, so the foot says "pagina N".
 */
export class StreamedPdf {
  protected readonly doc: PDFKit.PDFDocument;
  private page = 0;

  constructor(
    out: Writable,
    protected readonly lang: Lang,
    private readonly heading: PdfHeading,
  ) {
    const { regular, bold } = loadFonts();
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN + 42, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
      autoFirstPage: false,
      info: { Title: `${heading.title} — ${heading.organisationName}`, Author: heading.organisationName },
      lang: lang === 'nl' ? 'nl-NL' : 'en-GB',
    });
    this.doc.registerFont('body', regular);
    this.doc.registerFont('bold', bold);
    this.doc.on('pageAdded', () => this.decorate());
    this.doc.pipe(out);
    this.out = out;
    this.doc.addPage();
  }

  private readonly out: Writable;

  private decorate(): void {
    this.page++;
    const d = this.doc;
    const { x } = d;
    const bottom = d.page.margins.bottom;
    d.page.margins.bottom = 0; // writing in the margin must not start a new page
    const width = d.page.width - 2 * MARGIN;
    const { exportedAt } = this.heading;
    const exported = exportedAt
      ? `${this.lang === 'nl' ? 'Geëxporteerd' : 'Exported'}: ${formatAmsterdam(exportedAt, this.lang)}`
      : '';
    d.font('bold')
      .fontSize(11)
      .fillColor('#000')
      .text(this.heading.organisationName, MARGIN, MARGIN - 10, {
        width,
        lineBreak: false,
        ellipsis: true,
      });
    d.font('body')
      .fontSize(8.5)
      .text(`${this.heading.title} · ${this.heading.period}`, MARGIN, MARGIN + 5, {
        width,
        lineBreak: false,
        ellipsis: true,
      });
    if (exported) d.text(exported, MARGIN, MARGIN + 17, { width, lineBreak: false });
    d.moveTo(MARGIN, MARGIN + 30)
      .lineTo(d.page.width - MARGIN, MARGIN + 30)
      .lineWidth(0.5)
      .stroke('#888');
    d.fontSize(8).text(`${this.lang === 'nl' ? 'Pagina' : 'Page'} ${this.page}`, MARGIN, d.page.height - MARGIN, {
      width,
      align: 'right',
      lineBreak: false,
    });
    d.page.margins.bottom = bottom;
    this.fillNow = '#000'; // the decoration leaves black: a page may start inside a text of another colour
    d.fillColor('#000');
    d.x = x;
    d.y = d.page.margins.top;
  }

  protected heading2(text: string): void {
    this.ensureRoom(60);
    this.doc.moveDown(0.6).font('bold').fontSize(11);
    this.fill('#000');
    this.write(printable(text));
    this.doc.moveDown(0.2);
  }

  protected field(label: string, value: string | null | undefined): void {
    if (value === null || value === undefined || value === '') return;
    this.ensureRoom(24); // the label and a first line of the value stay together
    this.doc.font('bold').fontSize(8);
    this.fill('#333');
    this.oneLine(label);
    this.doc.font('body').fontSize(9);
    this.fill('#000');
    this.write(printable(value));
    this.doc.moveDown(0.25);
  }

  protected paragraph(text: string): void {
    this.doc.font('body').fontSize(9);
    this.fill('#000');
    this.write(printable(text));
  }

  /**
   * Text across the page's width, wrapped. A text that fits on one line (most of a register's cells: dates, yes/no,
   * short answers) skips pdfkit's line wrapper, which is built anew for every call and measured every word: that
   * was most of the register PDF's time. Its width is measured once to know it fits.
   */
  private write(text: string): void {
    const width = this.doc.page.width - 2 * MARGIN;
    if (text.length <= 120 && !text.includes('\n') && this.doc.widthOfString(text) <= width) this.oneLine(text);
    else this.doc.text(text, MARGIN, undefined, { width });
  }

  /** One line known to fit, without the line wrapper; moves down as a wrapped line would. */
  private oneLine(text: string): void {
    const d = this.doc;
    d.text(text, MARGIN, d.y, { lineBreak: false });
    d.x = MARGIN;
    d.y += d.currentLineHeight(true);
  }

  /** pdfkit writes a colour operator on every call; the register switches colour twice per field. */
  private fillNow = '';
  private fill(color: string): void {
    if (color === this.fillNow) return;
    this.doc.fillColor(color);
    this.fillNow = color;
  }

  private ensureRoom(points: number): void {
    if (this.doc.y + points > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
  }

  async end(): Promise<void> {
    this.doc.end();
    await finished(this.out);
  }
}

/** The printable register: one block per incident with every art. 33(5) field that has a value. */
export class RegisterPdf extends StreamedPdf {
  entry(entry: RegisterEntry): void {
    this.heading2(`${entry.reference} — ${REGISTER_OUTCOME[entry.outcome][this.lang]}`);
    for (const column of REGISTER_COLUMNS) {
      if (column.key === 'reference' || column.key === 'outcome') continue;
      this.field(column.header[this.lang], cellText(entry, column, this.lang));
    }
  }

  empty(): void {
    this.paragraph(
      this.lang === 'nl'
        ? 'Er zijn geen datalekken in deze periode en met deze filters.'
        : 'There are no breaches in this period with these filters.',
    );
  }
}

/** One incident's full file: sections with fields, and the history. */
export class IncidentPdf extends StreamedPdf {
  section(title: string): void {
    this.heading2(title);
  }

  line(label: string, value: string | null | undefined): void {
    this.field(label, value);
  }

  text(value: string): void {
    this.paragraph(value);
  }

  /** A paragraph with room after it (the letter's parts). */
  block(value: string): void {
    this.paragraph(value);
    this.doc.moveDown(0.8);
  }
}
