// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import boundaries from 'eslint-plugin-boundaries';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

/** An import policy: files of layer `from` may import from the layers in `to`. */
function allowLayer(from, to) {
  return {
    from: { element: { type: from } },
    allow: { to: { element: { types: { anyOf: to } } } },
  };
}

const nodeBuiltins = ['node:*', 'fs', 'path', 'crypto', 'http', 'url', 'os', 'child_process'];

export default tseslint.config(
  { ignores: ['dist', 'coverage', 'test-results', 'data', 'node_modules'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': 'allow-with-description' },
      ],
    },
  },
  {
    files: ['src/**/*.tsx', 'tests/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: { ...reactHooks.configs.recommended.rules, ...jsxA11y.flatConfigs.strict.rules },
  },
  // No import cycles: a circle makes load order decide which module sees the other half-initialised.
  // Type-only imports are erased at compile time, so the rule (by design) does not follow them.
  {
    files: ['**/*.{ts,tsx,js}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  // Imports flow one way: domain <- content <- server; domain <- lib/components <- features <- app.
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
      'boundaries/include': ['src/**/*'],
      'boundaries/elements': [
        { type: 'domain', pattern: 'src/domain' },
        { type: 'content', pattern: 'src/content' },
        { type: 'server', pattern: 'src/server' },
        { type: 'lib', pattern: 'src/lib' },
        { type: 'components', pattern: 'src/components' },
        { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
        { type: 'app', pattern: 'src/app' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            allowLayer('domain', ['domain']),
            allowLayer('content', ['domain', 'content']),
            allowLayer('server', ['domain', 'content', 'server']),
            allowLayer('lib', ['domain', 'lib']),
            // The typed API client (hc<AppType>) borrows the server's route types, never its code.
            {
              from: { element: { type: 'lib' } },
              allow: { to: { element: { type: 'server' } }, dependency: { kind: 'type' } },
            },
            allowLayer('components', ['domain', 'lib', 'components']),
            allowLayer('feature', ['domain', 'lib', 'components']),
            // A feature may import itself, never another feature.
            {
              from: { element: { type: 'feature' } },
              allow: {
                to: {
                  element: {
                    type: 'feature',
                    captured: { feature: '{{from.element.captured.feature}}' },
                  },
                },
              },
            },
            allowLayer('app', ['domain', 'lib', 'components', 'feature', 'app']),
          ],
        },
      ],
    },
  },
  // The domain is pure: no React, no state library, no web framework, no Node APIs.
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-*',
                'zustand',
                'zustand/*',
                'hono',
                'hono/*',
                '@hono/*',
                ...nodeBuiltins,
              ],
              message: 'src/domain is pure TypeScript: no React, zustand, Hono or Node APIs.',
            },
          ],
        },
      ],
    },
  },
  // The browser bundle never carries Node APIs, and takes zod only as types (full zod is ~24 KB gzipped).
  {
    files: ['src/app/**', 'src/features/**', 'src/components/**', 'src/lib/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'Browser code cannot use Node APIs.' },
            {
              group: ['zod', 'zod/*'],
              allowTypeImports: true,
              message: 'Import zod types only in browser code.',
            },
            // These domain modules build zod schemas, or check data with them; their plain data
            // lives in zod-free modules.
            {
              group: [
                '**/domain/assignment-settings',
                '**/domain/*-schema',
                '**/domain/check-bank-data',
                '**/domain/describe-issues',
              ],
              allowTypeImports: true,
              message:
                'This domain module builds zod schemas: browser code imports its types only (values from assignment-choices.ts or field-limits.ts).',
            },
          ],
        },
      ],
    },
  },
  // The bank editor checks a draft as check:content does (checkBankData, with the bank format's
  // zod schemas). Only the teacher's editor loads this module, and lazily (a chunk of its own), so
  // no student page carries zod.
  {
    files: ['src/features/authoring/validate-draft-bank.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: nodeBuiltins, message: 'Browser code cannot use Node APIs.' }] },
      ],
    },
  },
);
