import { listSentences, type Article } from '../../article';
import { JUDGEMENT_LABELS, JUDGEMENTS, type QuestionType } from '../../question-kinds';
import type { AnswerType } from '../../question-types/question-type-module';
import { QUESTION_TYPE_MODULES } from '../../question-types/registry';
import type { ResolvedQuestion, ResolvedQuestionOf } from '../../resolved-bank';
import type { AnswerItemOf } from '../../scorers';
import { createRandom } from '../../seeded-random';
import {
  CLAIM_LABEL,
  PARAGRAPH_BREAK,
  PART_LABELS,
  partName,
  STATEMENT_LABEL,
  type PartName,
} from './conventions';
import { element, leaf, textField } from './xml-writer';

/** One `<question>` to write: the fields every Moodle question has, and its type's own elements. */
export interface MoodleQuestion {
  type: 'multichoice' | 'numerical' | 'shortanswer' | 'matching' | 'ordering' | 'cloze';
  name: string;
  text: string;
  generalFeedback: string;
  points: number;
  body: string[];
  tags: readonly string[];
}

/** What one of our questions becomes: one or more Moodle questions, and what was lost. */
export interface ExportedQuestion {
  questions: MoodleQuestion[];
  losses: string[];
}

/** An item (a question, or a part of a two-part one) as Moodle's text and elements. */
interface ExportedItem {
  type: MoodleQuestion['type'];
  text: string;
  body: string[];
  losses: string[];
}

interface ItemContext {
  /** The whole question, whose evidence is the key of an evidence item. */
  question: ResolvedQuestion;
  article: Article;
}

/**
 * A method's type, so an exporter of one type is usable where one of any type is expected (as the
 * question-type registry's modules are): the registry hands each question to its own type's.
 */
type ItemExporter<T extends AnswerType> = {
  exportItem(item: AnswerItemOf<T>, context: ItemContext): ExportedItem;
}['exportItem'];

/** Moodle writes grades as percentages with up to seven decimals (33.3333333). */
function percent(share: number): string {
  return String(Math.round(share * 100 * 1e7) / 1e7);
}

function answer(fraction: string, text: string, feedback?: string, extra: string[] = []): string {
  return element('answer', { fraction, format: 'plain_text' }, [
    leaf('text', text),
    ...extra,
    ...(feedback === undefined ? [] : [textField('feedback', feedback)]),
  ]);
}

const ALL_OR_NOTHING_LOSS =
  'Scored all-or-nothing in Readproof; Moodle gives this type partial credit, so a partly right answer earns part of the marks there.';

function scoringLosses(scoring: 'partial' | 'all-or-nothing'): string[] {
  return scoring === 'all-or-nothing' ? [ALL_OR_NOTHING_LOSS] : [];
}

/** Options that keep their place: Moodle shuffles all or none, so the export shuffles none. */
function fixedLosses(fixed: readonly { text: string }[]): string[] {
  return fixed.map(
    (option) =>
      `"${option.text}" keeps its place in Readproof; Moodle cannot keep one option in place while shuffling the others, so shuffling is off.`,
  );
}

const TYPED_ANSWER_LOSS =
  'Moodle accepts only the listed answers (ignoring case); Readproof also ignores spacing, punctuation, articles and how numbers are written, and lets a student add words from the evidence sentences.';

/**
 * Choose-all-that-apply as Moodle weights: each right choice +1/k of the marks, each wrong one
 * −1/k, and Moodle floors the total at zero, which is exactly Readproof's right minus wrong.
 */
function selectionAnswers(
  choices: readonly { id: string; text: string }[],
  key: readonly string[],
  feedback: Record<string, string>,
): string[] {
  const share = 1 / key.length;
  return choices.map((choice) =>
    answer(percent(key.includes(choice.id) ? share : -share), choice.text, feedback[choice.id]),
  );
}

/** Moodle escapes these inside an embedded answer with a backslash. */
function escapeEmbedded(text: string): string {
  return text.replace(/[\\}#~/"]/g, (character) => `\\${character}`);
}

/** A `*` in a short answer is Moodle's wildcard; `\*` is the character itself. */
function escapeWildcard(text: string): string {
  return text.replace(/\*/g, '\\*');
}

/**
 * A multichoice question's settings: one answer or several, whether Moodle shuffles the answers
 * (never when an option is fixed in place, or the order is the article's) and how they are
 * numbered.
 */
function multichoiceSettings(
  single: boolean,
  shuffle: boolean,
  numbering: 'abc' | 'none',
): string[] {
  return [
    leaf('single', single ? 'true' : 'false'),
    leaf('shuffleanswers', shuffle ? 1 : 0),
    leaf('answernumbering', numbering),
  ];
}

const ITEM_EXPORTERS = {
  single(item, { question }) {
    const module = QUESTION_TYPE_MODULES.single;
    const key = module.correctResponse(item, question).choice;
    const feedback = module.optionFeedback(item);
    const fixed = item.options.filter((option) => option.fixed);
    return {
      type: 'multichoice',
      text: item.prompt,
      body: [
        ...multichoiceSettings(true, fixed.length === 0, 'abc'),
        ...item.options.map((option) =>
          answer(option.id === key ? '100' : '0', option.text, feedback[option.id]),
        ),
      ],
      losses: fixedLosses(fixed),
    };
  },
  multiple(item, { question }) {
    const module = QUESTION_TYPE_MODULES.multiple;
    const fixed = item.options.filter((option) => option.fixed);
    return {
      type: 'multichoice',
      text: item.prompt,
      body: [
        ...multichoiceSettings(false, fixed.length === 0, 'abc'),
        ...selectionAnswers(
          item.options,
          module.correctResponse(item, question).choices,
          module.optionFeedback(item),
        ),
      ],
      losses: [...scoringLosses(item.scoring), ...fixedLosses(fixed)],
    };
  },
  judgement(item, { question }) {
    const module = QUESTION_TYPE_MODULES.judgement;
    const key = module.correctResponse(item, question).choice;
    const feedback = module.optionFeedback(item);
    return {
      type: 'multichoice',
      text: `${item.prompt}${PARAGRAPH_BREAK}${STATEMENT_LABEL}${item.statement}`,
      body: [
        ...multichoiceSettings(true, false, 'none'),
        ...JUDGEMENTS.map((judgement) =>
          answer(judgement === key ? '100' : '0', JUDGEMENT_LABELS[judgement], feedback[judgement]),
        ),
      ],
      losses: [],
    };
  },
  numeric(item, { question }) {
    const key = QUESTION_TYPE_MODULES.numeric.correctResponse(item, question).value;
    return {
      type: 'numerical',
      text: item.prompt,
      body: [
        answer('100', String(key), undefined, [leaf('tolerance', item.tolerance)]),
        ...(item.unit === undefined
          ? []
          : [
              element('units', {}, [
                element('unit', {}, [leaf('multiplier', 1), leaf('unit_name', item.unit)]),
              ]),
              // The unit is shown beside the box and not asked for (Moodle's "units not used").
              leaf('showunits', 3),
              leaf('unitsleft', 0),
            ]),
      ],
      losses: [],
    };
  },
  short(item) {
    return {
      type: 'shortanswer',
      text: item.prompt,
      body: [
        leaf('usecase', 0),
        ...QUESTION_TYPE_MODULES.short
          .acceptedAnswers(item)
          .map((accepted) => answer('100', escapeWildcard(accepted))),
      ],
      losses: [TYPED_ANSWER_LOSS],
    };
  },
  match(item, { question }) {
    const pairs = QUESTION_TYPE_MODULES.match.correctResponse(item, question).pairs;
    const rightText = new Map(item.right.map((right) => [right.id, right.text]));
    const partners = new Set(Object.values(pairs));
    return {
      type: 'matching',
      text: item.prompt,
      body: [
        leaf('shuffleanswers', 'true'),
        ...item.left.map((left) =>
          element('subquestion', { format: 'plain_text' }, [
            leaf('text', left.text),
            element('answer', {}, [leaf('text', rightText.get(pairs[left.id] ?? '') ?? '')]),
          ]),
        ),
        // A choice that matches nothing is a subquestion with no text, as Moodle writes one.
        ...item.right
          .filter((right) => !partners.has(right.id))
          .map((right) =>
            element('subquestion', { format: 'plain_text' }, [
              leaf('text', ''),
              element('answer', {}, [leaf('text', right.text)]),
            ]),
          ),
      ],
      losses: scoringLosses(item.scoring),
    };
  },
  order(item, { question }) {
    const order = QUESTION_TYPE_MODULES.order.correctResponse(item, question).order;
    const textOf = new Map(item.items.map((entry) => [entry.id, entry.text]));
    return {
      type: 'ordering',
      text: item.prompt,
      body: [
        leaf('layouttype', 'VERTICAL'),
        leaf('selecttype', 'ALL'),
        leaf('selectcount', 0),
        // Credit for every item before and after each one that is in the right relative order:
        // Readproof's share of pairs in the right order.
        leaf(
          'gradingtype',
          item.scoring === 'all-or-nothing' ? 'ALL_OR_NOTHING' : 'RELATIVE_ALL_PREVIOUS_AND_NEXT',
        ),
        leaf('showgrading', 'SHOW'),
        // The ordering question type reads the right order from the answers' order.
        ...order.map((id, index) => answer(String(index + 1), textOf.get(id) ?? id)),
      ],
      losses: [],
    };
  },
  evidence(item, { question, article }) {
    const key = QUESTION_TYPE_MODULES.evidence.correctResponse(item, question).sentences;
    const claim = 'claim' in item ? `${PARAGRAPH_BREAK}${CLAIM_LABEL}${item.claim}` : '';
    return {
      type: 'multichoice',
      text: `${item.prompt}${claim}`,
      body: [
        // The article's order: the sentences read as a text.
        ...multichoiceSettings(false, false, 'none'),
        ...selectionAnswers(listSentences(article), key, {}),
      ],
      losses: scoringLosses(item.scoring),
    };
  },
  cloze(item, { question }) {
    const module = QUESTION_TYPE_MODULES.cloze;
    // The passage's pieces as the student sees it, with drop-downs in the bank's order.
    const choiceOrders = module.arrangeChoices(item, {
      shuffleOptions: false,
      sameForEveryone: true,
      randomFor: () => createRandom(0),
    });
    const { segments } = module.toPublic(item, {
      questionId: question.id,
      prefix: '',
      choiceOrders,
    });
    const typed = item.gaps.some((gap) => gap.answers !== undefined);
    const passage = segments
      .map((segment) => {
        if (segment.kind === 'text') return segment.text;
        const gap = item.gaps.find((candidate) => candidate.id === segment.gapId);
        if (gap?.choices !== undefined) {
          const choices = gap.choices.map((choice) =>
            choice === gap.answer ? `=${escapeEmbedded(choice)}` : escapeEmbedded(choice),
          );
          return `{1:MULTICHOICE:${choices.join('~')}}`;
        }
        const accepted = (gap?.answers ?? []).map(
          (text) => `=${escapeEmbedded(escapeWildcard(text))}`,
        );
        return `{1:SHORTANSWER:${accepted.join('~')}}`;
      })
      .join('');
    return {
      type: 'cloze',
      text: `${item.prompt}${PARAGRAPH_BREAK}${passage}`,
      body: [],
      losses: [
        ...(typed ? [TYPED_ANSWER_LOSS] : []),
        ...scoringLosses(item.scoring),
        // Moodle's marks for embedded answers are the sum of the gaps' weights, whole numbers.
        ...(item.points === item.gaps.length
          ? []
          : [
              `Moodle gives embedded answers one mark per gap, ${item.gaps.length} here where Readproof gives ${item.points}; the share for each right gap is the same.`,
            ]),
      ],
    };
  },
} satisfies { [T in AnswerType]: ItemExporter<T> };

function itemExporter(type: AnswerType): ItemExporter<AnswerType> {
  return ITEM_EXPORTERS[type];
}

/** A question of one answer type: one Moodle question named by its id. */
function exportWhole(
  question: Exclude<ResolvedQuestion, { type: 'two-part' }>,
  article: Article,
): ExportedQuestion {
  const item = itemExporter(question.type)(question, { question, article });
  return {
    questions: [
      {
        type: item.type,
        name: question.id,
        text: item.text,
        generalFeedback: question.explanation,
        points: question.points,
        body: item.body,
        tags: question.tags ?? [],
      },
    ],
    losses: item.losses,
  };
}

function exportPart(
  question: ResolvedQuestionOf<'two-part'>,
  part: PartName,
  article: Article,
): { moodle: MoodleQuestion; losses: string[] } {
  const partItem = part === 'A' ? question.partA : question.partB;
  const item = itemExporter(partItem.type)(partItem, { question, article });
  const lead = part === 'A' ? `${question.prompt}${PARAGRAPH_BREAK}` : '';
  return {
    moodle: {
      type: item.type,
      name: partName(question.id, part),
      text: `${lead}${PART_LABELS[part]}${item.text}`,
      generalFeedback: question.explanation,
      points: partItem.points,
      body: item.body,
      tags: question.tags ?? [],
    },
    losses: item.losses.map((loss) => `Part ${part}: ${loss}`),
  };
}

type QuestionExporter<T extends QuestionType> = {
  exportQuestion(question: ResolvedQuestionOf<T>, article: Article): ExportedQuestion;
}['exportQuestion'];

/** Every type's way into Moodle XML: a type left out here fails to compile. */
export const MOODLE_XML_EXPORTERS = {
  single: exportWhole,
  multiple: exportWhole,
  judgement: exportWhole,
  numeric: exportWhole,
  short: exportWhole,
  match: exportWhole,
  order: exportWhole,
  evidence: exportWhole,
  cloze: exportWhole,
  'two-part': (question, article) => {
    const partA = exportPart(question, 'A', article);
    const partB = exportPart(question, 'B', article);
    return {
      questions: [partA.moodle, partB.moodle],
      losses: [
        'Moodle scores the two parts as two questions: Part B earns its marks there even when Part A is wrong.',
        ...partA.losses,
        ...partB.losses,
      ],
    };
  },
} satisfies { [T in QuestionType]: QuestionExporter<T> };

/** The exporter of a question's type, usable with a question of any type. */
export function exportQuestion(question: ResolvedQuestion, article: Article): ExportedQuestion {
  const exporter: QuestionExporter<QuestionType> = MOODLE_XML_EXPORTERS[question.type];
  return exporter(question, article);
}
