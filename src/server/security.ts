import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { ApiError } from './errors';

/** Large enough for any answer (an essay-length short answer is a few KB), small enough to shrug off floods. */
export const MAX_BODY_BYTES = 64 * 1024;

function refuseTooLarge(): never {
  throw new ApiError(
    413,
    'payload-too-large',
    `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`,
  );
}

const limitStreamedBody = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: refuseTooLarge });

/**
 * Refuses bodies over `MAX_BODY_BYTES` with 413. A declared Content-Length is checked from the
 * header alone (Node's parser holds the body to it), which keeps @hono/node-server's fast body
 * reading; only bodies of unknown length are counted as they stream in.
 */
export const limitBodySize: MiddlewareHandler = async (c, next) => {
  const declaredLength = c.req.header('content-length');
  const chunked = c.req.header('transfer-encoding') !== undefined;
  if (declaredLength !== undefined && !chunked) {
    if (!/^\d+$/.test(declaredLength) || Number(declaredLength) > MAX_BODY_BYTES) refuseTooLarge();
    return next();
  }
  if (!chunked && (c.req.method === 'GET' || c.req.method === 'HEAD')) return next();
  return limitStreamedBody(c, next);
};

/**
 * Security headers for every response. The content security policy allows only this origin's own
 * scripts, styles, fonts and API: the React app ships as files with no inline script or style.
 * `data:` images are allowed for generated images such as QR codes.
 */
export const setSecurityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: 'no-referrer',
});
