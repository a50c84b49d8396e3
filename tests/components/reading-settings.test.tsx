import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ArticleView } from '../../src/components/article-view';
import { READING_SETTINGS_KEY } from '../../src/components/reading-settings-key';
import { useReadingSettings } from '../../src/components/reading-settings-store';
import { sampleArticle } from '../features/fixtures/sample-quiz';

function renderArticle() {
  const view = render(<ArticleView article={sampleArticle} headingLevel={1} withSettings />);
  const article = screen.getByRole('article', { name: sampleArticle.meta.title });
  return { ...view, article };
}

async function openSettings(user: ReturnType<typeof userEvent.setup>) {
  const button = screen.getByRole('button', { name: 'Reading settings' });
  expect(button).toHaveAttribute('aria-expanded', 'false');
  await user.click(button);
  expect(button).toHaveAttribute('aria-expanded', 'true');
  return screen.findByRole('combobox', { name: 'Text size' });
}

describe('reading settings', () => {
  beforeEach(() => {
    useReadingSettings.setState(useReadingSettings.getInitialState(), true);
    localStorage.removeItem(READING_SETTINGS_KEY);
  });

  it('leaves the article as it is until a setting is chosen', () => {
    const { article } = renderArticle();
    expect(article.getAttribute('style')).toBeNull();
    expect(localStorage.getItem(READING_SETTINGS_KEY)).toBeNull();
  });

  it('sets the article by custom properties as each setting changes', async () => {
    const user = userEvent.setup();
    const { article } = renderArticle();
    const textSize = await openSettings(user);
    const options = screen.getAllByRole('option');
    expect(options.length).toBeGreaterThan(5);

    await user.selectOptions(textSize, '200%');
    expect(article.style.getPropertyValue('--reading-scale')).toBe('2');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Line spacing' }), 'Loose');
    expect(article.style.getPropertyValue('--reading-leading')).toBe('2');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Letter spacing' }), 'Wider');
    expect(article.style.getPropertyValue('--reading-letter-spacing')).toBe('0.12em');
    expect(article.style.getPropertyValue('--reading-word-spacing')).toBe('0.16em');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Font' }),
      'Atkinson Hyperlegible',
    );
    expect(article.style.getPropertyValue('--reading-font')).toContain('Atkinson Hyperlegible');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Page width' }), 'Narrow');
    expect(article.style.getPropertyValue('--reading-measure')).toBe('45ch');

    await user.click(
      screen.getByRole('checkbox', { name: /focus mode: dim all but the paragraph/i }),
    );
    expect(article).toHaveAttribute('data-focus-mode');
    expect(screen.getByRole('status')).toHaveTextContent(/focus mode on/i);
  });

  it('dims all but the paragraph clicked in focus mode', async () => {
    const user = userEvent.setup();
    const { article } = renderArticle();
    await openSettings(user);
    await user.click(screen.getByRole('checkbox', { name: /focus mode/i }));
    // At first the paragraph at the reading line is the current one (jsdom has no layout: the last).
    await waitFor(() => expect(article.querySelectorAll('[data-reading-current]')).toHaveLength(1));
    const vote = screen.getByText('The vote was seven to two.');
    await user.click(vote);
    const paragraph = vote.closest('p');
    expect(paragraph).toHaveAttribute('data-reading-current');
    expect(article.querySelectorAll('[data-reading-current]')).toHaveLength(1);

    await user.click(screen.getByRole('checkbox', { name: /focus mode/i }));
    expect(article).not.toHaveAttribute('data-focus-mode');
    expect(article.querySelectorAll('[data-reading-current]')).toHaveLength(0);
  });

  it('remembers the settings on this device, and applies them when the article comes back', async () => {
    const user = userEvent.setup();
    const first = renderArticle();
    await user.selectOptions(await openSettings(user), '150%');
    first.unmount();
    expect(localStorage.getItem(READING_SETTINGS_KEY)).toContain('"textSize":"150"');

    const { article } = renderArticle();
    // Applied without opening the panel: the stored settings load the settings' code.
    await waitFor(() => expect(article.style.getPropertyValue('--reading-scale')).toBe('1.5'));
    expect(screen.getByRole('button', { name: 'Reading settings' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  });

  it('resets every setting, forgets them, and says so politely', async () => {
    const user = userEvent.setup();
    const { article } = renderArticle();
    await user.selectOptions(await openSettings(user), '175%');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Line spacing' }), 'Loosest');
    await user.click(screen.getByRole('button', { name: 'Reset reading settings' }));

    expect(article.style.getPropertyValue('--reading-scale')).toBe('1');
    expect(article.style.getPropertyValue('--reading-leading')).toBe('1.7');
    expect(screen.getByRole('combobox', { name: 'Text size' })).toHaveDisplayValue(
      '100% (standard)',
    );
    expect(screen.getByRole('status')).toHaveTextContent(
      'Reading settings are back to the standard ones.',
    );
    expect(localStorage.getItem(READING_SETTINGS_KEY)).toBeNull();
  });

  it('ignores a stored option it does not know', async () => {
    localStorage.setItem(
      READING_SETTINGS_KEY,
      JSON.stringify({ state: { textSize: 'url(evil)', pageWidth: 'wide' }, version: 1 }),
    );
    await useReadingSettings.persist.rehydrate();
    const { article } = renderArticle();
    await waitFor(() => expect(article.style.getPropertyValue('--reading-measure')).toBe('85ch'));
    expect(article.style.getPropertyValue('--reading-scale')).toBe('1');
  });

  it('has no button where the page does not ask for one', () => {
    render(<ArticleView article={sampleArticle} headingLevel={2} />);
    expect(screen.queryByRole('button', { name: 'Reading settings' })).not.toBeInTheDocument();
  });
});
