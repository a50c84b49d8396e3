import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppRoutes } from '../../../src/app/app-routes';
import type { AttemptResult, QuestionReview } from '../../../src/domain/results';
import { readAttemptRecord } from '../../../src/lib/attempt-records';
import { getHref } from '../../../src/lib/paths';
import {
  ATTEMPT_ID,
  installFakeApi,
  rememberSampleAttempt,
  setScreenWide,
} from '../fixtures/fake-api';
import { sampleArticle, sampleQuestion, sampleQuestions } from '../fixtures/sample-quiz';
import { sampleResult } from '../fixtures/sample-result';

const noEvidence = { explanation: 'Why.', optionFeedback: {}, feedback: [], evidence: [] };

const multiParts: QuestionReview[] = [
  {
    ...noEvidence,
    question: sampleQuestion('sources-named', 'multiple'),
    response: { choices: ['treasurer', 'mayor'] },
    correctResponse: { choices: ['treasurer', 'harbour-master'] },
    points: 0.5,
    maxPoints: 1,
    status: 'partial',
  },
  {
    ...noEvidence,
    question: sampleQuestion('who-said', 'match'),
    response: { pairs: { cost: 'treasurer', waited: 'mayor' } },
    correctResponse: { pairs: { cost: 'treasurer', waited: 'harbour-master' } },
    points: 0.5,
    maxPoints: 1,
    status: 'partial',
  },
  {
    ...noEvidence,
    question: sampleQuestion('events-order', 'order'),
    response: { order: ['debate', 'work', 'vote'] },
    correctResponse: { order: ['debate', 'vote', 'work'] },
    points: 0.33,
    maxPoints: 1,
    status: 'partial',
  },
  {
    ...noEvidence,
    question: sampleQuestion('close-vote', 'two-part'),
    response: { partA: { choice: 'clear' }, partB: { sentences: ['p3.s1'] } },
    correctResponse: { partA: { choice: 'clear' }, partB: { sentences: ['p1.s2'] } },
    points: 1,
    maxPoints: 2,
    status: 'partial',
    parts: {
      partA: { points: 1, maxPoints: 1, status: 'correct', feedback: [] },
      partB: { points: 0, maxPoints: 1, status: 'incorrect', feedback: [] },
    },
  },
];

const multiPartResult: AttemptResult = {
  ...sampleResult,
  total: 2.33,
  maxPoints: 5,
  percent: 46.6,
  questions: multiParts,
};

async function openReview() {
  render(
    <MemoryRouter initialEntries={[getHref.review(ATTEMPT_ID)]}>
      <AppRoutes />
    </MemoryRouter>,
  );
  // The review's code loads on demand: the first render waits for its chunk.
  await screen.findByRole('heading', { name: 'Your score' }, { timeout: 5000 });
}

/** The fake API with a submitted attempt whose review is `result`. */
function installSubmitted(result: AttemptResult, assignmentTitle?: string, authored = false) {
  const api = installFakeApi({
    article: sampleArticle,
    questions: sampleQuestions,
    result,
    assignmentTitle,
    authored,
  });
  api.server.status = 'submitted';
}

function reviewedQuestion(number: number) {
  return screen.getByRole('article', { name: `Question ${number}` });
}

/** The lines of the student's own answer to a reviewed question, as read aloud. */
function givenLines(question: HTMLElement): string[] {
  const given = within(question).getByText('Your answer').nextElementSibling as HTMLElement;
  return within(given)
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

beforeEach(() => {
  setScreenWide(true);
  rememberSampleAttempt(true);
});

describe('the results of a practice quiz', () => {
  beforeEach(() => {
    installSubmitted(sampleResult);
  });

  it('are titled with the quiz, and name the article', async () => {
    await openReview();
    expect(screen.getByRole('heading', { level: 1, name: 'The bridge vote' })).toBeInTheDocument();
    expect(screen.getByText(/^On the article/)).toHaveTextContent(
      `On the article ${sampleArticle.meta.title}`,
    );
    expect(document.title).toBe('Results: The bridge vote · Readproof');
    expect(screen.getByRole('button', { name: 'Retake the quiz' })).toBeInTheDocument();
  });

  it('keep the score on this device for the library', async () => {
    await openReview();
    // Written once the results have arrived, which may be just after they are shown.
    await waitFor(() =>
      expect(readAttemptRecord(ATTEMPT_ID)).toMatchObject({ submitted: true, percent: 37.5 }),
    );
  });
});

describe('the results of an assigned quiz', () => {
  beforeEach(() => {
    installSubmitted(sampleResult, 'Bridge vote, period 2');
  });

  it('are titled with the assignment', async () => {
    await openReview();
    expect(
      screen.getByRole('heading', { level: 1, name: 'Bridge vote, period 2' }),
    ).toBeInTheDocument();
  });

  it('offer practice that says it is not sent to the teacher, never a silent "Retake"', async () => {
    await openReview();
    expect(screen.queryByRole('button', { name: 'Retake the quiz' })).not.toBeInTheDocument();
    const practise = screen.getByRole('button', {
      name: 'Practise again — not sent to your teacher',
    });
    expect(practise).toHaveAccessibleDescription(
      'Practice is just for you: it has no time limit, and your teacher sees only the answers you submitted for “Bridge vote, period 2”.',
    );
  });
});

describe('the results of a quiz a teacher wrote', () => {
  it('offer neither practice nor the reader, which open only the library', async () => {
    installSubmitted(sampleResult, 'Our own article, period 2', true);
    await openReview();
    expect(
      screen.getByRole('heading', { level: 1, name: 'Our own article, period 2' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Practise again/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Read the article again' })).not.toBeInTheDocument();
    expect(screen.queryByText(/Practice is just for you/)).not.toBeInTheDocument();
  });
});

describe('the review of answers made of several parts', () => {
  beforeEach(() => {
    installSubmitted(multiPartResult);
  });

  it('marks each tick of a multiple choice right or wrong, in words', async () => {
    await openReview();
    expect(givenLines(reviewedQuestion(2))).toEqual(['The treasurer✓ Right', 'The mayor✗ Wrong']);
  });

  it('marks each pair of a match right or wrong', async () => {
    await openReview();
    expect(givenLines(reviewedQuestion(6))).toEqual([
      'The repairs will cost 1.2 million → The treasurer✓ Right',
      'Boats had waited for years → The mayor✗ Wrong',
    ]);
  });

  it('marks each position of an order right or wrong', async () => {
    await openReview();
    expect(givenLines(reviewedQuestion(7))).toEqual([
      'The council debates✓ Right',
      'Work starts✗ Wrong',
      'The council votes✗ Wrong',
    ]);
  });

  it('gives each part of a two-part question its own mark and points', async () => {
    await openReview();
    const twoPart = reviewedQuestion(9);
    const given = within(twoPart).getByText('Your answer').nextElementSibling as HTMLElement;
    expect(within(given).getByText(/^Part A/)).toHaveTextContent('Part A ✓ Right 1 of 1 point');
    expect(within(given).getByText(/^Part B/)).toHaveTextContent('Part B ✗ Wrong 0 of 1 point');
  });
});

describe('"Show in article"', () => {
  beforeEach(() => {
    installSubmitted(sampleResult);
  });

  it('on a phone opens the evidence under the question instead of sending the student away', async () => {
    setScreenWide(false);
    const user = userEvent.setup();
    await openReview();
    const question = reviewedQuestion(3);
    const show = within(question).getByRole('button', { name: /show in article/i });
    expect(show).toHaveAttribute('aria-expanded', 'false');

    await user.click(show);
    expect(show).toHaveAttribute('aria-expanded', 'true');
    const marked = [...question.querySelectorAll('mark')].map((mark) => mark.textContent);
    expect(marked).toEqual(['The vote was seven to two.']);
    expect(within(question).getByText('Paragraph 1')).toBeInTheDocument();
    // The article further down is left as it was: nothing there to scroll to.
    const article = screen.getByRole('region', { name: 'Article' });
    expect(article.querySelectorAll('mark')).toHaveLength(0);

    await user.click(show);
    expect(question.querySelectorAll('mark')).toHaveLength(0);
  });

  it('on a wide screen puts "Back to question" next after the highlight in tab order', async () => {
    const user = userEvent.setup();
    await openReview();
    await user.click(within(reviewedQuestion(3)).getByRole('button', { name: /show in article/i }));
    const article = screen.getByRole('region', { name: 'Article' });
    expect(article.querySelector('mark')).toHaveFocus();

    await user.tab();
    expect(within(article).getByRole('button', { name: 'Back to question 3' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('heading', { name: 'Question 3' })).toHaveFocus();
  });
});
