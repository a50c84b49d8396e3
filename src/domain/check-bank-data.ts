import { z } from 'zod';
import type { Article } from './article';
import type { DataPath, PathTarget } from './data-path';
import { describeIssues } from './describe-issues';
import { checkKeyBalance } from './key-balance';
import { bankSchema, questionSchema, type Bank, type Question } from './question-schema';
import { checkBank, checkResolvedBank, type BankIds } from './question-rules';
import { isRecord } from './question-types/shared';
import { resolveBank, type BankProblem, type ResolvedBank } from './resolved-bank';

/** One thing wrong with a bank, at the place in its data it concerns. */
export interface BankDataProblem {
  path: DataPath;
  /** `'key'` when the key at `path` is wrong (an unknown field), not its value. */
  target?: PathTarget;
  questionId?: string;
  message: string;
}

export interface CheckedBankData {
  problems: BankDataProblem[];
  /** The bank's ids as far as they could be read, to check them across banks. */
  ids: Omit<BankIds, 'label'>;
  /** The bank with its evidence resolved, when there is an article and no problem. */
  resolved: ResolvedBank | undefined;
}

/** The bank without its questions, so one broken question does not hide the others' problems. */
const envelopeSchema = bankSchema.extend({ questions: z.array(z.unknown()).min(1) });

/**
 * Every problem of a bank's parsed data (a YAML file's, or the editor's draft after its YAML
 * round trip), so `npm run check:content` and the bank editor say the same things: the bank and
 * each question validated on its own (so every broken question is reported, not just the first),
 * the question rules, then evidence resolved against `article` and the rules that need it.
 * Whether `article:` names the right article depends on where the bank is kept, so the caller
 * checks that with `checkArticleId`; its problems come right after the bank's own fields'.
 */
export function checkBankData(
  data: unknown,
  article: Article | undefined,
  checkArticleId: (articleId: unknown) => BankDataProblem[],
): CheckedBankData {
  if (!isRecord(data)) {
    return {
      problems: [
        {
          path: [],
          message: 'A bank is a mapping with id, article, title, description and questions.',
        },
      ],
      ids: { id: undefined, questionIds: [] },
      resolved: undefined,
    };
  }

  const problems: BankDataProblem[] = [];
  const envelope = envelopeSchema.safeParse(data);
  if (!envelope.success)
    problems.push(...describeIssues(envelopeSchema, data, envelope.error.issues));
  problems.push(...checkArticleId(data.article));

  const rawQuestions: unknown[] = Array.isArray(data.questions) ? data.questions : [];
  const questionIds = rawQuestions.map((question) =>
    isRecord(question) && typeof question.id === 'string' ? question.id : undefined,
  );
  const validQuestions: Question[] = [];
  /** For each valid question, its index among all the bank's questions. */
  const bankIndexes: number[] = [];
  rawQuestions.forEach((rawQuestion, index) => {
    const parsed = questionSchema.safeParse(rawQuestion);
    if (parsed.success) {
      validQuestions.push(parsed.data);
      bankIndexes.push(index);
      return;
    }
    const questionId = questionIds[index];
    const at = ['questions', index];
    for (const issue of describeIssues(questionSchema, rawQuestion, parsed.error.issues, at))
      problems.push(questionId === undefined ? issue : { ...issue, questionId });
  });

  // Rules and evidence run on the valid questions only; their paths are mapped back to the bank.
  const inBank = (problem: BankProblem): BankDataProblem => {
    const [first, index, ...rest] = problem.path;
    return first === 'questions' && typeof index === 'number'
      ? { ...problem, path: ['questions', bankIndexes[index] ?? index, ...rest] }
      : problem;
  };
  problems.push(...checkBank({ questions: validQuestions }).map(inBank));
  problems.push(...checkKeyBalance({ questions: validQuestions }).map(inBank));

  let resolved: ResolvedBank | undefined;
  if (article) {
    // Placeholders stand in for a broken envelope only to find the questions' problems; such a
    // bank has problems, so it is never returned.
    const bank: Bank = {
      ...(envelope.success
        ? envelope.data
        : { id: '', article: article.meta.id, title: '', description: '' }),
      questions: validQuestions,
    };
    const resolution = resolveBank(article, bank);
    problems.push(...resolution.problems.map(inBank));
    // A question whose quotes were not found already has a problem that says so; "names no
    // sentence" would only repeat it.
    const unresolved = new Set(resolution.problems.map((problem) => problem.questionId));
    problems.push(
      ...checkResolvedBank(resolution.bank, article)
        .filter((problem) => !unresolved.has(problem.questionId))
        .map(inBank),
    );
    resolved = resolution.bank;
  }

  return {
    problems,
    ids: { id: typeof data.id === 'string' ? data.id : undefined, questionIds },
    resolved: problems.length === 0 ? resolved : undefined,
  };
}
