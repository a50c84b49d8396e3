import Papa from 'papaparse';

export type CsvCell = string | number | null;

/**
 * A cell a spreadsheet would run as a formula. Papa's own `escapeFormulae: true` pattern ends in
 * `.*$` without the `s` flag, so it misses a formula followed by a line break.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Writes rows as RFC 4180 CSV for spreadsheets: CRLF line ends, fields quoted where needed, UTF-8
 * with a byte-order mark so Excel reads accents and dashes right, and text cells that start with
 * `=`, `+`, `-` or `@` prefixed with `'` against formula injection. Numbers are left as numbers.
 */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  const body = Papa.unparse(
    { fields: header, data: rows.map((row) => row.map((cell) => cell ?? '')) },
    { newline: '\r\n', escapeFormulae: FORMULA_START, quotes: false },
  );
  return `\uFEFF${body}\r\n`;
}
