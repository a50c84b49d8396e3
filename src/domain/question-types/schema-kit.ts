import type { z as Zod } from 'zod';

/**
 * The zod pieces every question type's bank fields are built from. Question-type modules take
 * them as a parameter instead of importing zod, because the browser imports the modules (to
 * describe and narrow responses) and must not bundle zod (~24 KB gzipped); only
 * `question-schema.ts` and `response-schema.ts`, which run on the server, pass zod in.
 */
export function createSchemaKit(z: typeof Zod) {
  const slug = z
    .string()
    .regex(
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
      'Use lower-case letters, digits and single hyphens, like "drone-count".',
    );
  const text = z.string().trim().min(1, 'Write some text here.');
  const points = z
    .int()
    .min(1)
    .max(100)
    .default(1)
    .meta({ description: 'Marks for a fully right answer.' });
  const scoring = z.enum(['partial', 'all-or-nothing']).default('partial').meta({
    description: 'partial: credit for each right part; all-or-nothing: full marks or none.',
  });
  const option = z.strictObject({
    id: slug.meta({ description: 'Unique within the question, like "a" or "putin".' }),
    text,
    correct: z.boolean().default(false).meta({ description: 'true for a right option.' }),
    feedback: text
      .meta({ description: 'Why this option is wrong (required on wrong options).' })
      .optional(),
    fixed: z.boolean().default(false).meta({
      description: 'Keep this option in place when options are shuffled (e.g. "None of these").',
    }),
  });
  const prompt = text.meta({ description: 'What the student is asked.' });
  /** A response id: more than any question offers, small enough to store. */
  const responseId = z.string().min(1).max(100);
  return { z, slug, text, points, scoring, option, prompt, responseId };
}

export type SchemaKit = ReturnType<typeof createSchemaKit>;

/** The most ids one response may list: more than any question offers (10 options, the article's sentences). */
export const MAX_RESPONSE_IDS = 200;
