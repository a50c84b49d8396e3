import type { Article } from '../../article';
import type {
  ImportedQuestion,
  BankExport,
  BankExportInput,
  BankImportContext,
  ImportedBank,
  InteropNote,
} from '../interop-format';
import { GiftReadError, type GiftReadContext, type GiftWriteContext } from './gift-context';
import { inferAnswerType } from './gift-infer';
import { readMetaComment, writeMetaComment } from './gift-meta';
import type { GiftEntry, ParsedGiftQuestion } from './gift-model';
import { parseGift } from './gift-parser';
import { giftTypeMapping, type GiftPiece } from './gift-types';
import { writeGiftCategory, writeGiftQuestion } from './gift-writer';

/**
 * GIFT, Moodle's plain-text question format, both ways. The mapping of each question type is
 * `gift-types.ts`; docs/interop-gift.md has the table, the import defaults and what is reported.
 */

/** What an imported question gets for what GIFT does not say (documented in docs/interop-gift.md). */
export const GIFT_IMPORT_DEFAULTS = { skill: 'literal', difficulty: 2, points: 1 } as const;

/** The article as one description: its title, then each heading and paragraph. */
function articleText(article: Article): string {
  const blocks = [article.meta.title];
  for (const section of article.sections) {
    if (section.heading !== null) blocks.push(section.heading);
    for (const paragraphId of section.paragraphIds) {
      const paragraph = article.paragraphs.find((candidate) => candidate.id === paragraphId);
      if (paragraph) blocks.push(paragraph.text);
    }
  }
  return blocks.join('\n\n');
}

/** `[tag:...]`, as Moodle writes a question's tags in a comment (a `]` in one escaped). */
function tagComment(tags: readonly string[]): string[] {
  return tags.length === 0
    ? []
    : [tags.map((tag) => `[tag:${tag.replace(/]/g, '\\]')}]`).join(' ')];
}

/**
 * Writes a bank as one GIFT file: a category named after the bank, the article as a description,
 * then each question (a two-part question as two, a cloze question as one per gap), titled with
 * its id. The report lists each question written with a loss, and each skipped, with why.
 */
export function exportGift({ bank, article }: BankExportInput): BankExport {
  const report: InteropNote[] = [];
  const blocks = [
    `// "${bank.title}", exported from Readproof. The "readproof" comment before each question keeps what GIFT has no place for (type, marks, skill, difficulty), for an import back into Readproof.`,
    writeGiftCategory(bank.title),
    writeGiftQuestion({ title: article.meta.id, stem: articleText(article), comments: [] }),
  ];
  for (const question of bank.questions) {
    const context: GiftWriteContext = {
      article,
      question,
      note: (message) => report.push({ kind: 'lossy', questionId: question.id, message }),
    };
    const pieces = giftTypeMapping(question.type).write(question, context);
    if ('skip' in pieces) {
      report.push({ kind: 'skipped', questionId: question.id, message: pieces.skip });
      continue;
    }
    const points =
      question.type === 'two-part'
        ? [question.partA.points, question.partB.points]
        : [question.points];
    if (points.some((value) => value !== 1)) {
      context.note(
        `Worth ${points.join(' + ')} marks here; GIFT has no marks, so Moodle gives each question its default mark.`,
      );
    }
    pieces.forEach((piece, index) => {
      const first = index === 0;
      blocks.push(
        writeGiftQuestion({
          ...piece,
          title: piece.suffix === undefined ? question.id : `${question.id} ${piece.suffix}`,
          comments: first ? [writeMetaComment(question), ...tagComment(question.tags ?? [])] : [],
          // The explanation once, after the first part's answer.
          ...(first ? { generalFeedback: question.explanation } : {}),
        }),
      );
    });
  }
  return { files: [{ path: `${bank.id}.gift`, text: `${blocks.join('\n\n')}\n` }], report };
}

/** `q1 Part A` or `q1 Gap who`: the title of one GIFT question of a Readproof question. */
const PIECE_TITLE = /^(.+) (Part [AB]|Gap [a-z0-9]+(?:-[a-z0-9]+)*)$/;

function splitTitle(title: string | undefined): { base?: string; suffix?: string } {
  if (title === undefined) return {};
  const match = PIECE_TITLE.exec(title);
  return match ? { base: match[1] ?? title, suffix: match[2] } : { base: title };
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** Ids from titles (Readproof's own titles are its ids), made unique within the import. */
function createIdMaker(): (title: string | undefined) => string {
  const used = new Set<string>();
  return (title) => {
    const wanted = title !== undefined && SLUG.test(title) ? title : slugify(title ?? '');
    const base = wanted === '' ? `question-${used.size + 1}` : wanted;
    let id = base;
    for (let count = 2; used.has(id); count += 1) id = `${base}-${count}`;
    used.add(id);
    return id;
  };
}

/** The GIFT questions from `start` that make one Readproof question: its parts or gaps go together. */
function takeGroup(entries: readonly GiftEntry[], start: number): ParsedGiftQuestion[] {
  const first = entries[start];
  if (first?.kind !== 'question') return [];
  const group = [first.question];
  const { base, suffix } = splitTitle(first.question.title);
  if (suffix === undefined) return group;
  for (let index = start + 1; index < entries.length; index += 1) {
    const entry = entries[index];
    if (entry?.kind !== 'question') break;
    const next = splitTitle(entry.question.title);
    if (next.base !== base || next.suffix === undefined) break;
    group.push(entry.question);
  }
  return group;
}

function tagsOf(comments: readonly string[]): string[] {
  return comments.flatMap((comment) =>
    [...comment.matchAll(/\[tag:((?:\\.|[^\]\\]){1,200})\]/g)].map((match) =>
      (match[1] ?? '').replace(/\\]/g, ']').trim(),
    ),
  );
}

/** What reading a file keeps track of, question after question. */
interface ImportState {
  article: Article;
  questions: ImportedQuestion[];
  report: InteropNote[];
  makeId: (title: string | undefined) => string;
  /** The last `$CATEGORY:` before the question, as a tag. */
  category?: string;
}

/** Reads the GIFT questions of one Readproof question into `state`, or reports why it cannot. */
function importGroup(group: readonly ParsedGiftQuestion[], state: ImportState): void {
  const [first] = group;
  // The article a Readproof export starts with: the bank already belongs to it.
  if (
    first === undefined ||
    (first.answer === undefined && first.title === state.article.meta.id)
  ) {
    return;
  }
  const { base, suffix } = splitTitle(first.title);
  const where = { ...(first.title === undefined ? {} : { name: first.title }), line: first.line };
  const { meta, problem } = readMetaComment(first.comments);
  const type =
    meta.type ??
    (suffix?.startsWith('Part')
      ? 'two-part'
      : suffix?.startsWith('Gap')
        ? 'cloze'
        : inferAnswerType(first, state.article));
  if (typeof type !== 'string') {
    state.report.push({ kind: 'unsupported', ...where, message: type.unsupported });
    return;
  }
  const id = state.makeId(base);
  const note = (message: string) =>
    state.report.push({ kind: 'lossy', questionId: id, ...where, message });
  if (problem !== undefined) note(problem);
  const pieces = group.map((question): GiftPiece => ({
    ...question,
    suffix: splitTitle(question.title).suffix,
  }));
  const context: GiftReadContext = {
    article: state.article,
    // The comment's own type only: a reader tells Readproof's file from another by it.
    meta: { ...meta, type: meta.type === 'two-part' ? undefined : meta.type },
    note,
  };
  let read;
  try {
    read = giftTypeMapping(type).read(pieces, context);
  } catch (error) {
    if (!(error instanceof GiftReadError)) throw error;
    state.report.push({ kind: 'invalid', ...where, message: error.message });
    return;
  }
  const tags = [
    ...new Set([
      ...(state.category === undefined ? [] : [state.category]),
      ...tagsOf(first.comments),
    ]),
  ];
  const common = {
    id,
    skill: meta.skill ?? GIFT_IMPORT_DEFAULTS.skill,
    difficulty: meta.difficulty ?? GIFT_IMPORT_DEFAULTS.difficulty,
    explanation:
      group.find((question) => question.generalFeedback !== undefined)?.generalFeedback ?? '',
    evidence: read.evidence ?? [],
    ...(tags.length === 0 ? {} : { tags }),
  };
  const { fields } = read;
  state.questions.push(
    fields.type === 'two-part'
      ? { ...fields, ...common }
      : { ...fields, ...common, points: meta.points ?? GIFT_IMPORT_DEFAULTS.points },
  );
}

/**
 * Reads a GIFT file into questions for a draft bank. Questions Readproof does not score (essays,
 * descriptions) and questions it cannot read are listed in the report with their name and line;
 * the others arrive with the defaults of `GIFT_IMPORT_DEFAULTS` for what GIFT does not say, and
 * without evidence (the editor asks for it), except evidence questions, whose key is found among
 * the sentences of `context.article`.
 */
export function importGift(text: string, context: BankImportContext): ImportedBank {
  const entries = parseGift(text);
  const state: ImportState = {
    article: context.article,
    questions: [],
    report: [],
    makeId: createIdMaker(),
  };
  let title: string | undefined;
  for (let index = 0; index < entries.length;) {
    const entry = entries[index];
    if (entry?.kind === 'question') {
      const group = takeGroup(entries, index);
      index += group.length;
      importGroup(group, state);
      continue;
    }
    index += 1;
    if (entry?.kind === 'error') {
      state.report.push({
        kind: 'invalid',
        line: entry.line,
        message: entry.message,
        ...(entry.name === undefined ? {} : { name: entry.name }),
      });
    } else if (entry?.kind === 'category' && entry.path !== '') {
      state.category = entry.path;
      title ??= entry.path.split('/').at(-1);
    }
  }
  return {
    ...(title === undefined ? {} : { title }),
    questions: state.questions,
    report: state.report,
  };
}
