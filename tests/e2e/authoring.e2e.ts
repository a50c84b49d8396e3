import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  expectFocused,
  skipBrowserTests,
  useBrowserSession,
} from './support/browser-session';
import { signUpTeacher } from './support/teacher-signup';

/**
 * A self-written text (no outside source) with one place the sentence splitter cuts wrongly:
 * inside the quoted question.
 */
const PASTED_HTML = [
  '<h1>A bridge for the harbour</h1>',
  '<p>The council voted on Monday to repair the harbour bridge. The vote was <b>seven to two</b>.</p>',
  '<h2>The cost</h2>',
  '<p>The treasurer wrote "Why? Because." and left. Work starts in May.</p>',
].join('');
const PASTED_TEXT =
  'A bridge for the harbour\nThe council voted on Monday to repair the harbour bridge. The vote was seven to two.\nThe cost\nThe treasurer wrote "Why? Because." and left. Work starts in May.';

describe.skipIf(skipBrowserTests)('writing an article and a quiz in the app (issue 13)', () => {
  // A teacher's published quiz is the teacher's own; a server of its own keeps it from the others.
  const session = useBrowserSession({ ownServer: true });

  it('a teacher pastes an article, fixes a sentence, writes a question, publishes and assigns it', async () => {
    const { page } = await session.newPage();
    const { baseUrl } = session;

    const authored = await signUpTeacher(page, baseUrl);
    await authored.getByText(/You have not written any yet/).waitFor();
    await expectAccessible(page, 'the dashboard with no articles');

    // The new article: fields, and rich text pasted from the clipboard.
    await authored.getByRole('link', { name: 'New article' }).click();
    await page.getByRole('heading', { name: 'New article' }).waitFor();
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('The harbour bridge');
    await page
      .getByRole('textbox', { name: 'Summary' })
      .fill('The council agrees to repair the old bridge.');
    await page.getByRole('textbox', { name: 'Sources named in the text' }).fill('The treasurer');
    await page.getByRole('textbox', { name: 'Genre' }).fill('news report');
    await page
      .getByRole('textbox', { name: 'How the text knows what it says' })
      .fill('The reporter was at the council meeting.');
    await page
      .getByRole('textbox', { name: 'Licence or permission' })
      .fill('Written for this test');
    const body = page.getByRole('textbox', { name: 'The text', exact: true });
    await body.focus();
    await body.evaluate(
      (element, { html, text }) => {
        const data = new DataTransfer();
        data.setData('text/html', html);
        data.setData('text/plain', text);
        element.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      },
      { html: PASTED_HTML, text: PASTED_TEXT },
    );
    await expect
      .poll(() => body.inputValue())
      .toBe(
        '## A bridge for the harbour\n\nThe council voted on Monday to repair the harbour bridge. The vote was seven to two.\n\n## The cost\n\nThe treasurer wrote "Why? Because." and left. Work starts in May.',
      );
    await expectAccessible(page, 'the new-article page');
    await page.getByRole('button', { name: 'Create the article' }).click();

    // The editor: merge the sentences cut inside the quote, then publish.
    await page.getByRole('heading', { level: 1, name: 'The harbour bridge' }).waitFor();
    await page.getByRole('button', { name: 'Merge sentences 1 and 2 of paragraph 2' }).click();
    await page
      .getByText('The treasurer wrote "Why? Because." and left.', { exact: true })
      .waitFor();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);
    await expectAccessible(page, 'the article editor');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expectFocused(
      page.getByRole('region', { name: 'Published as version 1' }),
      'the publication notice',
    );

    // A quiz on it, with one question whose evidence is set by clicking a sentence.
    await page.getByRole('textbox', { name: 'Title of a new quiz' }).fill('Who voted');
    await page.getByRole('button', { name: 'Write a quiz on this article' }).click();
    await page.getByRole('heading', { level: 1, name: 'Who voted' }).waitFor();
    await page
      .getByRole('textbox', { name: 'Description' })
      .fill('What the council decided, and when.');
    await page.getByRole('combobox', { name: 'Kind of question to add' }).selectOption('evidence');
    await page.getByRole('button', { name: 'Add question' }).click();
    await page
      .getByRole('textbox', { name: 'Prompt' })
      .fill('Which sentence says how the council voted?');
    await page
      .getByRole('textbox', { name: 'Claim to back up' })
      .fill('The vote was not unanimous.');
    await page
      .getByRole('textbox', { name: 'Explanation' })
      .fill('Seven to two means two councillors voted against.');
    await page.getByRole('option', { name: 'The vote was seven to two.' }).click();
    await expectAccessible(page, 'the bank editor with a question');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const published = page.getByRole('region', { name: 'Published as version 1' });
    await expectFocused(published, 'the publication notice');

    // Assign it: the form starts with this quiz chosen.
    await published.getByRole('link', { name: 'Assign it to a class' }).click();
    await page.getByRole('heading', { name: 'New assignment' }).waitFor();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Quiz' }).inputValue())
      .toMatch(/^who-voted-/);
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Year 9: the bridge');
    await expectAccessible(page, 'the new-assignment page with the quiz chosen');
    await page.getByRole('button', { name: 'Create assignment' }).click();
    await page.getByRole('heading', { name: 'Year 9: the bridge' }).waitFor();

    await page.goto(`${baseUrl}/teacher`);
    await authored.getByText('Version 1 published').first().waitFor();
    await expectAccessible(page, 'the dashboard with an article and a quiz');
    expect(session.pageErrors()).toEqual([]);
  });
});
