import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp } from './test-app';

const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A stand-in for `vite build`'s output: index.html and one hashed bundle. */
function buildClient(): string {
  const clientDir = mkdtempSync(join(tmpdir(), 'readproof-client-'));
  folders.push(clientDir);
  mkdirSync(join(clientDir, 'assets'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Readproof</title>');
  writeFileSync(join(clientDir, 'assets', 'main-abc123.js'), 'console.log("app")');
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
    expect(await (await app.request('/api/health')).json()).toEqual({ status: 'ok' });
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

  it('sends the security headers with pages', async () => {
    const { app } = await createTestApp({ clientDir: buildClient() });
    const page = await app.request('/');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
