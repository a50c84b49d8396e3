import type { Highlight } from '../domain/highlights';
import type { QuestionResponse } from '../domain/responses';
import { isAnswered } from '../domain/question-types/response-kinds';

/**
 * The attempts this browser started, kept in localStorage: the secret token that lets only this
 * browser continue (and later review) an attempt, and enough to offer "Continue" in the library.
 */
export interface AttemptRecord {
  attemptId: string;
  token: string;
  bankId: string;
  articleId: string;
  startedAt: string;
  submitted: boolean;
  /** How many questions the attempt has (records kept before this field have none). */
  questionCount?: number;
  /** The score in percent, once this browser has shown the results. */
  percent?: number;
  /** A teacher's preview of their own quiz: kept for the quiz and review pages, listed nowhere. */
  preview?: boolean;
}

const PREFIX = 'readproof:attempt:';

/** The localStorage key of an attempt's draft answers (the quiz's draft store writes it). */
export function draftStorageKey(attemptId: string): string {
  return `readproof:draft:${attemptId}`;
}

/** The localStorage key of the copy of an unfinished quiz that opens it offline (device-copy.ts). */
export function quizCopyStorageKey(attemptId: string): string {
  return `readproof:quiz-copy:${attemptId}`;
}

const isOptionalNumber = (value: unknown) => value === undefined || typeof value === 'number';

function isAttemptRecord(value: unknown): value is AttemptRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.attemptId === 'string' &&
    typeof record.token === 'string' &&
    typeof record.bankId === 'string' &&
    typeof record.articleId === 'string' &&
    typeof record.startedAt === 'string' &&
    typeof record.submitted === 'boolean' &&
    isOptionalNumber(record.questionCount) &&
    isOptionalNumber(record.percent) &&
    (record.preview === undefined || typeof record.preview === 'boolean')
  );
}

function parseRecord(raw: string | null): AttemptRecord | undefined {
  if (raw === null) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return isAttemptRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function saveAttemptRecord(record: AttemptRecord): void {
  localStorage.setItem(PREFIX + record.attemptId, JSON.stringify(record));
}

/** Keeps a just-started attempt (practice, joined or a teacher's preview), in progress, on this device. */
export function rememberStartedAttempt(
  attempt: Pick<AttemptRecord, 'attemptId' | 'token' | 'bankId' | 'articleId' | 'startedAt'> & {
    questions?: readonly unknown[];
    preview?: boolean;
  },
): void {
  const { attemptId, token, bankId, articleId, startedAt, questions, preview } = attempt;
  saveAttemptRecord({
    attemptId,
    token,
    bankId,
    articleId,
    startedAt,
    submitted: false,
    ...(questions && { questionCount: questions.length }),
    ...(preview && { preview }),
  });
}

export function readAttemptRecord(attemptId: string): AttemptRecord | undefined {
  return parseRecord(localStorage.getItem(PREFIX + attemptId));
}

/**
 * Marks an attempt submitted, with its score in percent once the results have shown it. Its
 * offline copy goes: a submitted quiz does not open again.
 */
export function markAttemptSubmitted(attemptId: string, percent?: number): void {
  localStorage.removeItem(quizCopyStorageKey(attemptId));
  const record = readAttemptRecord(attemptId);
  if (record) {
    saveAttemptRecord({ ...record, submitted: true, ...(percent !== undefined && { percent }) });
  }
}

/**
 * The objects under `field` (answers or highlights) in this device's draft of an attempt, as the
 * quiz's draft store last kept them (those the server has and those still unsent), by key. The
 * draft is whatever a page left in localStorage, so anything that is not an object counts as none.
 */
function readDraftEntries(
  attemptId: string,
  field: 'responses' | 'highlights',
): [string, object][] {
  try {
    const draft = JSON.parse(localStorage.getItem(draftStorageKey(attemptId)) ?? 'null') as {
      state?: Record<string, unknown>;
    } | null;
    const entries = draft?.state?.[field];
    if (typeof entries !== 'object' || entries === null) return [];
    return Object.entries(entries).filter(
      (entry): entry is [string, object] => typeof entry[1] === 'object' && entry[1] !== null,
    );
  } catch {
    return [];
  }
}

/** The answers in this device's draft of an attempt, by question id. */
export function readDraftResponses(attemptId: string): Record<string, QuestionResponse> {
  return Object.fromEntries(readDraftEntries(attemptId, 'responses')) as Record<
    string,
    QuestionResponse
  >;
}

/** The highlights in this device's draft of an attempt; one without a key or sentence is none. */
export function readDraftHighlights(attemptId: string): Highlight[] {
  return readDraftEntries(attemptId, 'highlights')
    .map(([, highlight]) => highlight as Highlight)
    .filter(({ key, sentenceId }) => typeof key === 'string' && typeof sentenceId === 'string');
}

/** How many questions of an in-progress attempt have an answer in this device's draft. */
export function countDraftAnswers(attemptId: string): number {
  return Object.values(readDraftResponses(attemptId)).filter((response) => {
    try {
      return isAnswered(response);
    } catch {
      // A malformed answer (a list that is not one) is no answer.
      return false;
    }
  }).length;
}

/** Every attempt this browser knows, newest first; a teacher's previews are not a student's. */
export function listAttemptRecords(): AttemptRecord[] {
  const records: AttemptRecord[] = [];
  for (let index = 0; index < localStorage.length; index += 1) {
    const key = localStorage.key(index);
    if (!key?.startsWith(PREFIX)) continue;
    const record = parseRecord(localStorage.getItem(key));
    if (record && !record.preview) records.push(record);
  }
  return records.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}
