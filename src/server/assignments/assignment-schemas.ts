import { z } from '@hono/zod-openapi';
import { assignmentSettingsSchema } from '../../domain/assignment-settings';
import { slugSchema } from '../http/schemas';

export const assignmentStatusSchema = z.enum(['scheduled', 'open', 'past-due', 'closed']).openapi({
  description:
    'scheduled: before opensAt; open: students can join; past-due: after dueAt; closed: closed by the teacher. Only `open` accepts new attempts.',
});

/** Any of the settings (src/domain/assignment-settings.ts); what an update sends. */
const optionalSettings = z.strictObject(assignmentSettingsSchema.shape).partial();

export const newAssignmentSchema = optionalSettings
  .extend({ bankId: slugSchema, title: assignmentSettingsSchema.shape.title })
  .openapi('NewAssignmentRequest');

export const assignmentUpdateSchema = optionalSettings.openapi('AssignmentUpdateRequest');

export const assignmentSchema = assignmentSettingsSchema
  .extend({
    id: z.string(),
    bankId: z.string(),
    bankTitle: z.string(),
    articleId: z.string(),
    articleTitle: z.string(),
    questionCount: z.int(),
    maxPoints: z.number(),
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
export const studentAssignmentSchema = assignmentSettingsSchema
  .pick({
    title: true,
    opensAt: true,
    dueAt: true,
    timeLimitMinutes: true,
    attemptsAllowed: true,
    reviewPolicy: true,
    allowHighlights: true,
  })
  .extend({
    code: z.string(),
    bankId: z.string(),
    bankTitle: z.string(),
    articleId: z.string(),
    articleTitle: z.string(),
    questionCount: z.int(),
    status: assignmentStatusSchema,
  })
  .openapi('StudentAssignment');
