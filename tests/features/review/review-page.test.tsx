import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { getHref } from '../../../src/lib/paths';
import {
  ATTEMPT_ID,
  installFakeApi,
  rememberSampleAttempt,
  setScreenWide,
} from '../fixtures/fake-api';
import { sampleAttempt, sampleResult } from '../fixtures/sample-result';
import { renderAt } from '../teacher/teacher-fixtures';

async function openReview() {
  renderAt(getHref.review(ATTEMPT_ID));
  await screen.findByRole('heading', { name: 'Your score' });
}

function reviewedQuestion(number: number) {
  return screen.getByRole('article', { name: `Question ${number}` });
}

describe('the results page', () => {
  let api: ReturnType<typeof installFakeApi>;

  beforeEach(() => {
    setScreenWide(true);
    api = installFakeApi(sampleAttempt);
    api.server.status = 'submitted';
    rememberSampleAttempt(true);
  });

  it('shows the score, the percent and a row per skill', async () => {
    await openReview();
    expect(screen.getByText('37.5%')).toBeInTheDocument();
    expect(screen.getByText('1.5 of 4 points')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'By reading skill' });
    expect(
      within(table).getByRole('row', { name: 'Finding facts 3 1.5 / 3 50%' }),
    ).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: 'Numbers 1 0 / 1 0%' })).toBeInTheDocument();
  });

  it('shows each answer with the right one, the feedback on the choice and the explanation', async () => {
    await openReview();
    const judgement = reviewedQuestion(3);
    expect(within(judgement).getByText('Wrong')).toBeInTheDocument();
    expect(within(judgement).getByText('Your answer').nextElementSibling).toHaveTextContent('True');
    expect(within(judgement).getByText('Right answer').nextElementSibling).toHaveTextContent(
      'False',
    );
    expect(
      within(judgement).getByText('Two councillors voted against: the vote was seven to two.'),
    ).toBeInTheDocument();
    expect(
      within(judgement).getByText('Seven to two means two voted against.'),
    ).toBeInTheDocument();

    const correct = reviewedQuestion(1);
    expect(within(correct).getByText('Right')).toBeInTheDocument();
    expect(within(correct).queryByText('Right answer')).not.toBeInTheDocument();

    const evidence = reviewedQuestion(8);
    expect(within(evidence).getByText('Partly right')).toBeInTheDocument();
    const given = within(evidence).getByText('Your answer').nextElementSibling as HTMLElement;
    expect(
      within(given)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'The harbour master welcomed the decision.',
      'She said boats had waited for years.',
    ]);
  });

  it('filters to the questions missed', async () => {
    const user = userEvent.setup();
    await openReview();
    expect(screen.getAllByRole('article', { name: /^Question/ })).toHaveLength(4);
    await user.click(screen.getByRole('checkbox', { name: 'Only questions I missed' }));
    const shown = screen.getAllByRole('article', { name: /^Question/ });
    expect(shown.map((item) => item.getAttribute('aria-labelledby'))).toEqual([
      'review-repair-cost',
      'review-vote-unanimous',
      'review-waiting-evidence',
    ]);
  });

  it('highlights exactly the evidence sentences in the article and moves focus to them', async () => {
    const user = userEvent.setup();
    await openReview();
    const article = screen.getByRole('region', { name: 'Article' });
    expect(article.querySelectorAll('mark')).toHaveLength(0);

    await user.click(within(reviewedQuestion(3)).getByRole('button', { name: /show in article/i }));
    const marked = [...article.querySelectorAll('mark')];
    expect(marked.map((mark) => mark.textContent)).toEqual(['The vote was seven to two.']);
    expect(marked[0]).toHaveFocus();
    expect(
      within(article).getByText('The evidence for question 3 is highlighted.'),
    ).toBeInTheDocument();

    await user.click(within(reviewedQuestion(8)).getByRole('button', { name: /show in article/i }));
    expect([...article.querySelectorAll('mark')].map((mark) => mark.dataset.sentenceId)).toEqual([
      'p3.s2',
    ]);

    await user.click(within(article).getByRole('button', { name: 'Back to question 8' }));
    expect(screen.getByRole('heading', { name: 'Question 8' })).toHaveFocus();
  });

  it('focuses the evidence that comes first in the article, whatever order the quotes are in', async () => {
    const [first, ...rest] = sampleResult.questions;
    if (!first) throw new Error('the sample result has no questions');
    const laterQuoteFirst = {
      ...first,
      evidence: [...sampleResult.questions.flatMap((question) => question.evidence)].reverse(),
    };
    api = installFakeApi({
      ...sampleAttempt,
      result: { ...sampleResult, questions: [laterQuoteFirst, ...rest] },
    });
    api.server.status = 'submitted';
    const user = userEvent.setup();
    await openReview();
    const article = screen.getByRole('region', { name: 'Article' });

    await user.click(within(reviewedQuestion(1)).getByRole('button', { name: /show in article/i }));
    const marked = [...article.querySelectorAll('mark')];
    expect(marked.map((mark) => mark.dataset.sentenceId)).toEqual([
      'p1.s1',
      'p1.s2',
      'p2.s1',
      'p3.s2',
    ]);
    expect(marked[0]).toHaveFocus();
  });

  it('starts a new attempt at the same quiz from Retake', async () => {
    const user = userEvent.setup();
    await openReview();
    await user.click(screen.getByRole('button', { name: 'Retake the quiz' }));
    await waitFor(() =>
      expect(
        api.server.requests.some(
          (request) => request.method === 'POST' && request.path === '/api/attempts',
        ),
      ).toBe(true),
    );
    expect(api.server.requests.find((request) => request.path === '/api/attempts')?.body).toEqual({
      bankId: 'bridge-quiz',
    });
  });

  it('says the quiz is not submitted yet when it is still open', async () => {
    api.server.status = 'in-progress';
    renderAt(getHref.review(ATTEMPT_ID));
    expect(
      await screen.findByRole('heading', { name: 'This quiz is not submitted yet' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go back to the quiz' })).toHaveAttribute(
      'href',
      getHref.quiz(ATTEMPT_ID),
    );
  });
});
