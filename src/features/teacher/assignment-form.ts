import { ASSIGNMENT_DEFAULTS } from '../../domain/assignment-choices';
import { studentNameKey, type ReviewPolicy } from '../../domain/assignment-rules';
// Types only: the schema module carries zod, which the browser never bundles.
import type { AssignmentSettings } from '../../domain/assignment-settings';
import { FIELD_LIMITS } from '../../domain/field-limits';
import type { Assignment, NewAssignment } from '../../lib/assignment-api-client';
import { fromDateTimeLocalValue, toDateTimeLocalValue } from '../../lib/format-date-time';
import type { FieldProblem } from '../../components/form-field';

/**
 * The settings the form holds just as they are sent (choices and checkboxes): they pass from the
 * defaults or the assignment to the request untouched. The others are typed as text and checked.
 */
const CHOICE_SETTINGS = [
  'countedAttempt',
  'shuffleQuestions',
  'shuffleOptions',
  'allowHighlights',
] as const satisfies readonly (keyof AssignmentSettings)[];
type ChoiceSettings = Pick<AssignmentSettings, (typeof CHOICE_SETTINGS)[number]>;

function pickChoices(from: ChoiceSettings): ChoiceSettings {
  return Object.fromEntries(CHOICE_SETTINGS.map((key) => [key, from[key]])) as ChoiceSettings;
}

/** Extra minutes for one named student, as typed. */
export interface ExtraTimeRow {
  /** Identifies the row while names are typed and rows removed. */
  key: number;
  name: string;
  minutes: string;
}

/** The new-assignment form as typed: text fields stay strings until they are checked. */
export interface AssignmentFormValues extends ChoiceSettings {
  bankId: string;
  title: string;
  questionScope: 'all' | 'some';
  /** The chosen questions when `questionScope` is `some`. */
  questionIds: string[];
  /** `datetime-local` values; an empty due time means none. */
  opensAt: string;
  dueAt: string;
  /** Empty: no time limit. */
  timeLimitMinutes: string;
  /** A number of attempts, or `unlimited`. */
  attemptsAllowed: string;
  reviewWhen: ReviewPolicy['when'];
  reviewShow: ReviewPolicy['show'];
  extraTime: ExtraTimeRow[];
}

/** The id of each control, for labels, `aria-describedby` and the error summary's links. */
export const FIELD_IDS = {
  bankId: 'assignment-bank',
  title: 'assignment-title',
  questionIds: 'assignment-questions',
  opensAt: 'assignment-opens-at',
  dueAt: 'assignment-due-at',
  timeLimitMinutes: 'assignment-time-limit',
  attemptsAllowed: 'assignment-attempts',
  countedAttempt: 'assignment-counted',
  reviewPolicy: 'assignment-review-when',
  extraTime: 'assignment-extra-time',
} as const;

export const extraTimeFieldId = (row: ExtraTimeRow, field: 'name' | 'minutes') =>
  `extra-time-${row.key}-${field}`;

export const ATTEMPT_CHOICES = ['1', '2', '3', '4', '5', '10', 'unlimited'] as const;

/** Text for a number the teacher may leave out: empty for none. */
const textOf = (value: number | null) => (value === null ? '' : String(value));
const attemptsTextOf = (attemptsAllowed: number | null) =>
  attemptsAllowed === null ? 'unlimited' : String(attemptsAllowed);

/** A blank form, with the settings' defaults: every question, opening now. */
export function initialAssignmentValues(now: Date): AssignmentFormValues {
  const defaults = ASSIGNMENT_DEFAULTS;
  return {
    ...pickChoices(defaults),
    bankId: '',
    title: '',
    questionScope: 'all',
    questionIds: [],
    opensAt: toDateTimeLocalValue(now),
    dueAt: defaults.dueAt ?? '',
    timeLimitMinutes: textOf(defaults.timeLimitMinutes),
    attemptsAllowed: attemptsTextOf(defaults.attemptsAllowed),
    reviewWhen: defaults.reviewPolicy.when,
    reviewShow: defaults.reviewPolicy.show,
    extraTime: [],
  };
}

/**
 * The form filled in with an assignment's settings, to edit them. Its questions show as a chosen
 * subset (ticked); its extra-time rows take negative keys, clear of the rows the form adds.
 */
export function assignmentFormValuesOf(assignment: Assignment): AssignmentFormValues {
  return {
    ...pickChoices(assignment),
    bankId: assignment.bankId,
    title: assignment.title,
    questionScope: 'some',
    questionIds: assignment.questionIds,
    opensAt: toDateTimeLocalValue(new Date(assignment.opensAt)),
    dueAt: assignment.dueAt === null ? '' : toDateTimeLocalValue(new Date(assignment.dueAt)),
    timeLimitMinutes: textOf(assignment.timeLimitMinutes),
    attemptsAllowed: attemptsTextOf(assignment.attemptsAllowed),
    reviewWhen: assignment.reviewPolicy.when,
    reviewShow: assignment.reviewPolicy.show,
    extraTime: Object.entries(assignment.extraTime).map(([name, minutes], index) => ({
      key: -(index + 1),
      name,
      minutes: String(minutes),
    })),
  };
}

function parseMinutes(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const minutes = Number(trimmed);
  return minutes >= 1 && minutes <= FIELD_LIMITS.minutes ? minutes : null;
}

const MINUTES_RULE = `a whole number of minutes from 1 to ${FIELD_LIMITS.minutes} (24 hours)`;

export type AssignmentFormCheck =
  { ok: true; request: NewAssignment } | { ok: false; problems: FieldProblem[] };

/**
 * Checks the form the way the server will, with messages that say how to fix each field, and
 * builds the request. `bankQuestionIds` (in bank order) orders a chosen subset; `now` rules out a
 * due time already past.
 */
export function checkAssignmentForm(
  values: AssignmentFormValues,
  {
    now,
    bankQuestionIds,
    savedDueAt = null,
  }: {
    now: Date;
    bankQuestionIds: readonly string[];
    /** When editing: the due time saved already, which may have passed and still be kept. */
    savedDueAt?: string | null;
  },
): AssignmentFormCheck {
  const problems: FieldProblem[] = [];
  const problem = (fieldId: string, message: string) => problems.push({ fieldId, message });

  if (values.bankId === '') problem(FIELD_IDS.bankId, 'Choose the quiz to assign.');
  const title = values.title.trim();
  if (title === '') problem(FIELD_IDS.title, 'Give the assignment a title.');
  else if (title.length > FIELD_LIMITS.assignmentTitle) {
    problem(
      FIELD_IDS.title,
      `Keep the title to ${FIELD_LIMITS.assignmentTitle} characters or fewer.`,
    );
  }

  const chosen = new Set(values.questionIds);
  const questionIds = bankQuestionIds.filter((id) => chosen.has(id));
  if (values.bankId !== '' && values.questionScope === 'some' && questionIds.length === 0) {
    problem(FIELD_IDS.questionIds, 'Choose at least one question, or ask them all.');
  }

  const opensAt = fromDateTimeLocalValue(values.opensAt);
  if (opensAt === null) problem(FIELD_IDS.opensAt, 'Give the date and time the quiz opens.');
  const dueAt = values.dueAt.trim() === '' ? null : fromDateTimeLocalValue(values.dueAt);
  if (values.dueAt.trim() !== '' && dueAt === null) {
    problem(FIELD_IDS.dueAt, 'Give the due date and time, or leave both empty for none.');
  } else if (dueAt !== null && opensAt !== null && dueAt <= opensAt) {
    problem(FIELD_IDS.dueAt, 'The due time must come after the opening time.');
  } else if (dueAt !== null && dueAt !== savedDueAt && Date.parse(dueAt) <= now.getTime()) {
    problem(FIELD_IDS.dueAt, 'This due time has passed: choose a later one.');
  }

  const timeLimitMinutes =
    values.timeLimitMinutes.trim() === '' ? null : parseMinutes(values.timeLimitMinutes);
  if (values.timeLimitMinutes.trim() !== '' && timeLimitMinutes === null) {
    problem(
      FIELD_IDS.timeLimitMinutes,
      `A time limit is ${MINUTES_RULE}; leave it empty for none.`,
    );
  }

  const extraTime: Record<string, number> = {};
  const seen = new Set<string>();
  const rows = values.extraTime.filter((row) => row.name.trim() !== '' || row.minutes !== '');
  for (const row of rows) {
    const name = row.name.trim();
    const minutes = parseMinutes(row.minutes);
    if (name === '') problem(extraTimeFieldId(row, 'name'), 'Type the student’s name.');
    else if (seen.has(studentNameKey(name))) {
      problem(extraTimeFieldId(row, 'name'), `${name} is listed twice.`);
    }
    if (minutes === null) {
      problem(
        extraTimeFieldId(row, 'minutes'),
        `Extra time for ${name || 'a student'} is ${MINUTES_RULE}.`,
      );
    }
    if (name !== '') seen.add(studentNameKey(name));
    if (name !== '' && minutes !== null) extraTime[name] = minutes;
  }
  if (rows.length > 0 && values.timeLimitMinutes.trim() === '') {
    problem(FIELD_IDS.timeLimitMinutes, 'Extra time adds to a time limit: set a time limit first.');
  }

  if (problems.length > 0 || opensAt === null) return { ok: false, problems };
  return {
    ok: true,
    request: {
      ...pickChoices(values),
      bankId: values.bankId,
      title,
      ...(values.questionScope === 'some' ? { questionIds } : {}),
      opensAt,
      dueAt,
      timeLimitMinutes,
      attemptsAllowed:
        values.attemptsAllowed === 'unlimited' ? null : Number(values.attemptsAllowed),
      reviewPolicy: { when: values.reviewWhen, show: values.reviewShow },
      extraTime,
    },
  };
}
