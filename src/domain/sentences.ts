/**
 * Sentence splitting on top of the platform's Unicode segmenter (`Intl.Segmenter`, UAX #29).
 * UAX #29 breaks after every full stop followed by a space and a capital letter, so it splits
 * "U.S. President Donald Trump" and "J. R. Smith" in two. We merge those breaks back.
 */

/** Abbreviations that end in a full stop and are normally followed by a name or a noun. */
const ABBREVIATIONS = new Set(
  [
    'mr',
    'mrs',
    'ms',
    'dr',
    'prof',
    'st',
    'mt',
    'gen',
    'lt',
    'col',
    'maj',
    'capt',
    'sgt',
    'adm',
    'gov',
    'sen',
    'rep',
    'pres',
    'rev',
    'hon',
    'jr',
    'sr',
    'no',
    'vs',
    'etc',
    'approx',
    'jan',
    'feb',
    'mar',
    'apr',
    'jun',
    'jul',
    'aug',
    'sep',
    'sept',
    'oct',
    'nov',
    'dec',
  ].map((word) => `${word}.`),
);

/** "U.S.", "U.K.", "e.g.": letters each followed by a full stop. */
const DOTTED_ACRONYM = /(?:^|[\s(“"‘'])(?:\p{L}\.){2,}$/u;
/** A single capital initial, as in "J. R. Smith". */
const INITIAL = /(?:^|[\s(“"‘'])\p{Lu}\.$/u;
/** The last word of a segment, to look up in the abbreviation list. */
const LAST_WORD = /(?:^|[\s(“"‘'])(\S+)$/u;

export interface SentenceSpan {
  text: string;
  /** Offset of the first character in the text that was split. */
  start: number;
  /** Offset just past the last character (exclusive). */
  end: number;
}

function endsWithAbbreviation(segment: string): boolean {
  const trimmed = segment.trimEnd();
  if (DOTTED_ACRONYM.test(trimmed) || INITIAL.test(trimmed)) return true;
  const lastWord = LAST_WORD.exec(trimmed)?.[1];
  return lastWord !== undefined && ABBREVIATIONS.has(lastWord.toLowerCase());
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Splits a paragraph into sentences with their offsets. Leading and trailing white space of each
 * sentence is left out of its span, so `text.slice(start, end) === span.text`.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const merged: { start: number; end: number }[] = [];
  let previous: string | undefined;
  for (const { segment, index } of segmenter.segment(text)) {
    const last = merged.at(-1);
    if (last && previous !== undefined && endsWithAbbreviation(previous)) {
      last.end = index + segment.length;
    } else {
      merged.push({ start: index, end: index + segment.length });
    }
    previous = segment;
  }
  return merged.flatMap(({ start, end }) => {
    const raw = text.slice(start, end);
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') return [];
    return [{ text: trimmed, start: start + leading, end: start + leading + trimmed.length }];
  });
}

const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

/**
 * Counts words the way a reader would: numbers count, punctuation and dashes do not, and a
 * hyphenated compound ("long-range", "30-day") is one word, as word processors count it.
 */
export function countWords(text: string): number {
  let count = 0;
  let joinedByHyphen = false;
  let previous: Intl.SegmentData | undefined;
  for (const segment of wordSegmenter.segment(text)) {
    if (segment.isWordLike && !joinedByHyphen) count += 1;
    // UAX #29 splits at hyphens; a hyphen between two words with no space joins them.
    joinedByHyphen = segment.segment === '-' && previous?.isWordLike === true;
    previous = segment;
  }
  return count;
}
