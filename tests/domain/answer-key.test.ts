import { describe, expect, it } from 'vitest';
import {
  acceptedAnswersOf,
  correctResponseOf,
  optionFeedbackOf,
} from '../../src/domain/answer-key';
import { fixtureQuestion } from './fixtures/engine-questions';

describe('correctResponseOf', () => {
  it.each([
    [fixtureQuestion('fx-single', 'single'), { choice: 'kurchatov' }],
    [
      fixtureQuestion('fx-multiple', 'multiple'),
      { choices: ['state-media', 'kremlin-outlets', 'ria'] },
    ],
    [fixtureQuestion('fx-judgement', 'judgement'), { choice: 'true' }],
    [fixtureQuestion('fx-numeric-tolerance', 'numeric'), { value: 83 }],
    [fixtureQuestion('fx-short', 'short'), { text: 'shadow fleet' }],
    [
      fixtureQuestion('fx-match', 'match'),
      { pairs: { continuing: 'zelensky', open: 'ushakov', 'shot-down': 'ukraine' } },
    ],
    [fixtureQuestion('fx-order', 'order'), { order: ['incursion', 'call', 'visit', 'disclosed'] }],
    [fixtureQuestion('fx-evidence', 'evidence'), { sentences: ['p2.s1', 'p8.s2'] }],
    [
      fixtureQuestion('fx-two-part-multiple', 'two-part'),
      { partA: { choices: ['washington', 'kyiv'] }, partB: { choice: 'proposed-by' } },
    ],
    [
      fixtureQuestion('fx-two-part-short', 'two-part'),
      { partA: { text: 'Belgorod' }, partB: { sentences: ['p11.s1'] } },
    ],
    [fixtureQuestion('fx-cloze', 'cloze'), { gaps: { city: 'Kurchatov', plant: 'nuclear' } }],
    [fixtureQuestion('fx-cloze-strict', 'cloze'), { gaps: { shot: '63', launched: '76' } }],
  ])('%#: the key of one question', (question, response) => {
    expect(correctResponseOf(question)).toEqual(response);
  });
});

describe('optionFeedbackOf', () => {
  it('gives the feedback of each option that has one', () => {
    const question = fixtureQuestion('fx-single', 'single');
    expect(Object.keys(optionFeedbackOf(question))).toEqual(['belgorod', 'kyiv', 'none']);
    expect(optionFeedbackOf(question).kyiv).toBe(
      question.options.find((option) => option.id === 'kyiv')?.feedback,
    );
  });

  it('gives a judgement’s feedback by judgement', () => {
    const question = fixtureQuestion('fx-judgement', 'judgement');
    expect(optionFeedbackOf(question)).toEqual(question.feedback);
  });

  it('prefixes the feedback of two-part questions with the part', () => {
    expect(
      Object.keys(optionFeedbackOf(fixtureQuestion('fx-two-part-judgement', 'two-part'))),
    ).toEqual(['partA.true', 'partA.not-given', 'partB.monday']);
  });

  it('is empty for questions without choices', () => {
    expect(optionFeedbackOf(fixtureQuestion('fx-match', 'match'))).toEqual({});
  });

  it('is empty for cloze questions, whose choices have no feedback', () => {
    expect(optionFeedbackOf(fixtureQuestion('fx-cloze', 'cloze'))).toEqual({});
  });
});

describe('acceptedAnswersOf', () => {
  it('lists a short answer’s accepted answers', () => {
    expect(acceptedAnswersOf(fixtureQuestion('fx-short', 'short'))).toEqual(
      fixtureQuestion('fx-short', 'short').answers,
    );
  });

  it('lists each typed cloze gap’s accepted answers by its place, and no drop-down', () => {
    expect(acceptedAnswersOf(fixtureQuestion('fx-cloze', 'cloze'))).toEqual([
      'Gap 2: nuclear, atomic',
    ]);
    expect(acceptedAnswersOf(fixtureQuestion('fx-cloze-strict', 'cloze'))).toEqual([
      'Gap 1: 63, sixty-three',
    ]);
  });
});
