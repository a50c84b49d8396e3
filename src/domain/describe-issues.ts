import { z } from 'zod';
import type { DataPath, PathTarget } from './data-path';
import { isRecord } from './question-types/shared';

/** A zod issue turned into a message for someone editing YAML: what is wrong and what to do. */
export interface DescribedIssue {
  path: DataPath;
  target: PathTarget;
  message: string;
}

type Issue = z.core.$ZodIssue;

function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isRecord(value)) value = value[String(segment)];
    else return undefined;
  }
  return value;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault)
    inner = inner.unwrap() as z.ZodType;
  return inner;
}

/** The member of a union that `value` was meant to be, judged by its discriminator or its shape. */
function chooseMember(schema: z.ZodType, value: unknown): z.ZodType {
  const inner = unwrap(schema);
  if (!(inner instanceof z.ZodUnion)) return inner;
  const members = (inner.options as z.ZodType[]).map(unwrap);
  if (inner instanceof z.ZodDiscriminatedUnion) {
    const discriminator = inner.def.discriminator;
    const wanted = isRecord(value) ? value[discriminator] : undefined;
    const member = members.find((candidate) => {
      const tag = candidate instanceof z.ZodObject ? candidate.shape[discriminator] : undefined;
      return tag instanceof z.ZodLiteral && tag.values.has(wanted as z.core.util.Literal);
    });
    return member ?? inner;
  }
  const wantsObject = isRecord(value);
  return members.find((candidate) => candidate instanceof z.ZodObject === wantsObject) ?? inner;
}

/** The schema of one field or list item of the value `schema` governs, before choosing a union member. */
function childSchema(
  schema: z.ZodType | undefined,
  segment: string | number,
): z.ZodType | undefined {
  if (schema instanceof z.ZodObject) return schema.shape[String(segment)] as z.ZodType | undefined;
  if (schema instanceof z.ZodArray) return schema.element as z.ZodType;
  return undefined;
}

/** The schema that governs the value at `path`, following the data through unions. */
function schemaAt(root: z.ZodType, data: unknown, path: DataPath): z.ZodType | undefined {
  let schema: z.ZodType | undefined = chooseMember(root, data);
  for (const [index, segment] of path.entries()) {
    const child = childSchema(schema, segment);
    schema = child && chooseMember(child, valueAt(data, path.slice(0, index + 1)));
  }
  return schema;
}

/** The description or the allowed values of a field, to tell an author what to write there. */
function hintFor(schema: z.ZodType | undefined): string | undefined {
  let current = schema;
  while (current) {
    if (current.description) {
      const description = current.description.replace(/\.$/, '');
      // "Why the answer..." reads as "(why the answer...)"; "US ..." stays as written.
      return /^\p{Lu}\p{Ll}/u.test(description)
        ? description.charAt(0).toLowerCase() + description.slice(1)
        : description;
    }
    if (current instanceof z.ZodEnum) return `one of: ${current.options.join(', ')}`;
    if (current instanceof z.ZodOptional || current instanceof z.ZodDefault)
      current = current.unwrap() as z.ZodType;
    else current = undefined;
  }
  return undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** " Did you mean "prompt"?" when a near spelling exists, to catch typos. */
function suggest(word: unknown, candidates: readonly string[]): string {
  if (typeof word !== 'string') return '';
  const lower = word.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (
      distance <= Math.max(1, Math.floor(candidate.length / 3)) &&
      (!best || distance < best.distance)
    )
      best = { candidate, distance };
  }
  return best ? ` Did you mean "${best.candidate}"?` : '';
}

/** What was parsed: the schema, the data, and where the data sits in the file. */
interface Parsed {
  schema: z.ZodType;
  data: unknown;
  at: DataPath;
}

/** `"prompt"`, or `Item 2 of "options"` for a list item, named by its place in the whole file. */
function nameOf(parsed: Parsed, path: DataPath): string {
  const full = [...parsed.at, ...path];
  const last = full.at(-1);
  if (last === undefined) return 'This';
  if (typeof last === 'number') {
    const list = full.at(-2);
    return `Item ${last + 1}${list === undefined ? '' : ` of "${list}"`}`;
  }
  return `"${last}"`;
}

const EXPECTED_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (indented "key: value" lines)',
  array: 'a list (lines starting with "- ")',
};

/** A found value, said so that its kind is clear: `the text "7"`, `a list`, `empty`. */
function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a mapping';
  if (typeof value === 'string') return `the text "${value}"`;
  return String(value);
}

/** A found value where text is expected anyway: `"literl"`. */
function quoteValue(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : describeValue(value);
}

function describeInvalidType(
  issue: Extract<Issue, { code: 'invalid_type' }>,
  parsed: Parsed,
): string {
  const path = issue.path as DataPath;
  const parent = valueAt(parsed.data, path.slice(0, -1));
  const key = path.at(-1);
  const value = valueAt(parsed.data, path);
  if (typeof key === 'string' && isRecord(parent) && !(key in parent)) {
    const hint = hintFor(schemaAt(parsed.schema, parsed.data, path));
    return `Missing "${key}"${hint ? ` (${hint})` : ''}. Add it here.`;
  }
  const expected = EXPECTED_NAMES[issue.expected] ?? issue.expected;
  const unquote =
    (issue.expected === 'number' || issue.expected === 'int') &&
    typeof value === 'string' &&
    value.trim() !== '' &&
    Number.isFinite(Number(value))
      ? ' Remove the quotes around the number.'
      : '';
  return `${nameOf(parsed, path)} should be ${expected}, not ${describeValue(value)}.${unquote}`;
}

/** The message of a question with no evidence yet, in the words the bank editor flags it with. */
const NEEDS_EVIDENCE =
  'Needs evidence: choose the sentences of the article that prove the answer (click them in the article beside the question, or quote them under "evidence:"). A quiz is published only once every question has its evidence.';

function describeSize(
  issue: Extract<Issue, { code: 'too_small' | 'too_big' }>,
  parsed: Parsed,
): string {
  const path = issue.path as DataPath;
  const value = valueAt(parsed.data, path);
  const name = nameOf(parsed, path);
  // Imported questions arrive without evidence (issue 14): say what to do, not the array's size.
  if (issue.code === 'too_small' && path.at(-1) === 'evidence' && Array.isArray(value)) {
    if (value.length === 0) return NEEDS_EVIDENCE;
  }
  if (issue.origin === 'array' && Array.isArray(value)) {
    const items = (count: number | bigint) => `${count} item${count === 1 ? '' : 's'}`;
    if (issue.code === 'too_small') {
      return `${name} needs at least ${items(issue.minimum)}; it has ${value.length}. Add ${Number(issue.minimum) - value.length} more.`;
    }
    return `${name} can have at most ${items(issue.maximum)}; it has ${value.length}. Remove ${value.length - Number(issue.maximum)}.`;
  }
  if (issue.origin === 'number' || issue.origin === 'int') {
    const bound =
      issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
    return `${name} must be ${bound}, not ${describeValue(value)}.`;
  }
  return `${name}: ${issue.message}`;
}

function describeUnion(issue: Extract<Issue, { code: 'invalid_union' }>, parsed: Parsed): string {
  const path = issue.path as DataPath;
  const value = valueAt(parsed.data, path);
  if (issue.discriminator !== undefined && 'options' in issue) {
    // A discriminated union reports at the discriminator's own path.
    const options = (issue.options as unknown[]).map(String);
    return value === undefined
      ? `Missing "${issue.discriminator}". Add it: one of ${options.join(', ')}.`
      : `Unknown ${issue.discriminator} ${quoteValue(value)}. Use one of: ${options.join(', ')}.${suggest(value, options)}`;
  }
  const key = path.at(-1);
  const field =
    key === undefined
      ? parsed.schema
      : childSchema(schemaAt(parsed.schema, parsed.data, path.slice(0, -1)), key);
  const union = field && unwrap(field);
  const objectMember =
    union instanceof z.ZodUnion
      ? (union.options as z.ZodType[]).map(unwrap).find((member) => member instanceof z.ZodObject)
      : undefined;
  const forms =
    objectMember instanceof z.ZodObject
      ? `text, or a mapping with ${Object.keys(objectMember.shape)
          .map((name) => `"${name}"`)
          .join(' and ')}`
      : 'one of the forms the schema allows';
  return `${nameOf(parsed, path)} should be ${forms}, not ${describeValue(value)}.`;
}

function describeInvalidValue(
  issue: Extract<Issue, { code: 'invalid_value' }>,
  parsed: Parsed,
): string {
  const path = issue.path as DataPath;
  const value = valueAt(parsed.data, path);
  const options = issue.values.map(String);
  const key = path.at(-1);
  if (value === undefined && typeof key === 'string') {
    return `Missing "${key}". Add it: one of ${options.join(', ')}.`;
  }
  const quote =
    typeof value === 'boolean' && options.includes(String(value))
      ? ` Put it in quotes ("${value}"): a bare ${value} is a YAML yes/no value, not text.`
      : '';
  return `${nameOf(parsed, path)} is ${quoteValue(value)}; use one of: ${options.join(', ')}.${quote || suggest(value, options)}`;
}

function describeIssue(issue: Issue, parsed: Parsed): DescribedIssue[] {
  const path = [...parsed.at, ...(issue.path as DataPath)];
  const at = (message: string): DescribedIssue[] => [{ path, target: 'value', message }];
  switch (issue.code) {
    case 'invalid_type':
      return at(describeInvalidType(issue, parsed));
    case 'too_small':
    case 'too_big':
      return at(describeSize(issue, parsed));
    case 'invalid_union':
      return at(describeUnion(issue, parsed));
    case 'invalid_value':
      return at(describeInvalidValue(issue, parsed));
    case 'unrecognized_keys': {
      const owner = schemaAt(parsed.schema, parsed.data, issue.path as DataPath);
      const allowed = owner instanceof z.ZodObject ? Object.keys(owner.shape) : [];
      return issue.keys.map((key) => ({
        path: [...path, key],
        target: 'key',
        message: `Unknown field "${key}".${suggest(key, allowed)} Fields allowed here: ${allowed.join(', ')}.`,
      }));
    }
    default:
      return at(`${nameOf(parsed, issue.path as DataPath)}: ${issue.message}`);
  }
}

/**
 * Explains every issue of a failed `safeParse` in the words of the YAML file: a missing field
 * with what it is for, a wrong type with what was found, an unknown field with the ones allowed
 * and the likely typo. `data` is what `schema` parsed, found at path `at` in the file; the paths
 * returned are from the file's root.
 */
export function describeIssues(
  schema: z.ZodType,
  data: unknown,
  issues: readonly Issue[],
  at: DataPath = [],
): DescribedIssue[] {
  return issues.flatMap((issue) => describeIssue(issue, { schema, data, at }));
}
