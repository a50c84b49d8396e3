import type { z } from '@hono/zod-openapi';
import { computeCountedPercent, pickCountedAttempts } from '../../domain/assignment-rules';
import type { gradebookAttemptSchema, gradebookStudentSchema } from './result-schemas';
import type { ScoredAttempt } from './result-queries';
import type { Assignment } from '../assignments/assignment-queries';
import type { Attempt } from '../attempts/attempt-queries';

export type GradebookAttempt = z.infer<typeof gradebookAttemptSchema>;
export type GradebookStudent = z.infer<typeof gradebookStudentSchema>;

export interface GradebookRows {
  attempts: GradebookAttempt[];
  students: GradebookStudent[];
}

/** In progress, submitted by the student, or submitted by the server when the time ran out. */
export function attemptState(
  attempt: Pick<Attempt, 'status' | 'submittedBy'>,
): GradebookAttempt['status'] {
  if (attempt.status === 'in-progress') return 'in-progress';
  return attempt.submittedBy === 'deadline' ? 'overdue' : 'submitted';
}

/** The numbers (from 1, bank order) of the questions in `ids`. */
function numbersOf(questionIds: readonly string[], ids: ReadonlySet<string> | undefined): number[] {
  if (ids === undefined || ids.size === 0) return [];
  return questionIds.flatMap((questionId, index) => (ids.has(questionId) ? [index + 1] : []));
}

/**
 * The gradebook of an assignment from its attempts in start order: a row per attempt with its
 * score, time taken and each question's result (bank order), and a row per student (by name,
 * ignoring case and spacing) with the percent that counts under the assignment's rule, which
 * also marks the attempts it comes from. `regraded` names the questions a teacher's acceptance
 * made right, so the gradebook and the CSVs show the change.
 */
export function buildGradebook(
  assignment: Pick<Assignment, 'countedAttempt' | 'questionIds'>,
  attempts: ScoredAttempt[],
  {
    maxPoints,
    regraded = new Map(),
  }: {
    maxPoints: number;
    /** Attempt id -> the questions right by the teacher's acceptance (`listRegradedQuestions`). */
    regraded?: ReadonlyMap<string, ReadonlySet<string>>;
  },
): GradebookRows {
  const byStudent = new Map<string, ScoredAttempt[]>();
  for (const attempt of attempts) {
    byStudent.set(attempt.studentKey, [...(byStudent.get(attempt.studentKey) ?? []), attempt]);
  }

  const counted = new Set<string>();
  const students: GradebookStudent[] = [];
  for (const own of byStudent.values()) {
    const submitted = own
      .filter((attempt) => attempt.score !== null && attempt.submittedAt !== null)
      .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
    const percents = submitted.map((attempt) => attempt.score?.percent ?? 0);
    for (const index of pickCountedAttempts(percents, assignment.countedAttempt)) {
      const attempt = submitted[index];
      if (attempt) counted.add(attempt.id);
    }
    students.push({
      studentName: own[0]?.studentName ?? '',
      studentKey: own[0]?.studentKey ?? '',
      attemptCount: own.length,
      submittedCount: submitted.length,
      countedPercent: computeCountedPercent(percents, assignment.countedAttempt),
    });
  }

  const attemptNumbers = new Map<string, number>();
  const rows = attempts.map((attempt): GradebookAttempt => {
    const attemptNumber = (attemptNumbers.get(attempt.studentKey) ?? 0) + 1;
    attemptNumbers.set(attempt.studentKey, attemptNumber);
    const { score, submittedAt, marks } = attempt;
    return {
      attemptId: attempt.id,
      studentName: attempt.studentName,
      studentKey: attempt.studentKey,
      attemptNumber,
      status: attemptState(attempt),
      startedAt: attempt.startedAt,
      deadline: attempt.deadline,
      submittedAt,
      timeTakenSeconds:
        submittedAt === null
          ? null
          : Math.round((Date.parse(submittedAt) - Date.parse(attempt.startedAt)) / 1000),
      answeredCount: attempt.answeredCount,
      questionCount: assignment.questionIds.length,
      score: score?.total ?? null,
      maxPoints: score?.maxPoints ?? maxPoints,
      percent: score?.percent ?? null,
      counts: counted.has(attempt.id),
      results:
        marks === null
          ? null
          : assignment.questionIds.map((questionId) => marks[questionId]?.status ?? null),
      regradedQuestions: numbersOf(assignment.questionIds, regraded.get(attempt.id)),
    };
  });

  students.sort((a, b) => a.studentName.localeCompare(b.studentName));
  return { attempts: rows, students };
}
