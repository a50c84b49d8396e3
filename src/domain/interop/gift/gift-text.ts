import { htmlToText, tidyWhitespace } from '../html-text';

/**
 * GIFT's text rules: which characters are escaped, how numbers are written, and how the
 * `[html]` and `[markdown]` formats are read back to the plain text Readproof stores.
 */

/** The characters that mean something in GIFT, each escaped with a backslash. */
const SPECIAL = /[\\~=#{}:]/g;

/**
 * Escapes a text for any place in a GIFT question. A line break becomes `\n`, since a blank line
 * ends a question and a line break inside a text field would otherwise be lost.
 */
export function escapeGift(text: string): string {
  return text.replace(SPECIAL, (char) => `\\${char}`).replace(/\r?\n/g, '\\n');
}

/** Reads GIFT's escapes back: `\~` is `~`, `\n` a line break; any other backslash stays. */
export function unescapeGift(text: string): string {
  return text.replace(/\\([\\~=#{}:n])/g, (_match, char: string) => (char === 'n' ? '\n' : char));
}

/**
 * A number as GIFT's numerical answers accept it: digits with an optional sign and decimal point,
 * never an exponent (`1e21` is not a GIFT number, and Moodle would read `1` of it).
 */
export function formatGiftNumber(value: number): string {
  const plain = String(value);
  if (!/e/i.test(plain)) return plain;
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** The formats GIFT names in brackets before a text. */
export const GIFT_FORMATS = ['moodle', 'html', 'plain', 'markdown'] as const;
export type GiftFormat = (typeof GIFT_FORMATS)[number];

/**
 * The words a Markdown text shows: emphasis marks, heading and list marks and link targets removed
 * (a link keeps its words). HTML inside it is reduced as `htmlToText` does. Each expression stops
 * at the next bracket or space, so none backtracks over a long line.
 */
export function markdownToText(markdown: string): string {
  const text = markdown
    .replace(/!?\[([^[\]\n]*)\]\(([^()\n]*)\)/g, '$1')
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '')
    .replace(/^[ \t]{0,3}[-*+][ \t]+/gm, '')
    // Emphasis marks: a run of * or _ at the start or end of a word.
    .replace(/(^|[\s(])[*_]+(?=\S)/gm, '$1')
    .replace(/(?<=\S)[*_]+(?=$|[\s).,;:!?])/gm, '')
    .replace(/`/g, '');
  // A line break in Markdown is one, where in HTML it would be a space.
  return htmlToText(text.replace(/\r?\n/g, '<br>'));
}

/** A GIFT text in `format`, as plain text. `[moodle]` and `[plain]` texts are kept as written. */
export function readFormattedText(text: string, format: GiftFormat): string {
  switch (format) {
    case 'html':
      return htmlToText(text);
    case 'markdown':
      return markdownToText(text);
    case 'moodle':
    case 'plain':
      return tidyWhitespace(text);
  }
}
