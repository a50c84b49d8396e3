import path from 'node:path';
import { z } from 'zod';
import type { Article } from '../domain/article';
import { checkKeyBalance } from '../domain/key-balance';
import { bankSchema, questionSchema, type Bank, type Question } from '../domain/question-schema';
import { checkBank, checkResolvedBank, type BankIds } from '../domain/question-rules';
import { resolveBank, type BankProblem, type ResolvedBank } from '../domain/resolved-bank';
import type { ContentProblem } from './content-problem';
import { describeIssues } from './describe-issues';
import { parseYaml, problemAtOffset, problemAtPath, type YamlSource } from './yaml-source';

/** Where a bank finds `questions/schema.json`, from `questions/<article-id>/<bank>.yaml`. */
export const SCHEMA_REFERENCE = '../schema.json';
const MODELINE = `# yaml-language-server: $schema=${SCHEMA_REFERENCE}`;
/** The comment the YAML language server reads to find a file's schema. */
const MODELINE_PATTERN = /^#\s*yaml-language-server:\s*\$schema=(\S*)/m;

/** The bank without its questions, so one broken question does not hide the others' problems. */
const envelopeSchema = bankSchema.extend({ questions: z.array(z.unknown()).min(1) });

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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

function checkArticleReference(source: YamlSource, article: unknown, context: BankContext) {
  const problem = (message: string) => [problemAtPath(source, ['article'], message)];
  if (typeof article !== 'string') return [];
  // Banks sit in <questions>/<article-id>/, so the questions folder is two levels up.
  const questionsDir = path.dirname(path.dirname(source.file));
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

/**
 * Reads one bank: checks the schema comment, parses the YAML, validates the bank and each
 * question on its own (so every broken question is reported, not just the first), applies the
 * question rules, and resolves evidence quotes against the folder's article.
 */
export function readBank(file: string, text: string, context: BankContext): BankFile {
  const problems = checkModeline(file, text);
  const parsedYaml = parseYaml(file, text);
  const noIds: BankIds = { label: file, id: undefined, questionIds: [] };
  if (parsedYaml.problems.length > 0) {
    return {
      file,
      source: null,
      ids: noIds,
      resolved: undefined,
      problems: [...problems, ...parsedYaml.problems],
    };
  }
  const { source } = parsedYaml;
  const data: unknown = source.document.toJS() ?? {};
  const at = (path: readonly (string | number)[], message: string, questionId?: string) =>
    problemAtPath(source, path, message, questionId === undefined ? {} : { questionId });

  if (!isRecord(data)) {
    problems.push(
      problemAtOffset(
        source,
        0,
        'A bank is a mapping with id, article, title, description and questions.',
      ),
    );
    return { file, source, ids: noIds, resolved: undefined, problems };
  }

  const envelope = envelopeSchema.safeParse(data);
  if (!envelope.success) {
    for (const issue of describeIssues(envelopeSchema, data, envelope.error.issues))
      problems.push(problemAtPath(source, issue.path, issue.message, { target: issue.target }));
  }
  problems.push(...checkArticleReference(source, data.article, context));

  const rawQuestions = Array.isArray(data.questions) ? data.questions : [];
  const questionIds = rawQuestions.map((question: unknown) =>
    isRecord(question) && typeof question.id === 'string' ? question.id : undefined,
  );
  const validQuestions: Question[] = [];
  /** For each valid question, its index among all the bank's questions. */
  const bankIndexes: number[] = [];
  rawQuestions.forEach((rawQuestion: unknown, index) => {
    const parsed = questionSchema.safeParse(rawQuestion);
    if (parsed.success) {
      validQuestions.push(parsed.data);
      bankIndexes.push(index);
      return;
    }
    const at = ['questions', index];
    for (const issue of describeIssues(questionSchema, rawQuestion, parsed.error.issues, at)) {
      problems.push(
        problemAtPath(source, issue.path, issue.message, {
          target: issue.target,
          ...(questionIds[index] === undefined ? {} : { questionId: questionIds[index] }),
        }),
      );
    }
  });

  // Rules and evidence run on the valid questions only; their paths are mapped back to the file.
  const toFile = (problem: BankProblem) => {
    const [first, index, ...rest] = problem.path;
    const path =
      first === 'questions' && typeof index === 'number'
        ? ['questions', bankIndexes[index] ?? index, ...rest]
        : problem.path;
    return at(path, problem.message, problem.questionId);
  };
  problems.push(...checkBank({ questions: validQuestions }).map(toFile));
  problems.push(...checkKeyBalance({ questions: validQuestions }).map(toFile));

  let resolved: ResolvedBank | undefined;
  if (context.article) {
    // Placeholders stand in for a broken envelope only to find the questions' problems; such a
    // bank has problems, so it is never returned.
    const bank: Bank = {
      ...(envelope.success
        ? envelope.data
        : { id: '', article: context.folderId, title: '', description: '' }),
      questions: validQuestions,
    };
    const resolution = resolveBank(context.article, bank);
    problems.push(...resolution.problems.map(toFile));
    // A question whose quotes were not found already has a problem that says so; "names no
    // sentence" would only repeat it.
    const unresolved = new Set(resolution.problems.map((problem) => problem.questionId));
    problems.push(
      ...checkResolvedBank(resolution.bank, context.article)
        .filter((problem) => !unresolved.has(problem.questionId))
        .map(toFile),
    );
    resolved = resolution.bank;
  }

  return {
    file,
    source,
    ids: {
      label: file,
      id: typeof data.id === 'string' ? data.id : undefined,
      questionIds,
    },
    resolved: problems.length === 0 ? resolved : undefined,
    problems,
  };
}
