import type { Article } from './article';
import { questionTypeModule } from './question-types/registry';
import { InvalidResponse } from './question-types/shared';
import type { ResolvedQuestion } from './resolved-bank';
import type { QuestionResponse } from './responses';

export { MAX_SHORT_ANSWER_LENGTH } from './question-types/shared';
export { isAnswered } from './question-types/response-kinds';

export type ResponseValidation =
  | { ok: true; response: QuestionResponse }
  | { ok: false; message: string; path: (string | number)[] };

/**
 * Checks an answer against its question before it is saved or scored, and returns a clean copy.
 * It must have the shape of the question type's response, with no other fields, and name only
 * what the question offers: known option, item and sentence ids, each at most once, an `order`
 * that lists every item, a `value` that is a finite number (never a string such as "76"). Two-part
 * parts are checked as responses of their own types, and either may be left out.
 */
export function validateResponse(
  question: ResolvedQuestion,
  response: unknown,
  article: Article,
): ResponseValidation {
  try {
    return {
      ok: true,
      response: questionTypeModule(question.type).validateResponse(question, response, {
        article,
        path: [],
      }),
    };
  } catch (error) {
    if (error instanceof InvalidResponse)
      return { ok: false, message: error.message, path: error.path };
    throw error;
  }
}
