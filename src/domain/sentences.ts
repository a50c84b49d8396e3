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

/** The longest piece of text given to the segmenter at once (see `segmentSentences`). */
const SEGMENTER_WINDOW = 4000;

/**
 * The segmenter's sentences of a text, with their offsets. V8's segmenter takes time quadratic in
 * the length of the string it walks (8,000 sentences in one string: 0.2 s; 200,000: minutes), so a
 * long text is segmented a window at a time. A window's last sentence may run on past it, so it is
 * segmented again with the next window; so is any sentence whose break could depend on what comes
 * after the window (UAX #29 looks ahead past digits and punctuation for a lower-case letter), which
 * is the case only when nothing but digits, punctuation and spaces follows it in the window.
 */
export function* segmentSentences(text: string): Generator<{ segment: string; index: number }> {
  let from = 0;
  let window = SEGMENTER_WINDOW;
  while (from < text.length) {
    const end = Math.min(text.length, from + window);
    const pieces = [...segmenter.segment(text.slice(from, end))];
    if (end === text.length) {
      for (const { segment, index } of pieces) yield { segment, index: from + index };
      return;
    }
    let keep = pieces.length - 1;
    while (keep > 0 && !/[\p{L}.!?]/u.test(text.slice(from + (pieces[keep]?.index ?? 0), end))) {
      keep -= 1;
    }
    if (keep === 0) {
      // One sentence fills the window: widen it until the sentence ends.
      window *= 2;
      continue;
    }
    for (const { segment, index } of pieces.slice(0, keep)) yield { segment, index: from + index };
    from += pieces[keep]?.index ?? 0;
    window = SEGMENTER_WINDOW;
  }
}

/**
 * Splits a paragraph into sentences with their offsets. Leading and trailing white space of each
 * sentence is left out of its span, so `text.slice(start, end) === span.text`.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const merged: { start: number; end: number }[] = [];
  let previous: string | undefined;
  for (const { segment, index } of segmentSentences(text)) {
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

/** Pieces of about this many characters, cut at white space, go to the word segmenter at once. */
const WORD_CHUNK = 200;
const WHITE_SPACE = /\s/g;

/**
 * The words of a text the way a reader counts them: numbers count, punctuation and dashes do not,
 * and a hyphenated compound ("long-range", "30-day") is one word, as word processors count it.
 */
export function listWords(text: string): string[] {
  const words: string[] = [];
  // No word spans white space, so the text is segmented in pieces cut at white space: V8's
  // segmenter takes time quadratic in the length of the string it walks (20,000 words in one
  // string took 4.6 s), and one call per word would cost more than the words.
  for (let from = 0; from < text.length;) {
    WHITE_SPACE.lastIndex = from + WORD_CHUNK;
    const to = WHITE_SPACE.exec(text)?.index ?? text.length;
    let joinedByHyphen = false;
    let previous: Intl.SegmentData | undefined;
    for (const segment of wordSegmenter.segment(text.slice(from, to))) {
      if (segment.isWordLike) {
        if (joinedByHyphen && words.length > 0) words[words.length - 1] += `-${segment.segment}`;
        else words.push(segment.segment);
      }
      // UAX #29 splits at hyphens; a hyphen between two words with no space joins them.
      joinedByHyphen = segment.segment === '-' && previous?.isWordLike === true;
      previous = segment;
    }
    from = to;
  }
  return words;
}

/** How many words `listWords` finds. */
export function countWords(text: string): number {
  return listWords(text).length;
}
