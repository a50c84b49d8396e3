import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../domain/article';
import { checkUniqueIds } from '../domain/question-rules';
import type { ResolvedBank } from '../domain/resolved-bank';
import { checkSentenceUse } from './check-sentence-use';
import type { ContentProblem } from './content-problem';
import { readArticle, type ArticleFile } from './read-article';
import { readBank, type BankFile } from './read-bank';
import { problemAtPath } from './yaml-source';

export interface LoadedBank {
  bank: ResolvedBank;
  article: Article;
  file: string;
  /** sha-256 (hex) of the bank file's bytes followed by its article file's bytes. */
  contentVersion: string;
}

export interface LoadedContent {
  /** Articles without problems, by id. */
  articles: Map<string, Article>;
  /** Banks without problems whose article has none either, by bank id. */
  banks: Map<string, LoadedBank>;
  /** Every problem found, file by file in reading order, top to bottom within a file. */
  problems: ContentProblem[];
}

const ARTICLE_FILE = 'article.md';
const BANK_EXTENSION = '.yaml';

interface Folder {
  id: string;
  articleFile: ArticleFile | undefined;
  articleBytes: Buffer | undefined;
  /** Problems with files in the folder that are not read. */
  stray: ContentProblem[];
  banks: { bankFile: BankFile; bytes: Buffer }[];
}

async function listEntries(dir: string) {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.sort((a, b) => a.name.localeCompare(b.name));
}

function sortedByPlace(problems: ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}

function strayFileProblem(file: string, message: string): ContentProblem {
  return { file, line: 1, column: 1, message };
}

async function readFolder(
  questionsDir: string,
  id: string,
): Promise<{ folder: Omit<Folder, 'banks'>; bankNames: string[] }> {
  const dir = path.join(questionsDir, id);
  const names = (await listEntries(dir))
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
  const stray = names
    .filter((name) => name.endsWith('.yml'))
    .map((name) =>
      strayFileProblem(
        path.join(dir, name),
        `Bank files end in "${BANK_EXTENSION}"; rename this one, or it is not read.`,
      ),
    );
  const bankNames = names.filter((name) => name.endsWith(BANK_EXTENSION));
  if (!names.includes(ARTICLE_FILE)) {
    return { folder: { id, articleFile: undefined, articleBytes: undefined, stray }, bankNames };
  }
  const file = path.join(dir, ARTICLE_FILE);
  const articleBytes = await readFile(file);
  return {
    folder: {
      id,
      articleFile: readArticle(file, articleBytes.toString('utf8'), id),
      articleBytes,
      stray,
    },
    bankNames,
  };
}

/**
 * Reads every article (`<questionsDir>/<article-id>/article.md`) and bank
 * (`<questionsDir>/<article-id>/*.yaml`), validates them all and resolves evidence. It never stops
 * at the first problem: every problem is collected, with file, line, column and question id.
 * Only articles and banks free of problems are returned for use.
 */
export async function loadContent(questionsDir: string): Promise<LoadedContent> {
  const articles = new Map<string, Article>();
  const banks = new Map<string, LoadedBank>();

  let entries;
  try {
    entries = await listEntries(questionsDir);
  } catch {
    return {
      articles,
      banks,
      problems: [
        strayFileProblem(questionsDir, 'No such folder. Give the folder that holds the articles.'),
      ],
    };
  }

  const problemsByFile = new Map<string, ContentProblem[]>();
  /** Files in reading order, so problems come out folder by folder, article before banks. */
  const fileOrder: string[] = [];
  const addProblems = (file: string, problems: ContentProblem[]) => {
    if (!fileOrder.includes(file)) fileOrder.push(file);
    if (problems.length === 0) return;
    problemsByFile.set(file, [...(problemsByFile.get(file) ?? []), ...problems]);
  };
  for (const entry of entries) {
    if (entry.isFile() && /\.ya?ml$/.test(entry.name)) {
      const file = path.join(questionsDir, entry.name);
      addProblems(file, [
        strayFileProblem(
          file,
          `Banks live in the folder of their article: move this file to ${path.join(questionsDir, '<article-id>', entry.name)}.`,
        ),
      ]);
    }
  }

  const read = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => readFolder(questionsDir, entry.name)),
  );
  const articleIds = new Set(
    read.filter(({ folder }) => folder.articleFile).map(({ folder }) => folder.id),
  );
  if (articleIds.size === 0) {
    addProblems(questionsDir, [
      strayFileProblem(
        questionsDir,
        `No articles here. Each article is ${path.join(questionsDir, '<article-id>', ARTICLE_FILE)}.`,
      ),
    ]);
  }

  const folders: Folder[] = await Promise.all(
    read.map(async ({ folder, bankNames }) => ({
      ...folder,
      banks: await Promise.all(
        bankNames.map(async (name) => {
          const file = path.join(questionsDir, folder.id, name);
          const bytes = await readFile(file);
          const bankFile = readBank(file, bytes.toString('utf8'), {
            folderId: folder.id,
            article: folder.articleFile?.article,
            articleIds,
          });
          return { bankFile, bytes };
        }),
      ),
    })),
  );
  for (const folder of folders) {
    if (folder.articleFile) addProblems(folder.articleFile.file, folder.articleFile.problems);
    for (const problem of folder.stray) addProblems(problem.file, [problem]);
    for (const { bankFile } of folder.banks) addProblems(bankFile.file, bankFile.problems);
  }

  const allBanks = folders.flatMap((folder) => folder.banks.map((bank) => bank.bankFile));
  for (const { bankIndex, path: dataPath, questionId, message } of checkUniqueIds(
    allBanks.map((bank) => bank.ids),
  )) {
    const bank = allBanks[bankIndex];
    if (!bank?.source) continue;
    addProblems(bank.file, [
      problemAtPath(bank.source, dataPath, message, questionId === undefined ? {} : { questionId }),
    ]);
  }

  // Sentence use is counted across the banks of an article, so it runs once every bank is read.
  for (const problem of checkSentenceUse(
    allBanks.flatMap(({ resolved, source }) =>
      resolved && source ? [{ bank: resolved, source }] : [],
    ),
  ))
    addProblems(problem.file, [problem]);

  for (const folder of folders) {
    const { articleFile, articleBytes } = folder;
    if (!articleFile || !articleBytes || problemsByFile.has(articleFile.file)) continue;
    articles.set(folder.id, articleFile.article);
    for (const { bankFile, bytes } of folder.banks) {
      if (!bankFile.resolved || problemsByFile.has(bankFile.file)) continue;
      banks.set(bankFile.resolved.id, {
        bank: bankFile.resolved,
        article: articleFile.article,
        file: bankFile.file,
        contentVersion: createHash('sha256').update(bytes).update(articleBytes).digest('hex'),
      });
    }
  }

  return {
    articles,
    banks,
    problems: fileOrder.flatMap((file) => sortedByPlace(problemsByFile.get(file) ?? [])),
  };
}

/** One line per problem, `file:line:column [question-id] message`, as editors and terminals link them. */
export function formatProblems(problems: ContentProblem[]): string {
  return problems
    .map(({ file, line, column, questionId, message }) =>
      [
        `${file}:${line}:${column}`,
        questionId === undefined ? undefined : `[${questionId}]`,
        message,
      ]
        .filter((part) => part !== undefined)
        .join(' '),
    )
    .join('\n');
}
