import { describe, expect, it } from 'vitest';
import { checkKeyBalance } from '../../src/domain/key-balance';
import { bankSchema, type BankInput } from '../../src/domain/question-schema';

type QuestionInput = BankInput['questions'][number];

const common = {
  prompt: 'A prompt.',
  skill: 'literal' as const,
  difficulty: 1,
  explanation: 'Because the article says so.',
  evidence: ['a quote'],
};
const feedback = 'Why this is wrong.';

/** Options a, b, c, d, ... with the ones at `right` (0-based places) marked correct. */
function options(count: number, right: readonly number[]) {
  return Array.from({ length: count }, (_, index) => {
    const id = String.fromCharCode(97 + index);
    return right.includes(index) ? { id, text: id, correct: true } : { id, text: id, feedback };
  });
}

function single(id: string, rightAt: number, count = 4): QuestionInput {
  return { ...common, id, type: 'single', options: options(count, [rightAt]) };
}

function multiple(id: string, right: readonly number[], count = 5): QuestionInput {
  return { ...common, id, type: 'multiple', options: options(count, right) };
}

function twoPart(id: string, rightAt: number): QuestionInput {
  return {
    ...common,
    id,
    type: 'two-part',
    partA: { type: 'single', prompt: 'Part A.', options: options(4, [rightAt]) },
    partB: { type: 'evidence', prompt: 'Part B.' },
  };
}

function cloze(id: string, rightAt: number): QuestionInput {
  const choices = ['one', 'two', 'three'];
  return {
    ...common,
    id,
    type: 'cloze',
    text: 'It was {{word}}.',
    gaps: [{ id: 'word', choices, answer: choices[rightAt] ?? 'one' }],
  };
}

/** A match whose left item n is paired with right item `partners[n]`. */
function match(id: string, partners: readonly number[]): QuestionInput {
  const right = ['x', 'y', 'z', 'w'].slice(0, Math.max(3, partners.length));
  return {
    ...common,
    id,
    type: 'match',
    left: partners.map((partner, index) => ({
      id: `left-${index}`,
      text: `Left ${index}`,
      match: right[partner] ?? 'x',
    })),
    right: right.map((rightId) => ({ id: rightId, text: rightId })),
  };
}

function problemsOf(questions: QuestionInput[]) {
  return checkKeyBalance(
    bankSchema.parse({ id: 'bank', article: 'article', title: 'T', description: 'D', questions }),
  );
}

describe('checkKeyBalance: one-answer choices', () => {
  it.each([
    {
      case: 'every right option first',
      questions: [single('q1', 0), single('q2', 0), single('q3', 0), single('q4', 0)],
      path: ['questions', 0, 'options', 0],
      message: /choice A in 4 of this bank's 4 one-answer choices \(q1, q2, q3, q4\).*A 4\./,
    },
    {
      case: 'three of five at C',
      questions: [
        single('q1', 2),
        single('q2', 0),
        single('q3', 2),
        single('q4', 1),
        single('q5', 2),
      ],
      path: ['questions', 0, 'options', 2],
      message: /choice C in 3 of this bank's 5 .*\(q1, q3, q5\).*A 1, B 1, C 3\./,
    },
    {
      case: 'two-part Part A and drop-down cloze gaps counted with singles',
      questions: [twoPart('tp', 1), cloze('cz', 1), single('s1', 1), single('s2', 3)],
      path: ['questions', 0, 'partA', 'options', 1],
      message: /choice B in 3 of this bank's 4 .*\(tp, cz, s1\)/,
    },
  ])('reports $case at the first question keyed there', ({ questions, path, message }) => {
    expect(problemsOf(questions)).toEqual([{ path, message: expect.stringMatching(message) }]);
  });

  it.each([
    { case: 'keys spread over the places', keys: [0, 1, 2, 3, 0, 1] },
    { case: 'exactly half at one place', keys: [0, 0, 0, 1, 2, 3] },
    { case: 'two of two at one place (too few to tell)', keys: [0, 0] },
    { case: 'two of three at one place (fewer than three)', keys: [1, 1, 2] },
  ])('accepts $case', ({ keys }) => {
    expect(problemsOf(keys.map((rightAt, index) => single(`q${index}`, rightAt)))).toEqual([]);
  });
});

describe('checkKeyBalance: choose-all-that-apply lists', () => {
  it.each([
    { case: 'one list, right options first', lists: [[0, 1, 2]], flagged: ['m0'] },
    {
      case: 'two of three lists lead with their right options',
      lists: [[0, 1], [1, 3], [0]],
      flagged: ['m0', 'm2'],
    },
  ])('reports $case', ({ lists, flagged }) => {
    const questions = lists.map((right, index) => multiple(`m${index}`, right));
    const first = lists.findIndex((_, index) => flagged.includes(`m${index}`));
    expect(problemsOf(questions)).toEqual([
      {
        path: ['questions', first, 'options'],
        message: expect.stringMatching(
          new RegExp(
            `in ${flagged.length} of this bank's ${lists.length} .*\\(${flagged.join(', ')}\\)`,
          ),
        ),
      },
    ]);
  });

  it.each([
    { case: 'right and wrong options mixed', lists: [[0, 2, 3]] },
    { case: 'right options last', lists: [[3, 4]] },
    {
      case: 'half of the lists lead',
      lists: [
        [0, 1],
        [1, 2],
      ],
    },
  ])('accepts $case', ({ lists }) => {
    expect(problemsOf(lists.map((right, index) => multiple(`m${index}`, right)))).toEqual([]);
  });
});

describe('checkKeyBalance: match questions', () => {
  it.each([
    { case: 'every pair lined up', partners: [0, 1, 2], aligned: 3 },
    { case: 'three of four lined up', partners: [0, 1, 2, 0], aligned: 3 },
    { case: 'two of three lined up, two items sharing a partner', partners: [0, 0, 2], aligned: 2 },
  ])('reports $case', ({ partners, aligned }) => {
    expect(problemsOf([single('s', 1), match('mt', partners)])).toEqual([
      {
        path: ['questions', 1, 'right'],
        questionId: 'mt',
        message: expect.stringMatching(
          new RegExp(`^${aligned} of ${partners.length} pairs line up by position`),
        ),
      },
    ]);
  });

  it.each([
    { case: 'no pair lined up', partners: [1, 2, 0] },
    { case: 'one of three lined up', partners: [0, 2, 1] },
    { case: 'two of four lined up (exactly half)', partners: [0, 1, 3, 2] },
  ])('accepts $case', ({ partners }) => {
    expect(problemsOf([match('mt', partners)])).toEqual([]);
  });
});

describe('checkKeyBalance on a whole bank', () => {
  it('reports each kind of predictable key once, in a stable order', () => {
    const problems = problemsOf([
      single('s1', 0),
      multiple('m1', [0, 1]),
      single('s2', 0),
      match('mt', [0, 1, 2]),
      single('s3', 0),
    ]);
    expect(problems.map((problem) => problem.path)).toEqual([
      ['questions', 0, 'options', 0],
      ['questions', 1, 'options'],
      ['questions', 3, 'right'],
    ]);
  });

  it('ignores questions without a key position', () => {
    expect(
      problemsOf([
        { ...common, id: 'short', type: 'short', answers: ['Kursk'] },
        { ...common, id: 'numeric', type: 'numeric', answer: 3 },
      ]),
    ).toEqual([]);
  });
});
