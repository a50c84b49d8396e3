import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type {
  SpeechCallbacks,
  SpeechEngine,
  SpeakOptions,
} from '../../../src/components/read-aloud-engine';
import { ReadAloudTexts } from '../../../src/components/read-aloud-player';
import { READ_ALOUD_KEY, useReadAloudSettings } from '../../../src/components/read-aloud-store';
import { NO_VOICES_MESSAGE } from '../../../src/components/use-read-aloud';
import type { PublicQuestion } from '../../../src/domain/public-question';
import { QuestionListen } from '../../../src/features/quiz/components/question-listen';
import { listQuestionReading } from '../../../src/features/quiz/question-reading';
import { sampleCloze, sampleQuestion, sampleQuestions } from '../fixtures/sample-quiz';

function createFakeEngine() {
  const spoken: { text: string; options: SpeakOptions; callbacks: SpeechCallbacks }[] = [];
  const engine: SpeechEngine = {
    getVoices: () => [
      { id: 'voice-uk', name: 'Daniel', lang: 'en-GB', isDefault: true },
      { id: 'voice-us', name: 'Samantha', lang: 'en-US', isDefault: false },
    ],
    onVoicesChanged: () => () => {},
    speak: (text, options, callbacks) => spoken.push({ text, options, callbacks }),
    cancel: () => {},
    pause: () => {},
    resume: () => {},
  };
  const finish = () => act(() => spoken.at(-1)?.callbacks.onEnd());
  return { engine, spoken, finish };
}

describe('listQuestionReading', () => {
  it('reads the prompt, then the options in the order shown', () => {
    expect(listQuestionReading(sampleQuestion('sources-named', 'multiple'), undefined)).toEqual([
      'Who is quoted in the report?',
      'The treasurer',
      'The mayor',
      'The harbour master',
    ]);
    expect(listQuestionReading(sampleQuestion('vote-unanimous', 'judgement'), undefined)).toEqual([
      'Judge the statement against the article.',
      'Every councillor voted for the repair.',
      'True',
      'False',
      'Not given',
    ]);
  });

  it('reads an order question’s items as the student has arranged them', () => {
    const order = sampleQuestion('events-order', 'order');
    expect(listQuestionReading(order, { order: ['debate', 'vote', 'work'] })).toEqual([
      'Put the events in the order they happen.',
      'The council debates',
      'The council votes',
      'Work starts',
    ]);
  });

  it('reads a two-part question part by part, and a cloze passage with its gaps as blanks', () => {
    expect(listQuestionReading(sampleQuestion('close-vote', 'two-part'), undefined)).toEqual([
      'Was the vote close?',
      'Part A.',
      'How close was the vote?',
      'A clear majority',
      'Almost a tie',
      'Part B.',
      'Which sentence supports your answer?',
    ]);
    expect(listQuestionReading(sampleCloze, undefined)).toEqual([
      'Fill the gaps with the article’s words.',
      'The council voted on blank to repair the harbour blank.',
      'Gap 1: Friday, Monday.',
    ]);
  });

  it('never reads an answer or anything the question does not show', () => {
    for (const question of [...sampleQuestions, sampleCloze] as PublicQuestion[]) {
      const read = listQuestionReading(question, undefined).join(' ');
      expect(read).not.toMatch(/correct|feedback|explanation|evidence:/i);
    }
  });
});

describe('reading a quiz question aloud', () => {
  beforeEach(() => {
    useReadAloudSettings.setState(useReadAloudSettings.getInitialState(), true);
    localStorage.removeItem(READ_ALOUD_KEY);
  });

  it('reads the prompt then each option with the remembered speed, and says so politely', async () => {
    useReadAloudSettings.getState().setRate(1.5);
    const fake = createFakeEngine();
    render(
      <ReadAloudTexts
        texts={listQuestionReading(sampleQuestion('vote-day', 'single'), undefined)}
        subject="the question"
        language="en"
        engine={fake.engine}
      />,
    );
    await waitFor(() => expect(fake.spoken).toHaveLength(1));
    expect(fake.spoken[0]?.text).toBe('On which day did the council vote?');
    expect(fake.spoken[0]?.options.rate).toBe(1.5);
    expect(screen.getByRole('status')).toHaveTextContent('Reading the question aloud.');
    fake.finish();
    fake.finish();
    fake.finish();
    expect(fake.spoken.map((utterance) => utterance.text)).toEqual([
      'On which day did the council vote?',
      'Monday',
      'Friday',
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('Finished reading the question.');
  });

  it('pauses, resumes and stops from its buttons, and reads again from the prompt', async () => {
    const user = userEvent.setup();
    const fake = createFakeEngine();
    render(
      <ReadAloudTexts
        texts={listQuestionReading(sampleQuestion('vote-day', 'single'), undefined)}
        subject="the question"
        language="en"
        engine={fake.engine}
      />,
    );
    await user.click(await screen.findByRole('button', { name: 'Pause' }));
    expect(screen.getByRole('status')).toHaveTextContent('Paused.');
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(screen.getByRole('status')).toHaveTextContent('Stopped.');
    await user.click(screen.getByRole('button', { name: 'Read the question again' }));
    expect(fake.spoken.at(-1)?.text).toBe('On which day did the council vote?');
    // Speed and voice are the article player's, remembered on this device.
    await user.selectOptions(screen.getByLabelText('Speed'), '0.75');
    expect(useReadAloudSettings.getState().rate).toBe(0.75);
  });

  it('says so where the browser has no speech synthesis', async () => {
    render(
      <ReadAloudTexts
        texts={listQuestionReading(sampleQuestion('vote-day', 'single'), undefined)}
        subject="the question"
        language="en"
        engine={null}
      />,
    );
    expect(await screen.findByRole('status')).toHaveTextContent(NO_VOICES_MESSAGE);
  });

  it('opens from a “Listen to the question” button, by keyboard, and closes again', async () => {
    const user = userEvent.setup();
    render(
      <QuestionListen
        question={sampleQuestion('vote-day', 'single')}
        response={undefined}
        language="en"
      />,
    );
    const listen = screen.getByRole('button', { name: 'Listen to the question' });
    expect(listen).toHaveAttribute('aria-expanded', 'false');
    listen.focus();
    await user.keyboard('{Enter}');
    expect(listen).toHaveAttribute('aria-expanded', 'true');
    // jsdom has no speechSynthesis: the player says so instead of failing silently.
    expect(await screen.findByRole('status')).toHaveTextContent(NO_VOICES_MESSAGE);
    await user.keyboard(' ');
    expect(listen).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });
});
