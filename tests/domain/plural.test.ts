import { describe, expect, it } from 'vitest';
import { formatOrdinal, formatQuantity } from '../../src/domain/number-words';
import { agreeWith, formatCount } from '../../src/domain/plural';

describe('formatCount', () => {
  it('puts the noun in the number of its count', () => {
    expect(formatCount(1, 'day')).toBe('1 day');
    expect(formatCount(0, 'attempt')).toBe('0 attempts');
    expect(formatCount(2, 'attempt')).toBe('2 attempts');
    expect(formatCount(1.5, 'point')).toBe('1.5 points');
    expect(formatCount(3, 'child', 'children')).toBe('3 children');
  });
});

describe('agreeWith', () => {
  it('picks the verb that agrees with the count', () => {
    expect(`1 of 15 questions ${agreeWith(1, 'has', 'have')} no answer`).toBe(
      '1 of 15 questions has no answer',
    );
    expect(agreeWith(3, 'has', 'have')).toBe('have');
  });
});

describe('formatOrdinal', () => {
  it('gives English ordinals, teens included', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(formatOrdinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
    ]);
  });
});

describe('formatQuantity', () => {
  it('writes a bank’s plural unit in the singular after 1, and symbols without a space', () => {
    expect(formatQuantity(1, 'days')).toBe('1 day');
    expect(formatQuantity(30, 'days')).toBe('30 days');
    expect(formatQuantity(83, '%')).toBe('83%');
    expect(formatQuantity(1, 'mass')).toBe('1 mass');
    expect(formatQuantity(2.5, undefined)).toBe('2.5');
  });
});
