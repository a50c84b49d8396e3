import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { correctResponseOf } from '../../src/domain/answer-key';
import { exportQti3 } from '../../src/domain/interop/qti3/index';
import type { ResolvedBank } from '../../src/domain/resolved-bank';
import type { QuestionResponse } from '../../src/domain/responses';
import { scoreQuestion } from '../../src/domain/score-attempt';
import {
  FIXTURE_BANK_FILE,
  listShippedBankFiles,
  loadArticle,
  loadBank,
} from '../domain/fixtures/load-banks';
import type { QtiValue } from '../domain/interop/qti3/qti-response-processing';
import { toItemResponses, wrongResponse } from '../domain/interop/qti3/qti-responses';
import { skipBrowserTests } from './support/browser-session';
import { launchChromium } from './support/chromium';

/**
 * Issue 14: the QTI 3.0 export scored by a QTI 3 player we did not write, Cito's
 * `@citolab/qti-components`, in Chromium. Each exported item is turned into the player's HTML by
 * its own transformer (`qtiTransformItem`), rendered as its `<qti-assessment-item>`, given the
 * response through the item's `updateResponseVariable`, and scored by its `processResponse()`;
 * its SCORE outcome, added up over the items of a question (two for a two-part one), must equal
 * Readproof's points for the key, an empty answer and a wrong answer.
 *
 * All questions are compared with Readproof itself, including those the export reports as lossy
 * (short answers matched ignoring case only, two-part questions whose Part B scores on its own):
 * for these three responses their QTI score is Readproof's, as export-qti3.test.ts asserts with
 * our own evaluator. Responses go in as the player holds them after an interaction: an identifier
 * or text as a string, a multiple or ordered container as an array, nothing as null.
 *
 * The library is GPL-3.0, so it is a dev dependency this test alone loads, from its prebuilt
 * `cdn/index.js` served on a made-up origin; nothing in src/ imports it and no build bundles it.
 */

const LIBRARY = readFileSync(
  join(import.meta.dirname, '../../node_modules/@citolab/qti-components/cdn/index.js'),
  'utf8',
);
const ORIGIN = 'http://qti-player.test';
/** The bare page: it loads the player and hands its exports to the test. */
const PAGE = `<!doctype html><title>QTI player</title>
<script type="module">
  import * as qtiPlayer from '/qti-components.js';
  window.qtiPlayer = qtiPlayer;
</script>`;

type PlayerValue = string | string[] | null;

const RESPONSE_KINDS = ['key', 'no answer', 'a wrong answer'] as const;
type ResponseKind = (typeof RESPONSE_KINDS)[number];

/**
 * What this player (7.27.4) cannot score, found by this test. Both are faults of the player: the
 * items use these operators as QTI 3.0 defines them, and export-qti3.test.ts scores them as
 * Readproof does with our own evaluator. A question with an item using the element is left out of
 * the comparison for the responses named, and the test checks that the player still gets them wrong.
 */
const PLAYER_GAPS: { element: string; responses: readonly ResponseKind[]; why: string }[] = [
  {
    element: 'qti-delete',
    responses: RESPONSE_KINDS,
    why: "its qti-delete refuses a qti-base-value as the value to remove ('unexpected cardinality'), so it scores every order item 0, the key too",
  },
  {
    element: 'qti-map-response',
    responses: ['no answer'],
    why: 'its qti-map-response throws on a NULL response (TypeError reading toLowerCase or split of null) instead of mapping it',
  },
];

/** One item of a question given one response, as the page receives it. */
interface ItemCase {
  xml: string;
  responses: [identifier: string, value: PlayerValue][];
}

function toPlayerValue(value: QtiValue): PlayerValue {
  if (value === null) return null;
  if (value.cardinality === 'single') return String(value.value);
  return value.values.map(String);
}

/**
 * Renders each item afresh in the player, sets its responses, and returns its SCORE, or the
 * player's error when it could not score the item.
 */
function scoreInPlayer(page: Page, cases: ItemCase[]): Promise<(number | string)[]> {
  return page.evaluate(async (itemCases) => {
    interface PlayerItem extends HTMLElement {
      updateComplete: Promise<unknown>;
      updateResponseVariable(identifier: string, value: unknown): void;
      processResponse(): boolean;
      getOutcome(identifier: string): { value: unknown } | undefined;
    }
    const { qtiPlayer: player } = window as unknown as {
      qtiPlayer: { qtiTransformItem(): { parse(xml: string): { htmlDoc(): DocumentFragment } } };
    };
    await customElements.whenDefined('qti-assessment-item');
    const scores: (number | string)[] = [];
    for (const { xml, responses } of itemCases) {
      const rendered = player.qtiTransformItem().parse(xml).htmlDoc();
      // Each item stays on the page: the player opens popovers after rendering, which fail on an
      // element already removed. Each bank gets a fresh page.
      const section = document.createElement('section');
      section.append(rendered);
      document.body.append(section);
      const item = section.querySelector<PlayerItem>('qti-assessment-item');
      if (item === null) throw new Error('The player rendered no qti-assessment-item');
      await item.updateComplete;
      try {
        for (const [identifier, value] of responses) item.updateResponseVariable(identifier, value);
        item.processResponse();
        scores.push(Number(item.getOutcome('SCORE')?.value));
      } catch (error) {
        scores.push(`the player failed: ${String(error)}`);
      }
    }
    return scores;
  }, cases);
}

const article = loadArticle();
const banks: [name: string, bank: ResolvedBank][] = [
  ...listShippedBankFiles(),
  FIXTURE_BANK_FILE,
].map((file) => [basename(file), loadBank(file, article)]);

describe.skipIf(skipBrowserTests)('an independent QTI 3 player (issue 14)', () => {
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // A bare page on a made-up origin: the player is the only script, and nothing leaves the machine.
    await page.route(`${ORIGIN}/**`, (route) => {
      const { pathname } = new URL(route.request().url());
      if (pathname === '/') {
        return route.fulfill({
          contentType: 'text/html',
          body: PAGE,
        });
      }
      if (pathname === '/qti-components.js') {
        return route.fulfill({ contentType: 'text/javascript', body: LIBRARY });
      }
      return route.fulfill({ status: 404, body: '' });
    });
  });

  beforeEach(async () => {
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => 'qtiPlayer' in window);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(banks)(
    'scores every item of %s as Readproof does for the key, no answer and a wrong answer',
    async (_name, bank) => {
      const files = new Map(
        exportQti3({ bank, article }).files.map((file) => [file.path, file.text]),
      );
      const checks = bank.questions
        .flatMap((question) =>
          (
            [
              ['key', correctResponseOf(question)],
              ['no answer', undefined],
              ['a wrong answer', wrongResponse(question, article)],
            ] as const satisfies readonly [ResponseKind, QuestionResponse | undefined][]
          ).map(([kind, response]) => ({
            kind,
            label: `${question.id}, ${kind}`,
            expected: scoreQuestion(question, response, article).points,
            items: toItemResponses(question, response).map(([identifier, variables]) => {
              const xml = files.get(`items/${identifier}.xml`);
              if (xml === undefined) throw new Error(`The export has no item ${identifier}`);
              return {
                xml,
                responses: [...variables].map(([variable, value]): [string, PlayerValue] => [
                  variable,
                  toPlayerValue(value),
                ]),
              };
            }),
          })),
        )
        .map((check) => ({
          ...check,
          gap: PLAYER_GAPS.find(
            (gap) =>
              gap.responses.includes(check.kind) &&
              check.items.some((item) => item.xml.includes(`<${gap.element}`)),
          ),
        }));
      const scores = await scoreInPlayer(
        page,
        checks.flatMap((check) => check.items),
      );
      let next = 0;
      const compared = checks.map((check) => {
        const itemScores = scores.slice(next, next + check.items.length);
        next += check.items.length;
        const total = itemScores.reduce<number>(
          (sum, itemScore) => sum + (typeof itemScore === 'number' ? itemScore : Number.NaN),
          0,
        );
        const agrees = Math.abs(total - check.expected) < 1e-9;
        if (check.gap === undefined) {
          expect
            .soft(
              agrees,
              `${check.label}: the player gave ${itemScores.join(' + ')}, Readproof ${check.expected}`,
            )
            .toBe(true);
        }
        return { ...check, agrees };
      });
      // A gap the player has closed shows here, so that its entry can go and its items be compared.
      for (const gap of PLAYER_GAPS) {
        const affected = compared.filter((check) => check.gap === gap);
        if (affected.length > 0) {
          expect
            .soft(
              affected.some((check) => !check.agrees),
              `still true? ${gap.why}`,
            )
            .toBe(true);
        }
      }
      // Most of every bank is compared, keys scoring points among them.
      const checked = compared.filter((check) => check.gap === undefined);
      expect(checked.length).toBeGreaterThan(bank.questions.length);
      expect(checked.some((check) => check.expected > 0)).toBe(true);
      expect(pageErrors).toEqual([]);
    },
  );
});
