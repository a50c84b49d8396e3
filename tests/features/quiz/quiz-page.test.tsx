import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { draftStorageKey } from '../../../src/features/quiz/stores/attempt-draft-store';
import { getHref } from '../../../src/lib/paths';
import {
  ATTEMPT_ID,
  installFakeApi,
  rememberSampleAttempt,
  setOnline,
  setScreenWide,
} from '../fixtures/fake-api';
import { sampleAttempt } from '../fixtures/sample-result';
import { sampleArticle, sampleQuestions } from '../fixtures/sample-quiz';
import { renderAt } from '../teacher/teacher-fixtures';

function renderQuiz() {
  return renderAt(getHref.quiz(ATTEMPT_ID));
}

async function openQuiz() {
  const view = renderQuiz();
  await screen.findByRole('heading', { name: /question 1 of 9/i });
  return view;
}

function navigatorButton(number: number) {
  const navigator = screen.getByRole('navigation', { name: 'Questions' });
  return within(navigator).getByRole('button', { name: new RegExp(`^Question ${number},`) });
}

/** Opens the quiz and goes to question `number` with the navigator, as a student would. */
async function openQuestion(number: number) {
  const user = userEvent.setup();
  await openQuiz();
  await user.click(navigatorButton(number));
  return user;
}

/** Waits out the autosave debounce: real timers, so React and the fake server run as they do in a browser. */
const SAVE_WAIT = { timeout: 3000 };

describe('the quiz page', () => {
  let api: ReturnType<typeof installFakeApi>;

  beforeEach(() => {
    setScreenWide(true);
    api = installFakeApi(sampleAttempt);
    rememberSampleAttempt();
  });

  it('shows the quiz title, the article beside the first question, and every question in the navigator', async () => {
    await openQuiz();
    expect(screen.getByRole('heading', { level: 1, name: 'The bridge vote' })).toBeInTheDocument();
    const article = screen.getByRole('region', { name: 'Article' });
    expect(
      within(article).getByRole('heading', { name: sampleArticle.meta.title }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('group', { name: 'On which day did the council vote?' }),
    ).toBeInTheDocument();
    for (let number = 1; number <= 9; number += 1) {
      expect(navigatorButton(number)).toHaveAccessibleName(`Question ${number}, not answered`);
    }
    expect(navigatorButton(1)).toHaveAttribute('aria-current', 'step');
    expect(screen.getByText('Answered 0 of 9')).toBeInTheDocument();
    expect(screen.getByText('Keyboard shortcuts')).toBeInTheDocument();
  });

  it('puts focus on the first question, one Tab away from its answer', async () => {
    const user = userEvent.setup();
    await openQuiz();
    expect(screen.getByRole('heading', { name: /question 1 of 9/i })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('radio', { name: 'Monday' })).toHaveFocus();
  });

  it('reaches the article’s sentences forward from an evidence question, and comes back', async () => {
    const user = await openQuestion(8);
    const heading = screen.getByRole('heading', { name: /question 8 of 9/i });
    expect(heading).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Select sentences in the article' })).toHaveFocus();
    await user.keyboard('{Enter}');
    const article = screen.getByRole('region', { name: 'Article' });
    expect(
      within(article).getByText(/selecting evidence for question 8/i).parentElement,
    ).toHaveFocus();
    await user.tab();
    expect(within(article).getByRole('button', { name: 'Back to question 8' })).toHaveFocus();
    await user.tab();
    const firstSentence = within(article).getAllByRole('button', { pressed: false })[0];
    expect(firstSentence).toHaveFocus();
    await user.keyboard(' ');
    expect(firstSentence).toHaveAttribute('aria-pressed', 'true');
    await user.click(within(article).getByRole('button', { name: 'Back to question 8' }));
    expect(heading).toHaveFocus();
  });

  it('says the quiz is not on this device when this browser has no token for it', async () => {
    localStorage.clear();
    renderQuiz();
    expect(
      await screen.findByRole('heading', { name: 'This quiz is not on this device' }),
    ).toBeInTheDocument();
  });

  it('says nothing is saved before an answer, then Saving… and Saved', async () => {
    const user = userEvent.setup();
    await openQuiz();
    expect(screen.queryByText('Saved')).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Monday' }));
    expect(screen.getByText('Saving…')).toBeInTheDocument();
    await waitFor(
      () => expect(api.saves()).toEqual([['vote-day', { choice: 'monday' }]]),
      SAVE_WAIT,
    );
    await waitFor(() => expect(screen.getByText('Saved')).toBeInTheDocument());
    expect(navigatorButton(1)).toHaveAccessibleName('Question 1, answered');
    expect(screen.getByText('Answered 1 of 9')).toBeInTheDocument();
  });

  it('sends one request for a burst of typing', async () => {
    const user = await openQuestion(5);
    await user.type(screen.getByRole('textbox', { name: /which month/i }), 'May');
    await waitFor(() => expect(api.saves()).toEqual([['work-month', { text: 'May' }]]), SAVE_WAIT);
  });

  it('moves between questions with the buttons, the navigator and the shortcuts, focusing the heading', async () => {
    const user = userEvent.setup();
    await openQuiz();
    await user.click(screen.getByRole('button', { name: 'Next →' }));
    expect(screen.getByRole('heading', { name: /question 2 of 9/i })).toHaveFocus();
    await user.keyboard('{Alt>}n{/Alt}');
    expect(screen.getByRole('heading', { name: /question 3 of 9/i })).toHaveFocus();
    await user.keyboard(']');
    expect(screen.getByRole('heading', { name: /question 4 of 9/i })).toHaveFocus();
    await user.keyboard('[[');
    expect(screen.getByRole('heading', { name: /question 3 of 9/i })).toBeInTheDocument();
    await user.click(navigatorButton(7));
    expect(screen.getByRole('heading', { name: /question 7 of 9/i })).toHaveFocus();
    await user.keyboard('{Alt>}p{/Alt}');
    expect(screen.getByRole('heading', { name: /question 6 of 9/i })).toHaveFocus();
  });

  it('types "[" and "]" into text fields instead of moving', async () => {
    const user = await openQuestion(5);
    const field = screen.getByRole('textbox', { name: /which month/i });
    // user-event writes a literal "[" as "[[".
    await user.type(field, '[[May]');
    expect(field).toHaveValue('[May]');
    expect(screen.getByRole('heading', { name: /question 5 of 9/i })).toBeInTheDocument();
  });

  it('flags a question with the button or Alt+M and shows it in the navigator', async () => {
    const user = userEvent.setup();
    await openQuiz();
    const flag = screen.getByRole('button', { name: 'Flag for review' });
    await user.click(flag);
    expect(screen.getByRole('button', { name: 'Flagged for review' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(navigatorButton(1)).toHaveAccessibleName('Question 1, not answered, flagged for review');
    await user.keyboard('{Alt>}m{/Alt}');
    expect(navigatorButton(1)).toHaveAccessibleName('Question 1, not answered');
  });

  it('selects evidence by pressing sentences in the article, and lists them with the question', async () => {
    const user = await openQuestion(8);
    const article = screen.getByRole('region', { name: 'Article' });
    const sentence = within(article).getByRole('button', {
      name: 'She said boats had waited for years.',
    });
    expect(sentence).toHaveAttribute('aria-pressed', 'false');
    await user.click(sentence);
    expect(sentence).toHaveAttribute('aria-pressed', 'true');
    const question = screen.getByRole('group', { name: /boats were delayed/i });
    expect(within(question).getByText('She said boats had waited for years.')).toBeInTheDocument();
    await waitFor(
      () => expect(api.saves()).toEqual([['waiting-evidence', { sentences: ['p3.s2'] }]]),
      SAVE_WAIT,
    );
    await user.click(within(question).getByRole('button', { name: /remove/i }));
    expect(sentence).toHaveAttribute('aria-pressed', 'false');
    expect(within(question).getByText('No sentences selected yet.')).toBeInTheDocument();
  });

  it('keeps answers on the device while offline and sends them when the connection is back', async () => {
    const user = userEvent.setup();
    await openQuiz();
    api.server.offline = true;
    act(() => setOnline(false));
    expect(screen.getByText('Offline — your answers are kept on this device')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Friday' }));
    expect(screen.getByText('Offline — your answers are kept on this device')).toBeInTheDocument();
    const draft = JSON.parse(localStorage.getItem(draftStorageKey(ATTEMPT_ID)) ?? '{}') as {
      state: { responses: unknown };
    };
    expect(draft.state.responses).toEqual({ 'vote-day': { choice: 'friday' } });

    api.server.offline = false;
    act(() => setOnline(true));
    await waitFor(
      () => expect(api.server.responses).toEqual({ 'vote-day': { choice: 'friday' } }),
      SAVE_WAIT,
    );
    await waitFor(() => expect(screen.getByText('Saved')).toBeInTheDocument());
  });

  it('clears the saved answer when the student empties the number field', async () => {
    const user = await openQuestion(4);
    const field = screen.getByRole('textbox', { name: /how much/i });
    await user.type(field, '30');
    await waitFor(
      () => expect(api.server.responses).toEqual({ 'repair-cost': { value: 30 } }),
      SAVE_WAIT,
    );
    expect(navigatorButton(4)).toHaveAccessibleName(/^Question 4, answered/);

    await user.clear(field);
    expect(navigatorButton(4)).toHaveAccessibleName('Question 4, not answered');
    await waitFor(() => expect(api.clears()).toEqual(['repair-cost']), SAVE_WAIT);
    expect(api.server.responses).toEqual({});
    await waitFor(() => expect(screen.getByText('Saved')).toBeInTheDocument());
    expect(screen.queryByText(/your saved answer is still/i)).not.toBeInTheDocument();
  });

  it('keeps a clear made offline and sends it when the connection is back', async () => {
    api.server.responses['sources-named'] = { choices: ['treasurer'] };
    api.server.savedAt['sources-named'] = '2025-03-20T09:30:00.000Z';
    const user = await openQuestion(2);
    api.server.offline = true;
    act(() => setOnline(false));
    await user.click(screen.getByRole('checkbox', { name: 'The treasurer' }));
    expect(navigatorButton(2)).toHaveAccessibleName('Question 2, not answered');
    expect(screen.getByText('Offline — your answers are kept on this device')).toBeInTheDocument();

    api.server.offline = false;
    act(() => setOnline(true));
    await waitFor(() => expect(api.clears()).toEqual(['sources-named']), SAVE_WAIT);
    expect(api.server.responses).toEqual({});
    expect(screen.getByRole('checkbox', { name: 'The treasurer' })).not.toBeChecked();
  });

  it('comes back to the same question with every answer after a reload, and sends what was not sent', async () => {
    const user = userEvent.setup();
    const first = await openQuiz();
    await user.click(screen.getByRole('radio', { name: 'Monday' }));
    await waitFor(() => expect(api.saves()).toHaveLength(1), SAVE_WAIT);
    await user.click(navigatorButton(4));
    api.server.offline = true;
    act(() => setOnline(false));
    await user.type(screen.getByRole('textbox', { name: /how much/i }), '1,200,000');
    first.unmount();

    api.server.offline = false;
    setOnline(true);
    renderQuiz();
    const field = await screen.findByRole('textbox', { name: /how much/i });
    expect(screen.getByRole('heading', { name: /question 4 of 9/i })).toBeInTheDocument();
    expect(field).toHaveValue('1200000');
    await waitFor(
      () =>
        expect(api.server.responses).toEqual({
          'vote-day': { choice: 'monday' },
          'repair-cost': { value: 1200000 },
        }),
      SAVE_WAIT,
    );
    await user.click(navigatorButton(1));
    expect(screen.getByRole('radio', { name: 'Monday' })).toBeChecked();
  });

  it('takes the server’s answer when it is newer than the draft', async () => {
    localStorage.setItem(
      draftStorageKey(ATTEMPT_ID),
      JSON.stringify({
        state: {
          responses: { 'vote-day': { choice: 'friday' } },
          unsent: { 'vote-day': Date.parse('2025-03-20T08:00:00Z') },
          flagged: [],
          currentQuestionId: 'vote-day',
        },
        version: 1,
      }),
    );
    api.server.responses['vote-day'] = { choice: 'monday' };
    api.server.savedAt['vote-day'] = '2025-03-20T09:30:00.000Z';
    await openQuiz();
    expect(screen.getByRole('radio', { name: 'Monday' })).toBeChecked();
  });

  it('lists unanswered and flagged questions before submitting, then asks to confirm', async () => {
    const user = userEvent.setup();
    await openQuiz();
    await user.click(screen.getByRole('radio', { name: 'Monday' }));
    await user.click(navigatorButton(3));
    await user.click(screen.getByRole('button', { name: 'Flag for review' }));
    await user.click(navigatorButton(9));
    await user.click(screen.getByRole('button', { name: 'Check and submit' }));

    const summary = screen.getByRole('region', { name: 'Check before you submit' });
    expect(screen.getByRole('heading', { name: 'Check before you submit' })).toHaveFocus();
    expect(within(summary).getByText('You answered 1 of 9 questions.')).toBeInTheDocument();
    const unanswered = within(summary).getByRole('list', { name: 'Not answered (8)' });
    expect(within(unanswered).getAllByRole('button')).toHaveLength(8);
    expect(
      within(summary).getByRole('heading', { name: 'Flagged for review (1)' }),
    ).toBeInTheDocument();

    await user.click(within(summary).getByRole('button', { name: 'Submit answers' }));
    const dialog = screen.getByRole('dialog', { name: 'Submit your answers?' });
    expect(dialog).toHaveTextContent('8 of 9 questions have no answer');
    expect(within(dialog).getByRole('button', { name: 'Keep working' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Keep working' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.server.status).toBe('in-progress');

    await user.click(within(summary).getByRole('button', { name: 'Submit answers' }));
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(await screen.findByRole('heading', { name: 'Your score' })).toBeInTheDocument();
    expect(api.server.status).toBe('submitted');
    expect(api.server.responses).toEqual({ 'vote-day': { choice: 'monday' } });
    expect(localStorage.getItem(draftStorageKey(ATTEMPT_ID))).toBeNull();
  });

  it('goes from the summary back to a listed question', async () => {
    const user = await openQuestion(9);
    await user.click(screen.getByRole('button', { name: 'Check and submit' }));
    const summary = screen.getByRole('region', { name: 'Check before you submit' });
    await user.click(within(summary).getByRole('button', { name: /question 4/i }));
    expect(screen.getByRole('heading', { name: /question 4 of 9/i })).toHaveFocus();
  });

  it('refuses to submit while offline and keeps the answers', async () => {
    const user = userEvent.setup();
    await openQuiz();
    api.server.offline = true;
    act(() => setOnline(false));
    await user.click(screen.getByRole('radio', { name: 'Monday' }));
    await user.click(navigatorButton(9));
    await user.click(screen.getByRole('button', { name: 'Check and submit' }));
    await user.click(screen.getByRole('button', { name: 'Submit answers' }));
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/you are offline/i);
    expect(api.server.status).toBe('in-progress');
  });
});

describe('a quiz with a time limit', () => {
  it('shows the time left, and when it is up says the saved answers were submitted before the results', async () => {
    setScreenWide(true);
    // The clock and the timer's tick are faked (the rest runs in real time), so the time runs out
    // when the test says, not when a busy machine gets there.
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], shouldAdvanceTime: true });
    onTestFinished(() => void vi.useRealTimers());
    const api = installFakeApi({
      ...sampleAttempt,
      deadline: new Date(Date.now() + 60_000).toISOString(),
    });
    rememberSampleAttempt();
    const user = userEvent.setup();
    await openQuiz();
    expect(screen.getByText('Time left')).toHaveTextContent(/Time left (1:00|0:5\d)/);
    await user.click(screen.getByRole('radio', { name: 'Monday' }));
    await screen.findByText('Saved');
    act(() => vi.advanceTimersByTime(60_000));
    const timeUp = await screen.findByRole('heading', { name: 'Time’s up' }, { timeout: 5000 });
    await waitFor(() => expect(timeUp).toHaveFocus());
    expect(
      await screen.findByText('Time’s up — your saved answers were submitted.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'See your results' }));
    expect(await screen.findByRole('heading', { name: 'Your score' })).toBeInTheDocument();
    expect(api.server.status).toBe('submitted');
    expect(api.server.responses).toEqual({ 'vote-day': { choice: 'monday' } });
  });
});

describe('the quiz page on a phone', () => {
  beforeEach(() => {
    setScreenWide(false);
    installFakeApi({ article: sampleArticle, questions: sampleQuestions });
    rememberSampleAttempt();
  });

  it('switches between the question and the article with tabs', async () => {
    const user = userEvent.setup();
    await openQuiz();
    const questionTab = screen.getByRole('tab', { name: 'Question' });
    const articleTab = screen.getByRole('tab', { name: 'Article' });
    expect(questionTab).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Question' })).toBeVisible();

    await user.click(articleTab);
    expect(screen.getByRole('tabpanel', { name: 'Article' })).toBeVisible();
    expect(screen.queryByRole('tabpanel', { name: 'Question' })).not.toBeInTheDocument();

    await user.keyboard('{ArrowLeft}');
    expect(questionTab).toHaveFocus();
    expect(questionTab).toHaveAttribute('aria-selected', 'true');
  });

  it('shows the question first, with the navigator behind a button that opens and closes it', async () => {
    const user = userEvent.setup();
    await openQuiz();
    const toggle = screen.getByRole('button', { name: 'All questions' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('navigation', { name: 'Questions' })).not.toBeInTheDocument();
    expect(screen.getByText('Answered 0 of 9')).toBeInTheDocument();

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.click(navigatorButton(3));
    expect(screen.getByRole('heading', { name: /question 3 of 9/i })).toHaveFocus();
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('navigation', { name: 'Questions' })).not.toBeInTheDocument();

    await user.click(toggle);
    navigatorButton(1).focus();
    await user.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();
  });

  it('leaves out the keyboard shortcuts on a touch screen', async () => {
    const matchMedia = window.matchMedia;
    vi.stubGlobal('matchMedia', (query: string) => ({
      ...matchMedia(query),
      matches: query === '(pointer: coarse)',
    }));
    await openQuiz();
    expect(screen.queryByText('Keyboard shortcuts')).not.toBeInTheDocument();
  });

  it('opens the article to select evidence and comes back to the question', async () => {
    const user = userEvent.setup();
    await openQuiz();
    await user.click(screen.getByRole('button', { name: 'All questions' }));
    await user.click(navigatorButton(8));
    await user.click(screen.getByRole('button', { name: 'Select sentences in the article' }));
    const panel = screen.getByRole('tabpanel', { name: 'Article' });
    await user.click(within(panel).getByRole('button', { name: 'The vote was seven to two.' }));
    await user.click(within(panel).getByRole('button', { name: 'Back to question 8' }));
    expect(screen.getByRole('tabpanel', { name: 'Question' })).toHaveTextContent(
      'The vote was seven to two.',
    );
  });
});
