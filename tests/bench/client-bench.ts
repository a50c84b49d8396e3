import { readFileSync } from 'node:fs';
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

function measureQuizJs(): { files: string[]; gzippedBytes: number } {
  const manifest = JSON.parse(
    readFileSync(join(clientDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const files = listQuizRouteFiles(manifest);
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
