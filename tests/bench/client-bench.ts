import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { build } from 'vite';
import { loadContent } from '../../src/content/load-content';
import type { Article } from '../../src/domain/article';
import { hasChromium, launchChromium, MISSING_CHROMIUM_MESSAGE } from '../e2e/support/chromium';
import {
  buildClientIfStale,
  repoRoot,
  startServer,
  type RunningServer,
} from '../e2e/support/start-server';
import type { PlainArticle } from './plain-article/main';

/** The most JavaScript a student page may load before its first paint, gzipped (issue 16). */
const FIRST_LOAD_BUDGET_BYTES = 90 * 1024;
const RUNS = 5;
const CPU_SLOWDOWN = 4;
const TARGETS = { readerLcp: 1000, quizShown: 1500, inp: 100, cls: 0.02 };
/** Event Timing reports no interaction shorter than this (ms): an INP "under 16". */
const EVENT_TIMING_THRESHOLD = 16;
const ARTICLE_ID = 'putin-kursk-visit';

const clientDir = join(repoRoot, 'dist', 'client');
const plainFixtureDir = join(repoRoot, 'tests', 'bench', 'plain-article');
const plainOutDir = join(repoRoot, 'node_modules', '.cache', 'readproof-bench', 'plain-article');

function gzippedSize(file: string): number {
  return gzipSync(readFileSync(join(clientDir, file)), { level: 9 }).length;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** What a built module's source map names it by: its npm package, or its folder under src/. */
function groupSource(source: string): string {
  const inPackage = source.split('node_modules/').at(-1) ?? source;
  if (inPackage !== source) {
    const [scope = '', name = ''] = inPackage.split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  return source
    .replace(/^.*?src\//, 'src/')
    .split('/')
    .slice(0, 3)
    .join('/');
}

/**
 * The bundle report: each chunk's gzipped size and, from its (hidden) source map, the packages
 * and folders it holds, by their share of the source text (a guide, not exact minified bytes).
 */
function printBundleReport(files: string[]): void {
  for (const file of files) {
    const bySource = new Map<string, number>();
    try {
      const map = JSON.parse(readFileSync(join(clientDir, `${file}.map`), 'utf8')) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      map.sources.forEach((source, index) => {
        const group = groupSource(source);
        const length = map.sourcesContent?.[index]?.length ?? 0;
        bySource.set(group, (bySource.get(group) ?? 0) + length);
      });
    } catch {
      // No source map: the chunk's size alone.
    }
    const total = [...bySource.values()].reduce((sum, length) => sum + length, 0);
    const parts = [...bySource]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([group, length]) => `${group} ${((100 * length) / (total || 1)).toFixed(0)}%`);
    console.log(
      `    ${file}: ${kb(gzippedSize(file))} gzipped${parts.length ? ` (${parts.join(', ')})` : ''}`,
    );
  }
}

/** The scripts index.html loads itself: the entry and its modulepreloads. */
function listIndexHtmlScripts(): string[] {
  const html = readFileSync(join(clientDir, 'index.html'), 'utf8');
  return [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map(
    (match) => match[1] ?? '',
  );
}

interface StartedAttempt {
  attemptId: string;
  token: string;
  bankId: string;
  articleId: string;
  startedAt: string;
  questions: unknown[];
}

async function startAttempt(baseUrl: string, bankId: string): Promise<StartedAttempt> {
  const response = await fetch(`${baseUrl}/api/attempts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ bankId }),
  });
  if (!response.ok) throw new Error(`Starting an attempt: ${response.status}`);
  return (await response.json()) as StartedAttempt;
}

/** The record the quiz page reads its token from, as starting a quiz in the browser leaves it. */
async function rememberAttempt(context: BrowserContext, attempt: StartedAttempt): Promise<void> {
  const record = {
    attemptId: attempt.attemptId,
    token: attempt.token,
    bankId: attempt.bankId,
    articleId: attempt.articleId,
    startedAt: attempt.startedAt,
    submitted: false,
    questionCount: attempt.questions.length,
  };
  await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [
    `readproof:attempt:${attempt.attemptId}`,
    JSON.stringify(record),
  ] as const);
}

/**
 * What the page measures from its first moment: the largest contentful paint, the layout shifts,
 * each interaction's Event Timing duration, and the frame in which the watched selectors first
 * all match (and, given `text`, a heading starts with it): the quiz's article and first question
 * on screen. Plain JavaScript in a string: tsx would wrap a function's inner functions in a helper
 * that the page does not have.
 */
function metricsScript(watch: { selectors: string[]; text?: string }): string {
  return `(() => {
    const watch = ${JSON.stringify(watch)};
    const metrics = { lcp: 0, cls: 0, shownAt: 0, events: [] };
    window.benchMetrics = metrics;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) metrics.lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) metrics.cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.interactionId) metrics.events.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'event', buffered: true, durationThreshold: ${EVENT_TIMING_THRESHOLD} });
    const check = () => {
      const found = watch.selectors.every((selector) => document.querySelector(selector));
      const hasText = watch.text === undefined || [...document.querySelectorAll('h1, h2, h3')]
        .some((heading) => (heading.textContent || '').startsWith(watch.text));
      if (found && hasText) metrics.shownAt = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })();`;
}

interface Metrics {
  lcp: number;
  cls: number;
  shownAt: number;
  events: { start: number; duration: number }[];
}

const readMetrics = (page: Page) =>
  page.evaluate(() => (window as unknown as { benchMetrics: Metrics }).benchMetrics);

/** A fresh context (nothing cached, as on a first visit) with the CPU slowed down. */
async function openSlowPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { context, page };
}

/** Half a second with no new LCP candidate is plenty here: the page is then settled. */
const settle = (page: Page) => page.waitForTimeout(500);

/**
 * The Event Timing duration of clicking the first choice of a question, from the click to the
 * next paint after the page has handled it (what INP takes), or the threshold when the
 * interaction was shorter than Event Timing reports.
 */
async function measureAnswerInp(page: Page, choice: Locator): Promise<number> {
  await settle(page);
  const mark = await page.evaluate(() => performance.now());
  await choice.click();
  await page.getByText('Saved', { exact: true }).first().waitFor();
  await settle(page);
  const { events } = await readMetrics(page);
  const durations = events.filter((event) => event.start >= mark).map((event) => event.duration);
  return Math.max(EVENT_TIMING_THRESHOLD, ...durations);
}

interface Sample {
  lcp: number;
  cls: number;
  shown?: number;
  inp?: number;
}

async function measureReader(browser: Browser, baseUrl: string): Promise<Sample> {
  const { context, page } = await openSlowPage(browser);
  await page.addInitScript(metricsScript({ selectors: ['.article-body'] }));
  await page.goto(`${baseUrl}/articles/${ARTICLE_ID}`, { waitUntil: 'load' });
  await page.getByRole('heading', { level: 1 }).waitFor();
  await settle(page);
  const { lcp, cls } = await readMetrics(page);
  await context.close();
  return { lcp, cls };
}

/** Opens a quiz at its address (a reload, or a link from the teacher) and answers a question. */
async function measureQuiz(browser: Browser, baseUrl: string, bankId: string): Promise<Sample> {
  const attempt = await startAttempt(baseUrl, bankId);
  const { context, page } = await openSlowPage(browser);
  await rememberAttempt(context, attempt);
  await page.addInitScript(
    metricsScript({ selectors: ['.article-body [data-sentence-id]'], text: 'Question 1 of' }),
  );
  await page.goto(`${baseUrl}/attempts/${attempt.attemptId}`, { waitUntil: 'load' });
  await page.getByRole('heading', { name: /^Question 1 of \d+$/ }).waitFor();
  await settle(page);
  const { lcp, cls, shownAt } = await readMetrics(page);
  // The first question with choices to click (the plan may put another type first).
  const choice = page.getByRole('radio').or(page.getByRole('checkbox')).first();
  for (let step = 0; step < 20 && !(await choice.isVisible()); step += 1) {
    await page.getByRole('button', { name: /^Next/ }).first().click();
  }
  const inp = await measureAnswerInp(page, choice);
  await context.close();
  return { lcp, cls, shown: shownAt, inp };
}

async function measurePlain(browser: Browser, baseUrl: string): Promise<Sample> {
  const { context, page } = await openSlowPage(browser);
  await page.addInitScript(metricsScript({ selectors: ['main p'] }));
  await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
  await page.getByRole('heading', { level: 1 }).waitFor();
  await settle(page);
  const { lcp, cls, shownAt } = await readMetrics(page);
  const inp = await measureAnswerInp(page, page.getByRole('radio').first());
  await context.close();
  return { lcp, cls, shown: shownAt, inp };
}

/** The article as plain text, for the baseline page's static file. */
function toPlainArticle(article: Article): PlainArticle {
  return {
    title: article.meta.title,
    paragraphs: article.paragraphs.map((paragraph) => paragraph.text),
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/**
 * Builds the baseline (tests/bench/plain-article: Vite + React, nothing else) with the article
 * beside it as article.json, and serves it over loopback the way Readproof's server serves its
 * files: as they are, not compressed.
 */
async function servePlainPage(article: Article): Promise<{ baseUrl: string; server: Server }> {
  await build({
    configFile: false,
    root: plainFixtureDir,
    mode: 'production',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: plainOutDir, emptyOutDir: true },
  });
  const articleJson = JSON.stringify(toPlainArticle(article));
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path === '/article.json') {
      response.writeHead(200, { 'Content-Type': CONTENT_TYPES['.json'] });
      response.end(articleJson);
      return;
    }
    const file = join(plainOutDir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(plainOutDir) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'text/plain' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { baseUrl: `http://127.0.0.1:${port}`, server };
}

/**
 * The JavaScript each student page loads before it has painted and settled: every script the
 * browser fetched for it, the service worker kept out (it would fetch the whole app to precache).
 */
async function measureFirstLoads(
  browser: Browser,
  baseUrl: string,
  bankId: string,
): Promise<{ page: string; files: string[]; bytes: number }[]> {
  const attempt = await startAttempt(baseUrl, bankId);
  const pages = [
    ['library', '/'],
    ['reader', `/articles/${ARTICLE_ID}`],
    ['quiz', `/attempts/${attempt.attemptId}`],
    ['review', `/attempts/${attempt.attemptId}/review`],
    ['join', '/join/K7MPQ2'],
  ] as const;
  const loads = [];
  for (const [name, path] of pages) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await rememberAttempt(context, attempt);
    const page = await context.newPage();
    const files = new Set<string>();
    page.on('response', (response) => {
      const match = /\/(assets\/[^/?]+\.js)$/.exec(new URL(response.url()).pathname);
      if (match?.[1]) files.add(match[1]);
    });
    await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
    await context.close();
    const list = [...files];
    loads.push({
      page: name,
      files: list,
      bytes: list.reduce((sum, file) => sum + gzippedSize(file), 0),
    });
  }
  return loads;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function repeat(run: () => Promise<Sample>): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let index = 0; index < RUNS; index += 1) samples.push(await run());
  return samples;
}

function describeSamples(samples: Sample[], key: keyof Sample, digits = 0): string {
  const values = samples.map((sample) => sample[key] ?? 0);
  return `median ${median(values).toFixed(digits)} (${values.map((value) => value.toFixed(digits)).join(', ')})`;
}

const medianOf = (samples: Sample[], key: keyof Sample) =>
  median(samples.map((sample) => sample[key] ?? 0));

const verdict = (value: number, target: number) => (value <= target ? 'meets' : 'MISSES');

/**
 * `npm run bench`, client part: the JavaScript each student page loads first (with a bundle
 * report), then in headless Chromium at 4x CPU slowdown, median of 5 fresh visits: the reader's
 * LCP and CLS, the quiz page's time to show the article and its first question, and the INP of
 * answering a question (Event Timing API); the same for a plain Vite + React page that renders
 * the same article from a static file, and Readproof's figures as ratios to it.
 */
export async function runClientBenchmark(): Promise<void> {
  console.log(
    '\n== Client: first-load JavaScript, and the student pages in a slowed-down Chromium',
  );
  await buildClientIfStale();
  if (!hasChromium()) {
    console.log(`Not measured. ${MISSING_CHROMIUM_MESSAGE}`);
    return;
  }
  const content = await loadContent(join(repoRoot, 'questions'));
  const article = content.articles.get(ARTICLE_ID);
  const bankId = [...content.banks.values()].find(({ bank }) => bank.articleId === ARTICLE_ID)?.bank
    .id;
  if (!article || !bankId) throw new Error(`questions/ has no article "${ARTICLE_ID}" with a quiz`);

  const rateLimits = process.env.RATE_LIMITS;
  // Every run starts an attempt from this one address.
  process.env.RATE_LIMITS = 'off';
  let server: RunningServer | undefined;
  let plain: { baseUrl: string; server: Server } | undefined;
  const browser = await launchChromium();
  try {
    server = await startServer();
    plain = await servePlainPage(article);

    const loads = await measureFirstLoads(browser, server.baseUrl, bankId);
    console.log(`first-load JS per student page, gzipped (budget ${kb(FIRST_LOAD_BUDGET_BYTES)}):`);
    for (const load of loads) {
      const within = load.bytes <= FIRST_LOAD_BUDGET_BYTES ? 'within' : 'OVER';
      console.log(`  ${load.page}: ${kb(load.bytes)}, ${within} (${load.files.length} files)`);
    }
    // What the earlier reports counted (before pages were split off): the same for every page.
    const shell = listIndexHtmlScripts();
    console.log(
      `  index.html's entry and modulepreloads: ${kb(shell.reduce((sum, file) => sum + gzippedSize(file), 0))} (${shell.join(', ')})`,
    );
    console.log('bundle report, every file a student page loads first:');
    printBundleReport([...new Set(loads.flatMap((load) => load.files))].sort());
    const reader = loads.find((load) => load.page === 'reader');
    if (reader && reader.bytes > FIRST_LOAD_BUDGET_BYTES) process.exitCode = 1;

    const baseUrl = server.baseUrl;
    const readerSamples = await repeat(() => measureReader(browser, baseUrl));
    const quizSamples = await repeat(() => measureQuiz(browser, baseUrl, bankId));
    const plainBaseUrl = plain.baseUrl;
    const plainSamples = await repeat(() => measurePlain(browser, plainBaseUrl));

    console.log(
      `headless Chromium, ${CPU_SLOWDOWN}x CPU slowdown, loopback, ${RUNS} fresh visits each (ms):`,
    );
    const readerLcp = medianOf(readerSamples, 'lcp');
    const quizShown = medianOf(quizSamples, 'shown');
    const quizInp = medianOf(quizSamples, 'inp');
    const plainLcp = medianOf(plainSamples, 'lcp');
    const plainInp = medianOf(plainSamples, 'inp');
    const worstCls = Math.max(medianOf(readerSamples, 'cls'), medianOf(quizSamples, 'cls'));
    console.log(
      `  reader LCP: ${describeSamples(readerSamples, 'lcp')}, ${verdict(readerLcp, TARGETS.readerLcp)} ${TARGETS.readerLcp}; ${(readerLcp / plainLcp).toFixed(2)}x the plain page`,
    );
    console.log(`  reader CLS: ${describeSamples(readerSamples, 'cls', 3)}`);
    console.log(
      `  quiz page, article and first question shown: ${describeSamples(quizSamples, 'shown')}, ${verdict(quizShown, TARGETS.quizShown)} ${TARGETS.quizShown}; ${(quizShown / plainLcp).toFixed(2)}x the plain page's LCP`,
    );
    console.log(`  quiz page LCP: ${describeSamples(quizSamples, 'lcp')}`);
    console.log(`  quiz page CLS: ${describeSamples(quizSamples, 'cls', 3)}`);
    console.log(
      `  answering a question, INP (Event Timing; ${EVENT_TIMING_THRESHOLD} means under it): ${describeSamples(quizSamples, 'inp')}, ${verdict(quizInp, TARGETS.inp)} ${TARGETS.inp}; ${(quizInp / plainInp).toFixed(2)}x the plain page`,
    );
    console.log(
      `  CLS target ${TARGETS.cls}: ${verdict(worstCls, TARGETS.cls)} (worst median ${worstCls.toFixed(3)})`,
    );
    console.log(
      `  plain Vite + React page, same article from a static file: LCP ${describeSamples(plainSamples, 'lcp')}, CLS ${describeSamples(plainSamples, 'cls', 3)}, INP ${describeSamples(plainSamples, 'inp')}`,
    );
  } finally {
    await browser.close();
    await server?.stop();
    plain?.server.close();
    if (rateLimits === undefined) delete process.env.RATE_LIMITS;
    else process.env.RATE_LIMITS = rateLimits;
  }
}
