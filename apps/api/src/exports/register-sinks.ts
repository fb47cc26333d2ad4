import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import {
  cellText,
  amsterdamWallClock,
  REGISTER_COLUMNS,
  REGISTER_OUTCOME,
  type RegisterEntry,
  type RegisterOutcome,
} from '@babyconnect/domain';
import { fitXlsxCell, neutraliseCell, printable } from './neutralise';
import { RegisterPdf, type PdfHeading } from './pdf-document';
import { drained, finished } from './stream-util';

export type Lang = 'nl' | 'en';

/** One register export format: rows go in batch by batch (from the database cursor), bytes go out as they come. */
export interface RegisterSink {
  rows(entries: readonly RegisterEntry[]): Promise<void>;
  end(): Promise<void>;
}

export const REGISTER_FORMATS = {
  csv: { contentType: 'text/csv; charset=utf-8' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pdf: { contentType: 'application/pdf' },
} as const;
export type RegisterFormat = keyof typeof REGISTER_FORMATS;

export function registerSink(format: RegisterFormat, out: Writable, lang: Lang, heading: PdfHeading): RegisterSink {
  switch (format) {
    case 'csv':
      return csvSink(out, lang);
    case 'xlsx':
      return xlsxSink(out, lang);
    case 'pdf':
      return pdfSink(out, lang, heading);
  }
}

/**
 * CSV: UTF-8 with a byte-order mark (Excel reads it as UTF-8 only then), `;` between cells (what Dutch Excel
 * expects; csv-stringify quotes any cell holding `;`, a quote or a line break), CRLF between rows (RFC 4180),
 * formula starts neutralised.
 */
function csvSink(out: Writable, lang: Lang): RegisterSink {
  const csv = stringify({ bom: true, delimiter: ';', record_delimiter: 'windows' });
  csv.pipe(out);
  const write = async (cells: string[]) => {
    if (!csv.write(cells.map((c) => neutraliseCell(printable(c))))) await drained(csv);
  };
  let started = false;
  const header = () => write(REGISTER_COLUMNS.map((c) => c.header[lang]));
  return {
    async rows(entries) {
      if (!started) {
        started = true;
        await header();
      }
      for (const entry of entries) await write(REGISTER_COLUMNS.map((c) => cellText(entry, c, lang)));
      await drained(out);
    },
    async end() {
      if (!started) await header();
      csv.end();
      await finished(out);
    },
  };
}

/** Excel: exceljs's streaming writer (rows are flushed as they are committed), typed columns, frozen header. */
function xlsxSink(out: Writable, lang: Lang): RegisterSink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(lang === 'nl' ? 'Datalekregister' : 'Breach register', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = REGISTER_COLUMNS.map((c) => ({
    header: c.header[lang],
    key: c.key,
    width: c.width,
    style: c.type === 'instant' ? { numFmt: 'yyyy-mm-dd hh:mm' } : { alignment: { wrapText: true, vertical: 'top' } },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REGISTER_COLUMNS.length } };
  const cut = lang === 'nl' ? ' … [ingekort: zie de PDF of CSV]' : ' … [shortened: see the PDF or CSV]';
  return {
    async rows(entries) {
      for (const entry of entries) {
        const values: Record<string, unknown> = {};
        for (const c of REGISTER_COLUMNS) {
          const v = entry[c.key];
          if (v === null || v === undefined || v === '') continue;
          if (c.key === 'outcome') values[c.key] = REGISTER_OUTCOME[v as RegisterOutcome][lang];
          // Excel has no time zones: the cell holds the Amsterdam wall-clock time the register is read in.
          else if (v instanceof Date) values[c.key] = amsterdamWallClock(v);
          else if (typeof v === 'boolean') values[c.key] = v;
          // A text cell is a string cell in the file, never a formula: it stays inert without an apostrophe.
          else values[c.key] = fitXlsxCell(printable(String(v)), cut);
        }
        sheet.addRow(values).commit();
      }
      await drained(out);
    },
    async end() {
      sheet.commit();
      await workbook.commit();
      await finished(out);
    },
  };
}

function pdfSink(out: Writable, lang: Lang, heading: PdfHeading): RegisterSink {
  const pdf = new RegisterPdf(out, lang, heading);
  let any = false;
  return {
    async rows(entries) {
      for (const entry of entries) {
        any = true;
        pdf.entry(entry);
      }
      await drained(out);
    },
    async end() {
      if (!any) pdf.empty();
      await pdf.end();
    },
  };
}
