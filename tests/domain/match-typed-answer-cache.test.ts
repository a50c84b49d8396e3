import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HARMLESS_EXTRA_WORDS,
  matchTypedAnswer,
  NEVER_EXTRA_WORDS,
} from '../../src/domain/match-typed-answer';
import { listAnswerWords } from '../../src/domain/normalise-answer';

/**
 * The matching rule as it was written before the matcher kept its normalised accepted answers and
 * evidence words (docs/scoring.md): everything normalised afresh on every call. The cached matcher
 * must agree with it on every input, whatever was matched before.
 */
function matchUncached(
  acceptedAnswers: readonly string[],
  given: string,
  evidenceText: string,
): string | undefined {
  const givenWords = listAnswerWords(given);
  if (givenWords.length === 0) return undefined;
  const candidates = acceptedAnswers.map((answer) => ({ answer, words: listAnswerWords(answer) }));
  const exact = candidates.find(
    ({ words }) =>
      words.length > 0 &&
      (words.join(' ') === givenWords.join(' ') || words.join('') === givenWords.join('')),
  );
  if (exact) return exact.answer;
  const allowed = new Set(
    [...HARMLESS_EXTRA_WORDS, ...listAnswerWords(evidenceText)].filter(
      (word) => !NEVER_EXTRA_WORDS.has(word),
    ),
  );
  const findRun = (words: string[], part: string[], from: number): number => {
    for (let start = from; start + part.length <= words.length; start += 1) {
      if (part.every((word, offset) => words[start + offset] === word)) return start;
    }
    return -1;
  };
  const withExtras = (accepted: string[]): boolean => {
    if (accepted.length === 0) return false;
    for (let start = findRun(givenWords, accepted, 0); start !== -1;) {
      const extras = [...givenWords.slice(0, start), ...givenWords.slice(start + accepted.length)];
      if (extras.every((word) => allowed.has(word))) return true;
      start = findRun(givenWords, accepted, start + 1);
    }
    return false;
  };
  let best: { answer: string; words: string[] } | undefined;
  for (const candidate of candidates) {
    if (best !== undefined && candidate.words.length <= best.words.length) continue;
    if (withExtras(candidate.words)) best = candidate;
  }
  return best?.answer;
}

/**
 * A few lists and evidence texts, each the same object every run, so most runs read what earlier
 * runs cached: the point is that a cache hit answers exactly as a fresh normalisation would.
 */
const ACCEPTED_LISTS: readonly (readonly string[])[] = [
  ['RIA Novosti', 'RIA Novosti news agency'],
  ['North Korean', 'North Korea'],
  ['Second World War', 'WW2', 'World War Two'],
  ['200', 'two hundred vessels'],
  ['cease-fire'],
  ['RIA', 'agency RIA'],
  ['Kyïv', 'the Kyiv region'],
  [],
];
const EVIDENCE_TEXTS = [
  'according to state agency RIA Novosti.',
  'North Korean soldiers, not Chinese ones, fought in the Kursk region',
  'about two hundred vessels of the shadow fleet',
  '',
  'Kremlin-affiliated outlets said it was the 2nd World War all over again',
];
const WORDS = [
  ...ACCEPTED_LISTS.flat().flatMap((answer) => answer.split(' ')),
  ...EVIDENCE_TEXTS.flatMap((text) => text.split(' ')),
  ...HARMLESS_EXTRA_WORDS,
  ...['not', 'or', 'and', 'television', 'II', 'twenty-first', 'the', 'a', '-', '“', '!'],
].filter((word) => word !== '');

const givenArbitrary = fc.oneof(
  fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((words) => words.join(' ')),
  fc
    .tuple(fc.constantFrom(...ACCEPTED_LISTS.flat()), fc.constantFrom(...WORDS), fc.boolean())
    .map(([answer, word, before]) => (before ? `${word} ${answer}` : `${answer} ${word}`)),
  fc.string({ maxLength: 20 }),
);

describe('matchTypedAnswer with its caches', () => {
  it('agrees with matching everything afresh, whatever was matched before', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACCEPTED_LISTS),
        givenArbitrary,
        fc.constantFrom(...EVIDENCE_TEXTS),
        (accepted, given, evidence) => {
          expect(matchTypedAnswer(accepted, given, evidence)).toBe(
            matchUncached(accepted, given, evidence),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('agrees on lists and texts it has never seen', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }),
        fc.string({ unit: 'grapheme', maxLength: 24 }),
        fc.string({ maxLength: 40 }),
        (accepted, given, evidence) => {
          expect(matchTypedAnswer(accepted, given, evidence)).toBe(
            matchUncached(accepted, given, evidence),
          );
        },
      ),
    );
  });

  it('matches a list changed in place by its new answers, not the ones it cached', () => {
    const accepted = ['RIA Novosti'];
    expect(matchTypedAnswer(accepted, 'RIA Novosti', '')).toBe('RIA Novosti');
    accepted[0] = 'TASS';
    expect(matchTypedAnswer(accepted, 'RIA Novosti', '')).toBeUndefined();
    expect(matchTypedAnswer(accepted, 'tass', '')).toBe('TASS');
    accepted.push('Interfax');
    expect(matchTypedAnswer(accepted, 'Interfax', '')).toBe('Interfax');
  });

  it('still matches by each evidence text once more texts were seen than it keeps', () => {
    for (let index = 0; index < 1100; index += 1) {
      expect(matchTypedAnswer(['Novosti'], `word${index} Novosti`, `word${index}`)).toBe('Novosti');
    }
    expect(matchTypedAnswer(['Novosti'], 'word0 Novosti', 'word1')).toBeUndefined();
    expect(matchTypedAnswer(['Novosti'], 'word0 Novosti', 'word0')).toBe('Novosti');
  });
});

describe('listAnswerWords on plain ASCII', () => {
  it('skips only steps that would change nothing: ASCII has no accents to take off', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 40 }), (text) => {
        expect(text.normalize('NFKD').replace(/\p{M}/gu, '')).toBe(text);
      }),
    );
  });
});
