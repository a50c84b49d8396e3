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
