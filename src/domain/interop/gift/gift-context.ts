import { listSentences, type Article, type Sentence } from '../../article';
import { normaliseQuotes } from '../../evidence';
import type { EvidenceQuote } from '../../question-schema';
import type { AnswerType } from '../../question-types/question-type-module';
import type { ResolvedQuestion } from '../../resolved-bank';
import type { Scoring } from '../../scorers';
import type { GiftQuestion } from './gift-model';

/** What writing one question needs besides the item: the article, and where losses are told. */
export interface GiftWriteContext {
  article: Article;
  /** The whole question, whose evidence is the key of an evidence item. */
  question: ResolvedQuestion;
  /** Records something the GIFT question cannot keep (an export report line). */
  note(message: string): void;
}

/** What Readproof's own comment line keeps of an item that GIFT has no place for. */
export interface GiftItemMeta {
  type?: AnswerType;
  points?: number;
  scoring?: Scoring;
  unit?: string;
  /** A two-part question's parts, each with its own type, points and scoring. */
  partA?: GiftItemMeta;
  partB?: GiftItemMeta;
}

/** What reading one question needs: the chosen article, its own comment line, where to tell. */
export interface GiftReadContext {
  article: Article;
  meta: GiftItemMeta;
  note(message: string): void;
}

/** Thrown by a reader for a question it cannot turn into a Readproof question; reported as invalid. */
export class GiftReadError extends Error {}

/** Moodle's grades in per cent (its list of fractions): a weight Moodle takes as written. */
const MOODLE_GRADES = [
  100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
  12.5, 11.11111, 10, 5,
];

/** Whether Moodle lists `weight` (either sign) among its grades, to five decimals. */
export function isMoodleGrade(weight: number): boolean {
  const rounded = Math.round(Math.abs(weight) * 100000) / 100000;
  return MOODLE_GRADES.includes(rounded);
}

/** The stem with the blank of a missing-word question shown where the answers were. */
export function wholeStem(question: Pick<GiftQuestion, 'stem' | 'tail'>): string {
  return question.tail === undefined ? question.stem : `${question.stem} _____ ${question.tail}`;
}

/** The first line of a stem and the rest, or only `rest` when it is one line. */
export function splitStem(stem: string): { first?: string; rest: string } {
  const at = stem.indexOf('\n');
  return at === -1
    ? { rest: stem }
    : { first: stem.slice(0, at).trim(), rest: stem.slice(at + 1).trim() };
}

/** The n-th id of a list: a, b, ... z, then a2, b2, ... (slugs, as the bank format wants). */
export function letterId(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  const round = Math.floor(index / 26);
  return round === 0 ? letter : `${letter}${round + 1}`;
}

function comparable(text: string): string {
  return normaliseQuotes(text).replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Each article's sentences by comparable text, built once: an import looks up every choice. */
const sentencesByText = new WeakMap<Article, Map<string, Sentence>>();

/** The article's sentence with this text (compared without case, quote style or spacing). */
export function findSentenceByText(article: Article, text: string): Sentence | undefined {
  let sentences = sentencesByText.get(article);
  if (sentences === undefined) {
    sentences = new Map();
    for (const sentence of listSentences(article)) {
      const key = comparable(sentence.text);
      if (!sentences.has(key)) sentences.set(key, sentence);
    }
    sentencesByText.set(article, sentences);
  }
  return sentences.get(comparable(text));
}

/**
 * The evidence quotes for chosen sentences: each sentence's own text, which the bank's evidence
 * rules find again in the article.
 */
export function quotesOf(sentences: readonly Sentence[]): EvidenceQuote[] {
  return sentences.map((sentence) => sentence.text);
}
