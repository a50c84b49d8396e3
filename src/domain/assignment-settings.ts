import { z } from 'zod';
import {
  ASSIGNMENT_DEFAULTS,
  COUNTED_ATTEMPTS,
  REVIEW_CONTENTS,
  REVIEW_TIMINGS,
} from './assignment-choices';
import { FIELD_LIMITS } from './field-limits';

/**
 * What a teacher chooses for an assignment, defined once: the type comes from `z.infer`, the
 * server's request and response schemas (and so the OpenAPI document) extend or pick this one, and
 * the database maps it to columns. Its choices, defaults and limits are plain data in
 * assignment-choices.ts and field-limits.ts, which the teacher's form loads; the browser takes this
 * file's types only, so it never bundles zod.
 */

const defaultOf = (value: unknown) => `Default: \`${JSON.stringify(value)}\`.`;

/** An instant as ISO 8601 with a time zone; stored and returned in UTC. */
export const instantSchema = z.iso
  .datetime({ offset: true })
  .meta({ example: '2026-03-02T09:00:00.000Z' });

/** An article, bank or question id as the content format allows them. */
export const contentIdSchema = z
  .string()
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Ids are lower-case letters, digits and single hyphens.');

const minutesSchema = z.int().min(1).max(FIELD_LIMITS.minutes);

export const reviewPolicySchema = z
  .object({
    when: z.enum(REVIEW_TIMINGS).meta({
      description:
        'When a student sees their review: on submitting; once the due time (plus a 30 s grace) has passed, or, without a due time, once the teacher closes the assignment; or never. While another assignment on the same bank has not shown its class the key, reviews that would show anything are held (see docs/security.md).',
    }),
    show: z.enum(REVIEW_CONTENTS).meta({
      description:
        'score: total, percent and skill breakdowns only; full: also every question with the right answer, explanation and evidence.',
    }),
  })
  // One component in the OpenAPI document: a field's own description would drop its id.
  .meta({
    id: 'ReviewPolicy',
    description: `What a student sees of a submitted attempt, and when. ${defaultOf(ASSIGNMENT_DEFAULTS.reviewPolicy)} With no due time (the default) that is after the teacher closes the assignment.`,
  });

export const assignmentSettingsSchema = z.object({
  title: z.string().trim().min(1, 'Give the assignment a title.').max(FIELD_LIMITS.assignmentTitle),
  questionIds: z.array(contentIdSchema).min(1).max(FIELD_LIMITS.assignmentQuestions).meta({
    description:
      'The questions asked, a subset of the bank (stored in bank order). Default: every question. Cannot change once students have started.',
  }),
  opensAt: instantSchema.meta({ description: 'When students may join. Default: now.' }),
  dueAt: instantSchema.nullable().meta({
    description: `After this no one may join and every attempt ends. Null: no due time. ${defaultOf(ASSIGNMENT_DEFAULTS.dueAt)}`,
  }),
  timeLimitMinutes: minutesSchema.nullable().meta({
    description: `Minutes from when a student starts; null: untimed. ${defaultOf(ASSIGNMENT_DEFAULTS.timeLimitMinutes)}`,
  }),
  attemptsAllowed: z
    .int()
    .min(1)
    .max(FIELD_LIMITS.attemptsAllowed)
    .nullable()
    .meta({
      description: `Attempts per student name; null: unlimited. ${defaultOf(ASSIGNMENT_DEFAULTS.attemptsAllowed)}`,
    }),
  countedAttempt: z.enum(COUNTED_ATTEMPTS).meta({
    description: `Which of a student's submitted attempts counts in the gradebook. ${defaultOf(ASSIGNMENT_DEFAULTS.countedAttempt)}`,
  }),
  shuffleQuestions: z
    .boolean()
    .meta({ description: defaultOf(ASSIGNMENT_DEFAULTS.shuffleQuestions) }),
  shuffleOptions: z.boolean().meta({ description: defaultOf(ASSIGNMENT_DEFAULTS.shuffleOptions) }),
  reviewPolicy: reviewPolicySchema,
  extraTime: z
    .record(
      z.string().regex(/\S/, 'A name cannot be blank.').max(FIELD_LIMITS.studentName),
      minutesSchema,
    )
    .meta({
      description: `Extra minutes on the time limit by student name, matched ignoring case and spacing, e.g. \`{ "Ann Lee": 10 }\`. ${defaultOf(ASSIGNMENT_DEFAULTS.extraTime)}`,
    }),
  allowHighlights: z.boolean().meta({
    description: `Students may highlight sentences of the article and add notes during the quiz. ${defaultOf(ASSIGNMENT_DEFAULTS.allowHighlights)}`,
  }),
});

export type AssignmentSettings = z.infer<typeof assignmentSettingsSchema>;

/** The settings' names, in the schema's order. */
export const ASSIGNMENT_SETTING_KEYS = assignmentSettingsSchema.keyof().options;

/** The settings of a new assignment of `questionIds` opening at `now`, before the teacher's choices. */
export function defaultAssignmentSettings({
  title,
  questionIds,
  now,
}: {
  title: string;
  questionIds: string[];
  now: Date;
}): AssignmentSettings {
  // A copy: no two assignments share a default's objects. (Not structuredClone: that is a
  // browser and Node API, and the domain assumes neither.)
  return {
    ...ASSIGNMENT_DEFAULTS,
    reviewPolicy: { ...ASSIGNMENT_DEFAULTS.reviewPolicy },
    extraTime: { ...ASSIGNMENT_DEFAULTS.extraTime },
    title,
    questionIds,
    opensAt: now.toISOString(),
  };
}

/** Just the settings of something that holds them (an assignment, its view). */
export function pickAssignmentSettings(holder: AssignmentSettings): AssignmentSettings {
  return Object.fromEntries(
    ASSIGNMENT_SETTING_KEYS.map((key) => [key, holder[key]]),
  ) as AssignmentSettings;
}
