/**
 * Marks that join the parts of one word or number: `U.S.`, `Moscow's`, `1,000`, with typographic
 * apostrophes and quotes read as a straight one. Removed outright, all in one pass.
 */
const JOINING_MARKS = /['‘’‛′`´.,]/g;
/** Every other punctuation mark or symbol separates words: `30-day`, `and/or`, `Kursk; Russia`. */
const SEPARATING_MARKS = /[\p{P}\p{S}]+/gu;
/** A number with an ordinal ending (`2nd`), a number, a run of letters, or anything else unspaced. */
const TOKEN = /\d+(?:st|nd|rd|th)(?!\p{L})|\d+|\p{L}+|[^\s\p{L}\d]+/gu;
const ARTICLES = new Set(['a', 'an', 'the']);
/** Any character beyond ASCII (any UTF-16 code unit above 0x7f). */
const NON_ASCII = /[\u0080-\uffff]/;

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
// Maps, not object literals: a typed word such as "constructor" must not find a property every
// object inherits.
const SCALES = new Map([
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
]);
const IRREGULAR_ORDINALS = new Map([
  ['first', 'one'],
  ['second', 'two'],
  ['third', 'three'],
  ['fifth', 'five'],
  ['eighth', 'eight'],
  ['ninth', 'nine'],
  ['twelfth', 'twelve'],
]);

type NumberWord =
  | { kind: 'small'; value: number }
  | { kind: 'tens'; value: number }
  | { kind: 'hundred' }
  | { kind: 'scale'; value: number };

/**
 * The lists above as lookups: every word of every typed answer is looked up, and searching the
 * lists one by one was a sixth of the time normalising took.
 */
const UNIT_VALUES = new Map(UNITS.map((word, value) => [word, value]));
const TENS_VALUES = new Map(TENS.map((word, index) => [word, (index + 2) * 10]));

function readCardinal(word: string): NumberWord | undefined {
  const unit = UNIT_VALUES.get(word);
  if (unit !== undefined) return { kind: 'small', value: unit };
  const tens = TENS_VALUES.get(word);
  if (tens !== undefined) return { kind: 'tens', value: tens };
  if (word === 'hundred') return { kind: 'hundred' };
  const scale = SCALES.get(word);
  return scale === undefined ? undefined : { kind: 'scale', value: scale };
}

/** A number word, and whether it is an ordinal (`second`, `twentieth`, `hundredth`). */
function readNumberWord(word: string): { number: NumberWord; ordinal: boolean } | undefined {
  const cardinal = readCardinal(word);
  if (cardinal) return { number: cardinal, ordinal: false };
  const irregular = IRREGULAR_ORDINALS.get(word);
  const stem =
    irregular ??
    (word.endsWith('ieth')
      ? `${word.slice(0, -4)}y`
      : word.endsWith('th')
        ? word.slice(0, -2)
        : '');
  const ordinal = stem === '' ? undefined : readCardinal(stem);
  return ordinal && !(ordinal.kind === 'small' && ordinal.value === 0)
    ? { number: ordinal, ordinal: true }
    : undefined;
}

function ordinalSuffix(value: string): string {
  const lastTwo = Number(value.slice(-2));
  if (lastTwo >= 11 && lastTwo <= 13) return 'th';
  return { '1': 'st', '2': 'nd', '3': 'rd' }[value.slice(-1)] ?? 'th';
}

/**
 * Reads the number words starting at `tokens[from]` (`two hundred and five`, `sixty three`,
 * `twenty first`) as one number. Words that do not continue a number (`two three`) end it.
 * Returns the number in digits (an ordinal as `21st`) and how many tokens it took.
 */
function readNumberWords(tokens: readonly string[], from: number): [string, number] | undefined {
  let total = 0;
  let current = 0;
  let last: NumberWord['kind'] | 'start' | 'and' = 'start';
  let taken = 0;
  let ordinal = false;
  for (let index = from; index < tokens.length && !ordinal; index += 1) {
    const token = tokens[index] ?? '';
    if (token === 'and' && (last === 'hundred' || last === 'scale')) {
      const next = readNumberWord(tokens[index + 1] ?? '');
      if (next?.number.kind !== 'small' && next?.number.kind !== 'tens') break;
      last = 'and';
      continue;
    }
    const word = readNumberWord(token);
    if (!word) break;
    const { number } = word;
    if (number.kind === 'small' || number.kind === 'tens') {
      const fits =
        last === 'start' ||
        last === 'hundred' ||
        last === 'scale' ||
        last === 'and' ||
        (last === 'tens' && number.kind === 'small' && number.value > 0 && number.value < 10);
      if (!fits || (number.value === 0 && last !== 'start')) break;
      current += number.value;
    } else if (number.kind === 'hundred') {
      if (last === 'hundred' || last === 'and' || current >= 100) break;
      current = (last === 'start' || last === 'scale' ? 1 : current) * 100;
    } else {
      if (last === 'and' || last === 'scale') break;
      total += (last === 'start' ? 1 : current) * number.value;
      current = 0;
    }
    last = number.kind;
    taken = index - from + 1;
    ordinal = word.ordinal;
  }
  if (taken === 0) return undefined;
  const value = String(total + current);
  return [ordinal ? `${value}${ordinalSuffix(value)}` : value, taken];
}

const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/;
const ROMAN_DIGITS: Record<string, number> = { i: 1, v: 5, x: 10 };

/** `ii` to `xxxix` as a number (`World War II`); single letters (`I`, `V`, `X`) are words. */
function readRoman(token: string): string | undefined {
  if (token.length < 2 || !ROMAN.test(token)) return undefined;
  let value = 0;
  [...token].forEach((letter, index) => {
    const digit = ROMAN_DIGITS[letter] ?? 0;
    const next = ROMAN_DIGITS[token[index + 1] ?? ''] ?? 0;
    value += digit < next ? -digit : digit;
  });
  return String(value);
}

/** Numbers written in words, digits with an ordinal ending, and Roman numerals, all as digits. */
function canonicaliseNumbers(tokens: readonly string[]): string[] {
  const canonical: string[] = [];
  for (let index = 0; index < tokens.length;) {
    const token = tokens[index] ?? '';
    const words = readNumberWords(tokens, index);
    if (words) {
      canonical.push(words[0]);
      index += words[1];
      continue;
    }
    const ordinal = /^0*(\d+?)(?:st|nd|rd|th)$/.exec(token)?.[1];
    canonical.push(
      ordinal === undefined ? (readRoman(token) ?? token) : `${ordinal}${ordinalSuffix(ordinal)}`,
    );
    index += 1;
  }
  return canonical;
}

/**
 * The words of a typed answer in the form answers are compared in (see `normaliseAnswer`). An
 * article is dropped wherever another word follows it, so "Plan A" keeps its "a".
 */
export function listAnswerWords(text: string): string[] {
  // Plain ASCII, as most typed answers are, has no accents to take off: decomposing it and
  // searching it for combining marks would change nothing, so both are skipped.
  const unaccented = NON_ASCII.test(text) ? text.normalize('NFKD').replace(/\p{M}/gu, '') : text;
  const tokens =
    unaccented
      .toLowerCase()
      .replace(JOINING_MARKS, '')
      .replace(SEPARATING_MARKS, ' ')
      .match(TOKEN) ?? [];
  const words = tokens.filter(
    (token, index) => !ARTICLES.has(token) || index === tokens.length - 1,
  );
  return canonicaliseNumbers(words);
}

/**
 * Reduces a typed answer to the form accepted answers are compared in: letters without accents,
 * lower case, straight quotes, word-joining marks (apostrophes, full stops, commas) dropped, other
 * punctuation read as a space, letters and digits split apart ("WW2" is "ww 2"), white space
 * collapsed, "the", "a" and "an" dropped before another word, and numbers read the same however
 * written: "two hundred" and "200", "twenty-first" and "21st", "second" and "2nd", "II" and "2".
 * So "The  U.S.", "the US" and "US" are the same answer, and "World War Two" is "World War II".
 */
export function normaliseAnswer(text: string): string {
  return listAnswerWords(text).join(' ');
}
