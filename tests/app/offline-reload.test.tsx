import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppRoutes } from '../../src/app/app-routes';
import { getHref } from '../../src/lib/paths';
import {
  ATTEMPT_ID,
  installFakeApi,
  rememberSampleAttempt,
  setOnline,
  setScreenWide,
} from '../features/fixtures/fake-api';
import { sampleArticle, sampleQuestions } from '../features/fixtures/sample-quiz';

function renderQuiz() {
  return render(
    <MemoryRouter initialEntries={[getHref.quiz(ATTEMPT_ID)]}>
      <AppRoutes />
    </MemoryRouter>,
  );
}

describe('a quiz reopened while offline', () => {
  let api: ReturnType<typeof installFakeApi>;

  beforeEach(() => {
    setScreenWide(true);
    api = installFakeApi({ article: sampleArticle, questions: sampleQuestions });
    rememberSampleAttempt();
  });

  it('opens from this device with the answers saved before and given while offline', async () => {
    const user = userEvent.setup();
    const first = renderQuiz();
    await screen.findByRole('heading', { name: /question 1 of 9/i });
    await user.click(screen.getByRole('radio', { name: 'Monday' }));
    await screen.findByText('Saved', {}, { timeout: 3000 });
    api.server.offline = true;
    act(() => setOnline(false));
    await user.click(screen.getByRole('button', { name: 'Next →' }));
    await user.click(screen.getByRole('checkbox', { name: 'The treasurer' }));
    first.unmount();

    // The reload: the server is still out of reach, and the page's copy predates both answers.
    renderQuiz();
    expect(await screen.findByText('Answered 2 of 9')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'The treasurer' })).toBeChecked();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '← Previous' }));
    expect(screen.getByRole('radio', { name: 'Monday' })).toBeChecked();
  }, 15_000);

  it('says the server cannot be reached when this device never opened the quiz', async () => {
    api.server.offline = true;
    act(() => setOnline(false));
    renderQuiz();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The server could not be reached. Check your connection and try again.',
    );
  });
});
