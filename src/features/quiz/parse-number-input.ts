export type NumberInput =
  { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid'; message: string };

const NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d{1,2}$/;

/**
 * Reads what a student typed in a number field. Digits with an optional sign, decimal point and
 * thousands commas ("1,200") are numbers; anything else gets a message that says what to change.
 */
export function parseNumberInput(raw: string): NumberInput {
  const text = raw.trim().replace(/\u2212/g, '-');
  if (text === '') return { kind: 'empty' };
  if (NUMBER.test(text) && /\d/.test(text)) {
    return { kind: 'number', value: Number(text.replace(/,/g, '')) };
  }
  if (DECIMAL_COMMA.test(text)) {
    return { kind: 'invalid', message: 'Use a point for decimals: 2.5, not 2,5.' };
  }
  if (!/\d/.test(text)) {
    return { kind: 'invalid', message: 'Type the number in digits, like 30, not in words.' };
  }
  if (/\p{L}|%/u.test(text)) {
    return {
      kind: 'invalid',
      message: 'Type only the number, without words or units: the unit is shown after the box.',
    };
  }
  return { kind: 'invalid', message: 'That is not one number. Type digits only, like 30 or 2.5.' };
}
