import { describe, expect, it } from 'vitest';
import {
  describeQuestionNumbers,
  describeSentenceHeat,
  heatLevelOf,
} from '../../../src/features/teacher/statistics-labels';

describe('the heat map’s words and shades', () => {
  it('names one question or several', () => {
    expect(describeQuestionNumbers([3])).toBe('question 3');
    expect(describeQuestionNumbers([1, 2])).toBe('questions 1 and 2');
    expect(describeQuestionNumbers([1, 4, 5])).toBe('questions 1, 4 and 5');
  });

  it('says a sentence’s counts out of the class', () => {
    const sentence = { id: 'p1.s1', text: 'A.', studentCount: 1, questionNumbers: [] };
    expect(describeSentenceHeat(sentence, 1)).toBe('1 of 1 student highlighted it');
    expect(describeSentenceHeat({ ...sentence, studentCount: 0, questionNumbers: [2, 7] }, 5)).toBe(
      'nobody highlighted it · evidence for questions 2 and 7',
    );
  });

  it('shades by quarters of the class, so one student in thirty stays pale', () => {
    expect([0, 1, 7, 8, 15, 16, 22, 23, 30].map((count) => heatLevelOf(count, 30))).toEqual([
      0, 1, 1, 2, 2, 3, 3, 4, 4,
    ]);
    expect(heatLevelOf(0, 0)).toBe(0);
  });
});
