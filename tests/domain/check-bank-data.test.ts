import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { checkBankData } from '../../src/domain/check-bank-data';
import { article } from './fixtures/engine-questions';

const BANK_FILE = join(import.meta.dirname, '../../questions/putin-kursk-visit/the-visit.yaml');

/** The shipped bank as parsed data, its questions as plain records to break. */
function shippedBank(): Record<string, unknown> & { questions: Record<string, unknown>[] } {
  return parse(readFileSync(BANK_FILE, 'utf8')) as ReturnType<typeof shippedBank>;
}

const anyArticleId = () => [];

describe('checkBankData', () => {
  it('finds a shipped bank sound, and returns it resolved with its ids', () => {
    const bank = shippedBank();
    const checked = checkBankData(bank, article, anyArticleId);
    expect(checked.problems).toEqual([]);
    expect(checked.resolved?.id).toBe('the-visit');
    expect(checked.ids).toEqual({
      id: 'the-visit',
      questionIds: bank.questions.map((question) => question.id),
    });
  });

  it('reports data that is not a mapping once, for the whole bank', () => {
    const checkArticleId = vi.fn(anyArticleId);
    expect(checkBankData(['a', 'b'], article, checkArticleId)).toEqual({
      problems: [{ path: [], message: expect.stringMatching(/^A bank is a mapping/) }],
      ids: { id: undefined, questionIds: [] },
      resolved: undefined,
    });
    expect(checkArticleId).not.toHaveBeenCalled();
  });

  it('reports a broken question in the words of the file, and still checks the ones after it', () => {
    const bank = shippedBank();
    const [first, second, ...rest] = bank.questions;
    bank.questions = [
      { ...first, type: 'singel' },
      { ...second, evidence: ['Words the article never says'] },
      ...rest,
    ];
    const checked = checkBankData(bank, article, anyArticleId);
    expect(checked.problems).toEqual([
      {
        path: ['questions', 0, 'type'],
        target: 'value',
        questionId: 'visit-why-news',
        message: expect.stringMatching(/^Unknown type "singel".* Did you mean "single"\?$/),
      },
      // The second question is the first valid one: its problem is mapped back to its own place.
      {
        path: ['questions', 1, 'evidence', 0],
        questionId: 'visit-city',
        message: expect.stringContaining('Words the article never says'),
      },
    ]);
    expect(checked.resolved).toBeUndefined();
  });

  it('puts the caller’s article check after the fields’ problems, and keeps such a bank back', () => {
    const bank = { ...shippedBank(), title: 7 };
    const checkArticleId = vi.fn(() => [{ path: ['article'], message: 'Wrong article.' }]);
    const checked = checkBankData(bank, article, checkArticleId);
    expect(checkArticleId).toHaveBeenCalledWith('putin-kursk-visit');
    expect(checked.problems).toEqual([
      { path: ['title'], target: 'value', message: '"title" should be text, not 7.' },
      { path: ['article'], message: 'Wrong article.' },
    ]);
    expect(checked.resolved).toBeUndefined();
  });

  it('checks the questions’ rules without an article, but resolves nothing', () => {
    const bank = shippedBank();
    const [first, ...rest] = bank.questions;
    const options = first?.options as Record<string, unknown>[];
    bank.questions = [
      { ...first, options: options.map(({ correct: _, ...option }) => option) },
      ...rest,
    ];
    const checked = checkBankData(bank, undefined, anyArticleId);
    expect(checked.problems).toEqual([
      expect.objectContaining({ path: ['questions', 0, 'options'], questionId: 'visit-why-news' }),
    ]);
    expect(checkBankData(shippedBank(), undefined, anyArticleId)).toMatchObject({
      problems: [],
      resolved: undefined,
    });
  });
});
