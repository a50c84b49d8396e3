import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  JOIN_CODE_ALPHABET,
  computeAttemptDeadline,
  computeCountedPercent,
  createJoinCode,
  decideAssignmentStatus,
  decideReviewAccess,
  decideReviewTiming,
  findReviewOpening,
  isAnswerKeyReleased,
  predictKeyRelease,
  findExtraMinutes,
  isWithinDeadline,
  normaliseStudentName,
  parseJoinCode,
  pickCountedAttempts,
  studentNameKey,
  type AssessmentState,
  type ReviewPolicy,
} from '../../src/domain/assignment-rules';

describe('join codes', () => {
  it('are six characters without look-alikes', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (picks) => {
        let call = 0;
        const code = createJoinCode((max) => (picks[call++] ?? 0) % max);
        expect(code).toMatch(/^[A-Z2-9]{6}$/);
        expect(code).not.toMatch(/[01OIL]/);
        expect(parseJoinCode(code)).toBe(code);
      }),
    );
  });

  it('leaves out 0, O, 1, I and L', () => {
    for (const lookAlike of ['0', 'O', '1', 'I', 'L'])
      expect(JOIN_CODE_ALPHABET).not.toContain(lookAlike);
  });

  it('reads a code typed in lower case with spaces or a dash', () => {
    expect(parseJoinCode(' abc-23x ')).toBe('ABC23X');
    expect(parseJoinCode('ab c2 3x')).toBe('ABC23X');
  });

  it('refuses a code of the wrong length or with a look-alike', () => {
    expect(parseJoinCode('ABC23')).toBeNull();
    expect(parseJoinCode('ABC23XY')).toBeNull();
    expect(parseJoinCode('ABC2O0')).toBeNull();
  });
});

describe('computeAttemptDeadline', () => {
  const startedAt = new Date('2026-11-27T09:00:00Z');

  it('is the end of the time limit when that comes first', () => {
    const dueAt = new Date('2026-11-27T12:00:00Z');
    expect(computeAttemptDeadline({ startedAt, dueAt, timeLimitMinutes: 10 })).toEqual(
      new Date('2026-11-27T09:10:00Z'),
    );
  });

  it('is the due time when that comes first', () => {
    const dueAt = new Date('2026-11-27T09:05:00Z');
    expect(computeAttemptDeadline({ startedAt, dueAt, timeLimitMinutes: 10 })).toEqual(dueAt);
  });

  it('adds a student’s extra minutes to the time limit', () => {
    expect(
      computeAttemptDeadline({ startedAt, dueAt: null, timeLimitMinutes: 10, extraMinutes: 5 }),
    ).toEqual(new Date('2026-11-27T09:15:00Z'));
  });

  it('is null for an untimed attempt with no due time', () => {
    expect(computeAttemptDeadline({ startedAt, dueAt: null, timeLimitMinutes: null })).toBeNull();
  });
});

describe('isWithinDeadline', () => {
  const deadline = new Date('2026-11-27T09:10:00Z');

  it('accepts answers up to thirty seconds late, for slow networks', () => {
    expect(isWithinDeadline(deadline, new Date('2026-11-27T09:10:30Z'))).toBe(true);
    expect(isWithinDeadline(deadline, new Date('2026-11-27T09:10:31Z'))).toBe(false);
  });

  it('accepts anything without a deadline', () => {
    expect(isWithinDeadline(null, new Date('2099-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('decideReviewAccess', () => {
  const dueAt = new Date('2026-11-27T10:00:00Z');
  const before = new Date('2026-11-27T09:59:59Z');
  const inGrace = new Date('2026-11-27T10:00:29Z');
  const after = new Date('2026-11-27T10:00:30Z');
  const open = { dueAt: null, closedAt: null };
  const full: ReviewPolicy = { when: 'immediately', show: 'full' };
  const afterDue: ReviewPolicy = { when: 'after-due', show: 'full' };

  it('shows nothing before the attempt is submitted, whatever the policy', () => {
    expect(decideReviewAccess(full, { ...open, submitted: false, now: after })).toBe('none');
  });

  // One row per policy and moment: what a submitted attempt's student sees.
  it.each([
    ['immediately, full', full, { dueAt, closedAt: null }, before, 'full'],
    ['immediately, score', { when: 'immediately', show: 'score' }, open, before, 'score'],
    ['after due, before it', afterDue, { dueAt, closedAt: null }, before, 'none'],
    ['after due, in its grace', afterDue, { dueAt, closedAt: null }, inGrace, 'none'],
    ['after due, past its grace', afterDue, { dueAt, closedAt: null }, after, 'full'],
    ['after due, closed before it', afterDue, { dueAt, closedAt: before }, inGrace, 'none'],
    ['after due without one, still open', afterDue, open, after, 'none'],
    ['after due without one, closed', afterDue, { dueAt: null, closedAt: before }, after, 'full'],
    [
      'after due without one, score, closed',
      { when: 'after-due', show: 'score' },
      { dueAt: null, closedAt: before },
      before,
      'score',
    ],
    [
      'never, past due and closed',
      { when: 'never', show: 'full' },
      { dueAt, closedAt: dueAt },
      after,
      'none',
    ],
  ] as const)('%s: %s', (_label, policy, clock, now, expected) => {
    expect(decideReviewAccess(policy, { ...clock, submitted: true, now })).toBe(expected);
  });

  it('fails closed: "after the due time" without a due time means after the teacher closes it', () => {
    expect(decideReviewTiming('after-due', false)).toBe('after-close');
    expect(decideReviewTiming('after-due', true)).toBe('after-due');
    expect(decideReviewTiming('immediately', false)).toBe('immediately');
    expect(findReviewOpening(afterDue, open)).toBeNull();
    expect(findReviewOpening(afterDue, { dueAt: null, closedAt: before })).toEqual(before);
    expect(findReviewOpening(afterDue, { dueAt, closedAt: null })).toEqual(after);
  });
});

describe('isAnswerKeyReleased and predictKeyRelease', () => {
  const opensAt = new Date('2026-11-27T09:00:00Z');
  const dueAt = new Date('2026-11-27T10:00:00Z');
  const during = new Date('2026-11-27T09:30:00Z');
  const afterGrace = new Date('2026-11-27T10:00:30Z');
  const assessment = (changes: Partial<AssessmentState> = {}): AssessmentState => ({
    reviewPolicy: { when: 'after-due', show: 'full' },
    opensAt,
    dueAt,
    closedAt: null,
    answersPending: false,
    ...changes,
  });

  it.each([
    ['open, before its due time', assessment(), during, false],
    ['scheduled', assessment({ opensAt: afterGrace, dueAt: null }), during, false],
    ['past due and its grace, full review', assessment(), afterGrace, true],
    [
      'past due, a score-only review',
      assessment({ reviewPolicy: { when: 'after-due', show: 'score' } }),
      afterGrace,
      false,
    ],
    [
      'past due, never reviewed',
      assessment({ reviewPolicy: { when: 'never', show: 'full' } }),
      afterGrace,
      false,
    ],
    [
      'immediate review, still open',
      assessment({ reviewPolicy: { when: 'immediately', show: 'full' }, dueAt: null }),
      afterGrace,
      false,
    ],
    ['no due time, still open', assessment({ dueAt: null }), afterGrace, false],
    ['no due time, closed', assessment({ dueAt: null, closedAt: during }), afterGrace, true],
    [
      'closed, an answer still pending',
      assessment({ dueAt: null, closedAt: during, answersPending: true }),
      afterGrace,
      false,
    ],
  ] as const)('%s: %s', (_label, state, now, released) => {
    expect(isAnswerKeyReleased(state, now)).toBe(released);
  });

  it('predicts the release from the latest due time, or not at all when a teacher decides it', () => {
    const later = new Date('2026-11-28T10:00:00Z');
    expect(predictKeyRelease([assessment(), assessment({ dueAt: later })])).toEqual(
      new Date('2026-11-28T10:00:30Z'),
    );
    expect(predictKeyRelease([assessment(), assessment({ dueAt: null })])).toBeNull();
    expect(
      predictKeyRelease([assessment({ reviewPolicy: { when: 'never', show: 'full' } })]),
    ).toBeNull();
  });
});

describe('computeCountedPercent', () => {
  const percents = [60, 90, 75];

  it.each([
    ['highest', 90],
    ['last', 75],
    ['first', 60],
    ['average', 75],
  ] as const)('counts the %s attempt', (rule, expected) => {
    expect(computeCountedPercent(percents, rule)).toBe(expected);
  });

  it('rounds an average to one decimal place', () => {
    expect(computeCountedPercent([100, 50, 50], 'average')).toBe(66.7);
  });

  it('is null without a submitted attempt', () => {
    expect(computeCountedPercent([], 'highest')).toBeNull();
  });
});

describe('student names', () => {
  it('are shown trimmed with single spaces', () => {
    expect(normaliseStudentName('  Ann   Lee\t')).toBe('Ann Lee');
  });

  it('are the same student whatever the case, spacing or character width', () => {
    expect(studentNameKey(' ANN  lee ')).toBe(studentNameKey('Ann Lee'));
    expect(studentNameKey('Ａｎｎ')).toBe(studentNameKey('ann'));
    expect(studentNameKey('Ann Lee')).not.toBe(studentNameKey('Annie Lee'));
  });

  it('find their extra time in the teacher’s list in the same way', () => {
    const extraTime = { 'Ann Lee': 10, Bo: 5 };
    expect(findExtraMinutes(extraTime, '  ann LEE')).toBe(10);
    expect(findExtraMinutes(extraTime, 'BO')).toBe(5);
    expect(findExtraMinutes(extraTime, 'Cy')).toBe(0);
  });
});

describe('decideAssignmentStatus', () => {
  const opensAt = new Date('2026-03-02T09:00:00Z');
  const dueAt = new Date('2026-03-02T10:00:00Z');

  it('is scheduled before the opening, open until the due time, then past due', () => {
    const at = (instant: string) =>
      decideAssignmentStatus({ opensAt, dueAt, closedAt: null }, new Date(instant));
    expect(at('2026-03-02T08:59:59Z')).toBe('scheduled');
    expect(at('2026-03-02T09:00:00Z')).toBe('open');
    expect(at('2026-03-02T10:00:00Z')).toBe('open');
    expect(at('2026-03-02T10:00:01Z')).toBe('past-due');
  });

  it('is closed once the teacher closes it, and open for good without a due time', () => {
    const closedAt = new Date('2026-03-02T09:30:00Z');
    expect(decideAssignmentStatus({ opensAt, dueAt, closedAt }, opensAt)).toBe('closed');
    expect(
      decideAssignmentStatus({ opensAt, dueAt: null, closedAt: null }, new Date('2030-01-01')),
    ).toBe('open');
  });
});

describe('pickCountedAttempts', () => {
  it('names the attempts the counted percent comes from', () => {
    const percents = [40, 90, 90, 60];
    expect(pickCountedAttempts(percents, 'highest')).toEqual([1]);
    expect(pickCountedAttempts(percents, 'first')).toEqual([0]);
    expect(pickCountedAttempts(percents, 'last')).toEqual([3]);
    expect(pickCountedAttempts(percents, 'average')).toEqual([0, 1, 2, 3]);
    expect(pickCountedAttempts([], 'highest')).toEqual([]);
  });

  it('agrees with computeCountedPercent', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('highest' as const, 'last' as const, 'first' as const),
        (percents, counted) => {
          const [index] = pickCountedAttempts(percents, counted);
          expect(percents[index ?? -1]).toBe(computeCountedPercent(percents, counted));
        },
      ),
    );
  });
});
