import path from 'node:path';
import type { Article } from '../domain/article';
import { checkBankData, type BankDataProblem } from '../domain/check-bank-data';
import type { BankIds } from '../domain/question-rules';
import type { ResolvedBank } from '../domain/resolved-bank';
import type { ContentProblem } from './content-problem';
import { parseYaml, problemAtOffset, problemAtPath, type YamlSource } from './yaml-source';

/** Where a bank finds `questions/schema.json`, from `questions/<article-id>/<bank>.yaml`. */
export const SCHEMA_REFERENCE = '../schema.json';
const MODELINE = `# yaml-language-server: $schema=${SCHEMA_REFERENCE}`;
/** The comment the YAML language server reads to find a file's schema. */
const MODELINE_PATTERN = /^#\s*yaml-language-server:\s*\$schema=(\S*)/m;

export interface BankFile {
  file: string;
  /** Null when the YAML does not parse. */
  source: YamlSource | null;
  ids: BankIds;
  /** The bank with its evidence resolved, when it has no problems of its own. */
  resolved: ResolvedBank | undefined;
  problems: ContentProblem[];
}

export interface BankContext {
  /** The name of the folder the bank is in: the article it must be written from. */
  folderId: string;
  /** That folder's article, if it has one. */
  article: Article | undefined;
  /** Every article id there is, to tell a misplaced bank from one naming no article. */
  articleIds: ReadonlySet<string>;
}

function checkModeline(file: string, text: string): ContentProblem[] {
  const match = MODELINE_PATTERN.exec(text);
  if (!match) {
    return [
      {
        file,
        line: 1,
        column: 1,
        message: `Add "${MODELINE}" as the first line, so editors complete and check this bank.`,
      },
    ];
  }
  if (match[1] === SCHEMA_REFERENCE) return [];
  const line = text.slice(0, match.index).split('\n').length;
  return [
    {
      file,
      line,
      column: 1,
      message: `The schema comment points to "${match[1]}". Write "${MODELINE}".`,
    },
  ];
}

/** The problems of a bank's `article:` field: it must name the article of the folder it is in. */
function checkArticleReference(
  file: string,
  article: unknown,
  context: BankContext,
): BankDataProblem[] {
  const problem = (message: string) => [{ path: ['article'], message }];
  if (typeof article !== 'string') return [];
  // Banks sit in <questions>/<article-id>/, so the questions folder is two levels up.
  const questionsDir = path.dirname(path.dirname(file));
  const folder = path.join(questionsDir, context.folderId);
  if (article !== context.folderId) {
    return context.articleIds.has(article)
      ? problem(
          `This bank is in ${folder} but names article "${article}". Move it to ${path.join(questionsDir, article)}, or write article: ${context.folderId}.`,
        )
      : problem(
          `Unknown article "${article}": there is no ${path.join(questionsDir, article, 'article.md')}. This bank is in ${folder}; write article: ${context.folderId}.`,
        );
  }
  if (!context.article) {
    return problem(
      `Unknown article "${article}": there is no ${path.join(folder, 'article.md')}. Add the article there, or move this bank to its article's folder.`,
    );
  }
  return [];
}

/** Where a bank's problem is in its file; one with the whole bank (not a mapping) is at the top. */
function placeProblem(source: YamlSource, problem: BankDataProblem): ContentProblem {
  const { path: dataPath, target, questionId, message } = problem;
  if (dataPath.length === 0) return problemAtOffset(source, 0, message, questionId);
  return problemAtPath(source, dataPath, message, {
    ...(target === undefined ? {} : { target }),
    ...(questionId === undefined ? {} : { questionId }),
  });
}

/**
 * Reads one bank: checks the schema comment, parses the YAML, checks the data as the bank editor
 * does (`checkBankData`) and that the bank is in its article's folder, and places each problem at
 * its line and column.
 */
export function readBank(file: string, text: string, context: BankContext): BankFile {
  const problems = checkModeline(file, text);
  const parsedYaml = parseYaml(file, text);
  if (parsedYaml.problems.length > 0) {
    return {
      file,
      source: null,
      ids: { label: file, id: undefined, questionIds: [] },
      resolved: undefined,
      problems: [...problems, ...parsedYaml.problems],
    };
  }
  const { source, data } = parsedYaml;
  const checked = checkBankData(data ?? {}, context.article, (article) =>
    checkArticleReference(file, article, context),
  );
  problems.push(...checked.problems.map((problem) => placeProblem(source, problem)));
  return {
    file,
    source,
    ids: { label: file, ...checked.ids },
    resolved: problems.length === 0 ? checked.resolved : undefined,
    problems,
  };
}
