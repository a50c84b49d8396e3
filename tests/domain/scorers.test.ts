import { describe, expect, it } from 'vitest';
import { listSentences } from '../../src/domain/article';
import type { ResolvedQuestion } from '../../src/domain/resolved-bank';
import type { QuestionResponse } from '../../src/domain/responses';
import type { ResultStatus } from '../../src/domain/results';
import { scoreQuestion } from '../../src/domain/score-attempt';
import { orderShare, selectionShare } from '../../src/domain/scorers';
import { article, fixtureQuestion } from './fixtures/engine-questions';

type Case = [
  name: string,
  response: QuestionResponse | undefined,
  points: number,
  status: ResultStatus,
  feedback?: string[],
];

function checkCases(question: ResolvedQuestion, cases: Case[]) {
  it.each(cases)('%s', (_name, response, points, status, feedback) => {
    const score = scoreQuestion(question, response);
    expect(score.points).toBe(points);
    expect(score.status).toBe(status);
    if (feedback !== undefined) expect(score.feedback).toEqual(feedback);
  });
}

describe('single', () => {
  const question = fixtureQuestion('fx-single', 'single');
  const feedback = (id: string) => question.options.find((option) => option.id === id)?.feedback;
  checkCases(question, [
    ['the right option', { choice: 'kurchatov' }, 1, 'correct', []],
    [
      'a wrong option, with its feedback',
      { choice: 'belgorod' },
      0,
      'incorrect',
      [feedback('belgorod') ?? ''],
    ],
    ['the fixed "None of these"', { choice: 'none' }, 0, 'incorrect', [feedback('none') ?? '']],
    ['an option the question does not have', { choice: 'moscow' }, 0, 'incorrect', []],
    ['no response', undefined, 0, 'unanswered', []],
    ['a response shaped for another type', { choices: ['kurchatov'] }, 0, 'incorrect'],
  ]);
});

describe('multiple, right minus wrong over the key of three (2 points)', () => {
  const question = fixtureQuestion('fx-multiple', 'multiple');
  const feedback = (id: string) =>
    question.options.find((option) => option.id === id)?.feedback ?? '';
  checkCases(question, [
    ['all three right', { choices: ['ria', 'state-media', 'kremlin-outlets'] }, 2, 'correct', []],
    ['two of three: 2 × 2/3', { choices: ['ria', 'state-media'] }, 1.33, 'partial'],
    ['one of three: 2 × 1/3', { choices: ['ria'] }, 0.67, 'partial'],
    [
      'three right and one wrong: 2 × (3 − 1)/3',
      { choices: ['ria', 'state-media', 'kremlin-outlets', 'reuters'] },
      1.33,
      'partial',
      [feedback('reuters')],
    ],
    [
      'one right, one wrong: floored at zero',
      { choices: ['ria', 'eu'] },
      0,
      'incorrect',
      [feedback('eu')],
    ],
    [
      'every option (extra selections): 2 × (3 − 2)/3, feedback in option order',
      { choices: ['eu', 'reuters', 'ria', 'state-media', 'kremlin-outlets'] },
      0.67,
      'partial',
      [feedback('reuters'), feedback('eu')],
    ],
    ['all wrong', { choices: ['reuters', 'eu'] }, 0, 'incorrect'],
    ['a choice repeated counts once', { choices: ['ria', 'ria'] }, 0.67, 'partial'],
    ['an empty selection', { choices: [] }, 0, 'unanswered', []],
  ]);
});

describe('multiple, all or nothing', () => {
  checkCases(fixtureQuestion('fx-multiple-strict', 'multiple'), [
    ['exactly the key', { choices: ['sanctions', 'disclosed'] }, 1, 'correct'],
    ['half the key', { choices: ['sanctions'] }, 0, 'incorrect'],
    ['the key and an extra one', { choices: ['sanctions', 'disclosed', 'call'] }, 0, 'incorrect'],
  ]);
});

describe('judgement', () => {
  const question = fixtureQuestion('fx-judgement', 'judgement');
  checkCases(question, [
    ['the right judgement', { choice: 'true' }, 1, 'correct', []],
    [
      'false, with its feedback',
      { choice: 'false' },
      0,
      'incorrect',
      [question.feedback.false ?? ''],
    ],
    [
      'not given, with its feedback',
      { choice: 'not-given' },
      0,
      'incorrect',
      [question.feedback['not-given'] ?? ''],
    ],
    ['no response', undefined, 0, 'unanswered'],
  ]);
});

describe('numeric', () => {
  describe('exact (200, no tolerance)', () => {
    checkCases(fixtureQuestion('fx-numeric', 'numeric'), [
      ['the number', { value: 200 }, 1, 'correct'],
      ['one off', { value: 199 }, 0, 'incorrect'],
      ['negative', { value: -200 }, 0, 'incorrect'],
    ]);
  });
  describe('with a tolerance (83 ± 1, 2 points)', () => {
    checkCases(fixtureQuestion('fx-numeric-tolerance', 'numeric'), [
      ['the lower bound is included', { value: 82 }, 2, 'correct'],
      ['the upper bound is included', { value: 84 }, 2, 'correct'],
      ['a decimal inside', { value: 82.9 }, 2, 'correct'],
      ['just above', { value: 84.01 }, 0, 'incorrect'],
      ['just below', { value: 81.99 }, 0, 'incorrect'],
    ]);
  });
  it('is not fooled by binary floating point at the bound', () => {
    const question = { ...fixtureQuestion('fx-numeric', 'numeric'), answer: 1, tolerance: 0.1 };
    expect(1.1 - 1).toBeGreaterThan(0.1);
    expect(scoreQuestion(question, { value: 1.1 }).status).toBe('correct');
    expect(scoreQuestion(question, { value: 1.11 }).status).toBe('incorrect');
  });
});

describe('short', () => {
  checkCases(fixtureQuestion('fx-short', 'short'), [
    ['an accepted answer', { text: 'shadow fleet' }, 1, 'correct'],
    ['in another case', { text: 'Shadow Fleet' }, 1, 'correct'],
    [
      'with a leading article, extra spaces and a full stop',
      { text: '  the shadow   fleet. ' },
      1,
      'correct',
    ],
    ['in curly quotes', { text: '“shadow fleet”' }, 1, 'correct'],
    ['the variant with a straight apostrophe', { text: "Russia's shadow fleet" }, 1, 'correct'],
    ['the variant with a hyphen for the space', { text: 'Russia’s shadow-fleet' }, 1, 'correct'],
    ['part of the answer', { text: 'shadow' }, 0, 'incorrect'],
    ['a wrong answer', { text: 'ghost fleet' }, 0, 'incorrect'],
    ['an empty text', { text: '' }, 0, 'unanswered'],
    ['only spaces', { text: '   ' }, 0, 'unanswered'],
  ]);
});

describe('match, one share per left item (3 points)', () => {
  checkCases(fixtureQuestion('fx-match', 'match'), [
    [
      'every pair right',
      { pairs: { continuing: 'zelensky', open: 'ushakov', 'shot-down': 'ukraine' } },
      3,
      'correct',
    ],
    [
      'two pairs right, one left out',
      { pairs: { continuing: 'zelensky', open: 'ushakov' } },
      2,
      'partial',
    ],
    [
      'one right, two wrong',
      { pairs: { continuing: 'zelensky', open: 'trump', 'shot-down': 'ushakov' } },
      1,
      'partial',
    ],
    [
      'one right item chosen twice',
      { pairs: { continuing: 'zelensky', open: 'zelensky' } },
      1,
      'partial',
    ],
    [
      'the extra right item for every pair',
      { pairs: { continuing: 'trump', open: 'trump', 'shot-down': 'trump' } },
      0,
      'incorrect',
    ],
    ['no pairs', { pairs: {} }, 0, 'unanswered'],
  ]);
});

describe('order, share of pairs in the right relative order (4 items, 6 pairs, 2 points)', () => {
  checkCases(fixtureQuestion('fx-order', 'order'), [
    ['the right order', { order: ['incursion', 'call', 'visit', 'disclosed'] }, 2, 'correct'],
    [
      'the last two swapped: 5/6',
      { order: ['incursion', 'call', 'disclosed', 'visit'] },
      1.67,
      'partial',
    ],
    ['two swaps: 4/6', { order: ['call', 'incursion', 'disclosed', 'visit'] }, 1.33, 'partial'],
    [
      'halves swapped: 2/6',
      { order: ['visit', 'disclosed', 'incursion', 'call'] },
      0.67,
      'partial',
    ],
    ['reversed: 0/6', { order: ['disclosed', 'visit', 'call', 'incursion'] }, 0, 'incorrect'],
    ['an empty order', { order: [] }, 0, 'unanswered'],
  ]);
});

describe('order, all or nothing', () => {
  checkCases(fixtureQuestion('fx-order-strict', 'order'), [
    ['the right order', { order: ['call', 'visit', 'disclosed'] }, 1, 'correct'],
    ['one swap', { order: ['call', 'disclosed', 'visit'] }, 0, 'incorrect'],
  ]);
});

describe('evidence, right minus wrong over the key of two sentences (2 points)', () => {
  const everySentence = listSentences(article).map((sentence) => sentence.id);
  checkCases(fixtureQuestion('fx-evidence', 'evidence'), [
    ['both sentences', { sentences: ['p8.s2', 'p2.s1'] }, 2, 'correct'],
    ['one of them', { sentences: ['p2.s1'] }, 1, 'partial'],
    ['one right and one wrong', { sentences: ['p2.s1', 'p8.s1'] }, 0, 'incorrect'],
    ['both and one wrong', { sentences: ['p2.s1', 'p8.s2', 'p8.s1'] }, 1, 'partial'],
    ['every sentence of the article', { sentences: everySentence }, 0, 'incorrect'],
    ['none', { sentences: [] }, 0, 'unanswered'],
  ]);
});

describe('two-part, scored dependently', () => {
  const singleThenEvidence = fixtureQuestion('fx-two-part', 'two-part');
  const multipleThenSingle = fixtureQuestion('fx-two-part-multiple', 'two-part');
  const judgementThenMultiple = fixtureQuestion('fx-two-part-judgement', 'two-part');

  describe('Part A single (1 point), Part B evidence (1 point)', () => {
    checkCases(singleThenEvidence, [
      [
        'both right',
        { partA: { choice: 'leverage' }, partB: { sentences: ['p10.s1'] } },
        2,
        'correct',
      ],
      [
        'A right, B wrong: A’s points',
        { partA: { choice: 'leverage' }, partB: { sentences: ['p11.s1'] } },
        1,
        'partial',
      ],
      ['A right, B not answered', { partA: { choice: 'leverage' } }, 1, 'partial'],
      [
        'A wrong, B right: nothing',
        { partA: { choice: 'revenge' }, partB: { sentences: ['p10.s1'] } },
        0,
        'incorrect',
      ],
      ['A not answered, B right: nothing', { partB: { sentences: ['p10.s1'] } }, 0, 'incorrect'],
      ['neither part', {}, 0, 'unanswered'],
      ['no response', undefined, 0, 'unanswered'],
    ]);

    it('reports each part with its own status and the points it adds', () => {
      const score = scoreQuestion(singleThenEvidence, {
        partA: { choice: 'revenge' },
        partB: { sentences: ['p10.s1'] },
      });
      expect(score.parts).toEqual({
        partA: { points: 0, maxPoints: 1, status: 'incorrect', feedback: [expect.any(String)] },
        partB: { points: 0, maxPoints: 1, status: 'correct', feedback: [] },
      });
      expect(score.feedback).toEqual([
        singleThenEvidence.partA.type === 'single'
          ? singleThenEvidence.partA.options.find((option) => option.id === 'revenge')?.feedback
          : undefined,
      ]);
    });
  });

  describe('Part A multiple (2 points, partial credit), Part B single (1 point)', () => {
    checkCases(multipleThenSingle, [
      [
        'both right',
        { partA: { choices: ['washington', 'kyiv'] }, partB: { choice: 'proposed-by' } },
        3,
        'correct',
      ],
      [
        'A partly right counts as A wrong',
        { partA: { choices: ['washington'] }, partB: { choice: 'proposed-by' } },
        0,
        'incorrect',
      ],
      [
        'A right, B wrong: A’s points and B’s feedback',
        { partA: { choices: ['kyiv', 'washington'] }, partB: { choice: 'refused' } },
        2,
        'partial',
        [
          multipleThenSingle.partB.type === 'single'
            ? (multipleThenSingle.partB.options.find((option) => option.id === 'refused')
                ?.feedback ?? '')
            : '',
        ],
      ],
    ]);

    it('shows a partly right Part A as partial, adding nothing', () => {
      const score = scoreQuestion(multipleThenSingle, {
        partA: { choices: ['washington'] },
        partB: { choice: 'proposed-by' },
      });
      expect(score.parts?.partA).toMatchObject({ status: 'partial', points: 0, maxPoints: 2 });
      expect(score.maxPoints).toBe(3);
    });
  });

  describe('Part A short, Part B evidence all or nothing', () => {
    checkCases(fixtureQuestion('fx-two-part-short', 'two-part'), [
      [
        'both right',
        { partA: { text: 'belgorod' }, partB: { sentences: ['p11.s1'] } },
        2,
        'correct',
      ],
      [
        'A right, B with an extra sentence',
        { partA: { text: 'The Belgorod region' }, partB: { sentences: ['p11.s1', 'p10.s1'] } },
        1,
        'partial',
      ],
    ]);
  });

  describe('Part A judgement, Part B multiple all or nothing', () => {
    checkCases(judgementThenMultiple, [
      [
        'both right',
        { partA: { choice: 'false' }, partB: { choices: ['tuesday', 'disclosed'] } },
        2,
        'correct',
      ],
      [
        'A wrong, with its feedback',
        { partA: { choice: 'true' }, partB: { choices: ['tuesday', 'disclosed'] } },
        0,
        'incorrect',
        [
          judgementThenMultiple.partA.type === 'judgement'
            ? (judgementThenMultiple.partA.feedback.true ?? '')
            : '',
        ],
      ],
    ]);
  });
});

describe('cloze, a share per right gap (2 points: a drop-down and a typed gap)', () => {
  checkCases(fixtureQuestion('fx-cloze', 'cloze'), [
    ['both gaps right', { gaps: { city: 'Kurchatov', plant: 'nuclear' } }, 2, 'correct', []],
    [
      'the typed gap’s other accepted answer, in another case and with spaces',
      { gaps: { city: 'Kurchatov', plant: '  Atomic ' } },
      2,
      'correct',
    ],
    [
      'the drop-down right, the typed gap wrong',
      { gaps: { city: 'Kurchatov', plant: 'coal' } },
      1,
      'partial',
    ],
    [
      'the typed gap right, the drop-down wrong',
      { gaps: { city: 'Kyiv', plant: 'nuclear' } },
      1,
      'partial',
    ],
    ['one gap left out', { gaps: { plant: 'nuclear' } }, 1, 'partial'],
    [
      'a drop-down is matched exactly, not as typed text',
      { gaps: { city: 'kurchatov' } },
      0,
      'incorrect',
    ],
    ['both wrong', { gaps: { city: 'Belgorod', plant: 'coal' } }, 0, 'incorrect'],
    ['every gap empty or blank', { gaps: { city: '', plant: '   ' } }, 0, 'unanswered', []],
    ['no gaps', { gaps: {} }, 0, 'unanswered'],
    ['no response', undefined, 0, 'unanswered'],
    ['a response shaped for another type', { text: 'nuclear' }, 0, 'incorrect'],
  ]);

  it('reports each gap in the order of the text, with what was given and the right answer', () => {
    const score = scoreQuestion(fixtureQuestion('fx-cloze', 'cloze'), {
      gaps: { plant: 'atomic', city: ' ' },
    });
    expect(score.gaps).toEqual([
      { gapId: 'city', given: null, correct: false, rightAnswer: 'Kurchatov' },
      {
        gapId: 'plant',
        given: 'atomic',
        correct: true,
        rightAnswer: 'nuclear',
        matchedAnswer: 'atomic',
      },
    ]);
  });

  it('reports the gaps of an unanswered question too, each empty', () => {
    expect(scoreQuestion(fixtureQuestion('fx-cloze', 'cloze'), undefined).gaps).toEqual([
      { gapId: 'city', given: null, correct: false, rightAnswer: 'Kurchatov' },
      { gapId: 'plant', given: null, correct: false, rightAnswer: 'nuclear' },
    ]);
  });
});

describe('cloze, all or nothing', () => {
  checkCases(fixtureQuestion('fx-cloze-strict', 'cloze'), [
    ['both gaps right', { gaps: { shot: '63', launched: '76' } }, 1, 'correct'],
    ['the number typed in words', { gaps: { shot: 'Sixty-three', launched: '76' } }, 1, 'correct'],
    ['one gap right', { gaps: { shot: '63', launched: '63' } }, 0, 'incorrect'],
    ['one gap left empty', { gaps: { shot: '63', launched: '' } }, 0, 'incorrect'],
  ]);
});

describe('selectionShare', () => {
  it.each([
    [['a', 'b'], ['a', 'b'], 1],
    [['a', 'b'], ['a'], 0.5],
    [['a', 'b'], ['a', 'c'], 0],
    [['a', 'b'], ['c'], 0],
    [['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'x'], 0.5],
    [[], ['a'], 0],
  ])('key %j, chosen %j: %d', (key, chosen, share) => {
    expect(selectionShare(key, chosen)).toBe(share);
  });
});

describe('orderShare', () => {
  it.each([
    [['a', 'b', 'c'], ['a', 'b', 'c'], 1],
    [['a', 'b', 'c'], ['c', 'b', 'a'], 0],
    [['a', 'b', 'c'], ['b', 'a', 'c'], 2 / 3],
    [['a', 'b', 'c'], ['a', 'c'], 1 / 3],
    [['a'], ['a'], 1],
  ])('key %j, given %j: %d', (key, given, share) => {
    expect(orderShare(key, given)).toBeCloseTo(share, 12);
  });
});
