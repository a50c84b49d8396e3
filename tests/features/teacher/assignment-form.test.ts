import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ASSIGNMENT_DEFAULTS } from '../../../src/domain/assignment-choices';
import { assignmentSettingsSchema } from '../../../src/domain/assignment-settings';
import {
  checkAssignmentForm,
  FIELD_IDS,
  initialAssignmentValues,
  type AssignmentFormValues,
} from '../../../src/features/teacher/assignment-form';

const NOW = new Date('2030-03-02T09:00:00');
const BANK_QUESTIONS = ['q1', 'q2', 'q3'];

function check(changes: Partial<AssignmentFormValues>) {
  return checkAssignmentForm(
    {
      ...initialAssignmentValues(NOW),
      bankId: 'bank',
      title: 'Test',
      reviewWhen: 'immediately',
      ...changes,
    },
    { now: NOW, bankQuestionIds: BANK_QUESTIONS },
  );
}

function problemAt(result: ReturnType<typeof check>, fieldId: string): string | undefined {
  return result.ok ? undefined : result.problems.find((p) => p.fieldId === fieldId)?.message;
}

describe('checking the new-assignment form', () => {
  it('builds the request with the defaults: every question, shuffled, one attempt, opening now', () => {
    const result = check({});
    expect(result).toEqual({
      ok: true,
      request: {
        bankId: 'bank',
        title: 'Test',
        opensAt: NOW.toISOString(),
        ...ASSIGNMENT_DEFAULTS,
        reviewPolicy: { when: 'immediately', show: 'full' },
      },
    });
  });

  it('accepts its own defaults: after the due time with none means after closing', () => {
    const { reviewWhen, dueAt } = initialAssignmentValues(NOW);
    expect({ reviewWhen, dueAt }).toEqual({ reviewWhen: 'after-due', dueAt: '' });
    const result = check({ reviewWhen });
    expect(result.ok && result.request).toMatchObject({
      dueAt: null,
      reviewPolicy: { when: 'after-due', show: 'full' },
    });
  });

  it('sends from a blank form what the settings schema takes, with the domain’s defaults', () => {
    const result = checkAssignmentForm(
      { ...initialAssignmentValues(NOW), bankId: 'bank', title: 'Test' },
      { now: NOW, bankQuestionIds: BANK_QUESTIONS },
    );
    if (!result.ok) throw new Error('The blank form was refused.');
    const parsed = assignmentSettingsSchema
      .omit({ questionIds: true })
      .extend({ bankId: z.literal('bank') })
      .strict()
      .parse(result.request);
    expect(parsed).toEqual({
      ...ASSIGNMENT_DEFAULTS,
      bankId: 'bank',
      title: 'Test',
      opensAt: NOW.toISOString(),
    });
  });

  it('lists a chosen subset in bank order, and unlimited attempts as null', () => {
    const result = check({
      questionScope: 'some',
      questionIds: ['q3', 'q1'],
      attemptsAllowed: 'unlimited',
    });
    expect(result.ok && result.request.questionIds).toEqual(['q1', 'q3']);
    expect(result.ok && result.request.attemptsAllowed).toBeNull();
  });

  it('wants a due time after the opening time and not already past', () => {
    expect(problemAt(check({ dueAt: '2030-03-02T08:00' }), FIELD_IDS.dueAt)).toBe(
      'The due time must come after the opening time.',
    );
    expect(
      problemAt(check({ opensAt: '2030-03-01T08:00', dueAt: '2030-03-01T09:00' }), FIELD_IDS.dueAt),
    ).toBe('This due time has passed: choose a later one.');
    expect(check({ dueAt: '2030-03-02T10:00' }).ok).toBe(true);
  });

  it('takes a time limit of 1 to 1440 whole minutes, or none', () => {
    for (const bad of ['0', '1441', '2.5', 'ten']) {
      expect(problemAt(check({ timeLimitMinutes: bad }), FIELD_IDS.timeLimitMinutes)).toMatch(
        /whole number of minutes from 1 to 1440/,
      );
    }
    const result = check({ timeLimitMinutes: ' 45 ' });
    expect(result.ok && result.request.timeLimitMinutes).toBe(45);
  });

  it('ignores empty extra-time rows and keeps the others by name', () => {
    const result = check({
      timeLimitMinutes: '10',
      extraTime: [
        { key: 1, name: ' Ann Lee ', minutes: '5' },
        { key: 2, name: '', minutes: '' },
      ],
    });
    expect(result.ok && result.request.extraTime).toEqual({ 'Ann Lee': 5 });
  });
});
