import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

/** Vite's hashed bundles never change under a name, so browsers may keep them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const CLIENT_MISSING_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Readproof: the app is not built</title></head>
<body>
<h1>The Readproof app is not built yet</h1>
<p>The API is running, but there is no built client in <code>dist/client</code>.
Run <code>npm run build</code> and restart the server, or use <code>npm start</code>, which does both.</p>
</body>
</html>
`;

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * Build by-products that are not the app: source maps (they would hand out the source) and
 * anything under a dot-folder such as `.vite/manifest.json`. They answer 404, whatever the build
 * left in the folder.
 */
function isPrivateBuildFile(path: string): boolean {
  return path.endsWith('.map') || /(^|\/)\./.test(path);
}

/** A path whose last segment has no dot is a client route (`/attempts/abc`), not a missing file. */
function isClientRoute(path: string): boolean {
  return !path.startsWith('/assets/') && !/\.[^/]*$/.test(path);
}

/**
 * Serves the built React app from `clientDir`: its files, and `index.html` for every client
 * route so deep links and reloads work. Without a build, pages get a 503 that says how to make
 * one, while the API keeps working.
 */
export function serveClient(clientDir: string): MiddlewareHandler {
  const indexFile = join(clientDir, 'index.html');
  if (!existsSync(indexFile)) {
    return async (c, next) => {
      if (isApiPath(c.req.path)) return next();
      return c.html(CLIENT_MISSING_PAGE, 503);
    };
  }
  const files = serveStatic({ root: clientDir });
  const index = serveStatic({ path: indexFile });
  return async (c, next) => {
    if (isApiPath(c.req.path) || isPrivateBuildFile(c.req.path)) return next();
    const served = await files(c, async () => {});
    if (served) {
      served.headers.set(
        'Cache-Control',
        c.req.path.startsWith('/assets/') ? IMMUTABLE : 'no-cache',
      );
      return served;
    }
    if (isClientRoute(c.req.path)) {
      const page = await index(c, async () => {});
      if (page) {
        page.headers.set('Cache-Control', 'no-cache');
        return page;
      }
    }
    return next();
  };
}
