import { z } from '@hono/zod-openapi';
import { FIELD_LIMITS } from '../domain/field-limits';
import type { TestStatistics } from '../domain/statistics';
import { QUESTION_TYPES, SKILLS } from '../domain/question-kinds';
import { slugSchema } from './schemas';

/** An instant as ISO 8601 with a time zone; stored and returned in UTC. */
export const instantSchema = z.iso
  .datetime({ offset: true })
  .openapi({ example: '2026-03-02T09:00:00.000Z' });

export const reviewPolicySchema = z
  .object({
    when: z.enum(['immediately', 'after-due', 'never']).openapi({
      description:
        'When a student sees their review: on submitting; once the due time (plus a 30 s grace) has passed, or, without a due time, once the teacher closes the assignment; or never. While another assignment on the same bank has not shown its class the key, reviews that would show anything are held (see docs/security.md).',
    }),
    show: z.enum(['score', 'full']).openapi({
      description:
        'score: total, percent and skill breakdowns only; full: also every question with the right answer, explanation and evidence.',
    }),
  })
  .openapi('ReviewPolicy');

export const countedAttemptSchema = z
  .enum(['highest', 'last', 'first', 'average'])
  .openapi({ description: "Which of a student's submitted attempts counts in the gradebook." });

export const assignmentStatusSchema = z.enum(['scheduled', 'open', 'past-due', 'closed']).openapi({
  description:
    'scheduled: before opensAt; open: students can join; past-due: after dueAt; closed: closed by the teacher. Only `open` accepts new attempts.',
});

const minutesSchema = z
  .int()
  .min(1)
  .max(24 * 60);

/** The settings a teacher chooses; every field optional in an update. */
const settingsFields = {
  title: z.string().trim().min(1, 'Give the assignment a title.').max(FIELD_LIMITS.assignmentTitle),
  questionIds: z.array(slugSchema).min(1).max(500).openapi({
    description:
      'The questions asked, a subset of the bank (stored in bank order). Default: every question. Cannot change once students have started.',
  }),
  opensAt: instantSchema.openapi({ description: 'When students may join. Default: now.' }),
  dueAt: instantSchema.nullable().openapi({
    description: 'After this no one may join and every attempt ends. Null: no due time (default).',
  }),
  timeLimitMinutes: minutesSchema.nullable().openapi({
    description: 'Minutes from when a student starts; null: untimed (default).',
  }),
  attemptsAllowed: z.int().min(1).max(100).nullable().openapi({
    description: 'Attempts per student name; null: unlimited. Default 1.',
  }),
  countedAttempt: countedAttemptSchema.openapi({ description: 'Default `highest`.' }),
  shuffleQuestions: z.boolean().openapi({ description: 'Default true.' }),
  shuffleOptions: z.boolean().openapi({ description: 'Default true.' }),
  reviewPolicy: reviewPolicySchema.openapi({
    description:
      'Default `{ "when": "after-due", "show": "full" }`: with no due time (the default), after the teacher closes the assignment.',
  }),
  extraTime: z
    .record(z.string().regex(/\S/, 'A name cannot be blank.').max(100), minutesSchema)
    .openapi({
      description:
        'Extra minutes on the time limit by student name, matched ignoring case and spacing, e.g. `{ "Ann Lee": 10 }`. Default {}.',
    }),
};

/** Any of the settings; what an update sends. */
const optionalSettings = z.strictObject(settingsFields).partial();

export const newAssignmentSchema = optionalSettings
  .extend({ bankId: slugSchema, title: settingsFields.title })
  .openapi('NewAssignmentRequest');

export const assignmentUpdateSchema = optionalSettings.openapi('AssignmentUpdateRequest');

export const assignmentSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    bankId: z.string(),
    bankTitle: z.string(),
    articleId: z.string(),
    articleTitle: z.string(),
    questionIds: z.array(z.string()).openapi({ description: 'In bank order.' }),
    questionCount: z.int(),
    maxPoints: z.number(),
    opensAt: z.string(),
    dueAt: z.string().nullable(),
    timeLimitMinutes: z.int().nullable(),
    attemptsAllowed: z.int().nullable().openapi({ description: 'Null: unlimited.' }),
    countedAttempt: countedAttemptSchema,
    shuffleQuestions: z.boolean(),
    shuffleOptions: z.boolean(),
    reviewPolicy: reviewPolicySchema,
    extraTime: z.record(z.string(), z.int()),
    joinCode: z.string().openapi({ example: 'K7MPQ2' }),
    joinPath: z.string().openapi({ example: '/join/K7MPQ2' }),
    joinUrl: z.string().openapi({
      example: 'http://localhost:3000/join/K7MPQ2',
      description: 'The absolute join link (what the QR code holds).',
    }),
    status: assignmentStatusSchema,
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    attemptCount: z.int(),
    submittedCount: z.int(),
    studentCount: z.int(),
  })
  .openapi('Assignment');

/** What a student learns about an assignment from its code: never a key or another student. */
export const studentAssignmentSchema = z
  .object({
    code: z.string(),
    title: z.string(),
    bankId: z.string(),
    bankTitle: z.string(),
    articleId: z.string(),
    articleTitle: z.string(),
    questionCount: z.int(),
    opensAt: z.string(),
    dueAt: z.string().nullable(),
    timeLimitMinutes: z.int().nullable(),
    attemptsAllowed: z.int().nullable(),
    reviewPolicy: reviewPolicySchema,
    status: assignmentStatusSchema,
  })
  .openapi('StudentAssignment');

export const attemptStateSchema = z.enum(['in-progress', 'submitted', 'overdue']).openapi({
  description:
    'overdue: the time ran out and the server submitted what was saved; submitted: the student submitted.',
});

export const gradebookAttemptSchema = z
  .object({
    attemptId: z.string(),
    studentName: z.string().openapi({ description: 'As typed when this attempt was started.' }),
    studentKey: z.string().openapi({
      description: "The name ignoring case and spacing: what groups a student's attempts.",
    }),
    attemptNumber: z.int().openapi({ description: "1 for the student's first attempt, ..." }),
    status: attemptStateSchema,
    startedAt: z.string(),
    deadline: z.string().nullable(),
    submittedAt: z.string().nullable(),
    timeTakenSeconds: z.int().nullable().openapi({ description: 'Null while in progress.' }),
    answeredCount: z.int(),
    questionCount: z.int(),
    score: z.number().nullable().openapi({ description: 'Points; null while in progress.' }),
    maxPoints: z.number(),
    percent: z.number().nullable(),
    counts: z.boolean().openapi({
      description: "Whether this attempt is (one of) the student's counted attempt(s).",
    }),
    results: z
      .array(z.enum(['correct', 'partial', 'incorrect', 'unanswered']).nullable())
      .nullable()
      .openapi({
        description:
          "Each question's result in the order of the gradebook's `questions` (bank order); null while in progress.",
      }),
  })
  .openapi('GradebookAttempt');

export const attemptRemovalSchema = z
  .object({
    id: z.string(),
    attemptId: z.string(),
    removedBy: z.string().openapi({ description: "The teacher's name when they removed it." }),
    removedAt: z.string(),
    studentName: z.string(),
    status: attemptStateSchema,
    startedAt: z.string(),
    submittedAt: z.string().nullable(),
    score: z.number().nullable(),
    maxPoints: z.number().nullable(),
    percent: z.number().nullable(),
  })
  .openapi('AttemptRemoval');

export const gradebookStudentSchema = z
  .object({
    studentName: z.string().openapi({ description: 'As typed on their first attempt.' }),
    studentKey: z.string(),
    attemptCount: z.int(),
    submittedCount: z.int(),
    countedPercent: z.number().nullable().openapi({
      description: "By the assignment's countedAttempt rule; null before a submission.",
    }),
  })
  .openapi('GradebookStudent');

export const gradebookSchema = z
  .object({
    assignment: assignmentSchema,
    attempts: z.array(gradebookAttemptSchema).openapi({ description: 'By start time.' }),
    students: z.array(gradebookStudentSchema).openapi({ description: 'By name.' }),
    questions: z
      .array(z.object({ id: z.string(), number: z.int(), prompt: z.string() }))
      .openapi({ description: "The assignment's questions in bank order, numbered from 1." }),
    generatedAt: z.string(),
  })
  .openapi('Gradebook');

const nullableRatio = z.number().nullable();

export const testStatisticsSchema = z
  .object({
    attemptCount: z.int(),
    questionCount: z.int(),
    maxPoints: z.number(),
    meanPercent: nullableRatio,
    medianPercent: nullableRatio,
    standardDeviation: nullableRatio.openapi({ description: 'Of the percents; null below 2.' }),
    cronbachAlpha: nullableRatio,
    histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.int() })).openapi({
      description: 'Ten bins of 10 points of percent; the last includes 100.',
    }),
    skills: z.array(
      z.object({ skill: z.enum(SKILLS), questionCount: z.int(), meanPercent: nullableRatio }),
    ),
    items: z.array(
      z.object({
        questionId: z.string(),
        type: z.enum(QUESTION_TYPES),
        prompt: z.string(),
        skill: z.enum(SKILLS),
        difficulty: z.number(),
        maxPoints: z.number(),
        attemptCount: z.int(),
        statusCounts: z.object({
          correct: z.int(),
          partial: z.int(),
          incorrect: z.int(),
          unanswered: z.int(),
        }),
        meanPoints: nullableRatio,
        facility: nullableRatio.openapi({ description: 'Mean mark over the maximum, 0 to 1.' }),
        discrimination: nullableRatio.openapi({
          description: 'Pearson r of this mark with the rest of the test, -1 to 1.',
        }),
        options: z
          .array(
            z.object({
              id: z.string(),
              text: z.string(),
              correct: z.boolean(),
              count: z.int(),
              share: nullableRatio,
            }),
          )
          .openapi({
            description:
              'How often each choice was taken (single, multiple, judgement, Part A of two-part); empty for other types.',
          }),
      }),
    ),
  })
  .openapi('TestStatistics') satisfies z.ZodType<TestStatistics>;
