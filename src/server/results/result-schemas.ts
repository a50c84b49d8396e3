import { z } from '@hono/zod-openapi';
import { QUESTION_TYPES, SKILLS } from '../../domain/question-kinds';
import type { HighlightMap } from '../../domain/highlight-map';
import type { TestStatistics } from '../../domain/statistics';
import { assignmentSchema } from '../assignments/assignment-schemas';

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
    regradedQuestions: z.array(z.int()).openapi({
      description:
        'The numbers (as in `questions`) of the questions this attempt has right because the teacher accepted its typed answer (a regrade); empty when none.',
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

/** The class's highlights sentence by sentence beside the questions' evidence (the heat map). */
export const highlightMapSchema = z
  .object({
    allowHighlights: z.boolean().openapi({
      description:
        "The assignment's setting now; highlights made while it was on still count after it is turned off.",
    }),
    studentCount: z.int().openapi({
      description:
        'Distinct students (by name key) among the submitted attempts analysed (`include`): what each count is out of. Attempts in progress are not counted.',
    }),
    highlighterCount: z
      .int()
      .openapi({ description: 'Of those, the students who highlighted anything.' }),
    sections: z.array(
      z.object({
        id: z.string(),
        heading: z.string().nullable(),
        paragraphs: z.array(
          z.object({
            id: z.string(),
            sentences: z.array(
              z.object({
                id: z.string().openapi({ description: '`p5.s2`: paragraph 5, sentence 2.' }),
                text: z.string(),
                studentCount: z.int().openapi({
                  description:
                    'Distinct students who highlighted this sentence or part of it in an attempt analysed.',
                }),
                questionNumbers: z.array(z.int()).openapi({
                  description:
                    'The questions (numbered from 1 in bank order) whose evidence includes this sentence.',
                }),
              }),
            ),
          }),
        ),
      }),
    ),
  })
  .openapi('HighlightMap') satisfies z.ZodType<HighlightMap & { allowHighlights: boolean }>;

/** A wrong (or teacher-accepted) typed answer and how many submitted attempts gave it. */
export const typedAnswerTallySchema = z
  .object({
    questionId: z.string(),
    gapId: z
      .string()
      .nullable()
      .openapi({ description: 'The cloze gap; null for a short question.' }),
    gapNumber: z.int().nullable().openapi({ description: "The gap's number in the question." }),
    answer: z
      .string()
      .openapi({ description: 'The answer as most students who gave it typed it.' }),
    normalisedAnswer: z.string(),
    count: z.int().openapi({ description: 'Submitted attempts that gave this answer.' }),
    acceptedByTeacher: z.boolean().openapi({
      description: 'Accepted by a live acceptance, so these attempts count it right.',
    }),
  })
  .openapi('TypedAnswerTally');

/** One acceptance of a typed answer (a regrade), as the regrade history lists it. */
export const acceptedAnswerSchema = z
  .object({
    id: z.string(),
    questionId: z.string(),
    questionNumber: z.int().openapi({
      description:
        "The question's number in the assignment (bank order, from 1); 0 once the assignment no longer has the question.",
    }),
    gapId: z
      .string()
      .nullable()
      .openapi({ description: 'The cloze gap; null for a short question.' }),
    gapNumber: z
      .int()
      .nullable()
      .openapi({ description: "The gap's number in the question; null for a short question." }),
    normalisedAnswer: z.string().openapi({ description: 'The key: the answer once normalised.' }),
    exampleAnswer: z.string().openapi({ description: 'The answer as a student typed it.' }),
    acceptedBy: z.string().openapi({ description: "The teacher's name when they accepted it." }),
    acceptedAt: z.string(),
    attemptsRegraded: z
      .int()
      .openapi({ description: 'Attempts whose marks the acceptance changed.' }),
    revokedBy: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('AcceptedAnswer');

export const acceptAnswerBodySchema = z
  .strictObject({
    questionId: z.string().min(1, 'Say which question the answer is for.'),
    gapId: z.string().min(1).nullable().default(null),
    answer: z
      .string()
      .trim()
      .min(1, 'Type the answer to accept.')
      .max(500, 'An answer to accept is at most 500 characters.'),
  })
  .openapi('AcceptAnswerRequest');

export const acceptAnswerResultSchema = z
  .object({
    acceptance: acceptedAnswerSchema,
    created: z.boolean().openapi({ description: 'False when the answer was already accepted.' }),
    attemptsRegraded: z.int(),
  })
  .openapi('AcceptAnswerResult');
