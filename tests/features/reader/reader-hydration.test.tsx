import { act, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppRoutes } from '../../../src/app/app-routes';
import { preloadRouteData } from '../../../src/app/preload-route-data';
import { renderReaderPage } from '../../../src/app/prerender';
import { api } from '../../../src/lib/api-client';
import { getHref } from '../../../src/lib/paths';
import { installFakeApi, rememberSampleAttempt, setScreenWide } from '../fixtures/fake-api';
import { sampleArticle, sampleArticleWithGlossary, sampleQuestions } from '../fixtures/sample-quiz';

const path = getHref.reader(sampleArticle.meta.id);
let root: Root | undefined;
let container: HTMLElement;

beforeEach(() => {
  setScreenWide(true);
  installFakeApi({ article: sampleArticle, questions: sampleQuestions });
  container = document.createElement('div');
  container.id = 'root';
  document.body.append(container);
});

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  container.remove();
});

/** The page as the server sends it: rendered from what the API sends the browser. */
async function serverRenderedPage(): Promise<void> {
  const article = await api.getArticle(sampleArticle.meta.id);
  const banks = (await api.listBanks()).filter((bank) => bank.articleId === article.meta.id);
  const { html, title } = await renderReaderPage({ article, banks });
  expect(title).toBe(`${sampleArticle.meta.title} · Readproof`);
  container.innerHTML = html;
}

/** What the entry does with a server-rendered page: wait for the page's data, then hydrate. */
async function hydrate(): Promise<unknown[]> {
  const errors: unknown[] = [];
  await preloadRouteData(path);
  await act(async () => {
    root = hydrateRoot(
      container,
      <StrictMode>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes />
        </MemoryRouter>
      </StrictMode>,
      { onRecoverableError: (error) => errors.push(error) },
    );
  });
  return errors;
}

describe('the server-rendered reader page', () => {
  it('holds the article and its quizzes before any script runs', async () => {
    await serverRenderedPage();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(sampleArticle.meta.title);
    expect(screen.getByRole('button', { name: 'Start quiz: The bridge vote' })).toBeInTheDocument();
    for (const sentence of sampleArticle.paragraphs.flatMap((paragraph) => paragraph.sentences)) {
      expect(container.querySelector(`[data-sentence-id="${sentence.id}"]`)).toHaveTextContent(
        sentence.text,
      );
    }
  });

  it('is hydrated as it is: the same elements, no mismatch', async () => {
    await serverRenderedPage();
    const title = screen.getByRole('heading', { level: 1 });
    const firstSentence = container.querySelector('[data-sentence-id]');
    expect(await hydrate()).toEqual([]);
    expect(screen.getByRole('heading', { level: 1 })).toBe(title);
    expect(container.querySelector('[data-sentence-id]')).toBe(firstSentence);
  });

  it('shows this device’s attempt once hydrated, though the server knew nothing of it', async () => {
    rememberSampleAttempt();
    await serverRenderedPage();
    expect(screen.queryByText(/^In progress/)).not.toBeInTheDocument();
    expect(await hydrate()).toEqual([]);
    expect(await screen.findByText(/^In progress: 0 of \d+ answered$/)).toBeInTheDocument();
  });

  it('is hydrated as it is with glossary terms marked: the same buttons, no mismatch', async () => {
    installFakeApi({ article: sampleArticleWithGlossary, questions: sampleQuestions });
    await serverRenderedPage();
    const term = screen.getByRole('button', { name: 'treasurer' });
    expect(term).toHaveAttribute('aria-expanded', 'false');
    expect(container.querySelector('[data-sentence-id="p2.s1"]')).toContainElement(term);
    expect(await hydrate()).toEqual([]);
    expect(screen.getByRole('button', { name: 'treasurer' })).toBe(term);
  });
});
