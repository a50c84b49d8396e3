import { describe, expect, it } from 'vitest';
import type { ResolvedQuestion } from '../../../src/domain/resolved-bank';
import type { AttemptResult, GapResult, QuestionReview } from '../../../src/domain/results';
import { tallyTypedAnswers } from '../../../src/server/results/typed-answers';

// Only the fields the tally reads; the rest of a question or review does not matter here.
const short = { id: 'who', type: 'short' } as unknown as ResolvedQuestion;
const cloze = {
  id: 'gaps',
  type: 'cloze',
  gaps: [
    { id: 'verb', choices: ['insists', 'admits'], answer: 'insists' },
    { id: 'aim', answers: ['leverage'] },
  ],
} as unknown as ResolvedQuestion;

function shortReview(text: string, status: QuestionReview['status'], accepted = false) {
  return {
    question: { id: 'who', type: 'short' },
    response: { text },
    status,
    ...(accepted ? { acceptedByTeacher: true } : {}),
  } as unknown as QuestionReview;
}

function clozeReview(gaps: Partial<GapResult>[]) {
  return {
    question: { id: 'gaps', type: 'cloze' },
    response: null,
    status: 'incorrect',
    gaps,
  } as unknown as QuestionReview;
}

const attempt = (...questions: QuestionReview[]) => ({ questions }) as unknown as AttemptResult;

describe('tallyTypedAnswers', () => {
  it('groups answers that normalise alike, shown as most students typed them', () => {
    const tallies = tallyTypedAnswers(
      [short],
      [
        attempt(shortReview('RIA novosti!', 'incorrect')),
        attempt(shortReview('ria  Novosti', 'incorrect')),
        attempt(shortReview('ria  Novosti', 'incorrect')),
        attempt(shortReview('TASS', 'incorrect')),
        attempt(shortReview('RIA Novosti', 'correct')),
        attempt(shortReview('   ', 'unanswered')),
      ],
    );
    expect(tallies).toEqual([
      expect.objectContaining({ answer: 'ria Novosti', count: 3, acceptedByTeacher: false }),
      expect.objectContaining({ answer: 'TASS', count: 1, gapId: null, gapNumber: null }),
    ]);
  });

  it('keeps an accepted answer in the list, marked, and leaves out answers the bank accepts', () => {
    const tallies = tallyTypedAnswers(
      [short],
      [
        attempt(shortReview('Pyongyang troops', 'correct', true)),
        attempt(shortReview('North Korea', 'correct')),
      ],
    );
    expect(tallies).toEqual([
      expect.objectContaining({ answer: 'Pyongyang troops', count: 1, acceptedByTeacher: true }),
    ]);
  });

  it('lists only the typed gaps of a cloze, numbered, after the questions before it', () => {
    const tallies = tallyTypedAnswers(
      [short, cloze],
      [
        attempt(
          clozeReview([
            { gapId: 'verb', given: 'admits', correct: false },
            { gapId: 'aim', given: 'power', correct: false },
          ]),
          shortReview('TASS', 'incorrect'),
        ),
        attempt(clozeReview([{ gapId: 'aim', given: null, correct: false }])),
      ],
    );
    expect(
      tallies.map((tally) => [tally.questionId, tally.gapId, tally.gapNumber, tally.answer]),
    ).toEqual([
      ['who', null, null, 'TASS'],
      ['gaps', 'aim', 2, 'power'],
    ]);
  });
});
