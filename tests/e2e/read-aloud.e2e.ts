import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listSentences } from '../../src/domain/article';
import { expectAccessible, skipBrowserTests, useBrowserSession } from './support/browser-session';
import {
  countTabsTo,
  fetchAttempt,
  goToQuestionNumber,
  loadRichestBank,
  startQuizFromLibrary,
} from './support/quiz-driver';
import { repoRoot } from './support/start-server';

/** Screenshots of read-aloud at work, kept for a person to look at (not compared). */
const SHOTS = join(repoRoot, 'test-results', 'e2e', 'read-aloud');

/**
 * A speechSynthesis that speaks nothing, with one English voice: the test ends each utterance
 * (window.fakeSpeech.finish) as the browser would. Plain JavaScript in a string, run before the
 * page's own scripts; its utterance class stands in too (the real one takes only real voices).
 */
const FAKE_SPEECH = `(() => {
  const spoken = [];
  let current = null;
  const voices = [
    { voiceURI: 'fake-en-gb', name: 'Fake English', lang: 'en-GB', default: true, localService: true },
  ];
  const synthesis = {
    speaking: false,
    paused: false,
    pending: false,
    getVoices: () => voices,
    addEventListener: () => {},
    removeEventListener: () => {},
    speak(utterance) {
      spoken.push({ text: utterance.text, rate: utterance.rate, voice: utterance.voice && utterance.voice.voiceURI });
      current = utterance;
    },
    cancel() {
      const utterance = current;
      current = null;
      if (utterance && utterance.onerror) setTimeout(() => utterance.onerror({ error: 'interrupted' }));
    },
    pause() { synthesis.paused = true; },
    resume() { synthesis.paused = false; },
  };
  class FakeUtterance {
    constructor(text) { this.text = text; this.rate = 1; this.lang = ''; this.voice = null; }
  }
  Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
  window.fakeSpeech = {
    spoken,
    finish() {
      const utterance = current;
      current = null;
      if (utterance && utterance.onend) utterance.onend({});
    },
  };
})();`;

interface FakeSpeechWindow {
  fakeSpeech: {
    spoken: { text: string; rate: number; voice: string | null }[];
    finish: () => void;
  };
}

/** Opens read-aloud; until React has taken the server's HTML over, press again. */
async function openListen(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Listen', exact: true });
  const panel = page.locator('.read-aloud-panel');
  await expect
    .poll(
      async () => {
        if ((await panel.count()) > 0) return true;
        if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
        return (await panel.count()) > 0;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
}

/** The id of the sentence marked as being read, and whether it is on screen, clear of the buttons. */
function readMarked(page: Page): Promise<{ id: string | null; onScreen: boolean; count: number }> {
  return page.evaluate(() => {
    const marked = document.querySelectorAll('[data-read-aloud]');
    const element = marked[0];
    if (!element) return { id: null, onScreen: false, count: 0 };
    const box = element.getBoundingClientRect();
    // On screen means above the floating buttons too, not under them.
    const buttons = document.querySelector('.read-aloud-controls[data-floating]');
    const bottom = buttons ? buttons.getBoundingClientRect().top : window.innerHeight;
    return {
      id: element.getAttribute('data-sentence-id'),
      onScreen: box.top >= 0 && box.bottom <= bottom,
      count: marked.length,
    };
  });
}

describe.skipIf(skipBrowserTests)('read-aloud', () => {
  const session = useBrowserSession();

  it('is reached by keyboard, and says so where the browser has no voices', async () => {
    const loaded = await loadRichestBank();
    const { page } = await session.newPage();
    await page.goto(`${session.baseUrl}/articles/${loaded.article.meta.id}`, {
      waitUntil: 'networkidle',
    });
    const listen = page.getByRole('button', { name: 'Listen', exact: true });
    await countTabsTo(page, listen);
    await expect
      .poll(
        async () => {
          if ((await listen.getAttribute('aria-expanded')) !== 'true') {
            await page.keyboard.press('Enter');
          }
          return listen.getAttribute('aria-expanded');
        },
        { timeout: 10_000 },
      )
      .toBe('true');
    // Headless Chromium has speechSynthesis but no voices.
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 5000 })
      .toBe('No voices for reading aloud on this device.');
    await expect(page.getByRole('button', { name: 'Read the article' }).count()).resolves.toBe(0);
    mkdirSync(SHOTS, { recursive: true });
    await page.locator('.article-tools').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'no-voices-1280-light.png') });
    await expectAccessible(page, 'the reader with read-aloud open and no voices');
    expect(session.pageErrors()).toEqual([]);
  });

  for (const look of [
    { width: 390, colorScheme: 'dark' as const },
    { width: 1280, colorScheme: 'light' as const },
  ]) {
    it(`reads the sentences in order, marking and scrolling to each, by keyboard at ${look.width} px, ${look.colorScheme}`, async () => {
      const loaded = await loadRichestBank();
      const sentences = listSentences(loaded.article);
      const { page } = await session.newPage({
        viewport: { width: look.width, height: 800 },
        colorScheme: look.colorScheme,
      });
      await page.addInitScript(FAKE_SPEECH);
      await page.goto(`${session.baseUrl}/articles/${loaded.article.meta.id}`, {
        waitUntil: 'networkidle',
      });
      await openListen(page);
      const status = page.locator('.read-aloud-panel').getByRole('status');
      await page.getByRole('button', { name: 'Read the article' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => status.textContent()).toBe('Reading aloud.');
      mkdirSync(SHOTS, { recursive: true });
      // The player at the top of the article, in this colour scheme and the other.
      const other: 'light' | 'dark' = look.colorScheme === 'dark' ? 'light' : 'dark';
      for (const colorScheme of [other, look.colorScheme]) {
        await page.emulateMedia({ colorScheme });
        await page.locator('.article-tools').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, `player-${look.width}-${colorScheme}.png`) });
      }
      const pause = page.getByRole('button', { name: 'Pause' });

      const count = Math.min(sentences.length, 14);
      for (let index = 0; index < count; index += 1) {
        const sentence = sentences[index];
        await expect
          .poll(() => readMarked(page), { timeout: 5000 })
          .toEqual({ id: sentence?.id, onScreen: true, count: 1 });
        if (index === 9) {
          // The page scrolls smoothly: let it settle for the picture.
          await page.waitForTimeout(800);
          await page.screenshot({
            path: join(SHOTS, `reader-${look.width}-${look.colorScheme}.png`),
          });
        }
        await page.evaluate(() => (window as unknown as FakeSpeechWindow).fakeSpeech.finish());
      }
      const spoken = await page.evaluate(
        () => (window as unknown as FakeSpeechWindow).fakeSpeech.spoken,
      );
      expect(spoken.map(({ text }) => text)).toEqual(
        sentences.slice(0, count + 1).map(({ text }) => text),
      );
      expect(spoken[0]).toMatchObject({ rate: 1, voice: 'fake-en-gb' });
      // Reading moved the page, never the focus.
      await expect(pause.evaluate((element) => element === document.activeElement)).resolves.toBe(
        true,
      );

      await page.keyboard.press('Enter');
      await expect
        .poll(() => status.textContent())
        .toBe(`Paused at sentence ${count + 1} of ${sentences.length}.`);
      await expectAccessible(page, `read-aloud paused at ${look.width} px, ${look.colorScheme}`);
      await page.getByRole('button', { name: 'Resume' }).press('Enter');
      await expect.poll(() => status.textContent()).toBe('Reading aloud.');
      await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: '1.5×' });
      await expect
        .poll(() =>
          page.evaluate(() => (window as unknown as FakeSpeechWindow).fakeSpeech.spoken.at(-1)),
        )
        .toMatchObject({ rate: 1.5 });
      await page.getByRole('button', { name: 'Stop' }).press('Enter');
      await expect.poll(() => status.textContent()).toBe('Stopped.');
      await expect(readMarked(page)).resolves.toMatchObject({ count: 0 });
      expect(session.pageErrors()).toEqual([]);
    });
  }

  it('on the quiz, reads only the article, never the sentence hidden for a gap-fill question', async () => {
    const loaded = await loadRichestBank();
    const sentences = listSentences(loaded.article);
    const { page } = await session.newPage();
    await page.addInitScript(FAKE_SPEECH);
    await startQuizFromLibrary(page, session.baseUrl, loaded.bank.title);
    const cloze = (await fetchAttempt(page)).questions.find(({ type }) => type === 'cloze');
    if (!cloze) throw new Error(`${loaded.bank.id} has no gap-fill question`);
    await goToQuestionNumber(page, cloze.number);
    const hiddenId = await page
      .locator('.article-view .sentence-masked')
      .first()
      .getAttribute('data-sentence-id');
    const hidden = sentences.find(({ id }) => id === hiddenId);
    if (!hidden) throw new Error('no sentence is hidden for the gap-fill question');

    await openListen(page);
    await page.getByRole('button', { name: 'Read the article' }).click();
    for (let index = 0; index < 6; index += 1) {
      await page.evaluate(() => (window as unknown as FakeSpeechWindow).fakeSpeech.finish());
    }
    await page.waitForTimeout(800);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'quiz-1280-light.png') });
    for (let index = 6; index < sentences.length; index += 1) {
      await page.evaluate(() => (window as unknown as FakeSpeechWindow).fakeSpeech.finish());
    }
    await expect
      .poll(() => page.locator('.read-aloud-panel').getByRole('status').textContent())
      .toBe('Finished reading the article.');
    const spoken = await page.evaluate(() =>
      (window as unknown as FakeSpeechWindow).fakeSpeech.spoken.map(({ text }) => text),
    );
    expect(spoken).toEqual(sentences.filter(({ id }) => id !== hidden.id).map(({ text }) => text));
    await expectAccessible(page, 'the quiz with read-aloud open');
    expect(session.pageErrors()).toEqual([]);
  });
});
