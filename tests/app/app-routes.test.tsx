import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppRoutes } from '../../src/app/app-routes';
import { readAttemptRecord } from '../../src/lib/attempt-records';
import { ATTEMPT_ID, installFakeApi, setScreenWide } from '../features/fixtures/fake-api';
import { sampleArticle, sampleQuestions } from '../features/fixtures/sample-quiz';

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <AppRoutes />
    </MemoryRouter>,
  );
}

describe('the app', () => {
  beforeEach(() => {
    setScreenWide(true);
    installFakeApi({ article: sampleArticle, questions: sampleQuestions });
  });

  it('lists each article with its quizzes, and starts one', async () => {
    const user = userEvent.setup();
    renderAt('/');
    const card = (await screen.findByRole('link', { name: sampleArticle.meta.title })).closest(
      'li',
    );
    if (!card) throw new Error('The article is not in a list item');
    const quiz = within(card);
    expect(quiz.getByRole('heading', { name: 'The bridge vote' })).toBeInTheDocument();
    expect(quiz.getByText('9 questions · about 12 minutes')).toBeInTheDocument();
    expect(quiz.getByRole('list', { name: 'Skills practised' })).toHaveTextContent('Finding facts');

    await user.click(quiz.getByRole('button', { name: 'Start quiz: The bridge vote' }));
    expect(await screen.findByRole('heading', { name: /question 1 of 9/i })).toBeInTheDocument();
    expect(readAttemptRecord(ATTEMPT_ID)?.token).toBe('token-1');
  });

  it('shows the reader with the article and its quizzes', async () => {
    renderAt('/articles/harbour-bridge');
    expect(
      await screen.findByRole('heading', { level: 1, name: sampleArticle.meta.title }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('complementary', { name: 'Quizzes on this article' }),
    ).toHaveTextContent('The bridge vote');
  });

  it('checks a join code, then looks it up', async () => {
    const user = userEvent.setup();
    renderAt('/');
    const field = screen.getByRole('textbox', { name: 'Code from your teacher' });
    await user.type(field, 'abc');
    await user.click(screen.getByRole('button', { name: 'Join' }));
    expect(field).toHaveAccessibleDescription(/A code has 6 letters and digits/);
    await user.clear(field);
    await user.type(field, 'k7m pq2');
    await user.click(screen.getByRole('button', { name: 'Join' }));
    // The fake server knows no assignment: the page says so and offers the field again.
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(
      'No assignment has the code K7MPQ2.',
    );
    expect(screen.getByRole('textbox', { name: 'Code from your teacher' })).toHaveValue('K7MPQ2');
  });

  it('shows a page-not-found page for unknown addresses', async () => {
    renderAt('/no/such/page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the library' })).toHaveAttribute('href', '/');
  });
});
