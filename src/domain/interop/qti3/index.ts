import type { Article } from '../../article';
import type { EvidenceQuote, PartA, PartB } from '../../question-schema';
import type {
  BankExport,
  BankExportInput,
  BankImportContext,
  ExportedFile,
  ImportedBank,
  ImportedQuestion,
  InteropNote,
} from '../interop-format';
import { toItemDrafts } from './export-types';
import { PART_SUFFIXES, toIdentifier, toSlug } from './identifiers';
import { writeItem } from './item-xml';
import {
  ITEMS_FOLDER,
  MANIFEST_PATH,
  RESOURCE_TYPES,
  STIMULUS_PATH,
  stimulusRef,
  TEST_PATH,
  writeManifest,
  writeStimulus,
  writeTest,
  type PackagedItem,
} from './package-xml';
import { ItemRefused, readItem, type ImportedAnswer, type ItemReading } from './read-item';
import { descendants, MANIFEST_NAMESPACE, readXml, type XmlElement } from './xml';

/**
 * QTI 3.0 in and out (docs/interop-qti3.md). Export writes the files of a content package, which
 * the caller zips; import reads an unzipped package's text files (or one item file).
 */

/** What QTI has no place for: the importer's documented values. */
export const QTI3_IMPORT_DEFAULTS = { skill: 'literal', difficulty: 2 } as const;

/**
 * The files of a QTI 3.0 package for one bank: the manifest, the article as a stimulus every item
 * refers to, one file per item (two for a two-part question) and a test listing them in order.
 * The report names each question that left something behind, and what.
 */
export function exportQti3({ bank, article }: BankExportInput): BankExport {
  const stimulus = stimulusRef(article);
  const report: InteropNote[] = [
    {
      kind: 'lossy',
      message:
        'QTI 3.0 has no place for skills, difficulty, tags or evidence quotes: every item leaves them behind (an evidence question keeps its key, the sentences to choose).',
    },
  ];
  const questions: PackagedItem[][] = [];
  const itemFiles: ExportedFile[] = [];
  for (const question of bank.questions) {
    const drafts = toItemDrafts(question, { article, question });
    const items = drafts.map((draft) => {
      const path = `${ITEMS_FOLDER}${draft.identifier}.xml`;
      itemFiles.push({ path, text: writeItem(draft, stimulus, article.meta.language) });
      return { identifier: draft.identifier, path };
    });
    questions.push(items);
    const losses = drafts.flatMap((draft) => draft.interaction.losses);
    if (losses.length > 0) {
      report.push({ kind: 'lossy', questionId: question.id, message: losses.join(' ') });
    }
  }
  const testIdentifier = toIdentifier(bank.id);
  return {
    files: [
      { path: MANIFEST_PATH, text: writeManifest(testIdentifier, article, questions.flat()) },
      { path: STIMULUS_PATH, text: writeStimulus(article) },
      ...itemFiles,
      { path: TEST_PATH, text: writeTest(testIdentifier, bank.title, questions) },
    ],
    report,
  };
}

/** An href's escapes (`%20`) decoded; one that is not valid escaping is taken as written. */
function decodeHref(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

/** A path inside the package, resolved from the folder of the file that names it. */
function resolvePath(from: string, href: string): string {
  const folder = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  const parts: string[] = [];
  for (const part of `${folder}${decodeHref(href)}`.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

interface ReadItemFile {
  file: string;
  reading: ItemReading;
}

type ParsedFile = { ok: true; root: XmlElement } | { ok: false; note: InteropNote };

function parseFile(file: string, text: string): ParsedFile {
  const parsed = readXml(text);
  return parsed.ok
    ? parsed
    : {
        ok: false,
        note: {
          kind: 'invalid',
          file,
          line: parsed.line,
          message: `Not well-formed XML: ${parsed.message}`,
        },
      };
}

/** Reads one item file, or says in the report why it was left out. */
function readItemFile(
  file: string,
  text: string,
  article: Article,
  report: InteropNote[],
): ReadItemFile | undefined {
  const parsed = parseFile(file, text);
  if (!parsed.ok) {
    report.push(parsed.note);
    return undefined;
  }
  try {
    return { file, reading: readItem(parsed.root, article) };
  } catch (error) {
    if (!(error instanceof ItemRefused)) throw error;
    report.push({
      kind: error.kind,
      name: parsed.root.attributes.title ?? parsed.root.attributes.identifier,
      file,
      line: error.line,
      message: error.message,
    });
    return undefined;
  }
}

/** What every question has besides its type's fields; QTI has no skill or difficulty. */
function commonFields(id: string, explanation: string, evidence: EvidenceQuote[]) {
  return {
    id,
    skill: QTI3_IMPORT_DEFAULTS.skill,
    difficulty: QTI3_IMPORT_DEFAULTS.difficulty,
    explanation,
    evidence,
  };
}

function wholeQuestion(read: ReadItemFile): ImportedQuestion {
  const { identifier, answer, explanation, evidence } = read.reading;
  return { ...answer, ...commonFields(toSlug(identifier), explanation, evidence) };
}

function asPartA(answer: ImportedAnswer): PartA | undefined {
  const { type } = answer;
  return type === 'single' ||
    type === 'multiple' ||
    type === 'judgement' ||
    type === 'numeric' ||
    type === 'short'
    ? answer
    : undefined;
}

function asPartB(answer: ImportedAnswer): PartB | undefined {
  if (answer.type === 'evidence') {
    return {
      type: 'evidence',
      prompt: answer.prompt,
      points: answer.points,
      scoring: answer.scoring,
    };
  }
  return answer.type === 'single' || answer.type === 'multiple' ? answer : undefined;
}

/** Two items whose identifiers end in -part-a and -part-b, joined again into one question. */
function twoPartQuestion(first: ReadItemFile, second: ReadItemFile): ImportedQuestion | undefined {
  const partA = asPartA(first.reading.answer);
  const partB = asPartB(second.reading.answer);
  if (partA === undefined || partB === undefined) return undefined;
  const stem = first.reading.identifier.slice(0, -PART_SUFFIXES.partA.length);
  return {
    type: 'two-part',
    prompt: first.reading.lead || second.reading.lead || partA.prompt,
    partA,
    partB,
    ...commonFields(toSlug(stem), first.reading.explanation || second.reading.explanation, [
      ...first.reading.evidence,
      ...second.reading.evidence,
    ]),
  };
}

function partnerOf(read: ReadItemFile, all: readonly ReadItemFile[]): ReadItemFile | undefined {
  const { identifier } = read.reading;
  if (!identifier.endsWith(PART_SUFFIXES.partA)) return undefined;
  const stem = identifier.slice(0, -PART_SUFFIXES.partA.length);
  return all.find((other) => other.reading.identifier === `${stem}${PART_SUFFIXES.partB}`);
}

/** The questions of the items read, two-part questions joined, each loss in the report. */
function collectQuestions(reads: ReadItemFile[], report: InteropNote[]): ImportedQuestion[] {
  const used = new Set<ReadItemFile>();
  const questions: ImportedQuestion[] = [];
  for (const read of reads) {
    if (used.has(read)) continue;
    const partner = partnerOf(read, reads);
    const joined = partner && twoPartQuestion(read, partner);
    const parts = joined === undefined || partner === undefined ? [read] : [read, partner];
    const question = joined ?? wholeQuestion(read);
    questions.push(question);
    for (const part of parts) {
      used.add(part);
      for (const message of part.reading.losses) {
        report.push({
          kind: 'lossy',
          questionId: question.id,
          file: part.file,
          line: part.reading.line,
          message,
        });
      }
    }
  }
  return questions;
}

function findManifest(files: ReadonlyMap<string, string>): string | undefined {
  return [...files.keys()]
    .filter((path) => path === MANIFEST_PATH || path.endsWith(`/${MANIFEST_PATH}`))
    .sort((a, b) => a.split('/').length - b.split('/').length)[0];
}

function readTestTitle(
  manifestPath: string,
  resources: XmlElement[],
  files: ReadonlyMap<string, string>,
): string | undefined {
  const test = resources.find((resource) => resource.attributes.type === RESOURCE_TYPES.test);
  const href = test?.attributes.href;
  const text = href === undefined ? undefined : files.get(resolvePath(manifestPath, href));
  if (text === undefined) return undefined;
  const parsed = readXml(text);
  const title = parsed.ok ? parsed.root.attributes.title?.trim() : undefined;
  return title === '' ? undefined : title;
}

function importPackage(
  manifestPath: string,
  manifestText: string,
  files: ReadonlyMap<string, string>,
  article: Article,
): ImportedBank {
  const report: InteropNote[] = [];
  const parsed = parseFile(manifestPath, manifestText);
  if (!parsed.ok) return { questions: [], report: [parsed.note] };
  if (parsed.root.name !== 'manifest' || parsed.root.namespace !== MANIFEST_NAMESPACE) {
    return {
      questions: [],
      report: [
        {
          kind: 'invalid',
          file: manifestPath,
          line: parsed.root.line,
          message: `It is not a QTI 3.0 manifest: its root is <${parsed.root.name}> in ${parsed.root.namespace ?? 'no namespace'}, not <manifest> in ${MANIFEST_NAMESPACE}.`,
        },
      ],
    };
  }
  const resources = descendants(parsed.root).filter((element) => element.name === 'resource');
  const reads: ReadItemFile[] = [];
  for (const resource of resources) {
    const type = resource.attributes.type ?? '';
    if (type !== RESOURCE_TYPES.item) {
      if (/^imsqti_item_xmlv2/.test(type)) {
        report.push({
          kind: 'unsupported',
          file: manifestPath,
          line: resource.line,
          name: resource.attributes.identifier,
          message: `It is a QTI 2 item (${type}); export the bank as QTI 3.0 and import that.`,
        });
      }
      continue;
    }
    const href = resource.attributes.href ?? firstFileHref(resource);
    const path = href === undefined ? undefined : resolvePath(manifestPath, href);
    const text = path === undefined ? undefined : files.get(path);
    if (path === undefined || text === undefined) {
      report.push({
        kind: 'invalid',
        file: manifestPath,
        line: resource.line,
        name: resource.attributes.identifier,
        message:
          path === undefined
            ? 'The manifest lists an item without naming its file.'
            : `The manifest names "${path}", which is not in the package.`,
      });
      continue;
    }
    const read = readItemFile(path, text, article, report);
    if (read !== undefined) reads.push(read);
  }
  const title = readTestTitle(manifestPath, resources, files);
  return {
    ...(title === undefined ? {} : { title }),
    questions: collectQuestions(reads, report),
    report,
  };
}

function firstFileHref(resource: XmlElement): string | undefined {
  return descendants(resource).find((element) => element.name === 'file')?.attributes.href;
}

/**
 * Reads a QTI 3.0 package's text files by path, item by item in the manifest's order, or a single
 * item file. Items Readproof does not score, and files it cannot read, are listed in the report
 * with file and line; nothing throws for bad input. Questions take `QTI3_IMPORT_DEFAULTS` for what
 * QTI has no place for, and no evidence, except hottext questions, whose sentences are looked up
 * in the chosen article.
 */
export function importQti3(
  files: ReadonlyMap<string, string>,
  context: BankImportContext,
): ImportedBank {
  const manifestPath = findManifest(files);
  const manifestText = manifestPath === undefined ? undefined : files.get(manifestPath);
  if (manifestPath !== undefined && manifestText !== undefined) {
    return importPackage(manifestPath, manifestText, files, context.article);
  }
  const [only] = files;
  if (files.size === 1 && only !== undefined && only[0].toLowerCase().endsWith('.xml')) {
    const report: InteropNote[] = [];
    const read = readItemFile(only[0], only[1], context.article, report);
    return { questions: read === undefined ? [] : collectQuestions([read], report), report };
  }
  return {
    questions: [],
    report: [
      {
        kind: 'invalid',
        file: context.fileName,
        message: `${context.fileName} has no ${MANIFEST_PATH}: a QTI 3.0 package lists its items there. Export the package again from the LMS, or import a single item's XML file.`,
      },
    ],
  };
}
