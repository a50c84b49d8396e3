import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import type { LoadedContent } from '../../content/load-content';
import { createArticleRoutes } from '../content/article-routes';
import { createBankRoutes } from '../content/bank-routes';

/** Vite's hashed bundles never change under a name, so browsers may keep them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const CLIENT_MISSING_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Readproof: the app is not built</title></head>
<body>
<h1>The Readproof app is not built yet</h1>
<p>The API is running, but there is no built client in <code>dist/client</code>.
Run <code>npm run build</code> and restart the server, or use <code>npm start</code>, which does both.</p>
</body>
</html>
`;

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * Build by-products that are not the app: source maps (they would hand out the source) and
 * anything under a dot-folder such as `.vite/manifest.json`. They answer 404, whatever the build
 * left in the folder.
 */
function isPrivateBuildFile(path: string): boolean {
  return path.endsWith('.map') || /(^|\/)\./.test(path);
}

/** A path whose last segment has no dot is a client route (`/attempts/abc`), not a missing file. */
function isClientRoute(path: string): boolean {
  return !path.startsWith('/assets/') && !/\.[^/]*$/.test(path);
}

/** The server-side renderer `vite build` writes beside the client (src/app/prerender.tsx). */
interface Prerenderer {
  renderReaderPage(data: {
    article: unknown;
    banks: { articleId: string }[];
  }): Promise<{ html: string; title: string }>;
}

/** A page rendered on the server: the inside of `#root` and the document's title. */
interface RenderedPage {
  html: string;
  title: string;
}

/** Set on `#root` when it holds a rendered page: the entry hydrates it (src/app/server-rendered.ts). */
const SERVER_RENDERED_ATTRIBUTE = 'data-server-rendered';
const EMPTY_ROOT = '<div id="root"></div>';
const READER_PATH = /^\/articles\/([^/]+)\/?$/;

export interface ServeClientOptions {
  /** The content the app serves: its articles are rendered into the reader's first response. */
  content: LoadedContent;
  /** The server-side renderer's module. Default: `dist/prerender/prerender.js` beside `clientDir`. */
  prerenderer?: string;
}

/**
 * Renders every article's reader page with the built renderer, from exactly the JSON the API
 * sends the browser for that page (the article and its banks' summaries), so the HTML holds
 * nothing the API would not show a student and the browser's first render matches it. Without a
 * renderer (a development server, a test build) there are no rendered pages: index.html is sent
 * as it is and the browser renders the page.
 */
async function prerenderReaderPages(
  rendererFile: string,
  loaded: LoadedContent,
): Promise<Map<string, RenderedPage>> {
  const pages = new Map<string, RenderedPage>();
  if (!existsSync(rendererFile)) return pages;
  try {
    const renderer = (await import(pathToFileURL(rendererFile).href)) as Prerenderer;
    const articles = createArticleRoutes(loaded);
    const banks = (await (await createBankRoutes(loaded).request('/')).json()) as {
      articleId: string;
    }[];
    for (const articleId of loaded.articles.keys()) {
      const article: unknown = await (await articles.request(`/${articleId}`)).json();
      const data = { article, banks: banks.filter((bank) => bank.articleId === articleId) };
      pages.set(articleId, await renderer.renderReaderPage(data));
    }
  } catch (error) {
    // The pages still work without it: the browser renders them, only later.
    console.error('Could not render the reader pages on the server:', error);
    pages.clear();
  }
  return pages;
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

/**
 * The student pages that are chunks of their own (src/app/app-routes.tsx), by their addresses
 * (src/lib/paths.ts, which the server does not import) and their source as Vite's manifest names
 * it. Their first response names those chunks, so the browser fetches them beside the entry
 * instead of after it has run.
 */
const LAZY_STUDENT_PAGES: [RegExp, string][] = [
  [/^\/$/, 'features/library/library-page.tsx'],
  [/^\/attempts\/[^/]+\/?$/, 'features/quiz/quiz-page.tsx'],
  [/^\/attempts\/[^/]+\/review\/?$/, 'features/review/review-page.tsx'],
  [/^\/join(\/[^/]+){0,2}\/?$/, 'features/join/join-page.tsx'],
];

/**
 * index.html for each lazily loaded student page, with `<link>`s to its scripts and styles (those
 * index.html does not name already), from `.vite/manifest.json`. Without a manifest, none.
 */
function addPagePreloads(clientDir: string, indexHtml: string): Map<string, string> {
  const pages = new Map<string, string>();
  const manifestFile = join(clientDir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile) || !indexHtml.includes('</head>')) return pages;
  let manifest: Record<string, ManifestChunk>;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  } catch {
    return pages;
  }
  for (const [, source] of LAZY_STUDENT_PAGES) {
    const scripts = new Set<string>();
    const styles = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || key === 'index.html' || scripts.has(chunk.file)) return;
      scripts.add(chunk.file);
      for (const style of chunk.css ?? []) styles.add(style);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    visit(source);
    // What index.html names already (the entry, its preloads and styles) is not named twice.
    const named = (file: string) => indexHtml.includes(`"/${file}"`);
    const links = [
      ...[...styles]
        .filter((file) => !named(file))
        .map((file) => `<link rel="stylesheet" crossorigin href="/${file}">`),
      ...[...scripts]
        .filter((file) => !named(file))
        .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
    ];
    if (links.length > 0) {
      pages.set(
        source,
        indexHtml.replace('</head>', () => `${links.join('\n    ')}\n  </head>`),
      );
    }
  }
  return pages;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** index.html with a rendered page in `#root` and its title, or undefined if it has no empty root. */
function injectPage(indexHtml: string, page: RenderedPage): string | undefined {
  if (!indexHtml.includes(EMPTY_ROOT)) return undefined;
  return indexHtml
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(page.title)}</title>`)
    .replace(EMPTY_ROOT, () => `<div id="root" ${SERVER_RENDERED_ATTRIBUTE}>${page.html}</div>`);
}

/**
 * Serves the built React app from `clientDir`: its files, and `index.html` for every client
 * route so deep links and reloads work. A reader page (`/articles/:articleId`) comes with the
 * article already rendered in it, so the text paints before the JavaScript has run. Without a
 * build, pages get a 503 that says how to make one, while the API keeps working.
 */
export function serveClient(clientDir: string, options: ServeClientOptions): MiddlewareHandler {
  const indexFile = join(clientDir, 'index.html');
  if (!existsSync(indexFile)) {
    return async (c, next) => {
      if (isApiPath(c.req.path)) return next();
      return c.html(CLIENT_MISSING_PAGE, 503);
    };
  }
  const files = serveStatic({ root: clientDir });
  const index = serveStatic({ path: indexFile });
  const indexHtml = readFileSync(indexFile, 'utf8');
  // Rendered once, when the server starts: every article, with the content it serves.
  const readerPages = prerenderReaderPages(
    options.prerenderer ?? join(clientDir, '..', 'prerender', 'prerender.js'),
    options.content,
  );
  const renderedPage = async (path: string): Promise<string | undefined> => {
    const articleId = READER_PATH.exec(path)?.[1];
    if (articleId === undefined) return undefined;
    let id: string;
    try {
      id = decodeURIComponent(articleId);
    } catch {
      return undefined;
    }
    const page = (await readerPages).get(id);
    return page && injectPage(indexHtml, page);
  };
  const pagesWithPreloads = addPagePreloads(clientDir, indexHtml);
  const pageWithPreloads = (path: string): string | undefined => {
    const source = LAZY_STUDENT_PAGES.find(([pattern]) => pattern.test(path))?.[1];
    return source === undefined ? undefined : pagesWithPreloads.get(source);
  };
  return async (c, next) => {
    if (isApiPath(c.req.path) || isPrivateBuildFile(c.req.path)) return next();
    const withPreloads = pageWithPreloads(c.req.path);
    if (withPreloads !== undefined) {
      c.header('Cache-Control', 'no-cache');
      return c.html(withPreloads);
    }
    const served = await files(c, async () => {});
    if (served) {
      served.headers.set(
        'Cache-Control',
        c.req.path.startsWith('/assets/') ? IMMUTABLE : 'no-cache',
      );
      return served;
    }
    if (isClientRoute(c.req.path)) {
      const rendered = await renderedPage(c.req.path);
      if (rendered !== undefined) {
        c.header('Cache-Control', 'no-cache');
        return c.html(rendered);
      }
      const page = await index(c, async () => {});
      if (page) {
        page.headers.set('Cache-Control', 'no-cache');
        return page;
      }
    }
    return next();
  };
}
