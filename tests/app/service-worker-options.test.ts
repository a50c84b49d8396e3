import { describe, expect, it } from 'vitest';
import { pwaOptions } from '../../vite.config';

/** Where the app's own API lives: every request there carries a token, a session or a key. */
const API_URLS = ['/api/attempts/a1', '/api/attempts/a1/review', '/api/teacher/session', '/api'];

describe('the service worker’s caching', () => {
  const workbox = pwaOptions.workbox ?? {};

  it('caches no API response at run time', () => {
    expect(workbox.runtimeCaching ?? []).toEqual([]);
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
