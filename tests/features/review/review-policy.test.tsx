import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AttemptResult } from '../../../src/domain/results';
import { formatDateTime } from '../../../src/lib/format-date-time';
import { ATTEMPT_ID, rememberSampleAttempt, setScreenWide } from '../fixtures/fake-api';
import { sampleArticle } from '../fixtures/sample-quiz';
import { sampleResult } from '../fixtures/sample-result';
import { apiError, installFakeServer, type FakeHandler } from '../teacher/fake-server';
import { PAGE_LOAD, renderAt } from '../teacher/teacher-fixtures';

/** Opens the results page, the server answering the request for the review with `review`. */
function openReview(review: FakeHandler) {
  installFakeServer({ [`GET /api/attempts/${ATTEMPT_ID}/review`]: review });
  renderAt(`/attempts/${ATTEMPT_ID}/review`);
}

/** The server's refusal to show the review yet (`opensAt`), or ever (null). */
function refusal(code: string, message: string, opensAt: string | null): FakeHandler {
  return () => apiError(403, code, message, { opensAt });
}

/** A review the policy limits to the score, of `result`. */
function scoreOnlyReview(assignmentTitle: string, result: AttemptResult): FakeHandler {
  return () => ({
    attemptId: ATTEMPT_ID,
    bankId: 'bridge-quiz',
    articleId: sampleArticle.meta.id,
    bankTitle: 'The bridge vote',
    assignmentTitle,
    submittedAt: '2030-03-02T09:30:00.000Z',
    reviewAccess: 'score',
    result,
    article: sampleArticle,
    highlights: [],
    preview: false,
    inLibrary: true,
  });
}

describe('the results of an assigned quiz, as its review policy allows', () => {
  beforeEach(() => {
    setScreenWide(true);
    rememberSampleAttempt(true);
  });

  it('says when the teacher releases the answers, before the due time', async () => {
    openReview(
      refusal(
        'review-not-available',
        'The review of this attempt is not open yet.',
        '2030-03-02T10:00:30.000Z',
      ),
    );

    expect(
      await screen.findByRole('heading', { name: 'Your answers are in' }, PAGE_LOAD),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        `Your results open at ${formatDateTime('2030-03-02T10:01:00.000Z')}, once the due time and 30 seconds for answers still on their way have passed. This page shows them by itself then.`,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Your score' })).not.toBeInTheDocument();
  });

  it('says the results stay with the teacher when the policy never shows them', async () => {
    openReview(refusal('review-not-available', 'The review of this attempt is not open.', null));

    expect(
      await screen.findByText(
        'Your teacher sees your answers; the results are not shown here.',
        {},
        PAGE_LOAD,
      ),
    ).toBeInTheDocument();
  });

  it('says a practice result is held while a class is assessed on the quiz, and until when', async () => {
    openReview(
      refusal('review-held', 'Results for this quiz are held.', '2030-03-02T10:00:30.000Z'),
    );

    expect(
      await screen.findByText(
        `Results for this quiz are held while a class is being assessed on it; come back after ${formatDateTime('2030-03-02T10:00:30.000Z')}.`,
        {},
        PAGE_LOAD,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Your score' })).not.toBeInTheDocument();
  });

  it('shows the score alone when the policy shows only the score', async () => {
    openReview(scoreOnlyReview('Bridge vote, period 2', { ...sampleResult, questions: [] }));

    expect(await screen.findByText('37.5%', {}, PAGE_LOAD)).toBeInTheDocument();
    expect(
      screen.getByText('Your teacher shows the score only, not the answers.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Questions' })).not.toBeInTheDocument();
    expect(screen.queryByText('You missed none: every answer is right.')).not.toBeInTheDocument();
  });

  it('shows no skill table when a score-only review leaves the small skills out', async () => {
    openReview(
      scoreOnlyReview('Year 9: the bridge vote', {
        ...sampleResult,
        bySkill: {},
        byDifficulty: {},
        questions: [],
      }),
    );

    expect(await screen.findByText('37.5%', {}, PAGE_LOAD)).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'By reading skill' })).not.toBeInTheDocument();
  });
});
