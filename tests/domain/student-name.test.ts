import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONFUSABLE_LETTERS,
  normaliseStudentName,
  parseStudentName,
  studentNameKey,
} from '../../src/domain/student-name';

/** The seven spellings of one name that got seven attempts where one was allowed (issue 10.5). */
const SEVEN_VARIANTS = [
  'Ann Lee',
  'A\u200Bnn Lee',
  'An\u00ADn Lee',
  '\u0410nn Lee',
  'Ann L\u0435\u0435',
  'Ann\u2060 Lee\u200D',
  '\u202BAnn Lee\u202C',
];

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

describe('normaliseStudentName', () => {
  it.each([
    ['  Ann   Lee\t', 'Ann Lee'],
    ['Ann\nLee', 'Ann Lee'],
    ['A\u200Bnn', 'Ann'],
    ['An\u00ADn', 'Ann'],
    ['\uFEFFAnn', 'Ann'],
    ['\u202Enimda', 'nimda'],
    ['\u2067Ann\u2069', 'Ann'],
    ['Ａｎｎ', 'Ann'],
    ['𝐀𝐧𝐧', 'Ann'],
    ['Ann\u3000Lee', 'Ann Lee'],
    ['Zoë', 'Zoë'],
    ['José Ñúñez', 'José Ñúñez'],
    ['Анна Ли', 'Анна Ли'],
    ['محمد', 'محمد'],
  ])('shows %j as %j', (typed, shown) => {
    expect(normaliseStudentName(typed)).toBe(shown);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (typed) => {
        const once = normaliseStudentName(typed);
        expect(normaliseStudentName(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('never keeps a bidirectional control, invisible character, or edge space', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 4 }),
            fc.constantFrom('\u202E', '\u202D', '\u2066', '\u200B', '\u00AD', '\u2060', ' '),
          ),
        ),
        (parts) => {
          const shown = normaliseStudentName(parts.join(''));
          expect(shown).not.toMatch(BIDI_CONTROLS);
          expect(shown).not.toMatch(/[\u200B-\u200D\u00AD\u2060\uFEFF]/u);
          expect(shown).toBe(shown.trim());
          expect(shown).not.toMatch(/\s{2}/u);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('studentNameKey', () => {
  it('gives the seven look-alike spellings of one name one key', () => {
    expect(new Set(SEVEN_VARIANTS.map(studentNameKey))).toEqual(new Set(['ann lee']));
  });

  it.each([
    ['ANN  lee', 'Ann Lee'],
    ['Ａｎｎ', 'ann'],
    ['STRASSE', 'Straße'],
    ['\u0421\u0410\u041C', 'CAM'], // Cyrillic capitals С А М
    ['\u0391\u039D\u039D', 'ANN'], // Greek capitals Α Ν Ν
    ['J\u043Ese', 'Jose'], // Cyrillic small o
    ['Jos\u0435\u0301', 'José'], // Cyrillic е with a combining acute
  ])('reads %j as the same student as %j', (one, other) => {
    expect(studentNameKey(one)).toBe(studentNameKey(other));
  });

  it.each([
    ['Ann Lee', 'Annie Lee'],
    ['Jose', 'José'],
    ['Arnold', 'Amold'],
    ['Ian', 'Lan'],
  ])('keeps %j and %j apart', (one, other) => {
    expect(studentNameKey(one)).not.toBe(studentNameKey(other));
  });

  it('maps every look-alike in its table to a Latin letter', () => {
    for (const [letter, latin] of Object.entries(CONFUSABLE_LETTERS)) {
      expect(latin, letter).toMatch(/^[A-Za-z]$/);
      expect(studentNameKey(letter), letter).toBe(latin.toLowerCase());
    }
  });

  it('is the same for a name and its shown form, and stable when applied again', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (typed) => {
        const key = studentNameKey(typed);
        expect(studentNameKey(normaliseStudentName(typed))).toBe(key);
        expect(studentNameKey(key)).toBe(key);
      }),
      { numRuns: 2000 },
    );
  });

  it('is the same whatever invisible characters are slipped into a name', () => {
    const invisible = fc.constantFrom('\u200B', '\u200C', '\u200D', '\u00AD', '\u2060', '\uFEFF');
    fc.assert(
      fc.property(
        fc.constantFrom(...SEVEN_VARIANTS),
        fc.array(fc.tuple(fc.nat(), invisible), { maxLength: 6 }),
        (name, insertions) => {
          let spoiled = name;
          for (const [at, character] of insertions) {
            const index = at % (spoiled.length + 1);
            spoiled = spoiled.slice(0, index) + character + spoiled.slice(index);
          }
          expect(studentNameKey(spoiled)).toBe('ann lee');
        },
      ),
    );
  });
});

describe('parseStudentName', () => {
  it('gives the shown name and its key', () => {
    expect(parseStudentName('  \u0410nn  Lee ')).toEqual({
      ok: true,
      name: '\u0410nn Lee',
      key: 'ann lee',
    });
  });

  it.each(['', '   ', '\u200B', '\u202E\u202C', '\u00AD\u2060 ', '\u2800', '...'])(
    'refuses %j, naming the field',
    (typed) => {
      const parsed = parseStudentName(typed);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problem).toMatch(/“Your name”/);
    },
  );

  it('refuses a name longer than 80 characters once normalised', () => {
    const parsed = parseStudentName('A'.repeat(81));
    expect(parsed).toEqual({
      ok: false,
      problem: expect.stringMatching(/81 characters/) as string,
    });
  });
});
