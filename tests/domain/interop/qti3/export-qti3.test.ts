import { basename } from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { correctResponseOf } from '../../../../src/domain/answer-key';
import { listSentences } from '../../../../src/domain/article';
import { exportQti3 } from '../../../../src/domain/interop/qti3/index';
import {
  descendants,
  MANIFEST_NAMESPACE,
  QTI_NAMESPACE,
  readXml,
  type XmlElement,
} from '../../../../src/domain/interop/qti3/xml';
import type { ResolvedBank } from '../../../../src/domain/resolved-bank';
import { scoreQuestion } from '../../../../src/domain/score-attempt';
import { roundPoints } from '../../../../src/domain/scorers';
import { validateResponse } from '../../../../src/domain/validate-response';
import {
  FIXTURE_BANK_FILE,
  listShippedBankFiles,
  loadArticle,
  loadBank,
} from '../../fixtures/load-banks';
import { responseArbitrary } from '../../fixtures/response-arbitraries';
import { evaluateItem, evaluateTestScore } from './qti-response-processing';
import { toItemResponses, wrongResponse } from './qti-responses';

/**
 * QTI 3.0 element names, copied from the 1EdTech QTI 3.0 ASI schema
 * (imsqti_asiv3p0p1_v1p0.xsd): those of items, stimuli and tests that an export of Readproof
 * content could use. A name not in this list (a typo, a QTI 2 camelCase name) fails the test.
 */
const QTI_ELEMENTS = new Set([
  'qti-assessment-item',
  'qti-assessment-stimulus',
  'qti-assessment-stimulus-ref',
  'qti-stimulus-body',
  'qti-assessment-test',
  'qti-test-part',
  'qti-assessment-section',
  'qti-assessment-item-ref',
  'qti-outcome-processing',
  'qti-outcome-condition',
  'qti-outcome-if',
  'qti-outcome-else',
  'qti-gte',
  'qti-response-declaration',
  'qti-outcome-declaration',
  'qti-correct-response',
  'qti-default-value',
  'qti-value',
  'qti-mapping',
  'qti-map-entry',
  'qti-item-body',
  'qti-prompt',
  'qti-choice-interaction',
  'qti-simple-choice',
  'qti-order-interaction',
  'qti-match-interaction',
  'qti-simple-match-set',
  'qti-simple-associable-choice',
  'qti-hottext-interaction',
  'qti-hottext',
  'qti-inline-choice-interaction',
  'qti-inline-choice',
  'qti-text-entry-interaction',
  'qti-response-processing',
  'qti-response-condition',
  'qti-response-if',
  'qti-response-else-if',
  'qti-response-else',
  'qti-set-outcome-value',
  'qti-match',
  'qti-correct',
  'qti-variable',
  'qti-base-value',
  'qti-map-response',
  'qti-equal',
  'qti-gt',
  'qti-and',
  'qti-sum',
  'qti-multiple',
  'qti-ordered',
  'qti-delete',
  'qti-is-null',
  'qti-modal-feedback',
  'qti-content-body',
  'qti-feedback-inline',
  'qti-feedback-block',
]);
/** The HTML the QTI 3.0 content model allows, of which the export writes a little. */
const HTML_ELEMENTS = new Set(['p', 'blockquote', 'h1', 'h2', 'h3', 'span', 'em', 'strong']);
/** IMS Content Packaging 1.1 elements, in the QTI 3.0 manifest namespace. */
const MANIFEST_ELEMENTS = new Set([
  'manifest',
  'metadata',
  'schema',
  'schemaversion',
  'organizations',
  'resources',
  'resource',
  'file',
  'dependency',
]);

const article = loadArticle();
const banks: [name: string, bank: ResolvedBank][] = [
  ...listShippedBankFiles(),
  FIXTURE_BANK_FILE,
].map((file) => [basename(file), loadBank(file, article)]);

function parse(text: string): XmlElement {
  const parsed = readXml(text);
  if (!parsed.ok) throw new Error(`line ${parsed.line}: ${parsed.message}`);
  return parsed.root;
}

function everyElement(root: XmlElement): XmlElement[] {
  return [root, ...descendants(root)];
}

describe.each(banks)('the QTI 3.0 export of %s', (_name, bank) => {
  const exported = exportQti3({ bank, article });
  const files = new Map(exported.files.map((file) => [file.path, file.text]));
  const items = exported.files.filter((file) => file.path.startsWith('items/'));

  it('has a well-formed manifest in the QTI 3.0 packaging namespace, naming every file', () => {
    const manifest = files.get('imsmanifest.xml') ?? '';
    expect(XMLValidator.validate(manifest)).toBe(true);
    const root = parse(manifest);
    for (const element of everyElement(root)) {
      expect(element.namespace).toBe(MANIFEST_NAMESPACE);
      expect(MANIFEST_ELEMENTS).toContain(element.name);
    }
    const resources = descendants(root).filter((element) => element.name === 'resource');
    const byType = (type: string) =>
      resources.filter((resource) => resource.attributes.type === type);
    expect(byType('imsqti_item_xmlv3p0').map((resource) => resource.attributes.href)).toEqual(
      items.map((item) => item.path),
    );
    expect(byType('imsqti_stimulus_xmlv3p0')).toHaveLength(1);
    expect(byType('imsqti_test_xmlv3p0')).toHaveLength(1);
    for (const resource of resources) expect(files.has(resource.attributes.href ?? '')).toBe(true);
  });

  it('writes every item, the stimulus and the test well-formed, with QTI 3.0 names in its namespace only', () => {
    const documents = exported.files.filter((file) => file.path !== 'imsmanifest.xml');
    expect(items.length).toBeGreaterThanOrEqual(bank.questions.length);
    for (const { path, text } of documents) {
      expect(XMLValidator.validate(text), path).toBe(true);
      for (const element of everyElement(parse(text))) {
        expect(element.namespace, `${path} <${element.name}>`).toBe(QTI_NAMESPACE);
        const known = QTI_ELEMENTS.has(element.name) || HTML_ELEMENTS.has(element.name);
        expect(known, `${path} <${element.name}>`).toBe(true);
      }
    }
  });

  it('points every item at the one shared stimulus', () => {
    for (const item of items) {
      const refs = descendants(parse(item.text)).filter(
        (element) => element.name === 'qti-assessment-stimulus-ref',
      );
      expect(refs.map((ref) => ref.attributes.href)).toEqual(['../article.xml']);
    }
  });

  const parsedItems = new Map(
    items.map((item) => {
      const root = parse(item.text);
      return [root.attributes.identifier ?? '', root];
    }),
  );
  /** What the QTI items of a question give a response, added up over its items. */
  function qtiScore(question: ResolvedBank['questions'][number], response: unknown): number {
    return toItemResponses(question, response as Parameters<typeof toItemResponses>[1]).reduce(
      (sum, [identifier, variables]) => {
        const item = parsedItems.get(identifier);
        if (item === undefined) throw new Error(`No item ${identifier}`);
        return sum + evaluateItem(item, variables).score;
      },
      0,
    );
  }

  it.each(bank.questions.map((question) => [question.id, question] as const))(
    '%s: its response processing scores the key, no answer and a wrong answer as Readproof does',
    (_id, question) => {
      const key = correctResponseOf(question);
      const wrong = wrongResponse(question, article);
      const readproof = (response: Parameters<typeof scoreQuestion>[1]) =>
        scoreQuestion(question, response, article).points;
      expect(readproof(key)).toBeGreaterThan(0);
      expect(qtiScore(question, key)).toBeCloseTo(readproof(key), 9);
      expect(qtiScore(question, undefined)).toBe(readproof(undefined));
      expect(readproof(wrong)).toBe(0);
      expect(qtiScore(question, wrong)).toBe(0);
    },
  );

  const exact = bank.questions.filter(
    (question) => !exported.report.some((note) => note.questionId === question.id),
  );
  const sentenceIds = listSentences(article).map((sentence) => sentence.id);
  it.runIf(exact.length > 0)(
    'scores any valid response as Readproof does, for each question exported without a loss',
    () => {
      const cases = fc
        .constantFrom(...exact)
        .chain((question) =>
          responseArbitrary(question, sentenceIds).map((response) => ({ question, response })),
        )
        .filter(({ question, response }) => validateResponse(question, response, article).ok);
      fc.assert(
        fc.property(cases, ({ question, response }) => {
          expect(roundPoints(qtiScore(question, response))).toBe(
            scoreQuestion(question, response, article).points,
          );
        }),
        { numRuns: 300 },
      );
    },
  );

  it('totals the test as Readproof totals the bank, Part B counting only when Part A is right', () => {
    const test = parse(files.get('test.xml') ?? '');
    const choices = ['key', 'wrong', 'empty', 'part A wrong'] as const;
    const responseTo = (
      question: ResolvedBank['questions'][number],
      choice: (typeof choices)[number],
    ) => {
      const key = correctResponseOf(question);
      const wrong = wrongResponse(question, article);
      if (choice === 'empty') return undefined;
      if (choice === 'key') return key;
      if (choice === 'wrong' || question.type !== 'two-part') return wrong;
      return { ...key, partA: 'partA' in wrong ? wrong.partA : undefined };
    };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...choices), {
          minLength: bank.questions.length,
          maxLength: bank.questions.length,
        }),
        (picked) => {
          const itemScores = new Map<string, { score: number; maxScore: number }>();
          let readproofTotal = 0;
          bank.questions.forEach((question, index) => {
            const response = responseTo(question, picked[index] ?? 'empty');
            readproofTotal += scoreQuestion(question, response, article).points;
            for (const [identifier, variables] of toItemResponses(question, response)) {
              const item = parsedItems.get(identifier);
              if (item === undefined) throw new Error(`No item ${identifier}`);
              itemScores.set(identifier, evaluateItem(item, variables));
            }
          });
          expect(roundPoints(evaluateTestScore(test, itemScores))).toBe(
            roundPoints(readproofTotal),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('the export report', () => {
  const [, fixture] = banks.at(-1) ?? [];
  if (fixture === undefined) throw new Error('no fixture bank');
  const { report } = exportQti3({ bank: fixture, article });
  const noteOf = (id: string) => report.find((note) => note.questionId === id);

  it('says first what no item holds', () => {
    expect(report[0]).toEqual({
      kind: 'lossy',
      message: expect.stringMatching(/no place for skills, difficulty, tags or evidence quotes/),
    });
  });

  it('names each question mapped with a loss, and why', () => {
    expect(noteOf('fx-short')?.message).toMatch(/ignoring case only/);
    expect(noteOf('fx-two-part')?.message).toMatch(
      /even when Part A is wrong; the test's total counts both parts only when Part A is right/,
    );
    expect(report.every((note) => note.kind === 'lossy')).toBe(true);
  });

  it('leaves out the questions QTI holds exactly', () => {
    for (const id of [
      'fx-single',
      'fx-multiple',
      'fx-judgement',
      'fx-numeric',
      'fx-match',
      'fx-order',
      'fx-evidence',
    ]) {
      expect(noteOf(id)).toBeUndefined();
    }
  });
});
