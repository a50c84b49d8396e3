import type { z } from 'zod';
import { describeIssues } from '../../describe-issues';
import {
  partASchema,
  partBSchema,
  questionSchema,
  type EvidenceQuote,
} from '../../question-schema';
import type {
  BankImportContext,
  ImportedBank,
  ImportedQuestion,
  InteropNote,
} from '../interop-format';
import {
  IMPORT_DEFAULTS,
  PART_LABELS,
  readCategoryPath,
  readPartName,
  splitAtLabel,
  type PartName,
} from './conventions';
import { MOODLE_TYPE_IMPORTERS, slugOf, UNSUPPORTED_TYPES, type ItemDraft } from './import-types';
import {
  attribute,
  child,
  children,
  formattedText,
  lineOf,
  ownText,
  plainField,
  questionTextFormat,
  readQuiz,
  type XmlNode,
} from './read-xml';

/** A question of the file, read as far as the fields every Moodle question has. */
interface Heading {
  name: string;
  line: number | undefined;
  text: string;
  explanation: string;
  points: number;
  pointsLoss?: string;
  tags: string[];
}

/** An item read from one Moodle question, with what its heading said. */
interface ReadItem {
  heading: Heading;
  item: ItemDraft;
  evidence: EvidenceQuote[];
  losses: string[];
}

/** Moodle's marks are decimals (`<defaultgrade>1.0000000</defaultgrade>`); Readproof's whole 1 to 100. */
function readPoints(node: XmlNode): { points: number; loss?: string } {
  const written = ownText(child(node, 'defaultgrade')).trim();
  if (written === '') return { points: IMPORT_DEFAULTS.points };
  const value = Number(written);
  const points = Number.isFinite(value)
    ? Math.min(100, Math.max(1, Math.round(value)))
    : IMPORT_DEFAULTS.points;
  return points === value
    ? { points }
    : {
        points,
        loss: `Moodle gave it ${written} marks; Readproof's marks are whole numbers from 1 to 100, so it has ${points}.`,
      };
}

function readTags(node: XmlNode): string[] {
  return children(child(node, 'tags') ?? {}, 'tag')
    .map((tag) => ownText(child(tag, 'text')).trim())
    .filter((tag) => tag !== '');
}

/** The schema's first complaint about `data`, in the words the bank editor uses. */
function describeProblem(schema: z.ZodType, data: unknown, error: z.ZodError): string {
  return (
    describeIssues(schema, data, error.issues)[0]?.message ??
    'it does not fit a Readproof question.'
  );
}

/** What every question still needs from the teacher is filled in only to check the rest. */
const PLACEHOLDERS = { explanation: 'placeholder', evidence: ['placeholder'] };

/**
 * Reads a Moodle XML file into a draft bank (docs/interop-moodle-xml.md). Questions of types
 * Readproof does not score, and questions it cannot read, are in the report with their names
 * and lines; a file that is not Moodle XML at all throws `MoodleXmlError` naming the line.
 */
export function importMoodleXml(text: string, context: BankImportContext): ImportedBank {
  const { quiz, lineAt } = readQuiz(text, context.fileName);
  const report: InteropNote[] = [];
  const questions: ImportedQuestion[] = [];
  const nodes = children(quiz, 'question');
  const categories = nodes.filter((node) => attribute(node, 'type') === 'category');
  // One category names the bank; several are kept on each question as tags, to find them by.
  const tagCategories = categories.length > 1;
  const firstCategory = categories[0] === undefined ? [] : readCategory(categories[0]);
  let categoryTag: string | undefined;
  let heldPartA: ReadItem | undefined;
  const usedIds = new Set<string>();

  const note = (
    heading: Heading,
    kind: InteropNote['kind'],
    message: string,
    questionId?: string,
  ) => {
    report.push({
      kind,
      name: heading.name,
      ...(heading.line === undefined ? {} : { line: heading.line }),
      ...(questionId === undefined ? {} : { questionId }),
      message,
    });
  };

  const finish = (
    candidate: Record<string, unknown>,
    heading: Heading,
    losses: string[],
    evidence: EvidenceQuote[],
  ) => {
    // A Readproof export names each question by its id; another file's names become ids.
    const base = slugOf(String(candidate.id), 80) || 'question';
    let id = base;
    for (let count = 2; usedIds.has(id); count += 1) id = `${base}-${count}`;
    const data = { ...candidate, id, ...PLACEHOLDERS };
    const checked = questionSchema.safeParse(data);
    if (!checked.success) {
      note(
        heading,
        'invalid',
        `Not imported: ${describeProblem(questionSchema, data, checked.error)}`,
      );
      return;
    }
    usedIds.add(id);
    questions.push({
      ...checked.data,
      explanation: String(candidate.explanation),
      evidence,
    } as ImportedQuestion);
    for (const loss of losses) note(heading, 'lossy', loss, id);
  };

  const common = (heading: Heading, id: string) => ({
    id,
    skill: IMPORT_DEFAULTS.skill,
    difficulty: IMPORT_DEFAULTS.difficulty,
    explanation: heading.explanation,
    ...(heading.tags.length === 0 ? {} : { tags: heading.tags }),
  });

  const finishWhole = (read: ReadItem) => {
    const { heading } = read;
    finish(
      { ...common(heading, heading.name), ...read.item, points: heading.points },
      heading,
      [...(heading.pointsLoss === undefined ? [] : [heading.pointsLoss]), ...read.losses],
      read.evidence,
    );
  };

  const flushPartA = () => {
    if (heldPartA === undefined) return;
    note(
      heldPartA.heading,
      'lossy',
      'Part A came without its Part B: imported as a question of its own.',
    );
    finishWhole(heldPartA);
    heldPartA = undefined;
  };

  for (const node of nodes) {
    const type = attribute(node, 'type') ?? '';
    if (type === 'category') {
      const path = readCategory(node);
      categoryTag = tagCategories && path.length > 0 ? path.join('/') : undefined;
      continue;
    }
    const heading = readHeading(node, lineAt, categoryTag);
    const importer = MOODLE_TYPE_IMPORTERS.get(type);
    if (importer === undefined) {
      const what = UNSUPPORTED_TYPES.get(type);
      note(
        heading,
        'unsupported',
        `Not imported: ${what === undefined ? `the question type "${type}"` : `${what} ("${type}")`}; Readproof does not score this type.`,
      );
      continue;
    }
    if (heading.text === '') {
      note(
        heading,
        'invalid',
        'Not imported: it has no question text. Moodle needs a <questiontext> in every question, and Readproof takes the question from it.',
      );
      continue;
    }
    const part = readPartName(heading.name);
    const itemText =
      part === undefined ? { lead: '', text: heading.text } : partText(heading.text, part.part);
    const result = importer(node, {
      article: context.article,
      text: itemText.text,
      isPartB: part?.part === 'B',
    });
    if (!result.ok) {
      note(heading, 'invalid', `Not imported: ${result.message}`);
      continue;
    }
    const read: ReadItem = {
      heading: part?.part === 'A' ? { ...heading, text: itemText.lead } : heading,
      item: result.item,
      evidence: result.evidence,
      losses: result.losses,
    };
    if (
      part?.part === 'B' &&
      heldPartA !== undefined &&
      readPartName(heldPartA.heading.name)?.questionId === part.questionId
    ) {
      const partA = heldPartA;
      heldPartA = undefined;
      finishTwoPart(partA, read, part.questionId);
      continue;
    }
    flushPartA();
    if (part?.part === 'A') heldPartA = read;
    else if (part?.part === 'B') {
      note(heading, 'lossy', 'Part B came without its Part A: imported as a question of its own.');
      finishWhole(read);
    } else finishWhole(read);
  }
  flushPartA();

  function finishTwoPart(partA: ReadItem, partB: ReadItem, id: string) {
    const dataA = { ...partA.item, points: partA.heading.points };
    const dataB = { ...partB.item, points: partB.heading.points };
    const checkedA = partASchema.safeParse(dataA);
    const checkedB = partBSchema.safeParse(dataB);
    if (!checkedA.success || !checkedB.success) {
      const reason = !checkedA.success
        ? `Part A: ${describeProblem(partASchema, dataA, checkedA.error)}`
        : `Part B: ${checkedB.success ? '' : describeProblem(partBSchema, dataB, checkedB.error)}`;
      note(
        partA.heading,
        'invalid',
        `Not imported: ${reason} (a two-part question's Part A is a single or multiple choice, judgement, number or short answer; its Part B evidence or a choice).`,
      );
      return;
    }
    const lossesOf = (read: ReadItem) => [
      ...(read.heading.pointsLoss === undefined ? [] : [read.heading.pointsLoss]),
      ...read.losses,
    ];
    const losses = [
      ...lossesOf(partA).map((loss) => `Part A: ${loss}`),
      ...lossesOf(partB).map((loss) => `Part B: ${loss}`),
    ];
    finish(
      {
        ...common(partA.heading, id),
        type: 'two-part',
        prompt: partA.heading.text,
        partA: checkedA.data,
        partB: checkedB.data,
      },
      partA.heading,
      losses,
      [...partA.evidence, ...partB.evidence],
    );
  }

  const title = firstCategory.at(-1);
  return { ...(title === undefined ? {} : { title }), questions, report };
}

function readCategory(node: XmlNode): string[] {
  // Moodle writes the path in `<category><text>`; files from before Moodle 2 put it right in `<category>`.
  const category = child(node, 'category');
  const path = (
    child(category ?? {}, 'text') === undefined ? ownText(category) : plainField(node, 'category')
  ).trim();
  return readCategoryPath(path).filter(
    (segment) => !/^\$\w+\$$/.test(segment) && segment !== 'top',
  );
}

function readHeading(
  node: XmlNode,
  lineAt: (offset: number) => number,
  categoryTag: string | undefined,
): Heading {
  const line = lineOf(node, lineAt);
  const text = formattedText(child(node, 'questiontext'));
  const name = plainField(node, 'name') || text.slice(0, 60) || `question on line ${line ?? '?'}`;
  const { points, loss } = readPoints(node);
  const tags = [
    ...new Set([...(categoryTag === undefined ? [] : [categoryTag]), ...readTags(node)]),
  ];
  return {
    name,
    line,
    text,
    explanation: formattedText(child(node, 'generalfeedback'), questionTextFormat(node)),
    points,
    ...(loss === undefined ? {} : { pointsLoss: loss }),
    tags,
  };
}

/** A part's own text, past its label; Part A's text before its label is the whole question's prompt. */
function partText(text: string, part: PartName): { lead: string; text: string } {
  const split = splitAtLabel(text, PART_LABELS[part]);
  return split === undefined ? { lead: text, text } : { lead: split.before, text: split.after };
}
