/**
 * Formula injection (CSV injection): a spreadsheet reads a cell that begins with `=`, `+`, `-` or `@` — and, in
 * some programs, a tab or carriage return before one — as a formula (`=HYPERLINK(…)` exfiltrates, `=cmd|…` ran
 * programs). Such a cell gets a leading apostrophe, which spreadsheets show as text and which a reader recognises
 * (OWASP's advice). Everything else is left exactly as written: newlines, quotes, semicolons, emoji, RTL text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Excel's hard limit per cell; longer text makes the file unreadable ("we found a problem with some content"). */
export const XLSX_CELL_MAX = 32_767;

export function fitXlsxCell(value: string, note: string): string {
  if (value.length <= XLSX_CELL_MAX) return value;
  const room = XLSX_CELL_MAX - note.length;
  // Never cut a surrogate pair in half.
  let cut = room;
  const code = value.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return value.slice(0, cut) + note;
}

/** Control characters PDF text and XML cannot hold (line breaks and tabs stay). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function printable(value: string): string {
  return value.replace(CONTROL, '\uFFFD');
}
