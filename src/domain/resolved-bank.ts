import type { Article } from './article';
import { resolveEvidence, type ResolvedEvidence } from './evidence';
import type { Bank, Question } from './question-schema';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A question whose evidence quotes have been found in the article. This is what the engine scores. */
export type ResolvedQuestion = DistributiveOmit<Question, 'evidence'> & {
  evidence: ResolvedEvidence[];
};

export type ResolvedQuestionOf<T extends ResolvedQuestion['type']> = Extract<
  ResolvedQuestion,
  { type: T }
>;

export interface ResolvedBank {
  id: string;
  articleId: string;
  title: string;
  description: string;
  questions: ResolvedQuestion[];
}

/** A problem found while resolving a bank, placed by its path in the bank (for file and line). */
export interface BankProblem {
  path: (string | number)[];
  questionId?: string;
  message: string;
}

/**
 * Resolves every evidence quote of a bank against its article. Questions whose quotes do not
 * resolve keep only the quotes that did, and each failure is reported with its path.
 */
export function resolveBank(
  article: Article,
  bank: Bank,
): { bank: ResolvedBank; problems: BankProblem[] } {
  const problems: BankProblem[] = [];
  const questions = bank.questions.map((question, questionIndex): ResolvedQuestion => {
    const evidence = question.evidence.flatMap((quote, quoteIndex) => {
      const resolution = resolveEvidence(article, quote);
      if (resolution.ok) return [resolution.evidence];
      problems.push({
        path: ['questions', questionIndex, 'evidence', quoteIndex],
        questionId: question.id,
        message: resolution.message,
      });
      return [];
    });
    return { ...question, evidence };
  });
  return {
    bank: {
      id: bank.id,
      articleId: bank.article,
      title: bank.title,
      description: bank.description,
      questions,
    },
    problems,
  };
}

/** The sentences a question's evidence names, without repeats, in the order its quotes give them: the key of `evidence` selections. */
export function listEvidenceSentenceIds(question: Pick<ResolvedQuestion, 'evidence'>): string[] {
  return [...new Set(question.evidence.flatMap((evidence) => evidence.sentenceIds))];
}
