import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  expectFocused,
  skipBrowserTests,
  useBrowserSession,
} from './support/browser-session';
import {
  articleRegion,
  countTabsTo,
  fetchAttempt,
  loadRichestBank,
  questionPanel,
  startQuizFromLibrary,
} from './support/quiz-driver';
import { repoRoot } from './support/start-server';

/** Screenshots of a definition open, kept for a person to look at (not compared). */
const SHOTS = join(repoRoot, 'test-results', 'e2e', 'glossary');

/** Where a definition's box is against its term and the screen. */
function measureDefinition(page: Page, termId: string) {
  return page.evaluate((id) => {
    const term = document.getElementById(id);
    const box = document.getElementById(`${id}-definition`);
    if (!term || !box) return null;
    const area = box.getBoundingClientRect();
    const coversTerm = [...term.getClientRects()].some(
      (line) =>
        line.left < area.right &&
        area.left < line.right &&
        line.top < area.bottom &&
        area.top < line.bottom,
    );
    return {
      coversTerm,
      inside:
        area.left >= -0.5 &&
        area.right <= window.innerWidth + 0.5 &&
        area.top >= -0.5 &&
        area.bottom <= window.innerHeight + 0.5,
      scrollsSideways: document.documentElement.scrollWidth > window.innerWidth,
      box: `${area.left}–${area.right} × ${area.top}–${area.bottom} in ${window.innerWidth}×${window.innerHeight}`,
    };
  }, termId);
}

/** Presses Enter on the focused term until React has taken the server's HTML over and opens it. */
async function openByKeyboard(term: Locator): Promise<void> {
  await expect
    .poll(
      async () => {
        if ((await term.getAttribute('aria-expanded')) !== 'true') {
          await term.page().keyboard.press('Enter');
        }
        return term.getAttribute('aria-expanded');
      },
      { timeout: 10_000 },
    )
    .toBe('true');
}

describe.skipIf(skipBrowserTests)('the glossary', () => {
  const session = useBrowserSession();

  for (const width of [390, 1280]) {
    it(`opens a definition by keyboard alone at ${width} px, beside its term, and Escape closes it`, async () => {
      const loaded = await loadRichestBank();
      const { page } = await session.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${session.baseUrl}/articles/${loaded.article.meta.id}`, {
        waitUntil: 'networkidle',
      });
      const term = page.getByRole('button', { name: 'incursion', exact: true }).first();
      await countTabsTo(page, term);
      await expectFocused(term, 'the term "incursion"');
      await openByKeyboard(term);

      const definition = page.getByRole('definition');
      await definition.waitFor();
      await expect(definition.textContent()).resolves.toMatch(/^incursion: An attack in which/);
      const termId = await term.getAttribute('id');
      if (!termId) throw new Error('the term has no id');
      await expect(term.getAttribute('aria-controls')).resolves.toBe(`${termId}-definition`);
      // Opening leaves the focus on the term; the text around stays where it was.
      await expectFocused(term, 'the term after opening');
      // Let the box scroll itself into view: below the reader's tools, at 800 px high, the first
      // term's definition ends under the fold until it has.
      await expect
        .poll(() => measureDefinition(page, termId), { timeout: 3000 })
        .toMatchObject({ coversTerm: false, inside: true, scrollsSideways: false });
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `definition-${width}.png`) });
      await expectAccessible(page, `the reader with a definition open at ${width} px`);

      // The definition's Close button is the next stop; Escape from there closes and comes back.
      await page.keyboard.press('Tab');
      await expectFocused(
        page.getByRole('button', { name: 'Close the definition of incursion' }),
        'the Close button',
      );
      await page.keyboard.press('Escape');
      await expect(definition.count()).resolves.toBe(0);
      await expect(term.getAttribute('aria-expanded')).resolves.toBe('false');
      await expectFocused(term, 'the term after Escape');

      // Space opens it too, and Escape on the term closes it.
      await page.keyboard.press('Space');
      await definition.waitFor();
      await page.keyboard.press('Escape');
      await expect(definition.count()).resolves.toBe(0);
      await expectFocused(term, 'the term after the second Escape');
      expect(session.pageErrors()).toEqual([]);
    });
  }

  it('keeps every definition inside the screen at 320 px, clear of its term', async () => {
    const loaded = await loadRichestBank();
    const { page } = await session.newPage({
      viewport: { width: 320, height: 640 },
      isMobile: true,
      hasTouch: true,
    });
    await page.goto(`${session.baseUrl}/articles/${loaded.article.meta.id}`, {
      waitUntil: 'networkidle',
    });
    const terms = page.locator('.article-body .glossary-term');
    const count = await terms.count();
    expect(count).toBeGreaterThanOrEqual(20);
    // Wait for hydration: the first tap opens once React has the page.
    const first = terms.first();
    await expect
      .poll(
        async () => {
          if ((await first.getAttribute('aria-expanded')) !== 'true') await first.tap();
          return first.getAttribute('aria-expanded');
        },
        { timeout: 10_000 },
      )
      .toBe('true');
    await first.tap();
    for (let index = 0; index < count; index += 1) {
      const term = terms.nth(index);
      await term.tap();
      const termId = await term.getAttribute('id');
      if (!termId) throw new Error('a term has no id');
      await page.locator(`[id="${termId}-definition"]`).waitFor();
      // Let the box scroll itself into view.
      await expect
        .poll(() => measureDefinition(page, termId), { timeout: 3000 })
        .toMatchObject({ coversTerm: false, inside: true, scrollsSideways: false });
      if (index === count - 1) {
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: join(SHOTS, 'definition-320.png') });
        await expectAccessible(page, 'the reader at 320 px with a definition open');
      }
      // A tap elsewhere (the title) closes it.
      await page.getByRole('heading', { level: 1 }).tap();
      await expect(page.getByRole('definition').count()).resolves.toBe(0);
    }
    expect(session.pageErrors()).toEqual([]);
  });

  it('marks the terms in the quiz’s article too, and reads the question aloud from its Listen button', async () => {
    const loaded = await loadRichestBank();
    const { page } = await session.newPage();
    await page.addInitScript(`(() => {
      const spoken = [];
      const synthesis = {
        speaking: false, paused: false, pending: false,
        getVoices: () => [{ voiceURI: 'fake-en-gb', name: 'Fake English', lang: 'en-GB', default: true, localService: true }],
        addEventListener: () => {}, removeEventListener: () => {},
        speak(utterance) { spoken.push(utterance.text); },
        cancel() {}, pause() {}, resume() {},
      };
      class FakeUtterance { constructor(text) { this.text = text; this.rate = 1; this.lang = ''; this.voice = null; } }
      Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
      window.fakeSpoken = spoken;
    })();`);
    await startQuizFromLibrary(page, session.baseUrl, loaded.bank.title);
    const article = articleRegion(page);
    const term = article.getByRole('button', { name: 'demining', exact: true }).first();
    // The attempt's order is random, and while an evidence question is shown every sentence is a
    // button, which holds no term button: go on to the first question that shows the terms.
    let shown = 0;
    while ((await term.count()) === 0) {
      shown += 1;
      if (shown >= loaded.bank.questions.length) throw new Error('No question shows the terms.');
      await page.getByRole('button', { name: 'Next →' }).click();
      await page
        .getByRole('heading', { name: new RegExp(`^Question ${shown + 1} of \\d+$`) })
        .waitFor();
    }
    await term.click();
    await expect(article.getByRole('definition').textContent()).resolves.toMatch(/^demining: /);
    await page.keyboard.press('Escape');
    await expectFocused(term, 'the term in the quiz after Escape');

    const listen = questionPanel(page).getByRole('button', { name: 'Listen to the question' });
    await countTabsTo(page, listen, 200);
    await page.keyboard.press('Enter');
    const status = questionPanel(page).getByRole('status');
    await expect.poll(() => status.textContent()).toBe('Reading the question aloud.');
    const attempt = await fetchAttempt(page);
    const first = attempt.questions[shown];
    const spoken = await page.evaluate(
      () => (window as unknown as { fakeSpoken: string[] }).fakeSpoken,
    );
    expect(spoken[0]).toBe(first?.prompt);
    await expectAccessible(page, 'the quiz with a question being read aloud');
    expect(session.pageErrors()).toEqual([]);
  });
});
