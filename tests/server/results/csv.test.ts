import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/server/results/csv';

function parse(csv: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

describe('toCsv', () => {
  it('starts with a UTF-8 byte-order mark and ends rows with CRLF', () => {
    const csv = toCsv(['Student', 'Percent'], [['Ana', 80]]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFF"Student","Percent"\r\n"Ana",80\r\n');
  });

  it('quotes commas, quotes and line breaks as RFC 4180 asks', () => {
    const csv = toCsv(
      ['Response'],
      [['Kursk, Belgorod'], ['the “shadow fleet” and "tankers"'], ['two\nlines']],
    );
    expect(csv).toContain('"Kursk, Belgorod"');
    expect(csv).toContain('"the “shadow fleet” and ""tankers"""');
    expect(parse(csv)).toEqual([
      ['Response'],
      ['Kursk, Belgorod'],
      ['the “shadow fleet” and "tankers"'],
      ['two\nlines'],
    ]);
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const dangerous = ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)'];
    const rows = parse(
      toCsv(
        ['Name'],
        dangerous.map((cell) => [cell]),
      ),
    );
    expect(rows.slice(1).map(([cell]) => cell)).toEqual(dangerous.map((cell) => `'${cell}`));
  });

  it('quotes every text cell and neutralises a formula after any separator (issue 10, item 10)', () => {
    // Unquoted, a spreadsheet in a semicolon locale split this at `;` and ran `=cmd|...`.
    const attack = "x;=cmd|' /C calc'!A0;";
    const csv = toCsv(['Name'], [[attack], ['a,+1'], ['one\n@SUM(A1)'], ['p8.s2; -5 degrees']]);
    expect(csv).toContain(`"x;'=cmd|' /C calc'!A0;"`);
    const cells = parse(csv)
      .slice(1)
      .map(([cell]) => cell);
    expect(cells).toEqual([
      "x;'=cmd|' /C calc'!A0;",
      "a,'+1",
      "one\n'@SUM(A1)",
      'p8.s2; -5 degrees',
    ]);
    // Split at every separator, as a careless importer would: no piece starts a formula.
    for (const cell of cells) {
      for (const piece of cell?.split(/[,;\t\r\n]/) ?? []) expect(piece).not.toMatch(/^[=+\-@]/);
    }
  });

  it('keeps negative numbers as numbers and empty cells empty', () => {
    expect(toCsv(['A', 'B', 'C'], [[-1.5, null, '']])).toBe('\uFEFF"A","B","C"\r\n-1.5,,\r\n');
  });

  it('keeps accented names and dashes intact', () => {
    const rows = parse(toCsv(['Student'], [['Zoë Müller – Ørsted']]));
    expect(rows[1]).toEqual(['Zoë Müller – Ørsted']);
  });
});
