import { findSentence } from '../article';
import { normaliseQuotes } from '../evidence';
import { matchTypedAnswer } from '../match-typed-answer';
import { normaliseAnswer } from '../normalise-answer';
import type { PublicClozeSegment } from '../public-question';
import { listEvidenceSentenceIds } from '../resolved-bank';
import type { ClozeResponse, QuestionResponse } from '../responses';
import type { GapResult, QuestionScore } from '../results';
import {
  applyScoring,
  shareScore,
  unansweredScore,
  type AnswerItemOf,
  type ScoredQuestion,
} from '../scorers';
import { shuffle } from '../seeded-random';
import type { Path, QuestionTypeModule, RuleContext } from './question-type-module';
import { MAX_RESPONSE_IDS, type SchemaKit } from './schema-kit';
import {
  checkUniqueItemIds,
  describeValue,
  findRepeatsWith,
  InvalidResponse,
  isRecord,
  MAX_SHORT_ANSWER_LENGTH,
  presentChoices,
  quoted,
  readObject,
  readTypedAnswer,
  report,
} from './shared';
import { checkAcceptedAnswers } from './short';
import { RESPONSE_DESCRIPTIONS } from './response-descriptions';
import { RESPONSE_KINDS } from './response-kinds';

export function clozeBankFields({ z, slug, text, scoring }: SchemaKit) {
  const gap = z
    .strictObject({
      id: slug.meta({
        description: 'Unique within the question; written {{id}} in the text where the gap goes.',
      }),
      choices: z
        .array(text)
        .min(2)
        .max(6)
        .optional()
        .meta({ description: 'A drop-down gap: 2 to 6 texts to choose from; give "answer" too.' }),
      answer: text
        .optional()
        .meta({ description: 'The right one of "choices", copied exactly (drop-down gaps only).' }),
      answers: z.array(text).min(1).optional().meta({
        description:
          'A gap the student types: the accepted answers, the first shown as the right one. Matched as short answers are (docs/scoring.md).',
      }),
    })
    .meta({ description: 'A gap: "choices" with "answer" (a drop-down), or "answers" (typed).' });
  return {
    type: z.literal('cloze'),
    text: text.meta({
      description:
        'A sentence or short passage copied from the article, with each gap written {{gap-id}} where its words are.',
    }),
    gaps: z
      .array(gap)
      .min(1)
      .max(3)
      .meta({ description: 'One to three gaps, each written once in the text.' }),
    scoring,
  };
}

type ClozeItem = AnswerItemOf<'cloze'>;
type Gap = ClozeItem['gaps'][number];

/** `{{ id }}`: a gap in the text. */
const GAP_MARK = /\{\{\s*([^{}]*?)\s*\}\}/g;

type TextPiece = { kind: 'text'; text: string } | { kind: 'gap'; gapId: string };

/** The text cut at its gap marks, in reading order. */
function splitText(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let from = 0;
  for (const mark of text.matchAll(GAP_MARK)) {
    if (mark.index > from) pieces.push({ kind: 'text', text: text.slice(from, mark.index) });
    pieces.push({ kind: 'gap', gapId: mark[1] ?? '' });
    from = mark.index + mark[0].length;
  }
  if (from < text.length) pieces.push({ kind: 'text', text: text.slice(from) });
  return pieces;
}

/**
 * Each text's pieces, cut once: every attempt's review presents the question again, and cutting
 * the text with a regular expression each time cost about one per cent of scoring's time. Keyed by the text
 * itself, few and unchanging per bank; the limit keeps a server that reloads content from growing
 * it without end.
 */
const piecesByText = new Map<string, readonly TextPiece[]>();
const MAX_CACHED_TEXTS = 1000;

function readPieces(text: string): readonly TextPiece[] {
  let pieces = piecesByText.get(text);
  if (pieces === undefined) {
    pieces = splitText(text);
    if (piecesByText.size >= MAX_CACHED_TEXTS) piecesByText.clear();
    piecesByText.set(text, pieces);
  }
  return pieces;
}

/**
 * The sentences each item's evidence touches (those its page hides), listed once per item rather
 * than for every review, as the bank's evidence does not change.
 */
const maskedSentenceIdsByItem = new WeakMap<ClozeItem, readonly string[]>();

function readMaskedSentenceIds(item: ClozeItem): readonly string[] {
  let ids = maskedSentenceIdsByItem.get(item);
  if (ids === undefined) {
    ids = listEvidenceSentenceIds(item);
    maskedSentenceIdsByItem.set(item, ids);
  }
  return ids;
}

/** A gap's right answer: a drop-down's `answer`, a typed gap's first accepted answer. */
function rightAnswerOf(gap: Gap): string {
  return gap.choices === undefined ? (gap.answers?.[0] ?? '') : (gap.answer ?? '');
}

/** The answer a gap's text matched, if right: a typed gap's accepted answer, a drop-down's answer. */
function matchGap(gap: Gap, given: string | undefined, evidenceText: string): string | undefined {
  if (given === undefined || given.trim() === '') return undefined;
  if (gap.choices === undefined) return matchTypedAnswer(gap.answers ?? [], given, evidenceText);
  return given === gap.answer ? given : undefined;
}

/** The text with every gap filled by `fill`. */
function fillText(text: string, fill: (gapId: string) => string): string {
  return splitText(text)
    .map((piece) => (piece.kind === 'text' ? piece.text : fill(piece.gapId)))
    .join('');
}

/** As evidence quotes are matched: typographic quotes straightened, white space collapsed. */
function comparable(text: string): string {
  return normaliseQuotes(text).replace(/\s+/g, ' ').trim();
}

function checkGapShape(context: RuleContext, gap: Gap, path: Path): void {
  const label = `Gap "${gap.id}"`;
  if (gap.choices !== undefined && gap.answers !== undefined) {
    report(
      context,
      path,
      `${label} has both "choices" (a drop-down) and "answers" (typed). Keep one: "choices" with "answer", or "answers".`,
    );
    return;
  }
  if (gap.choices === undefined) {
    if (gap.answers === undefined) {
      report(
        context,
        path,
        `${label} has neither "choices" nor "answers". Give "choices" and "answer" for a drop-down, or "answers" for a gap the student types.`,
      );
    } else if (gap.answer !== undefined) {
      report(
        context,
        [...path, 'answer'],
        `${label} is typed (it has "answers"), so "answer" means nothing here: put every accepted answer under "answers".`,
      );
    } else {
      checkAcceptedAnswers(context, gap.answers, [...path, 'answers']);
    }
    return;
  }
  if (gap.answer === undefined) {
    report(
      context,
      path,
      `${label} is a drop-down with no "answer". Add "answer" with the right one of its choices.`,
    );
  } else if (!gap.choices.includes(gap.answer)) {
    report(
      context,
      [...path, 'answer'],
      `"answer: ${gap.answer}" of ${label.toLowerCase()} is not one of its choices (${quoted(gap.choices)}). Copy the right choice exactly.`,
    );
  }
  const earlierOf = findRepeatsWith(normaliseAnswer);
  gap.choices.forEach((choice, index) => {
    const same = earlierOf(choice);
    if (same === undefined) return;
    report(
      context,
      [...path, 'choices', index],
      `Choice "${choice}" of ${label.toLowerCase()} is the same as "${same}" once case, spacing and punctuation are ignored. Make every choice different.`,
    );
  });
}

/** Every mark names a gap, and every gap has exactly one kind of right answer that fits it. */
function hasUsableKey(item: ClozeItem): boolean {
  const marksNameGaps = splitText(item.text).every(
    (piece) => piece.kind === 'text' || item.gaps.some((gap) => gap.id === piece.gapId),
  );
  return (
    marksNameGaps &&
    item.gaps.every((gap) =>
      gap.choices === undefined
        ? gap.answers !== undefined && gap.answer === undefined
        : gap.answers === undefined && gap.answer !== undefined && gap.choices.includes(gap.answer),
    )
  );
}

function readGaps(item: ClozeItem, value: unknown, path: Path): Record<string, string> {
  if (!isRecord(value)) {
    throw new InvalidResponse(
      `"gaps" must be an object from gap id to its answer, not ${describeValue(value)}.`,
      path,
    );
  }
  const gapIds = item.gaps.map((gap) => gap.id);
  const gaps: Record<string, string> = {};
  for (const [gapId, given] of Object.entries(value)) {
    const gapPath = [...path, gapId];
    const gap = item.gaps.find((candidate) => candidate.id === gapId);
    if (gap === undefined) {
      throw new InvalidResponse(
        `"${gapId}" is not a gap of this question; its gaps are ${quoted(gapIds)}.`,
        gapPath,
      );
    }
    const text = readTypedAnswer(given, gapPath);
    // An empty string leaves a drop-down gap empty, as clearing the choice does.
    if (gap.choices !== undefined && text !== '' && !gap.choices.includes(text)) {
      throw new InvalidResponse(
        `"${text}" is not a choice of gap "${gapId}"; its choices are ${quoted(gap.choices)}.`,
        gapPath,
      );
    }
    gaps[gapId] = text;
  }
  return gaps;
}

function gapResults(
  item: ClozeItem,
  response: QuestionResponse | null | undefined,
  evidenceText: string,
  isAcceptedByTeacher?: (given: string, gapId: string | null) => boolean,
): GapResult[] {
  const given = response && 'gaps' in response && isRecord(response.gaps) ? response.gaps : {};
  return item.gaps.map((gap) => {
    const text = Object.hasOwn(given, gap.id) ? given[gap.id] : undefined;
    const matched = matchGap(gap, text, evidenceText);
    const result: GapResult = {
      gapId: gap.id,
      given: text === undefined || text.trim() === '' ? null : text,
      correct: matched !== undefined,
      rightAnswer: rightAnswerOf(gap),
    };
    // A drop-down's choice is the answer itself: only a typed gap names what it matched.
    if (matched !== undefined && gap.choices === undefined) result.matchedAnswer = matched;
    // Only typed gaps can be accepted by a teacher; a drop-down's wrong choice stays wrong.
    if (
      matched === undefined &&
      gap.choices === undefined &&
      result.given !== null &&
      isAcceptedByTeacher?.(result.given, gap.id) === true
    ) {
      result.correct = true;
      result.acceptedByTeacher = true;
    }
    return result;
  });
}

/**
 * A fresh score with its gaps added last, as a spread copy would have them, without the copy
 * (much slower to build, once per cloze question scored).
 */
function withGaps(score: QuestionScore, gaps: GapResult[]): ScoredQuestion {
  const scored: ScoredQuestion = score;
  scored.gaps = gaps;
  return scored;
}

/**
 * A sentence (or short passage) of the article with one to three gaps, each filled from a
 * drop-down or by typing; credit for each right gap. Its evidence is the sentence it comes from,
 * which the page hides while the question is on screen.
 */
export const clozeType: QuestionTypeModule<'cloze'> = {
  type: 'cloze',
  bankFields: clozeBankFields,
  checkRules(item, context, path) {
    checkUniqueItemIds(context, item.gaps, [...path, 'gaps'], 'Gap');
    const marks = splitText(item.text).flatMap((piece) =>
      piece.kind === 'gap' ? [piece.gapId] : [],
    );
    const gapIds = item.gaps.map((gap) => gap.id);
    for (const mark of new Set(marks)) {
      if (gapIds.includes(mark)) continue;
      report(
        context,
        [...path, 'text'],
        `"{{${mark}}}" in the text names no gap; the gaps are ${quoted(gapIds)}. Write each gap as {{id}} with the id of one of them.`,
      );
    }
    item.gaps.forEach((gap, index) => {
      const gapPath = [...path, 'gaps', index];
      const count = marks.filter((mark) => mark === gap.id).length;
      if (count === 0) {
        report(
          context,
          [...gapPath, 'id'],
          `Gap "${gap.id}" is not in the text. Write {{${gap.id}}} in the text where its words are.`,
        );
      } else if (count > 1) {
        report(
          context,
          [...gapPath, 'id'],
          `Gap "${gap.id}" is written ${count} times in the text; write {{${gap.id}}} once, and give each further gap an id of its own.`,
        );
      }
      checkGapShape(context, gap, gapPath);
    });
  },
  checkResolved(item, context, path) {
    const sentences = listEvidenceSentenceIds(item).flatMap((sentenceId) => {
      const sentence = findSentence(context.article, sentenceId);
      return sentence === undefined ? [] : [sentence.text];
    });
    // Quotes not found, and gaps without a usable right answer, are reported already: comparing
    // would only add a second message about the same mistake.
    if (sentences.length === 0 || !hasUsableKey(item)) return;
    const filled = fillText(item.text, (gapId) => {
      const gap = item.gaps.find((candidate) => candidate.id === gapId);
      return gap === undefined ? '' : rightAnswerOf(gap);
    });
    if (comparable(sentences.join(' ')).includes(comparable(filled))) return;
    report(
      context,
      [...path, 'text'],
      `With each gap filled by its right answer the text reads "${filled}", which is not word for word in the sentence${sentences.length === 1 ? '' : 's'} its evidence quotes. Copy the text from the article and put each gap where its words are, so every right answer is the article's own word.`,
    );
  },

  responseShape: '{ "gaps": { "<gap id>": "<chosen or typed answer>", ... } }',
  responseKeys: RESPONSE_KINDS.cloze.responseKeys,
  responseSchema: ({ z, responseId }) =>
    z.strictObject({
      gaps: z
        .record(responseId, z.string().max(MAX_SHORT_ANSWER_LENGTH))
        .refine((gaps) => Object.keys(gaps).length <= MAX_RESPONSE_IDS, {
          message: `At most ${MAX_RESPONSE_IDS} gaps.`,
        }),
    }),
  validateResponse(item, value, { path }): ClozeResponse {
    const response = readObject(value, clozeType, { required: ['gaps'] }, path);
    return { gaps: readGaps(item, response.gaps, [...path, 'gaps']) };
  },
  isAnswered: RESPONSE_KINDS.cloze.isAnswered,

  score(item, response, context) {
    const gaps = gapResults(
      item,
      response,
      context.readEvidenceText(),
      context.isAcceptedByTeacher,
    );
    if (response === null || response === undefined || !context.isAnswered(response)) {
      return withGaps(unansweredScore(item.points), gaps);
    }
    const share = gaps.filter((gap) => gap.correct).length / gaps.length;
    return withGaps(shareScore(applyScoring(share, item.scoring), item.points), gaps);
  },
  correctResponse: (item) => ({
    gaps: Object.fromEntries(item.gaps.map((gap) => [gap.id, rightAnswerOf(gap)])),
  }),
  // A drop-down's answer says it all; a typed gap's variants are worth listing.
  acceptedAnswers: (item) =>
    item.gaps.flatMap((gap, index) =>
      gap.answers === undefined ? [] : [`Gap ${index + 1}: ${gap.answers.join(', ')}`],
    ),
  optionFeedback: () => ({}),

  arrangeChoices(item, context) {
    return Object.fromEntries(
      item.gaps.flatMap((gap) => {
        if (gap.choices === undefined) return [];
        const listName = `gap.${gap.id}`;
        return [
          [
            listName,
            context.shuffleOptions
              ? shuffle(gap.choices, context.randomFor(listName))
              : [...gap.choices],
          ],
        ];
      }),
    );
  },
  toPublic(item, context) {
    const segments = readPieces(item.text).map((piece): PublicClozeSegment => {
      // A copy: the pieces are shared by every attempt, the segments are this one's own.
      if (piece.kind === 'text') return { kind: 'text', text: piece.text };
      const gap = item.gaps.find((candidate) => candidate.id === piece.gapId);
      const choices = gap?.choices?.map((choice) => ({ id: choice, text: choice }));
      return {
        kind: 'gap',
        gapId: piece.gapId,
        choices:
          choices === undefined
            ? null
            : presentChoices(context, `gap.${piece.gapId}`, choices).map((choice) => choice.text),
      };
    });
    return {
      type: 'cloze',
      prompt: item.prompt,
      points: item.points,
      segments,
      // A copy of the item's list: each public question's is its own.
      maskedSentenceIds: [...readMaskedSentenceIds(item)],
    };
  },
  describeResponse: RESPONSE_DESCRIPTIONS.cloze,

  statisticsChoices: (item) =>
    item.gaps.flatMap((gap, index) =>
      (gap.choices ?? []).map((choice) => ({
        id: `${gap.id}:${choice}`,
        text: `Gap ${index + 1}: ${choice}`,
        correct: choice === gap.answer,
      })),
    ),
  chosenIds: (_item, response) =>
    'gaps' in response
      ? Object.entries(response.gaps).map(([gapId, given]) => `${gapId}:${given}`)
      : [],
};
