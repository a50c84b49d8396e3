import { useEffect, useMemo, useState } from 'react';
import type { Article } from '../../../domain/article';
import { pathKey, type DraftBank } from '../draft-bank';
import type { DraftProblem } from '../validate-draft-bank';

/** Long enough not to check on every keystroke, short enough to feel live. */
const VALIDATION_DELAY_MS = 250;

export interface BankValidation {
  problems: DraftProblem[];
  /** Whether `problems` are those of the bank as it is now, not of an earlier edit. */
  checked: boolean;
  /** The problems at each data path (`pathKey`), exactly there. */
  byPath: ReadonlyMap<string, DraftProblem[]>;
}

/**
 * The draft's problems, checked again a moment after the teacher stops typing: the bank's own
 * rules (`validateDraftBank`), grouped by the data path each concerns. None until the first check.
 */
export function useBankValidation(bank: DraftBank, article: Article): BankValidation {
  // The bank and article the problems were found in, so a render can tell they are not yet the
  // current ones.
  const [last, setLast] = useState<{
    bank: DraftBank | null;
    article: Article | null;
    problems: DraftProblem[];
  }>({ bank: null, article: null, problems: [] });
  const { problems } = last;
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      // The checks need zod and the bank schema: loaded on first use, in a chunk of their own.
      void import('../validate-draft-bank').then(({ validateDraftBank }) => {
        if (current) setLast({ bank, article, problems: validateDraftBank(bank, article) });
      });
    }, VALIDATION_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [bank, article]);
  const grouped = useMemo(() => {
    const byPath = new Map<string, DraftProblem[]>();
    for (const problem of problems) {
      const key = pathKey(problem.path);
      byPath.set(key, [...(byPath.get(key) ?? []), problem]);
    }
    return { problems, byPath };
  }, [problems]);
  const checked = last.bank === bank && last.article === article;
  return useMemo(() => ({ ...grouped, checked }), [grouped, checked]);
}
