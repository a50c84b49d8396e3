/**
 * Writing XML text for the LMS formats (Moodle XML, QTI 3.0), and finding the line of an offset
 * when reading one back. CDATA is never written: a `]]>` in the text would end it.
 */

/** Characters XML 1.0 allows nowhere, not even escaped (controls, lone surrogates, U+FFFE/F). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text as XML character data or an attribute value; characters XML cannot hold are dropped. Line
 * breaks and tabs are written as character references, so indenting the file never changes a
 * text, and attributes keep theirs.
 */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

export type XmlAttributes = Record<string, string | number | boolean | undefined>;

/** A start tag's name and attributes, escaped, without its closing `>`; undefined ones left out. */
export function openTag(name: string, attributes: XmlAttributes): string {
  const written = Object.entries(attributes)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`);
  return `<${name}${written.join('')}`;
}

/** The 1-based line of each character offset of `text`, by binary search over the line starts. */
export function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
