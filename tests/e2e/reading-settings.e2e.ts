import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, skipBrowserTests, useBrowserSession } from './support/browser-session';
import { loadRichestBank } from './support/quiz-driver';
import { repoRoot } from './support/start-server';

/** Screenshots of the settings at work, kept for a person to look at (not compared). */
const SHOTS = join(repoRoot, 'test-results', 'e2e', 'reading-settings');
const NARROW = { viewport: { width: 320, height: 720 }, isMobile: true, hasTouch: true };

/** Screenshots of the screen at the settings and at the article's first section heading. */
async function shoot(page: Page, scope: string, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.locator(`${scope} .reading-settings`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, `${name}-settings.png`) });
  await page.locator(`${scope} .article-body [id^="section-"]`).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, `${name}-text.png`) });
}

/**
 * Opens the reading settings. Until React has taken the server's HTML over, the button does
 * nothing: press it again until the panel comes.
 */
async function openSettings(scope: Page | Locator): Promise<void> {
  const button = scope.getByRole('button', { name: 'Reading settings', exact: true });
  const textSize = scope.getByRole('combobox', { name: 'Text size' });
  await expect
    .poll(
      async () => {
        if ((await textSize.count()) > 0) return true;
        if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
        return (await textSize.count()) > 0;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
}

/**
 * What WCAG 1.4.4 and 1.4.10 ask at 320 px: the page does not scroll sideways, and no text of
 * the article or the settings is cut off (outside the screen, or clipped by a box that hides
 * overflow) or drawn over the next block of text.
 */
async function findReflowProblems(page: Page, articleSelector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const problems: string[] = [];
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth > width) {
      problems.push(`the page is ${document.documentElement.scrollWidth} px wide in ${width}`);
    }
    const article = document.querySelector(selector);
    if (!article) return [`no ${selector}`];
    const blocks = [
      ...article.querySelectorAll('h1, h2, h3, p, li, .sentence, select, label, button'),
    ];
    for (const block of blocks) {
      const box = block.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const name = `${block.tagName.toLowerCase()} "${(block.textContent ?? '').slice(0, 30)}"`;
      if (box.left < -0.5 || box.right > width + 0.5) {
        problems.push(`${name} runs off the screen (${box.left}–${box.right})`);
      }
      for (let parent = block.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX === 'hidden' || style.overflowX === 'clip') {
          const outer = parent.getBoundingClientRect();
          if (box.left < outer.left - 0.5 || box.right > outer.right + 0.5) {
            problems.push(`${name} is clipped by ${parent.tagName.toLowerCase()}`);
          }
        }
      }
    }
    const paragraphs = [...article.querySelectorAll('.article-body p, .article-body h2')];
    for (let index = 1; index < paragraphs.length; index += 1) {
      const above = paragraphs[index - 1]?.getBoundingClientRect();
      const below = paragraphs[index]?.getBoundingClientRect();
      if (above && below && below.top < above.bottom - 0.5) {
        problems.push(`block ${index} overlaps the one above it`);
      }
    }
    return problems;
  }, articleSelector);
}

async function readingFontSize(page: Page, articleSelector: string): Promise<number> {
  return page.evaluate((selector) => {
    const paragraph = document.querySelector(`${selector} .article-body p`);
    return paragraph ? parseFloat(getComputedStyle(paragraph).fontSize) : 0;
  }, articleSelector);
}

describe.skipIf(skipBrowserTests)('reading settings', () => {
  const session = useBrowserSession();

  it('at 200% text size and 320 px, the reader, the quiz and the results reflow with nothing cut off, and the settings survive a reload', async () => {
    const loaded = await loadRichestBank();
    const { page } = await session.newPage(NARROW);
    const fonts: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.woff2')) fonts.push(request.url());
    });
    await page.goto(`${session.baseUrl}/articles/${loaded.article.meta.id}`, {
      waitUntil: 'networkidle',
    });
    const standardSize = await readingFontSize(page, '.article-view');

    await openSettings(page);
    await expectAccessible(page, 'the reader with the reading settings open');
    await page.getByRole('combobox', { name: 'Text size' }).selectOption({ label: '200%' });
    await page.getByRole('combobox', { name: 'Line spacing' }).selectOption({ label: 'Loosest' });
    await page.getByRole('combobox', { name: 'Letter spacing' }).selectOption({ label: 'Wider' });
    expect(await readingFontSize(page, '.article-view')).toBeCloseTo(standardSize * 2, 1);
    expect(fonts.some((url) => url.includes('atkinson'))).toBe(false);
    await page
      .getByRole('combobox', { name: 'Font' })
      .selectOption({ label: 'Atkinson Hyperlegible' });
    await expect.poll(() => fonts.some((url) => url.includes('atkinson'))).toBe(true);

    await expect(findReflowProblems(page, '.article-view')).resolves.toEqual([]);
    await shoot(page, '', 'reader-320-200-percent');
    await expectAccessible(page, 'the reader at 200% text size');

    // Remembered on this device: a reload sets the article the same way, without opening them.
    await page.reload({ waitUntil: 'networkidle' });
    await expect
      .poll(() => readingFontSize(page, '.article-view'))
      .toBeCloseTo(standardSize * 2, 1);
    await expect(
      page
        .getByRole('button', { name: 'Reading settings', exact: true })
        .getAttribute('aria-expanded'),
    ).resolves.toBe('false');
    await expect(findReflowProblems(page, '.article-view')).resolves.toEqual([]);
    await openSettings(page);
    await expect(page.getByRole('combobox', { name: 'Text size' }).inputValue()).resolves.toBe(
      '200',
    );

    // The quiz's article takes the same settings, and reflows the same way.
    await page.getByRole('button', { name: `Start quiz: ${loaded.bank.title}` }).click();
    await page.getByRole('heading', { name: /^Question 1 of \d+$/ }).waitFor();
    await page.getByRole('tab', { name: 'Article' }).tap();
    const articlePanel = page.getByRole('tabpanel', { name: 'Article' });
    await articlePanel.locator('.article-view').waitFor();
    await expect
      .poll(() => readingFontSize(page, '#panel-article .article-view'))
      .toBeCloseTo(standardSize * 2, 1);
    await openSettings(articlePanel);
    await expect(findReflowProblems(page, '#panel-article .article-view')).resolves.toEqual([]);
    await shoot(page, '#panel-article', 'quiz-320-200-percent');
    await expectAccessible(page, 'the quiz article at 200% text size');

    // The results page's article too: submit the quiz unanswered and look at it.
    await page.getByRole('tab', { name: 'Question' }).tap();
    const summary = page.getByRole('heading', { name: 'Check before you submit' });
    for (let presses = 0; presses < 40 && (await summary.count()) === 0; presses += 1) {
      await page.keyboard.press('Alt+N');
    }
    await page
      .getByRole('region', { name: 'Check before you submit' })
      .getByRole('button', { name: 'Submit answers' })
      .click();
    await page
      .getByRole('dialog', { name: 'Submit your answers?' })
      .getByRole('button', { name: 'Submit', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Your score' }).waitFor();
    await expect
      .poll(() => readingFontSize(page, '.review-article .article-view'))
      .toBeCloseTo(standardSize * 2, 1);
    await expect(findReflowProblems(page, '.review-article .article-view')).resolves.toEqual([]);
    await shoot(page, '.review-article', 'review-320-200-percent');
    await expectAccessible(page, 'the results at 200% text size');
    expect(session.pageErrors()).toEqual([]);
  });

  it('works by keyboard: opens, changes, focus mode and reset', async () => {
    const loaded = await loadRichestBank();
    const { page } = await session.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${session.baseUrl}/articles/${loaded.article.meta.id}`, {
      waitUntil: 'networkidle',
    });
    const button = page.getByRole('button', { name: 'Reading settings', exact: true });
    await openSettings(page);
    await button.click();
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');

    await button.focus();
    await page.keyboard.press('Enter');
    const textSize = page.getByRole('combobox', { name: 'Text size' });
    await textSize.waitFor();
    await page.keyboard.press('Tab');
    await expect(textSize.evaluate((element) => element === document.activeElement)).resolves.toBe(
      true,
    );
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => textSize.inputValue()).toBe('125');

    const focusMode = page.getByRole('checkbox', { name: /focus mode/i });
    await focusMode.focus();
    await page.keyboard.press('Space');
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: /focus mode on/i })
        .count(),
    ).resolves.toBe(1);
    await expect.poll(() => page.locator('[data-reading-current]').count()).toBe(1);
    await page.locator('.article-body h2').first().scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('[data-reading-current]').count()).toBe(1);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'reader-1280-focus-mode.png') });
    await expectAccessible(page, 'the reader in focus mode');

    await page.getByRole('button', { name: 'Reset reading settings' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'back to the standard' }).count())
      .toBe(1);
    await expect(textSize.inputValue()).resolves.toBe('100');
    await expect(page.locator('.article-view[data-focus-mode]').count()).resolves.toBe(0);
    expect(session.pageErrors()).toEqual([]);
  });

  for (const look of [
    { width: 390, colorScheme: 'dark' as const },
    { width: 1280, colorScheme: 'light' as const },
  ]) {
    it(`looks right open at ${look.width} px, ${look.colorScheme}`, async () => {
      const loaded = await loadRichestBank();
      const { page } = await session.newPage({
        viewport: { width: look.width, height: 900 },
        colorScheme: look.colorScheme,
      });
      await page.goto(`${session.baseUrl}/articles/${loaded.article.meta.id}`, {
        waitUntil: 'networkidle',
      });
      await openSettings(page);
      await page.getByRole('combobox', { name: 'Text size' }).selectOption({ label: '125%' });
      await page.getByRole('checkbox', { name: /focus mode/i }).check();
      await expect(findReflowProblems(page, '.article-view')).resolves.toEqual([]);
      await page.screenshot({
        path: join(SHOTS, `reader-${look.width}-${look.colorScheme}.png`),
      });
      await expectAccessible(page, `the reader at ${look.width} px, ${look.colorScheme}`);
    });
  }
});
