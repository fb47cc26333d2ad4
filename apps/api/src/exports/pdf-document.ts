import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import {
  cellText,
  formatAmsterdam,
  REGISTER_COLUMNS,
  REGISTER_OUTCOME,
  type RegisterColumn,
  type RegisterEntry,
} from '@babyconnect/domain';
import { printable } from './neutralise';
import { finished } from './stream-util';
import { woffToSfnt } from './woff';

type Lang = 'nl' | 'en';

/**
 * The font: Roboto (SIL Open Font License 1.1, via @fontsource/roboto, which the portal already ships), embedded
 * and subset by pdfkit. Its Latin set covers Dutch (ë, é, ï, ü, ĳ as i+j) and the other West-European letters; a
 * character it lacks (emoji, Hebrew or Arabic script) prints as an empty box and never breaks the layout. No
 * system font is read: the PDF looks the same on every server. The WOFF files are unpacked once (see woff.ts).
 */
const requireFromHere = createRequire(__filename);
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts() {
  fonts ??= {
    regular: woffToSfnt(readFileSync(requireFromHere.resolve('@fontsource/roboto/files/roboto-latin-400-normal.woff'))),
    bold: woffToSfnt(readFileSync(requireFromHere.resolve('@fontsource/roboto/files/roboto-latin-700-normal.woff'))),
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

  /** The page heading's two lines, and whether each fits on its line as it is (measured once, not per page). */
  private headingLines: { text: string; font: 'body' | 'bold'; size: number; fits: boolean }[] | null = null;
  private exported: string | null = null;

  private decorate(): void {
    this.page++;
    const d = this.doc;
    const { x } = d;
    const bottom = d.page.margins.bottom;
    d.page.margins.bottom = 0; // writing in the margin must not start a new page
    const width = d.page.width - 2 * MARGIN;
    const { exportedAt } = this.heading;
    if (!this.headingLines) {
      this.headingLines = [
        { text: this.heading.organisationName, font: 'bold', size: 11 },
        { text: `${this.heading.title} · ${this.heading.period}`, font: 'body', size: 8.5 },
      ].map((line) => ({
        ...(line as { text: string; font: 'body' | 'bold'; size: number }),
        fits: !line.text.includes('\n') && d.font(line.font, line.size).widthOfString(line.text) <= width,
      }));
    }
    d.fillColor('#000');
    this.headingLines.forEach((line, i) => {
      d.font(line.font, line.size);
      const y = i === 0 ? MARGIN - 10 : MARGIN + 5;
      // A name or title too long for its line is cut with an ellipsis by pdfkit's wrapper (measured per word, so
      // only when needed).
      if (line.fits) d.text(line.text, MARGIN, y, { lineBreak: false });
      else d.text(line.text, MARGIN, y, { width, lineBreak: false, ellipsis: true });
    });
    if (exportedAt) {
      this.exported ??= `${this.lang === 'nl' ? 'Geëxporteerd' : 'Exported'}: ${formatAmsterdam(exportedAt, this.lang)}`;
      d.text(this.exported, MARGIN, MARGIN + 17, { lineBreak: false });
    }
    d.moveTo(MARGIN, MARGIN + 30)
      .lineTo(d.page.width - MARGIN, MARGIN + 30)
      .lineWidth(0.5)
      .stroke('#888');
    // Right-aligned by hand: pdfkit's `align` needs a width, and a width builds its line wrapper on every page.
    const pageNumber = `${this.lang === 'nl' ? 'Pagina' : 'Page'} ${this.page}`;
    d.fontSize(8);
    d.text(pageNumber, d.page.width - MARGIN - d.widthOfString(pageNumber), d.page.height - MARGIN, {
      lineBreak: false,
    });
    d.page.margins.bottom = bottom;
    // A page may begin in the middle of a text: it goes on in its own type.
    d.font(this.type.font, this.type.size);
    this.fillNow = '#000'; // the decoration leaves black: a page may start inside a text of another colour
    d.fillColor('#000');
    d.x = x;
    d.y = d.page.margins.top;
  }

  protected heading2(text: string, size = 11, before = 0.6): void {
    this.ensureRoom(60);
    this.doc.moveDown(before);
    this.setType('bold', size);
    this.fill('#000');
    this.write(printable(text));
    this.doc.moveDown(0.2);
  }

  protected field(label: string, value: string | null | undefined): void {
    if (value === null || value === undefined || value === '') return;
    this.ensureRoom(24); // the label and a first line of the value stay together
    this.setType('bold', 8);
    this.fill('#333');
    this.oneLine(label);
    this.setType('body', 9);
    this.fill('#000');
    this.write(printable(value));
    this.doc.moveDown(0.25);
  }

  /**
   * A field on the line of its label: "**Label:** value …", the value wrapping under the label across the page.
   * Half the lines of a label above its value, and one text fragment fewer per short value.
   */
  protected inlineField(label: string, value: string, size: number): void {
    const d = this.doc;
    this.ensureRoom(2 * size);
    this.setType('bold', size);
    const head = `${label}: `;
    const indent = d.widthOfString(head);
    const y = d.y;
    d.text(head, MARGIN, y, { lineBreak: false });
    this.setType('body', size);
    this.write(printable(value), indent, y);
  }

  protected paragraph(text: string): void {
    this.setType('body', 9);
    this.fill('#000');
    this.write(printable(text));
  }

  /**
   * Text across the page's width, wrapped at spaces and line breaks by `wrap`, each line written as one fragment
   * without pdfkit's own line wrapper. That wrapper (Unicode line-breaking classes per character, a new wrapper per
   * call, every word measured again) was about a third of the register PDF's time; here each word is measured once
   * (pdfkit caches a word's glyph layout per font). `indent`: the first line starts that far right, at `y`.
   */
  protected write(text: string, indent = 0, y?: number): void {
    const d = this.doc;
    const width = d.page.width - 2 * MARGIN;
    const lines = this.wrap(text, width, width - indent);
    lines.forEach((line, i) => {
      if (i === 0 && y !== undefined) d.y = y;
      else if (i > 0) this.ensureRoom(d.currentLineHeight(true));
      this.oneLine(line.text, i === 0 ? indent : 0, line.width);
    });
  }

  /**
   * Greedy line filling: words go on a line while they fit; a word wider than a line is cut between characters.
   * Each line comes with its width, so writing it needs no second measurement.
   */
  private wrap(text: string, width: number, firstWidth: number): { text: string; width: number }[] {
    const d = this.doc;
    const space = d.widthOfString(' ');
    const measure = (word: string) => this.wordWidth(word);
    const lines: { text: string; width: number }[] = [];
    let limit = firstWidth;
    for (const paragraph of text.split(/\r?\n|\r/)) {
      // Split at single spaces: runs of spaces (and a tab, written as a space) stay as written.
      let line: string | null = null;
      let lineWidth = 0;
      for (const word of paragraph.replace(/\t/g, ' ').split(' ')) {
        let rest = word;
        let w = word === '' ? 0 : measure(rest);
        if (line !== null && lineWidth + space + w <= limit) {
          line += ` ${rest}`;
          lineWidth += space + w;
          continue;
        }
        if (line !== null) {
          lines.push({ text: line, width: lineWidth });
          limit = width;
        }
        while (w > limit) {
          const [head, tail] = this.cut(rest, limit);
          lines.push({ text: head, width: measure(head) });
          limit = width;
          rest = tail;
          w = measure(rest);
        }
        line = rest;
        lineWidth = w;
      }
      lines.push({ text: line ?? '', width: lineWidth });
      limit = width;
    }
    return lines;
  }

  /**
   * Words' widths per font at size 1, so a word is measured once per document: the same words come back in every
   * incident (labels, the protocol's words, dates). pdfkit caches a word's glyph layout as its lines split them,
   * "word " inside a line: measuring that string (less the space) shares its entry instead of a second layout.
   */
  private readonly widths = new Map<string, Map<string, number>>();
  private wordWidth(word: string): number {
    const d = this.doc;
    const { font, size } = this.type;
    let known = this.widths.get(font);
    if (!known) this.widths.set(font, (known = new Map()));
    let perPoint = known.get(word);
    if (perPoint === undefined) {
      perPoint = (d.widthOfString(`${word} `) - d.widthOfString(' ')) / size;
      known.set(word, perPoint);
    }
    return perPoint * size;
  }

  /** The longest start of `word` (whole code points, at least one) that fits in `limit`, and the rest. */
  private cut(word: string, limit: number): [string, string] {
    let used = 0;
    let end = 0;
    for (const char of word) {
      const w = this.doc.widthOfString(char);
      if (end > 0 && used + w > limit) break;
      used += w;
      end += char.length;
    }
    return [word.slice(0, end), word.slice(end)];
  }

  /**
   * One line known to fit, without the line wrapper; moves down as a wrapped line would. `width`, when known, is
   * handed to pdfkit as its wrapper does (`textWidth`), which spares it measuring the line again.
   */
  private oneLine(text: string, indent = 0, width?: number): void {
    const d = this.doc;
    // `textWidth` is what pdfkit's own wrapper passes for a measured line; its typings leave it out.
    const options = width === undefined ? { lineBreak: false } : { lineBreak: false, textWidth: width };
    if (text) d.text(text, MARGIN + indent, d.y, options as PDFKit.Mixins.TextOptions);
    d.x = MARGIN;
    d.y += d.currentLineHeight(true);
  }

  /** The font and size of the text being written (the page decoration puts them back after its own). */
  private type: { font: 'body' | 'bold'; size: number } = { font: 'body', size: 9 };
  protected setType(font: 'body' | 'bold', size: number): void {
    this.type = { font, size };
    this.doc.font(font, size);
  }

  /** pdfkit writes a colour operator on every call; the register switches colour twice per field. */
  private fillNow = '';
  protected fill(color: string): void {
    if (color === this.fillNow) return;
    this.doc.fillColor(color);
    this.fillNow = color;
  }

  protected ensureRoom(points: number): void {
    if (this.doc.y + points > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
  }

  async end(): Promise<void> {
    this.doc.end();
    await finished(this.out);
  }
}

/**
 * Register columns whose values are short by construction (dates, yes/no, numbers, lists of the protocol's own
 * words, the AP's number): printed together on the entry's facts lines.
 */
const FACT_KEYS: ReadonlySet<RegisterColumn['key']> = new Set([
  'stage',
  'kinds',
  'dataCategories',
  'groups',
  'persons',
  'records',
  'apReference',
]);
const isFact = (column: RegisterColumn) => column.type !== 'text' || FACT_KEYS.has(column.key);

/**
 * The printable register: per incident a heading (reference and outcome), the short facts (stage, dates, numbers,
 * yes/no) run together as "Label: value · Label: value", then each text field that has a value on its own line
 * after its label in bold. Every art. 33(5) field with a value is there, as text (searchable, copyable, read
 * aloud). About 25 text fragments per incident instead of the 48 of a label above each value: pdfkit writes every
 * fragment as its own operators, which was the register PDF's cost.
 */
export class RegisterPdf extends StreamedPdf {
  entry(entry: RegisterEntry): void {
    const lang = this.lang;
    this.heading2(`${entry.reference} — ${REGISTER_OUTCOME[entry.outcome][lang]}`, 10, 0.5);
    const facts: string[] = [];
    const texts: [string, string][] = [];
    for (const column of REGISTER_COLUMNS) {
      if (column.key === 'reference' || column.key === 'outcome') continue;
      const value = cellText(entry, column, lang);
      if (value === '') continue;
      if (isFact(column)) facts.push(`${column.header[lang]}: ${value}`);
      else texts.push([column.header[lang], value]);
    }
    this.setType('body', 8.5);
    this.write(printable(facts.join(' · ')));
    for (const [label, value] of texts) this.inlineField(label, value, 8.5);
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
