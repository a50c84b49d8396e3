import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppRoutes } from '../../src/app/app-routes';
import { draftStorageKey, saveAttemptRecord } from '../../src/lib/attempt-records';
import { installFakeApi, setScreenWide } from '../features/fixtures/fake-api';
import { sampleArticle, sampleQuestions } from '../features/fixtures/sample-quiz';

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <AppRoutes />
    </MemoryRouter>,
  );
}

const attempt = (attemptId: string, startedAt: string, submitted: boolean) => ({
  attemptId,
  token: `token-${attemptId}`,
  bankId: 'bridge-quiz',
  articleId: sampleArticle.meta.id,
  startedAt,
  submitted,
});

async function quizInLibrary() {
  renderAt('/');
  const heading = await screen.findByRole('heading', { name: 'The bridge vote' });
  const item = heading.closest('li');
  if (!item) throw new Error('The quiz is not in a list item');
  return within(item);
}

describe('the library', () => {
  let api: ReturnType<typeof installFakeApi>;

  beforeEach(() => {
    setScreenWide(true);
    api = installFakeApi({ article: sampleArticle, questions: sampleQuestions });
  });

  it('shows how far the quiz in progress on this device has got', async () => {
    saveAttemptRecord({ ...attempt('a1', '2025-03-20T09:00:00Z', false), questionCount: 9 });
    localStorage.setItem(
      draftStorageKey('a1'),
      JSON.stringify({
        state: { responses: { 'vote-day': { choice: 'monday' }, 'work-month': { text: 'May' } } },
      }),
    );
    const quiz = await quizInLibrary();
    expect(quiz.getByText('In progress: 2 of 9 answered')).toBeInTheDocument();
    expect(quiz.getByRole('link', { name: 'Continue quiz: The bridge vote' })).toBeInTheDocument();
  });

  it('shows the last score next to its results', async () => {
    saveAttemptRecord({ ...attempt('old', '2025-03-19T09:00:00Z', true), percent: 40 });
    saveAttemptRecord({ ...attempt('new', '2025-03-20T09:00:00Z', true), percent: 87.5 });
    const quiz = await quizInLibrary();
    expect(quiz.getByText('Last score: 87.5%')).toBeInTheDocument();
    expect(quiz.getByText('9 questions · about 12 minutes')).toBeInTheDocument();
    expect(quiz.getByRole('list', { name: 'Skills practised' })).toHaveTextContent(
      'Finding factsWho said it',
    );
  });

  it('says nothing about progress for a quiz never taken here', async () => {
    const quiz = await quizInLibrary();
    expect(quiz.queryByText(/^(In progress|Last score|Submitted)/)).not.toBeInTheDocument();
  });

  it('offers no "Try again" for a page that does not exist', async () => {
    renderAt('/articles/no-such-article');
    const alert = await screen.findByRole('alert');
    expect(
      screen.getByRole('heading', { level: 1, name: 'Article not found' }),
    ).toBeInTheDocument();
    expect(alert).toHaveTextContent('This page does not exist, or it was removed.');
    expect(within(alert).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expect(within(alert).getByRole('link', { name: 'Back to the library' })).toBeInTheDocument();
  });

  it('offers "Try again" when the server could not be reached', async () => {
    api.server.offline = true;
    renderAt(`/articles/${sampleArticle.meta.id}`);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('the reader', () => {
  beforeEach(() => {
    setScreenWide(false);
    installFakeApi({ article: sampleArticle, questions: sampleQuestions });
  });

  it('links from the top of the article to its quizzes, which a phone shows after the text', async () => {
    renderAt(`/articles/${sampleArticle.meta.id}`);
    const jump = await screen.findByRole('link', { name: 'Go to the quiz on this article' });
    const target = document.getElementById(jump.getAttribute('href')?.slice(1) ?? '');
    expect(target).toHaveTextContent('Quizzes on this article');
    expect(target).toHaveAttribute('tabindex', '-1');
    // The link comes before the article, so it is reachable without reading to the end.
    const article = screen.getByRole('article', { name: sampleArticle.meta.title });
    expect(jump.compareDocumentPosition(article) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
