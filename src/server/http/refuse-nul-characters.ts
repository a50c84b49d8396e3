import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors';

/** Where in a JSON value a string holds U+0000, as a path (`note`, `names[3]`); undefined if none. */
function findNulCharacter(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulCharacter(item, `${path}[${index}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const found = findNulCharacter(item, path === '' ? key : `${path}.${key}`);
      if (found !== undefined) return found;
      // A key of an object is text too (a map of answers by question id).
      if (key.includes('\u0000')) return path === '' ? 'a field name' : path;
    }
  }
  return undefined;
}

/**
 * Refuses (400) a request whose address or JSON body holds the character U+0000. No person types
 * it, and PostgreSQL cannot store it in text (SQLite can), so without this the same request
 * would be stored on one database and fail with a 500 on the other. The body is parsed here once
 * and Hono keeps the parsed value for the route's own validation.
 */
export const refuseNulCharacters: MiddlewareHandler = async (c, next) => {
  if (/%00/.test(c.req.url)) {
    throw new ApiError(
      400,
      'invalid-text',
      'The address holds the character U+0000 (%00), which no name or id contains.',
    );
  }
  if (c.req.header('content-type')?.toLowerCase().startsWith('application/json')) {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      // Malformed JSON: the route's validation answers it with its own message.
      return next();
    }
    const field = findNulCharacter(body, '');
    if (field !== undefined) {
      throw new ApiError(
        400,
        'invalid-text',
        `${field === '' ? 'The text' : `“${field}”`} holds the character U+0000, which cannot be saved: remove it and send again.`,
        { field },
      );
    }
  }
  return next();
};
