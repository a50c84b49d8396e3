import { createRoute, z } from '@hono/zod-openapi';
import { acceptedAnswersOf, correctResponseOf, optionFeedbackOf } from '../../domain/answer-key';
import { createAttemptPlan, presentQuestions } from '../../domain/attempt-plan';
import { describeResponse } from '../../domain/describe-response';
import { createTeacherRouter, jsonResponse } from '../http/create-router';
import { articleSchema, publicQuestionSchema, questionResponseSchema } from '../http/schemas';
import { cookieAuth, notSignedIn } from '../teachers/teacher-openapi';
import { assignmentMaxPoints, quoteSentenceIn } from './assignment-views';
import {
  assignmentNotFoundResponse,
  assignmentParams,
  loadOwnAssignment,
  type OwnAssignment,
  type TeacherRoutesOptions,
} from './own-assignment';

const printHeaderSchema = z.object({
  assignment: z.object({
    id: z.string(),
    title: z.string(),
    joinCode: z.string(),
    dueAt: z.string().nullable(),
    timeLimitMinutes: z.int().nullable(),
    questionCount: z.int(),
    maxPoints: z.number(),
  }),
  bank: z.object({ id: z.string(), title: z.string(), description: z.string() }),
  article: articleSchema,
});

const studentCopySchema = printHeaderSchema
  .extend({
    questions: z.array(publicQuestionSchema).openapi({
      description:
        "In bank order, numbered from 1, options (and match lists, order items) shuffled with the assignment's print seed: what the paper shows.",
    }),
  })
  .openapi('StudentCopy');

const evidenceSchema = z
  .object({
    quote: z.string(),
    paragraphId: z.string(),
    start: z.int(),
    end: z.int(),
    sentenceIds: z.array(z.string()),
  })
  .openapi('Evidence');

const answerKeyItemSchema = z
  .object({
    question: publicQuestionSchema,
    correctResponse: questionResponseSchema,
    correctAnswer: z.string().openapi({
      description:
        'The right answer in words (option texts, "left → right" pairs, quoted sentences).',
    }),
    acceptedAnswers: z.array(z.string()).openapi({
      description:
        'Short answers: every accepted answer. Numeric: the value with its tolerance. Else empty.',
    }),
    explanation: z.string(),
    optionFeedback: z.record(z.string(), z.string()),
    evidence: z.array(evidenceSchema),
  })
  .openapi('AnswerKeyItem');

const answerKeySchema = printHeaderSchema
  .extend({
    questions: z.array(answerKeyItemSchema).openapi({
      description: 'In bank order, each question as the student copy shows it (the same letters).',
    }),
  })
  .openapi('AnswerKey');

/** `GET /{assignmentId}/print/<page>`: what one printed page of an assignment shows. */
function printRoute<Page extends string, T extends z.ZodType>(
  page: Page,
  summary: string,
  schema: T,
) {
  return createRoute({
    method: 'get',
    path: `/{assignmentId}/print/${page}`,
    tags: ['printing'],
    summary,
    security: cookieAuth,
    request: { params: assignmentParams },
    responses: {
      200: jsonResponse(`The ${page}.`, schema),
      401: notSignedIn,
      404: assignmentNotFoundResponse,
    },
  });
}

const studentCopyRoute = printRoute(
  'student-copy',
  'What the paper student copy shows: the article and the questions, no answers',
  studentCopySchema,
);

const answerKeyRoute = printRoute(
  'answer-key',
  'The answer key: right answers, explanations and evidence quotes',
  answerKeySchema,
);

/** The assignment, bank and article every printed page starts with. */
function printHeader({ assignment, version }: OwnAssignment) {
  return {
    assignment: {
      id: assignment.id,
      title: assignment.title,
      joinCode: assignment.joinCode,
      dueAt: assignment.dueAt,
      timeLimitMinutes: assignment.timeLimitMinutes,
      questionCount: assignment.questionIds.length,
      maxPoints: assignmentMaxPoints(assignment, version),
    },
    bank: {
      id: version.bank.id,
      title: version.bank.title,
      description: version.bank.description,
    },
    article: version.article,
  };
}

/**
 * The questions as paper shows them: in bank order, numbered from 1, with their options, match
 * lists and order items shuffled from the assignment's print seed (`fixed` options stay put). In
 * bank order the key was often A; the stored seed makes every print of the copy and of its key
 * agree on the letters.
 */
function presentOnPaper({ assignment, version }: OwnAssignment) {
  const plan = createAttemptPlan(version.bank, {
    seed: assignment.printSeed,
    shuffleQuestions: false,
    shuffleOptions: true,
    questionIds: assignment.questionIds,
  });
  return presentQuestions(version.bank, plan);
}

/** The printable student copy and answer key of the signed-in teacher's assignments. */
export function createPrintRoutes(options: TeacherRoutesOptions) {
  const router = createTeacherRouter();
  router.use('*', options.sessions.requireTeacher);
  return router
    .openapi(studentCopyRoute, async (c) => {
      const own = await loadOwnAssignment(c, options, c.req.valid('param').assignmentId);
      return c.json({ ...printHeader(own), questions: presentOnPaper(own) }, 200);
    })
    .openapi(answerKeyRoute, async (c) => {
      const own = await loadOwnAssignment(c, options, c.req.valid('param').assignmentId);
      const { article, questionsById } = own.version;
      const quoteSentence = quoteSentenceIn(article);
      const questions = presentOnPaper(own).map((question) => {
        const resolved = questionsById.get(question.id);
        if (!resolved) throw new Error(`The bank has no question "${question.id}"`);
        const correctResponse = correctResponseOf(resolved);
        return {
          question,
          correctResponse,
          correctAnswer: describeResponse(question, correctResponse, quoteSentence),
          acceptedAnswers: acceptedAnswersOf(resolved),
          explanation: resolved.explanation,
          optionFeedback: optionFeedbackOf(resolved),
          evidence: resolved.evidence,
        };
      });
      return c.json({ ...printHeader(own), questions }, 200);
    });
}
