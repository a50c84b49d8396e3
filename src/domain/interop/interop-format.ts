import type { Article } from '../article';
import type { EvidenceQuote, Question } from '../question-schema';
import type { ResolvedBank } from '../resolved-bank';

/**
 * The formats a bank moves to and from an LMS in. Each format's per-type mapping is a registry
 * keyed by question type (`./<format>/`), so a new question type fails to compile until every
 * format says how it maps.
 */
export const INTEROP_FORMATS = ['gift', 'moodle-xml', 'qti3'] as const;
export type InteropFormat = (typeof INTEROP_FORMATS)[number];

/**
 * One line of an export or import report.
 * - `lossy`: exported or imported, but something the format has no place for was left behind.
 * - `skipped`: an exported question the format cannot hold at all.
 * - `unsupported`: an imported question of a type Readproof does not score (essay, description, ...).
 * - `invalid`: an imported question Readproof could not read (it says what is wrong and where).
 */
export interface InteropNote {
  kind: 'lossy' | 'skipped' | 'unsupported' | 'invalid';
  /** Readproof's question id (export), or the id the imported question was given. */
  questionId?: string;
  /** The question's name or title in the imported file. */
  name?: string;
  /** The file within an imported package, when there is more than one. */
  file?: string;
  /** 1-based line in the imported file. */
  line?: number;
  /** What happened and why, in words a teacher understands. */
  message: string;
}

/** What an exporter takes: the bank with its evidence resolved to sentences, and its article. */
export interface BankExportInput {
  bank: ResolvedBank;
  article: Article;
}

/** One text file of an export. GIFT and Moodle XML export one; QTI 3.0 a package of several. */
export interface ExportedFile {
  /** Path within the package (or the file name, for a single file). */
  path: string;
  text: string;
}

export interface BankExport {
  files: ExportedFile[];
  report: InteropNote[];
}

type DistributiveOmit<Item, Key extends PropertyKey> = Item extends unknown
  ? Omit<Item, Key>
  : never;

/**
 * An imported question in the bank format, before the teacher links it to the article: no format
 * carries Readproof's evidence, so it usually arrives empty and the bank editor asks for it. (An
 * evidence question's key is its evidence, so that one keeps what the file said.) Fields the
 * file has no value for (skill, difficulty, explanation) take the importer's documented defaults
 * or stay empty for the editor to ask for.
 */
export type ImportedQuestion = DistributiveOmit<Question, 'evidence'> & {
  evidence: EvidenceQuote[];
};

export interface ImportedBank {
  /** The bank's title, when the file names one (a category, a QTI test title). */
  title?: string;
  questions: ImportedQuestion[];
  report: InteropNote[];
}

/** What an importer takes besides the file: the article the teacher chose for the bank. */
export interface BankImportContext {
  article: Article;
  fileName: string;
}

/**
 * The question a note is about: its id, or for an import its name or line in the file; undefined
 * for a note about the whole bank or file (an export's word on the format), which is no question.
 */
export function notedQuestion(note: InteropNote): string | undefined {
  if (note.questionId !== undefined) return `id ${note.questionId}`;
  if (note.name !== undefined) return `name ${note.name}`;
  return note.line === undefined ? undefined : `line ${note.file ?? ''}:${note.line}`;
}

/** How many distinct questions a report's notes are about (a question may have several notes). */
export function countNotedQuestions(notes: readonly InteropNote[]): number {
  return new Set(notes.map(notedQuestion).filter((key) => key !== undefined)).size;
}
