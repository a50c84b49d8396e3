import { describe, expect, it } from 'vitest';
import { parseNumberInput } from '../../../src/features/quiz/parse-number-input';

describe('reading a number field', () => {
  it.each([
    ['30', 30],
    [' 2.5 ', 2.5],
    ['-4', -4],
    ['−4', -4],
    ['+7', 7],
    ['.5', 0.5],
    ['1,200', 1200],
    ['1,200,000.75', 1200000.75],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumberInput(text)).toEqual({ kind: 'number', value });
  });

  it('treats blank as empty', () => {
    expect(parseNumberInput('   ')).toEqual({ kind: 'empty' });
  });

  it.each([
    ['2,5', /point for decimals/],
    ['thirty', /in digits/],
    ['30 drones', /without words or units/],
    ['40%', /without words or units/],
    ['1.2.3', /not one number/],
    ['12,34,5', /not one number/],
    ['-', /in digits/],
  ])('explains what is wrong with %j', (text, message) => {
    const parsed = parseNumberInput(text);
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' && parsed.message).toMatch(message);
  });
});
