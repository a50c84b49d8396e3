import { describe, expect, it } from 'vitest';
import { bankSchema, type BankInput } from '../../src/domain/question-schema';
import { checkBank, checkResolvedBank, checkUniqueIds } from '../../src/domain/question-rules';
import type { ResolvedQuestion } from '../../src/domain/resolved-bank';
import { article } from './fixtures/engine-questions';

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

type ClozeInput = Extract<QuestionInput, { type: 'cloze' }>;

/** A cloze on the article's first sentence, p1.s1, with a drop-down gap and a typed one. */
function cloze(overrides: Partial<ClozeInput> = {}) {
  return {
    ...common,
    id: 'cloze-q',
    type: 'cloze',
    text: 'President Vladimir Putin visited {{ place }} for the first time since Russia claimed to have {{verb}} the region.',
    gaps: [
      { id: 'place', choices: ['Kursk', 'Kyiv'], answer: 'Kursk' },
      { id: 'verb', answers: ['retaken', 'recaptured'] },
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
  cloze(),
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

describe('checkBank on cloze questions', () => {
  it.each<[string, Partial<ClozeInput>, (string | number)[], RegExp]>([
    [
      'a mark that names no gap',
      { text: 'Putin visited {{place}} for the first time since Russia {{verb}} the {{area}}.' },
      ['text'],
      /^"\{\{area\}\}" in the text names no gap; the gaps are "place", "verb"\. Write each gap as \{\{id\}\}/,
    ],
    [
      'a gap missing from the text',
      { text: 'Putin visited {{place}} for the first time.' },
      ['gaps', 1, 'id'],
      /^Gap "verb" is not in the text\. Write \{\{verb\}\} in the text where its words are\.$/,
    ],
    [
      'a gap written twice in the text',
      { text: 'Putin visited {{place}} and {{ place }} since Russia {{verb}} it.' },
      ['gaps', 0, 'id'],
      /^Gap "place" is written 2 times in the text; write \{\{place\}\} once/,
    ],
    [
      'the same gap id twice',
      {
        text: 'Putin visited {{place}} since Russia {{verb}} it.',
        gaps: [
          { id: 'place', answers: ['Kursk'] },
          { id: 'verb', answers: ['retook'] },
          { id: 'place', answers: ['Kursk'] },
        ],
      },
      ['gaps', 2, 'id'],
      /"place" is used twice/,
    ],
    [
      'a gap with both choices and answers',
      {
        gaps: [
          { id: 'place', choices: ['Kursk', 'Kyiv'], answer: 'Kursk', answers: ['Kursk'] },
          { id: 'verb', answers: ['retaken'] },
        ],
      },
      ['gaps', 0],
      /^Gap "place" has both "choices" \(a drop-down\) and "answers" \(typed\)\. Keep one/,
    ],
    [
      'a gap with neither choices nor answers',
      { gaps: [{ id: 'place', choices: ['Kursk', 'Kyiv'], answer: 'Kursk' }, { id: 'verb' }] },
      ['gaps', 1],
      /^Gap "verb" has neither "choices" nor "answers"\. Give "choices" and "answer" for a drop-down/,
    ],
    [
      'a drop-down with no answer',
      {
        gaps: [
          { id: 'place', choices: ['Kursk', 'Kyiv'] },
          { id: 'verb', answers: ['retaken'] },
        ],
      },
      ['gaps', 0],
      /^Gap "place" is a drop-down with no "answer"\. Add "answer"/,
    ],
    [
      'a drop-down answer that is not one of its choices',
      {
        gaps: [
          { id: 'place', choices: ['Kursk', 'Kyiv'], answer: 'kursk' },
          { id: 'verb', answers: ['retaken'] },
        ],
      },
      ['gaps', 0, 'answer'],
      /^"answer: kursk" of gap "place" is not one of its choices \("Kursk", "Kyiv"\)\. Copy the right choice exactly\.$/,
    ],
    [
      'two choices that are the same once normalised',
      {
        gaps: [
          { id: 'place', choices: ['Kursk', 'Kyiv', 'the kursk.'], answer: 'Kursk' },
          { id: 'verb', answers: ['retaken'] },
        ],
      },
      ['gaps', 0, 'choices', 2],
      /^Choice "the kursk\." of gap "place" is the same as "Kursk" once case, spacing and punctuation are ignored/,
    ],
    [
      'a typed gap with an "answer"',
      {
        gaps: [
          { id: 'place', choices: ['Kursk', 'Kyiv'], answer: 'Kursk' },
          { id: 'verb', answers: ['retaken'], answer: 'retaken' },
        ],
      },
      ['gaps', 1, 'answer'],
      /^Gap "verb" is typed \(it has "answers"\), so "answer" means nothing here/,
    ],
    [
      'typed answers that are the same once normalised',
      {
        gaps: [
          { id: 'place', choices: ['Kursk', 'Kyiv'], answer: 'Kursk' },
          { id: 'verb', answers: ['retaken', 'Re-taken', 'RETAKEN'] },
        ],
      },
      ['gaps', 1, 'answers', 2],
      /^Accepted answer "RETAKEN" is the same as "retaken"/,
    ],
  ])('reports %s, at its place', (_name, overrides, path, message) => {
    expect(problemsOf(cloze(overrides))).toEqual([
      {
        path: ['questions', 0, ...path],
        questionId: 'cloze-q',
        message: expect.stringMatching(message),
      },
    ]);
  });

  it('rejects a cloze without gaps or with more than three in the schema', () => {
    const bank = (gaps: ClozeInput['gaps']) => ({
      id: 'bank',
      article: 'article',
      title: 'T',
      description: 'D',
      questions: [cloze({ gaps })],
    });
    expect(bankSchema.safeParse(bank([])).success).toBe(false);
    const four = ['a', 'b', 'c', 'd'].map((id) => ({ id, answers: [id] }));
    expect(bankSchema.safeParse(bank(four)).success).toBe(false);
  });
});

describe('checkResolvedBank', () => {
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
    expect(checkResolvedBank({ questions: resolved([sentence]) }, article)).toEqual([]);
  });

  it('reports evidence and two-part-with-evidence questions that name no sentence', () => {
    expect(checkResolvedBank({ questions: resolved([]) }, article)).toEqual([
      {
        path: ['questions', 7, 'evidence'],
        questionId: 'evidence-q',
        message: expect.stringMatching(/names none/),
      },
      expect.objectContaining({ path: ['questions', 8, 'evidence'], questionId: 'two-part-q' }),
    ]);
  });
});

describe('checkResolvedBank on cloze questions', () => {
  /** A cloze whose evidence resolved to the given sentences. */
  const resolvedCloze = (overrides: Partial<ClozeInput>, sentenceIds: string[]) =>
    bankSchema
      .parse({
        id: 'bank',
        article: 'article',
        title: 'T',
        description: 'D',
        questions: [cloze(overrides)],
      })
      .questions.map((question): ResolvedQuestion => ({
        ...question,
        evidence: [{ quote: 'a quote', paragraphId: 'p1', start: 0, end: 7, sentenceIds }],
      }));

  it.each<[string, Partial<ClozeInput>, string[]]>([
    ['the text of its sentence, gaps filled with the right answers', {}, ['p1.s1']],
    [
      'straight quotes and extra spaces for the article’s curly quote',
      {
        text: "Despite Moscow's  claims of having fully {{verb}} Kursk, Putin {{admitted}}",
        gaps: [
          { id: 'verb', answers: ['reclaimed'] },
          { id: 'admitted', choices: ['admitted', 'denied'], answer: 'admitted' },
        ],
      },
      ['p5.s1'],
    ],
    [
      'a text across two evidence sentences',
      {
        text: 'that stunned Russian command. It was the first time since the {{war}}',
        gaps: [{ id: 'war', answers: ['Second World War', 'World War II'] }],
      },
      ['p8.s1', 'p8.s2'],
    ],
    [
      'no sentence to compare with (reported elsewhere)',
      { text: 'Anything {{place}} {{verb}}' },
      [],
    ],
    [
      'a mark that names no gap (reported by the question rules, not again here)',
      { text: 'President Vladimir Putin visited {{weekday}} for the first time' },
      ['p1.s1'],
    ],
    [
      'a drop-down without a right answer among its choices (reported by the question rules)',
      {
        gaps: [
          { id: 'place', choices: ['Kursk', 'Kyiv'], answer: 'Moscow' },
          { id: 'verb', answers: ['retaken'] },
        ],
      },
      ['p1.s1'],
    ],
  ])('accepts %s', (_name, overrides, sentenceIds) => {
    expect(
      checkResolvedBank({ questions: resolvedCloze(overrides, sentenceIds) }, article),
    ).toEqual([]);
  });

  it.each<[string, Partial<ClozeInput>, string[], RegExp]>([
    [
      'a text that is not the article’s',
      { text: 'Putin visited {{place}} for the first time since Russia {{verb}} the region.' },
      ['p1.s1'],
      /^With each gap filled by its right answer the text reads "Putin visited Kursk for the first time since Russia retaken the region\.", which is not word for word in the sentence its evidence quotes\. Copy the text from the article/,
    ],
    [
      'a typed gap whose first accepted answer is not the article’s word',
      {
        gaps: [
          { id: 'place', choices: ['Kursk', 'Kyiv'], answer: 'Kursk' },
          { id: 'verb', answers: ['recaptured', 'retaken'] },
        ],
      },
      ['p1.s1'],
      /text reads ".*to have recaptured the region\."/,
    ],
    [
      'a drop-down whose answer is not the article’s word',
      {
        gaps: [
          { id: 'place', choices: ['Kursk', 'Kyiv'], answer: 'Kyiv' },
          { id: 'verb', answers: ['retaken'] },
        ],
      },
      ['p1.s1'],
      /text reads "President Vladimir Putin visited Kyiv for/,
    ],
    [
      'a text from another sentence than its evidence, naming both sentences',
      {},
      ['p2.s1', 'p3.s1'],
      /not word for word in the sentences its evidence quotes/,
    ],
  ])('reports %s at its text', (_name, overrides, sentenceIds, message) => {
    expect(
      checkResolvedBank({ questions: resolvedCloze(overrides, sentenceIds) }, article),
    ).toEqual([
      {
        path: ['questions', 0, 'text'],
        questionId: 'cloze-q',
        message: expect.stringMatching(message),
      },
    ]);
  });
});

describe('checkUniqueIds', () => {
  it('reports a question id used again once, at the later use, naming both places', () => {
    const problems = checkUniqueIds([
      { label: 'first.yaml', id: 'first', questionIds: ['shared', 'own'] },
      { label: 'second.yaml', id: 'second', questionIds: [undefined, 'shared', 'again', 'again'] },
    ]);
    // Nothing at first.yaml: the bank already there is not the one to change.
    expect(problems).toEqual([
      {
        bankIndex: 1,
        path: ['questions', 1, 'id'],
        questionId: 'shared',
        message:
          'Question 2 of this bank reuses the id "shared" of question 1 of first.yaml. Question ids must be unique across all banks; rename this one.',
      },
      {
        bankIndex: 1,
        path: ['questions', 3, 'id'],
        questionId: 'again',
        message: expect.stringMatching(
          /^Question 4 of this bank reuses the id "again" of question 3 of this bank\. .*rename this one\.$/,
        ),
      },
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
