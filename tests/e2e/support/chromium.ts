import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; the end-to-end tests and the client benchmark drive it headless. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const MISSING_CHROMIUM_MESSAGE = `The browser tests were skipped: there is no Chromium at ${CHROMIUM_PATH}. Install it with \`apt-get install -y chromium\` to run them.`;

export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
