import { hc } from 'hono/client';
// A type only: the browser bundle never contains server code, it borrows the routes' types.
import type { AppType } from '../server/app';
import { send } from './api-client';

/**
 * Starting a teacher's preview of their own quiz (behind the session cookie). Only the teacher's
 * bank editor imports it; the preview then runs on the student's API (`api-client.ts`).
 */
export function createPreviewApiClient(fetchImpl: typeof fetch = (...args) => fetch(...args)) {
  const { api } = hc<AppType>(
    typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
    { fetch: fetchImpl },
  );
  const bank = api.teacher.banks[':bankId'];
  return {
    /** The whole quiz, or the one question `questionId`, as a new preview attempt. */
    startPreview: (bankId: string, questionId?: string) =>
      send(() =>
        bank.preview.$post({
          param: { bankId },
          json: questionId === undefined ? {} : { questionId },
        }),
      ),
  };
}

export const previewApi = createPreviewApiClient();

/** A started preview: the attempt with its token, and which version of the quiz it shows. */
export type StartedPreview = Awaited<ReturnType<typeof previewApi.startPreview>>;
