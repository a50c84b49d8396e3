import { parse } from 'yaml';
import type { Article } from '../../domain/article';
import { checkBankData, type BankDataProblem } from '../../domain/check-bank-data';
import { writeDraftBank, type DraftBank } from './draft-bank';

/** One thing wrong with the draft, at the place in the bank it concerns. */
export type DraftProblem = BankDataProblem;

/**
 * The problems `npm run check:content` would report for this bank beside `article`, in the same
 * words (both run `checkBankData`), each with its data path. The draft goes through its YAML text
 * first, so what is checked is what the file would hold. A draft is in no folder yet, so its
 * `article:` is checked against the article it is being written from.
 */
export function validateDraftBank(bank: DraftBank, article: Article): DraftProblem[] {
  const data: unknown = parse(writeDraftBank(bank));
  return checkBankData(data, article, (articleId) =>
    articleId === article.meta.id
      ? []
      : [
          {
            path: ['article'],
            message: `This bank is written from the article "${article.meta.id}"; write that here.`,
          },
        ],
  ).problems;
}
