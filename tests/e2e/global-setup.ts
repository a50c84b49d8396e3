import type { TestProject } from 'vitest/node';
import { hasChromium, MISSING_CHROMIUM_MESSAGE } from './support/chromium';
import { buildClientIfStale, startServer } from './support/start-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the real server of this run listens; empty when the browser tests are skipped. */
    e2eBaseUrl: string;
    /** Why the browser tests are skipped, or empty when they run. */
    e2eSkipReason: string;
  }
}

/**
 * Once per run of the e2e project: builds the client if its sources changed, starts the real
 * server on a free port and a temporary database, and stops it afterwards. Without Chromium the
 * tests are skipped with a message, except under CI, where that is a failure.
 */
export default async function setup(project: TestProject) {
  if (!hasChromium()) {
    if (process.env.CI === 'true') {
      throw new Error(MISSING_CHROMIUM_MESSAGE.replace('were skipped', 'cannot run under CI'));
    }
    console.warn(MISSING_CHROMIUM_MESSAGE);
    project.provide('e2eSkipReason', MISSING_CHROMIUM_MESSAGE);
    project.provide('e2eBaseUrl', '');
    return;
  }
  await buildClientIfStale();
  const server = await startServer();
  project.provide('e2eSkipReason', '');
  project.provide('e2eBaseUrl', server.baseUrl);
  return server.stop;
}
