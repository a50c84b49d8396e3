import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { hasChromium, launchChromium, MISSING_CHROMIUM_MESSAGE } from '../e2e/support/chromium';
import { buildClientIfStale, repoRoot, startServer } from '../e2e/support/start-server';

/** The most JavaScript a student may download, gzipped, before the first quiz page works. */
const QUIZ_JS_BUDGET_BYTES = 120 * 1024;
const LCP_RUNS = 5;
const CPU_SLOWDOWN = 4;
/** The source of the quiz route's page, as Vite's manifest names it. */
const QUIZ_PAGE_SOURCE = 'features/quiz/quiz-page.tsx';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
}

const clientDir = join(repoRoot, 'dist', 'client');

/**
 * The JavaScript files loaded before the quiz page can run: the entry chunk and its static
 * imports, plus the quiz page's own chunk and its static imports if it is ever split off.
 */
function listQuizRouteFiles(manifest: Record<string, ManifestChunk>): string[] {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  if (manifest[QUIZ_PAGE_SOURCE]) visit(QUIZ_PAGE_SOURCE);
  return [...files].filter((file) => file.endsWith('.js'));
}

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
 * The bundle report: each first-load chunk's gzipped size and, from its (hidden) source map,
 * the packages and folders it holds, by their share of the source text (a guide, not exact
 * minified bytes).
 */
function printBundleReport(files: string[]): void {
  for (const file of files) {
    const gzipped = gzipSync(readFileSync(join(clientDir, file)), { level: 9 }).length;
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
      `  ${file}: ${(gzipped / 1024).toFixed(1)} KB gzipped${parts.length ? ` (${parts.join(', ')})` : ''}`,
    );
  }
}

function listIndexHtmlScripts(): string[] {
  const html = readFileSync(join(clientDir, 'index.html'), 'utf8');
  return [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map(
    (match) => match[1] ?? '',
  );
}

function measureQuizJs(): { files: string[]; gzippedBytes: number } {
  const manifestFile = join(clientDir, '.vite', 'manifest.json');
  // The production build keeps no manifest (see start-server.ts); then the first load is what
  // index.html names: the entry script and its modulepreloads.
  const files = existsSync(manifestFile)
    ? listQuizRouteFiles(
        JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>,
      )
    : listIndexHtmlScripts();
  const gzippedBytes = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(clientDir, file)), { level: 9 }).length,
    0,
  );
  return { files, gzippedBytes };
}

/** The page's largest contentful paint in ms, once the page has loaded and settled. */
async function readLcp(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let latest = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) latest = entry.startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        // LCP candidates stop once the page is quiet; half a second after load is plenty here.
        setTimeout(() => resolve(latest), 500);
      }),
  );
}

async function measureReaderLcp(): Promise<number[]> {
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const samples: number[] = [];
    for (let run = 0; run < LCP_RUNS; run += 1) {
      // A fresh context each run: nothing cached, as on a student's first visit.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      await page.goto(`${server.baseUrl}/articles/putin-kursk-visit`, { waitUntil: 'load' });
      await page.getByRole('heading', { level: 1 }).waitFor();
      samples.push(await readLcp(page));
      await context.close();
    }
    return samples;
  } finally {
    await browser.close();
    await server.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** `npm run bench`, client part: the quiz route's JavaScript against its budget, and the reader's LCP. */
export async function runClientBenchmark(): Promise<void> {
  console.log('\n== Client: JavaScript before the first quiz page works, and the reader page LCP');
  await buildClientIfStale();
  const { files, gzippedBytes } = measureQuizJs();
  const verdict = gzippedBytes <= QUIZ_JS_BUDGET_BYTES ? 'within' : 'OVER';
  console.log(
    `quiz route JS: ${(gzippedBytes / 1024).toFixed(1)} KB gzipped (${files.join(', ')}), ${verdict} the ${QUIZ_JS_BUDGET_BYTES / 1024} KB budget`,
  );
  printBundleReport(files);
  if (!hasChromium()) {
    console.log(`reader LCP: not measured. ${MISSING_CHROMIUM_MESSAGE}`);
    return;
  }
  const samples = await measureReaderLcp();
  console.log(
    `reader LCP, headless Chromium, ${CPU_SLOWDOWN}x CPU slowdown, loopback: median ${median(samples).toFixed(0)} ms of ${LCP_RUNS} runs (${samples.map((sample) => sample.toFixed(0)).join(', ')} ms)`,
  );
  if (gzippedBytes > QUIZ_JS_BUDGET_BYTES) process.exitCode = 1;
}
