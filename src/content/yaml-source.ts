import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type ErrorCode,
} from 'yaml';
import type { DataPath, PathTarget } from '../domain/data-path';
import type { ContentProblem } from './content-problem';

/** A parsed YAML text that can say where any path in it is, for problems with a line and column. */
export interface YamlSource {
  file: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
  /** The file line the YAML text starts on (2 for front matter after its opening `---`). */
  firstLine: number;
}

function startOf(node: unknown): number {
  if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
    const [start] = node.range as [number];
    return start;
  }
  return 0;
}

function keyMatches(key: unknown, segment: string | number): boolean {
  // `true:` and `1:` are YAML booleans and numbers, but they name the same fields as "true" and "1".
  const value = isScalar(key) ? key.value : key;
  return String(value) === String(segment);
}

/**
 * The offset in the YAML text of what `path` points at. A missing key points at the mapping that
 * should hold it, a missing item at its sequence: the closest place that exists.
 */
function offsetOfPath(document: Document.Parsed, path: DataPath, target: PathTarget): number {
  let node: unknown = document.contents;
  for (const [index, segment] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyMatches(item.key, segment));
      if (!pair) return startOf(node);
      if (target === 'key' && index === path.length - 1) return startOf(pair.key);
      // `key:` with nothing after it still has a (null) value node at the right place.
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return startOf(node);
      node = item;
    } else {
      return startOf(node);
    }
  }
  return startOf(node);
}

const GENERAL_ADVICE =
  'Check the indentation, and put text that holds ": " or starts with a quote or bracket in quotes.';
const YAML_ADVICE: Partial<Record<ErrorCode, string>> = {
  DUPLICATE_KEY: 'A key may appear only once in a mapping; keep one of them.',
  TAB_AS_INDENT: 'Indent with spaces, not tabs.',
  MULTIPLE_DOCS: 'A bank is one YAML document; remove the "---" line.',
};

/**
 * Parses YAML text, keeping the line positions of every node, and gives its data. Data the
 * library refuses to build (an alias bomb: aliases that would expand past its limit) is a problem
 * of the file like a syntax error, never an exception.
 */
export function parseYaml(
  file: string,
  text: string,
  firstLine = 1,
): { source: YamlSource; data: unknown; problems: ContentProblem[] } {
  const lineCounter = new LineCounter();
  // prettyErrors would append a multi-line code excerpt; one line per problem reads better.
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const source: YamlSource = { file, document, lineCounter, firstLine };
  const problems = [...document.errors, ...document.warnings].map((error) =>
    problemAtOffset(
      source,
      error.pos[0],
      `YAML: ${error.message}. ${YAML_ADVICE[error.code] ?? GENERAL_ADVICE}`,
    ),
  );
  if (problems.length > 0) return { source, data: undefined, problems };
  try {
    return { source, data: document.toJS(), problems };
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
    return {
      source,
      data: undefined,
      problems: [
        problemAtOffset(
          source,
          0,
          `YAML: ${reason}. Write the values out instead of repeating them with aliases (*name).`,
        ),
      ],
    };
  }
}

/** A problem at an offset of the YAML text. */
export function problemAtOffset(
  source: YamlSource,
  offset: number,
  message: string,
  questionId?: string,
): ContentProblem {
  const { line, col } = source.lineCounter.linePos(offset);
  return {
    file: source.file,
    line: line + source.firstLine - 1,
    column: col,
    ...(questionId === undefined ? {} : { questionId }),
    message,
  };
}

/** A problem at the node a data path points to (see `offsetOfPath` for missing keys). */
export function problemAtPath(
  source: YamlSource,
  path: DataPath,
  message: string,
  options: { questionId?: string; target?: PathTarget } = {},
): ContentProblem {
  const offset = offsetOfPath(source.document, path, options.target ?? 'value');
  return problemAtOffset(source, offset, message, options.questionId);
}
