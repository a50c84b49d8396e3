import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatProblems, loadContent, type LoadedContent } from '../../src/content/load-content';
import {
  MAX_QUESTIONS_PER_SENTENCE,
  SHIPPED_CONTENT_TARGETS as TARGETS,
} from '../../src/domain/content-targets';
import { QUESTION_TYPES } from '../../src/domain/question-kinds';
import { listEvidenceSentenceIds, type ResolvedQuestion } from '../../src/domain/resolved-bank';

const OVERUSED = 'tests/content/fixtures/overused-sentence';

function isNotGiven(question: ResolvedQuestion): boolean {
  if (question.type === 'judgement') return question.answer === 'not-given';
  return (
    question.type === 'two-part' &&
    question.partA.type === 'judgement' &&
    question.partA.answer === 'not-given'
  );
}

describe('the shipped banks meet the content targets', () => {
  let content: LoadedContent;
  let questions: ResolvedQuestion[];
  beforeAll(async () => {
    content = await loadContent('questions');
    questions = [...content.banks.values()].flatMap(({ bank }) => bank.questions);
  });

  it('load without problems', () => {
    expect(formatProblems(content.problems)).toBe('');
  });

  it(`have at least ${TARGETS.minQuestions} questions`, () => {
    expect(questions.length).toBeGreaterThanOrEqual(TARGETS.minQuestions);
  });

  it(`have every type at least ${TARGETS.minQuestionsPerType} times`, () => {
    for (const type of QUESTION_TYPES) {
      expect(
        questions.filter((question) => question.type === type).length,
        `questions of type ${type}`,
      ).toBeGreaterThanOrEqual(TARGETS.minQuestionsPerType);
    }
  });

  it(`have at least ${TARGETS.minHardest} questions at difficulty 3`, () => {
    expect(questions.filter((question) => question.difficulty === 3).length).toBeGreaterThanOrEqual(
      TARGETS.minHardest,
    );
  });

  it(`have at least ${TARGETS.minInferenceAcrossSentences} inference questions whose evidence spans two or more sentences`, () => {
    const across = questions.filter(
      (question) => question.skill === 'inference' && listEvidenceSentenceIds(question).length >= 2,
    );
    expect(across.length).toBeGreaterThanOrEqual(TARGETS.minInferenceAcrossSentences);
  });

  it(`have at least ${TARGETS.minNotGiven} "not given" judgements`, () => {
    expect(questions.filter(isNotGiven).length).toBeGreaterThanOrEqual(TARGETS.minNotGiven);
  });

  it(`key no sentence of an article by more than ${MAX_QUESTIONS_PER_SENTENCE} questions`, () => {
    const uses = new Map<string, number>();
    for (const { bank } of content.banks.values()) {
      for (const question of bank.questions) {
        for (const sentenceId of listEvidenceSentenceIds(question)) {
          const key = `${bank.articleId} ${sentenceId}`;
          uses.set(key, (uses.get(key) ?? 0) + 1);
        }
      }
    }
    const crowded = [...uses].filter(([, count]) => count > MAX_QUESTIONS_PER_SENTENCE);
    expect(crowded).toEqual([]);
  });
});

describe('the sentence-use check', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('reports each question past the limit across banks at its quote in the crowded sentence', async () => {
    const content = await loadContent(OVERUSED);
    const file = path.join(OVERUSED, 'sample-article', 'second-bank.yaml');
    expect(content.problems).toEqual([
      {
        file,
        // The 11th question's second quote: its first quote is in another sentence.
        line: 56,
        column: 9,
        questionId: 'votes-total-third',
        message: expect.stringMatching(
          /^Sentence p1\.s2 is the evidence of 11 questions, more than the 10 allowed \(votes-for, .*, votes-total-third\)\. Key this question to another sentence/,
        ),
      },
    ]);
    // The bank with the question past the limit is not used; the other one is.
    expect([...content.banks.keys()]).toEqual(['first-bank']);
  });

  it('accepts a sentence keyed by exactly the limit', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'readproof-sentence-use-'));
    await cp(OVERUSED, dir, { recursive: true });
    const file = path.join(dir, 'sample-article', 'second-bank.yaml');
    const text = await readFile(file, 'utf8');
    const withoutLast = text.slice(0, text.indexOf('  - id: votes-total-third'));
    expect(withoutLast.length).toBeLessThan(text.length);
    await writeFile(file, withoutLast);
    const content = await loadContent(dir);
    expect(content.problems).toEqual([]);
    expect(content.banks.size).toBe(2);
  });
});
