import type { ErrorCode } from '@babyconnect/contracts';
import type { Text } from '../errors/api-error';

/**
 * An upload or push refused as a whole, with its HTTP status: 413 too large, 415 not CSV, 400 empty, binary, wrong
 * header or a wrong question. The body is the API's error shape (`errors[0].extensions.code`, Dutch message by
 * default, both languages in `i18n`), plus what helps to fix it (`expectedHeader`).
 */
export class UploadRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly text: Text,
    readonly details: Record<string, unknown> = {},
  ) {
    super(text.en);
    this.name = 'UploadRefused';
  }
}

export const refusals = {
  tooLarge: (limit: number) =>
    new UploadRefused(413, 'PAYLOAD_TOO_LARGE', {
      nl: `Het bestand is te groot: er wordt hoogstens ${megabytes(limit)} aangenomen. Exporteer een kleiner tijdvenster of minder accounts.`,
      en: `The file is too large: at most ${megabytes(limit)} is accepted. Export a shorter window or fewer accounts.`,
    }),
  /** A daily file over its limit: split the day (docs/viewer-log-format.md, "Daily files"). */
  dailyTooLarge: (limit: number) =>
    new UploadRefused(413, 'PAYLOAD_TOO_LARGE', {
      nl: `Het dagbestand is te groot: er wordt hoogstens ${megabytes(limit)} per bestand aangenomen. Splits de dag in meerdere bestanden (bijvoorbeeld per dagdeel) en bied ze na elkaar aan, of laat de systemen van HINQ het kijklog doorlopend aanleveren.`,
      en: `The daily file is too large: at most ${megabytes(limit)} per file is accepted. Split the day into several files (for instance per part of the day) and hand them in one after the other, or let HINQ's systems push the viewer log continuously.`,
    }),
  notCsv: () =>
    new UploadRefused(415, 'BAD_REQUEST', {
      nl: 'Stuur het kijklog als CSV (Content-Type: text/csv) in de inhoud van het verzoek.',
      en: 'Send the viewer log as CSV (Content-Type: text/csv) in the request body.',
    }),
  empty: () =>
    new UploadRefused(400, 'BAD_REQUEST', {
      nl: 'Het bestand is leeg: er staat zelfs geen kopregel in.',
      en: 'The file is empty: it does not even contain a header line.',
    }),
  binary: () =>
    new UploadRefused(400, 'BAD_REQUEST', {
      nl: 'Dit is geen tekstbestand in UTF-8 (een binair bestand of een andere tekencodering). Exporteer het kijklog als CSV in UTF-8.',
      en: 'This is not a UTF-8 text file (a binary file or another encoding). Export the viewer log as CSV in UTF-8.',
    }),
  header: (expected: string, found: string, text: Text) =>
    new UploadRefused(400, 'BAD_REQUEST', text, { expectedHeader: expected, foundHeader: found }),
};

function megabytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${Math.round(bytes / 1024)} kB`;
}
