/**
 * CSV for spreadsheets (RFC 4180), safe to open in Excel.
 *
 * - A cell that starts with `=`, `+`, `-`, `@` (or a tab or carriage return) is prefixed with `'`, so a
 *   registrant who types `=HYPERLINK(…)` as their name cannot run a formula on a staff computer.
 * - Cells with a quote, comma or line break are quoted, quotes doubled.
 * - The file starts with a UTF-8 byte-order mark: without it Excel reads UTF-8 as the local code
 *   page and Hangul turns to mojibake.
 */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** `Content-Disposition` for a download with a non-ASCII name (RFC 6266 / 5987), with an ASCII fallback. */
export function attachmentHeader(filename: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
