import { escapeXml, openTag } from '../xml-text';

/**
 * Writing Moodle XML: elements indented one per line. Every text written goes through
 * `escapeXml`, so no user text reaches the file unescaped.
 */

export type Attributes = Record<string, string | number>;

/** An element holding other elements (already written), each indented under it. */
export function element(name: string, attributes: Attributes, children: string[]): string {
  if (children.length === 0) return `${openTag(name, attributes)}/>`;
  const inner = children.flatMap((child) => child.split('\n').map((line) => `  ${line}`));
  return [`${openTag(name, attributes)}>`, ...inner, `</${name}>`].join('\n');
}

/** An element holding one value, escaped. */
export function leaf(name: string, value: string | number, attributes: Attributes = {}): string {
  return `${openTag(name, attributes)}>${escapeXml(String(value))}</${name}>`;
}

/** Moodle's text field: `<name format="plain_text"><text>…</text></name>`. */
export function textField(name: string, text: string, attributes: Attributes = {}): string {
  return element(name, { format: 'plain_text', ...attributes }, [leaf('text', text)]);
}
