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
}

const PREFIX = 'readproof:attempt:';

function isAttemptRecord(value: unknown): value is AttemptRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.attemptId === 'string' &&
    typeof record.token === 'string' &&
    typeof record.bankId === 'string' &&
    typeof record.articleId === 'string' &&
    typeof record.startedAt === 'string' &&
    typeof record.submitted === 'boolean'
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

/** Keeps a just-started attempt (practice or joined), in progress, on this device. */
export function rememberStartedAttempt(
  attempt: Pick<AttemptRecord, 'attemptId' | 'token' | 'bankId' | 'articleId' | 'startedAt'>,
): void {
  const { attemptId, token, bankId, articleId, startedAt } = attempt;
  saveAttemptRecord({ attemptId, token, bankId, articleId, startedAt, submitted: false });
}

export function readAttemptRecord(attemptId: string): AttemptRecord | undefined {
  return parseRecord(localStorage.getItem(PREFIX + attemptId));
}

export function markAttemptSubmitted(attemptId: string): void {
  const record = readAttemptRecord(attemptId);
  if (record) saveAttemptRecord({ ...record, submitted: true });
}

/** Every attempt this browser knows, newest first. */
export function listAttemptRecords(): AttemptRecord[] {
  const records: AttemptRecord[] = [];
  for (let index = 0; index < localStorage.length; index += 1) {
    const key = localStorage.key(index);
    if (!key?.startsWith(PREFIX)) continue;
    const record = parseRecord(localStorage.getItem(key));
    if (record) records.push(record);
  }
  return records.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}
