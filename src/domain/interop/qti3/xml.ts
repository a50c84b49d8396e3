import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeEntities } from '../../article-body';
import { BLOCK_ELEMENTS, HIDDEN_ELEMENTS } from '../html-text';
import { escapeXml, lineFinder, openTag, type XmlAttributes } from '../xml-text';

/** Writing and reading the XML of a QTI 3.0 package: escaping, a small builder and a parsed tree. */

export const QTI_NAMESPACE = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';
export const MANIFEST_NAMESPACE = 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1';

/**
 * An element as text. Children are XML already (built by this function or escaped); attributes
 * are escaped here, and undefined ones left out.
 */
export function element(
  name: string,
  attributes: XmlAttributes = {},
  ...children: string[]
): string {
  return children.length === 0
    ? `${openTag(name, attributes)}/>`
    : `${openTag(name, attributes)}>${children.join('')}</${name}>`;
}

/**
 * An element whose children are elements only, each on a line of its own, so a teacher can read
 * the file. Never for mixed content, where the line breaks would become text.
 */
export function elementLines(
  name: string,
  attributes: XmlAttributes = {},
  ...children: string[]
): string {
  return element(name, attributes, ...children.map((child) => `\n${child}`), '\n');
}

/** An element holding only text, escaped. */
export function textElement(name: string, attributes: XmlAttributes, text: string): string {
  return element(name, attributes, escapeXml(text));
}

export function xmlDocument(root: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}

/** A parsed element: its local name, its namespace (from the xmlns declarations in scope) and its line. */
export interface XmlElement {
  name: string;
  namespace: string | undefined;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** 1-based line of its start tag. */
  line: number;
}

export type XmlNode = XmlElement | string;

type XmlReading = { ok: true; root: XmlElement } | { ok: false; line: number; message: string };

/**
 * The parser leaves entities alone (decoded afterwards, once, by `decodeEntities`), so no DOCTYPE
 * can define one that expands (a "billion laughs"); documents with a DOCTYPE are refused.
 */
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  captureMetaData: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  commentPropName: '#comment',
});

const META = XMLParser.getMetaDataSymbol() as symbol;

type ParsedEntry = Record<string, unknown> & { ':@'?: Record<string, string> };

function convert(
  entries: ParsedEntry[],
  scope: ReadonlyMap<string, string>,
  lineOf: (offset: number) => number,
): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const entry of entries) {
    const key = Object.keys(entry).find((name) => name !== ':@');
    if (key === undefined || key === '#comment' || key.startsWith('?')) continue;
    const value = entry[key];
    if (key === '#text') {
      nodes.push(decodeEntities(String(value)));
      continue;
    }
    const rawAttributes = entry[':@'] ?? {};
    const attributes: Record<string, string> = {};
    const inner = new Map(scope);
    for (const [name, raw] of Object.entries(rawAttributes)) {
      const decoded = decodeEntities(String(raw));
      if (name === 'xmlns') inner.set('', decoded);
      else if (name.startsWith('xmlns:')) inner.set(name.slice(6), decoded);
      attributes[name] = decoded;
    }
    const colon = key.indexOf(':');
    const prefix = colon === -1 ? '' : key.slice(0, colon);
    const meta = (entry as Record<symbol, { startIndex?: number } | undefined>)[META];
    nodes.push({
      name: key.slice(colon + 1),
      namespace: inner.get(prefix),
      attributes,
      children: Array.isArray(value) ? convert(value as ParsedEntry[], inner, lineOf) : [],
      line: lineOf(meta?.startIndex ?? 0),
    });
  }
  return nodes;
}

/** Parses one XML document, or says what is wrong and on which line. */
export function readXml(text: string): XmlReading {
  const lineOf = lineFinder(text);
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) {
    return {
      ok: false,
      line: lineOf(doctype.index),
      message: 'It has a DOCTYPE declaration, which QTI does not use and the import does not read.',
    };
  }
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    return { ok: false, line: validation.err.line, message: validation.err.msg };
  }
  let parsed: ParsedEntry[];
  try {
    parsed = parser.parse(text) as ParsedEntry[];
  } catch (error) {
    // The validator has passed it; what the parser still refuses is a limit (nesting too deep).
    return { ok: false, line: 1, message: `It cannot be read (${(error as Error).message}).` };
  }
  const nodes = convert(parsed, new Map(), lineOf);
  const root = nodes.find((node): node is XmlElement => typeof node !== 'string');
  return root === undefined
    ? { ok: false, line: 1, message: 'It holds no XML element.' }
    : { ok: true, root };
}

export function childElements(parent: XmlElement, name?: string): XmlElement[] {
  return parent.children.filter(
    (node): node is XmlElement =>
      typeof node !== 'string' && (name === undefined || node.name === name),
  );
}

export function firstChild(parent: XmlElement, name: string): XmlElement | undefined {
  return childElements(parent, name)[0];
}

/** Every element below `parent` (not itself), in document order. */
export function descendants(parent: XmlElement): XmlElement[] {
  return childElements(parent).flatMap((child) => [child, ...descendants(child)]);
}

export function findDescendant(parent: XmlElement, name: string): XmlElement | undefined {
  return descendants(parent).find((node) => node.name === name);
}

/** QTI's own elements that hold a block of text. */
const QTI_BLOCKS = new Set(['qti-prompt', 'qti-content-body']);

/**
 * The text a reader sees in an element, as plain text: the markup is read as a tree and only its
 * text kept (never rendered or passed on as HTML), blocks become spaces, and white space is
 * collapsed. `skip` leaves out elements (interactions, feedback) that are read on their own.
 */
export function plainText(
  node: XmlNode,
  skip: (element: XmlElement) => boolean = () => false,
): string {
  const pieces: string[] = [];
  const walk = (current: XmlNode): void => {
    if (typeof current === 'string') {
      pieces.push(current);
      return;
    }
    if (HIDDEN_ELEMENTS.has(current.name) || skip(current)) return;
    const block = BLOCK_ELEMENTS.has(current.name) || QTI_BLOCKS.has(current.name);
    if (block) pieces.push(' ');
    current.children.forEach(walk);
    if (block) pieces.push(' ');
  };
  walk(node);
  return pieces.join('').replace(/\s+/g, ' ').trim();
}
