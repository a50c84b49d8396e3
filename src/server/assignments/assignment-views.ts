import type { z } from '@hono/zod-openapi';
import { decideAssignmentStatus, type AssignmentStatus } from '../../domain/assignment-rules';
import { findSentence, type Article } from '../../domain/article';
import { pickAssignmentSettings } from '../../domain/assignment-settings';
import type { ResolvedQuestion } from '../../domain/resolved-bank';
import { maxPointsOf } from '../../domain/scorers';
import type { assignmentSchema, studentAssignmentSchema } from './assignment-schemas';
import type { BankVersion } from '../content/content-store';
import type { Assignment, AssignmentWithCounts } from './assignment-queries';

export type AssignmentView = z.infer<typeof assignmentSchema>;
export type StudentAssignmentView = z.infer<typeof studentAssignmentSchema>;

export function assignmentStatusAt(assignment: Assignment, now: Date): AssignmentStatus {
  return decideAssignmentStatus(
    {
      opensAt: new Date(assignment.opensAt),
      dueAt: assignment.dueAt === null ? null : new Date(assignment.dueAt),
      closedAt: assignment.closedAt === null ? null : new Date(assignment.closedAt),
    },
    now,
  );
}

/** The assignment's questions in bank order. */
export function assignmentQuestions(
  assignment: Assignment,
  version: BankVersion,
): ResolvedQuestion[] {
  return assignment.questionIds.flatMap((id) => version.questionsById.get(id) ?? []);
}

export function assignmentMaxPoints(assignment: Assignment, version: BankVersion): number {
  return assignmentQuestions(assignment, version).reduce(
    (sum, question) => sum + maxPointsOf(question),
    0,
  );
}

export function joinPathOf(joinCode: string): string {
  return `/join/${joinCode}`;
}

/** The teacher's view of an assignment; `siteOrigin` makes the absolute join link. */
export function toAssignmentView(
  assignment: AssignmentWithCounts,
  version: BankVersion,
  { now, siteOrigin }: { now: Date; siteOrigin: string },
): AssignmentView {
  const joinPath = joinPathOf(assignment.joinCode);
  return {
    ...pickAssignmentSettings(assignment),
    id: assignment.id,
    bankId: assignment.bankId,
    bankTitle: version.bank.title,
    articleId: version.article.meta.id,
    articleTitle: version.article.meta.title,
    questionCount: assignment.questionIds.length,
    maxPoints: assignmentMaxPoints(assignment, version),
    joinCode: assignment.joinCode,
    joinPath,
    joinUrl: `${siteOrigin}${joinPath}`,
    status: assignmentStatusAt(assignment, now),
    closedAt: assignment.closedAt,
    createdAt: assignment.createdAt,
    updatedAt: assignment.updatedAt,
    attemptCount: assignment.attemptCount,
    submittedCount: assignment.submittedCount,
    studentCount: assignment.studentCount,
  };
}

/** What a student sees of an assignment: what to expect, never the key or other students. */
export function toStudentAssignment(
  assignment: Assignment,
  version: BankVersion,
  now: Date,
): StudentAssignmentView {
  return {
    code: assignment.joinCode,
    title: assignment.title,
    bankId: assignment.bankId,
    bankTitle: version.bank.title,
    articleId: version.article.meta.id,
    articleTitle: version.article.meta.title,
    questionCount: assignment.questionIds.length,
    opensAt: assignment.opensAt,
    dueAt: assignment.dueAt,
    timeLimitMinutes: assignment.timeLimitMinutes,
    attemptsAllowed: assignment.attemptsAllowed,
    reviewPolicy: assignment.reviewPolicy,
    allowHighlights: assignment.allowHighlights,
    status: assignmentStatusAt(assignment, now),
  };
}

/** An evidence sentence as a teacher reads it in an answer key or export: its id and its text. */
export function quoteSentenceIn(article: Article): (sentenceId: string) => string {
  return (sentenceId) => {
    const text = findSentence(article, sentenceId)?.text;
    return text === undefined ? sentenceId : `${sentenceId} “${text}”`;
  };
}
