/**
 * How Readproof's fields that Moodle has no element for are written in Moodle's text, so the
 * exporter and the importer agree, and a Readproof bank comes back from Moodle XML whole.
 */

/** The label before a judgement's statement in its question text. */
export const STATEMENT_LABEL = 'Statement: ';
/** The label before an evidence question's claim in its question text. */
export const CLAIM_LABEL = 'Claim: ';
/** The labels that start each part's text of a two-part question. */
export const PART_LABELS = { A: 'Part A: ', B: 'Part B: ' } as const;
export type PartName = keyof typeof PART_LABELS;

/** Paragraphs of a question text (the prompt, then a statement, a claim or a cloze passage). */
export const PARAGRAPH_BREAK = '\n\n';

/** `<name>` of each part of a two-part question: its id and the part. */
export function partName(questionId: string, part: PartName): string {
  return `${questionId} (Part ${part})`;
}

/** The question id and part a `<name>` written by `partName` holds. */
export function readPartName(name: string): { questionId: string; part: PartName } | undefined {
  const match = /^(.+) \(Part ([AB])\)$/.exec(name);
  if (match?.[1] === undefined || (match[2] !== 'A' && match[2] !== 'B')) return undefined;
  return { questionId: match[1], part: match[2] };
}

/** The text before the last `label` and the text after it, or undefined without the label. */
export function splitAtLabel(
  text: string,
  label: string,
): { before: string; after: string } | undefined {
  const at = text.lastIndexOf(label);
  if (at === -1) return undefined;
  return { before: text.slice(0, at).trim(), after: text.slice(at + label.length).trim() };
}

/** Defaults for what Moodle XML has no place for (docs/interop-moodle-xml.md). */
export const IMPORT_DEFAULTS = {
  skill: 'literal',
  difficulty: 2,
  points: 1,
  judgementPrompt: 'Does the article support this statement?',
  evidencePrompt: 'Select every sentence that supports the claim.',
  clozePrompt: 'Fill in the gaps.',
} as const;

/** Moodle's category paths write a `/` inside a name as `//`. */
export function writeCategoryPath(segments: string[]): string {
  return segments.map((segment) => segment.replace(/\//g, '//')).join('/');
}

export function readCategoryPath(path: string): string[] {
  return path
    .split(/(?<!\/)\/(?!\/)/)
    .map((segment) => segment.replace(/\/\//g, '/').trim())
    .filter((segment) => segment !== '');
}
