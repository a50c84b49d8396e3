import type { QuestionType } from '../question-kinds';
import type { QuestionResponse } from '../responses';
import { clozeType } from './cloze';
import { evidenceType } from './evidence';
import { judgementType } from './judgement';
import { matchType } from './match';
import { multipleType } from './multiple';
import { numericType } from './numeric';
import { orderType } from './order';
import type { AnswerType, QuestionTypeModule } from './question-type-module';
import { isAnswered, kindOfResponse } from './response-kinds';
import { shortType } from './short';
import { singleType } from './single';
import { twoPartType } from './two-part';

/**
 * Every question type's module, by type. The `satisfies` makes a missing or extra type a compile
 * error; the order is the order response shapes are tried in (and listed in the API document).
 */
export const QUESTION_TYPE_MODULES = {
  single: singleType,
  multiple: multipleType,
  judgement: judgementType,
  numeric: numericType,
  short: shortType,
  match: matchType,
  order: orderType,
  evidence: evidenceType,
  'two-part': twoPartType,
  cloze: clozeType,
} satisfies { [T in QuestionType]: QuestionTypeModule<T> };

/** The module of a type, usable with an item of any type (its methods take their own type's items). */
export function questionTypeModule(type: QuestionType): QuestionTypeModule<QuestionType> {
  return QUESTION_TYPE_MODULES[type];
}

export function answerTypeModule(type: AnswerType): QuestionTypeModule<AnswerType> {
  return QUESTION_TYPE_MODULES[type];
}

/** Every module, in the registry's order. */
export function listQuestionTypeModules(): QuestionTypeModule<QuestionType>[] {
  return Object.values(QUESTION_TYPE_MODULES);
}

/**
 * The module whose response shape `response` has (the first, in registry order, with one of its
 * fields), found without the question: drafts and saved answers are read this way.
 */
export function moduleOfResponse(
  response: QuestionResponse,
): QuestionTypeModule<QuestionType> | undefined {
  const kind = kindOfResponse(response);
  return kind && QUESTION_TYPE_MODULES[kind.type];
}

// The browser imports `isAnswered` from ./response-kinds, which bundles no module of this registry.
export { isAnswered };

/** Every response shape in words, for the API document: derived from the modules, never by hand. */
export function describeResponseShapes(): string {
  return listQuestionTypeModules()
    .map((module) => `${module.type} \`${module.responseShape}\``)
    .join(', ');
}
