import type { Bank, Option, Question } from './question-schema';
import type { BankProblem } from './resolved-bank';

/**
 * Any assignment with option shuffling off shows options in bank order (the printed copy shuffles
 * them with a seed), so a bank whose right answers sit in the same place teaches students to guess
 * that place.
 * These thresholds say when a place is too predictable; docs/writing-questions.md explains them.
 */
export const KEY_BALANCE = {
  /** A place holding the key of more than this share of one-answer choices is predictable... */
  maxShareAtOnePosition: 0.5,
  /** ...once it holds at least this many, so two or three questions can still fall as they like. */
  minCountAtOnePosition: 3,
  /** A match question lines up when more than this share of its pairs sit at the same index. */
  maxAlignedPairShare: 0.5,
} as const;

type Path = (string | number)[];

/** One place where a choice with exactly one right answer was keyed. */
interface OneAnswerKey {
  questionId: string;
  position: number;
  /** The path of the right choice, where a problem about its position is reported. */
  path: Path;
}

/** The position of the single right option, or undefined when there is not exactly one. */
function rightPosition(options: readonly Option[]): number | undefined {
  const right = options.flatMap((option, index) => (option.correct ? [index] : []));
  return right.length === 1 ? right[0] : undefined;
}

/** True when every right option is listed before every wrong one: the key is "the first k". */
function rightOptionsLeadTheList(options: readonly Option[]): boolean {
  const firstWrong = options.findIndex((option) => !option.correct);
  return firstWrong > 0 && options.slice(firstWrong).every((option) => !option.correct);
}

function letterOf(position: number): string {
  return String.fromCharCode('A'.charCodeAt(0) + position);
}

interface Collected {
  oneAnswer: OneAnswerKey[];
  /** Multiple-answer option lists, with whether their right options all come first. */
  manyAnswers: { questionId: string; path: Path; leading: boolean }[];
}

function collectOptions(
  collected: Collected,
  questionId: string,
  type: 'single' | 'multiple',
  options: readonly Option[],
  path: Path,
): void {
  if (type === 'single') {
    const position = rightPosition(options);
    if (position !== undefined)
      collected.oneAnswer.push({ questionId, position, path: [...path, 'options', position] });
    return;
  }
  collected.manyAnswers.push({
    questionId,
    path: [...path, 'options'],
    leading: rightOptionsLeadTheList(options),
  });
}

function collectKeys(question: Question, index: number, collected: Collected): void {
  const path: Path = ['questions', index];
  if (question.type === 'single' || question.type === 'multiple') {
    collectOptions(collected, question.id, question.type, question.options, path);
  } else if (question.type === 'two-part') {
    for (const part of ['partA', 'partB'] as const) {
      const item = question[part];
      if (item.type === 'single' || item.type === 'multiple')
        collectOptions(collected, question.id, item.type, item.options, [...path, part]);
    }
  } else if (question.type === 'cloze') {
    question.gaps.forEach((gap, gapIndex) => {
      // A drop-down gap is a one-answer choice too; typed gaps have no position.
      const position =
        gap.choices && gap.answer !== undefined ? gap.choices.indexOf(gap.answer) : -1;
      if (position >= 0)
        collected.oneAnswer.push({
          questionId: question.id,
          position,
          path: [...path, 'gaps', gapIndex, 'choices', position],
        });
    });
  }
}

function checkOneAnswerPositions(keys: readonly OneAnswerKey[]): BankProblem[] {
  const byPosition = new Map<number, OneAnswerKey[]>();
  for (const key of keys)
    byPosition.set(key.position, [...(byPosition.get(key.position) ?? []), key]);
  const problems: BankProblem[] = [];
  for (const [position, keyed] of [...byPosition].sort(([a], [b]) => a - b)) {
    const first = keyed[0];
    if (
      first === undefined ||
      keyed.length < KEY_BALANCE.minCountAtOnePosition ||
      keyed.length <= keys.length * KEY_BALANCE.maxShareAtOnePosition
    )
      continue;
    const counts = [...byPosition]
      .sort(([a], [b]) => a - b)
      .map(([place, at]) => `${letterOf(place)} ${at.length}`)
      .join(', ');
    problems.push({
      path: first.path,
      message: `The right answer is choice ${letterOf(position)} in ${keyed.length} of this bank's ${keys.length} one-answer choices (${[...new Set(keyed.map((key) => key.questionId))].join(', ')}); at most half may share a place. Right answers by place: ${counts}. Reorder some options so the right answers are spread over the places.`,
    });
  }
  return problems;
}

function checkManyAnswerLeads(lists: Collected['manyAnswers']): BankProblem[] {
  const leading = lists.filter((list) => list.leading);
  const first = leading[0];
  if (first === undefined || leading.length <= lists.length * KEY_BALANCE.maxShareAtOnePosition)
    return [];
  return [
    {
      path: first.path,
      message: `The right options come first, before every wrong one, in ${leading.length} of this bank's ${lists.length} choose-all-that-apply lists (${leading.map((list) => list.questionId).join(', ')}). Mix right and wrong options, so "the first ones" is not the key.`,
    },
  ];
}

function checkMatchAlignment(question: Question, index: number): BankProblem[] {
  if (question.type !== 'match') return [];
  const aligned = question.left.filter((left, at) => question.right[at]?.id === left.match);
  if (aligned.length <= question.left.length * KEY_BALANCE.maxAlignedPairShare) return [];
  return [
    {
      path: ['questions', index, 'right'],
      questionId: question.id,
      message: `${aligned.length} of ${question.left.length} pairs line up by position (left item n is matched to right item n). Reorder "right" so at most half of the pairs line up.`,
    },
  ];
}

/**
 * Checks that a bank's keys do not sit in predictable places, because the printed copy and
 * unshuffled assignments show bank order. Reports a place holding the right answer of more than
 * half (and at least three) of the bank's one-answer choices (single questions, two-part parts of
 * type single, drop-down cloze gaps); more than half of its choose-all-that-apply lists giving
 * their right options first; and each match question with more than half of its pairs at the same
 * index. Paths point into the bank.
 */
export function checkKeyBalance(bank: Pick<Bank, 'questions'>): BankProblem[] {
  const collected: Collected = { oneAnswer: [], manyAnswers: [] };
  bank.questions.forEach((question, index) => collectKeys(question, index, collected));
  return [
    ...checkOneAnswerPositions(collected.oneAnswer),
    ...checkManyAnswerLeads(collected.manyAnswers),
    ...bank.questions.flatMap((question, index) => checkMatchAlignment(question, index)),
  ];
}
