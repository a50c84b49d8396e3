import { useState } from 'react';
import { parse } from 'yaml';
import articleFile from '../../../questions/putin-kursk-visit/article.md?raw';
import { parseArticle, type Article, type ArticleMeta } from '../../../src/domain/article';
import type { QuestionType } from '../../../src/domain/question-kinds';
import { BankEditor } from '../../../src/features/authoring/components/bank-editor';
import {
  newQuestion,
  type DraftBank,
  type QuestionDraft,
} from '../../../src/features/authoring/draft-bank';

/** The shipped article, read as the content loader reads it: front matter, then the body. */
function readShippedArticle(): Article {
  const [, frontMatter = '', ...body] = articleFile.split(/^---\s*$/m);
  return parseArticle(parse(frontMatter) as ArticleMeta, body.join('---')).article;
}

export const shippedArticle = readShippedArticle();

export function draftBank(questions: QuestionDraft[]): DraftBank {
  return {
    id: 'draft-bank',
    article: shippedArticle.meta.id,
    title: 'Draft bank',
    description: 'A bank written in the editor.',
    questions,
  };
}

export function bankWith(type: QuestionType): DraftBank {
  return draftBank([newQuestion(type, [])]);
}

/** The editor holding its own draft, as a page would; `onBank` sees every change. */
export function EditorHarness({
  initial,
  onBank,
}: {
  initial: DraftBank;
  onBank: (bank: DraftBank) => void;
}) {
  const [bank, setBank] = useState(initial);
  return (
    <BankEditor
      bank={bank}
      article={shippedArticle}
      onChange={(next) => {
        setBank(next);
        onBank(next);
      }}
    />
  );
}

/** The last bank the harness emitted. */
export function lastBank(onBank: { mock: { calls: DraftBank[][] } }): DraftBank {
  const bank = onBank.mock.calls.at(-1)?.[0];
  if (bank === undefined) throw new Error('The editor emitted no bank.');
  return bank;
}
