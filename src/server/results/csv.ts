export type CsvCell = string | number | null;

/** The byte-order mark that makes Excel read the file as UTF-8 (accents, dashes, quotes). */
export const CSV_BOM = '\uFEFF';

/** A character that starts a formula in Excel, LibreOffice or Google Sheets. */
const FORMULA_CHARACTERS = '=+\\-@\\t\\r';

/** A formula at the start of the cell. */
const FORMULA_AT_START = new RegExp(`^(?=[${FORMULA_CHARACTERS}])`);

/**
 * A formula right after a separator a spreadsheet may split the cell at: a comma, a semicolon
 * (the separator in locales that write decimals with a comma), a tab or a line break. Quoting
 * keeps the cell whole in a spreadsheet that honours quotes; this covers importers that do not.
 */
const FORMULA_AFTER_SEPARATOR = new RegExp(`([,;\\t\\r\\n])(?=[${FORMULA_CHARACTERS}])`, 'g');

/**
 * Text made inert for a spreadsheet: a `'` before every formula start (the OWASP advice), at
 * the beginning of the cell or after any separator inside it.
 */
function neutraliseFormulas(text: string): string {
  return text.replace(FORMULA_AT_START, "'").replace(FORMULA_AFTER_SEPARATOR, "$1'");
}

function writeCell(cell: CsvCell): string {
  if (cell === null || cell === '') return '';
  if (typeof cell === 'number') return String(cell);
  return `"${neutraliseFormulas(cell).replaceAll('"', '""')}"`;
}

/**
 * One CSV line for spreadsheets (RFC 4180, CRLF): every text cell quoted, so no locale's
 * separator splits it, with formulas neutralised; numbers left bare so they stay numbers.
 */
export function toCsvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(writeCell).join(',')}\r\n`;
}

/** A whole CSV file: the byte-order mark, the header and the rows. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return CSV_BOM + [header, ...rows].map(toCsvLine).join('');
}
