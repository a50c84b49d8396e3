/**
 * A student's identity in an assignment is the name they type, so two typings that look the same
 * must be the same student, and a name must show as what it is. Three tools, all pure:
 * `normaliseStudentName` (what is shown), `studentNameKey` (what counts attempts and matches extra
 * time and roster entries) and `parseStudentName` (both, or the reason the name is refused).
 */

import { FIELD_LIMITS } from './field-limits';

/** The most characters a student name keeps, after normalising. */
export const STUDENT_NAME_MAX_LENGTH = FIELD_LIMITS.studentName;

/**
 * Characters that show nothing, or that reorder what is shown: format characters (zero-width
 * space and joiners, soft hyphen, word joiner, byte-order mark, the bidirectional embeddings,
 * overrides and isolates, e.g. U+202E that shows "‮nimda" as "admin"), other control characters,
 * every default-ignorable code point (variation selectors, Hangul fillers, ...), and the Braille
 * blank, which looks like a space but is not one.
 */
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}\u2800]/gu;
// Not `\s`, which counts the invisible byte-order mark as a space.
const SPACES = /\p{White_Space}+/gu;
/** A name must keep at least one letter or digit once invisible characters are gone. */
const VISIBLE_LETTER = /[\p{L}\p{N}]/u;

function stripOnce(name: string): string {
  // Spaces first, so a tab or newline (control characters) separates words instead of joining them.
  return name.normalize('NFKC').replace(SPACES, ' ').replace(INVISIBLE, '').replace(SPACES, ' ');
}

/**
 * A name as it is shown to the teacher: NFKC (full-width and styled letters become plain ones),
 * without invisible or bidirectional control characters, runs of spaces made one, trimmed.
 * Idempotent.
 */
export function normaliseStudentName(name: string): string {
  let current = name;
  // Removing a character can let NFKC compose its neighbours anew, so repeat to a fixed point
  // (reached by the second pass in practice; the bound only guards against surprises).
  for (let pass = 0; pass < 4; pass += 1) {
    const next = stripOnce(current);
    if (next === current) break;
    current = next;
  }
  return current.trim();
}

/**
 * Letters of Cyrillic and Greek (and two Latin oddities) that are drawn like a Latin letter in
 * common fonts, mapped to that Latin letter: a small, documented subset of Unicode's confusables
 * table (UTS #39) for the scripts students in our schools type. Both cases are listed, because a
 * Cyrillic capital "В" looks like "B" while its small "в" does not look like "b". Same-script
 * look-alikes ("rn" and "m", "l" and "I") are left apart on purpose: real names differ by them.
 */
export const CONFUSABLE_LETTERS: Readonly<Record<string, string>> = {
  // Cyrillic capitals
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  Ү: 'Y',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Ԛ: 'Q',
  Ԝ: 'W',
  Ӏ: 'I',
  // Cyrillic small letters
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ү: 'y',
  // Greek capitals
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  // Greek small letters
  α: 'a',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  υ: 'u',
  χ: 'x',
  ϳ: 'j',
  // Latin: dotless i and script g
  ı: 'i',
  ɡ: 'g',
};

/** Case folding beyond `toLowerCase`: the letters whose folded form is not their small letter. */
const CASE_FOLDS: Readonly<Record<string, string>> = { ß: 'ss', ς: 'σ', ſ: 's' };

const mapLetters = (text: string, table: Readonly<Record<string, string>>): string =>
  Array.from(text, (letter) => table[letter] ?? letter).join('');

/**
 * The key that tells whether two typed names are the same student: the shown name, case-folded,
 * with look-alike letters of other scripts read as the Latin letter they imitate (on the
 * decomposed form, so an accent on a Cyrillic "е" still matches "é"). "Ann Lee", "ANN  lee",
 * "A\u200Bnn Lee" and "Аnn Lee" with a Cyrillic А all share their attempts and extra time.
 */
export function studentNameKey(name: string): string {
  const decomposed = normaliseStudentName(name).normalize('NFD');
  const folded = mapLetters(mapLetters(decomposed, CONFUSABLE_LETTERS).toLowerCase(), CASE_FOLDS);
  return mapLetters(folded, CONFUSABLE_LETTERS).normalize('NFC');
}

export type ParsedStudentName =
  { ok: true; name: string; key: string } | { ok: false; problem: string };

/**
 * A typed name ready to store, or why it cannot be used, worded for the student who typed it in
 * the field "Your name".
 */
export function parseStudentName(typed: string): ParsedStudentName {
  const name = normaliseStudentName(typed);
  if (!VISIBLE_LETTER.test(name)) {
    return {
      ok: false,
      problem:
        typed.trim() === ''
          ? 'Type your name in “Your name”, so your teacher knows whose answers these are.'
          : '“Your name” has no letters that can be shown: type your name as your teacher knows it.',
    };
  }
  if (name.length > STUDENT_NAME_MAX_LENGTH) {
    return {
      ok: false,
      problem: `“Your name” is ${name.length} characters long: shorten it to ${STUDENT_NAME_MAX_LENGTH} or fewer.`,
    };
  }
  return { ok: true, name, key: studentNameKey(name) };
}
