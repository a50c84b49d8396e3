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

  it.each([
    ['83%', '%', 83],
    ['83 %', '%', 83],
    ['1,200 km', 'km', 1200],
    ['1,200KM', 'km', 1200],
    ['1 day', 'days', 1],
    ['12 days', 'days', 12],
  ])('reads %j as a number when the unit is %j', (text, unit, value) => {
    expect(parseNumberInput(text, unit)).toEqual({ kind: 'number', value });
  });

  it.each([
    ['83 km', '%'],
    ['83%', undefined],
    ['83 % %', '%'],
    ['km', 'km'],
  ])(
    'does not take %j as a number with unit %j: only the question’s own unit may follow',
    (text, unit) => {
      const parsed = parseNumberInput(text, unit);
      expect(parsed.kind).toBe('invalid');
    },
  );

  it('says the unit may be typed when another word follows the number', () => {
    expect(parseNumberInput('30 dollars', 'drones')).toEqual({
      kind: 'invalid',
      message: 'Type just the number, like 30, or the number and drones.',
    });
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
