import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_DEFAULTS } from '../../src/domain/assignment-choices';
import {
  decideReviewAccess,
  decideReviewTiming,
  findReviewOpening,
} from '../../src/domain/assignment-rules';
import {
  ASSIGNMENT_SETTING_KEYS,
  assignmentSettingsSchema,
  defaultAssignmentSettings,
  pickAssignmentSettings,
  type AssignmentSettings,
} from '../../src/domain/assignment-settings';
import { FIELD_LIMITS } from '../../src/domain/field-limits';

const NOW = new Date('2030-03-02T09:00:00.000Z');
const defaults = () =>
  defaultAssignmentSettings({ title: 'Week 3', questionIds: ['q-1'], now: NOW });

/** Whether the settings with `changes` pass the schema. */
function accepts(changes: Partial<Record<keyof AssignmentSettings, unknown>>): boolean {
  return assignmentSettingsSchema.safeParse({ ...defaults(), ...changes }).success;
}

describe('the defaults of a new assignment', () => {
  it('are valid together', () => {
    expect(assignmentSettingsSchema.parse(defaults())).toEqual({
      title: 'Week 3',
      questionIds: ['q-1'],
      opensAt: '2030-03-02T09:00:00.000Z',
      dueAt: null,
      timeLimitMinutes: null,
      attemptsAllowed: 1,
      countedAttempt: 'highest',
      shuffleQuestions: true,
      shuffleOptions: true,
      reviewPolicy: { when: 'after-due', show: 'full' },
      extraTime: {},
      allowHighlights: true,
    });
  });

  it('show results after the due time, which without a due time is when the teacher closes it', () => {
    const { reviewPolicy, dueAt } = defaults();
    expect(decideReviewTiming(reviewPolicy.when, dueAt !== null)).toBe('after-close');
    expect(findReviewOpening(reviewPolicy, { dueAt: null, closedAt: null })).toBeNull();
    const closedAt = new Date('2030-03-03T10:00:00.000Z');
    expect(findReviewOpening(reviewPolicy, { dueAt: null, closedAt })).toEqual(closedAt);
    const later = new Date('2030-03-09T10:00:00.000Z');
    expect(
      decideReviewAccess(reviewPolicy, {
        dueAt: null,
        closedAt: null,
        submitted: true,
        now: later,
      }),
    ).toBe('none');
  });

  it('are copies: changing one assignment’s settings leaves the next one’s alone', () => {
    const first = defaults();
    first.reviewPolicy.show = 'score';
    first.extraTime['Ann Lee'] = 10;
    expect(defaults().reviewPolicy).toEqual(ASSIGNMENT_DEFAULTS.reviewPolicy);
    expect(defaults().extraTime).toEqual({});
  });
});

describe('the limits of the settings', () => {
  it('take a title up to its length, and not a blank one', () => {
    expect(accepts({ title: 't'.repeat(FIELD_LIMITS.assignmentTitle) })).toBe(true);
    expect(accepts({ title: 't'.repeat(FIELD_LIMITS.assignmentTitle + 1) })).toBe(false);
    expect(accepts({ title: '   ' })).toBe(false);
  });

  it('take minutes from 1 to a day, for the time limit and for extra time', () => {
    expect(accepts({ timeLimitMinutes: FIELD_LIMITS.minutes })).toBe(true);
    expect(accepts({ timeLimitMinutes: FIELD_LIMITS.minutes + 1 })).toBe(false);
    expect(accepts({ timeLimitMinutes: 0 })).toBe(false);
    expect(accepts({ timeLimitMinutes: 1.5 })).toBe(false);
    expect(accepts({ extraTime: { 'Ann Lee': FIELD_LIMITS.minutes } })).toBe(true);
    expect(accepts({ extraTime: { 'Ann Lee': FIELD_LIMITS.minutes + 1 } })).toBe(false);
  });

  it('take from 1 to the most attempts, or unlimited (null)', () => {
    expect(accepts({ attemptsAllowed: null })).toBe(true);
    expect(accepts({ attemptsAllowed: FIELD_LIMITS.attemptsAllowed })).toBe(true);
    expect(accepts({ attemptsAllowed: FIELD_LIMITS.attemptsAllowed + 1 })).toBe(false);
    expect(accepts({ attemptsAllowed: 0 })).toBe(false);
  });

  it('give extra time to names a student can have: not blank, not longer than a name', () => {
    expect(accepts({ extraTime: { ['n'.repeat(FIELD_LIMITS.studentName)]: 5 } })).toBe(true);
    expect(accepts({ extraTime: { ['n'.repeat(FIELD_LIMITS.studentName + 1)]: 5 } })).toBe(false);
    expect(accepts({ extraTime: { ' ': 5 } })).toBe(false);
  });

  it('ask at least one question, named by its id', () => {
    expect(accepts({ questionIds: [] })).toBe(false);
    expect(accepts({ questionIds: ['Not An Id'] })).toBe(false);
  });
});

describe('picking the settings out of an assignment', () => {
  it('keeps every setting and nothing else', () => {
    const assignment = { ...defaults(), id: 'a1', joinCode: 'K7MPQ2' };
    const picked = pickAssignmentSettings(assignment);
    expect(picked).toEqual(defaults());
    expect(Object.keys(picked)).toEqual([...ASSIGNMENT_SETTING_KEYS]);
  });
});
