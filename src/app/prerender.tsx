import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import { readerResource } from '../features/reader/reader-resource';
import { getHref } from '../lib/paths';
import { preloadResource } from '../lib/use-resource';
import { AppRoutes } from './app-routes';

/** What the reader page loads: the article and its quizzes, as the API sends them. */
export type ReaderData = Awaited<ReturnType<ReturnType<typeof readerResource>['load']>>;

export interface RenderedPage {
  /** The inside of `#root`. */
  html: string;
  /** The document's title, as the page sets it once it runs. */
  title: string;
}

/**
 * The reader page as HTML, rendered on the server by the same components as in the browser, from
 * the data the browser will fetch (the article and the bank summaries: nothing a student may not
 * see). Built by `vite build` as a server module of its own (vite.config.ts); the server renders
 * every article with it when it starts (src/server/http/serve-client.ts), and the browser hydrates
 * the HTML once the same data has come, so the text paints before any JavaScript has run.
 */
export async function renderReaderPage(data: ReaderData): Promise<RenderedPage> {
  const articleId = data.article.meta.id;
  // The page's useResource takes data that has already come at its first render: settle it first.
  let loaded: Promise<ReaderData> = Promise.resolve(data);
  preloadResource({
    key: readerResource(articleId).key,
    load: () => (loaded = Promise.resolve(data)),
  });
  await loaded;
  const html = renderToString(
    <StrictMode>
      <StaticRouter location={getHref.reader(articleId)}>
        <AppRoutes />
      </StaticRouter>
    </StrictMode>,
  );
  return { html, title: `${data.article.meta.title} · Readproof` };
}
