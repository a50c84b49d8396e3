import { normaliseQuotes } from './evidence';
import type { SentenceSpan } from './sentences';

/**
 * A teacher's fix to where the splitter cut a paragraph into sentences, kept in the article's
 * front matter (`sentenceCorrections`). It names the paragraph and the words on either side of
 * the boundary rather than a sentence number or an offset, so an edit that moves the text
 * elsewhere makes the correction stale (and reported) instead of silently landing somewhere else.
 */
export interface SentenceCorrection {
  /** The paragraph's id, `p4`. */
  paragraph: string;
  /** `merge` joins the sentence ending with `before` to the one starting with `after`; `split` cuts one sentence there. */
  action: 'merge' | 'split';
  /** The words just before the boundary, as the paragraph writes them. */
  before: string;
  /** The words just after it; only white space may come between the two. */
  after: string;
}

/** A correction that does not fit the text, by its place in the list. */
export interface SentenceCorrectionProblem {
  index: number;
  message: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The words as a pattern: any white space between them, straight and curly quotes alike. */
function wordsPattern(words: string): string {
  return normaliseQuotes(words.trim()).split(/\s+/).map(escapeRegExp).join('\\s+');
}

/** Where `before` ends and `after` starts in the text, at every place they meet (overlaps too). */
function findBoundaries(
  text: string,
  before: string,
  after: string,
): { end: number; start: number }[] {
  const pattern = new RegExp(`(${wordsPattern(before)})(\\s*)(?=${wordsPattern(after)})`, 'gu');
  const haystack = normaliseQuotes(text);
  const found: { end: number; start: number }[] = [];
  for (let match = pattern.exec(haystack); match; match = pattern.exec(haystack)) {
    const end = match.index + (match[1]?.length ?? 0);
    found.push({ end, start: end + (match[2]?.length ?? 0) });
    pattern.lastIndex = match.index + 1;
  }
  return found;
}

function span(text: string, start: number, end: number): SentenceSpan {
  const raw = text.slice(start, end);
  const leading = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  return { text: trimmed, start: start + leading, end: start + leading + trimmed.length };
}

function quoteBoundary(correction: SentenceCorrection): string {
  return `"${correction.before} | ${correction.after}"`;
}

/**
 * Applies a paragraph's corrections, in their order, to the splitter's sentences of its text.
 * A correction that no longer fits (its words are not in the paragraph, or appear twice, or the
 * sentences are already joined or cut there) changes nothing and is returned as a problem.
 */
export function applySentenceCorrections(
  text: string,
  sentences: readonly SentenceSpan[],
  corrections: readonly { index: number; correction: SentenceCorrection }[],
): { sentences: SentenceSpan[]; problems: SentenceCorrectionProblem[] } {
  let result = [...sentences];
  const problems: SentenceCorrectionProblem[] = [];
  for (const { index, correction } of corrections) {
    const problem = (message: string) => problems.push({ index, message });
    const found = findBoundaries(text, correction.before, correction.after);
    const [boundary, ...others] = found;
    if (!boundary) {
      problem(
        `The words ${quoteBoundary(correction)} are not in paragraph ${correction.paragraph}. The text has changed: make this correction again on the new text, or remove it.`,
      );
      continue;
    }
    if (others.length > 0) {
      problem(
        `The words ${quoteBoundary(correction)} appear ${found.length} times in paragraph ${correction.paragraph}. Add words to "before" or "after" so they name one place.`,
      );
      continue;
    }
    const ending = result.findIndex((sentence) => sentence.end === boundary.end);
    const next = result[ending + 1];
    const cutThere = ending !== -1 && next?.start === boundary.start;
    if (correction.action === 'merge') {
      const first = result[ending];
      if (!cutThere || !first || !next) {
        problem(
          `Paragraph ${correction.paragraph} is not split into two sentences at ${quoteBoundary(correction)}, so there is nothing to merge. Remove this correction.`,
        );
        continue;
      }
      result = result.toSpliced(ending, 2, span(text, first.start, next.end));
      continue;
    }
    const within = result.findIndex(
      (sentence) => sentence.start < boundary.end && boundary.start < sentence.end,
    );
    const sentence = result[within];
    if (cutThere || !sentence) {
      problem(
        `Paragraph ${correction.paragraph} already has a sentence break at ${quoteBoundary(correction)}. Remove this correction.`,
      );
      continue;
    }
    result = result.toSpliced(
      within,
      1,
      span(text, sentence.start, boundary.end),
      span(text, boundary.start, sentence.end),
    );
  }
  return { sentences: result, problems };
}

/** Words of `text` around a boundary, as few as name it once in the paragraph. */
function anchor(
  paragraph: { id: string; text: string },
  action: SentenceCorrection['action'],
  end: number,
  start: number,
): SentenceCorrection {
  const wordsBefore = paragraph.text.slice(0, end).trimEnd().split(/\s+/);
  const wordsAfter = paragraph.text.slice(start).trimStart().split(/\s+/);
  let correction: SentenceCorrection = { paragraph: paragraph.id, action, before: '', after: '' };
  for (let count = 1; count <= Math.max(wordsBefore.length, wordsAfter.length); count += 1) {
    correction = {
      ...correction,
      before: wordsBefore.slice(-count).join(' '),
      after: wordsAfter.slice(0, count).join(' '),
    };
    if (findBoundaries(paragraph.text, correction.before, correction.after).length === 1) break;
  }
  return correction;
}

/**
 * The correction that merges a sentence with the one after it, for an editor where the teacher
 * picks the wrong break. Undefined when the sentence is the paragraph's last.
 */
export function mergeCorrection(
  paragraph: { id: string; text: string; sentences: readonly SentenceSpan[] },
  sentenceIndex: number,
): SentenceCorrection | undefined {
  const first = paragraph.sentences[sentenceIndex];
  const next = paragraph.sentences[sentenceIndex + 1];
  if (!first || !next) return undefined;
  return anchor(paragraph, 'merge', first.end, next.start);
}

/**
 * The correction that starts a new sentence at `offset` of the paragraph's text (the first
 * character of its first word). Undefined when `offset` is not inside a sentence after its
 * first word.
 */
export function splitCorrection(
  paragraph: { id: string; text: string; sentences: readonly SentenceSpan[] },
  offset: number,
): SentenceCorrection | undefined {
  const sentence = paragraph.sentences.find(
    (candidate) => candidate.start < offset && offset < candidate.end,
  );
  if (!sentence) return undefined;
  const end = sentence.start + paragraph.text.slice(sentence.start, offset).trimEnd().length;
  const start =
    offset +
    (paragraph.text.slice(offset).length - paragraph.text.slice(offset).trimStart().length);
  if (end <= sentence.start || start >= sentence.end) return undefined;
  return anchor(paragraph, 'split', end, start);
}
