import { describe, expect, it } from 'vitest';
import { QUESTION_TYPE_MODULES } from '../../../src/domain/question-types/registry';
import { RESPONSE_DESCRIPTIONS } from '../../../src/domain/question-types/response-descriptions';
import { RESPONSE_KINDS } from '../../../src/domain/question-types/response-kinds';

/**
 * The quiz counts answered questions with `response-kinds.ts`, and the review describes answers
 * with `response-descriptions.ts`, neither of which bundles a scorer; the modules the server uses
 * must say the same, and try response shapes in the same order.
 */
describe('response kinds and descriptions, apart from the question-type registry', () => {
  it('list every type in the registry’s order', () => {
    expect(Object.keys(RESPONSE_KINDS)).toEqual(Object.keys(QUESTION_TYPE_MODULES));
  });

  it('are what each module uses', () => {
    for (const [type, module] of Object.entries(QUESTION_TYPE_MODULES)) {
      const kind = RESPONSE_KINDS[type as keyof typeof RESPONSE_KINDS];
      expect(module.responseKeys, type).toBe(kind.responseKeys);
      expect(module.isAnswered, type).toBe(kind.isAnswered);
      expect(module.describeResponse, type).toBe(
        RESPONSE_DESCRIPTIONS[type as keyof typeof RESPONSE_DESCRIPTIONS],
      );
    }
  });
});
