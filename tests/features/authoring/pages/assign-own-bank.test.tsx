import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeServer } from '../../teacher/fake-server';
import {
  bankSummary,
  makeAssignment,
  makeGradebook,
  ASSIGNMENT_ID,
  PAGE_LOAD,
  renderAt,
  TEACHER,
} from '../../teacher/teacher-fixtures';

const OWN_BANK_ID = 'who-voted-k2m9x1';

describe('assigning a quiz of the teacher’s own', () => {
  it('starts the form with the quiz the bank editor linked to, and assigns all its questions', async () => {
    const user = userEvent.setup();
    const server = installFakeServer({
      'GET /api/teacher/me': () => TEACHER,
      'GET /api/banks': () => [bankSummary],
      'GET /api/teacher/banks': () => [
        {
          id: OWN_BANK_ID,
          articleId: 'harbour-bridge-k2m9x1',
          title: 'Who voted',
          revision: 4,
          updatedAt: '2026-03-01T08:00:00.000Z',
          latestVersion: 2,
        },
        {
          id: 'a-draft-k2m9x1',
          articleId: 'harbour-bridge-k2m9x1',
          title: 'Not published yet',
          revision: 1,
          updatedAt: '2026-03-01T08:00:00.000Z',
          latestVersion: null,
        },
      ],
      'POST /api/teacher/assignments': () => makeAssignment({ bankId: OWN_BANK_ID }),
      [`GET /api/teacher/assignments/${ASSIGNMENT_ID}/gradebook`]: () => makeGradebook([]),
    });
    renderAt(`/teacher/assignments/new?bank=${OWN_BANK_ID}`);
    const quiz = await screen.findByRole('combobox', { name: 'Quiz' }, PAGE_LOAD);
    expect(quiz).toHaveValue(OWN_BANK_ID);
    expect(screen.getByRole('group', { name: 'Your quizzes' })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /Not published yet/ })).not.toBeInTheDocument();
    expect(screen.getByText(/all its questions are assigned/)).toBeInTheDocument();
    // Its preview is not asked for: a teacher's own quiz has no public one.
    expect(server.requestsTo(`GET /api/banks/${OWN_BANK_ID}`)).toEqual([]);

    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Year 9: the bridge');
    await user.click(screen.getByRole('button', { name: 'Create assignment' }));
    await waitFor(() =>
      expect(server.requestsTo('POST /api/teacher/assignments')[0]?.body).toMatchObject({
        bankId: OWN_BANK_ID,
        title: 'Year 9: the bridge',
      }),
    );
  });
});
