import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  expectFocused,
  skipBrowserTests,
  useBrowserSession,
} from './support/browser-session';
import {
  fetchAttempt,
  loadRichestBank,
  startQuizFromLibrary,
  tabTo,
  waitForSaved,
} from './support/quiz-driver';

/** The article: its own region beside the question, or the Article tab's panel on a phone. */
function articleRegion(page: Page) {
  return page.locator('.quiz-article, #panel-article, .review-article').first();
}

/** On a phone the article is a tab of its own: chosen from the tab list by keyboard. */
async function showArticle(page: Page, width: number) {
  if (width >= 960) return;
  await tabTo(page, page.getByRole('tab', { name: 'Question' }));
  await page.keyboard.press('End');
  await page.getByRole('tab', { name: 'Article', selected: true }).waitFor();
}

describe.skipIf(skipBrowserTests)('highlights and notes', () => {
  const session = useBrowserSession();

  for (const width of [390, 1280]) {
    it(`highlights a sentence by keyboard alone, adds a note, keeps it over a reload and sees it in the review (${width} px)`, async () => {
      const loaded = await loadRichestBank();
      const sentence = loaded.article.paragraphs[1]?.sentences[0];
      if (!sentence) throw new Error('The article has no second paragraph');
      const { page } = await session.newPage({ viewport: { width, height: 800 } });
      await startQuizFromLibrary(page, session.baseUrl, loaded.bank.title);
      await showArticle(page, width);

      const toggle = articleRegion(page).getByRole('button', { name: 'Highlight and take notes' });
      await tabTo(page, toggle);
      await page.keyboard.press('Enter');
      const sentenceButton = articleRegion(page).locator(
        `#sentence-${sentence.id.replace('.', '\\.')}`,
      );
      await tabTo(page, sentenceButton);
      await page.keyboard.press('Enter');
      const tools = page.getByRole('group', { name: /^Highlight and note for/ });
      await expectFocused(tools.getByRole('button', { name: 'Yellow' }), 'the first colour');
      await expectAccessible(page, `the highlight tools at ${width} px`);

      await tabTo(page, tools.getByRole('button', { name: 'Green' }));
      await page.keyboard.press('Enter');
      await tabTo(page, tools.getByRole('button', { name: 'Add note' }));
      await page.keyboard.press('Enter');
      const note = tools.getByRole('textbox', { name: 'Note' });
      await expectFocused(note, 'the note');
      await page.keyboard.type('Where the proof starts');
      await expect(tools.getByText('22 of 500 characters').isVisible()).resolves.toBe(true);
      await tabTo(page, tools.getByRole('button', { name: 'Save note' }));
      await page.keyboard.press('Enter');
      await waitForSaved(page);
      await expect
        .poll(async () => (await fetchAttempt(page)).highlights)
        .toEqual([
          {
            key: sentence.id,
            sentenceId: sentence.id,
            span: null,
            colour: 'green',
            note: 'Where the proof starts',
          },
        ]);

      await page.reload();
      await page.getByRole('heading', { name: /^Question 1 of \d+$/ }).waitFor();
      await showArticle(page, width);
      await expect(
        articleRegion(page).getByText('Your green highlight:', { exact: false }).count(),
      ).resolves.toBe(1);
      await expectAccessible(page, `the quiz with a highlight at ${width} px`);

      // Submit, then read the highlight and its note in the review.
      const attempt = await fetchAttempt(page);
      await page.evaluate(async (attemptId) => {
        const record = JSON.parse(
          localStorage.getItem(`readproof:attempt:${attemptId}`) ?? '{}',
        ) as {
          token?: string;
        };
        await fetch(`/api/attempts/${attemptId}/submit`, {
          method: 'POST',
          headers: { authorization: `Bearer ${record.token ?? ''}` },
        });
      }, attempt.attemptId);
      await page.goto(`${session.baseUrl}/attempts/${attempt.attemptId}/review`);
      await page.getByRole('heading', { name: 'Your score' }).waitFor();
      const article = articleRegion(page);
      await expect(article.getByText(/your own highlights/).count()).resolves.toBe(1);
      await expect(
        article.getByText('Your green highlight:', { exact: false }).count(),
      ).resolves.toBe(1);
      const marker = article.getByRole('button', { name: 'Note' });
      await tabTo(page, marker);
      await page.keyboard.press('Enter');
      await expect(article.getByText('Where the proof starts').isVisible()).resolves.toBe(true);
      await expectAccessible(page, `the review with a highlight at ${width} px`);
      expect(session.pageErrors()).toEqual([]);
    }, 90_000);
  }

  it('highlights part of a sentence by dragging the mouse over its words, and marks just those words (1280 px)', async () => {
    const loaded = await loadRichestBank();
    const sentence = loaded.article.paragraphs[1]?.sentences[0];
    if (!sentence) throw new Error('The article has no second paragraph');
    const { page } = await session.newPage({ viewport: { width: 1280, height: 800 } });
    await startQuizFromLibrary(page, session.baseUrl, loaded.bank.title);
    await articleRegion(page).getByRole('button', { name: 'Highlight and take notes' }).click();
    const element = articleRegion(page).locator(`#sentence-${sentence.id.replace('.', '\\.')}`);
    await element.scrollIntoViewIfNeeded();
    // Over the sentence's first line, from its first word to a few words on.
    const box = await element.boundingBox();
    if (!box) throw new Error('The sentence is not on screen');
    await page.mouse.move(box.x + 4, box.y + 12);
    await page.mouse.down();
    await page.mouse.move(box.x + 250, box.y + 12, { steps: 8 });
    await page.mouse.up();

    const tools = page.getByRole('group', { name: /^Highlight and note for/ });
    await tools.getByText(/^Only the words “/).waitFor({ timeout: 5000 });
    await tools.getByRole('button', { name: 'Blue' }).click();
    await waitForSaved(page);
    const [saved] = (await fetchAttempt(page)).highlights;
    const span = saved?.span;
    if (!span) throw new Error(`Expected a span highlight, got ${JSON.stringify(saved)}`);
    expect(span.start).toBe(0);
    expect(span.end).toBeLessThan(sentence.text.length);
    const words = sentence.text.slice(span.start, span.end);
    const mark = articleRegion(page).locator('mark.student-highlight');
    await expect(mark.count()).resolves.toBe(1);
    await expect(mark.textContent()).resolves.toBe(`Your blue highlight: ${words}`);
    await expectAccessible(page, 'the quiz with a span highlighted');
    await tools.getByRole('button', { name: 'Done' }).click();

    // A drag from the end of one sentence into the next: offered by a button of its own, and cut
    // at the first sentence's end.
    const pair = loaded.article.paragraphs.find((paragraph) => paragraph.sentences.length >= 2);
    const [from, to] = pair?.sentences ?? [];
    if (!from || !to) throw new Error('The article has no paragraph of two sentences');
    await page.evaluate((id) => {
      // At once: the points are read from where the sentences are on screen.
      document.getElementById(`sentence-${id}`)?.scrollIntoView({
        block: 'center',
        behavior: 'instant',
      });
    }, from.id);
    const points = await page.evaluate(
      ({ fromId, toId }) => {
        const pointIn = (id: string, at: 'end' | 'start') => {
          const text = document.getElementById(`sentence-${id}`)?.firstChild;
          if (!(text instanceof Text)) throw new Error(`No text in ${id}`);
          const range = document.createRange();
          const offset = at === 'end' ? text.length - 8 : 3;
          range.setStart(text, offset);
          range.setEnd(text, offset + 1);
          const rect = range.getBoundingClientRect();
          return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
        };
        return [pointIn(fromId, 'end'), pointIn(toId, 'start')];
      },
      { fromId: from.id, toId: to.id },
    );
    const [start, end] = points;
    if (!start || !end) throw new Error('No points to drag between');
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(end.x, end.y, { steps: 8 });
    await page.mouse.up();
    await page.getByRole('button', { name: 'Highlight the selected words' }).click();
    const cut = page.getByRole('group', { name: /^Highlight and note for/ });
    await cut.getByText(/a highlight stays within one sentence/).waitFor({ timeout: 5000 });
    await expectAccessible(page, 'the tools for a selection cut at the end of its sentence');
    await cut.getByRole('button', { name: 'Green' }).click();
    await waitForSaved(page);
    await expect
      .poll(async () =>
        (await fetchAttempt(page)).highlights.find((highlight) => highlight.sentenceId === from.id),
      )
      .toMatchObject({ colour: 'green', span: { end: from.text.length } });
    expect(session.pageErrors()).toEqual([]);
  }, 90_000);

  it('highlights part of a sentence by keyboard alone, selecting its words with Shift and the arrows (390 px)', async () => {
    const loaded = await loadRichestBank();
    const sentence = loaded.article.paragraphs[1]?.sentences[0];
    if (!sentence) throw new Error('The article has no second paragraph');
    const { page } = await session.newPage({ viewport: { width: 390, height: 800 } });
    await startQuizFromLibrary(page, session.baseUrl, loaded.bank.title);
    await showArticle(page, 390);
    await tabTo(
      page,
      articleRegion(page).getByRole('button', { name: 'Highlight and take notes' }),
    );
    await page.keyboard.press('Enter');
    await tabTo(page, articleRegion(page).locator(`#sentence-${sentence.id.replace('.', '\\.')}`));
    await page.keyboard.press('Enter');
    const tools = page.getByRole('group', { name: /^Highlight and note for/ });
    await tabTo(page, tools.getByRole('button', { name: 'Choose words' }));
    await page.keyboard.press('Enter');
    await tabTo(page, tools.getByRole('textbox', { name: 'Words to highlight' }));
    await page.keyboard.press('Control+Home');
    // Shift and Control with the arrow: the first two words.
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('Control+Shift+ArrowRight');
    const firstWords = sentence.text.split(/\s+/).slice(0, 2).join(' ');
    await tools.getByText(`Only the words “${firstWords}”`).waitFor({ timeout: 5000 });
    await tabTo(page, tools.getByRole('button', { name: 'Pink' }));
    await page.keyboard.press('Enter');
    await waitForSaved(page);
    await expect
      .poll(async () => (await fetchAttempt(page)).highlights)
      .toEqual([
        {
          key: `${sentence.id}_0-${firstWords.length}`,
          sentenceId: sentence.id,
          span: { start: 0, end: firstWords.length },
          colour: 'pink',
          note: null,
        },
      ]);
    await expect(articleRegion(page).locator('mark.student-highlight').textContent()).resolves.toBe(
      `Your pink highlight: ${firstWords}`,
    );
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'the highlight tools in the dark at 390 px');
    expect(session.pageErrors()).toEqual([]);
  }, 90_000);

  for (const width of [390, 1280]) {
    it(`highlights in the reader, keeps the highlight over a reload and finds it in the quiz (${width} px)`, async () => {
      const loaded = await loadRichestBank();
      const sentence = loaded.article.paragraphs[2]?.sentences[0];
      if (!sentence) throw new Error('The article has no third paragraph');
      const { page } = await session.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${session.baseUrl}/articles/${loaded.article.meta.id}`);
      await page.getByRole('heading', { level: 1, name: loaded.article.meta.title }).waitFor();

      await tabTo(page, page.getByRole('button', { name: 'Highlight and take notes' }));
      await page.keyboard.press('Enter');
      await expectFocused(
        page.getByRole('button', { name: 'Stop highlighting' }),
        'the highlighting button, once its tools have loaded',
      );
      await tabTo(page, page.locator(`#sentence-${sentence.id.replace('.', '\\.')}`));
      await page.keyboard.press('Enter');
      const tools = page.getByRole('group', { name: /^Highlight and note for/ });
      await expectFocused(tools.getByRole('button', { name: 'Yellow' }), 'the first colour');
      await tabTo(page, tools.getByRole('button', { name: 'Green' }));
      await page.keyboard.press('Enter');
      await tabTo(page, tools.getByRole('button', { name: 'Add note' }));
      await page.keyboard.press('Enter');
      await page.keyboard.type('Read this <b>twice</b>');
      await tabTo(page, tools.getByRole('button', { name: 'Save note' }));
      await page.keyboard.press('Enter');
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await expectAccessible(page, `the reader's highlight tools, ${colorScheme}, ${width} px`);
      }

      await page.reload();
      await page.getByRole('heading', { level: 1, name: loaded.article.meta.title }).waitFor();
      const article = page.getByRole('article', { name: loaded.article.meta.title });
      await article.getByText('Your green highlight:', { exact: false }).waitFor();
      await tabTo(page, article.getByRole('button', { name: 'Note' }));
      await page.keyboard.press('Enter');
      await expect(article.getByText('Read this <b>twice</b>').isVisible()).resolves.toBe(true);
      await expectAccessible(page, `the reader with a highlight at ${width} px`);

      await page.getByRole('button', { name: `Start quiz: ${loaded.bank.title}` }).click();
      await page.getByRole('heading', { name: /^Question 1 of \d+$/ }).waitFor();
      await waitForSaved(page);
      await expect
        .poll(async () => (await fetchAttempt(page)).highlights)
        .toEqual([
          {
            key: sentence.id,
            sentenceId: sentence.id,
            span: null,
            colour: 'green',
            note: 'Read this <b>twice</b>',
          },
        ]);
      await showArticle(page, width);
      await expect(
        articleRegion(page).getByText('Your green highlight:', { exact: false }).count(),
      ).resolves.toBe(1);
      await expectAccessible(page, `the quiz with the reader's highlight at ${width} px`);
      expect(session.pageErrors()).toEqual([]);
    }, 120_000);
  }
});
