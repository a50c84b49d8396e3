import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { htmlToText } from '../html-text';
import { lineFinder } from '../xml-text';

/** A file that cannot be read at all; the message names the file and, where known, the line. */
export class MoodleXmlError extends Error {
  override name = 'MoodleXmlError';
}

/** An element as fast-xml-parser gives it: children by name (always lists), attributes, text. */
export interface XmlNode {
  [key: string]: unknown;
}

const TEXT = '#text';
const ATTRIBUTE = '@_';
const META = XMLParser.getMetaDataSymbol();

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function children(node: XmlNode, name: string): XmlNode[] {
  const value = node[name];
  return Array.isArray(value) ? value.filter(isNode) : [];
}

export function child(node: XmlNode, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

export function attribute(node: XmlNode, name: string): string | undefined {
  const value = node[`${ATTRIBUTE}${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** The element's own text (CDATA included), untrimmed; '' for an empty element. */
export function ownText(node: XmlNode | undefined): string {
  const value = node?.[TEXT];
  return typeof value === 'string' ? value : '';
}

/** The text of `<name><text>…</text></name>`, trimmed. */
export function plainField(node: XmlNode, name: string): string {
  const field = child(node, name);
  return field === undefined ? '' : ownText(child(field, 'text')).trim();
}

/** Moodle's documentation: a question text without a `format` is HTML (so since late 2011). */
const DEFAULT_QUESTION_TEXT_FORMAT = 'html';

/**
 * The format of a question's text: Moodle's documentation makes it `html` when not given, and the
 * default for every other text of the question (answers, feedback) that does not give its own.
 */
export function questionTextFormat(question: XmlNode): string {
  return attribute(child(question, 'questiontext') ?? {}, 'format') ?? DEFAULT_QUESTION_TEXT_FORMAT;
}

/**
 * A text Moodle may keep as HTML: an element with a `format` attribute and a `<text>` child, read
 * in its own format or else `defaultFormat` (the question text's). HTML is reduced to plain text;
 * Moodle's auto format is HTML in which a line break is a line break; plain text and Markdown are
 * kept as written.
 */
export function formattedText(
  field: XmlNode | undefined,
  defaultFormat: string = DEFAULT_QUESTION_TEXT_FORMAT,
): string {
  if (field === undefined) return '';
  const text = ownText(child(field, 'text'));
  switch (attribute(field, 'format') ?? defaultFormat) {
    case 'plain_text':
    case 'markdown':
      return text.trim();
    case 'moodle_auto_format':
      return htmlToText(text.replace(/\r?\n/g, '<br>'));
    default:
      return htmlToText(text);
  }
}

/** The 1-based line an element starts on, by `lineAt` (from `readQuiz`). */
export function lineOf(node: XmlNode, lineAt: (offset: number) => number): number | undefined {
  const meta = (node as Record<symbol, unknown>)[META as symbol];
  const start = isNode(meta) && typeof meta.startIndex === 'number' ? meta.startIndex : undefined;
  return start === undefined ? undefined : lineAt(start);
}

/** Everything before the root element: the declaration, comments, a doctype. */
const PROLOG_DOCTYPE = /^\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*<!DOCTYPE/i;

/**
 * Reads a Moodle XML file: well-formed, without a doctype (Moodle writes none, and its entity
 * declarations are how a few bytes expand to gigabytes), with `<quiz>` as its root. Returns the
 * `<quiz>` element and the line of each offset, for the report's line numbers.
 */
export function readQuiz(
  text: string,
  fileName: string,
): { quiz: XmlNode; lineAt: (offset: number) => number } {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new MoodleXmlError(
      `${fileName}, line ${line}, column ${col}: this is not well-formed XML (${msg}). Export the questions from Moodle again, or fix the file at that place.`,
    );
  }
  if (PROLOG_DOCTYPE.test(text)) {
    const line = text.slice(0, text.search(/<!DOCTYPE/i)).split('\n').length;
    throw new MoodleXmlError(
      `${fileName}, line ${line}: the file declares a DOCTYPE. Moodle XML never has one, and its entity declarations can expand a small file without end, so it is refused. Remove the <!DOCTYPE …> declaration.`,
    );
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: ATTRIBUTE,
    parseTagValue: false,
    trimValues: false,
    alwaysCreateTextNode: true,
    // Numeric character references (&#233;) are XML too; only the parser's option decodes them.
    htmlEntities: true,
    captureMetaData: true,
    isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
  });
  let document: XmlNode;
  try {
    document = parser.parse(text) as XmlNode;
  } catch (error) {
    // The validator passes a few things the parser then refuses (an unclosed declaration, ...).
    throw new MoodleXmlError(
      `${fileName}: this XML cannot be read (${error instanceof Error ? error.message : String(error)}). Export the questions from Moodle again.`,
    );
  }
  const roots = Object.keys(document).filter((key) => key !== '?xml' && key !== TEXT);
  const quiz = roots[0] === 'quiz' && roots.length === 1 ? child(document, 'quiz') : undefined;
  if (quiz === undefined) {
    throw new MoodleXmlError(
      `${fileName}: the root element is <${roots[0] ?? 'nothing'}>, not <quiz>, so this is not a Moodle XML question file. Export the questions from Moodle's question bank in "Moodle XML format".`,
    );
  }
  return { quiz, lineAt: lineFinder(text) };
}
