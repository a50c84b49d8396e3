import type { z } from '@hono/zod-openapi';
import { normaliseStudentName, studentNameKey } from '../../domain/assignment-rules';
import {
  defaultAssignmentSettings,
  pickAssignmentSettings,
  type AssignmentSettings,
} from '../../domain/assignment-settings';
import type { assignmentUpdateSchema } from './assignment-schemas';
import type { BankVersion } from '../content/content-store';
import { ApiError } from '../http/errors';

export type SettingsChanges = z.infer<typeof assignmentUpdateSchema>;

/** The settings of a new assignment that the teacher leaves out: it asks every question. */
export function defaultSettings(
  version: BankVersion,
  { title, now }: { title: string; now: Date },
): AssignmentSettings {
  const questionIds = version.bank.questions.map((question) => question.id);
  return defaultAssignmentSettings({ title, questionIds, now });
}

function invalid(message: string, details?: unknown): ApiError {
  return new ApiError(400, 'invalid-assignment', message, details);
}

/** The chosen questions in bank order; every id must be the bank's, and listed once. */
function orderQuestionIds(version: BankVersion, questionIds: string[]): string[] {
  const unknown = questionIds.filter((id) => !version.questionsById.has(id));
  if (unknown.length > 0) {
    throw invalid(
      `The bank "${version.bank.id}" has no question ${unknown.map((id) => `"${id}"`).join(', ')}.`,
      {
        unknownQuestionIds: unknown,
      },
    );
  }
  if (new Set(questionIds).size !== questionIds.length) {
    throw invalid('A question is listed twice in questionIds.');
  }
  const chosen = new Set(questionIds);
  return version.bank.questions.flatMap((question) =>
    chosen.has(question.id) ? [question.id] : [],
  );
}

/** Names as the gradebook shows them; two spellings of one student would make the grant ambiguous. */
function normaliseExtraTime(extraTime: Record<string, number>): Record<string, number> {
  const byKey = new Map<string, [string, number]>();
  for (const [name, minutes] of Object.entries(extraTime)) {
    const key = studentNameKey(name);
    if (byKey.has(key)) {
      throw invalid(`"${name}" is listed twice in extraTime (names ignore case and spacing).`);
    }
    byKey.set(key, [normaliseStudentName(name), minutes]);
  }
  return Object.fromEntries(byKey.values());
}

const toInstant = (value: string) => new Date(value).toISOString();

/**
 * `base` with `changes` applied and checked against the bank: known questions in bank order,
 * instants in UTC, a due time after the opening time, extra time listed once per student.
 */
export function applySettings(
  version: BankVersion,
  base: AssignmentSettings,
  changes: SettingsChanges,
): AssignmentSettings {
  // Settings stored as sent are taken over as they are; the rest are checked or normalised.
  const settings: AssignmentSettings = {
    ...pickAssignmentSettings(base),
    ...changes,
    questionIds:
      changes.questionIds === undefined
        ? base.questionIds
        : orderQuestionIds(version, changes.questionIds),
    opensAt: changes.opensAt === undefined ? base.opensAt : toInstant(changes.opensAt),
    dueAt:
      changes.dueAt === undefined
        ? base.dueAt
        : changes.dueAt === null
          ? null
          : toInstant(changes.dueAt),
    extraTime:
      changes.extraTime === undefined ? base.extraTime : normaliseExtraTime(changes.extraTime),
  };
  if (settings.dueAt !== null && settings.dueAt <= settings.opensAt) {
    throw invalid('The due time must come after the opening time.', {
      opensAt: settings.opensAt,
      dueAt: settings.dueAt,
    });
  }
  return settings;
}

/** Whether a change moves the deadlines of attempts already started. */
export function changesDeadlines(before: AssignmentSettings, after: AssignmentSettings): boolean {
  return (
    before.dueAt !== after.dueAt ||
    before.timeLimitMinutes !== after.timeLimitMinutes ||
    JSON.stringify(before.extraTime) !== JSON.stringify(after.extraTime)
  );
}
