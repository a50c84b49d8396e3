import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA, type VitePWAOptions } from 'vite-plugin-pwa';
import { findPostgresBin, MISSING_POSTGRES_MESSAGE } from './tests/server/support/postgres-bin.js';

const apiTarget = `http://localhost:${process.env.API_PORT ?? '3000'}`;

/**
 * The app-shell service worker (Workbox, generated at build time only, so development and tests
 * run without one): it precaches the built HTML, scripts, styles and fonts so that a reload while
 * offline reopens the page, and the quiz picks up its draft from this device. It caches no API
 * response: those carry attempt tokens, sessions and, after submitting, answer keys.
 */
export const pwaOptions: Partial<VitePWAOptions> = {
  strategies: 'generateSW',
  registerType: 'autoUpdate',
  // A script file rather than inline code: the content security policy allows no inline script.
  injectRegister: 'script-defer',
  manifest: false,
  workbox: {
    globPatterns: ['**/*.{html,js,css,svg,woff2}'],
    // The optional reading font (reading settings) is for the readers who choose it: it is cached
    // when first used (below), not downloaded by every device in the background.
    globIgnores: ['**/atkinson-hyperlegible-*.woff2'],
    // Every client route is the same index.html; /api is never answered from the shell, nor are
    // reader pages: the server sends those with the article already in them (serve-client.ts),
    // and offline the reader has no article to show anyway (no API response is cached).
    navigateFallback: '/index.html',
    navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/articles\//],
    runtimeCaching: [
      {
        urlPattern: /\/assets\/atkinson-hyperlegible-[^/]+\.woff2$/,
        handler: 'CacheFirst',
        options: { cacheName: 'reading-fonts' },
      },
    ],
    cleanupOutdatedCaches: true,
    // There is no "new version" prompt: a new shell takes over at once, and the page it serves
    // after the next navigation is the new one.
    skipWaiting: true,
    clientsClaim: true,
  },
};

/** Where the server-side renderer is built: beside the client, never served (serve-client.ts). */
const PRERENDER_OUT_DIR = '../dist/prerender';

/**
 * After the browser build, builds src/app/prerender.tsx as a server module: the same components,
 * rendered to HTML by the server when it starts, so the reader's article comes in the first
 * response. Its own build (no config file, so this plugin does not run again), with React and the
 * router left as imports from node_modules and the CSS left out.
 */
function buildPrerenderer(): Plugin {
  return {
    name: 'readproof:build-prerenderer',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        root: 'src',
        logLevel: 'warn',
        plugins: [react()],
        build: {
          ssr: 'app/prerender.tsx',
          outDir: PRERENDER_OUT_DIR,
          emptyOutDir: true,
          sourcemap: false,
        },
      });
    },
  };
}

// index.html lives in src/ so the top level keeps to the design card; paths below are from src/.
/** The server tests that are about SQLite itself: its checkpoints, query plans and old files. */
const SQLITE_ONLY_TESTS = [
  'tests/server/db/checkpoints.test.ts',
  'tests/server/db/query-plans.test.ts',
  'tests/server/db/print-seed-migration.test.ts',
  'tests/server/db/student-identity-migration.test.ts',
];

/**
 * The server tests again on PostgreSQL (a throwaway cluster, tests/server/support). Without
 * PostgreSQL installed they are left out with a message, except under CI, where the project's
 * setup then fails.
 */
function postgresProject(): TestProjectInlineConfiguration[] {
  if (findPostgresBin() === undefined && process.env.CI !== 'true') {
    if (process.env.VITEST) console.warn(MISSING_POSTGRES_MESSAGE);
    return [];
  }
  return [
    {
      extends: true,
      test: {
        name: 'postgres',
        environment: 'node',
        include: ['tests/server/**/*.test.ts'],
        exclude: SQLITE_ONLY_TESTS,
        globalSetup: ['tests/server/support/postgres-global-setup.ts'],
      },
    },
  ];
}

/**
 * React Router's package exports name only its development build (remix-run/react-router#12532,
 * #14753), which carries warnings and checks a student's browser never needs; its production
 * build sits beside it. Only the browser build takes it: tests and `npm run dev` keep the warnings.
 */
function productionReactRouter(): Plugin {
  return {
    name: 'readproof:production-react-router',
    apply: 'build',
    config: () => ({
      resolve: {
        alias: [
          {
            find: /^react-router$/,
            replacement: fileURLToPath(
              new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
            ),
          },
        ],
      },
    }),
  };
}

export default defineConfig({
  root: 'src',
  publicDir: '../public',
  plugins: [react(), VitePWA(pwaOptions), buildPrerenderer(), productionReactRouter()],
  // Source maps are written for debugging a production stack trace but not linked from the
  // bundles ('hidden'); the server never serves them (src/server/http/serve-client.ts).
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: 'hidden',
    // .vite/manifest.json: which chunks each page needs, so the server can name them in the first
    // response (serve-client.ts); like the source maps, it is never served.
    manifest: true,
    rolldownOptions: {
      output: {
        // What every page needs (React, the router, the API client) in one chunk beside the
        // entry: gzip packs one file better than five, and a reader page loads three files.
        codeSplitting: {
          groups: [
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|hono)[\\/]|src[\\/]lib[\\/](api-client|paths|attempt-records|use-resource)\.ts|response-kinds\.ts/,
            },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': apiTarget } },
  test: {
    root: '.',
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/{domain,content,server,scripts}/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          setupFiles: ['tests/setup-dom.ts'],
          include: ['tests/{app,features,components,lib}/**/*.test.{ts,tsx}'],
        },
      },
      ...postgresProject(),
      {
        // The built app on the real server in Chromium (tests/e2e/global-setup.ts starts both).
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // One browser at a time: the machine has two cores and the server needs one.
          fileParallelism: false,
        },
      },
    ],
  },
});
