import { resolve } from 'node:path';
import { loadContent, type LoadedContent } from '../../src/content/load-content';
import type { PublicPartA, PublicPartB, PublicQuestion } from '../../src/domain/public-question';
import { createApp, type AppOptions } from '../../src/server/app';
import type { AppDatabase } from '../../src/server/db/database';
import { openTestDatabase } from './support/test-database';

export const QUESTIONS_DIR = resolve(import.meta.dirname, '../../questions');

let shipped: Promise<LoadedContent> | undefined;

/** The content in questions/, loaded once per test file. */
export function loadShippedContent(): Promise<LoadedContent> {
  shipped ??= loadContent(QUESTIONS_DIR);
  return shipped;
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: AppDatabase;
  content: LoadedContent;
}

/** The app over a fresh empty database (SQLite in memory, or PostgreSQL) and the shipped content. */
export async function createTestApp(options: Partial<AppOptions> = {}): Promise<TestApp> {
  const content = options.content ?? (await loadShippedContent());
  const db = options.db ?? (await openTestDatabase());
  return { app: createApp({ ...options, db, content }), db, content };
}

export function jsonRequest(method: string, body: unknown, token?: string): RequestInit {
  return {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  };
}

export function withToken(token: string, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } };
}

export interface StartedAttempt {
  attemptId: string;
  token: string;
  bankId: string;
  questions: PublicQuestion[];
}

/** Starts an attempt at `bankId` (the first shipped bank by default) through the API. */
export async function startAttempt(
  { app, content }: TestApp,
  bankId?: string,
): Promise<StartedAttempt> {
  bankId ??= [...content.banks.values()][0]?.bank.id;
  const response = await app.request('/api/attempts', jsonRequest('POST', { bankId }));
  if (response.status !== 201) throw new Error(`Could not start an attempt: ${response.status}`);
  return (await response.json()) as StartedAttempt;
}

/** The shipped banks' ids, for tests that go through every bank. */
export async function listShippedBankIds(): Promise<string[]> {
  const content = await loadShippedContent();
  return [...content.banks.values()].map((loaded) => loaded.bank.id);
}

/**
 * A well-formed answer to a question, built only from what the student sees; `variant` picks
 * another option, pairing, order or value, so successive variants differ. Right or wrong does not
 * matter to the tests that use it.
 */
export function buildSomeResponse(
  question: PublicQuestion | PublicPartA | PublicPartB,
  variant = 0,
): unknown {
  const pick = <T>(items: readonly T[]): T | undefined => items[variant % items.length];
  switch (question.type) {
    case 'single':
      return { choice: pick(question.options)?.id };
    case 'multiple':
      return { choices: [pick(question.options)?.id] };
    case 'judgement':
      return { choice: pick(question.choices) };
    case 'numeric':
      return { value: variant + 1 };
    case 'short':
      return { text: `answer ${variant + 1}` };
    case 'match':
      return { pairs: { [question.left[0]?.id ?? '']: pick(question.right)?.id } };
    case 'order': {
      const ids = question.items.map((item) => item.id);
      const shift = variant % ids.length;
      return { order: [...ids.slice(shift), ...ids.slice(0, shift)] };
    }
    case 'evidence':
      return { sentences: [`p${(variant % 5) + 1}.s1`] };
    case 'two-part':
      return {
        partA: buildSomeResponse(question.partA, variant),
        partB: buildSomeResponse(question.partB, variant),
      };
    case 'cloze':
      return {
        gaps: Object.fromEntries(
          question.segments.flatMap((segment) =>
            segment.kind === 'gap'
              ? [[segment.gapId, segment.choices ? pick(segment.choices) : `answer ${variant + 1}`]]
              : [],
          ),
        ),
      };
  }
}
