import { z } from '@hono/zod-openapi';
import {
  createAttemptPlan,
  presentQuestions,
  type AttemptPlanOptions,
} from '../../domain/attempt-plan';
import { studentAssignmentSchema } from '../assignments/assignment-schemas';
import { toStudentAssignment } from '../assignments/assignment-views';
import { versionOf, type BankVersion, type ContentStore } from '../content/content-store';
import { getAssignment } from '../assignments/assignment-queries';
import {
  listHighlights,
  listResponses,
  type Attempt,
  type NewAttemptRecord,
} from './attempt-queries';
import type { AppDatabase } from '../db/database';
import { highlightSchema, publicQuestionSchema, questionResponseSchema } from '../http/schemas';
import { createAttemptId, createPlanSeed, createToken, hashToken } from '../http/tokens';

export const attemptIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'An attempt id is up to 64 letters, digits, "-" and "_".')
  .openapi({ param: { name: 'attemptId', in: 'path' }, example: 'dGhpcyBpcyBhbiBleGFtcGxl' });

/** Whether an attempt is a teacher's preview of their own quiz, for the player's banner. */
export const previewFlagSchema = z.boolean().openapi({
  description:
    "A teacher's preview of their own quiz: not graded, and in no gradebook, statistics or export.",
});

export const attemptSchema = z
  .object({
    attemptId: z.string(),
    bankId: z.string(),
    bankTitle: z.string().openapi({ description: 'The quiz, as this attempt started on it.' }),
    articleId: z.string(),
    questions: z.array(publicQuestionSchema).openapi({ description: "In this attempt's order." }),
    responses: z.record(z.string(), questionResponseSchema).openapi({
      description: 'The saved answer to each question answered so far, by question id.',
    }),
    savedAt: z.record(z.string(), z.string()).openapi({
      description:
        'When each answer was last saved or cleared (ISO 8601), by question id: a cleared answer has a time here and no response.',
    }),
    highlights: z.array(highlightSchema).openapi({
      description: "The student's highlights and notes on the article, in reading order.",
    }),
    highlightsSavedAt: z.record(z.string(), z.string()).openapi({
      description:
        'When each highlight was last saved or removed (ISO 8601), by key: a removed one has a time here and no highlight.',
    }),
    status: z.enum(['in-progress', 'submitted']).openapi({
      description:
        'An attempt whose deadline (plus 30 s grace) has passed is submitted by the server with what was saved.',
    }),
    startedAt: z.string(),
    deadline: z.string().nullable().openapi({
      description:
        'When answers stop being accepted (30 s of grace follow): the time limit (plus any extra time) or the due time, whichever is first. Null when untimed.',
    }),
    submittedAt: z.string().nullable(),
    studentName: z.string().nullable().openapi({
      description: 'The name the student joined an assignment with; null for practice.',
    }),
    assignment: studentAssignmentSchema.nullable().openapi({
      description: 'The assignment this attempt belongs to; null for practice.',
    }),
    preview: previewFlagSchema,
  })
  .openapi('Attempt');

export const newAttemptSchema = attemptSchema
  .extend({
    token: z.string().openapi({
      description:
        'The secret for `Authorization: Bearer <token>` on every route of this attempt. It is shown only once.',
    }),
  })
  .openapi('NewAttempt');

/** An attempt as its student sees it: questions in its order, saved answers, its assignment. */
export async function describeAttempt(
  { db, store }: { db: AppDatabase; store: ContentStore },
  attempt: Attempt,
  now: Date,
): Promise<z.infer<typeof attemptSchema>> {
  const version = await versionOf(store, attempt);
  const { responses, savedAt } = await listResponses(db, attempt.id);
  const { highlights, savedAt: highlightsSavedAt } = await listHighlights(db, attempt.id);
  const assignment =
    attempt.assignmentId === null ? undefined : await getAssignment(db, attempt.assignmentId);
  return {
    attemptId: attempt.id,
    bankId: version.bank.id,
    bankTitle: version.bank.title,
    articleId: version.bank.articleId,
    questions: presentQuestions(version.bank, attempt.plan),
    responses,
    savedAt,
    highlights,
    highlightsSavedAt,
    status: attempt.status,
    startedAt: attempt.startedAt,
    deadline: attempt.deadline,
    submittedAt: attempt.submittedAt,
    studentName: attempt.studentName,
    assignment: assignment ? toStudentAssignment(assignment, version, now) : null,
    preview: attempt.previewTeacherId !== null,
  };
}

/** What `prepareAttempt` makes of a new attempt; its caller gives the rest. */
type PreparedFields = Pick<
  NewAttemptRecord,
  'id' | 'tokenHash' | 'bankId' | 'contentVersion' | 'plan' | 'seed'
>;

/**
 * A new attempt at `version`: a fresh id, seed and secret token (the record keeps only its
 * hash), and its questions planned from the seed as `plan` says.
 */
export function prepareAttempt<Settings extends Omit<NewAttemptRecord, keyof PreparedFields>>(
  version: BankVersion,
  plan: Omit<AttemptPlanOptions, 'seed'>,
  settings: Settings,
): { attempt: Settings & PreparedFields; token: string } {
  const seed = createPlanSeed();
  const token = createToken();
  const attempt = {
    ...settings,
    id: createAttemptId(),
    tokenHash: hashToken(token),
    bankId: version.bank.id,
    contentVersion: version.contentVersion,
    plan: createAttemptPlan(version.bank, { ...plan, seed }),
    seed,
  };
  return { attempt, token };
}

/** What starting an attempt answers: the stored new attempt as its student sees it, and its token. */
export async function describeNewAttempt(
  deps: { db: AppDatabase; store: ContentStore },
  { attempt, token }: { attempt: NewAttemptRecord; token: string },
): Promise<z.infer<typeof newAttemptSchema>> {
  const view = await describeAttempt(
    deps,
    {
      ...attempt,
      status: 'in-progress',
      submittedAt: null,
      submittedBy: null,
      result: null,
      previewTeacherId: attempt.previewTeacherId ?? null,
    },
    new Date(attempt.startedAt),
  );
  return { ...view, token };
}
