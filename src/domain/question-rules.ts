import type { Article } from './article';
import type { Bank } from './question-schema';
import { questionTypeModule } from './question-types/registry';
import type { BankProblem, ResolvedBank } from './resolved-bank';

/**
 * Checks every question of a parsed bank against the rules the schema cannot express, each in
 * its type's module: one correct option for `single`, right and wrong options for `multiple`,
 * feedback on every wrong option and wrong judgement, unique ids within a question, match
 * partners that exist, a sane numeric tolerance, short answers that differ once normalised, gaps
 * that match the text of a cloze. Paths point into the bank.
 */
export function checkBank(bank: Pick<Bank, 'questions'>): BankProblem[] {
  const problems: BankProblem[] = [];
  bank.questions.forEach((question, index) => {
    questionTypeModule(question.type).checkRules(
      question,
      { questionId: question.id, where: 'this question', problems },
      ['questions', index],
    );
  });
  return problems;
}

/**
 * The rules that need the article, checked after evidence is resolved: an `evidence` question,
 * or a two-part question whose Part B asks for evidence, is keyed by the sentences its quotes
 * name, so it must name at least one; a cloze text must be the words of its evidence sentences.
 */
export function checkResolvedBank(
  bank: Pick<ResolvedBank, 'questions'>,
  article: Article,
): BankProblem[] {
  const problems: BankProblem[] = [];
  bank.questions.forEach((question, index) => {
    const questionPath = ['questions', index];
    questionTypeModule(question.type).checkResolved(
      question,
      {
        questionId: question.id,
        where: 'this question',
        problems,
        article,
        question,
        questionPath,
      },
      questionPath,
    );
  });
  return problems;
}

/** The ids of one bank, as far as they could be read, for `checkUniqueIds`. */
export interface BankIds {
  /** How to point a reader to the bank, like its file name. */
  label: string;
  id: string | undefined;
  /** In bank order; `undefined` where a question has no readable id. */
  questionIds: (string | undefined)[];
}

export interface BankIdProblem extends BankProblem {
  /** Index in the list given to `checkUniqueIds` of the bank the problem is in. */
  bankIndex: number;
}

/**
 * Bank ids and question ids must be unique across all banks, since results and assignments
 * refer to them. A clash is reported once, at the later use in reading order (most likely the
 * question being added), naming both places: the earlier use, often in a file no one touched,
 * is not marked as broken.
 */
export function checkUniqueIds(banks: readonly BankIds[]): BankIdProblem[] {
  const problems: BankIdProblem[] = [];
  const bankIds = new Map<string, number>();
  const questionIds = new Map<string, { bankIndex: number; questionIndex: number }>();
  const questionPlace = (bankIndex: number, questionIndex: number, from: number) =>
    `question ${questionIndex + 1} of ${bankIndex === from ? 'this bank' : banks[bankIndex]?.label}`;

  banks.forEach((bank, bankIndex) => {
    if (bank.id !== undefined) {
      const first = bankIds.get(bank.id);
      if (first === undefined) bankIds.set(bank.id, bankIndex);
      else {
        problems.push({
          bankIndex,
          path: ['id'],
          message: `Bank id "${bank.id}" is already the id of ${banks[first]?.label}. Bank ids must be unique; rename this one.`,
        });
      }
    }
    bank.questionIds.forEach((questionId, questionIndex) => {
      if (questionId === undefined) return;
      const first = questionIds.get(questionId);
      if (first === undefined) {
        questionIds.set(questionId, { bankIndex, questionIndex });
        return;
      }
      problems.push({
        bankIndex,
        path: ['questions', questionIndex, 'id'],
        questionId,
        message: `Question ${questionIndex + 1} of this bank reuses the id "${questionId}" of ${questionPlace(first.bankIndex, first.questionIndex, bankIndex)}. Question ids must be unique across all banks; rename this one.`,
      });
    });
  });
  return problems;
}
