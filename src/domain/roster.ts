/**
 * An assignment's class list: the names a teacher pastes, and each student's personal code, which
 * lets only that student join as themselves (and reopen their attempt on another device).
 */
import { STUDENT_NAME_MAX_LENGTH, normaliseStudentName, studentNameKey } from './student-name';
import { createCode, parseCode } from './typed-code';

/** More than any class; a bound so a pasted file cannot make a huge list. */
export const ROSTER_MAX_NAMES = 300;

/**
 * Personal-code letters: the join code's 31, without "0/O", "1/I/L" look-alikes. Eight of them are
 * 31^8 ≈ 8.5 × 10^11 codes (39 bits): with the per-address limit on wrong codes, guessing a
 * classmate's code would take longer than a school has existed.
 */
export const PERSONAL_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PERSONAL_CODE_LENGTH = 8;

export interface ClassListProblem {
  /** 1-based, as the teacher counts the lines they pasted. */
  line: number;
  message: string;
}

export type ParsedClassList =
  | { ok: true; names: { name: string; key: string }[] }
  | { ok: false; problems: ClassListProblem[] };

/**
 * Reads a pasted class list, one name per line. Empty lines are skipped; a line whose characters
 * are all invisible, a name too long, and a name that is the same student as an earlier line
 * (same key) are reported with their line numbers.
 */
export function parseClassList(text: string): ParsedClassList {
  const names: { name: string; key: string }[] = [];
  const problems: ClassListProblem[] = [];
  const firstLineOf = new Map<string, number>();
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const name = normaliseStudentName(raw);
    if (!/[\p{L}\p{N}]/u.test(name)) {
      problems.push({
        line,
        message: `Line ${line} has no name: only spaces or invisible characters.`,
      });
      return;
    }
    if (name.length > STUDENT_NAME_MAX_LENGTH) {
      problems.push({
        line,
        message: `Line ${line} is ${name.length} characters long: a name can have at most ${STUDENT_NAME_MAX_LENGTH}.`,
      });
      return;
    }
    const key = studentNameKey(name);
    const earlier = firstLineOf.get(key);
    if (earlier !== undefined) {
      problems.push({
        line,
        message: `Line ${line}, “${name}”, is the same name as line ${earlier}: add an initial to tell them apart.`,
      });
      return;
    }
    firstLineOf.set(key, line);
    names.push({ name, key });
  });
  if (problems.length === 0 && names.length === 0) {
    problems.push({ line: 1, message: 'The class list is empty: paste one name per line.' });
  }
  if (names.length > ROSTER_MAX_NAMES) {
    problems.push({
      line: ROSTER_MAX_NAMES + 1,
      message: `The list has ${names.length} names: a class list can have at most ${ROSTER_MAX_NAMES}.`,
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, names };
}

const PERSONAL_CODE = { alphabet: PERSONAL_CODE_ALPHABET, length: PERSONAL_CODE_LENGTH };

/** A new personal code from uniform random integers in [0, n) (`crypto.randomInt` on the server). */
export function createPersonalCode(randomIndex: (exclusiveMax: number) => number): string {
  return createCode(PERSONAL_CODE, randomIndex);
}

/** A code as a student types it (any case, spaces or dashes); null when it cannot be one. */
export function parsePersonalCode(input: string): string | null {
  return parseCode(input, PERSONAL_CODE);
}

/** A code as it is printed and read aloud: two groups of four, "ABCD-EFGH". */
export function formatPersonalCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
