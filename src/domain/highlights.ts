import { findSentence, type Article } from './article';

/**
 * A student's highlights and notes on an attempt's article: what they are, their limits, and the
 * one check both the server and the quiz apply. Plain TypeScript (no zod), so the quiz can import
 * it without carrying a schema library.
 */

/** The colours a highlight can take; always shown with their name, never by colour alone. */
export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];

/** The names the pages show for each colour. */
export const HIGHLIGHT_COLOUR_NAMES: Record<HighlightColour, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
};

export const HIGHLIGHT_LIMITS = {
  /** Characters in one note. */
  noteLength: 500,
  /** Highlights on one attempt. */
  perAttempt: 200,
  /** Characters in a highlight key (`p12.s3_120-245`). */
  keyLength: 64,
} as const;

/** Part of a sentence's text: offsets in the sentence's own text, `end` exclusive. */
export interface HighlightSpan {
  start: number;
  end: number;
}

/** Where a highlight is: a whole sentence (`span` null) or a span within it. */
export interface HighlightPlace {
  sentenceId: string;
  span: HighlightSpan | null;
}

/** What a student chose for a highlight. */
export interface HighlightMark {
  colour: HighlightColour;
  /** Null or absent: no note. */
  note: string | null;
}

/** A highlight as it is stored and shown: its key, place, colour and note. */
export interface Highlight extends HighlightPlace, HighlightMark {
  key: string;
}

const KEY_PATTERN = /^(p\d{1,4}\.s\d{1,4})(?:_(\d{1,6})-(\d{1,6}))?$/;

/**
 * The key of a highlight's place, unique per attempt: the sentence id (`p7.s2`), followed by
 * `_start-end` for a span (`p7.s2_10-25`). A new colour or note for the same place replaces it.
 */
export function highlightKeyOf({ sentenceId, span }: HighlightPlace): string {
  return span === null ? sentenceId : `${sentenceId}_${span.start}-${span.end}`;
}

/** The place a key names, or undefined when it is not a key. */
export function parseHighlightKey(key: string): HighlightPlace | undefined {
  if (key.length > HIGHLIGHT_LIMITS.keyLength) return undefined;
  const match = KEY_PATTERN.exec(key);
  if (!match?.[1]) return undefined;
  const [, sentenceId, start, end] = match;
  return {
    sentenceId,
    span:
      start === undefined || end === undefined ? null : { start: Number(start), end: Number(end) },
  };
}

export function isHighlightColour(value: unknown): value is HighlightColour {
  return typeof value === 'string' && (HIGHLIGHT_COLOURS as readonly string[]).includes(value);
}

export type HighlightCheck =
  | { ok: true; highlight: Highlight }
  | { ok: false; field: 'key' | 'colour' | 'note'; message: string };

/**
 * Checks a highlight against the attempt's article: its key names a sentence of the article and,
 * for a span, a non-empty part of that sentence's text; its colour is one of
 * `HIGHLIGHT_COLOURS`; its note, if any, is at most `HIGHLIGHT_LIMITS.noteLength` characters
 * (counted as the browser's `maxLength` counts them, in UTF-16 units). A note of only spaces is
 * no note. Messages are written for the student.
 */
export function checkHighlight(
  key: string,
  mark: { colour: unknown; note?: unknown },
  article: Article,
): HighlightCheck {
  const place = parseHighlightKey(key);
  const sentence = place && findSentence(article, place.sentenceId);
  if (!place || !sentence) {
    return {
      ok: false,
      field: 'key',
      message: 'This highlight is not on a sentence of the article.',
    };
  }
  if (
    place.span !== null &&
    (place.span.start >= place.span.end || place.span.end > sentence.text.length)
  ) {
    return {
      ok: false,
      field: 'key',
      message: 'This highlight does not fit inside its sentence.',
    };
  }
  if (!isHighlightColour(mark.colour)) {
    return {
      ok: false,
      field: 'colour',
      message: `Choose a highlight colour: ${HIGHLIGHT_COLOURS.join(', ')}.`,
    };
  }
  const note = mark.note ?? null;
  if (note !== null && typeof note !== 'string') {
    return { ok: false, field: 'note', message: 'A note is text.' };
  }
  if (note !== null && note.length > HIGHLIGHT_LIMITS.noteLength) {
    return {
      ok: false,
      field: 'note',
      message: `Keep a note to ${HIGHLIGHT_LIMITS.noteLength} characters or fewer (this one has ${note.length}).`,
    };
  }
  return {
    ok: true,
    highlight: {
      key,
      ...place,
      colour: mark.colour,
      note: note === null || note.trim() === '' ? null : note,
    },
  };
}

/** Highlights in reading order: by paragraph, sentence, then where the span starts. */
export function sortHighlights<T extends HighlightPlace>(highlights: readonly T[]): T[] {
  const order = (place: HighlightPlace) => {
    const [paragraph = 0, sentence = 0] = place.sentenceId
      .split('.')
      .map((part) => Number(part.slice(1)));
    return [paragraph, sentence, place.span?.start ?? -1] as const;
  };
  return [...highlights].sort((a, b) => {
    const [pa, sa, ta] = order(a);
    const [pb, sb, tb] = order(b);
    return pa - pb || sa - sb || ta - tb;
  });
}

/** What a student selected in a sentence, read as offsets in the sentence's text. */
export interface SelectedText {
  sentenceId: string;
  start: number;
  /** Exclusive; past the sentence's end when the selection ran on into the next sentence. */
  end: number;
}

const WORD_CHARACTER = /[\p{L}\p{N}'’-]/u;

/**
 * The place a selection in a sentence highlights: clamped to the sentence (a highlight never
 * crosses into the next one), widened to whole words (a touch selection rarely lands on a word's
 * edge), trimmed of spaces; the whole sentence (`span` null) when it covers all of its words, and
 * undefined when nothing but spaces or punctuation is left.
 */
export function placeOfSelection(
  text: string,
  { sentenceId, start, end }: SelectedText,
): HighlightPlace | undefined {
  let from = Math.max(0, Math.min(start, end, text.length));
  let to = Math.min(text.length, Math.max(start, end));
  if (from >= to) return undefined;
  while (
    from > 0 &&
    WORD_CHARACTER.test(text[from - 1] ?? '') &&
    WORD_CHARACTER.test(text[from] ?? '')
  ) {
    from -= 1;
  }
  while (
    to < text.length &&
    WORD_CHARACTER.test(text[to - 1] ?? '') &&
    WORD_CHARACTER.test(text[to] ?? '')
  ) {
    to += 1;
  }
  while (from < to && /\s/u.test(text[from] ?? '')) from += 1;
  while (to > from && /\s/u.test(text[to - 1] ?? '')) to -= 1;
  if (!/[\p{L}\p{N}]/u.test(text.slice(from, to))) return undefined;
  const words = text.trim();
  const lead = text.length - text.trimStart().length;
  const covered = from <= lead && to >= lead + words.length;
  return { sentenceId, span: covered ? null : { start: from, end: to } };
}

/**
 * Whether two places share any of a sentence's text: a whole sentence shares all of it, spans
 * share when they overlap. The article shows one mark per piece of text, so a student's
 * highlights on a sentence never overlap.
 */
export function placesOverlap(a: HighlightPlace, b: HighlightPlace): boolean {
  if (a.sentenceId !== b.sentenceId) return false;
  if (a.span === null || b.span === null) return true;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}

/**
 * A short fingerprint of the article's sentences (ids and text), so highlights kept on a device
 * for an article are used only on the version they were made on: a span's offsets are only
 * valid in the text they were taken from. FNV-1a, 32 bits, in base 36.
 */
export function fingerprintArticle(article: Article): string {
  let hash = 0x811c9dc5;
  for (const paragraph of article.paragraphs) {
    for (const sentence of paragraph.sentences) {
      for (const character of `${sentence.id}\u0000${sentence.text}\u0000`) {
        hash ^= character.codePointAt(0) ?? 0;
        hash = Math.imul(hash, 0x01000193) >>> 0;
      }
    }
  }
  return hash.toString(36);
}
