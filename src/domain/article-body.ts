/**
 * Reduces what a teacher pastes or uploads to an article body: plain paragraphs separated by blank
 * lines and `## ` headings, the only structure `parseArticle` reads. Never HTML: markup becomes
 * its text, so nothing a paste carries is ever rendered.
 */

/** Blocks of a body: a heading or a paragraph, each on one line. */
interface Block {
  heading: boolean;
  text: string;
}

function joinBlocks(blocks: readonly Block[]): string {
  return blocks
    .map(({ heading, text }) => ({ heading, text: text.replace(/\s+/g, ' ').trim() }))
    .filter(({ text }) => text !== '')
    .map(({ heading, text }) => (heading ? `## ${text}` : text))
    .join('\n\n');
}

/**
 * Inline Markdown reduced to its text: links and images to their words, emphasis and code marks
 * dropped. No pattern's content may hold its own opening character, so each scan stops at the
 * next one and a hostile line ("**a " a hundred thousand times) takes linear time, not quadratic.
 */
function reduceInlineMarkdown(line: string): string {
  return line
    .replace(/!?\[([^[\]]{0,1000})\]\([^()\s]{0,2000}\)/g, '$1')
    .replace(/\[([^[\]]{0,1000})\]\[[^[\]]{0,1000}\]/g, '$1')
    .replace(/<(https?:\/\/[^<>\s]{1,2000})>/g, '$1')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/\*\*(?=[^*\s])([^*]*?[^*\s])\*\*/g, '$1')
    .replace(/__(?=[^_\s])([^_]*?[^_\s])__/g, '$1')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/~~(?=[^~\s])([^~]*?[^~\s])~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1');
}

/** An ATX heading's text ("## Text ##"), or undefined when the line is not one. */
function headingText(line: string): string | undefined {
  const marks = /^#{1,6}(?:\s|$)/.exec(line);
  if (!marks) return undefined;
  const text = line.slice(marks[0].length).trim();
  // A closing run of "#" after a space is not part of the heading (scanned, not matched with a
  // regex, which would backtrack through a long run of spaces or hashes).
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end -= 1;
  return end === 0 || /\s/.test(text[end - 1] ?? '') ? text.slice(0, end).trim() : text;
}

const LIST_MARKER = /^(?:[-*+•‣◦▪–]|\d{1,9}[.)])\s+/;
/** Thematic breaks, and the underlines of Setext headings, whose text stays a paragraph. */
const RULE = /^(?:[-*_=]\s*){3,}$/;
const FENCE = /^(?:```|~~~)/;

/**
 * Plain text or Markdown to a body. When the text has a blank line anywhere, blank lines separate
 * paragraphs and the lines of one paragraph are joined (hard-wrapped text, Markdown); otherwise
 * every non-empty line is a paragraph (text copied from a web page or a word processor, which
 * puts one paragraph per line). Headings of any level become `## `; list items become paragraphs
 * without their markers; quotes, rules and code fences lose their marks; inline emphasis, code
 * and links are reduced to their text.
 */
export function articleBodyFromText(text: string): string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n|\u2028|\u2029/);
  const byBlankLines = lines.some(
    (line, index) => line.trim() === '' && index > 0 && index < lines.length - 1,
  );
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ heading: false, text: paragraph.join(' ') });
    paragraph = [];
  };
  for (const rawLine of lines) {
    const line = rawLine.trim().replace(/^(?:>\s?)+/, '');
    if (line === '' || RULE.test(line) || FENCE.test(line)) {
      endParagraph();
      continue;
    }
    const heading = headingText(line);
    if (heading !== undefined) {
      endParagraph();
      blocks.push({ heading: true, text: reduceInlineMarkdown(heading) });
      continue;
    }
    const item = LIST_MARKER.test(line);
    if (item || !byBlankLines) endParagraph();
    paragraph.push(reduceInlineMarkdown(line.replace(LIST_MARKER, '')));
    if (!byBlankLines) endParagraph();
  }
  endParagraph();
  return joinBlocks(blocks);
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  shy: '',
  zwsp: '',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  deg: '°',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  cent: '¢',
  yen: '¥',
  sect: '§',
  para: '¶',
  times: '×',
  divide: '÷',
  minus: '−',
  plusmn: '±',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  prime: '′',
  Prime: '″',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  euml: 'ë',
  aacute: 'á',
  agrave: 'à',
  acirc: 'â',
  auml: 'ä',
  aring: 'å',
  ccedil: 'ç',
  iacute: 'í',
  iuml: 'ï',
  ntilde: 'ñ',
  oacute: 'ó',
  ocirc: 'ô',
  ouml: 'ö',
  oslash: 'ø',
  uacute: 'ú',
  uuml: 'ü',
  szlig: 'ß',
  Eacute: 'É',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
};

/**
 * Decodes character references once (`&amp;lt;` is the text `&lt;`). Unknown names stay as they
 * are; numeric references to nothing a text can hold (NUL, surrogates, beyond U+10FFFF) become
 * `invalid`: U+FFFD by default, as browsers do. Shared with the LMS formats' HTML reader.
 */
export function decodeEntities(text: string, invalid = '\uFFFD'): string {
  return text.replace(
    /&(?:#(\d{1,8})|#[xX]([\da-fA-F]{1,7})|([A-Za-z][A-Za-z\d]{1,31}));?/g,
    (whole, decimal?: string, hex?: string, name?: string) => {
      if (name !== undefined) return NAMED_ENTITIES[name] ?? whole;
      const code =
        decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
      const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
      return valid ? String.fromCodePoint(code) : invalid;
    },
  );
}

/** Elements whose content is never text of the article. */
const DROPPED = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'head',
  'title',
  'svg',
  'math',
  'iframe',
  'object',
  'textarea',
  'select',
]);
/** Elements that start and end a block; headings are told apart by name. */
const BLOCKS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'nav',
  'main',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'caption',
  'address',
  'hr',
  'br',
  'body',
  'html',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);
/** Cells are words apart, not glued together. */
const SPACED = new Set(['td', 'th']);

/**
 * A tag: its name, then attributes whose quoted values may hold `>`. Anything after `<` that does
 * not fit is text, as an HTML parser reads a stray `<`.
 */
const TAG =
  /<(\/?)([A-Za-z][A-Za-z0-9:-]*)(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/y;
/**
 * What a browser still reads as a tag when `TAG` does not fit (a stray quote, a tag cut off at
 * the end): up to the next `>`, or to the end. A `<` not followed by a letter is text ("a < b").
 */
const LOOSE_TAG = /<(\/?)([A-Za-z][^\s/>]*)[^>]*>?/y;

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/**
 * Rich text (clipboard or mammoth HTML) to a body: h1–h6 become `## ` headings; p, li, div, br,
 * table rows and the like end a paragraph; script, style and other non-text elements are dropped
 * with their content; comments, doctypes and conditional comments are dropped; every other tag
 * becomes nothing but its text, with character references decoded. A small tokenizer rather than
 * a DOM, so it runs in the domain (server and browser alike) and never builds live HTML.
 */
export function articleBodyFromHtml(html: string): string {
  const blocks: Block[] = [];
  let text = '';
  let heading = false;
  const endBlock = () => {
    blocks.push({ heading, text: decodeEntities(text) });
    text = '';
    heading = false;
  };
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt === -1) {
      text += html.slice(at);
      break;
    }
    text += html.slice(at, lt);
    at = lt;
    if (html.startsWith('<!--', at)) {
      const close = html.indexOf('-->', at + 4);
      at = close === -1 ? html.length : close + 3;
      continue;
    }
    // Word's pasted lists carry their bullet or number as text between `<![if !supportLists]>` and
    // `<![endif]>`; list markers are dropped, as they are for <li> and Markdown lists.
    if (html.startsWith('<![if !supportLists]>', at)) {
      const close = html.indexOf('<![endif]>', at);
      at = close === -1 ? html.length : close + '<![endif]>'.length;
      continue;
    }
    if (/^<[!?]/.test(html.slice(at, at + 2))) {
      const close = html.indexOf('>', at);
      at = close === -1 ? html.length : close + 1;
      continue;
    }
    const tag = matchAt(TAG, html, at) ?? matchAt(LOOSE_TAG, html, at);
    if (!tag) {
      text += '<';
      at += 1;
      continue;
    }
    at += tag[0].length;
    const closing = tag[1] === '/';
    const name = (tag[2] ?? '').toLowerCase();
    if (!closing && DROPPED.has(name)) {
      const close = new RegExp(`</${name}\\b[^>]*>`, 'ig');
      close.lastIndex = at;
      at = close.exec(html) ? close.lastIndex : html.length;
      continue;
    }
    if (BLOCKS.has(name)) {
      endBlock();
      if (!closing && /^h[1-6]$/.test(name)) heading = true;
    } else if (SPACED.has(name)) {
      text += ' ';
    }
  }
  endBlock();
  return joinBlocks(blocks);
}

/**
 * What a paste gives: the rich text's HTML when the clipboard has it and it holds any text,
 * otherwise the plain text, read as Markdown (see `articleBodyFromText`).
 */
export function articleBodyFromPaste(input: { text: string; html?: string }): string {
  const fromHtml = input.html === undefined ? '' : articleBodyFromHtml(input.html);
  return fromHtml !== '' ? fromHtml : articleBodyFromText(input.text);
}
