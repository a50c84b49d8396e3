import { OpenAPIHono, type z } from '@hono/zod-openapi';
import type { TeacherEnv } from '../teachers/session';
import { validationHook } from './errors';

/** A router whose invalid bodies and parameters answer with the API's 400 error shape. */
export function createRouter() {
  return new OpenAPIHono({ defaultHook: validationHook });
}

/** A router for routes behind `requireTeacher`, where `c.var.teacher` is the signed-in teacher. */
export function createTeacherRouter() {
  return new OpenAPIHono<TeacherEnv>({ defaultHook: validationHook });
}

/** A required JSON request body, for `createRoute`'s `request.body`. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}

/** A JSON response, for `createRoute`'s `responses`. */
export function jsonResponse<T extends z.ZodType>(description: string, schema: T) {
  return { description, content: { 'application/json': { schema } } } as const;
}
