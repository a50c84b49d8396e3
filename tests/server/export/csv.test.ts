import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/server/export/csv';

function parse(csv: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

describe('toCsv', () => {
  it('starts with a UTF-8 byte-order mark and ends rows with CRLF', () => {
    const csv = toCsv(['Student', 'Percent'], [['Ana', 80]]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFFStudent,Percent\r\nAna,80\r\n');
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
    const dangerous = ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '=1\n+2'];
    const rows = parse(
      toCsv(
        ['Name'],
        dangerous.map((cell) => [cell]),
      ),
    );
    expect(rows.slice(1).map(([cell]) => cell)).toEqual(dangerous.map((cell) => `'${cell}`));
  });

  it('keeps negative numbers as numbers and empty cells empty', () => {
    expect(toCsv(['A', 'B', 'C'], [[-1.5, null, '']])).toBe('\uFEFFA,B,C\r\n-1.5,,\r\n');
  });

  it('keeps accented names and dashes intact', () => {
    const rows = parse(toCsv(['Student'], [['Zoë Müller – Ørsted']]));
    expect(rows[1]).toEqual(['Zoë Müller – Ørsted']);
  });
});
