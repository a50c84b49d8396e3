import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ScoredAttempt } from '../../../src/server/results/result-queries';
import {
  localTimeWriter,
  shortenPrompt,
  writeSummaryCsv,
} from '../../../src/server/results/assignment-csv';
import { buildGradebook } from '../../../src/server/results/gradebook';
import { loadShippedContent } from '../test-app';

/** `count` submitted attempts of different students, each with one point per question. */
function scoredAttempts(count: number, questionIds: string[]): ScoredAttempt[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `attempt-${index}`,
    studentName: `Student ${String(index).padStart(4, '0')}`,
    studentKey: `student ${String(index).padStart(4, '0')}`,
    status: 'submitted',
    submittedBy: 'student',
    startedAt: '2026-03-02T09:00:00.000Z',
    deadline: null,
    submittedAt: '2026-03-02T09:10:00.000Z',
    answeredCount: questionIds.length,
    score: { total: questionIds.length, maxPoints: questionIds.length, percent: 100 },
    marks: Object.fromEntries(
      questionIds.map((id) => [id, { points: 1, maxPoints: 1, status: 'correct' as const }]),
    ),
  }));
}

describe('summary.csv, streamed', () => {
  it('writes a year group in chunks that join into one whole file, every row once and in order', async () => {
    const [loaded] = (await loadShippedContent()).banks.values();
    if (!loaded) throw new Error('No shipped bank');
    const questions = loaded.bank.questions.slice(0, 3);
    const questionIds = questions.map((question) => question.id);
    const attempts = scoredAttempts(450, questionIds);
    const gradebook = buildGradebook({ countedAttempt: 'highest', questionIds }, attempts, {
      maxPoints: 3,
    });
    const chunks: string[] = [];
    for await (const chunk of writeSummaryCsv({ questions, gradebook, attempts, timeZone: 'UTC' }))
      chunks.push(chunk);
    // The header, then 200 attempts at a time: the event loop gets a turn between chunks.
    expect(chunks).toHaveLength(4);
    const text = chunks.join('');
    expect(text.startsWith('\uFEFF"Student"')).toBe(true);
    expect(text.indexOf('\uFEFF', 1)).toBe(-1);
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header?.slice(10, 12)).toEqual(['Counts', 'Regraded']);
    expect(header?.slice(12)).toEqual(
      questions.map((question, index) => `Q${index + 1} ${shortenPrompt(question.prompt)}`),
    );
    expect(rows.map((row) => row[0])).toEqual(attempts.map((attempt) => attempt.studentName));
    expect(rows[449]).toEqual([
      'Student 0449',
      '1',
      'submitted',
      '2026-03-02 09:00:00',
      '2026-03-02 09:10:00',
      '10',
      '3',
      '3',
      '100',
      '100',
      'yes',
      '',
      '1',
      '1',
      '1',
    ]);
  });
});

describe('shortenPrompt', () => {
  it('keeps a short prompt and cuts a long one at a word, with an ellipsis', () => {
    expect(shortenPrompt('Which city did Putin travel to?')).toBe(
      'Which city did Putin travel to?',
    );
    expect(
      shortenPrompt('Put these events in the order they happened, from first to last please.'),
    ).toBe('Put these events in the order they…');
  });
});

describe('local times', () => {
  it('follows the zone across a daylight-saving change, to the second', () => {
    const berlin = localTimeWriter('Europe/Berlin');
    // Clocks in Berlin went from 02:00 to 03:00 at 01:00 UTC on 29 March 2026.
    expect(berlin('2026-03-29T00:59:59.000Z')).toBe('2026-03-29 01:59:59');
    expect(berlin('2026-03-29T01:00:00.000Z')).toBe('2026-03-29 03:00:00');
    expect(localTimeWriter('Asia/Kathmandu')('2026-03-02T09:00:07.000Z')).toBe(
      '2026-03-02 14:45:07',
    );
    expect(localTimeWriter('UTC')(null)).toBeNull();
  });
});
