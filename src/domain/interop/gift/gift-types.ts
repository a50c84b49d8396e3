import { listSentences, type Sentence } from '../../article';
import {
  JUDGEMENT_LABELS,
  JUDGEMENTS,
  type Judgement,
  type QuestionType,
} from '../../question-kinds';
import type { AnswerType } from '../../question-types/question-type-module';
import { partASchema, partBSchema, type EvidenceQuote, type Option } from '../../question-schema';
import type { ItemOf } from '../../question-types/question-type-module';
import type { Scoring } from '../../scorers';
import { QUESTION_TYPE_MODULES } from '../../question-types/registry';
import type { ImportedQuestion } from '../interop-format';
import {
  findSentenceByText,
  GiftReadError,
  isMoodleGrade,
  letterId,
  quotesOf,
  splitStem,
  wholeStem,
  type GiftReadContext,
  type GiftWriteContext,
} from './gift-context';
import { inferAnswerType, isJudgementChoice, judgementOfLabel } from './gift-infer';
import type { GiftAnswer, GiftChoice, GiftQuestion } from './gift-model';

/**
 * How each question type maps to GIFT, both ways: one entry per type, in an object typed so that
 * a new type fails to compile until it says how GIFT holds it. The keys come from the type
 * modules (`correctResponse`, `optionFeedback`, `acceptedAnswers`), never re-derived here.
 */

type DistributiveOmit<Item, Key extends PropertyKey> = Item extends unknown
  ? Omit<Item, Key>
  : never;

/** What a question has beside its type's own fields; the importer fills these in. */
type CommonKey = 'id' | 'skill' | 'difficulty' | 'explanation' | 'evidence' | 'tags' | 'points';

/**
 * A type's own fields (with its prompt) as read from GIFT. An indexed map rather than a conditional
 * type, so a mapping of one type is usable where a mapping of any type is expected.
 */
type GiftFieldsByType = {
  [T in QuestionType]: DistributiveOmit<Extract<ImportedQuestion, { type: T }>, CommonKey>;
};
export type GiftFieldsOf<T extends QuestionType> = GiftFieldsByType[T];

export interface GiftRead<T extends QuestionType> {
  fields: GiftFieldsOf<T>;
  /** The key of an evidence question: the sentences the file marks right. */
  evidence?: EvidenceQuote[];
}

/** One GIFT question of an item; `suffix` names a part or a gap in its title (`q1 Part A`). */
export interface GiftPiece extends Omit<GiftQuestion, 'title' | 'comments'> {
  suffix?: string;
}

/** What a type's mapping writes: a question, or a part of a two-part question (indexed, as above). */
type GiftItemByType = { [T in QuestionType]: ItemOf<T> };

export interface GiftTypeMapping<T extends QuestionType> {
  /** The GIFT questions an item is written as, or why GIFT cannot hold it at all. */
  write(item: GiftItemByType[T], context: GiftWriteContext): GiftPiece[] | { skip: string };
  /** The item read back from its GIFT questions; throws `GiftReadError` when they do not fit. */
  read(pieces: readonly GiftPiece[], context: GiftReadContext): GiftRead<T>;
}

/** Defaults for what a file from elsewhere does not say (documented in docs/interop-gift.md). */
export const DEFAULT_PROMPTS = {
  judgement: 'Is this statement true, false or not given, according to the article?',
  evidence: 'Choose the sentences of the article that support this claim.',
  cloze: 'Fill in the gap with the words of the article.',
};

const MATCHING_NOTE =
  'Moodle matches a typed answer exactly (ignoring only case); Readproof also ignores spacing, punctuation, articles and how numbers are written, and accepts words from the evidence sentences.';

function onlyPiece(pieces: readonly GiftPiece[]): GiftPiece {
  const [piece, ...others] = pieces;
  if (piece === undefined || others.length > 0) {
    throw new GiftReadError('Expected one GIFT question for this question.');
  }
  return piece;
}

function answerOf<K extends GiftAnswer['kind']>(
  piece: GiftPiece,
  kind: K,
  what: string,
): Extract<GiftAnswer, { kind: K }> {
  const answer = piece.answer;
  if (answer?.kind !== kind) {
    throw new GiftReadError(`Expected ${what}, but the answers are not written that way.`);
  }
  return answer as Extract<GiftAnswer, { kind: K }>;
}

/** A choice's weight in per cent: its `%weight%`, else 100 for `=` and 0 for `~`. */
function weightOf(choice: GiftChoice): number {
  return choice.weight ?? (choice.correct ? 100 : 0);
}

/**
 * Right-minus-wrong as Moodle weights: each right answer 100/k per cent, each wrong one -100/k, so
 * Moodle's sum (floored at zero) is Readproof's share. Notes when Moodle would round the weight.
 */
function selectionWeights(keySize: number, context: GiftWriteContext): number {
  const weight = 100 / keySize;
  if (!isMoodleGrade(weight)) {
    context.note(
      `${keySize} right answers make each worth ${weight.toFixed(5)}%, which is not one of Moodle's grades; Moodle may round it when importing.`,
    );
  }
  return weight;
}

function noteAllOrNothing(
  scoring: Scoring,
  parts: number,
  what: string,
  context: GiftWriteContext,
): void {
  if (scoring === 'all-or-nothing' && parts > 1) {
    context.note(`Scored all-or-nothing in Readproof; Moodle gives credit for each right ${what}.`);
  }
}

/** Whether a file's multiple-answer weights are right-minus-wrong, as Readproof scores them. */
function checkSelectionWeights(choices: readonly GiftChoice[], context: GiftReadContext): void {
  const right = choices.filter((choice) => weightOf(choice) > 0).length;
  if (right === 0) throw new GiftReadError('No answer has a positive weight, so none is right.');
  const expected = 100 / right;
  const differs = choices.some((choice) => Math.abs(Math.abs(weightOf(choice)) - expected) > 0.01);
  if (differs) {
    context.note(
      `The answers are weighted ${choices.map((choice) => `${weightOf(choice)}%`).join(', ')}; Readproof scores right minus wrong (each right answer ${expected.toFixed(2)}%, each wrong one takes as much back).`,
    );
  }
}

function readOptions(
  choices: readonly GiftChoice[],
  isRight: (choice: GiftChoice) => boolean,
): Option[] {
  return choices.map((choice, index) => {
    const option: Option = {
      id: letterId(index),
      text: choice.text,
      correct: isRight(choice),
      fixed: false,
    };
    if (choice.feedback !== undefined) option.feedback = choice.feedback;
    return option;
  });
}

const single: GiftTypeMapping<'single'> = {
  write(item, context) {
    const right = QUESTION_TYPE_MODULES.single.correctResponse(item, context.question).choice;
    const feedback = QUESTION_TYPE_MODULES.single.optionFeedback(item);
    const fixed = item.options.filter((option) => option.fixed);
    if (fixed.length > 0) {
      context.note(
        `Option ${fixed.map((option) => `"${option.text}"`).join(', ')} keeps its place when options are shuffled; GIFT cannot say so, and Moodle shuffles all or none.`,
      );
    }
    const choices = item.options.map((option): GiftChoice => {
      const choice: GiftChoice = { correct: option.id === right, text: option.text };
      if (feedback[option.id] !== undefined) choice.feedback = feedback[option.id];
      return choice;
    });
    return [{ stem: item.prompt, answer: { kind: 'choice', choices } }];
  },
  read(pieces, context) {
    const piece = onlyPiece(pieces);
    const { choices } = answerOf(piece, 'choice', 'multiple choice');
    if (choices.some((choice) => weightOf(choice) > 0 && weightOf(choice) < 100)) {
      context.note(
        'Answers with partial credit count as wrong: a Readproof multiple-choice question has one right answer.',
      );
    }
    return {
      fields: {
        type: 'single',
        prompt: wholeStem(piece),
        options: readOptions(choices, (choice) => weightOf(choice) >= 100),
      },
    };
  },
};

const multiple: GiftTypeMapping<'multiple'> = {
  write(item, context) {
    const key = new Set(
      QUESTION_TYPE_MODULES.multiple.correctResponse(item, context.question).choices,
    );
    const feedback = QUESTION_TYPE_MODULES.multiple.optionFeedback(item);
    const weight = selectionWeights(key.size, context);
    noteAllOrNothing(item.scoring, key.size, 'answer', context);
    const choices = item.options.map((option): GiftChoice => {
      const choice: GiftChoice = {
        correct: false,
        weight: key.has(option.id) ? weight : -weight,
        text: option.text,
      };
      if (feedback[option.id] !== undefined) choice.feedback = feedback[option.id];
      return choice;
    });
    return [{ stem: item.prompt, answer: { kind: 'choice', choices } }];
  },
  read(pieces, context) {
    const piece = onlyPiece(pieces);
    const { choices } = answerOf(piece, 'choice', 'multiple answers');
    checkSelectionWeights(choices, context);
    return {
      fields: {
        type: 'multiple',
        prompt: wholeStem(piece),
        options: readOptions(choices, (choice) => weightOf(choice) > 0),
        scoring: context.meta.scoring ?? 'partial',
      },
    };
  },
};

const judgement: GiftTypeMapping<'judgement'> = {
  write(item, context) {
    const right = QUESTION_TYPE_MODULES.judgement.correctResponse(item, context.question).choice;
    const feedback = QUESTION_TYPE_MODULES.judgement.optionFeedback(item);
    const choices = JUDGEMENTS.map((value): GiftChoice => {
      const choice: GiftChoice = { correct: value === right, text: JUDGEMENT_LABELS[value] };
      if (feedback[value] !== undefined) choice.feedback = feedback[value];
      return choice;
    });
    return [{ stem: `${item.prompt}\n${item.statement}`, answer: { kind: 'choice', choices } }];
  },
  read(pieces, context) {
    const piece = onlyPiece(pieces);
    const { first, rest } = splitStem(wholeStem(piece));
    const common = {
      type: 'judgement' as const,
      prompt: first ?? DEFAULT_PROMPTS.judgement,
      statement: rest,
    };
    const answer = piece.answer;
    if (answer?.kind === 'true-false') {
      const value: Judgement = answer.value ? 'true' : 'false';
      const wrong: Judgement = answer.value ? 'false' : 'true';
      const feedback: Partial<Record<Judgement, string>> = {};
      if (answer.wrongFeedback) feedback[wrong] = answer.wrongFeedback;
      if (answer.rightFeedback) {
        context.note(
          `The feedback for a right answer ("${answer.rightFeedback}") is left out: Readproof shows its explanation to everyone instead.`,
        );
      }
      return { fields: { ...common, answer: value, feedback } };
    }
    if (answer === undefined || !isJudgementChoice(answer) || answer.kind !== 'choice') {
      throw new GiftReadError('Expected {T}, {F}, or a choice of True, False and Not given.');
    }
    const feedback: Partial<Record<Judgement, string>> = {};
    let value: Judgement | undefined;
    for (const choice of answer.choices) {
      const label = judgementOfLabel(choice.text);
      if (label === undefined) continue;
      if (weightOf(choice) >= 100) value = label;
      if (choice.feedback !== undefined) feedback[label] = choice.feedback;
    }
    if (value === undefined)
      throw new GiftReadError('None of True, False and Not given is marked right (=).');
    return { fields: { ...common, answer: value, feedback } };
  },
};

/** ` (drones)`: the unit, which GIFT has no field for, written after the question. */
function unitSuffix(unit: string): string {
  return ` (${unit})`;
}

const numeric: GiftTypeMapping<'numeric'> = {
  write(item, context) {
    const value = QUESTION_TYPE_MODULES.numeric.correctResponse(item, context.question).value;
    let stem = item.prompt;
    if (item.unit !== undefined) {
      stem += unitSuffix(item.unit);
      context.note(`GIFT has no units: "${item.unit}" is written after the question in brackets.`);
    }
    return [{ stem, answer: { kind: 'numeric', answers: [{ value, tolerance: item.tolerance }] } }];
  },
  read(pieces, context) {
    const piece = onlyPiece(pieces);
    const { answers } = answerOf(piece, 'numeric', 'a numerical answer');
    const [full, ...others] = answers.filter((answer) => (answer.weight ?? 100) >= 100);
    if (full === undefined) throw new GiftReadError('No numerical answer gets full marks.');
    if (others.length > 0 || answers.length > 1 + others.length) {
      context.note(
        `Only the first full-marks answer (${full.value} ± ${full.tolerance}) is kept; Readproof takes one number with its tolerance.`,
      );
    }
    const unit = context.meta.unit;
    let prompt = wholeStem(piece);
    if (unit !== undefined && prompt.endsWith(unitSuffix(unit)))
      prompt = prompt.slice(0, -unitSuffix(unit).length);
    const fields: GiftFieldsOf<'numeric'> = {
      type: 'numeric',
      prompt,
      answer: full.value,
      tolerance: full.tolerance,
    };
    if (unit !== undefined) fields.unit = unit;
    return { fields };
  },
};

/** Typed answers: full-marks ones are accepted, partial-credit ones noted and left out. */
function readTypedAnswers(answers: readonly GiftChoice[], context: GiftReadContext): string[] {
  const full = answers.filter((answer) => weightOf(answer) >= 100).map((answer) => answer.text);
  if (full.length < answers.length) {
    context.note(
      'Answers with partial or no credit are left out: Readproof accepts an answer or not.',
    );
  }
  if (full.length === 0) throw new GiftReadError('No answer gets full marks.');
  return full;
}

const short: GiftTypeMapping<'short'> = {
  write(item, context) {
    context.note(MATCHING_NOTE);
    const answers = QUESTION_TYPE_MODULES.short
      .acceptedAnswers(item)
      .map((text): GiftChoice => ({ correct: true, text }));
    return [{ stem: item.prompt, answer: { kind: 'short', answers } }];
  },
  read(pieces, context) {
    const piece = onlyPiece(pieces);
    const { answers } = answerOf(piece, 'short', 'short answers');
    return {
      fields: {
        type: 'short',
        prompt: wholeStem(piece),
        answers: readTypedAnswers(answers, context),
      },
    };
  },
};

const match: GiftTypeMapping<'match'> = {
  write(item, context) {
    const pairs = QUESTION_TYPE_MODULES.match.correctResponse(item, context.question).pairs;
    const rightText = new Map(item.right.map((right) => [right.id, right.text]));
    const matched = new Set(Object.values(pairs));
    noteAllOrNothing(item.scoring, item.left.length, 'pair', context);
    return [
      {
        stem: item.prompt,
        answer: {
          kind: 'match',
          pairs: [
            ...item.left.map((left) => ({
              left: left.text,
              right: rightText.get(pairs[left.id] ?? '') ?? '',
            })),
            // Right-hand items that match nothing are distractors: a pair with no left side.
            ...item.right
              .filter((right) => !matched.has(right.id))
              .map((right) => ({ left: '', right: right.text })),
          ],
        },
      },
    ];
  },
  read(pieces, context) {
    const piece = onlyPiece(pieces);
    const { pairs } = answerOf(piece, 'match', 'matching pairs');
    const rightTexts = [...new Set(pairs.map((pair) => pair.right))];
    const right = rightTexts.map((text, index) => ({ id: String(index + 1), text }));
    const left = pairs
      .filter((pair) => pair.left !== '')
      .map((pair, index) => ({
        id: letterId(index),
        text: pair.left,
        match: String(rightTexts.indexOf(pair.right) + 1),
      }));
    return {
      fields: {
        type: 'match',
        prompt: wholeStem(piece),
        left,
        right,
        scoring: context.meta.scoring ?? 'partial',
      },
    };
  },
};

const order: GiftTypeMapping<'order'> = {
  write: () => ({
    skip: 'GIFT has no ordering question (Moodle XML and QTI 3.0 do); export to one of those to keep it.',
  }),
  read() {
    throw new GiftReadError('GIFT has no ordering question, so none can be read from it.');
  },
};

/** The article's sentences as choices: the key's weighted right, every other one wrong. */
function sentenceChoices(
  sentences: readonly Sentence[],
  key: ReadonlySet<string>,
  weight: number,
): GiftChoice[] {
  return sentences.map((sentence) => ({
    correct: false,
    weight: key.has(sentence.id) ? weight : -weight,
    text: sentence.text,
  }));
}

/** Finds every choice among the article's sentences; the right ones are the key. */
function readSentenceKey(piece: GiftPiece, context: GiftReadContext): Sentence[] {
  const { choices } = answerOf(piece, 'choice', "a choice of the article's sentences");
  checkSelectionWeights(choices, context);
  return choices.flatMap((choice) => {
    const sentence = findSentenceByText(context.article, choice.text);
    if (sentence === undefined) {
      throw new GiftReadError(
        `"${choice.text}" is not a sentence of "${context.article.meta.title}": an evidence question's choices are the article's sentences. Import it into the bank of the article it was written for.`,
      );
    }
    return weightOf(choice) > 0 ? [sentence] : [];
  });
}

const evidence: GiftTypeMapping<'evidence'> = {
  write(item, context) {
    const key = new Set(
      QUESTION_TYPE_MODULES.evidence.correctResponse(item, context.question).sentences,
    );
    noteAllOrNothing(item.scoring, key.size, 'sentence', context);
    const choices = sentenceChoices(
      listSentences(context.article),
      key,
      selectionWeights(key.size, context),
    );
    const stem = 'claim' in item ? `${item.prompt}\n${item.claim}` : item.prompt;
    return [{ stem, answer: { kind: 'choice', choices } }];
  },
  read(pieces, context) {
    const piece = onlyPiece(pieces);
    const key = readSentenceKey(piece, context);
    const { first, rest } = splitStem(wholeStem(piece));
    return {
      fields: {
        type: 'evidence',
        prompt: first ?? DEFAULT_PROMPTS.evidence,
        claim: rest,
        scoring: context.meta.scoring ?? 'partial',
      },
      evidence: quotesOf(key),
    };
  },
};

/** `{{ id }}`: a gap in a cloze text, as the cloze module writes it. */
const GAP_MARK = /\{\{\s*([^{}]*?)\s*\}\}/g;
/** Where another gap of the same text is, in the GIFT question of one gap. */
const OTHER_GAP = '[…]';

/** Whether two texts join with a space: not before closing punctuation, not after an opening one. */
function joinText(before: string, after: string): string {
  if (before === '' || after === '' || /^[.,;:!?)\]’'"”]/.test(after) || /[(“‘[]$/.test(before))
    return before + after;
  return `${before} ${after}`;
}

const cloze: GiftTypeMapping<'cloze'> = {
  write(item, context) {
    const right = QUESTION_TYPE_MODULES.cloze.correctResponse(item, context.question).gaps;
    const marks = [...item.text.matchAll(GAP_MARK)];
    noteAllOrNothing(item.scoring, item.gaps.length, 'gap', context);
    if (marks.length > 1) {
      context.note(
        `GIFT has one blank per question: the ${marks.length} gaps are written as ${marks.length} missing-word questions, each showing the others as ${OTHER_GAP}.`,
      );
    }
    if (item.gaps.some((gap) => gap.choices === undefined)) context.note(MATCHING_NOTE);
    context.note(
      'Readproof hides the sentence a cloze question is taken from; the article above the questions in GIFT shows it.',
    );
    return marks.map((mark, index) => {
      const gap = item.gaps.find((candidate) => candidate.id === mark[1]);
      // Every other gap's mark becomes the placeholder, so no answer shows in another gap's question.
      const others = (text: string) => text.replace(GAP_MARK, OTHER_GAP);
      const start = mark.index;
      const before = others(item.text.slice(0, start));
      const after = others(item.text.slice(start + mark[0].length));
      const answer: GiftAnswer =
        gap?.choices === undefined
          ? {
              kind: 'short',
              answers: (gap?.answers ?? []).map((text) => ({ correct: true, text })),
            }
          : {
              kind: 'choice',
              choices: gap.choices.map((text) => ({ correct: text === right[gap.id], text })),
            };
      return {
        suffix: `Gap ${gap?.id ?? index + 1}`,
        stem: `${item.prompt}\n${before}`,
        tail: after,
        answer,
      };
    });
  },
  read(pieces, context) {
    const [firstPiece] = pieces;
    if (firstPiece === undefined)
      throw new GiftReadError('A cloze question needs at least one gap.');
    const gaps = pieces.map((piece, index): GiftFieldsOf<'cloze'>['gaps'][number] => {
      const id =
        piece.suffix?.replace(/^Gap /, '') ?? (pieces.length === 1 ? 'gap' : `gap-${index + 1}`);
      const answer = piece.answer;
      if (answer?.kind === 'choice') {
        const rightChoice = answer.choices.find((choice) => weightOf(choice) >= 100);
        if (rightChoice === undefined)
          throw new GiftReadError('No choice of the blank is marked right (=).');
        return {
          id,
          choices: answer.choices.map((choice) => choice.text),
          answer: rightChoice.text,
        };
      }
      return {
        id,
        answers: readTypedAnswers(
          answerOf(piece, 'short', 'choices or short answers').answers,
          context,
        ),
      };
    });
    const { first, rest } = splitStem(firstPiece.stem);
    // Readproof's own file always puts the prompt first; a text starting with its gap leaves no rest.
    const ownFile = context.meta.type === 'cloze';
    const prompt = first ?? (ownFile ? rest : DEFAULT_PROMPTS.cloze);
    const before = first === undefined && ownFile ? '' : rest;
    let next = 1;
    const after = (firstPiece.tail ?? '')
      .split(OTHER_GAP)
      .reduce((text, piece) => `${text}{{${gaps[next++]?.id ?? ''}}}${piece}`);
    const text = joinText(joinText(before, `{{${gaps[0]?.id ?? ''}}}`), after);
    return {
      fields: { type: 'cloze', prompt, text, gaps, scoring: context.meta.scoring ?? 'partial' },
    };
  },
};

/** Every answer type's mapping, by type: what a two-part question's parts are read and written with. */
const ANSWER_MAPPINGS = {
  single,
  multiple,
  judgement,
  numeric,
  short,
  match,
  order,
  evidence,
  cloze,
};

function answerMapping(type: AnswerType): GiftTypeMapping<AnswerType> {
  return ANSWER_MAPPINGS[type];
}

/** A part read with its own comment's type, points and scoring, or its GIFT shape's type. */
function readPart(
  piece: GiftPiece | undefined,
  part: 'A' | 'B',
  context: GiftReadContext,
): { read: GiftRead<AnswerType>; points: number } {
  if (piece === undefined) {
    throw new GiftReadError(
      `Part ${part} is missing: a two-part question is written as two GIFT questions titled "<id> Part A" and "<id> Part B".`,
    );
  }
  const meta = (part === 'A' ? context.meta.partA : context.meta.partB) ?? {};
  const inferred = inferAnswerType(piece, context.article);
  const type = meta.type ?? inferred;
  if (typeof type !== 'string') throw new GiftReadError(`Part ${part}: ${type.unsupported}`);
  return {
    read: answerMapping(type).read([piece], { ...context, meta }),
    points: meta.points ?? 1,
  };
}

function firstIssue(error: { issues: readonly { message: string }[] }): string {
  return error.issues[0]?.message ?? '';
}

const twoPart: GiftTypeMapping<'two-part'> = {
  write(item, context) {
    const partA = answerMapping(item.partA.type).write(item.partA, context);
    const partB = answerMapping(item.partB.type).write(item.partB, context);
    if ('skip' in partA) return partA;
    if ('skip' in partB) return partB;
    context.note(
      'Part B earns marks only when Part A is right in Readproof; Moodle scores the two questions separately.',
    );
    return [
      ...partA.map((piece) => ({
        ...piece,
        suffix: 'Part A',
        stem: `${item.prompt}\n${piece.stem}`,
      })),
      ...partB.map((piece) => ({ ...piece, suffix: 'Part B' })),
    ];
  },
  read(pieces, context) {
    const pieceA = pieces.find((piece) => piece.suffix === 'Part A');
    const pieceB = pieces.find((piece) => piece.suffix === 'Part B');
    // Part A's first line is the whole question's prompt.
    const { first, rest } = splitStem(pieceA?.stem ?? '');
    const a = readPart(pieceA && { ...pieceA, stem: rest }, 'A', context);
    const b = readPart(pieceB, 'B', context);
    // Part B's evidence backs Part A's answer: its stem is its prompt, with no claim of its own.
    const fieldsB =
      b.read.fields.type === 'evidence' && pieceB !== undefined
        ? { type: 'evidence', prompt: wholeStem(pieceB), scoring: b.read.fields.scoring }
        : b.read.fields;
    const partA = partASchema.safeParse({ ...a.read.fields, points: a.points });
    const partB = partBSchema.safeParse({ ...fieldsB, points: b.points });
    if (!partA.success) {
      throw new GiftReadError(
        `Part A cannot be a ${a.read.fields.type} part: ${firstIssue(partA.error)}`,
      );
    }
    if (!partB.success) {
      throw new GiftReadError(
        `Part B cannot be a ${b.read.fields.type} part: ${firstIssue(partB.error)}`,
      );
    }
    const read: GiftRead<'two-part'> = {
      fields: {
        type: 'two-part',
        prompt: first ?? partA.data.prompt,
        partA: partA.data,
        partB: partB.data,
      },
    };
    if (b.read.evidence !== undefined) read.evidence = b.read.evidence;
    return read;
  },
};

/** Every type's GIFT mapping: a missing or extra type is a compile error. */
export const GIFT_TYPE_MAPPINGS = {
  ...ANSWER_MAPPINGS,
  'two-part': twoPart,
} satisfies { [T in QuestionType]: GiftTypeMapping<T> };

/** The mapping of a type, usable with an item of any type (its methods take their own type's items). */
export function giftTypeMapping(type: QuestionType): GiftTypeMapping<QuestionType> {
  return GIFT_TYPE_MAPPINGS[type];
}
