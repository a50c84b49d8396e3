import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readBank } from '../../../src/content/read-bank';
import type { DraftBank } from '../../../src/features/authoring/draft-bank';
import { writeDraftBank } from '../../../src/features/authoring/draft-bank';
import { validateDraftBank } from '../../../src/features/authoring/validate-draft-bank';
import { shippedArticle } from './authoring-fixtures';

const bankFiles = import.meta.glob<string>('../../../questions/putin-kursk-visit/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

function checkContent(bank: DraftBank) {
  return readBank('questions/putin-kursk-visit/draft.yaml', writeDraftBank(bank), {
    folderId: shippedArticle.meta.id,
    article: shippedArticle,
    articleIds: new Set([shippedArticle.meta.id]),
  }).problems;
}

const shippedBanks = Object.entries(bankFiles).map(
  ([file, text]) => [file.split('/').at(-1), parse(text) as DraftBank] as const,
);

describe('validateDraftBank', () => {
  it('finds the shipped banks sound, as check:content does', () => {
    expect(shippedBanks.length).toBeGreaterThan(0);
    for (const [, bank] of shippedBanks) {
      expect(validateDraftBank(bank, shippedArticle)).toEqual([]);
      expect(checkContent(bank)).toEqual([]);
    }
  });

  it('reports what check:content reports for a bank that breaks the rules, with data paths', () => {
    const [, bank] = shippedBanks.find(([file]) => file === 'by-the-numbers.yaml') ?? [];
    if (bank === undefined) throw new Error('by-the-numbers.yaml is missing.');
    const [first, second, ...rest] = bank.questions;
    if (first?.type !== 'numeric' || second === undefined) throw new Error('The bank has changed.');
    const broken: DraftBank = {
      ...bank,
      article: 'another-article',
      questions: [
        { ...first, tolerance: 50, evidence: ['Words the article never says'] },
        { ...second, prompt: '' },
        ...rest,
      ],
    };
    const problems = validateDraftBank(broken, shippedArticle);
    expect(problems.map((problem) => problem.path)).toEqual([
      ['article'],
      ['questions', 1, 'prompt'],
      ['questions', 0, 'tolerance'],
      ['questions', 0, 'evidence', 0],
    ]);
    // The same problems in the same words, but for the article: check:content names the folder,
    // which a draft has none of.
    const reported = checkContent(broken);
    expect(reported.map(({ questionId, message }) => ({ questionId, message })).slice(1)).toEqual(
      problems.map(({ questionId, message }) => ({ questionId, message })).slice(1),
    );
  });

  it('words a field the schema refuses as check:content does', () => {
    const [, bank] = shippedBanks[0] ?? [];
    if (bank === undefined) throw new Error('No shipped bank.');
    const [first, ...rest] = bank.questions;
    if (first === undefined) throw new Error('The bank has no questions.');
    const withoutPrompt: Record<string, unknown> = { ...first };
    delete withoutPrompt.prompt;
    // What a hand-edited file could hold, which the editor's types would not allow.
    const broken = {
      ...bank,
      title: 7,
      questions: [{ ...withoutPrompt, explaination: 'A typo.', difficulty: 'hard' }, ...rest],
    } as unknown as DraftBank;
    const problems = validateDraftBank(broken, shippedArticle);
    expect(problems.map((problem) => problem.message)).toEqual([
      '"title" should be text, not 7.',
      expect.stringMatching(/^Missing "prompt"/),
      expect.stringMatching(/^"difficulty" should be a number, not the text "hard"\./),
      expect.stringMatching(/^Unknown field "explaination"\. Did you mean "explanation"\?/),
    ]);
    expect(checkContent(broken).map((problem) => problem.message)).toEqual(
      problems.map((problem) => problem.message),
    );
  });
});
