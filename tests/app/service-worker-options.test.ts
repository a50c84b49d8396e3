import { describe, expect, it } from 'vitest';
import { pwaOptions } from '../../vite.config';

/** Where the app's own API lives: every request there carries a token, a session or a key. */
const API_URLS = ['/api/attempts/a1', '/api/attempts/a1/review', '/api/teacher/session', '/api'];

describe('the service worker’s caching', () => {
  const workbox = pwaOptions.workbox ?? {};

  it('caches no API response at run time, only the optional reading font once it is used', () => {
    const rules = workbox.runtimeCaching ?? [];
    const patterns = rules.map((rule) => rule.urlPattern);
    for (const pattern of patterns) expect(pattern).toBeInstanceOf(RegExp);
    const matches = (url: string) =>
      patterns.some((pattern) => pattern instanceof RegExp && pattern.test(url));
    for (const url of API_URLS) expect(matches(url), url).toBe(false);
    expect(matches('/assets/atkinson-hyperlegible-latin-400-normal-BrHNak5F.woff2')).toBe(true);
    expect(matches('/assets/literata-latin-wght-normal-DLxlUchJ.woff2')).toBe(false);
    expect(matches('/assets/index-abc123.js')).toBe(false);
  });

  it('does not precache the optional reading font: a device downloads it only when chosen', () => {
    expect(workbox.globIgnores).toContain('**/atkinson-hyperlegible-*.woff2');
  });

  it('precaches only built files, none under /api', () => {
    for (const pattern of workbox.globPatterns ?? []) {
      expect(pattern).not.toMatch(/api/);
      expect(pattern).toMatch(/\.\{?[a-z0-9,]+\}?$/);
    }
    expect(workbox.additionalManifestEntries ?? []).toEqual([]);
  });

  it('never answers an API address with the app shell', () => {
    const denylist = workbox.navigateFallbackDenylist ?? [];
    for (const url of API_URLS) {
      expect(
        denylist.some((pattern) => pattern.test(url)),
        url,
      ).toBe(true);
    }
    expect(denylist.some((pattern) => pattern.test('/attempts/a1'))).toBe(false);
  });
});
