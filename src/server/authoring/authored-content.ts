import { createHash, randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isSeq, parse, parseDocument } from 'yaml';
import { z } from 'zod';
import type { LoadedContent } from '../../content/load-content';
import type { ContentProblem } from '../../content/content-problem';
import { ARTICLE_UPLOAD_MAX_BYTES } from '../../content/article-upload';
import { readArticle, type ArticleFile } from '../../content/read-article';
import { readBank, type BankFile } from '../../content/read-bank';
import {
  writeArticleFile,
  writeBankFile,
  type ArticleFrontMatter,
} from '../../content/write-content';
import { problemAtPath } from '../../content/yaml-source';
import { ARTICLE_MAX_WORDS, type Article } from '../../domain/article';
import {
  questionsWithUnresolvedEvidence,
  type QuestionWithUnresolvedEvidence,
} from '../../domain/article-versions';
import { evidenceQuoteSchema } from '../../domain/question-schema';
import { checkUniqueIds, type BankIds } from '../../domain/question-rules';
import { checkSentenceUse } from '../../content/check-sentence-use';
import type { Selectable } from 'kysely';
import type { AppDatabase } from '../db/database';
import type { AuthoredBankTable } from '../db/schema';
import { ApiError } from '../http/errors';
import {
  getOwnArticle,
  isAuthoredIdTaken,
  listArticleVersions,
  listBankVersions,
  listOwnBanks,
  saveDraft,
  type AuthoredKind,
} from './authoring-queries';

/** The limits of authored content (issue 13): what a class reads, and a bank a class takes. */
export const AUTHORING_LIMITS = {
  articleWords: ARTICLE_MAX_WORDS,
  bankQuestions: 200,
  uploadBytes: ARTICLE_UPLOAD_MAX_BYTES,
} as const;

/** The repository's file names, which problems and exported zips use alike. */
export const articleFileName = (articleId: string) => `${articleId}/article.md`;
export const bankFileName = (articleId: string, bankId: string) => `${articleId}/${bankId}.yaml`;

const ID_SUFFIX_LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fresh id from a title: ids are global like file names in questions/ (a bank's id names its
 * attempts and the assignments holding its key), so a random suffix keeps teachers' apart.
 */
export function newContentId(title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const suffix = Array.from(
    { length: 6 },
    () => ID_SUFFIX_LETTERS[randomInt(ID_SUFFIX_LETTERS.length)],
  ).join('');
  return slug === '' ? suffix : `${slug}-${suffix}`;
}

/** An id no shipped and no authored article (or bank) has. */
export async function claimNewId(
  db: AppDatabase,
  content: LoadedContent,
  kind: 'article' | 'bank',
  title: string,
): Promise<string> {
  for (;;) {
    const id = newContentId(title);
    const shipped = kind === 'article' ? content.articles.has(id) : content.banks.has(id);
    if (!shipped && !(await isAuthoredIdTaken(db, kind, id))) return id;
  }
}

/**
 * The text of an `article.md` from the fields of a form and a Markdown body. The fields of a draft
 * may be missing or wrong: `writeArticleFile` only orders and writes them, and `readArticle`
 * then reports what is wrong, so the draft is saved either way.
 */
export function assembleArticleText(fields: Record<string, unknown>, body: string): string {
  return writeArticleFile(fields as unknown as ArticleFrontMatter, body);
}

/** The text of a new bank with no questions yet (a draft: it cannot be published like this). */
export function newBankText(id: string, articleId: string, title: string): string {
  return writeBankFile({ id, article: articleId, title, description: '', questions: [] });
}

/**
 * A shipped bank's text as a bank of its own: its id, and each question's id with the new id's
 * random suffix, since question ids are unique across every bank (`check:content` refuses the
 * copy beside the original otherwise). Only ids change; comments and layout stay.
 */
export function copyBankText(text: string, newId: string): string {
  const suffix = newId.slice(newId.lastIndexOf('-') + 1);
  const document = parseDocument(text);
  document.set('id', newId);
  const questions = document.get('questions', true);
  if (isSeq(questions)) {
    for (const question of questions.items) {
      const id = isMap(question) ? question.get('id') : undefined;
      if (isMap(question) && typeof id === 'string') question.set('id', `${id}-${suffix}`);
    }
  }
  return document.toString({ lineWidth: 0, singleQuote: true });
}

/** A field of an article's front matter, or undefined when it has none to read. */
export function frontMatterField(text: string, field: string): unknown {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!/^---\s*$/.test(lines[0] ?? '')) return undefined;
  const closing = lines.findIndex((line, index) => index > 0 && /^---\s*$/.test(line));
  if (closing === -1) return undefined;
  const document = parseDocument(lines.slice(1, closing).join('\n'));
  if (document.errors.length > 0) return undefined;
  let data: unknown;
  try {
    data = document.toJS();
  } catch {
    // An alias bomb: the front matter has no field to read; readArticle reports why.
    return undefined;
  }
  return typeof data === 'object' && data !== null
    ? (data as Record<string, unknown>)[field]
    : undefined;
}

/** sha-256 of the bank's text and then its article's, exactly as `loadContent` versions banks. */
export function contentVersionOf(bankText: string, articleText: string): string {
  return createHash('sha256')
    .update(Buffer.from(bankText, 'utf8'))
    .update(Buffer.from(articleText, 'utf8'))
    .digest('hex');
}

function tooLong(file: string, words: number): ApiError {
  return new ApiError(
    422,
    'article-too-long',
    `${file} has ${words.toLocaleString('en')} words; an article can have at most ${AUTHORING_LIMITS.articleWords.toLocaleString('en')}. Split it into two articles.`,
  );
}

/** Reads an article's text as `check:content` does; refuses one over the word limit. */
export function checkArticleText(articleId: string, text: string): ArticleFile {
  const file = articleFileName(articleId);
  const checked = readArticle(file, text, articleId);
  if (checked.article.wordCount > AUTHORING_LIMITS.articleWords)
    throw tooLong(file, checked.article.wordCount);
  return checked;
}

/** The article a bank is written from, with the text its content version is hashed from. */
export interface BankArticle {
  id: string;
  article: Article;
  text: string;
  /** Whether it is a published version (or shipped): only then can a bank on it be published. */
  published: boolean;
}

/** A shipped article's file, next to its banks' files. */
async function readShippedArticleText(
  content: LoadedContent,
  articleId: string,
): Promise<string | undefined> {
  const bank = [...content.banks.values()].find((loaded) => loaded.article.meta.id === articleId);
  if (!bank) return undefined;
  return readFile(path.join(path.dirname(bank.file), 'article.md'), 'utf8');
}

/**
 * The article a teacher's bank is checked against: a shipped one, or the teacher's own at its
 * latest published version (its draft before the first publication). Undefined when the
 * teacher has no such article, including another teacher's.
 */
export async function findBankArticle(
  db: AppDatabase,
  content: LoadedContent,
  teacherId: string,
  articleId: string,
): Promise<BankArticle | undefined> {
  const shipped = content.articles.get(articleId);
  if (shipped) {
    const text = await readShippedArticleText(content, articleId);
    return text === undefined
      ? undefined
      : { id: articleId, article: shipped, text, published: true };
  }
  const own = await getOwnArticle(db, teacherId, articleId);
  if (!own) return undefined;
  const latest = (await listArticleVersions(db, articleId))[0];
  const text = latest?.text ?? own.draft_text;
  return {
    id: articleId,
    article: readArticle(articleFileName(articleId), text, articleId).article,
    text,
    published: latest !== undefined,
  };
}

/**
 * Reads a bank's text as `check:content` does against its article, and checks that its id is
 * still the one it was created with (the id names its attempts and assignments).
 */
export function checkBankText(
  bankId: string,
  text: string,
  bankArticle: BankArticle,
  content: LoadedContent,
): BankFile {
  const file = bankFileName(bankArticle.id, bankId);
  const checked = readBank(file, text, {
    folderId: bankArticle.id,
    article: bankArticle.article,
    articleIds: new Set([...content.articles.keys(), bankArticle.id]),
  });
  if (checked.ids.questionIds.length > AUTHORING_LIMITS.bankQuestions) {
    throw new ApiError(
      422,
      'bank-too-large',
      `${file} has ${checked.ids.questionIds.length} questions; a bank can have at most ${AUTHORING_LIMITS.bankQuestions}. Split it into two banks.`,
    );
  }
  if (checked.source && checked.ids.id !== undefined && checked.ids.id !== bankId) {
    const problem = problemAtPath(
      checked.source,
      ['id'],
      `This bank's id is "${bankId}": write id: ${bankId}. A new id means a new bank.`,
    );
    return { ...checked, resolved: undefined, problems: [...checked.problems, problem] };
  }
  return checked;
}

/** The article a teacher's bank is written from; it exists while the bank does. */
export async function articleOfOwnBank(
  db: AppDatabase,
  content: LoadedContent,
  row: Selectable<AuthoredBankTable>,
): Promise<BankArticle> {
  const article = await findBankArticle(db, content, row.teacher_id, row.article_id);
  if (!article) throw new Error(`Bank ${row.id} has no article ${row.article_id}`);
  return article;
}

/**
 * A teacher's bank draft as saved, checked as publishing checks it (`checkBankInFolder`) on the
 * article the server checks it against, which it returns too.
 */
export async function checkOwnBankDraft(
  db: AppDatabase,
  content: LoadedContent,
  row: Selectable<AuthoredBankTable>,
): Promise<{ bankArticle: BankArticle; checked: BankFile }> {
  const bankArticle = await articleOfOwnBank(db, content, row);
  const checked = await checkBankInFolder(
    db,
    content,
    row.teacher_id,
    { id: row.id, text: row.draft_text },
    bankArticle,
  );
  return { bankArticle, checked };
}

/**
 * `checkBankText`, and the rules `check:content` applies across a folder's banks: ids unique
 * among every bank (the shipped ones and the teacher's others on the article, at their latest
 * published versions, as an export holds them), and no sentence the evidence of too many
 * questions. The bank is checked last, so a clash is reported in it, not in a bank already out.
 */
export async function checkBankInFolder(
  db: AppDatabase,
  content: LoadedContent,
  teacherId: string,
  bank: { id: string; text: string },
  bankArticle: BankArticle,
): Promise<BankFile> {
  const checked = checkBankText(bank.id, bank.text, bankArticle, content);
  const others: BankFile[] = [];
  for (const row of await listOwnBanks(db, teacherId, bankArticle.id)) {
    const latest = row.id === bank.id ? undefined : (await listBankVersions(db, row.id))[0];
    if (latest) others.push(checkBankText(row.id, latest.text, bankArticle, content));
  }
  const shippedIds: BankIds[] = [...content.banks.values()].map(({ file, bank: shipped }) => ({
    label: file,
    id: shipped.id,
    questionIds: shipped.questions.map((question) => question.id),
  }));
  const allIds = [...shippedIds, ...others.map((other) => other.ids), checked.ids];
  const problems = [...checked.problems];
  const { source } = checked;
  if (source) {
    for (const clash of checkUniqueIds(allIds)) {
      if (clash.bankIndex !== allIds.length - 1) continue;
      const options = clash.questionId === undefined ? {} : { questionId: clash.questionId };
      problems.push(problemAtPath(source, clash.path, clash.message, options));
    }
  }
  if (problems.length === 0 && checked.resolved && source) {
    const sourced = [...others, checked].flatMap((file) =>
      file.resolved && file.source ? [{ bank: file.resolved, source: file.source }] : [],
    );
    problems.push(...checkSentenceUse(sourced).filter((problem) => problem.file === checked.file));
  }
  return problems.length === checked.problems.length
    ? checked
    : { ...checked, resolved: undefined, problems };
}

/** The 422 for content with problems: the first one in the message, all of them in details. */
export function problemsError(code: string, what: string, problems: ContentProblem[]): ApiError {
  const [first] = problems;
  const at = first ? ` ${first.file}:${first.line}:${first.column}: ${first.message}` : '';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new ApiError(422, code, `${what}${at}${more}`, { problems });
}

/** The 409 for a save from a revision older than the draft's: nothing is overwritten. */
function staleRevisionError(
  what: 'article' | 'bank',
  revision: number,
  current: { revision: number },
): ApiError {
  return new ApiError(
    409,
    'stale-revision',
    `This ${what} was saved elsewhere since revision ${revision} (it is at ${current.revision}). Nothing was overwritten: reload it to see the newer text.`,
    { current },
  );
}

/**
 * An autosave of a teacher's draft, the same for an article and a bank: `load` the teacher's own
 * draft (a 404 for anyone else's), `check` the text (which throws to refuse it outright: over a
 * limit), save it over `revision`, and answer the draft as it now is, `describe`d. A 409 carries
 * that draft when another save came first, so nothing is overwritten.
 */
export async function saveOwnDraft<Row, Described extends { revision: number }>(
  db: AppDatabase,
  kind: AuthoredKind,
  save: { id: string; teacherId: string; revision: number; text: string; at: string },
  steps: {
    load: (db: AppDatabase, teacherId: string, id: string) => Promise<Row>;
    check: (row: Row) => unknown;
    describe: (row: Row) => Promise<Described>;
  },
): Promise<Described> {
  const { id, teacherId, revision, text, at } = save;
  await steps.check(await steps.load(db, teacherId, id));
  const saved = await saveDraft(db, kind, { id, teacherId, text, baseRevision: revision, at });
  const current = await steps.describe(await steps.load(db, teacherId, id));
  if (saved === undefined) throw staleRevisionError(kind, revision, current);
  return current;
}

/** A question's id and evidence, whatever else in it is still wrong. */
const questionEvidenceSchema = z.object({
  id: z.string(),
  evidence: z.array(evidenceQuoteSchema),
});

/**
 * The questions of a bank's text whose evidence does not resolve against `article` (a new
 * version of its article). A bank whose YAML does not parse has none to list: its draft shows
 * that problem already.
 */
export function questionsToFix(
  bankText: string,
  article: Article,
): QuestionWithUnresolvedEvidence[] {
  let data: unknown;
  try {
    data = parse(bankText);
  } catch {
    return [];
  }
  const raw = (data as { questions?: unknown } | null)?.questions;
  if (!Array.isArray(raw)) return [];
  // Indexes stay those of the file, so each path still points at its question.
  const questions = raw.map((question: unknown) => {
    const parsed = questionEvidenceSchema.safeParse(question);
    return parsed.success ? parsed.data : { id: '', evidence: [] };
  });
  return questionsWithUnresolvedEvidence({ questions }, article);
}
