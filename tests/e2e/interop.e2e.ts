import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  expectFocused,
  skipBrowserTests,
  useBrowserSession,
} from './support/browser-session';
import { signUpTeacher } from './support/teacher-signup';

/** A GIFT file written for this test: two questions Readproof scores and an essay it does not. */
const GIFT = `// Written for Readproof's tests.
$CATEGORY: Week 3

::Who went::Who visited the region? {=The president ~The prime minister ~A general}

::Sure::The visit was announced in advance. {F}

::Essay::Write about the visit. {}
`;

function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** axe-core and no sideways scrolling at a phone's and a laptop's width, light and dark. */
async function expectAccessibleEverywhere(page: Page, state: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [390, 1280]) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      await expectAccessible(page, `${state} (${colorScheme}, ${width} px)`);
      await expect(overflowsSideways(page), `${state} at ${width} px`).resolves.toBe(false);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe.skipIf(skipBrowserTests)('moving quizzes to and from an LMS (issue 14)', () => {
  const session = useBrowserSession({ ownServer: true });

  it('a teacher imports a GIFT file, opens the draft that needs evidence, and exports a shipped quiz to QTI', async () => {
    const { page } = await session.newPage();
    const { baseUrl } = session;
    const authored = await signUpTeacher(page, baseUrl);
    await authored.getByRole('link', { name: 'Import questions' }).click();

    await page.getByRole('heading', { level: 1, name: 'Import questions' }).waitFor();
    const article = page.getByRole('combobox', { name: 'Article the questions are on' });
    await expect.poll(() => article.locator('option').count()).toBeGreaterThan(0);
    expect(await article.locator('option:checked').textContent()).toMatch(/\(shipped\)$/);
    await expectAccessibleEverywhere(page, 'the import page');
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'week3.gift',
      mimeType: 'text/plain',
      buffer: Buffer.from(GIFT),
    });
    await page.getByRole('button', { name: 'Import' }).click();

    const result = page.getByRole('region', { name: 'Imported 2 questions' });
    await expectFocused(result, 'the import report');
    await result
      .getByRole('listitem')
      .filter({ hasText: /^Essay \(line 8\): / })
      .waitFor();
    await expectAccessibleEverywhere(page, 'the import report');
    await result.getByRole('link', { name: 'Open the draft quiz' }).click();

    // The draft: both questions flagged, and publishing says what to do.
    await page.getByRole('heading', { level: 1, name: 'Week 3' }).waitFor();
    const questions = page.getByRole('navigation', { name: 'Questions' });
    await expect
      .poll(() => questions.getByRole('button', { name: /Needs evidence$/ }).count())
      .toBe(2);
    await expect
      .poll(() => page.getByText(/^Needs evidence: choose the sentences/).count())
      .toBeGreaterThan(0);
    await expectAccessibleEverywhere(page, 'the imported draft in the bank editor');

    // A shipped quiz, exported to QTI 3.0 from the dashboard with the keyboard alone.
    await page.goto(`${baseUrl}/teacher`);
    const format = page.getByRole('combobox', { name: /for an LMS$/ });
    await format.focus();
    await page.keyboard.press('End');
    expect(await format.inputValue()).toBe('qti3');
    await page.keyboard.press('Tab');
    await expectFocused(page.getByRole('button', { name: 'Export', exact: true }), 'Export');
    await page.keyboard.press('Enter');
    const exported = page.getByRole('region', { name: /-qti3\.zip$/ });
    await expectFocused(exported, 'the export report');
    expect(await exported.textContent()).toMatch(/questions of the quiz as it ships/);
    await expectAccessibleEverywhere(page, 'the dashboard with an export report');
    // The report has the focus; the download link is the next stop.
    await page.keyboard.press('Tab');
    const link = exported.getByRole('link', { name: /^Download / });
    await expectFocused(link, 'the download link');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Enter'),
    ]);
    expect(download.suggestedFilename()).toMatch(/-qti3\.zip$/);
    const files = unzipSync(new Uint8Array(await readFile(await download.path())));
    expect(Object.keys(files)).toContain('imsmanifest.xml');
    expect(session.pageErrors()).toEqual([]);
  });
});
