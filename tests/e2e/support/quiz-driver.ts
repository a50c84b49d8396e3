import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { loadContent, type LoadedBank } from '../../../src/content/load-content';
import { correctResponseOf } from '../../../src/domain/answer-key';
import { findSentence, type Article } from '../../../src/domain/article';
import { JUDGEMENT_LABELS } from '../../../src/domain/describe-response';
import type { PublicPartA, PublicPartB, PublicQuestion } from '../../../src/domain/public-question';
import type { ResolvedQuestion } from '../../../src/domain/resolved-bank';
import type {
  ClozeResponse,
  EvidenceResponse,
  MatchResponse,
  MultipleResponse,
  OrderResponse,
  PartAResponse,
  PartBResponse,
  QuestionResponse,
  TwoPartResponse,
} from '../../../src/domain/responses';
import { maxPointsOf } from '../../../src/domain/scorers';
import type { AttemptView } from '../../../src/lib/api-client';
import { repoRoot } from './start-server';

/** The shipped bank with the most question types, so one quiz exercises every control it can. */
export async function loadRichestBank(): Promise<LoadedBank> {
  const content = await loadContent(join(repoRoot, 'questions'));
  const banks = [...content.banks.values()];
  const typesOf = (loaded: LoadedBank) => new Set(loaded.bank.questions.map((q) => q.type)).size;
  const richest = banks.sort((a, b) => typesOf(b) - typesOf(a))[0];
  if (!richest) throw new Error('questions/ has no bank');
  return richest;
}

/** Starts the quiz from the library, as a student does, and waits for its first question. */
export async function startQuizFromLibrary(page: Page, baseUrl: string, bankTitle: string) {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('button', { name: `Start quiz: ${bankTitle}` }).click();
  await page.getByRole('heading', { name: /^Question 1 of \d+$/ }).waitFor();
}

/** The attempt on screen as the server has it, read with the token the page keeps. */
export async function fetchAttempt(page: Page): Promise<AttemptView> {
  return page.evaluate(async () => {
    const attemptId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
    const record = JSON.parse(localStorage.getItem(`readproof:attempt:${attemptId}`) ?? '{}') as {
      token?: string;
    };
    const response = await fetch(`/api/attempts/${attemptId}`, {
      headers: { authorization: `Bearer ${record.token ?? ''}` },
    });
    return (await response.json()) as AttemptView;
  });
}

/**
 * Goes to a question with the navigator, opening it first where it is folded behind the
 * "All questions" button (on a phone).
 */
export async function goToQuestionNumber(page: Page, number: number): Promise<void> {
  const toggle = page.getByRole('button', { name: 'All questions' });
  if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) !== 'true') {
    await toggle.click();
  }
  await page
    .getByRole('navigation', { name: 'Questions' })
    .getByRole('button', { name: new RegExp(`^Question ${number},`) })
    .click();
}

/** Presses Tab, forward only, until `target` has focus; returns how many presses it took. */
export async function countTabsTo(page: Page, target: Locator, maxPresses = 60): Promise<number> {
  for (let presses = 0; presses <= maxPresses; presses += 1) {
    if (await isFocused(target)) return presses;
    await page.keyboard.press('Tab');
  }
  // Where focus went instead says what stood in the way.
  const focused = await page.evaluate(() => {
    const element = document.activeElement;
    return element ? element.outerHTML.slice(0, 200) : 'nothing';
  });
  throw new Error(
    `${maxPresses} presses of Tab did not reach ${target.toString()}; focus is on ${focused}`,
  );
}

export function questionPanel(page: Page): Locator {
  return page.getByRole('region', { name: /^Question \d+ of \d+$/ });
}

export function articleRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Article' });
}

export async function waitForSaved(page: Page): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: /^Saved$/ })
    .waitFor();
}

type Answerable = Exclude<PublicQuestion, { type: 'two-part' }> | PublicPartA | PublicPartB;

/** An answer to one item that scores nothing, or null where any answer may earn partial credit. */
function wrongAnswerOf(item: Answerable, right: QuestionResponse): QuestionResponse | null {
  switch (item.type) {
    case 'single': {
      const wrong = item.options.find((option) => 'choice' in right && option.id !== right.choice);
      return wrong ? { choice: wrong.id } : null;
    }
    case 'judgement': {
      const wrong = item.choices.find((choice) => 'choice' in right && choice !== right.choice);
      return wrong ? { choice: wrong } : null;
    }
    case 'numeric':
      return 'value' in right ? { value: right.value + 1000 } : null;
    case 'short':
      return { text: 'zebra crossing' };
    default:
      return null;
  }
}

/**
 * A response to `shown` that scores nothing, or null to leave it unanswered (for the types whose
 * wrong answers may still earn partial credit). A two-part question gets a wrong Part A only:
 * Part B earns nothing unless Part A is right.
 */
export function wrongResponseOf(
  question: ResolvedQuestion,
  shown: PublicQuestion,
): QuestionResponse | null {
  const right = correctResponseOf(question);
  if (shown.type !== 'two-part') return wrongAnswerOf(shown, right);
  const rightPartA = (right as TwoPartResponse).partA;
  const partA = rightPartA ? wrongAnswerOf(shown.partA, rightPartA) : null;
  return partA ? { partA: partA as PartAResponse } : null;
}

export function pointsOf(question: ResolvedQuestion): number {
  return maxPointsOf(question);
}

function choiceText(options: { id: string; text: string }[], id: string): string {
  const option = options.find((candidate) => candidate.id === id);
  if (!option) throw new Error(`No option ${id}`);
  return option.text;
}

/** Enters a response with the mouse, the way most students do. */
async function answerWithPointer(
  page: Page,
  scope: Locator,
  item: Answerable,
  response: QuestionResponse,
  article: Article,
): Promise<void> {
  switch (item.type) {
    case 'single':
      await scope
        .getByRole('radio', {
          name: choiceText(item.options, (response as { choice: string }).choice),
          exact: true,
        })
        .check();
      return;
    case 'judgement':
      await scope
        .getByRole('radio', {
          name: JUDGEMENT_LABELS[(response as { choice: keyof typeof JUDGEMENT_LABELS }).choice],
          exact: true,
        })
        .check();
      return;
    case 'multiple':
      for (const id of (response as MultipleResponse).choices) {
        await scope
          .getByRole('checkbox', { name: choiceText(item.options, id), exact: true })
          .check();
      }
      return;
    case 'numeric':
      await scope.getByRole('textbox').fill(String((response as { value: number }).value));
      return;
    case 'short':
      await scope.getByRole('textbox').fill((response as { text: string }).text);
      return;
    case 'match':
      for (const [leftId, rightId] of Object.entries((response as MatchResponse).pairs)) {
        const [left, right] = matchCards(scope, item, leftId, rightId);
        await left.click();
        await right.click();
      }
      return;
    case 'order':
      await arrangeOrder(scope, item.items, (response as OrderResponse).order, (button) =>
        button.click(),
      );
      return;
    case 'evidence':
      for (const sentenceId of (response as EvidenceResponse).sentences) {
        await articleRegion(page)
          .getByRole('button', { name: sentenceText(article, sentenceId), exact: true })
          .click();
      }
      return;
    case 'cloze':
      for (const gap of clozeGaps(scope, item, response as ClozeResponse)) {
        if (gap.isDropDown) await gap.field.selectOption(gap.text);
        else await gap.field.fill(gap.text);
      }
      return;
  }
}

/** Each gap of a cloze question to fill, as its field ("Gap 1 of 2") and the text it takes. */
function clozeGaps(
  scope: Locator,
  item: Extract<Answerable, { type: 'cloze' }>,
  response: ClozeResponse,
): { field: Locator; isDropDown: boolean; text: string }[] {
  const gaps = item.segments.flatMap((segment) => (segment.kind === 'gap' ? [segment] : []));
  return gaps.flatMap((gap, index) => {
    const text = response.gaps[gap.gapId];
    if (text === undefined) return [];
    const isDropDown = gap.choices !== null;
    const name = `Gap ${index + 1} of ${gaps.length}`;
    const field = scope.getByRole(isDropDown ? 'combobox' : 'textbox', { name, exact: true });
    return [{ field, isDropDown, text }];
  });
}

/** The item card and the choice card of one pair of a match question (tap one, then the other). */
function matchCards(
  scope: Locator,
  item: Extract<Answerable, { type: 'match' }>,
  leftId: string,
  rightId: string,
): [Locator, Locator] {
  return [
    scope
      .getByRole('group', { name: 'Items', exact: true })
      .getByRole('button', { name: choiceText(item.left, leftId), exact: true }),
    scope
      .getByRole('group', { name: 'Choices', exact: true })
      .getByRole('button', { name: choiceText(item.right, rightId), exact: true }),
  ];
}

function sentenceText(article: Article, sentenceId: string): string {
  const sentence = findSentence(article, sentenceId);
  if (!sentence) throw new Error(`No sentence ${sentenceId}`);
  return sentence.text;
}

/**
 * Moves items up one step at a time until the list reads `target`, pressing with `press`. When the
 * shuffle already showed `target` and the question is unanswered, keeps the order as the answer,
 * as a student would: a list nobody touched is not an answer.
 */
async function arrangeOrder(
  scope: Locator,
  items: { id: string; text: string }[],
  target: string[],
  press: (button: Locator) => Promise<void>,
): Promise<void> {
  const textOf = (id: string) => choiceText(items, id);
  let moved = false;
  for (let position = 0; position < target.length; position += 1) {
    const wanted = textOf(target[position] ?? '');
    const current = await scope.locator('.order-text').allTextContents();
    const from = current.indexOf(wanted);
    for (let step = from; step > position; step -= 1) {
      await press(scope.getByRole('button', { name: `Move “${wanted}” up` }));
      moved = true;
    }
  }
  const keep = scope.getByRole('button', { name: 'Keep this order as my answer' });
  if (!moved && (await keep.count()) > 0) await press(keep);
}

type AnswerControl = (
  page: Page,
  scope: Locator,
  item: Answerable,
  response: QuestionResponse,
  article: Article,
) => Promise<void>;

/** Answers the question on screen with `answer`, a two-part question part by part. */
async function answerWith(
  answer: AnswerControl,
  page: Page,
  question: PublicQuestion,
  response: QuestionResponse,
  article: Article,
): Promise<void> {
  const panel = questionPanel(page);
  if (question.type !== 'two-part') {
    await answer(page, panel, question, response, article);
    return;
  }
  const { partA, partB } = response as { partA?: PartAResponse; partB?: PartBResponse };
  if (partA) {
    await answer(
      page,
      panel.getByRole('region', { name: 'Part A' }),
      question.partA,
      partA,
      article,
    );
  }
  if (partB) {
    await answer(
      page,
      panel.getByRole('region', { name: 'Part B' }),
      question.partB,
      partB,
      article,
    );
  }
}

/** Answers the question on screen with `response`, by mouse. */
export function answerQuestion(
  page: Page,
  question: PublicQuestion,
  response: QuestionResponse,
  article: Article,
): Promise<void> {
  return answerWith(answerWithPointer, page, question, response, article);
}

/* ---------------------------------------------------------------- keyboard only */

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement);
}

/**
 * Presses Tab (or Shift+Tab, towards where the target is) until `target` has focus: the way a
 * keyboard user gets to a control. Fails if it cannot be reached.
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 250): Promise<void> {
  const backwards = await target.evaluate(
    (element) =>
      document.activeElement !== null &&
      document.activeElement !== document.body &&
      Boolean(
        element.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING,
      ),
  );
  for (let presses = 0; presses < maxPresses; presses += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab did not reach ${target.toString()}`);
}

/** Tabs into a radio group and moves with the arrow keys until `radio` is checked. */
async function checkRadioByKeyboard(page: Page, group: Locator, radio: Locator): Promise<void> {
  const radios = group.getByRole('radio');
  const inGroup = async () =>
    radios.evaluateAll((elements) =>
      elements.some((element) => element === document.activeElement),
    );
  for (let presses = 0; !(await inGroup()); presses += 1) {
    if (presses > 250) throw new Error('Tab did not reach the radio group');
    await page.keyboard.press('Tab');
  }
  const count = await radios.count();
  for (let presses = 0; presses <= count && !(await radio.isChecked()); presses += 1) {
    await page.keyboard.press('ArrowDown');
  }
  if (!(await radio.isChecked())) throw new Error('The arrow keys did not check the radio');
}

async function answerWithKeyboard(
  page: Page,
  scope: Locator,
  item: Answerable,
  response: QuestionResponse,
  article: Article,
): Promise<void> {
  switch (item.type) {
    case 'single':
    case 'judgement': {
      const label =
        item.type === 'single'
          ? choiceText(item.options, (response as { choice: string }).choice)
          : JUDGEMENT_LABELS[(response as { choice: keyof typeof JUDGEMENT_LABELS }).choice];
      await checkRadioByKeyboard(
        page,
        scope,
        scope.getByRole('radio', { name: label, exact: true }),
      );
      return;
    }
    case 'multiple':
      for (const id of (response as MultipleResponse).choices) {
        await tabTo(
          page,
          scope.getByRole('checkbox', { name: choiceText(item.options, id), exact: true }),
        );
        await page.keyboard.press('Space');
      }
      return;
    case 'numeric':
    case 'short': {
      await tabTo(page, scope.getByRole('textbox'));
      const text =
        'value' in response ? String(response.value) : (response as { text: string }).text;
      await page.keyboard.type(text);
      return;
    }
    case 'match':
      for (const [leftId, rightId] of Object.entries((response as MatchResponse).pairs)) {
        const [left, right] = matchCards(scope, item, leftId, rightId);
        await tabTo(page, left);
        await page.keyboard.press('Enter');
        await tabTo(page, right);
        await page.keyboard.press('Space');
      }
      return;
    case 'order':
      await arrangeOrder(scope, item.items, (response as OrderResponse).order, async (button) => {
        await tabTo(page, button);
        await page.keyboard.press('Enter');
      });
      return;
    case 'evidence':
      for (const sentenceId of (response as EvidenceResponse).sentences) {
        await tabTo(
          page,
          articleRegion(page).getByRole('button', {
            name: sentenceText(article, sentenceId),
            exact: true,
          }),
        );
        await page.keyboard.press('Space');
      }
      return;
    case 'cloze':
      for (const gap of clozeGaps(scope, item, response as ClozeResponse)) {
        await tabTo(page, gap.field);
        if (!gap.isDropDown) {
          await page.keyboard.type(gap.text);
          continue;
        }
        // A closed drop-down steps through its choices with the arrow keys.
        for (let presses = 0; (await gap.field.inputValue()) !== gap.text; presses += 1) {
          if (presses > 10) throw new Error(`The arrow keys did not reach "${gap.text}"`);
          await page.keyboard.press('ArrowDown');
        }
      }
      return;
  }
}

/** Answers the question on screen with `response` using the keyboard alone. */
export function answerQuestionByKeyboard(
  page: Page,
  question: PublicQuestion,
  response: QuestionResponse,
  article: Article,
): Promise<void> {
  return answerWith(answerWithKeyboard, page, question, response, article);
}
