import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PERSONAL_CODE_ALPHABET,
  PERSONAL_CODE_LENGTH,
  ROSTER_MAX_NAMES,
  createPersonalCode,
  formatPersonalCode,
  parseClassList,
  parsePersonalCode,
} from '../../src/domain/roster';

describe('parseClassList', () => {
  it('reads one name per line, skipping empty lines and cleaning each name', () => {
    expect(parseClassList('Ann  Lee\r\n\r\n  Bo\u200B Chen \n\n')).toEqual({
      ok: true,
      names: [
        { name: 'Ann Lee', key: 'ann lee' },
        { name: 'Bo Chen', key: 'bo chen' },
      ],
    });
  });

  it('names the line of every blank, duplicate (look-alikes included) and too-long name', () => {
    const parsed = parseClassList(`Ann Lee\n\u200B\u00AD\n\u0410nn Lee\n${'y'.repeat(81)}`);
    expect(parsed).toEqual({
      ok: false,
      problems: [
        { line: 2, message: 'Line 2 has no name: only spaces or invisible characters.' },
        {
          line: 3,
          message:
            'Line 3, “\u0410nn Lee”, is the same name as line 1: add an initial to tell them apart.',
        },
        { line: 4, message: 'Line 4 is 81 characters long: a name can have at most 80.' },
      ],
    });
  });

  it('refuses an empty list and one longer than a class', () => {
    expect(parseClassList('\n \n')).toEqual({
      ok: false,
      problems: [{ line: 1, message: 'The class list is empty: paste one name per line.' }],
    });
    const many = Array.from({ length: ROSTER_MAX_NAMES + 1 }, (_, index) => `Student ${index}`);
    const parsed = parseClassList(many.join('\n'));
    expect(parsed.ok).toBe(false);
  });
});

describe('personal codes', () => {
  it('are 8 characters of an alphabet of 31 without look-alikes', () => {
    expect(PERSONAL_CODE_ALPHABET).toHaveLength(31);
    expect(PERSONAL_CODE_ALPHABET).not.toMatch(/[01OIL]/);
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 30 }), { minLength: 8, maxLength: 8 }), (indexes) => {
        let next = 0;
        const code = createPersonalCode(() => indexes[next++] ?? 0);
        expect(code).toHaveLength(PERSONAL_CODE_LENGTH);
        expect(parsePersonalCode(formatPersonalCode(code).toLowerCase())).toBe(code);
      }),
    );
  });

  it('are read in any case, with spaces or a dash, and refused when they cannot be one', () => {
    expect(parsePersonalCode(' k7mp-q2xa ')).toBe('K7MPQ2XA');
    expect(parsePersonalCode('K7MP Q2XA')).toBe('K7MPQ2XA');
    expect(parsePersonalCode('K7MPQ2X')).toBeNull();
    expect(parsePersonalCode('K7MPQ2X0')).toBeNull();
  });
});
