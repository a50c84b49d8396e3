import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GiftAnswer, GiftQuestion } from '../../../../src/domain/interop/gift/gift-model';
import { parseGift } from '../../../../src/domain/interop/gift/gift-parser';
import {
  escapeGift,
  formatGiftNumber,
  markdownToText,
  unescapeGift,
} from '../../../../src/domain/interop/gift/gift-text';
import { writeGiftQuestion } from '../../../../src/domain/interop/gift/gift-writer';

describe('escapeGift', () => {
  it('is undone by unescapeGift for any text', () => {
    fc.assert(
      fc.property(
        fc.string(),
        (text) => unescapeGift(escapeGift(text)) === text.replace(/\r\n/g, '\n'),
      ),
    );
  });

  it('leaves no special character unescaped', () => {
    expect(escapeGift('a~b=c#d{e}f:g\\h\ni')).toBe('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni');
  });
});

describe('formatGiftNumber', () => {
  it('writes every number as digits, never with an exponent', () => {
    expect(formatGiftNumber(1e21)).toBe('1000000000000000000000');
    expect(formatGiftNumber(1e-7)).toBe('0.0000001');
    expect(formatGiftNumber(-2.5)).toBe('-2.5');
  });
});

describe('markdownToText', () => {
  it.each([
    ['**Bold**, *it*, _under_ and `code`', 'Bold, it, under and code'],
    ['## A heading\n- an item', 'A heading\nan item'],
    ['A [link](http://example.com) and ![an image](x.png)', 'A link and an image'],
    ['snake_case stays', 'snake_case stays'],
  ])('reads %j as %j', (markdown, text) => {
    expect(markdownToText(markdown)).toBe(text);
  });
});

/** Texts as GIFT keeps them: trimmed, spaces single, with every special character GIFT has. */
const text = fc
  .string({
    unit: fc.constantFrom(
      'a',
      'B',
      ' ',
      '~',
      '=',
      '#',
      '{',
      '}',
      ':',
      '\\',
      '-',
      '>',
      '%',
      '[',
      'é',
    ),
    minLength: 1,
  })
  .map((value) => value.replace(/\s+/g, ' ').trim())
  // A choice that starts with % or [ would read as a weight or a format, and -> makes a matching
  // question: GIFT has no escape for them, and Readproof's exporter never writes them there.
  .filter((value) => value !== '' && !/^[%[]/.test(value) && !value.includes('->'));

const answer: fc.Arbitrary<GiftAnswer> = fc.oneof(
  fc.record({
    kind: fc.constant('choice' as const),
    choices: fc
      .array(
        fc.record(
          {
            correct: fc.boolean(),
            weight: fc.integer({ min: -100, max: 100 }),
            text,
            feedback: text,
          },
          { requiredKeys: ['correct', 'text'] },
        ),
        { minLength: 1, maxLength: 5 },
      )
      .filter((choices) => choices.some((choice) => !choice.correct)),
  }),
  fc.record({
    kind: fc.constant('short' as const),
    answers: fc.array(
      fc.record(
        { correct: fc.constant(true), text, feedback: text },
        { requiredKeys: ['correct', 'text'] },
      ),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  fc.record({
    kind: fc.constant('numeric' as const),
    answers: fc.array(
      fc.record(
        {
          value: fc.integer({ min: -100000, max: 100000 }).map((value) => value / 100),
          tolerance: fc.integer({ min: 0, max: 1000 }).map((value) => value / 10),
          weight: fc.integer({ min: 1, max: 100 }),
          feedback: text,
        },
        { requiredKeys: ['value', 'tolerance'] },
      ),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  fc.record({
    kind: fc.constant('match' as const),
    pairs: fc.array(fc.record({ left: text, right: text }), { minLength: 1, maxLength: 4 }),
  }),
  fc.record(
    {
      kind: fc.constant('true-false' as const),
      value: fc.boolean(),
      wrongFeedback: text,
      rightFeedback: text,
    },
    { requiredKeys: ['kind', 'value'] },
  ),
  fc.constant({ kind: 'essay' as const }),
);

const question: fc.Arbitrary<GiftQuestion> = fc.record(
  { title: text, stem: text, answer, generalFeedback: text, comments: fc.constant([]) },
  { requiredKeys: ['stem', 'answer', 'comments'] },
);

describe('writeGiftQuestion and parseGift', () => {
  it('read back every question written, whatever its texts', () => {
    fc.assert(
      fc.property(question, (written) => {
        const entries = parseGift(writeGiftQuestion(written));
        expect(entries).toEqual([{ kind: 'question', question: { ...written, line: 1 } }]);
      }),
    );
  });
});
