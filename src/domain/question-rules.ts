import { assertNever } from './assert-never';
import { JUDGEMENTS } from './question-kinds';
import { normaliseAnswer } from './normalise-answer';
import type { Bank, Option, PartA, PartB, Question } from './question-schema';
import { listEvidenceSentenceIds, type BankProblem, type ResolvedBank } from './resolved-bank';

/**
 * Rules a bank must keep that the zod schema cannot say field by field: the key names real
 * options, wrong answers carry feedback, ids are unique. The schema has already checked shapes,
 * so these rules only look at values.
 */

type Path = (string | number)[];
/** A question, or one part of a two-part question: anything with a `type` the rules look at. */
type QuestionBody = Question | PartA | PartB;

interface Context {
  questionId: string;
  /** "this question", or "Part A" inside a two-part question. */
  where: string;
  problems: BankProblem[];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function report(context: Context, path: Path, message: string): void {
  context.problems.push({ path, questionId: context.questionId, message });
}

function checkUniqueItemIds(
  context: Context,
  items: readonly { id: string }[],
  path: Path,
  noun: string,
): void {
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    const first = firstIndex.get(item.id);
    if (first === undefined) {
      firstIndex.set(item.id, index);
      return;
    }
    report(
      context,
      [...path, index, 'id'],
      `${noun} id "${item.id}" is used twice in "${path.at(-1)}" of ${context.where} (items ${first + 1} and ${index + 1}). Give each its own id.`,
    );
  });
}

function checkOptions(
  context: Context,
  type: 'single' | 'multiple',
  options: readonly Option[],
  path: Path,
): void {
  const optionsPath = [...path, 'options'];
  checkUniqueItemIds(context, options, optionsPath, 'Option');
  const correct = options.filter((option) => option.correct);
  if (correct.length === 0) {
    report(
      context,
      optionsPath,
      `${capitalise(context.where)} has no correct option. Mark the right ${type === 'single' ? 'one' : 'ones'} with "correct: true".`,
    );
  } else if (type === 'single' && correct.length > 1) {
    report(
      context,
      optionsPath,
      `${capitalise(context.where)} is single-choice but ${correct.length} options are marked correct (${correct.map((option) => option.id).join(', ')}). Keep one, or use type "multiple" for choose-all-that-apply.`,
    );
  } else if (type === 'multiple' && correct.length === options.length) {
    report(
      context,
      optionsPath,
      `Every option of ${context.where} is marked correct. Add at least one plausible wrong option, so choosing them all is not a safe guess.`,
    );
  }
  // With no option marked correct every option looks wrong; asking for feedback on all is noise.
  if (correct.length === 0) return;
  options.forEach((option, index) => {
    if (!option.correct && option.feedback === undefined) {
      report(
        context,
        [...optionsPath, index],
        `Option "${option.id}" is wrong but has no feedback. Add "feedback" saying why it is wrong, for the student who chose it.`,
      );
    }
  });
}

function checkJudgementFeedback(
  context: Context,
  body: Extract<QuestionBody, { type: 'judgement' }>,
  path: Path,
): void {
  for (const judgement of JUDGEMENTS) {
    if (judgement === body.answer || body.feedback[judgement] !== undefined) continue;
    report(
      context,
      [...path, 'feedback'],
      `No feedback for a student who answers "${judgement}". Add "${judgement}" under feedback saying why it is wrong.`,
    );
  }
}

function checkTolerance(
  context: Context,
  body: Extract<QuestionBody, { type: 'numeric' }>,
  path: Path,
): void {
  // Numeric answers are numbers the article states; more than a tenth either way accepts guesses.
  // Dividing (not multiplying by 0.1) keeps 63 / 10 exactly 6.3.
  const limit = Math.abs(body.answer) / 10;
  if (body.tolerance <= limit) return;
  report(
    context,
    [...path, 'tolerance'],
    `A tolerance of ${body.tolerance} accepts anything from ${body.answer - body.tolerance} to ${body.answer + body.tolerance}. Keep it at most a tenth of the answer (${limit}); use 0 for a number the article states.`,
  );
}

function checkShortAnswers(context: Context, answers: readonly string[], path: Path): void {
  const seen = new Map<string, string>();
  answers.forEach((answer, index) => {
    const normalised = normaliseAnswer(answer);
    const answerPath = [...path, 'answers', index];
    if (normalised === '') {
      report(
        context,
        answerPath,
        `Accepted answer "${answer}" is empty once case, spacing, punctuation and a leading "the/a/an" are ignored. Write the words a student would type.`,
      );
      return;
    }
    const same = seen.get(normalised);
    if (same === undefined) {
      seen.set(normalised, answer);
      return;
    }
    report(
      context,
      answerPath,
      `Accepted answer "${answer}" is the same as "${same}" once case, spacing, punctuation and a leading "the/a/an" are ignored. Remove it.`,
    );
  });
}

function checkMatchPartners(
  context: Context,
  body: Extract<QuestionBody, { type: 'match' }>,
  path: Path,
): void {
  checkUniqueItemIds(context, body.left, [...path, 'left'], 'Item');
  checkUniqueItemIds(context, body.right, [...path, 'right'], 'Item');
  const rightIds = new Set(body.right.map((item) => item.id));
  // Two left items may share a partner (a speaker can say two things), so only existence is checked.
  body.left.forEach((item, index) => {
    if (rightIds.has(item.match)) return;
    report(
      context,
      [...path, 'left', index, 'match'],
      `"match: ${item.match}" names no item of "right". Use one of: ${[...rightIds].join(', ')}.`,
    );
  });
}

function checkBody(context: Context, body: QuestionBody, path: Path): void {
  switch (body.type) {
    case 'single':
    case 'multiple':
      checkOptions(context, body.type, body.options, path);
      return;
    case 'judgement':
      checkJudgementFeedback(context, body, path);
      return;
    case 'numeric':
      checkTolerance(context, body, path);
      return;
    case 'short':
      checkShortAnswers(context, body.answers, path);
      return;
    case 'match':
      checkMatchPartners(context, body, path);
      return;
    case 'order':
      checkUniqueItemIds(context, body.items, [...path, 'items'], 'Item');
      return;
    case 'evidence':
      // The key is the evidence itself, checked once quotes are resolved (`checkEvidenceKeys`).
      return;
    case 'two-part':
      checkBody({ ...context, where: 'Part A' }, body.partA, [...path, 'partA']);
      checkBody({ ...context, where: 'Part B' }, body.partB, [...path, 'partB']);
      return;
    default:
      assertNever(body);
  }
}

/**
 * Checks every question of a parsed bank against the rules the schema cannot express: one correct
 * option for `single`, right and wrong options for `multiple`, feedback on every wrong option and
 * wrong judgement, unique ids within a question, match partners that exist, a sane numeric
 * tolerance, and short answers that differ once normalised. Paths point into the bank.
 */
export function checkBank(bank: Pick<Bank, 'questions'>): BankProblem[] {
  const problems: BankProblem[] = [];
  bank.questions.forEach((question, index) => {
    checkBody({ questionId: question.id, where: 'this question', problems }, question, [
      'questions',
      index,
    ]);
  });
  return problems;
}

/**
 * After evidence is resolved: an `evidence` question, or a two-part question whose Part B asks
 * for evidence, is keyed by the sentences its quotes name, so it must name at least one.
 */
export function checkEvidenceKeys(bank: Pick<ResolvedBank, 'questions'>): BankProblem[] {
  return bank.questions.flatMap((question, index): BankProblem[] => {
    const keyedByEvidence =
      question.type === 'evidence' ||
      (question.type === 'two-part' && question.partB.type === 'evidence');
    if (!keyedByEvidence || listEvidenceSentenceIds(question).length > 0) return [];
    return [
      {
        path: ['questions', index, 'evidence'],
        questionId: question.id,
        message:
          'The answer key of this question is the sentences its evidence names, and it names none. Fix the evidence quotes so that at least one is found in the article.',
      },
    ];
  });
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
 * refer to them. A clash is reported at every place the id is used, each naming the first other
 * place, because the loader cannot know which of the files was edited last.
 */
export function checkUniqueIds(banks: readonly BankIds[]): BankIdProblem[] {
  const problems: BankIdProblem[] = [];
  const bankIds = new Map<string, number>();
  const questionIds = new Map<
    string,
    { bankIndex: number; questionIndex: number; reported: boolean }
  >();
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
        questionIds.set(questionId, { bankIndex, questionIndex, reported: false });
        return;
      }
      if (!first.reported) {
        first.reported = true;
        problems.push({
          bankIndex: first.bankIndex,
          path: ['questions', first.questionIndex, 'id'],
          questionId,
          message: `Question id "${questionId}" is also used by ${questionPlace(bankIndex, questionIndex, first.bankIndex)}. Question ids must be unique across all banks; rename the new one.`,
        });
      }
      problems.push({
        bankIndex,
        path: ['questions', questionIndex, 'id'],
        questionId,
        message: `Question id "${questionId}" is already used by ${questionPlace(first.bankIndex, first.questionIndex, bankIndex)}. Question ids must be unique across all banks; rename the new one.`,
      });
    });
  });
  return problems;
}
