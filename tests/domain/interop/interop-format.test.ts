import { describe, expect, it } from 'vitest';
import {
  countNotedQuestions,
  notedQuestion,
  type InteropNote,
} from '../../../src/domain/interop/interop-format';

const quizWide: InteropNote = { kind: 'lossy', message: 'QTI has no place for skills.' };

describe('countNotedQuestions', () => {
  it('counts each question once, and a note about the whole quiz as no question', () => {
    const notes: InteropNote[] = [
      quizWide,
      { kind: 'lossy', questionId: 'q1', message: 'No partial credit.' },
      { kind: 'lossy', questionId: 'q1', message: 'No feedback.' },
      { kind: 'skipped', questionId: 'q2', message: 'Left out.' },
    ];
    expect(countNotedQuestions(notes)).toBe(2);
    expect(countNotedQuestions([quizWide])).toBe(0);
  });

  it("counts an import's questions by name, or by file and line when they have no name", () => {
    const notes: InteropNote[] = [
      { kind: 'unsupported', name: 'Essay 1', line: 4, message: 'An essay.' },
      { kind: 'invalid', file: 'a.xml', line: 9, message: 'Cannot be read.' },
      { kind: 'invalid', file: 'b.xml', line: 9, message: 'Cannot be read.' },
      { kind: 'invalid', file: 'b.xml', message: 'The file is empty.' },
    ];
    expect(countNotedQuestions(notes)).toBe(3);
    expect(notedQuestion(notes[3] ?? quizWide)).toBeUndefined();
  });
});
