import { describe, expect, it } from 'vitest';
import {
  countDraftAnswers,
  draftStorageKey,
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

  it('keeps a started attempt as in progress with its length, and nothing else the server sent with it', () => {
    const started = {
      attemptId: 'a1',
      token: 'secret',
      bankId: 'bank',
      articleId: 'article',
      startedAt: '2025-03-01T10:00:00Z',
      questions: [
        { id: 'q1', prompt: 'Who?' },
        { id: 'q2', prompt: 'When?' },
      ],
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
      questionCount: 2,
    });
  });

  it('marks an attempt submitted', () => {
    saveAttemptRecord(record('a1', '2025-03-01T10:00:00Z'));
    markAttemptSubmitted('a1');
    expect(readAttemptRecord('a1')?.submitted).toBe(true);
  });

  it('keeps the score once the results have shown it, for the library', () => {
    saveAttemptRecord(record('a1', '2025-03-01T10:00:00Z'));
    markAttemptSubmitted('a1', 62.5);
    expect(readAttemptRecord('a1')).toMatchObject({ submitted: true, percent: 62.5 });
    // Submitting from the quiz page (no score there) keeps a score already known.
    markAttemptSubmitted('a1');
    expect(readAttemptRecord('a1')?.percent).toBe(62.5);
  });

  it('counts the answered questions in an attempt’s draft, and nothing in a malformed one', () => {
    localStorage.setItem(
      draftStorageKey('a1'),
      JSON.stringify({
        state: {
          responses: {
            q1: { choice: 'b' },
            q2: { choices: [] },
            q3: { text: 'Kursk' },
            q4: { partA: { choice: 'a' } },
          },
        },
        version: 1,
      }),
    );
    expect(countDraftAnswers('a1')).toBe(2);
    localStorage.setItem(draftStorageKey('a2'), '{not json');
    expect(countDraftAnswers('a2')).toBe(0);
    localStorage.setItem(draftStorageKey('a3'), JSON.stringify({ state: { responses: 7 } }));
    expect(countDraftAnswers('a3')).toBe(0);
    expect(countDraftAnswers('none')).toBe(0);
  });

  it('ignores entries that are not attempt records', () => {
    localStorage.setItem('readproof:attempt:broken', '{not json');
    localStorage.setItem('readproof:attempt:partial', JSON.stringify({ attemptId: 'partial' }));
    localStorage.setItem('something-else', JSON.stringify(record('x', '2025-03-01T10:00:00Z')));
    expect(readAttemptRecord('broken')).toBeUndefined();
    expect(listAttemptRecords()).toEqual([]);
  });
});
