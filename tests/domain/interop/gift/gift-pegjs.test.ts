import { parse, type GIFTQuestion, type TextChoice, type TextFormat } from 'gift-pegjs';
import { describe, expect, it } from 'vitest';
import { listSentences } from '../../../../src/domain/article';
import { assertNever } from '../../../../src/domain/assert-never';
import { exportGift } from '../../../../src/domain/interop/gift/index';
import { JUDGEMENT_LABELS, JUDGEMENTS } from '../../../../src/domain/question-kinds';
import {
  listEvidenceSentenceIds,
  type ResolvedQuestion,
} from '../../../../src/domain/resolved-bank';
import type { AnswerItem } from '../../../../src/domain/scorers';
import { article, fixtureBank } from '../../fixtures/engine-questions';
import { listShippedBankFiles, loadBank } from '../../fixtures/load-banks';

/**
 * Every shipped bank (and the engine's fixture bank, which has every type and option) exported to
 * GIFT and read by gift-pegjs, an independent GIFT parser: each question must come back with our
 * stems, right answers, weights, tolerances and feedback. The expectations are derived from the
 * bank here, not from the exporter's code.
 */

const banks = [fixtureBank, ...listShippedBankFiles().map((file) => loadBank(file, article))];

/** gift-pegjs leaves its escape placeholders in a matching question's right-hand texts. */
function decodePlaceholders(text: string): string {
  return text.replace(/&&(\d{3});/g, (_match, code: string) => String.fromCharCode(Number(code)));
}

function textOf(format: TextFormat | null): string | null {
  return format === null ? null : format.text;
}

type Parsed = Exclude<GIFTQuestion, { type: 'Category' | 'Description' }>;

function choicesOf(parsed: Parsed): TextChoice[] {
  if (parsed.type !== 'MC' && parsed.type !== 'Short') {
    throw new Error(`Expected a choice, got ${parsed.type}`);
  }
  return parsed.choices;
}

/** The weights Readproof's right-minus-wrong takes: 100/k per right choice, -100/k per wrong one. */
function expectSelection(choices: TextChoice[], texts: string[], right: ReadonlySet<string>): void {
  const weight = 100 / right.size;
  expect(choices.map((choice) => choice.text.text)).toEqual(texts);
  choices.forEach((choice) => {
    expect(choice.isCorrect).toBe(false);
    expect(choice.weight).toBeCloseTo(right.has(choice.text.text) ? weight : -weight, 4);
  });
}

function expectItem(
  parsed: Parsed,
  item: AnswerItem,
  question: ResolvedQuestion,
  stem: string,
): void {
  switch (item.type) {
    case 'single': {
      expect(parsed.type).toBe('MC');
      expect(parsed.stem.text).toBe(stem);
      const choices = choicesOf(parsed);
      expect(choices.map((choice) => [choice.text.text, choice.isCorrect, choice.weight])).toEqual(
        item.options.map((option) => [option.text, option.correct, null]),
      );
      expect(choices.map((choice) => textOf(choice.feedback))).toEqual(
        item.options.map((option) => option.feedback ?? null),
      );
      return;
    }
    case 'multiple': {
      expect(parsed.type).toBe('MC');
      expect(parsed.stem.text).toBe(stem);
      const right = new Set(
        item.options.filter((option) => option.correct).map((option) => option.text),
      );
      expectSelection(
        choicesOf(parsed),
        item.options.map((option) => option.text),
        right,
      );
      expect(choicesOf(parsed).map((choice) => textOf(choice.feedback))).toEqual(
        item.options.map((option) => option.feedback ?? null),
      );
      return;
    }
    case 'judgement': {
      expect(parsed.type).toBe('MC');
      expect(parsed.stem.text).toBe(`${stem}\n${item.statement}`);
      expect(
        choicesOf(parsed).map((choice) => [
          choice.text.text,
          choice.isCorrect,
          textOf(choice.feedback),
        ]),
      ).toEqual(
        JUDGEMENTS.map((judgement) => [
          JUDGEMENT_LABELS[judgement],
          judgement === item.answer,
          item.feedback[judgement] ?? null,
        ]),
      );
      return;
    }
    case 'numeric': {
      expect(parsed.type).toBe('Numerical');
      expect(parsed.stem.text).toBe(item.unit === undefined ? stem : `${stem} (${item.unit})`);
      if (parsed.type !== 'Numerical') return;
      expect(parsed.choices).toEqual({ type: 'range', number: item.answer, range: item.tolerance });
      return;
    }
    case 'short': {
      expect(parsed.type).toBe('Short');
      expect(parsed.stem.text).toBe(stem);
      expect(choicesOf(parsed).map((choice) => [choice.text.text, choice.isCorrect])).toEqual(
        item.answers.map((answer) => [answer, true]),
      );
      return;
    }
    case 'match': {
      expect(parsed.type).toBe('Matching');
      expect(parsed.stem.text).toBe(stem);
      if (parsed.type !== 'Matching') return;
      const rightText = (id: string) => item.right.find((right) => right.id === id)?.text;
      const matched = new Set(item.left.map((left) => left.match));
      expect(
        parsed.matchPairs.map((pair) => [
          pair.subquestion.text,
          decodePlaceholders(pair.subanswer),
        ]),
      ).toEqual([
        ...item.left.map((left) => [left.text, rightText(left.match)]),
        ...item.right.filter((right) => !matched.has(right.id)).map((right) => ['', right.text]),
      ]);
      return;
    }
    case 'evidence': {
      expect(parsed.type).toBe('MC');
      expect(parsed.stem.text).toBe('claim' in item ? `${stem}\n${item.claim}` : stem);
      const sentences = listSentences(article);
      const key = new Set(listEvidenceSentenceIds(question));
      expectSelection(
        choicesOf(parsed),
        sentences.map((sentence) => sentence.text),
        new Set(
          sentences.filter((sentence) => key.has(sentence.id)).map((sentence) => sentence.text),
        ),
      );
      return;
    }
    case 'order':
    case 'cloze':
      throw new Error(`${item.type} is checked on its own`);
    default:
      assertNever(item);
  }
}

function expectQuestion(byTitle: Map<string, Parsed>, question: ResolvedQuestion): void {
  const find = (title: string) => {
    const parsed = byTitle.get(title);
    expect(parsed, title).toBeDefined();
    return parsed as Parsed;
  };
  switch (question.type) {
    case 'order':
      expect(byTitle.has(question.id)).toBe(false);
      return;
    case 'two-part': {
      const partA = find(`${question.id} Part A`);
      expectItem(partA, question.partA, question, `${question.prompt}\n${question.partA.prompt}`);
      expect(textOf(partA.globalFeedback)).toBe(question.explanation);
      expectItem(find(`${question.id} Part B`), question.partB, question, question.partB.prompt);
      return;
    }
    case 'cloze': {
      const marks = [...question.text.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)].map((mark) => mark[1]);
      marks.forEach((gapId, index) => {
        const gap = question.gaps.find((candidate) => candidate.id === gapId);
        const parsed = find(`${question.id} Gap ${gapId}`);
        expect(parsed.hasEmbeddedAnswers || parsed.stem.text.endsWith('_____')).toBe(true);
        expect(parsed.stem.text.startsWith(`${question.prompt}\n`)).toBe(true);
        if (index === 0) expect(textOf(parsed.globalFeedback)).toBe(question.explanation);
        const choices = choicesOf(parsed);
        if (gap?.choices === undefined) {
          expect(parsed.type).toBe('Short');
          expect(choices.map((choice) => choice.text.text)).toEqual(gap?.answers);
        } else {
          expect(parsed.type).toBe('MC');
          expect(choices.map((choice) => [choice.text.text, choice.isCorrect])).toEqual(
            gap.choices.map((choice) => [choice, choice === gap.answer]),
          );
        }
      });
      return;
    }
    default: {
      const parsed = find(question.id);
      expectItem(parsed, question, question, question.prompt);
      expect(textOf(parsed.globalFeedback)).toBe(question.explanation);
    }
  }
}

describe.each(banks.map((bank) => [bank.id, bank] as const))('%s exported to GIFT', (_id, bank) => {
  const { files, report } = exportGift({ bank, article });
  const [file] = files;

  it('is one file named after the bank, which gift-pegjs parses', () => {
    expect(files.map((exported) => exported.path)).toEqual([`${bank.id}.gift`]);
    expect(() => parse(file?.text ?? '')).not.toThrow();
  });

  it('starts with the bank as a category and the article as a description', () => {
    const [category, description] = parse(file?.text ?? '');
    expect(category).toEqual({ type: 'Category', title: `$course$/top/${bank.title}` });
    expect(description?.type).toBe('Description');
    expect(description?.title).toBe(article.meta.id);
    const text = description?.type === 'Description' ? description.stem.text : '';
    for (const paragraph of article.paragraphs) expect(text).toContain(paragraph.text);
  });

  it('gives gift-pegjs each question with our stems, right answers, weights, tolerances and feedback', () => {
    const byTitle = new Map<string, Parsed>();
    for (const parsed of parse(file?.text ?? '')) {
      if (parsed.type !== 'Category' && parsed.type !== 'Description' && parsed.title !== null) {
        byTitle.set(parsed.title, parsed);
      }
    }
    for (const question of bank.questions) expectQuestion(byTitle, question);
  });

  it('reports each order question as skipped and each two-part question as scored differently', () => {
    for (const question of bank.questions) {
      const notes = report.filter((note) => note.questionId === question.id);
      if (question.type === 'order') expect(notes.map((note) => note.kind)).toEqual(['skipped']);
      if (question.type === 'two-part') {
        expect(
          notes.some((note) => note.kind === 'lossy' && /Part B earns marks/.test(note.message)),
        ).toBe(true);
      }
    }
  });
});
