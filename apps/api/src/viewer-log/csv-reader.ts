import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { parse, type CsvError, type Options } from 'csv-parse';
import { checkHeader } from '@babyconnect/domain';
import { refusals, UploadRefused } from './upload-refusal';

export interface CsvLineSink {
  /** One data line (the header excluded) with the number of the file line it starts on. */
  line(lineNumber: number, fields: string[]): void;
  /** A line the CSV reader could not split (a quote never closed, a record beyond any sane size). */
  unreadable(lineNumber: number, reason: string): void;
}

export interface CsvReadResult {
  sha256: string;
  bytes: number;
}

/** A record (a line, or a quoted field's several lines) may not exceed this; beyond it the quoting is broken. */
const MAX_RECORD_BYTES = 64 * 1024;

/** csv-parse's settings for a viewer-log export (exported for the benchmark's csv-parse-alone floor). */
export const VIEWER_LOG_CSV_OPTIONS = {
  bom: true,
  relax_column_count: true,
  // A stray quote inside a field is data (`4,"5"x`), not a reason to lose the lines after it.
  relax_quotes: true,
  record_delimiter: ['\r\n', '\n'],
  // Empty lines come through as one empty field and are counted here: csv-parse's per-record `info` (which would
  // count them) doubled the parsing time.
  skip_records_with_error: true,
  max_record_size: MAX_RECORD_BYTES,
} as const satisfies Options;

/**
 * Reads a viewer-log export from a stream, never holding more than a chunk and one record: checks the header at
 * once (a wrong one stops the reading), refuses binary or non-UTF-8 input and anything beyond `limit` bytes as
 * soon as it shows, and hands every line to `sink`. csv-parse does the CSV itself: a byte-order mark, CRLF or LF
 * (also mixed), quoted fields with commas, quotes and line breaks. Nothing is evaluated: a cell like `=cmd|…` is
 * text like any other. Resolves with the SHA-256 of the bytes read (a repeated upload is recognised by it).
 */
export async function readViewerLogCsv(source: Readable, limit: number, sink: CsvLineSink): Promise<CsvReadResult> {
  const hash = createHash('sha256');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const parser = parse(VIEWER_LOG_CSV_OPTIONS);
  let bytes = 0;
  let header = true;
  let failure: UploadRefused | null = null;
  // The number of the file line the next record starts on: each record spans one line plus the line breaks inside
  // its quoted fields.
  let next = 1;

  parser.on('data', (record: string[]) => {
    if (failure) return;
    const start = next;
    next += 1;
    for (const field of record) for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) next++;
    if (record.length === 1 && record[0] === '') return;
    if (header) {
      header = false;
      const check = checkHeader(record);
      if (!check.ok) failure = refusals.header(check.expected, check.found, check.message);
      return;
    }
    sink.line(start, record);
  });
  parser.on('skip', (error: CsvError & { lines?: number }) => {
    if (failure) return;
    const line = error.lines ?? next;
    next = line + 1;
    if (header) {
      header = false;
      failure = refusals.header('', '', {
        nl: 'De kopregel van het bestand is onleesbaar.',
        en: "The file's header line is unreadable.",
      });
      return;
    }
    sink.unreadable(line, error.code);
  });
  const ended = once(parser, 'end');
  // An error of the parser itself (never a line's: those are skipped) rejects `ended`.

  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > limit) throw refusals.tooLarge(limit);
      if (chunk.includes(0)) throw refusals.binary();
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        throw refusals.binary();
      }
      hash.update(chunk);
      if (!parser.write(chunk)) await once(parser, 'drain');
      if (failure) throw failure;
    }
    try {
      utf8.decode();
    } catch {
      throw refusals.binary();
    }
    parser.end();
    await ended;
    if (failure) throw failure;
    if (header) throw refusals.empty();
    return { sha256: hash.digest('hex'), bytes };
  } catch (error) {
    parser.destroy();
    throw error;
  }
}
