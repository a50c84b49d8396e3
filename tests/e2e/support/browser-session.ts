import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Locator,
  Page,
} from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, inject } from 'vitest';
import { launchChromium } from './chromium';
import { repoRoot, startServer, type RunningServer } from './start-server';

/** Where a failing test leaves a screenshot of each page it had open. */
const SCREENSHOT_DIR = join(repoRoot, 'test-results', 'e2e');

/** True when this run has no browser (the global setup said why). */
export const skipBrowserTests = inject('e2eSkipReason') !== '';

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

/**
 * One Chromium per test file and fresh contexts (own storage, own offline switch) per test.
 * When a test fails, every page it opened is saved as a screenshot under test-results/e2e/.
 *
 * With `ownServer`, the file gets a server and database of its own: a teacher's assignment holds
 * the practice results of its quiz for everyone on that server (docs/security.md), which would
 * change what the other files' practice attempts show.
 */
export function useBrowserSession({ ownServer = false }: { ownServer?: boolean } = {}) {
  let baseUrl = inject('e2eBaseUrl');
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    if (ownServer && !skipBrowserTests) {
      server = await startServer();
      baseUrl = server.baseUrl;
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(({ onTestFinished }) => {
    pageErrors = [];
    onTestFinished(async ({ task }) => {
      if (task.result?.state === 'fail') {
        const dir = join(SCREENSHOT_DIR, slug(task.name));
        mkdirSync(dir, { recursive: true });
        const pages = contexts.flatMap((context) => context.pages());
        await Promise.all(
          pages.map((page, index) =>
            page
              .screenshot({ path: join(dir, `page-${index + 1}.png`), fullPage: true })
              .catch(() => undefined),
          ),
        );
      }
      await Promise.all(contexts.map((context) => context.close()));
      contexts = [];
    });
  });

  return {
    /** Where this file's server listens (read it inside a test: an own server starts before all). */
    get baseUrl() {
      return baseUrl;
    },
    /** A page in a new browser context: wide screen and light theme unless told otherwise. */
    async newPage(
      options: BrowserContextOptions = {},
    ): Promise<{ context: BrowserContext; page: Page }> {
      if (!browser) throw new Error('Chromium is not running');
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        colorScheme: 'light',
        ...options,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      // What the content security policy blocks is only logged: count it as a page error too.
      page.on('console', (message) => {
        if (message.type() === 'error' && message.text().includes('Content Security Policy')) {
          pageErrors.push(message.text());
        }
      });
      return { context, page };
    },
    /**
     * Uncaught errors and content security policy violations in any page so far: a test ends by
     * checking there were none.
     */
    pageErrors: () => pageErrors,
  };
}

/** Runs axe-core on the page as it is now and fails with a readable list of any violation. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help} at ${violation.nodes
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
  expect(violations, `axe-core violations on ${state}`).toEqual([]);
}

/** Waits (briefly) until `locator` has focus: pages move focus in an effect after rendering. */
export async function expectFocused(locator: Locator, what: string): Promise<void> {
  await expect
    .poll(() => locator.evaluate((element) => element === document.activeElement), {
      message: `${what} should have focus`,
      timeout: 5000,
    })
    .toBe(true);
}
