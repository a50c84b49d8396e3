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

/** Whether every word of `words` from `from` up to (not including) `to` is in `allowed`. */
function areAllAllowed(
  words: readonly string[],
  from: number,
  to: number,
  allowed: ReadonlySet<string>,
): boolean {
  for (let index = from; index < to; index += 1) {
    if (!allowed.has(words[index] ?? '')) return false;
  }
  return true;
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
    // The words before and after the run, checked where they lie rather than copied out.
    if (
      areAllAllowed(given, 0, start, allowed) &&
      areAllAllowed(given, start + accepted.length, given.length, allowed)
    )
      return true;
    start = findRun(given, accepted, start + 1);
  }
  return false;
}

/** An accepted answer with its words, and those words joined with and without spaces. */
interface AcceptedForm {
  readonly answer: string;
  readonly words: readonly string[];
  readonly spaced: string;
  readonly unspaced: string;
}

/**
 * Each list of accepted answers in normalised form, keyed by the bank's own array: normalising
 * every accepted answer again for every response was a third of the time scoring took, and the
 * answers of a loaded bank do not change. Weak, so a reloaded bank's old lists can be collected.
 */
const acceptedFormsByList = new WeakMap<readonly string[], readonly AcceptedForm[]>();

function readAcceptedForms(acceptedAnswers: readonly string[]): readonly AcceptedForm[] {
  const cached = acceptedFormsByList.get(acceptedAnswers);
  // Checked against the list itself (a comparison per answer, no normalising), so a list changed
  // in place after it was cached is normalised afresh rather than matched against stale words.
  if (
    cached?.length === acceptedAnswers.length &&
    cached.every((form, index) => form.answer === acceptedAnswers[index])
  )
    return cached;
  const forms = acceptedAnswers.map((answer): AcceptedForm => {
    const words = listAnswerWords(answer);
    return { answer, words, spaced: words.join(' '), unspaced: words.join('') };
  });
  acceptedFormsByList.set(acceptedAnswers, forms);
  return forms;
}

/**
 * The allowed extra words for each evidence text, keyed by the text itself (a string cannot key
 * a WeakMap). Scoring passes the same few texts again and again, one per typed question of the
 * loaded banks; the limit only keeps a long-running server that reloads content from growing it
 * without end: past it, the cache starts afresh.
 */
const allowedWordsByEvidence = new Map<string, ReadonlySet<string>>();
const MAX_CACHED_EVIDENCE_TEXTS = 1000;

function readAllowedWords(evidenceText: string): ReadonlySet<string> {
  let allowed = allowedWordsByEvidence.get(evidenceText);
  if (allowed === undefined) {
    allowed = new Set(
      [...HARMLESS_EXTRA_WORDS, ...listAnswerWords(evidenceText)].filter(
        (word) => !NEVER_EXTRA_WORDS.has(word),
      ),
    );
    if (allowedWordsByEvidence.size >= MAX_CACHED_EVIDENCE_TEXTS) allowedWordsByEvidence.clear();
    allowedWordsByEvidence.set(evidenceText, allowed);
  }
  return allowed;
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
 *
 * Only `given` is normalised on every call: the accepted answers (per array) and the evidence
 * text's words (per text) are normalised once and kept, so pass the bank's own arrays.
 */
export function matchTypedAnswer(
  acceptedAnswers: readonly string[],
  given: string,
  evidenceText: string,
): string | undefined {
  const givenWords = listAnswerWords(given);
  if (givenWords.length === 0) return undefined;
  const candidates = readAcceptedForms(acceptedAnswers);
  const givenSpaced = givenWords.join(' ');
  const givenUnspaced = givenWords.join('');
  const exact = candidates.find(
    ({ words, spaced, unspaced }) =>
      words.length > 0 && (spaced === givenSpaced || unspaced === givenUnspaced),
  );
  if (exact) return exact.answer;

  const allowed = readAllowedWords(evidenceText);
  let best: AcceptedForm | undefined;
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
