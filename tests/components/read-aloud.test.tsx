import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ArticleView, sentenceElementId } from '../../src/components/article-view';
import type {
  SpeakOptions,
  SpeechCallbacks,
  SpeechEngine,
  SpeechVoice,
} from '../../src/components/read-aloud-engine';
import { ReadAloudPlayer } from '../../src/components/read-aloud-player';
import { NO_VOICES_MESSAGE } from '../../src/components/use-read-aloud';
import { READ_ALOUD_KEY, useReadAloudSettings } from '../../src/components/read-aloud-store';
import { listSentences } from '../../src/domain/article';
import { sampleArticle } from '../features/fixtures/sample-quiz';

const sentences = listSentences(sampleArticle);

const VOICES: SpeechVoice[] = [
  { id: 'voice-uk', name: 'Daniel', lang: 'en-GB', isDefault: true },
  { id: 'voice-us', name: 'Samantha', lang: 'en-US', isDefault: false },
  { id: 'voice-fr', name: 'Thomas', lang: 'fr-FR', isDefault: false },
];

/** A speech engine that speaks nothing: the test fires each utterance's boundary and end. */
function createFakeEngine(voices: SpeechVoice[] = VOICES) {
  const log: string[] = [];
  const spoken: { text: string; options: SpeakOptions; callbacks: SpeechCallbacks }[] = [];
  const engine: SpeechEngine = {
    getVoices: () => voices,
    onVoicesChanged: () => () => {},
    speak: (text, options, callbacks) => {
      log.push('speak');
      spoken.push({ text, options, callbacks });
    },
    cancel: () => log.push('cancel'),
    pause: () => log.push('pause'),
    resume: () => log.push('resume'),
  };
  const last = () => {
    const utterance = spoken.at(-1);
    if (!utterance) throw new Error('nothing has been spoken');
    return utterance;
  };
  return {
    engine,
    log,
    spoken,
    last,
    /** The last utterance reaches its end. */
    finish: () => act(() => last().callbacks.onEnd()),
  };
}

function renderPlayer(engine: SpeechEngine | null, masked?: ReadonlySet<string>) {
  return render(
    <>
      <ReadAloudPlayer article={sampleArticle} masked={masked} engine={engine} />
      <ArticleView article={sampleArticle} headingLevel={1} masked={masked} />
    </>,
  );
}

/** The ids of the sentences marked as being read. */
function markedSentences(): string[] {
  return [...document.querySelectorAll('[data-read-aloud]')].map(
    (element) => element.getAttribute('data-sentence-id') ?? '',
  );
}

const status = () => screen.getByRole('status');

describe('read-aloud', () => {
  beforeEach(() => {
    useReadAloudSettings.setState(useReadAloudSettings.getInitialState(), true);
    localStorage.removeItem(READ_ALOUD_KEY);
  });

  it('reads the sentences in order, moving the highlight as each utterance ends', async () => {
    const user = userEvent.setup();
    const fake = createFakeEngine();
    renderPlayer(fake.engine);
    await user.click(screen.getByRole('button', { name: 'Read the article' }));
    expect(fake.last().text).toBe(sentences[0]?.text);
    expect(markedSentences()).toEqual([sentences[0]?.id]);
    expect(status()).toHaveTextContent('Reading aloud.');

    fake.finish();
    expect(fake.last().text).toBe(sentences[1]?.text);
    expect(markedSentences()).toEqual([sentences[1]?.id]);
    expect(screen.getByText(/Sentence 2 of 6/)).toBeInTheDocument();

    for (let index = 2; index < sentences.length; index += 1) fake.finish();
    expect(fake.spoken.map(({ text }) => text)).toEqual(sentences.map(({ text }) => text));
    fake.finish();
    expect(markedSentences()).toEqual([]);
    expect(status()).toHaveTextContent('Finished reading the article.');
  });

  it('pauses, resumes and stops, ignoring the end of a cancelled utterance', async () => {
    const user = userEvent.setup();
    const fake = createFakeEngine();
    renderPlayer(fake.engine);
    await user.click(screen.getByRole('button', { name: 'Read the article' }));
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(fake.log.at(-1)).toBe('pause');
    expect(status()).toHaveTextContent('Paused at sentence 1 of 6.');
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    expect(fake.log.at(-1)).toBe('resume');
    expect(status()).toHaveTextContent('Reading aloud.');

    const first = fake.last();
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(fake.log.at(-1)).toBe('cancel');
    expect(status()).toHaveTextContent('Stopped.');
    expect(markedSentences()).toEqual([]);
    // The browser ends a cancelled utterance too: that must not start the next sentence.
    act(() => first.callbacks.onEnd());
    expect(fake.spoken).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Read the article' })).toBeInTheDocument();
  });

  it('moves to the next and previous sentence, and reads from a sentence clicked', async () => {
    const user = userEvent.setup();
    const fake = createFakeEngine();
    renderPlayer(fake.engine);
    await user.click(screen.getByRole('button', { name: 'Next sentence' }));
    await user.click(screen.getByRole('button', { name: 'Next sentence' }));
    expect(fake.spoken).toHaveLength(0);
    expect(markedSentences()).toEqual([sentences[2]?.id]);
    expect(status()).toHaveTextContent('Reading will start at sentence 3 of 6.');
    await user.click(screen.getByRole('button', { name: 'Read from sentence 3' }));
    expect(fake.last().text).toBe(sentences[2]?.text);
    await user.click(screen.getByRole('button', { name: 'Previous sentence' }));
    expect(fake.last().text).toBe(sentences[1]?.text);
    expect(markedSentences()).toEqual([sentences[1]?.id]);

    const target = sentences[4];
    if (!target) throw new Error('the sample has six sentences');
    await user.click(document.getElementById(sentenceElementId(target.id)) as HTMLElement);
    expect(fake.last().text).toBe(target.text);
    expect(markedSentences()).toEqual([target.id]);
  });

  it('never reads a hidden sentence (a cloze question’s source)', async () => {
    const user = userEvent.setup();
    const fake = createFakeEngine();
    const hidden = sentences[2];
    if (!hidden) throw new Error('the sample has six sentences');
    renderPlayer(fake.engine, new Set([hidden.id]));
    await user.click(screen.getByRole('button', { name: 'Read the article' }));
    for (let index = 0; index < 6; index += 1) fake.finish();
    expect(fake.spoken.map(({ text }) => text)).not.toContain(hidden.text);
    expect(fake.spoken).toHaveLength(5);
  });

  it('cuts off a sentence hidden while it is read, and keeps its place when another is', async () => {
    const user = userEvent.setup();
    const fake = createFakeEngine();
    const view = renderPlayer(fake.engine);
    const [first, second, third, fourth] = sentences;
    if (!first || !second || !third || !fourth) throw new Error('the sample has six sentences');
    await user.click(screen.getByRole('button', { name: 'Read the article' }));
    fake.finish();
    fake.finish();
    expect(fake.last().text).toBe(third.text);

    // The same set again (the quiz makes a new one each render): nothing changes.
    const rerender = (masked: ReadonlySet<string>) =>
      view.rerender(
        <>
          <ReadAloudPlayer article={sampleArticle} masked={masked} engine={fake.engine} />
          <ArticleView article={sampleArticle} headingLevel={1} masked={masked} />
        </>,
      );
    rerender(new Set([first.id]));
    rerender(new Set([first.id]));
    expect(fake.spoken).toHaveLength(3);
    expect(markedSentences()).toEqual([third.id]);
    expect(screen.getByText(/Sentence 2 of 5/)).toBeInTheDocument();

    // The sentence being read is hidden: it stops at once and reading goes on from the next.
    rerender(new Set([third.id]));
    expect(fake.log.slice(-2)).toEqual(['cancel', 'speak']);
    expect(fake.last().text).toBe(fourth.text);
    expect(markedSentences()).toEqual([fourth.id]);

    // Stopped, a change of hidden sentences says nothing and reads nothing.
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    const spokenBefore = fake.spoken.length;
    rerender(new Set([first.id]));
    expect(fake.spoken).toHaveLength(spokenBefore);
    expect(status()).toHaveTextContent('Stopped.');
    expect(screen.getByRole('button', { name: 'Read the article' })).toBeInTheDocument();
  });

  it('remembers the speed and voice on this device, and uses them at once', async () => {
    const user = userEvent.setup();
    const fake = createFakeEngine();
    const view = renderPlayer(fake.engine);
    const voice = screen.getByRole('combobox', { name: 'Voice' });
    // Only the voices for the article's language (en), the browser's default first chosen.
    expect(
      within(voice)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Daniel (en-GB)', 'Samantha (en-US)']);
    expect(voice).toHaveValue('voice-uk');

    await user.click(screen.getByRole('button', { name: 'Read the article' }));
    expect(fake.last().options).toMatchObject({ rate: 1, voiceId: 'voice-uk' });
    // Halfway through the sentence the speed changes: it goes on from the last word reached.
    act(() => fake.last().callbacks.onBoundary(12));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Speed' }), '1.5×');
    expect(fake.last()).toMatchObject({
      text: sentences[0]?.text.slice(12),
      options: { rate: 1.5, voiceId: 'voice-uk' },
    });
    await user.selectOptions(voice, 'Samantha (en-US)');
    expect(fake.last().options).toMatchObject({ rate: 1.5, voiceId: 'voice-us' });
    expect(JSON.parse(localStorage.getItem(READ_ALOUD_KEY) ?? '{}')).toMatchObject({
      state: { rate: 1.5, voiceId: 'voice-us' },
    });

    view.unmount();
    expect(fake.log.at(-1)).toBe('cancel');
    // A new page on this device: the store starts over from what is stored.
    const stored = localStorage.getItem(READ_ALOUD_KEY) ?? '';
    useReadAloudSettings.setState(useReadAloudSettings.getInitialState(), true);
    localStorage.setItem(READ_ALOUD_KEY, stored);
    await act(() => useReadAloudSettings.persist.rehydrate());
    renderPlayer(createFakeEngine().engine);
    expect(screen.getByRole('combobox', { name: 'Speed' })).toHaveValue('1.5');
    expect(screen.getByRole('combobox', { name: 'Voice' })).toHaveValue('voice-us');
  });

  it('says so when the browser fails to speak a sentence, and stops', async () => {
    const user = userEvent.setup();
    const fake = createFakeEngine();
    renderPlayer(fake.engine);
    await user.click(screen.getByRole('button', { name: 'Read the article' }));
    act(() => fake.last().callbacks.onError());
    expect(status()).toHaveTextContent('The browser could not read the sentence aloud.');
    expect(markedSentences()).toEqual([]);
    expect(fake.spoken).toHaveLength(1);
  });

  it('says so where the browser has no voices for the article', async () => {
    renderPlayer(createFakeEngine([VOICES[2] as SpeechVoice]).engine);
    expect(status()).toHaveTextContent('Looking for voices…');
    await waitFor(() => expect(status()).toHaveTextContent(NO_VOICES_MESSAGE), { timeout: 3000 });
    expect(screen.queryByRole('button', { name: 'Read the article' })).toBeNull();
  });

  it('opens from the article’s Listen button, saying so where there is no speech synthesis', async () => {
    const user = userEvent.setup();
    render(<ArticleView article={sampleArticle} headingLevel={1} withSettings />);
    const listen = screen.getByRole('button', { name: 'Listen' });
    expect(listen).toHaveAttribute('aria-expanded', 'false');
    await user.click(listen);
    expect(listen).toHaveAttribute('aria-expanded', 'true');
    // jsdom has no speechSynthesis, like a browser without it.
    expect(await screen.findByText(NO_VOICES_MESSAGE)).toHaveAttribute('role', 'status');
    await user.click(listen);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
