import { basename } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listSentences } from '../../../../src/domain/article';
import type { ImportedQuestion } from '../../../../src/domain/interop/interop-format';
import { exportQti3, importQti3 } from '../../../../src/domain/interop/qti3/index';
import {
  listEvidenceSentenceIds,
  resolveBank,
  type ResolvedBank,
  type ResolvedQuestion,
} from '../../../../src/domain/resolved-bank';
import { bankSchema } from '../../../../src/domain/question-schema';
import { scoreQuestion } from '../../../../src/domain/score-attempt';
import {
  FIXTURE_BANK_FILE,
  listShippedBankFiles,
  loadArticle,
  loadBank,
} from '../../fixtures/load-banks';
import { responseArbitrary } from '../../fixtures/response-arbitraries';

const article = loadArticle();
const sentenceIds = listSentences(article).map((sentence) => sentence.id);
const banks: [name: string, bank: ResolvedBank][] = [
  ...listShippedBankFiles(),
  FIXTURE_BANK_FILE,
].map((file) => [basename(file), loadBank(file, article)]);

/** The quotes of a question's evidence, as a bank file writes them. */
function quotesOf(question: ResolvedQuestion): string[] {
  return question.evidence.map((evidence) => evidence.quote);
}

/**
 * An imported question made whole the way a teacher does in the editor: QTI carries no evidence
 * quotes, so the original's are added back, except for an evidence question, whose key is the
 * evidence the import found in the article.
 */
function completed(imported: ImportedQuestion, original: ResolvedQuestion) {
  const keepsOwn = imported.evidence.length > 0;
  return { ...imported, evidence: keepsOwn ? imported.evidence : quotesOf(original) };
}

describe.each(banks)('%s, exported to QTI 3.0 and imported again', (_name, bank) => {
  const exported = exportQti3({ bank, article });
  const imported = importQti3(new Map(exported.files.map((file) => [file.path, file.text])), {
    article,
    fileName: `${bank.id}.zip`,
  });
  const reread = resolveBank(
    article,
    bankSchema.parse({
      id: bank.id,
      article: bank.articleId,
      title: imported.title ?? '',
      description: bank.description,
      questions: imported.questions.map((question, index) => {
        const original = bank.questions[index];
        if (original === undefined) throw new Error(`an extra question ${question.id}`);
        return completed(question, original);
      }),
    }),
  );

  it('gives back every question, with its id and type, the title, and nothing to report', () => {
    expect(imported.title).toBe(bank.title);
    expect(imported.questions.map((question) => [question.id, question.type])).toEqual(
      bank.questions.map((question) => [question.id, question.type]),
    );
    expect(reread.problems).toEqual([]);
    expect(imported.report).toEqual([]);
  });

  it('finds the sentences of each evidence question in the article', () => {
    bank.questions.forEach((original, index) => {
      if (original.type !== 'evidence') return;
      const question = reread.bank.questions[index];
      expect(question && listEvidenceSentenceIds(question)).toEqual(
        listEvidenceSentenceIds(original),
      );
    });
  });

  it('keeps prompts, explanations and feedback', () => {
    bank.questions.forEach((original, index) => {
      const question = reread.bank.questions[index];
      expect(question?.prompt).toBe(original.prompt);
      expect(question?.explanation).toBe(original.explanation);
      if (original.type === 'single' && question?.type === 'single') {
        expect(question.options).toEqual(original.options);
      }
      if (original.type === 'judgement' && question?.type === 'judgement') {
        expect([question.statement, question.feedback]).toEqual([
          original.statement,
          original.feedback,
        ]);
      }
    });
  });

  it('scores any response to each question as the original does (fast-check)', () => {
    const pairs = bank.questions.map((original, index) => {
      const question = reread.bank.questions[index];
      if (question === undefined) throw new Error(`${original.id} did not come back`);
      return { original, question };
    });
    const cases = fc
      .constantFrom(...pairs)
      .chain((pair) =>
        responseArbitrary(pair.original, sentenceIds).map((response) => ({ ...pair, response })),
      );
    fc.assert(
      fc.property(cases, ({ original, question, response }) => {
        expect(scoreQuestion(question, response, article)).toEqual(
          scoreQuestion(original, response, article),
        );
      }),
      { numRuns: 400 },
    );
  });
});

describe('ids that start with a digit', () => {
  it('become QTI identifiers with a leading "_", and come back as they were', () => {
    const fixture = loadBank(FIXTURE_BANK_FILE, article);
    const single = fixture.questions.find((question) => question.type === 'single');
    if (single?.type !== 'single') throw new Error('the fixture bank has no single question');
    const renamed = {
      ...single,
      id: '2nd-visit',
      options: single.options.map((option, index) => ({ ...option, id: `${index + 1}` })),
    };
    const exported = exportQti3({ bank: { ...fixture, questions: [renamed] }, article });
    const item = exported.files.find((file) => file.path.startsWith('items/'));
    expect(item?.path).toBe('items/_2nd-visit.xml');
    expect(item?.text).toContain('<qti-simple-choice identifier="_1">');
    const [question] = importQti3(new Map(exported.files.map((file) => [file.path, file.text])), {
      article,
      fileName: 'digits.zip',
    }).questions;
    expect(question?.id).toBe('2nd-visit');
    expect(question?.type === 'single' && question.options.map((option) => option.id)).toEqual(
      renamed.options.map((option) => option.id),
    );
  });
});
