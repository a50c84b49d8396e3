import { listWords, splitSentences } from './sentences';

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  /** 206.835 − 1.015 × words per sentence − 84.6 × syllables per word: higher is easier. */
  fleschReadingEase: number;
  /** 0.39 × words per sentence + 11.8 × syllables per word − 15.59: a US school grade. */
  fleschKincaidGrade: number;
}

const VOWEL_GROUP = /[aeiouy]+/g;

/**
 * Syllables of one word by the usual written-English rule of thumb, since a pronouncing
 * dictionary is too big to ship: every run of vowels (a, e, i, o, u, y) is a syllable, except
 * - a final "e" ("make", "creature"), unless it is the only vowel ("the") or follows a consonant
 *   and "l" ("table");
 * - the "e" of a final "ed" ("jumped"), unless it follows "t" or "d" ("wanted");
 * - the "e" of a final "es" ("makes"), unless it follows s, x, z, c, g or h ("boxes", "places").
 * A word of digits ("1937") is one syllable, as Flesch counts figures; a hyphenated compound is
 * the sum of its parts; every word has at least one.
 */
export function countSyllables(word: string): number {
  return word
    .split('-')
    .filter((part) => part !== '')
    .reduce((sum, part) => sum + syllablesOfPart(part.toLowerCase()), 0);
}

function syllablesOfPart(part: string): number {
  const letters = part.replace(/[^a-z]/g, '');
  if (letters === '') return 1;
  let count = letters.match(VOWEL_GROUP)?.length ?? 0;
  const silent =
    (/[^aeiouy]e$/.test(letters) && !/[^aeiouy]le$/.test(letters)) ||
    /[^aeiouytd]ed$/.test(letters) ||
    /[^aeiouysxzcgh]es$/.test(letters);
  if (silent && count > 1) count -= 1;
  return Math.max(1, count);
}

/**
 * The Flesch reading ease (Flesch 1948) and Flesch–Kincaid grade (Kincaid et al. 1975) of a
 * running text. Pass the text's paragraphs, not its headings (Flesch skips titles and headings);
 * each line is split into sentences on its own, with the article's own sentence splitter, and
 * words are counted as the article counts them. Scores are not rounded; a text with no words
 * scores 0 on both, rather than dividing by zero. It costs about 10 µs a word (the platform's
 * segmenters), so score a parsed article's paragraphs, which `parseArticle` keeps within bounds,
 * rather than raw input.
 */
export function readability(text: string): Readability {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return readabilityOfSentences(
    lines.flatMap((line) => splitSentences(line).map(({ text }) => text)),
  );
}

/**
 * The same scores for text already split into sentences: an article's, after its author's
 * corrections (a merged "Dr. | Smith" is one sentence here, as the reader shows it).
 */
export function readabilityOfSentences(sentenceTexts: readonly string[]): Readability {
  const words = sentenceTexts.flatMap((sentence) => listWords(sentence));
  const sentences = sentenceTexts.filter((sentence) => sentence.trim() !== '').length;
  const syllables = words.reduce((sum, word) => sum + countSyllables(word), 0);
  if (words.length === 0 || sentences === 0) {
    return { words: 0, sentences, syllables: 0, fleschReadingEase: 0, fleschKincaidGrade: 0 };
  }
  const wordsPerSentence = words.length / sentences;
  const syllablesPerWord = syllables / words.length;
  return {
    words: words.length,
    sentences,
    syllables,
    fleschReadingEase: 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord,
    fleschKincaidGrade: 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59,
  };
}
