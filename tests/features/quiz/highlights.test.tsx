import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { getHref } from '../../../src/lib/paths';
import { saveReaderHighlights } from '../../../src/lib/reader-highlights';
import {
  ATTEMPT_ID,
  installFakeApi,
  rememberSampleAttempt,
  setOnline,
  setScreenWide,
} from '../fixtures/fake-api';
import { sampleArticle } from '../fixtures/sample-quiz';
import { sampleAttempt } from '../fixtures/sample-result';
import { renderAt } from '../teacher/teacher-fixtures';

const SAVE_WAIT = { timeout: 3000 };

async function openQuiz() {
  const view = renderAt(getHref.quiz(ATTEMPT_ID));
  await screen.findByRole('heading', { name: /question 1 of 9/i }, { timeout: 3000 });
  return view;
}

const articleRegion = () => screen.getByRole('region', { name: 'Article' });

describe('highlights and notes in the quiz', () => {
  let api: ReturnType<typeof installFakeApi>;

  beforeEach(() => {
    setScreenWide(true);
    api = installFakeApi(sampleAttempt);
    rememberSampleAttempt();
  });

  it('highlights a sentence by keyboard, adds a note with a count, saves it and keeps it after a reload', async () => {
    const user = userEvent.setup();
    const first = await openQuiz();
    const toggle = within(articleRegion()).getByRole('button', {
      name: 'Highlight and take notes',
    });
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAccessibleName('Stop highlighting');
    const sentence = within(articleRegion()).getByRole('button', {
      name: 'The vote was seven to two.',
    });
    sentence.focus();
    await user.keyboard('{Enter}');

    const tools = await screen.findByRole('group', {
      name: 'Highlight and note for “The vote was seven to two.”',
    });
    // The tools come right after the sentence and take focus; every colour is named.
    expect(within(tools).getByRole('button', { name: 'Yellow' })).toHaveFocus();
    await user.keyboard('{Tab}{Enter}');
    expect(within(tools).getByRole('button', { name: 'Green' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(
      within(articleRegion()).getByText('Your green highlight:', { exact: false }),
    ).toBeInTheDocument();

    await user.click(within(tools).getByRole('button', { name: 'Add note' }));
    const note = within(tools).getByRole('textbox', { name: 'Note' });
    expect(note).toHaveFocus();
    expect(note).toHaveAttribute('maxlength', '500');
    expect(note).toHaveAccessibleDescription('0 of 500 characters');
    await user.keyboard('Seven <b>for</b>');
    expect(note).toHaveAccessibleDescription('16 of 500 characters');
    await user.click(within(tools).getByRole('button', { name: 'Save note' }));
    await waitFor(
      () =>
        expect(api.server.highlights['p1.s2']).toEqual({
          key: 'p1.s2',
          sentenceId: 'p1.s2',
          span: null,
          colour: 'green',
          note: 'Seven <b>for</b>',
        }),
      SAVE_WAIT,
    );
    await waitFor(() => expect(screen.getByText('Saved')).toBeInTheDocument());
    await user.click(within(tools).getByRole('button', { name: 'Done' }));
    expect(sentence).toHaveFocus();

    first.unmount();
    await openQuiz();
    const marker = within(articleRegion()).getByRole('button', { name: 'Note' });
    await user.click(marker);
    // The note is text: its markup is shown, never run.
    expect(within(articleRegion()).getByText('Seven <b>for</b>')).toBeVisible();
    expect(
      within(articleRegion()).getByText('Your green highlight:', { exact: false }),
    ).toBeInTheDocument();
    // Two quiz pages and a dozen steps: more than the default on two busy cores.
  }, 15_000);

  it('keeps a highlight made offline and sends it when the connection is back, and removes it', async () => {
    const user = userEvent.setup();
    await openQuiz();
    api.server.offline = true;
    setOnline(false);
    await user.click(
      within(articleRegion()).getByRole('button', { name: 'Highlight and take notes' }),
    );
    await user.click(within(articleRegion()).getByRole('button', { name: /^Work starts in May/ }));
    await user.click(await screen.findByRole('button', { name: 'Pink' }));
    expect(await screen.findByText(/Offline/)).toBeInTheDocument();
    expect(api.server.highlights).toEqual({});

    api.server.offline = false;
    setOnline(true);
    await waitFor(
      () => expect(api.server.highlights['p2.s2']).toMatchObject({ colour: 'pink' }),
      SAVE_WAIT,
    );

    await user.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(api.server.highlights).toEqual({}), SAVE_WAIT);
    expect(
      within(articleRegion()).queryByText('Your pink highlight:', { exact: false }),
    ).toBeNull();
  });

  it('copies what the student highlighted in the reader into the attempt, once', async () => {
    const user = userEvent.setup();
    saveReaderHighlights(sampleArticle, [
      {
        key: 'p2.s1_0-7',
        sentenceId: 'p2.s1',
        span: { start: 0, end: 7 },
        colour: 'pink',
        note: 'How much?',
      },
    ]);
    const first = await openQuiz();
    await waitFor(
      () =>
        expect(api.server.highlights['p2.s1_0-7']).toEqual({
          key: 'p2.s1_0-7',
          sentenceId: 'p2.s1',
          span: { start: 0, end: 7 },
          colour: 'pink',
          note: 'How much?',
        }),
      SAVE_WAIT,
    );
    const mark = within(articleRegion()).getByText('Repairs', { selector: 'mark' });
    expect(mark).toHaveTextContent('Your pink highlight: Repairs');

    // Removed in the quiz, it is not copied again on the next visit.
    await user.click(
      within(articleRegion()).getByRole('button', { name: 'Highlight and take notes' }),
    );
    await user.click(within(articleRegion()).getByRole('button', { name: /Repairs will cost/ }));
    await user.click(
      await screen.findByRole('button', { name: 'Change “Repairs” (Pink)' }, SAVE_WAIT),
    );
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(api.server.highlights).toEqual({}), SAVE_WAIT);
    first.unmount();
    await openQuiz();
    expect(within(articleRegion()).queryByText('Repairs', { selector: 'mark' })).toBeNull();
    expect(api.server.highlights).toEqual({});
  });

  it('offers no highlight tool when the teacher turned it off', async () => {
    api = installFakeApi({
      ...sampleAttempt,
      assignment: {
        code: 'K7MPQ2',
        title: 'Year 9',
        bankId: 'bridge-quiz',
        bankTitle: 'The bridge vote',
        articleId: 'harbour-bridge',
        articleTitle: 'Town votes to repair the harbour bridge',
        questionCount: 9,
        opensAt: '2025-03-20T09:00:00.000Z',
        dueAt: null,
        timeLimitMinutes: null,
        attemptsAllowed: 1,
        reviewPolicy: { when: 'after-due', show: 'full' },
        allowHighlights: false,
        status: 'open',
      },
    });
    await openQuiz();
    expect(
      within(articleRegion()).queryByRole('button', { name: 'Highlight and take notes' }),
    ).toBeNull();
  });
});
