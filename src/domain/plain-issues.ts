import type { z } from 'zod';
import { formatCount } from './plural';

/**
 * What each request field is called in a message, where its name in the API is not a plain word.
 * Fields not listed are named by their API name split into words ("studentName": "student name").
 */
const FIELD_NAMES: Record<string, string> = {
  email: 'email address',
  bankId: 'quiz',
  questionIds: 'list of questions',
  opensAt: 'opening time',
  dueAt: 'due time',
  timeLimitMinutes: 'time limit',
  attemptsAllowed: 'number of attempts',
  countedAttempt: 'counted attempt',
  reviewPolicy: 'review setting',
  extraTime: 'extra time',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a group of fields',
  array: 'a list',
};

/** The field an issue is about, in words: the last named segment of its path. */
function fieldNameOf(path: readonly PropertyKey[] | undefined): string | null {
  const name = [...(path ?? [])].reverse().find((key) => typeof key === 'string');
  if (name === undefined) return null;
  return FIELD_NAMES[name] ?? name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function sizeOf(input: unknown): number | null {
  if (typeof input === 'string' || Array.isArray(input)) return input.length;
  return null;
}

/**
 * A person's message for one of zod's issues, naming the field and the limit in plain words:
 * "The name can be at most 100 characters long; this one has 300." Installed once for the API with
 * `z.config({ customError: describeIssue })`, it words every issue whose schema gave no message of
 * its own; it returns undefined (zod's own wording) for issues no person can meet through a form.
 */
export function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  const field = fieldNameOf(issue.path);
  const The = field === null ? 'The request' : `The ${field}`;
  const size = sizeOf(issue.input);
  switch (issue.code) {
    case 'too_big': {
      const max = Number(issue.maximum) - (issue.inclusive === false ? 1 : 0);
      if (issue.origin === 'string') {
        const has = size === null ? '' : `; this one has ${size}`;
        return `${The} can be at most ${formatCount(max, 'character')} long${has}.`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        const has = size === null ? '' : `; this one has ${size}`;
        return `${The} can have at most ${formatCount(max, 'item')}${has}.`;
      }
      return `${The} can be at most ${max}.`;
    }
    case 'too_small': {
      const min = Number(issue.minimum) + (issue.inclusive === false ? 1 : 0);
      if (issue.origin === 'string') {
        return min <= 1
          ? `${The} cannot be empty.`
          : `${The} needs at least ${formatCount(min, 'character')}.`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return `${The} needs at least ${formatCount(min, 'item')}.`;
      }
      return `${The} must be at least ${min}.`;
    }
    case 'invalid_type':
      if (issue.input === undefined) return `${The} is missing.`;
      return `${The} must be ${TYPE_NAMES[issue.expected] ?? issue.expected}.`;
    case 'invalid_format':
      if (issue.format === 'email') return `${The} must be a whole email address.`;
      if (issue.format === 'datetime') {
        return `${The} must be a date and time with its time zone, such as 2026-03-02T09:00:00Z.`;
      }
      return `${The} is not in the expected form.`;
    case 'invalid_value':
      return `${The} must be one of: ${issue.values.map((value) => String(value)).join(', ')}.`;
    case 'unrecognized_keys':
      return `The request has ${issue.keys.length === 1 ? 'a field' : 'fields'} it does not take: ${issue.keys.join(', ')}.`;
    default:
      return undefined;
  }
}
