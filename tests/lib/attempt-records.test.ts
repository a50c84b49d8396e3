import { describe, expect, it } from 'vitest';
import {
  listAttemptRecords,
  markAttemptSubmitted,
  readAttemptRecord,
  rememberStartedAttempt,
  saveAttemptRecord,
  type AttemptRecord,
} from '../../src/lib/attempt-records';

const record = (attemptId: string, startedAt: string): AttemptRecord => ({
  attemptId,
  token: `token-${attemptId}`,
  bankId: 'bank',
  articleId: 'article',
  startedAt,
  submitted: false,
});

describe('the attempts kept on this device', () => {
  it('keeps each attempt’s token and lists them newest first', () => {
    saveAttemptRecord(record('old', '2025-03-01T10:00:00Z'));
    saveAttemptRecord(record('new', '2025-03-02T10:00:00Z'));
    expect(readAttemptRecord('old')?.token).toBe('token-old');
    expect(listAttemptRecords().map((saved) => saved.attemptId)).toEqual(['new', 'old']);
  });

  it('keeps a started attempt as in progress, and nothing else the server sent with it', () => {
    const started = {
      attemptId: 'a1',
      token: 'secret',
      bankId: 'bank',
      articleId: 'article',
      startedAt: '2025-03-01T10:00:00Z',
      questions: [],
      deadline: null,
    };
    rememberStartedAttempt(started);
    expect(JSON.parse(localStorage.getItem('readproof:attempt:a1') ?? 'null')).toEqual({
      attemptId: 'a1',
      token: 'secret',
      bankId: 'bank',
      articleId: 'article',
      startedAt: '2025-03-01T10:00:00Z',
      submitted: false,
    });
  });

  it('marks an attempt submitted', () => {
    saveAttemptRecord(record('a1', '2025-03-01T10:00:00Z'));
    markAttemptSubmitted('a1');
    expect(readAttemptRecord('a1')?.submitted).toBe(true);
  });

  it('ignores entries that are not attempt records', () => {
    localStorage.setItem('readproof:attempt:broken', '{not json');
    localStorage.setItem('readproof:attempt:partial', JSON.stringify({ attemptId: 'partial' }));
    localStorage.setItem('something-else', JSON.stringify(record('x', '2025-03-01T10:00:00Z')));
    expect(readAttemptRecord('broken')).toBeUndefined();
    expect(listAttemptRecords()).toEqual([]);
  });
});
