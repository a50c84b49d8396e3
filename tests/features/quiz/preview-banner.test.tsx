import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { getHref } from '../../../src/lib/paths';
import {
  ATTEMPT_ID,
  installFakeApi,
  rememberSampleAttempt,
  setScreenWide,
} from '../fixtures/fake-api';
import { sampleAttempt } from '../fixtures/sample-result';
import { renderAt } from '../teacher/teacher-fixtures';

const PAGE_LOAD = { timeout: 5000 };

describe("a teacher's preview in the quiz player and its review", () => {
  beforeEach(() => setScreenWide(true));

  it('says the quiz is a preview, not graded, and leads back to the editor; submitting opens its review, which says so too', async () => {
    installFakeApi({ ...sampleAttempt, preview: true });
    rememberSampleAttempt();
    const user = userEvent.setup();
    renderAt(getHref.quiz(ATTEMPT_ID));
    await screen.findByRole('heading', { name: /question 1 of 9/i }, PAGE_LOAD);
    const banner = screen.getByRole('region', { name: 'Preview' });
    expect(banner).toHaveTextContent('Preview — not graded.');
    expect(within(banner).getByRole('link', { name: 'Back to the quiz editor' })).toHaveAttribute(
      'href',
      getHref.editBank('bridge-quiz'),
    );

    const navigator = screen.getByRole('navigation', { name: 'Questions' });
    await user.click(within(navigator).getByRole('button', { name: /^Question 9,/ }));
    await user.click(screen.getByRole('button', { name: 'Check and submit' }));
    await user.click(screen.getByRole('button', { name: 'Submit answers' }));
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    await screen.findByRole('heading', { name: 'Your score' }, PAGE_LOAD);
    const reviewBanner = screen.getByRole('region', { name: 'Preview' });
    expect(
      within(reviewBanner).getByRole('link', { name: 'Back to the quiz editor' }),
    ).toHaveAttribute('href', getHref.editBank('bridge-quiz'));
    // Practice and the library never open a teacher's own quiz: they are not offered.
    expect(screen.queryByRole('button', { name: 'Retake the quiz' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '← All articles' })).not.toBeInTheDocument();
  }, 20_000);

  it('shows no banner on a student’s quiz or review', async () => {
    const api = installFakeApi(sampleAttempt);
    rememberSampleAttempt();
    renderAt(getHref.quiz(ATTEMPT_ID));
    await screen.findByRole('heading', { name: /question 1 of 9/i }, PAGE_LOAD);
    expect(screen.queryByRole('region', { name: 'Preview' })).not.toBeInTheDocument();
    expect(api.server.requests.map((request) => request.path)).toContain(
      `/api/attempts/${ATTEMPT_ID}/article`,
    );
  });
});
