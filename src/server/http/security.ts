import { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { isHttpsRequest, type ProxyTrust } from './request-origin';
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
  if (!chunked && (c.req.method === 'GET' || c.req.method === 'HEAD' || isHttp1Request(c))) {
    return next();
  }
  return limitStreamedBody(c, next);
};

/**
 * Whether the request came through Node's HTTP/1.1 parser (@hono/node-server passes its
 * `incoming` message as the environment), which gives a request without Content-Length or
 * Transfer-Encoding no body at all (RFC 9112, section 6.3), such as a submit's bare POST.
 * Counting such a body as a stream built a whole Request, an AbortSignal and a web stream over the
 * socket for nothing: a tenth of a submit's time (issue 16). A Request built in the process (the
 * tests' `app.request`) may stream a body without either header, so it is counted.
 */
function isHttp1Request(c: Context): boolean {
  const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
  return incoming instanceof IncomingMessage && incoming.httpVersionMajor === 1;
}

/** One year, and the subdomains too: a school's quiz host serves nothing over plain HTTP. */
const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/**
 * Security headers for every response. The content security policy allows only this origin's own
 * scripts, styles, fonts and API: the React app ships as files with no inline script or style.
 * `data:` images are allowed for generated images such as QR codes. No page may be framed:
 * `frame-ancestors 'none'`, and `X-Frame-Options: DENY` saying the same to browsers that predate
 * it. HSTS only over HTTPS (RFC 6797 has browsers ignore it over HTTP, and a plain-HTTP install
 * on a school LAN must not claim HTTPS).
 */
export function createSecurityHeaders(trust: ProxyTrust): MiddlewareHandler {
  const headers = secureHeaders({
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
    xFrameOptions: 'DENY',
    strictTransportSecurity: false,
  });
  return async (c, next) => {
    await headers(c, next);
    if (isHttpsRequest(c, trust)) {
      c.res.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    }
  };
}

/**
 * The API answers that are the same for everyone and carry no secret: published articles and
 * quizzes (without keys) and the API's description. Every other answer may carry a session, an
 * attempt's token, a student's answers, a review or a name, so none may be kept by any cache.
 */
const PUBLIC_API_PATH = /^\/api\/(articles|banks|openapi\.json)(\/|$)/;

/** `Cache-Control: no-store` on every API response but the public ones, errors included. */
export const keepApiResponsesOutOfCaches: MiddlewareHandler = async (c, next) => {
  await next();
  if (!PUBLIC_API_PATH.test(c.req.path)) c.res.headers.set('Cache-Control', 'no-store');
};
