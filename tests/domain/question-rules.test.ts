import { describe, expect, it } from 'vitest';
import { bankSchema, type BankInput } from '../../src/domain/question-schema';
import { checkBank, checkEvidenceKeys, checkUniqueIds } from '../../src/domain/question-rules';
import type { ResolvedQuestion } from '../../src/domain/resolved-bank';

type QuestionInput = BankInput['questions'][number];

const common = {
  prompt: 'A prompt.',
  skill: 'literal' as const,
  difficulty: 1,
  explanation: 'Because the article says so.',
  evidence: ['a quote'],
};

const wrongFeedback = 'Why this is wrong.';

function single(overrides: Partial<Extract<QuestionInput, { type: 'single' }>> = {}) {
  return {
    ...common,
    id: 'single-q',
    type: 'single',
    options: [
      { id: 'a', text: 'A', correct: true },
      { id: 'b', text: 'B', feedback: wrongFeedback },
    ],
    ...overrides,
  } satisfies QuestionInput;
}

/** One valid question of every type. */
const validQuestions: QuestionInput[] = [
  single(),
  {
    ...common,
    id: 'multiple-q',
    type: 'multiple',
    options: [
      { id: 'a', text: 'A', correct: true },
      { id: 'b', text: 'B', correct: true },
      { id: 'c', text: 'C', feedback: wrongFeedback },
    ],
  },
  {
    ...common,
    id: 'judgement-q',
    type: 'judgement',
    statement: 'A statement.',
    answer: 'not-given',
    feedback: { true: wrongFeedback, false: wrongFeedback },
  },
  { ...common, id: 'numeric-q', type: 'numeric', answer: 200, tolerance: 20 },
  { ...common, id: 'short-q', type: 'short', answers: ['The Kremlin', 'Kremlin aide'] },
  {
    ...common,
    id: 'match-q',
    type: 'match',
    left: [
      { id: 'one', text: 'One', match: 'x' },
      { id: 'two', text: 'Two', match: 'x' },
      { id: 'three', text: 'Three', match: 'y' },
    ],
    right: [
      { id: 'x', text: 'X' },
      { id: 'y', text: 'Y' },
      { id: 'z', text: 'Z' },
    ],
  },
  {
    ...common,
    id: 'order-q',
    type: 'order',
    items: [
      { id: 'first', text: 'First' },
      { id: 'second', text: 'Second' },
      { id: 'third', text: 'Third' },
    ],
  },
  { ...common, id: 'evidence-q', type: 'evidence', claim: 'A claim.' },
  {
    ...common,
    id: 'two-part-q',
    type: 'two-part',
    partA: {
      type: 'single',
      prompt: 'Part A.',
      options: [
        { id: 'a', text: 'A', correct: true },
        { id: 'b', text: 'B', feedback: wrongFeedback },
      ],
    },
    partB: { type: 'evidence', prompt: 'Part B.' },
  },
];

function problemsOf(...questions: QuestionInput[]) {
  return checkBank(
    bankSchema.parse({ id: 'bank', article: 'article', title: 'T', description: 'D', questions }),
  );
}

describe('checkBank', () => {
  it('accepts a valid question of every type', () => {
    expect(problemsOf(...validQuestions)).toEqual([]);
  });

  it('asks a single-choice question with no correct option to mark one, and nothing more', () => {
    expect(
      problemsOf(
        single({
          options: [
            { id: 'a', text: 'A' },
            { id: 'b', text: 'B' },
          ],
        }),
      ),
    ).toEqual([
      {
        path: ['questions', 0, 'options'],
        questionId: 'single-q',
        message: expect.stringMatching(/no correct option.*"correct: true"/),
      },
    ]);
  });

  it('rejects a single-choice question with two correct options', () => {
    const problems = problemsOf(
      single({
        options: [
          { id: 'a', text: 'A', correct: true },
          { id: 'b', text: 'B', correct: true },
        ],
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        path: ['questions', 0, 'options'],
        message: expect.stringMatching(/2 options are marked correct \(a, b\).*"multiple"/),
      }),
    ]);
  });

  it('rejects a multiple-choice question with no wrong option, or no right one', () => {
    const allRight = {
      ...common,
      id: 'all-right',
      type: 'multiple',
      options: ['a', 'b', 'c'].map((id) => ({ id, text: id, correct: true })),
    } satisfies QuestionInput;
    const noneRight = {
      ...allRight,
      id: 'none-right',
      options: ['a', 'b', 'c'].map((id) => ({ id, text: id })),
    } satisfies QuestionInput;
    expect(problemsOf(allRight, noneRight)).toEqual([
      expect.objectContaining({
        questionId: 'all-right',
        message: expect.stringMatching(/Every option .* is marked correct/),
      }),
      expect.objectContaining({
        questionId: 'none-right',
        message: expect.stringMatching(/no correct option/),
      }),
    ]);
  });

  it('asks for feedback on every wrong option, in parts of two-part questions too', () => {
    const twoPart = validQuestions.find((question) => question.type === 'two-part');
    if (twoPart?.type !== 'two-part') throw new Error('no two-part question');
    const problems = problemsOf(
      single({
        options: [
          { id: 'a', text: 'A', correct: true },
          { id: 'b', text: 'B' },
        ],
      }),
      {
        ...twoPart,
        partB: {
          type: 'single',
          prompt: 'Which sentence?',
          options: [
            { id: 's1', text: 'One', correct: true },
            { id: 's2', text: 'Two' },
          ],
        },
      },
    );
    expect(problems).toEqual([
      expect.objectContaining({
        path: ['questions', 0, 'options', 1],
        message: expect.stringMatching(/Option "b" is wrong but has no feedback/),
      }),
      expect.objectContaining({
        path: ['questions', 1, 'partB', 'options', 1],
        questionId: 'two-part-q',
        message: expect.stringMatching(/Option "s2"/),
      }),
    ]);
  });

  it('asks for feedback on both wrong judgements', () => {
    const problems = problemsOf({
      ...common,
      id: 'judgement-q',
      type: 'judgement',
      statement: 'A statement.',
      answer: 'true',
      feedback: { 'not-given': wrongFeedback },
    });
    expect(problems).toEqual([
      {
        path: ['questions', 0, 'feedback'],
        questionId: 'judgement-q',
        message: expect.stringMatching(/answers "false"/),
      },
    ]);
  });

  it('rejects ids used twice within a question’s options, match sides and order items', () => {
    const problems = problemsOf(
      single({
        options: [
          { id: 'a', text: 'A', correct: true },
          { id: 'a', text: 'B', feedback: wrongFeedback },
        ],
      }),
      {
        ...common,
        id: 'match-q',
        type: 'match',
        left: [
          { id: 'one', text: 'One', match: 'x' },
          { id: 'one', text: 'Two', match: 'y' },
          { id: 'three', text: 'Three', match: 'y' },
        ],
        right: [
          { id: 'x', text: 'X' },
          { id: 'y', text: 'Y' },
          { id: 'y', text: 'Z' },
        ],
      },
      {
        ...common,
        id: 'order-q',
        type: 'order',
        items: [
          { id: 'first', text: 'First' },
          { id: 'second', text: 'Second' },
          { id: 'first', text: 'Third' },
        ],
      },
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      ['questions', 0, 'options', 1, 'id'],
      ['questions', 1, 'left', 1, 'id'],
      ['questions', 1, 'right', 2, 'id'],
      ['questions', 2, 'items', 2, 'id'],
    ]);
    expect(problems[3]?.message).toMatch(/"first" is used twice .*items 1 and 3/);
  });

  it('rejects a match partner that names no right item, but lets two items share one', () => {
    const problems = problemsOf({
      ...common,
      id: 'match-q',
      type: 'match',
      left: [
        { id: 'one', text: 'One', match: 'x' },
        { id: 'two', text: 'Two', match: 'x' },
        { id: 'three', text: 'Three', match: 'w' },
      ],
      right: [
        { id: 'x', text: 'X' },
        { id: 'y', text: 'Y' },
        { id: 'z', text: 'Z' },
      ],
    });
    expect(problems).toEqual([
      {
        path: ['questions', 0, 'left', 2, 'match'],
        questionId: 'match-q',
        message: expect.stringMatching(/"match: w" names no item of "right". Use one of: x, y, z/),
      },
    ]);
  });

  it('rejects a tolerance wider than a tenth of the numeric answer', () => {
    const numeric = (id: string, answer: number, tolerance: number) =>
      ({ ...common, id, type: 'numeric', answer, tolerance }) satisfies QuestionInput;
    const problems = problemsOf(
      numeric('tenth', 63, 6.3),
      numeric('wider', 63, 7),
      numeric('around-zero', 0, 1),
      numeric('negative', -30, 3),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        path: ['questions', 1, 'tolerance'],
        message: expect.stringMatching(/accepts anything from 56 to 70/),
      }),
      expect.objectContaining({ path: ['questions', 2, 'tolerance'] }),
    ]);
  });

  it('rejects short answers that are the same once normalised', () => {
    const problems = problemsOf({
      ...common,
      id: 'short-q',
      type: 'short',
      answers: ['The Kremlin', 'kremlin.', 'Kremlin aide'],
    });
    expect(problems).toEqual([
      {
        path: ['questions', 0, 'answers', 1],
        questionId: 'short-q',
        message: expect.stringMatching(/"kremlin\." is the same as "The Kremlin"/),
      },
    ]);
  });
});

describe('checkEvidenceKeys', () => {
  const sentence = {
    quote: 'a quote',
    paragraphId: 'p1',
    start: 0,
    end: 7,
    sentenceIds: ['p1.s1'],
  };
  const resolved = (evidence: (typeof sentence)[]) =>
    bankSchema
      .parse({
        id: 'bank',
        article: 'article',
        title: 'T',
        description: 'D',
        questions: validQuestions,
      })
      .questions.map((question): ResolvedQuestion => ({ ...question, evidence }));

  it('accepts evidence-keyed questions whose evidence names a sentence', () => {
    expect(checkEvidenceKeys({ questions: resolved([sentence]) })).toEqual([]);
  });

  it('reports evidence and two-part-with-evidence questions that name no sentence', () => {
    expect(checkEvidenceKeys({ questions: resolved([]) })).toEqual([
      {
        path: ['questions', 7, 'evidence'],
        questionId: 'evidence-q',
        message: expect.stringMatching(/names none/),
      },
      expect.objectContaining({ path: ['questions', 8, 'evidence'], questionId: 'two-part-q' }),
    ]);
  });
});

describe('checkUniqueIds', () => {
  it('reports a question id used again at every place, each naming the first other one', () => {
    const problems = checkUniqueIds([
      { label: 'first.yaml', id: 'first', questionIds: ['shared', 'own'] },
      { label: 'second.yaml', id: 'second', questionIds: [undefined, 'shared', 'again', 'again'] },
    ]);
    expect(problems).toEqual([
      {
        bankIndex: 0,
        path: ['questions', 0, 'id'],
        questionId: 'shared',
        message: expect.stringMatching(
          /also used by question 2 of second\.yaml.*rename the new one/,
        ),
      },
      {
        bankIndex: 1,
        path: ['questions', 1, 'id'],
        questionId: 'shared',
        message: expect.stringMatching(/already used by question 1 of first\.yaml/),
      },
      expect.objectContaining({
        bankIndex: 1,
        path: ['questions', 2, 'id'],
        message: expect.stringMatching(/also used by question 4 of this bank/),
      }),
      expect.objectContaining({
        bankIndex: 1,
        path: ['questions', 3, 'id'],
        message: expect.stringMatching(/question 3 of this bank/),
      }),
    ]);
  });

  it('reports a bank id used twice', () => {
    const problems = checkUniqueIds([
      { label: 'a.yaml', id: 'same', questionIds: [] },
      { label: 'b.yaml', id: 'same', questionIds: [] },
    ]);
    expect(problems).toEqual([
      {
        bankIndex: 1,
        path: ['id'],
        message: expect.stringMatching(/Bank id "same" is already the id of a\.yaml/),
      },
    ]);
  });
});
