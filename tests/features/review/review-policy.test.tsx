import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../src/lib/format-date-time';
import { ATTEMPT_ID, rememberSampleAttempt, setScreenWide } from '../fixtures/fake-api';
import { sampleArticle } from '../fixtures/sample-quiz';
import { sampleResult } from '../fixtures/sample-result';
import { apiError, installFakeServer } from '../teacher/fake-server';
import { PAGE_LOAD, renderAt } from '../teacher/teacher-fixtures';

const REVIEW = `GET /api/attempts/${ATTEMPT_ID}/review`;

describe('the results of an assigned quiz, as its review policy allows', () => {
  beforeEach(() => {
    setScreenWide(true);
    rememberSampleAttempt(true);
  });

  it('says when the teacher releases the answers, before the due time', async () => {
    installFakeServer({
      [REVIEW]: () =>
        apiError(403, 'review-not-available', 'The review of this attempt is not open yet.', {
          opensAt: '2030-03-02T10:00:30.000Z',
        }),
    });
    renderAt(`/attempts/${ATTEMPT_ID}/review`);

    expect(
      await screen.findByRole('heading', { name: 'Your answers are in' }, PAGE_LOAD),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        `Your teacher will release the answers after ${formatDateTime('2030-03-02T10:00:30.000Z')}. Come back to this page then.`,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Your score' })).not.toBeInTheDocument();
  });

  it('says the results stay with the teacher when the policy never shows them', async () => {
    installFakeServer({
      [REVIEW]: () =>
        apiError(403, 'review-not-available', 'The review of this attempt is not open.', {
          opensAt: null,
        }),
    });
    renderAt(`/attempts/${ATTEMPT_ID}/review`);

    expect(
      await screen.findByText(
        'Your teacher sees your answers; the results are not shown here.',
        {},
        PAGE_LOAD,
      ),
    ).toBeInTheDocument();
  });

  it('shows the score alone when the policy shows only the score', async () => {
    installFakeServer({
      [REVIEW]: () => ({
        attemptId: ATTEMPT_ID,
        bankId: 'bridge-quiz',
        articleId: sampleArticle.meta.id,
        submittedAt: '2030-03-02T09:30:00.000Z',
        reviewAccess: 'score',
        result: { ...sampleResult, questions: [] },
        article: sampleArticle,
      }),
    });
    renderAt(`/attempts/${ATTEMPT_ID}/review`);

    expect(await screen.findByText('37.5%', {}, PAGE_LOAD)).toBeInTheDocument();
    expect(
      screen.getByText('Your teacher shows the score only, not the answers.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Questions' })).not.toBeInTheDocument();
    expect(screen.queryByText('You missed none: every answer is right.')).not.toBeInTheDocument();
  });
});
