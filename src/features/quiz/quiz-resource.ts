import { api } from '../../lib/api-client';
import {
  quizCopyStorageKey,
  readDraftHighlights,
  readDraftResponses,
} from '../../lib/attempt-records';
import { loadWithDeviceCopy } from '../../lib/device-copy';
import type { ResourceRequest } from '../../lib/use-resource';

/**
 * The quiz page's data: the attempt as the server has it, its article and the quiz's title. A
 * copy stays on this device so that a reload while offline still opens the quiz.
 */
export function quizResource(attemptId: string, token: string) {
  return {
    key: `attempt:${attemptId}`,
    load: () =>
      loadWithDeviceCopy(
        quizCopyStorageKey(attemptId),
        async () => {
          const [attempt, article] = await Promise.all([
            api.getAttempt(attemptId, token),
            api.getAttemptArticle(attemptId, token),
          ]);
          return { attempt, article, title: attempt.bankTitle };
        },
        // The copy's answers are as old as the copy: the draft has every answer saved since, so
        // it stands in for the server's (times unknown, so nothing unsent is taken for older).
        (copy) => ({
          ...copy,
          attempt: {
            ...copy.attempt,
            responses: readDraftResponses(attemptId),
            savedAt: {},
            highlights: readDraftHighlights(attemptId),
            highlightsSavedAt: {},
          },
        }),
      ),
  } satisfies ResourceRequest<unknown>;
}
