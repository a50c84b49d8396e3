import { describe, expect, it } from 'vitest';
import { correctResponseOf } from '../../src/domain/answer-key';
import { responseSchema } from '../../src/domain/response-schema';
import { fixtureBank } from './fixtures/engine-questions';

describe('responseSchema', () => {
  it.each(
    fixtureBank.questions.map((question) => [question.id, correctResponseOf(question)] as const),
  )('parses the key of %s unchanged', (_id, response) => {
    expect(responseSchema.parse(JSON.parse(JSON.stringify(response)))).toEqual(response);
  });

  it.each([
    ['a number as a string', { value: '76' }],
    ['a number that is not finite', { value: Number.POSITIVE_INFINITY }],
    ['an unknown field', { choice: 'a', correct: true }],
    ['an empty id', { choice: '' }],
    ['ids that are not strings', { choices: [1, 2] }],
    ['too many ids', { sentences: Array.from({ length: 201 }, (_, index) => `p${index}.s1`) }],
    ['a text too long', { text: 'x'.repeat(501) }],
    ['pairs that are a list', { pairs: ['a', 'b'] }],
    ['a match question part', { partA: { pairs: { a: 'b' } } }],
    ['an evidence Part A', { partA: { sentences: ['p1.s1'] } }],
    ['gaps that are a list', { gaps: ['Kurchatov'] }],
    ['a gap answer that is not a string', { gaps: { city: 1 } }],
    ['a gap answer too long', { gaps: { plant: 'x'.repeat(501) } }],
    [
      'too many gaps',
      { gaps: Object.fromEntries(Array.from({ length: 201 }, (_, index) => [`g${index}`, 'x'])) },
    ],
    ['a string', 'a'],
    ['null', null],
  ])('refuses %s', (_name, body) => {
    expect(responseSchema.safeParse(body).success).toBe(false);
  });
});
