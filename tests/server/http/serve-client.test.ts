import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findKeyFields, findSecretProse, secretTexts } from '../key-leaks';
import { createTestApp } from '../test-app';

const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/**
 * A stand-in for `vite build`'s output: index.html and one hashed bundle, with the by-products a
 * build may leave beside them: a source map and Vite's manifest.
 */
function buildClient(): string {
  const clientDir = mkdtempSync(join(tmpdir(), 'readproof-client-'));
  folders.push(clientDir);
  mkdirSync(join(clientDir, 'assets'));
  mkdirSync(join(clientDir, '.vite'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Readproof</title>');
  writeFileSync(join(clientDir, 'assets', 'main-abc123.js'), 'console.log("app")');
  writeFileSync(join(clientDir, 'assets', 'main-abc123.js.map'), '{"sources":["src/main.tsx"]}');
  writeFileSync(join(clientDir, '.vite', 'manifest.json'), '{"src/main.tsx":{}}');
  return clientDir;
}

/**
 * A build with a stand-in for the server-side renderer beside it (`dist/prerender/prerender.js`):
 * it writes out everything it is given, so the page shows exactly what the server handed it.
 */
function buildClientWithRenderer(): string {
  const buildDir = mkdtempSync(join(tmpdir(), 'readproof-build-'));
  folders.push(buildDir);
  const clientDir = join(buildDir, 'client');
  mkdirSync(clientDir);
  writeFileSync(
    join(clientDir, 'index.html'),
    '<!doctype html><title>Readproof</title><div id="root"></div><script type="module" src="/assets/main.js"></script>',
  );
  mkdirSync(join(buildDir, 'prerender'));
  writeFileSync(
    join(buildDir, 'prerender', 'prerender.js'),
    `export async function renderReaderPage(data) {
      const given = JSON.stringify(data).replace(/</g, '\\u003c');
      return { html: '<h1>' + data.article.meta.title + ' & co</h1><pre>' + given + '</pre>', title: data.article.meta.title + ' · Readproof' };
    }`,
  );
  return clientDir;
}

/** What the stand-in renderer was given, read back from the page. */
function readRenderedData(html: string): { article: { meta: { id: string } }; banks: unknown[] } {
  const given = /<pre>(.*)<\/pre>/s.exec(html)?.[1] ?? 'null';
  return JSON.parse(given) as { article: { meta: { id: string } }; banks: unknown[] };
}

describe('reader pages rendered on the server', () => {
  it('sends each article rendered into #root, with its title, for the browser to hydrate', async () => {
    const { app, content } = await createTestApp({ clientDir: buildClientWithRenderer() });
    for (const article of content.articles.values()) {
      const response = await app.request(`/articles/${article.meta.id}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const html = await response.text();
      expect(html).toContain(`<title>${article.meta.title} · Readproof</title>`);
      expect(html).toContain(`<div id="root" data-server-rendered><h1>${article.meta.title} & co`);
      expect(html).toContain('<script type="module" src="/assets/main.js"></script>');
      const data = readRenderedData(html);
      expect(data.article.meta.id).toBe(article.meta.id);
      const banks = [...content.banks.values()].filter(
        ({ bank }) => bank.articleId === article.meta.id,
      );
      expect(data.banks).toHaveLength(banks.length);
    }
  });

  it('hands the renderer only what the API shows a student: no key, feedback or accepted answer', async () => {
    const { app, content } = await createTestApp({ clientDir: buildClientWithRenderer() });
    for (const article of content.articles.values()) {
      const html = await (await app.request(`/articles/${article.meta.id}`)).text();
      const data = readRenderedData(html);
      expect(findKeyFields(data, article.meta.id)).toEqual([]);
      expect(findSecretProse(content, data)).toEqual([]);
      const questions = [...content.banks.values()]
        .filter(({ bank }) => bank.articleId === article.meta.id)
        .flatMap(({ bank }) => bank.questions);
      // Questions are not in the reader's data at all, not even their prompts (accepted answers
      // are words of the article, so they cannot be looked for in it).
      expect(questions.length).toBeGreaterThan(0);
      for (const question of questions) {
        expect(html).not.toContain(JSON.stringify(question.prompt).slice(1, -1));
        for (const prose of secretTexts(question).prose) {
          expect(html).not.toContain(JSON.stringify(prose).slice(1, -1));
        }
      }
    }
  });

  it('sends index.html as it is for other pages and unknown articles', async () => {
    const { app } = await createTestApp({ clientDir: buildClientWithRenderer() });
    for (const path of ['/', '/articles/no-such-article', '/attempts/abc', '/articles/%E0%A4%A']) {
      const html = await (await app.request(path)).text();
      expect(html, path).toContain('<div id="root"></div>');
      expect(html, path).toContain('<title>Readproof</title>');
    }
  });

  it('sends index.html as it is when the renderer fails, and says why on the console', async () => {
    const clientDir = buildClientWithRenderer();
    writeFileSync(join(clientDir, '..', 'prerender', 'prerender.js'), 'throw new Error("broken");');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { app, content } = await createTestApp({ clientDir });
    const [article] = content.articles.values();
    const html = await (await app.request(`/articles/${article?.meta.id}`)).text();
    expect(html).toContain('<div id="root"></div>');
    expect(logged).toHaveBeenCalledWith(
      'Could not render the reader pages on the server:',
      expect.any(Error),
    );
  });
});

describe('the first response of a page that is a chunk of its own', () => {
  it('names the chunks and styles of the page at its address, from the build manifest', async () => {
    const clientDir = buildClient();
    writeFileSync(
      join(clientDir, 'index.html'),
      '<!doctype html><head><title>Readproof</title><script type="module" src="/assets/main-abc123.js"></script><link rel="modulepreload" crossorigin href="/assets/framework-1.js"></head><div id="root"></div>',
    );
    writeFileSync(
      join(clientDir, '.vite', 'manifest.json'),
      JSON.stringify({
        'index.html': { file: 'assets/main-abc123.js', imports: ['_framework-1.js'] },
        '_framework-1.js': { file: 'assets/framework-1.js' },
        '_shared-2.js': { file: 'assets/shared-2.js', imports: ['_framework-1.js', 'index.html'] },
        'features/quiz/quiz-page.tsx': {
          file: 'assets/quiz-page-3.js',
          imports: ['_framework-1.js', '_shared-2.js', 'index.html'],
          css: ['assets/quiz-page-3.css'],
        },
        'features/library/library-page.tsx': {
          file: 'assets/library-page-4.js',
          imports: ['_shared-2.js'],
        },
      }),
    );
    const { app } = await createTestApp({ clientDir });
    const quiz = await (await app.request('/attempts/abc')).text();
    expect(quiz).toContain('<link rel="stylesheet" crossorigin href="/assets/quiz-page-3.css">');
    expect(quiz).toContain('<link rel="modulepreload" crossorigin href="/assets/quiz-page-3.js">');
    expect(quiz).toContain('<link rel="modulepreload" crossorigin href="/assets/shared-2.js">');
    expect(quiz.match(/assets\/framework-1\.js/g)).toHaveLength(1);
    expect(quiz).not.toContain('library-page');
    const library = await app.request('/');
    expect(library.headers.get('cache-control')).toBe('no-cache');
    expect(await library.text()).toContain('href="/assets/library-page-4.js"');
    // A page without a chunk of its own, and the review (not in this manifest), get index.html.
    for (const path of ['/attempts/abc/review', '/teacher']) {
      expect(await (await app.request(path)).text(), path).not.toContain(
        'modulepreload" crossorigin href="/assets/shared-2.js',
      );
    }
    expect((await app.request('/.vite/manifest.json')).status).toBe(404);
  });
});

describe('serving the built client', () => {
  it('serves index.html at / and for every client route, never cached stale', async () => {
    const { app } = await createTestApp({ clientDir: buildClient() });
    for (const path of ['/', '/articles/putin-kursk-visit', '/attempts/abc/review']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<title>Readproof</title>');
    }
  });

  it('serves hashed assets with a year-long cache and a 404 for missing ones', async () => {
    const { app } = await createTestApp({ clientDir: buildClient() });
    const bundle = await app.request('/assets/main-abc123.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect(bundle.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await app.request('/assets/missing-000.js')).status).toBe(404);
    expect((await app.request('/favicon.ico')).status).toBe(404);
  });

  it('keeps API paths for the API', async () => {
    const { app } = await createTestApp({ clientDir: buildClient() });
    expect(await (await app.request('/api/health')).json()).toMatchObject({ status: 'ok' });
    const unknown = await app.request('/api/no-such-route');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not-found' } });
  });

  it('says how to build the client when there is no build, and keeps the API up', async () => {
    const { app } = await createTestApp({ clientDir: join(tmpdir(), 'readproof-no-such-build') });
    const page = await app.request('/');
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build');
    expect((await app.request('/api/health')).status).toBe(200);
  });

  it('never serves source maps or the build manifest', async () => {
    const { app } = await createTestApp({ clientDir: buildClient() });
    for (const path of [
      '/assets/main-abc123.js.map',
      '/.vite/manifest.json',
      '/%2Evite/manifest.json',
      '/assets/main-abc123.js%2Emap',
    ]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('src/main.tsx');
    }
  });

  it('sends the security headers with pages: no framing at all', async () => {
    const { app } = await createTestApp({ clientDir: buildClient() });
    const page = await app.request('/');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it('sends HSTS only over HTTPS, or behind a trusted proxy that says the request was', async () => {
    const direct = await createTestApp({ clientDir: buildClient() });
    const proxied = await createTestApp({ clientDir: buildClient(), trustProxy: true });
    const viaHttps = { 'X-Forwarded-Proto': 'https' };
    const hstsOf = async (response: Response | Promise<Response>) =>
      (await response).headers.get('strict-transport-security');
    expect(await hstsOf(direct.app.request('http://school.example/'))).toBeNull();
    expect(await hstsOf(direct.app.request('https://school.example/'))).toMatch(/max-age=\d+/);
    expect(await hstsOf(direct.app.request('/', { headers: viaHttps }))).toBeNull();
    expect(await hstsOf(proxied.app.request('/', { headers: viaHttps }))).toMatch(/max-age=\d+/);
    expect(await hstsOf(proxied.app.request('/api/health', { headers: viaHttps }))).toMatch(
      /max-age=\d+/,
    );
    expect(await hstsOf(proxied.app.request('/'))).toBeNull();
  });
});
