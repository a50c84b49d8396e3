import { z } from 'zod';
import { listQuestionTypeModules } from './question-types/registry';
import { createSchemaKit } from './question-types/schema-kit';
import { distinctShapes } from './question-types/shared';
import type { QuestionResponse } from './responses';

/**
 * The shape of every response, for parsing API bodies on the server (the browser never bundles
 * this file, so it never bundles zod): each type module's response schema, each shape once
 * (single and judgement share `{ choice }`). It checks structure only and caps sizes; whether the
 * ids belong to the question is `validateResponse`'s job, and it gives the more precise reasons.
 */
const kit = createSchemaKit(z);

export const responseSchema = z.union(
  distinctShapes(listQuestionTypeModules()).map((module) => module.responseSchema(kit)),
) satisfies z.ZodType<QuestionResponse>;
