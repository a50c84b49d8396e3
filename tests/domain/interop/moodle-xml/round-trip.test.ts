import fc from 'fast-check';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSentences } from '../../../../src/domain/article';
import { resolveEvidence } from '../../../../src/domain/evidence';
import type { ImportedQuestion } from '../../../../src/domain/interop/interop-format';
import { exportMoodleXml, importMoodleXml } from '../../../../src/domain/interop/moodle-xml/index';
import { QUESTION_TYPES } from '../../../../src/domain/question-kinds';
import {
  listEvidenceSentenceIds,
  type ResolvedBank,
  type ResolvedQuestion,
} from '../../../../src/domain/resolved-bank';
import type { QuestionResponse } from '../../../../src/domain/responses';
import { scoreQuestion } from '../../../../src/domain/score-attempt';
import type { AnswerItem } from '../../../../src/domain/scorers';
import { article, fixtureBank } from '../../fixtures/engine-questions';
import { listShippedBankFiles, loadBank } from '../../fixtures/load-banks';
import { responseArbitrary } from '../../fixtures/response-arbitraries';

/**
 * Export, import, same questions: ids, prompts, keys, feedback and explanations come back, and
 * each imported question scores every response as the original does, once the losses the export
 * reports are applied to the original (Moodle's choose-all-that-apply, matching and cloze have no
 * all-or-nothing). Moodle has no ids for options, items or gaps, so they are matched by position.
 */

const banks: ResolvedBank[] = [
  fixtureBank,
  ...listShippedBankFiles().map((file) => loadBank(file, article)),
];
const sentenceIds = listSentences(article).map((sentence) => sentence.id);

/** Types whose all-or-nothing scoring Moodle cannot keep (the export says so for each). */
const PARTIAL_IN_MOODLE = new Set(['multiple', 'match', 'evidence', 'cloze']);

function withMoodleScoring<Item extends AnswerItem | ResolvedQuestion>(item: Item): Item {
  if (item.type === 'two-part') {
    return {
      ...item,
      partA: withMoodleScoring(item.partA),
      partB: withMoodleScoring(item.partB),
    };
  }
  return 'scoring' in item && PARTIAL_IN_MOODLE.has(item.type)
    ? { ...item, scoring: 'partial' }
    : item;
}

function lostAllOrNothing(question: ResolvedQuestion): boolean {
  return JSON.stringify(withMoodleScoring(question)) !== JSON.stringify(question);
}

/** Each list of choices of an item by list name: ids, with the text that finds them again. */
function choiceLists(
  item: AnswerItem | ResolvedQuestion | ImportedQuestion,
): Record<string, { id: string; key: string }[]> {
  const byText = (list: readonly { id: string; text: string }[]) =>
    list.map((entry) => ({ id: entry.id, key: entry.text }));
  switch (item.type) {
    case 'single':
    case 'multiple':
      return { options: byText(item.options) };
    case 'match':
      return { left: byText(item.left), right: byText(item.right) };
    case 'order':
      return { items: byText(item.items) };
    case 'cloze':
      // Gaps have no text of their own: they come back in the passage's order.
      return { gaps: item.gaps.map((gap, index) => ({ id: gap.id, key: String(index) })) };
    case 'two-part':
      return Object.fromEntries([
        ...Object.entries(choiceLists(item.partA)).map(([name, list]) => [`partA.${name}`, list]),
        ...Object.entries(choiceLists(item.partB)).map(([name, list]) => [`partB.${name}`, list]),
      ]);
    default:
      return {};
  }
}

/** Translates an original id to the imported question's id of the same choice. */
function idMapper(
  original: ReturnType<typeof choiceLists>,
  imported: ReturnType<typeof choiceLists>,
) {
  return (list: string, id: string) => {
    const key = original[list]?.find((entry) => entry.id === id)?.key;
    return imported[list]?.find((entry) => entry.key === key)?.id ?? id;
  };
}

function translate(
  response: QuestionResponse,
  map: (list: string, id: string) => string,
  prefix = '',
): QuestionResponse {
  if ('partA' in response || 'partB' in response) {
    return {
      ...(response.partA === undefined
        ? {}
        : { partA: translate(response.partA, map, 'partA.') as never }),
      ...(response.partB === undefined
        ? {}
        : { partB: translate(response.partB, map, 'partB.') as never }),
    };
  }
  const option = (id: string) => map(`${prefix}options`, id);
  if ('choice' in response) return { choice: option(response.choice) };
  if ('choices' in response) return { choices: response.choices.map(option) };
  if ('order' in response) return { order: response.order.map((id) => map('items', id)) };
  if ('pairs' in response) {
    return {
      pairs: Object.fromEntries(
        Object.entries(response.pairs).map(([left, right]) => [
          map('left', left),
          map('right', right),
        ]),
      ),
    };
  }
  if ('gaps' in response) {
    return {
      gaps: Object.fromEntries(
        Object.entries(response.gaps).map(([gap, given]) => [map('gaps', gap), given]),
      ),
    };
  }
  return response;
}

type Comparable = AnswerItem | ImportedQuestion | ResolvedQuestion;

/**
 * What an item says, without what Moodle has no place for (ids of choices, fixed options, the
 * order of matching's choices, skill, difficulty, evidence).
 */
function comparable(item: Comparable): unknown {
  switch (item.type) {
    case 'single':
    case 'multiple':
      return {
        ...item,
        options: item.options.map(({ text, correct, feedback }) => ({ text, correct, feedback })),
      };
    case 'match': {
      const rightText = new Map(item.right.map((right) => [right.id, right.text]));
      return {
        ...item,
        left: item.left.map((left) => ({ text: left.text, match: rightText.get(left.match) })),
        right: item.right.map((right) => right.text).sort(),
      };
    }
    case 'order':
      return { ...item, items: item.items.map((entry) => entry.text) };
    case 'cloze': {
      const place = new Map(item.gaps.map((gap, index) => [gap.id, index]));
      return {
        ...item,
        text: item.text.replace(/\{\{([^}]*)\}\}/g, (_, id: string) => `#${place.get(id) ?? -1}`),
        gaps: item.gaps.map(({ choices, answer, answers }) => ({ choices, answer, answers })),
      };
    }
    case 'two-part':
      return { ...item, partA: comparable(item.partA), partB: comparable(item.partB) };
    default:
      return item;
  }
}

/** Skill and difficulty take the importer's defaults; evidence is compared by the sentences it names. */
function comparableQuestion(question: ImportedQuestion | ResolvedQuestion): unknown {
  const written = withMoodleScoring(question as ResolvedQuestion);
  return comparable({ ...written, skill: 'literal', difficulty: 2, evidence: [] });
}

describe.each(banks.map((bank) => [bank.id, bank] as const))(
  'Moodle XML round trip of %s',
  (_id, bank) => {
    const exported = exportMoodleXml({ bank, article });
    const [file] = exported.files;
    const imported = importMoodleXml(file?.text ?? '', { article, fileName: file?.path ?? '' });
    const importedById = new Map(imported.questions.map((question) => [question.id, question]));

    it('writes one file named by the bank, titled by its category', () => {
      expect(exported.files.map((entry) => basename(entry.path))).toEqual([`${bank.id}.xml`]);
      expect(imported.title).toBe(bank.title);
    });

    it('brings every question back, in order, with its id, prompt, key, feedback and explanation', () => {
      expect(imported.questions.map((question) => question.id)).toEqual(
        bank.questions.map((question) => question.id),
      );
      for (const original of bank.questions) {
        const back = importedById.get(original.id);
        expect(back && comparableQuestion(back)).toEqual(comparableQuestion(original));
      }
    });

    it('reports only the article, as a description it does not import', () => {
      expect(imported.report).toEqual([
        expect.objectContaining({ kind: 'unsupported', name: `Article: ${article.meta.title}` }),
      ]);
    });

    it('reports every all-or-nothing scoring Moodle cannot keep', () => {
      for (const question of bank.questions.filter(lostAllOrNothing)) {
        expect(exported.report).toContainEqual(
          expect.objectContaining({
            kind: 'lossy',
            questionId: question.id,
            message: expect.stringMatching(/all-or-nothing/),
          }),
        );
      }
    });

    it('keeps the sentences an evidence question or part asks for', () => {
      for (const original of bank.questions) {
        const back = importedById.get(original.id);
        const asksForSentences =
          original.type === 'evidence' ||
          (original.type === 'two-part' && original.partB.type === 'evidence');
        if (!asksForSentences || back === undefined) continue;
        const resolved = back.evidence.flatMap((quote) => {
          const found = resolveEvidence(article, quote);
          return found.ok ? found.evidence.sentenceIds : [];
        });
        expect(new Set(resolved)).toEqual(new Set(listEvidenceSentenceIds(original)));
      }
    });

    it('scores every response as the original does', () => {
      for (const original of bank.questions) {
        const back = importedById.get(original.id);
        if (back === undefined) throw new Error(`${original.id} did not come back`);
        // No format carries evidence: the imported question is scored with the original's.
        const resolved = { ...back, evidence: original.evidence } as ResolvedQuestion;
        const expected = withMoodleScoring(original);
        const map = idMapper(choiceLists(original), choiceLists(back));
        fc.assert(
          fc.property(responseArbitrary(original, sentenceIds), (response) => {
            const want = scoreQuestion(expected, response, article);
            const got = scoreQuestion(resolved, translate(response, map), article);
            expect({ ...got, parts: undefined, gaps: undefined }).toEqual({
              ...want,
              parts: undefined,
              gaps: undefined,
            });
          }),
          { numRuns: 60 },
        );
      }
    });
  },
);

it('covers every question type', () => {
  const types = new Set(banks.flatMap((bank) => bank.questions.map((question) => question.type)));
  expect([...types].sort()).toEqual([...QUESTION_TYPES].sort());
});
