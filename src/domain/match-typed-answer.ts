import { listAnswerWords, normaliseAnswer } from './normalise-answer';

/**
 * Words a student may add to any typed answer without changing it: "it was North Korea",
 * "RIA Novosti is". Articles are dropped already by `normaliseAnswer`.
 */
export const HARMLESS_EXTRA_WORDS: ReadonlySet<string> = new Set([
  'it',
  'is',
  'was',
  'were',
  'are',
  'called',
  'named',
]);

/**
 * Words that never count as harmless extras, even when the evidence sentence has them: they turn
 * an answer round ("not RIA Novosti") or hedge between two ("North Korea or China").
 */
export const NEVER_EXTRA_WORDS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'nor',
  'neither',
  'none',
  'nothing',
  'without',
  'except',
  'or',
  'and',
  'but',
  'cannot',
  'cant',
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'wasnt',
  'werent',
  'arent',
  'wont',
  'wouldnt',
  'couldnt',
  'shouldnt',
  'hasnt',
  'havent',
  'hadnt',
]);

/** Where `part` first occurs as a run of `words` at or after `from`, or -1. */
function findRun(words: readonly string[], part: readonly string[], from: number): number {
  for (let start = from; start + part.length <= words.length; start += 1) {
    if (part.every((word, offset) => words[start + offset] === word)) return start;
  }
  return -1;
}

/**
 * Whether `given` is `accepted` with only allowed extra words around it: the accepted answer's
 * words appear together and in order, and every other word is in `allowed`.
 */
function isAcceptedWithExtras(
  given: readonly string[],
  accepted: readonly string[],
  allowed: ReadonlySet<string>,
): boolean {
  if (accepted.length === 0) return false;
  for (let start = findRun(given, accepted, 0); start !== -1;) {
    const extras = [...given.slice(0, start), ...given.slice(start + accepted.length)];
    if (extras.every((word) => allowed.has(word))) return true;
    start = findRun(given, accepted, start + 1);
  }
  return false;
}

/**
 * Finds the accepted answer a typed answer matches, by this rule (docs/scoring.md):
 *
 * 1. Both are normalised (`normaliseAnswer`): case, accents, punctuation, typographic quotes,
 *    hyphens, articles, and numbers in words, digits, ordinals or Roman numerals do not matter.
 *    Written without spaces they may also be equal ("cease-fire" and "ceasefire").
 * 2. Otherwise the answer may be an accepted answer (its words together, in order) plus extra
 *    words, each either in {@link HARMLESS_EXTRA_WORDS} or a word of the question's evidence
 *    sentences `evidenceText`, and none in {@link NEVER_EXTRA_WORDS}: "state agency RIA Novosti"
 *    when the sentence reads "according to state agency RIA Novosti". A word from anywhere else
 *    makes it wrong, and so does leaving out a word of the accepted answer.
 *
 * An exact match (step 1) wins over a match with extras, and of those the accepted answer with
 * the most words wins, so the review names the closest one. Returns undefined when none matches.
 */
export function matchTypedAnswer(
  acceptedAnswers: readonly string[],
  given: string,
  evidenceText: string,
): string | undefined {
  const givenWords = listAnswerWords(given);
  if (givenWords.length === 0) return undefined;
  const candidates = acceptedAnswers.map((answer) => ({
    answer,
    words: listAnswerWords(answer),
  }));
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
  let best: { answer: string; words: string[] } | undefined;
  for (const candidate of candidates) {
    if (best !== undefined && candidate.words.length <= best.words.length) continue;
    if (isAcceptedWithExtras(givenWords, candidate.words, allowed)) best = candidate;
  }
  return best?.answer;
}

/** Whether a typed answer reads the same as `accepted` once both are normalised. */
export function isSameAnswer(given: string, accepted: string): boolean {
  return normaliseAnswer(given) === normaliseAnswer(accepted);
}
