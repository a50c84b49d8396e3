import { decodeEntities } from '../article-body';

/**
 * Reading the HTML that LMS formats keep in their texts (GIFT's `[html]`, Moodle XML's `html`
 * format, QTI's item bodies) as the plain text Readproof stores. The text is only ever shown as
 * text, never rendered, so what is left of a hostile tag is harmless characters.
 */

/** Elements that start a new line of text (for `br`, the tag itself; for the others, their end). */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'br',
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dd',
  'dt',
  ...[1, 2, 3, 4, 5, 6].map((level) => `h${level}`),
  'blockquote',
  'pre',
  'table',
  'tr',
  'td',
  'th',
]);

/** Elements whose content is never text a reader sees. */
export const HIDDEN_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'template',
  'head',
  'title',
  'math',
  'svg',
  'object',
  'audio',
  'video',
]);

const TAG_START = /^<(\/?)([a-z][a-z0-9-]*)/i;

/** Collapses runs of spaces and tabs, and of blank lines, the way a page would show them. */
export function tidyWhitespace(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The words an HTML fragment shows, as plain text: hidden elements and comments go with their
 * content, block ends become line breaks (a line break in the source is a space, as a browser
 * shows it), every other tag is dropped, and entities are decoded once, after the tags are gone
 * (so `&lt;b&gt;` stays the text `<b>`). A reference to no character is dropped. One pass with
 * `indexOf`, never a backtracking expression, so a 5 MB upload of unclosed `<!--` or `<script>`
 * takes linear time.
 */
export function htmlToText(html: string): string {
  const lower = html.toLowerCase();
  let text = '';
  // Source white space, line breaks included, is one space; only block ends break lines.
  const addText = (piece: string) => {
    text += piece.replace(/\s+/g, ' ');
  };
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open === -1) {
      addText(html.slice(at));
      break;
    }
    addText(html.slice(at, open));
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      at = end === -1 ? html.length : end + 3;
      continue;
    }
    const tag = TAG_START.exec(html.slice(open, open + 40));
    if (tag === null && !/^<[!?]/.test(html.slice(open, open + 2))) {
      // A "<" that opens no tag ("1 < 2") is text.
      text += '<';
      at = open + 1;
      continue;
    }
    const close = html.indexOf('>', open);
    if (close === -1) break;
    const name = tag?.[2]?.toLowerCase() ?? '';
    at = close + 1;
    if (tag?.[1] === '' && HIDDEN_ELEMENTS.has(name)) {
      const end = lower.indexOf(`</${name}`, at);
      const endClose = end === -1 ? -1 : html.indexOf('>', end);
      at = endClose === -1 ? html.length : endClose + 1;
    } else if (BLOCK_ELEMENTS.has(name) && (tag?.[1] === '/' || name === 'br')) {
      text += '\n';
    }
  }
  return tidyWhitespace(decodeEntities(text, ''));
}
