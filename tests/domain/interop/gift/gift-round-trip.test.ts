import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listSentences } from '../../../../src/domain/article';
import { resolveEvidence } from '../../../../src/domain/evidence';
import { exportGift, importGift } from '../../../../src/domain/interop/gift/index';
import type { ImportedQuestion } from '../../../../src/domain/interop/interop-format';
import type { ResolvedQuestion } from '../../../../src/domain/resolved-bank';
import type { QuestionResponse, TwoPartResponse } from '../../../../src/domain/responses';
import { scoreQuestion } from '../../../../src/domain/score-attempt';
import type { AnswerItem } from '../../../../src/domain/scorers';
import { article, fixtureBank, fixtureQuestion } from '../../fixtures/engine-questions';
import { listShippedBankFiles, loadBank } from '../../fixtures/load-banks';
import { responseArbitrary } from '../../fixtures/response-arbitraries';

/**
 * Export every shipped bank (and the fixture bank) to GIFT, import it back, and score the same
 * responses with both: GIFT keeps no option ids, so a response's ids are carried over by their
 * texts. GIFT carries no evidence, so the imported questions are scored with the original's,
 * except evidence questions, whose key comes back from the file and is resolved here.
 */

const sentenceIds = listSentences(article).map((sentence) => sentence.id);
const banks = [fixtureBank, ...listShippedBankFiles().map((file) => loadBank(file, article))];

/** The id of the imported item's entry with the same text as the original's `id`. */
function byText(
  original: readonly { id: string; text: string }[],
  imported: readonly { id: string; text: string }[],
): (id: string) => string {
  return (id) => {
    const text = original.find((entry) => entry.id === id)?.text;
    return imported.find((entry) => entry.text === text)?.id ?? id;
  };
}

/** A response to `original`, in the ids of `imported` (an answer item of the same type). */
function carryOver(
  original: AnswerItem,
  imported: AnswerItem,
  response: QuestionResponse,
): QuestionResponse {
  if (original.type !== imported.type) throw new Error(`${imported.type} is not ${original.type}`);
  if ('choice' in response && 'options' in original && 'options' in imported) {
    return { choice: byText(original.options, imported.options)(response.choice) };
  }
  if ('choices' in response && 'options' in original && 'options' in imported) {
    return { choices: response.choices.map(byText(original.options, imported.options)) };
  }
  if ('pairs' in response && original.type === 'match' && imported.type === 'match') {
    const left = byText(original.left, imported.left);
    const right = byText(original.right, imported.right);
    return {
      pairs: Object.fromEntries(
        Object.entries(response.pairs).map(([leftId, rightId]) => [left(leftId), right(rightId)]),
      ),
    };
  }
  return response;
}

/** A response to a whole question in the imported question's ids; a two-part one part by part. */
function carryOverQuestion(
  original: ResolvedQuestion,
  imported: ResolvedQuestion,
  response: QuestionResponse,
): QuestionResponse {
  if (original.type !== 'two-part' || imported.type !== 'two-part') {
    if (original.type === 'two-part' || imported.type === 'two-part')
      throw new Error('type changed');
    return carryOver(original, imported, response);
  }
  const parts: TwoPartResponse = 'partA' in response || 'partB' in response ? response : {};
  const carried: Record<string, QuestionResponse> = {};
  if (parts.partA) carried.partA = carryOver(original.partA, imported.partA, parts.partA);
  if (parts.partB) carried.partB = carryOver(original.partB, imported.partB, parts.partB);
  return carried as TwoPartResponse;
}

function resolveImported(imported: ImportedQuestion, original: ResolvedQuestion): ResolvedQuestion {
  const keyFromFile =
    imported.type === 'evidence' ||
    (imported.type === 'two-part' && imported.partB.type === 'evidence');
  if (!keyFromFile) return { ...imported, evidence: original.evidence };
  const evidence = imported.evidence.map((quote) => {
    const resolution = resolveEvidence(article, quote);
    if (!resolution.ok) throw new Error(resolution.message);
    return resolution.evidence;
  });
  return { ...imported, evidence };
}

describe.each(banks.map((bank) => [bank.id, bank] as const))(
  '%s through GIFT and back',
  (_id, bank) => {
    const [file] = exportGift({ bank, article }).files;
    const imported = importGift(file?.text ?? '', { article, fileName: file?.path ?? '' });
    const byId = new Map(imported.questions.map((question) => [question.id, question]));
    const exported = bank.questions.filter((question) => question.type !== 'order');

    it('brings back every question but order (which GIFT cannot hold), with its id, type and common fields', () => {
      expect(imported.report.filter((note) => note.kind !== 'lossy')).toEqual([]);
      expect(imported.questions.map((question) => question.id)).toEqual(
        exported.map((question) => question.id),
      );
      expect(imported.title).toBe(bank.title);
      for (const question of exported) {
        const back = byId.get(question.id);
        expect(back?.type).toBe(question.type);
        expect(back?.prompt).toBe(question.prompt);
        expect(back?.explanation).toBe(question.explanation);
        expect(back?.skill).toBe(question.skill);
        expect(back?.difficulty).toBe(question.difficulty);
        expect(back?.tags).toEqual([bank.title, ...(question.tags ?? [])]);
        if (question.type === 'cloze' && back?.type === 'cloze')
          expect(back.text).toBe(question.text);
      }
    });

    it.each(exported.map((question) => [question.id, question] as const))(
      '%s scores every response as before',
      (_questionId, question) => {
        const back = byId.get(question.id);
        if (back === undefined) throw new Error(`${question.id} was not imported`);
        const resolved = resolveImported(back, question);
        fc.assert(
          fc.property(responseArbitrary(question, sentenceIds), (response) => {
            const carried = carryOverQuestion(question, resolved, response);
            const before = scoreQuestion(question, response, article);
            const after = scoreQuestion(resolved, carried, article);
            expect([after.points, after.maxPoints, after.status]).toEqual([
              before.points,
              before.maxPoints,
              before.status,
            ]);
          }),
          { numRuns: 60 },
        );
      },
    );
  },
);

describe('cloze texts through GIFT and back', () => {
  const cloze = fixtureQuestion('fx-cloze', 'cloze');
  it.each([
    ['a gap first', '{{city}} is where Putin traveled, to the Kursk {{plant}} power plant.'],
    ['a gap last', 'Putin traveled to {{city}}, and toured the Kursk {{plant}}'],
    ['a gap before punctuation', 'He went to ({{city}}), then the {{plant}}, in Kursk.'],
  ])('keeps the text of %s', (_name, text) => {
    const bank = { ...fixtureBank, questions: [{ ...cloze, text }] };
    const [file] = exportGift({ bank, article }).files;
    const [back] = importGift(file?.text ?? '', { article, fileName: 'cloze.gift' }).questions;
    expect(back?.type === 'cloze' && back.text).toBe(text);
    expect(back?.type === 'cloze' && back.gaps).toEqual(cloze.gaps);
  });
});

describe('tags through GIFT and back', () => {
  it('come back after the bank title, even with brackets and colons in them', () => {
    const single = fixtureQuestion('fx-single', 'single');
    const tags = ['unit 1: Kursk', 'hard [retake]'];
    const bank = { ...fixtureBank, questions: [{ ...single, tags }] };
    const [file] = exportGift({ bank, article }).files;
    const [back] = importGift(file?.text ?? '', { article, fileName: 'tags.gift' }).questions;
    expect(back?.tags).toEqual([bank.title, ...tags]);
  });
});
