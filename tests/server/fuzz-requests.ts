import fc from 'fast-check';
import { expect } from 'vitest';
import type { createApp } from '../../src/server/app';

/** Every method a fuzzed request may use instead of its route's own. */
export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Mostly well-formed values, so requests get past the first check; the rest anything at all. */
export function mostly<T>(usual: fc.Arbitrary<T>, unusual: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: usual, weight: 3 }, { arbitrary: unusual, weight: 1 });
}

/** A path segment: plain ids as they are, anything else percent-encoded. */
export function segment(id: string): string {
  return /^[\w.%-]+$/.test(id) ? id : encodeURIComponent(id);
}

export interface FuzzedRequest {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  body: RequestInit['body'];
}

/**
 * Sends one fuzzed request (headers that fetch cannot carry are left out, bodies only with
 * methods that take one) and checks the answer: never a 5xx, and every error in the API's error
 * shape. Returns the status.
 */
export async function expectHandled(
  app: ReturnType<typeof createApp>,
  { method, path, headers, body }: FuzzedRequest,
): Promise<number> {
  const response = await app.request(path, {
    method,
    headers: Object.fromEntries(
      Object.entries(headers).filter(
        (entry): entry is [string, string] =>
          entry[1] !== undefined && /^[\t\x20-\x7e]*$/.test(entry[1]),
      ),
    ),
    body: method === 'GET' || method === 'HEAD' ? undefined : body,
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(500);
  if (response.status >= 400 && method !== 'HEAD') {
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const error = (await response.json()) as { error: { code: unknown; message: unknown } };
    expect(typeof error.error.code).toBe('string');
    expect(typeof error.error.message).toBe('string');
  }
  return response.status;
}
