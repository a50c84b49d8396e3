import { z, type Hook } from '@hono/zod-openapi';
import type { Context, Env } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { describeIssue } from '../../domain/plain-issues';
import { formatCount } from '../../domain/plural';
import { describeStorageFailure, isStorageFailure } from '../db/database';

// Every schema's issues without a message of their own are worded for people, in one place: a
// form shows them next to the field as they come ("The name can be at most 100 characters long").
z.config({ customError: describeIssue });

/** Every error the API sends: `{ error: { code, message, details? } }`. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'not-found' }),
      message: z.string().openapi({ example: 'There is no attempt with this id.' }),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export type ErrorBody = z.infer<typeof errorSchema>;

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/** An expected refusal: thrown from a handler, answered by `handleError` with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The OpenAPI description of an error response, for `createRoute`'s `responses`. */
export function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: errorSchema } } } as const;
}

function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

const codeByStatus: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  416: 'range-not-satisfiable',
  422: 'unprocessable',
  429: 'too-many-requests',
};

const targetNames: Record<string, string> = {
  json: 'body',
  param: 'path',
  query: 'query string',
  header: 'headers',
};

/**
 * The `defaultHook` of every router: a body or parameter that fails its zod schema is a 400 that
 * lists each issue with its path.
 */
export function validationHook<E extends Env>(
  result: Parameters<Hook<unknown, E, string, unknown>>[0],
  c: Context<E>,
): Response | undefined {
  if (result.success) return undefined;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issue.message,
  }));
  const first = issues[0];
  const where = targetNames[result.target] ?? result.target;
  // The issue's message names its field in words; `details.issues` keeps the exact path.
  const more = issues.length > 1 ? ` (${formatCount(issues.length - 1, 'more problem')})` : '';
  const message = first ? `${first.message}${more}` : `The request ${where} is invalid.`;
  return c.json(errorBody('invalid-request', message, { target: where, issues }), 400);
}

/**
 * `app.onError`: expected refusals keep their status; anything else is logged and answered with a
 * plain 500 that carries no stack or internals.
 */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof ApiError) {
    return c.json(errorBody(error.code, error.message, error.details), error.status);
  }
  if (error instanceof HTTPException && error.status < 500) {
    const status = error.status as ContentfulStatusCode;
    const response = error.getResponse();
    const message = error.message || response.statusText || 'The request was refused.';
    for (const [name, value] of response.headers) {
      if (name.toLowerCase() !== 'content-type') c.header(name, value);
    }
    return c.json(errorBody(codeByStatus[status] ?? 'bad-request', message), status);
  }
  if (isStorageFailure(error)) {
    // The cause in one line for whoever runs the server; the client learns it is not its fault.
    console.error(`The database cannot be written: ${describeStorageFailure(error)}`);
    return c.json(
      errorBody(
        'storage-unavailable',
        'The server cannot save anything right now (its storage is full or read-only), so nothing was saved. Try again in a few minutes.',
      ),
      503,
    );
  }
  console.error(error);
  return c.json(errorBody('internal-error', 'Something went wrong on the server; try again.'), 500);
}

/** `app.notFound` for API paths: the same error shape as every other refusal. */
export function handleNotFound(c: Context): Response {
  return c.json(
    errorBody('not-found', `There is no ${c.req.method} ${c.req.path} in this API.`),
    404,
  );
}
