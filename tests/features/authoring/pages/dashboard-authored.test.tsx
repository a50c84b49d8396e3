import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeServer } from '../../teacher/fake-server';
import { bankSummary, PAGE_LOAD, renderAt, TEACHER } from '../../teacher/teacher-fixtures';
import { ARTICLE_ID } from './authoring-page-fixtures';

const summary = {
  revision: 3,
  updatedAt: '2026-03-01T08:00:00.000Z',
};

describe("the dashboard's articles and quizzes", () => {
  it("lists the teacher's articles with their quizzes and states, and duplicates a shipped quiz", async () => {
    const user = userEvent.setup();
    const server = installFakeServer({
      'GET /api/teacher/me': () => TEACHER,
      'GET /api/teacher/assignments': () => [],
      'GET /api/banks': () => [bankSummary],
      'GET /api/teacher/articles': () => [
        { ...summary, id: ARTICLE_ID, title: 'The harbour bridge', latestVersion: 2 },
      ],
      'GET /api/teacher/banks': () => [
        {
          ...summary,
          id: 'bridge-k2',
          articleId: ARTICLE_ID,
          title: 'Who voted',
          latestVersion: null,
        },
        { ...summary, id: 'copy-k3', articleId: 'shipped', title: 'A copy', latestVersion: 1 },
      ],
      'POST /api/teacher/banks': () => ({
        id: 'bridge-quiz-copy-k4',
        articleId: 'shipped',
        revision: 1,
        text: 'id: bridge-quiz-copy-k4\nquestions: []\n',
        problems: [],
        createdAt: summary.updatedAt,
        updatedAt: summary.updatedAt,
        versions: [],
      }),
    });
    renderAt('/teacher');
    const section = await screen.findByRole(
      'region',
      { name: 'Your articles and quizzes' },
      PAGE_LOAD,
    );
    expect(
      await within(section).findByRole('link', { name: 'The harbour bridge' }),
    ).toHaveAttribute('href', `/teacher/articles/${ARTICLE_ID}`);
    expect(section).toHaveTextContent('The harbour bridge (Version 2 published');
    expect(section).toHaveTextContent('Quiz: Who voted (Draft, not published)');
    expect(section).toHaveTextContent('Quiz: A copy (Version 1 published)');
    expect(within(section).getByRole('link', { name: 'New article' })).toHaveAttribute(
      'href',
      '/teacher/articles/new',
    );

    await user.selectOptions(
      within(section).getByRole('combobox', { name: 'Shipped quiz to copy' }),
      bankSummary.id,
    );
    await user.click(within(section).getByRole('button', { name: 'Duplicate a shipped quiz' }));
    await waitFor(() =>
      expect(server.requestsTo('POST /api/teacher/banks')[0]?.body).toEqual({
        duplicateOf: bankSummary.id,
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Edit quiz' }, PAGE_LOAD)).toBeVisible();
  });
});
