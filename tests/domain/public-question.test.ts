import { describe, expect, it } from 'vitest';
import { createAttemptPlan, presentQuestions } from '../../src/domain/attempt-plan';
import type { PartA, PartB } from '../../src/domain/question-schema';
import type { ResolvedQuestion } from '../../src/domain/resolved-bank';
import { article, fixtureBank } from './fixtures/engine-questions';
import { FIXTURE_BANK_FILE, listShippedBankFiles, loadBank } from './fixtures/load-banks';

/** Every property name a public question may have, at any depth. */
const PUBLIC_KEYS = new Set([
  'id',
  'type',
  'prompt',
  'points',
  'skill',
  'difficulty',
  'number',
  'options',
  'text',
  'statement',
  'choices',
  'unit',
  'left',
  'right',
  'items',
  'claim',
  'partA',
  'partB',
  'segments',
  'kind',
  'gapId',
  'maskedSentenceIds',
]);

function collectKeys(value: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((entry) => collectKeys(entry, keys));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, entry] of Object.entries(value)) {
      keys.add(key);
      collectKeys(entry, keys);
    }
  }
  return keys;
}

type Part = PartA | PartB;

/** What the student may read: the texts the question shows, and its ids. */
function shownTexts(item: ResolvedQuestion | Part): string[] {
  const texts = [item.prompt];
  if ('id' in item) texts.push(item.id);
  if ('statement' in item) texts.push(item.statement);
  if ('claim' in item) texts.push(item.claim);
  if ('unit' in item && item.unit !== undefined) texts.push(item.unit);
  const choices = [
    ...('options' in item ? item.options : []),
    ...('left' in item ? item.left : []),
    ...('right' in item ? item.right : []),
    ...('items' in item ? item.items : []),
  ];
  texts.push(...choices.flatMap((choice) => [choice.id, choice.text]));
  if ('partA' in item) texts.push(...shownTexts(item.partA), ...shownTexts(item.partB));
  if (item.type === 'cloze') {
    // The sentences a cloze comes from are named so the page can hide them while it is answered.
    texts.push(...item.evidence.flatMap((evidence) => evidence.sentenceIds));
    texts.push(...item.gaps.flatMap((gap) => gap.choices ?? []));
    texts.push(...item.text.split(/\{\{[^}]*\}\}/));
  }
  return texts;
}

/** What the student must not see before submitting. */
function secretTexts(item: ResolvedQuestion | Part): string[] {
  const secrets: string[] = [];
  if ('explanation' in item) secrets.push(item.explanation);
  if ('evidence' in item) {
    for (const evidence of item.evidence) secrets.push(evidence.quote, ...evidence.sentenceIds);
  }
  if ('options' in item) {
    secrets.push(
      ...item.options.flatMap((option) => (option.feedback === undefined ? [] : [option.feedback])),
    );
  }
  if (item.type === 'judgement')
    secrets.push(...Object.values(item.feedback).filter((text) => text !== undefined));
  if (item.type === 'short') secrets.push(...item.answers);
  if (item.type === 'cloze') secrets.push(...item.gaps.flatMap((gap) => gap.answers ?? []));
  if ('partA' in item) secrets.push(...secretTexts(item.partA), ...secretTexts(item.partB));
  return secrets;
}

const banks = [FIXTURE_BANK_FILE, ...listShippedBankFiles()].map((file) => ({
  file: file.split('/').slice(-2).join('/'),
  bank: file === FIXTURE_BANK_FILE ? fixtureBank : loadBank(file, article),
}));

describe.each(banks)('the public view of every question of $file', ({ bank }) => {
  const plan = createAttemptPlan(bank, {
    seed: 2024,
    shuffleQuestions: true,
    shuffleOptions: true,
  });
  const presented = presentQuestions(bank, plan);
  const cases = presented.map((view) => {
    const question = bank.questions.find((candidate) => candidate.id === view.id);
    if (question === undefined) throw new Error(`No question ${view.id}`);
    return [view.id, view, question] as const;
  });

  it('covers every question of the bank', () => {
    expect(cases.length).toBe(bank.questions.length);
  });

  it.each(cases)('%s has only public fields', (_id, view) => {
    expect([...collectKeys(view)].filter((key) => !PUBLIC_KEYS.has(key))).toEqual([]);
  });

  it.each(cases)(
    '%s shows no correct flag, answer, tolerance, key, feedback, explanation or evidence',
    (_id, view, question) => {
      const serialised = JSON.stringify(view);
      for (const key of [
        'correct',
        'answer',
        'answers',
        'tolerance',
        'match',
        'feedback',
        'explanation',
        'evidence',
        'fixed',
        'scoring',
      ]) {
        expect(serialised).not.toContain(`"${key}":`);
      }
      const shown = shownTexts(question);
      const leaked = secretTexts(question).filter(
        (secret) =>
          serialised.includes(JSON.stringify(secret).slice(1, -1)) &&
          !shown.some((text) => text.includes(secret)),
      );
      expect(leaked).toEqual([]);
    },
  );

  it.each(cases.filter(([, view]) => view.type === 'order'))(
    '%s presents its items out of order',
    (_id, view, question) => {
      if (view.type !== 'order' || question.type !== 'order')
        throw new Error('not an order question');
      expect(view.items.map((item) => item.id)).not.toEqual(question.items.map((item) => item.id));
    },
  );
});
