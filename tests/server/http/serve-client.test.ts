import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
