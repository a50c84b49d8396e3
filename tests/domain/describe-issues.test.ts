import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../src/domain/describe-issues';
import { questionSchema } from '../../src/domain/question-schema';

const numeric = {
  id: 'drones',
  type: 'numeric',
  prompt: 'How many drones?',
  answer: 76,
  skill: 'numeracy',
  difficulty: 1,
  explanation: 'The article says 76.',
  evidence: ['63 of 76'],
};

/** The messages `describeIssues` gives for a question, by the path each points to. */
function describeQuestion(question: unknown, at: (string | number)[] = []) {
  const parsed = questionSchema.safeParse(question);
  if (parsed.success) return [];
  return describeIssues(questionSchema, question, parsed.error.issues, at);
}

describe('describeIssues', () => {
  it('names an unknown question type, the types there are, and the likely one', () => {
    expect(describeQuestion({ ...numeric, type: 'numerc' })).toEqual([
      {
        path: ['type'],
        target: 'value',
        message: expect.stringMatching(
          /^Unknown type "numerc"\. Use one of: single, multiple, .*\. Did you mean "numeric"\?$/,
        ),
      },
    ]);
  });

  it('says what to do for a question with no evidence, as an imported one arrives', () => {
    expect(describeQuestion({ ...numeric, evidence: [] })).toEqual([
      expect.objectContaining({
        path: ['evidence'],
        message: expect.stringMatching(
          /^Needs evidence: choose the sentences of the article that prove the answer/,
        ),
      }),
    ]);
  });

  it('asks for a missing type', () => {
    const untyped: Record<string, unknown> = { ...numeric };
    delete untyped.type;
    expect(describeQuestion(untyped)).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Missing "type"\. Add it: one of/),
      }),
    ]);
  });

  it('explains a missing claim by what a claim is, not by the word again', () => {
    const evidence = {
      id: 'prove-it',
      type: 'evidence',
      prompt: 'Select the sentence that proves the claim.',
      skill: 'literal',
      difficulty: 1,
      explanation: 'The article says so.',
      evidence: ['the bridge'],
    };
    expect(describeQuestion(evidence)).toEqual([
      expect.objectContaining({
        path: ['claim'],
        message: expect.stringMatching(
          /^Missing "claim" \(the statement the student backs up by choosing sentences of the article, such as ".+"; .*\)\. Add it here\.$/,
        ),
      }),
    ]);
  });

  it('asks for a missing enum field with its allowed values', () => {
    const unskilled: Record<string, unknown> = { ...numeric };
    delete unskilled.skill;
    expect(describeQuestion(unskilled)).toEqual([
      expect.objectContaining({
        path: ['skill'],
        message: expect.stringMatching(/^Missing "skill"\. Add it: one of literal, /),
      }),
    ]);
  });

  it('lists the allowed values of an enum and suggests the nearest', () => {
    expect(describeQuestion({ ...numeric, skill: 'numeracey' })).toEqual([
      expect.objectContaining({
        path: ['skill'],
        message: expect.stringMatching(
          /^"skill" is "numeracey"; use one of: literal, .*Did you mean "numeracy"\?$/,
        ),
      }),
    ]);
  });

  it('explains that a bare true is a YAML boolean, not the judgement "true"', () => {
    const messages = describeQuestion({
      ...numeric,
      type: 'judgement',
      statement: 'Ukraine shot down every drone.',
      answer: true,
      feedback: {},
    }).map((issue) => issue.message);
    expect(messages).toContainEqual(expect.stringMatching(/Put it in quotes \("true"\)/));
  });

  it('asks to unquote a number written as text', () => {
    expect(describeQuestion({ ...numeric, answer: '76' })).toEqual([
      expect.objectContaining({
        message:
          '"answer" should be a number, not the text "76". Remove the quotes around the number.',
      }),
    ]);
  });

  it('says what an evidence quote may be', () => {
    expect(describeQuestion({ ...numeric, evidence: [76] })).toEqual([
      expect.objectContaining({
        path: ['evidence', 0],
        message:
          'Item 1 of "evidence" should be text, or a mapping with "quote" and "after", not 76.',
      }),
    ]);
  });

  it('gives paths from the file root and names list items by their place in it', () => {
    expect(describeQuestion('just text', ['questions', 3])).toEqual([
      {
        path: ['questions', 3],
        target: 'value',
        message: expect.stringMatching(/^Item 4 of "questions" should be a mapping/),
      },
    ]);
  });

  it('points an unknown field at its key, with the fields allowed there', () => {
    expect(describeQuestion({ ...numeric, tolerence: 1 })).toEqual([
      {
        path: ['tolerence'],
        target: 'key',
        message: expect.stringMatching(
          /^Unknown field "tolerence"\. Did you mean "tolerance"\? Fields allowed here: .*unit/,
        ),
      },
    ]);
  });
});
