import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../http/errors';
import { AUTHORING_LIMITS } from './authored-content';

/** An upload of the largest file allowed, with room for the multipart envelope around it. */
const MAX_AUTHORING_BODY_BYTES = AUTHORING_LIMITS.uploadBytes + 64 * 1024;

/** Whether a request is to the authoring API, whose bodies are whole articles, files and zips. */
export function isAuthoringPath(path: string): boolean {
  return /^\/api\/teacher\/(articles|banks)(\/|$)/.test(path);
}

/** Refuses authoring bodies over the upload limit with 413, as the other routes refuse theirs. */
export const limitAuthoringBodySize: MiddlewareHandler = bodyLimit({
  maxSize: MAX_AUTHORING_BODY_BYTES,
  onError: () => {
    throw new ApiError(
      413,
      'payload-too-large',
      `The request is larger than ${AUTHORING_LIMITS.uploadBytes / 1024 / 1024} MB, the most a file can be.`,
    );
  },
});
