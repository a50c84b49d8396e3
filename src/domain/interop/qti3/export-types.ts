import type { Article } from '../../article';
import { JUDGEMENT_LABELS, JUDGEMENTS, type QuestionType } from '../../question-kinds';
import type { AnswerType } from '../../question-types/question-type-module';
import { QUESTION_TYPE_MODULES } from '../../question-types/registry';
import type { ResolvedQuestion, ResolvedQuestionOf } from '../../resolved-bank';
import type { AnswerItem, AnswerItemOf, Scoring } from '../../scorers';
import { GAP_RESPONSE_PREFIX, PART_SUFFIXES, toIdentifier } from './identifiers';
import {
  baseValue,
  mapResponse,
  matchesCorrect,
  paragraph,
  responseDeclaration,
  scoreWhen,
  setScore,
  variable,
  type Interaction,
  type ItemDraft,
  type Mapping,
} from './item-xml';
import { escapeXml } from '../xml-text';
import { element, textElement } from './xml';

/**
 * How each question type becomes QTI 3.0: one registry entry per type, typed so that a new type
 * fails to compile until it says how it maps (docs/interop-qti3.md has the table). Keys, feedback
 * and accepted answers come from the question-type modules, never derived again here.
 */

interface ExportContext {
  article: Article;
  /** The whole question an item belongs to (its evidence is an evidence item's key). */
  question: ResolvedQuestion;
}

type InteractionMapping<T extends AnswerType> = (
  item: AnswerItemOf<T>,
  context: ExportContext,
) => Interaction;

type QuestionMapping<T extends QuestionType> = (
  question: ResolvedQuestionOf<T>,
  context: ExportContext,
) => ItemDraft[];

const RESPONSE = 'RESPONSE';

const TYPED_ANSWER_LOSS =
  'QTI compares typed answers ignoring case only; Readproof also ignores punctuation, articles and how numbers are written, and accepts words from the evidence sentences.';

/**
 * Right minus wrong over `key`, floored at zero: each right choice earns a share, and anything
 * else chosen (the mapping's default) takes one back.
 */
function selectionMapping(key: readonly string[], points: number): Mapping {
  const share = points / key.length;
  return {
    entries: key.map((id) => ({ key: id, value: share })),
    defaultValue: -share,
    lowerBound: 0,
    upperBound: points,
    caseSensitive: true,
  };
}

/** The declaration of a choice of several: its key, and a mapping when it earns partial credit. */
function selectionDeclaration(key: readonly string[], scoring: Scoring, points: number): string {
  return responseDeclaration(
    RESPONSE,
    'multiple',
    'identifier',
    key,
    scoring === 'partial' ? selectionMapping(key, points) : undefined,
  );
}

/** Map-response for partial credit, or full marks only for the exact key. */
function scoreSelection(scoring: Scoring, points: number): string {
  return scoring === 'partial'
    ? setScore(mapResponse(RESPONSE))
    : scoreWhen(matchesCorrect(RESPONSE), points);
}

/**
 * Readproof's credit for each pair of items in the right relative order (`orderShare`), in QTI's
 * operators: for each pair, the response with every other item deleted must be exactly the pair,
 * in order; each such pair adds its share to SCORE. A missing item is in no pair, as in Readproof.
 */
function scorePairsInOrder(order: readonly string[], points: number): string {
  const share = points / ((order.length * (order.length - 1)) / 2);
  const rules = [setScore(baseValue('float', 0))];
  order.forEach((earlier, index) => {
    for (const later of order.slice(index + 1)) {
      const onlyThePair = order
        .filter((id) => id !== earlier && id !== later)
        .reduce(
          (container, id) => element('qti-delete', {}, baseValue('identifier', id), container),
          variable(RESPONSE),
        );
      const inOrder = element(
        'qti-match',
        {},
        onlyThePair,
        element(
          'qti-ordered',
          {},
          baseValue('identifier', earlier),
          baseValue('identifier', later),
        ),
      );
      rules.push(
        element(
          'qti-response-condition',
          {},
          element(
            'qti-response-if',
            {},
            inOrder,
            setScore(element('qti-sum', {}, variable('SCORE'), baseValue('float', share))),
          ),
        ),
      );
    }
  });
  return rules.join('');
}

function prompt(text: string): string {
  return textElement('qti-prompt', {}, text);
}

function blockquote(text: string): string {
  return element('blockquote', {}, paragraph(text));
}

function feedbackById(feedback: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(feedback).map(([id, text]) => [toIdentifier(id), text]));
}

function choiceInteraction(
  maxChoices: number,
  promptText: string,
  choices: { id: string; text: string; fixed?: boolean }[],
  shuffle: boolean,
): string {
  return element(
    'qti-choice-interaction',
    { 'response-identifier': RESPONSE, 'max-choices': maxChoices, shuffle },
    prompt(promptText),
    ...choices.map((choice) =>
      textElement(
        'qti-simple-choice',
        { identifier: toIdentifier(choice.id), fixed: choice.fixed === true ? true : undefined },
        choice.text,
      ),
    ),
  );
}

function typedLosses(): string[] {
  return [TYPED_ANSWER_LOSS];
}

/** Each answer type as one interaction. */
const INTERACTIONS = {
  single(item, { question }) {
    const key = QUESTION_TYPE_MODULES.single.correctResponse(item, question);
    return {
      declarations: [
        responseDeclaration(RESPONSE, 'single', 'identifier', [toIdentifier(key.choice)]),
      ],
      body: choiceInteraction(1, item.prompt, item.options, true),
      scoring: scoreWhen(matchesCorrect(RESPONSE), item.points),
      feedback: feedbackById(QUESTION_TYPE_MODULES.single.optionFeedback(item)),
      losses: [],
    };
  },
  multiple(item, { question }) {
    const key = QUESTION_TYPE_MODULES.multiple.correctResponse(item, question).choices;
    return {
      declarations: [selectionDeclaration(key.map(toIdentifier), item.scoring, item.points)],
      body: choiceInteraction(0, item.prompt, item.options, true),
      scoring: scoreSelection(item.scoring, item.points),
      feedback: feedbackById(QUESTION_TYPE_MODULES.multiple.optionFeedback(item)),
      losses: [],
    };
  },
  judgement(item, { question }) {
    const key = QUESTION_TYPE_MODULES.judgement.correctResponse(item, question);
    return {
      declarations: [responseDeclaration(RESPONSE, 'single', 'identifier', [key.choice])],
      body:
        blockquote(item.statement) +
        choiceInteraction(
          1,
          item.prompt,
          JUDGEMENTS.map((judgement) => ({ id: judgement, text: JUDGEMENT_LABELS[judgement] })),
          false,
        ),
      scoring: scoreWhen(matchesCorrect(RESPONSE), item.points),
      feedback: QUESTION_TYPE_MODULES.judgement.optionFeedback(item),
      losses: [],
    };
  },
  numeric(item, { question }) {
    const { value } = QUESTION_TYPE_MODULES.numeric.correctResponse(item, question);
    const equal =
      item.tolerance > 0
        ? element(
            'qti-equal',
            { 'tolerance-mode': 'absolute', tolerance: item.tolerance },
            variable(RESPONSE),
            baseValue('float', value),
          )
        : element(
            'qti-equal',
            { 'tolerance-mode': 'exact' },
            variable(RESPONSE),
            baseValue('float', value),
          );
    const entry = element('qti-text-entry-interaction', {
      'response-identifier': RESPONSE,
      'expected-length': Math.max(6, String(value).length + 2),
    });
    return {
      declarations: [responseDeclaration(RESPONSE, 'single', 'float', [value])],
      body:
        paragraph(item.prompt) +
        element('p', {}, entry, ...(item.unit === undefined ? [] : [` ${escapeXml(item.unit)}`])),
      scoring: scoreWhen(equal, item.points),
      feedback: {},
      losses: [],
    };
  },
  short(item) {
    const answers = QUESTION_TYPE_MODULES.short.acceptedAnswers(item);
    return {
      declarations: [
        responseDeclaration(RESPONSE, 'single', 'string', answers.slice(0, 1), {
          entries: answers.map((answer) => ({ key: answer, value: item.points })),
          defaultValue: 0,
          upperBound: item.points,
          caseSensitive: false,
        }),
      ],
      body:
        paragraph(item.prompt) +
        element(
          'p',
          {},
          element('qti-text-entry-interaction', {
            'response-identifier': RESPONSE,
            'expected-length': 20,
          }),
        ),
      scoring: setScore(mapResponse(RESPONSE)),
      feedback: {},
      losses: typedLosses(),
    };
  },
  match(item, { question }) {
    const pairs = Object.entries(
      QUESTION_TYPE_MODULES.match.correctResponse(item, question).pairs,
    ).map(([left, right]) => `${toIdentifier(left)} ${toIdentifier(right)}`);
    const share = item.points / item.left.length;
    const matchSet = (choices: { id: string; text: string }[], matchMax: number) =>
      element(
        'qti-simple-match-set',
        {},
        ...choices.map((choice) =>
          textElement(
            'qti-simple-associable-choice',
            { identifier: toIdentifier(choice.id), 'match-max': matchMax },
            choice.text,
          ),
        ),
      );
    return {
      declarations: [
        responseDeclaration(
          RESPONSE,
          'multiple',
          'directedPair',
          pairs,
          item.scoring === 'partial'
            ? {
                entries: pairs.map((pair) => ({ key: pair, value: share })),
                defaultValue: 0,
                lowerBound: 0,
                upperBound: item.points,
                caseSensitive: true,
              }
            : undefined,
        ),
      ],
      body: element(
        'qti-match-interaction',
        { 'response-identifier': RESPONSE, 'max-associations': item.left.length, shuffle: true },
        prompt(item.prompt),
        // Each left item takes one partner; a right item may be the partner of several.
        matchSet(item.left, 1),
        matchSet(item.right, 0),
      ),
      scoring: scoreSelection(item.scoring, item.points),
      feedback: {},
      losses: [],
    };
  },
  order(item, { question }) {
    const order = QUESTION_TYPE_MODULES.order
      .correctResponse(item, question)
      .order.map(toIdentifier);
    return {
      declarations: [responseDeclaration(RESPONSE, 'ordered', 'identifier', order)],
      body: element(
        'qti-order-interaction',
        { 'response-identifier': RESPONSE, shuffle: true },
        prompt(item.prompt),
        ...item.items.map((entry) =>
          textElement('qti-simple-choice', { identifier: toIdentifier(entry.id) }, entry.text),
        ),
      ),
      scoring:
        item.scoring === 'partial'
          ? scorePairsInOrder(order, item.points)
          : scoreWhen(matchesCorrect(RESPONSE), item.points),
      feedback: {},
      losses: [],
    };
  },
  evidence(item, { article, question }) {
    const key = QUESTION_TYPE_MODULES.evidence.correctResponse(item, question).sentences;
    return {
      declarations: [selectionDeclaration(key, item.scoring, item.points)],
      body:
        ('claim' in item ? blockquote(item.claim) : '') +
        element(
          'qti-hottext-interaction',
          { 'response-identifier': RESPONSE, 'max-choices': 0 },
          prompt(item.prompt),
          ...article.paragraphs.map((paragraphOf) => writeHottextParagraph(paragraphOf)),
        ),
      scoring: scoreSelection(item.scoring, item.points),
      feedback: {},
      losses: [],
    };
  },
  cloze(item, { question }) {
    const gapCount = item.gaps.length;
    const share = item.points / gapCount;
    const declarations: string[] = [];
    const pieces: string[] = [];
    const rightConditions: string[] = [];
    const rights = QUESTION_TYPE_MODULES.cloze.correctResponse(item, question).gaps;
    const segments = QUESTION_TYPE_MODULES.cloze.toPublic(item, {
      questionId: '',
      prefix: '',
      // The bank's own order: a QTI player shuffles inline choices itself.
      choiceOrders: Object.fromEntries(
        item.gaps.map((gap) => [`gap.${gap.id}`, gap.choices ?? []]),
      ),
    }).segments;
    for (const segment of segments) {
      if (segment.kind === 'text') {
        pieces.push(escapeXml(segment.text));
        continue;
      }
      const gap = item.gaps.find((candidate) => candidate.id === segment.gapId);
      if (gap === undefined) continue;
      const identifier = `${GAP_RESPONSE_PREFIX}${gap.id}`;
      rightConditions.push(element('qti-gt', {}, mapResponse(identifier), baseValue('float', 0)));
      if (gap.choices !== undefined) {
        const choiceId = (index: number) => `c${index + 1}`;
        const right = choiceId(gap.choices.indexOf(rights[gap.id] ?? ''));
        declarations.push(
          responseDeclaration(identifier, 'single', 'identifier', [right], {
            entries: [{ key: right, value: share }],
            defaultValue: 0,
            caseSensitive: true,
          }),
        );
        pieces.push(
          element(
            'qti-inline-choice-interaction',
            { 'response-identifier': identifier, shuffle: true },
            ...gap.choices.map((choice, index) =>
              textElement('qti-inline-choice', { identifier: choiceId(index) }, choice),
            ),
          ),
        );
      } else {
        const answers = gap.answers ?? [];
        declarations.push(
          responseDeclaration(identifier, 'single', 'string', answers.slice(0, 1), {
            entries: answers.map((answer) => ({ key: answer, value: share })),
            defaultValue: 0,
            caseSensitive: false,
          }),
        );
        pieces.push(element('qti-text-entry-interaction', { 'response-identifier': identifier }));
      }
    }
    const sum = element(
      'qti-sum',
      {},
      ...item.gaps.map((gap) => mapResponse(`${GAP_RESPONSE_PREFIX}${gap.id}`)),
    );
    return {
      declarations,
      body: paragraph(item.prompt) + element('p', {}, ...pieces),
      scoring:
        item.scoring === 'partial'
          ? setScore(sum)
          : scoreWhen(element('qti-and', {}, ...rightConditions), item.points),
      feedback: {},
      losses: item.gaps.some((gap) => gap.choices === undefined) ? typedLosses() : [],
    };
  },
} satisfies { [T in AnswerType]: InteractionMapping<T> };

/** A paragraph of the article with each sentence a hottext, the text between them kept as it is. */
function writeHottextParagraph(paragraphOf: Article['paragraphs'][number]): string {
  const pieces: string[] = [];
  let at = 0;
  for (const sentence of paragraphOf.sentences) {
    pieces.push(escapeXml(paragraphOf.text.slice(at, sentence.start)));
    pieces.push(textElement('qti-hottext', { identifier: sentence.id }, sentence.text));
    at = sentence.end;
  }
  pieces.push(escapeXml(paragraphOf.text.slice(at)));
  return element('p', {}, ...pieces);
}

/** An item's interaction, by its type's entry in the registry. */
function toInteraction(item: AnswerItem, context: ExportContext): Interaction {
  // Each entry takes its own type's items, as the registry's type says; an index by a union of
  // types cannot carry that, hence the one cast.
  const mapping = INTERACTIONS[item.type] as InteractionMapping<AnswerType>;
  return mapping(item, context);
}

/** A question of an answer type: one item. */
function wholeQuestion(
  question: ResolvedQuestionOf<AnswerType>,
  context: ExportContext,
): ItemDraft[] {
  return [
    {
      identifier: toIdentifier(question.id),
      title: question.prompt,
      points: question.points,
      lead: [],
      interaction: toInteraction(question, context),
      explanation: question.explanation,
    },
  ];
}

/** Every question type as the items it becomes. */
const QTI3_QUESTION_MAPPINGS = {
  single: wholeQuestion,
  multiple: wholeQuestion,
  judgement: wholeQuestion,
  numeric: wholeQuestion,
  short: wholeQuestion,
  match: wholeQuestion,
  order: wholeQuestion,
  evidence: wholeQuestion,
  cloze: wholeQuestion,
  'two-part'(question, context) {
    const part = (
      suffix: string,
      label: string,
      item: AnswerItem,
      explanation: string,
    ): ItemDraft => ({
      identifier: `${toIdentifier(question.id)}${suffix}`,
      title: `${question.prompt} (${label})`,
      points: item.points,
      lead: [question.prompt],
      interaction: toInteraction(item, context),
      explanation,
    });
    const partA = part(PART_SUFFIXES.partA, 'Part A', question.partA, question.explanation);
    partA.interaction.losses.push(
      "QTI scores the two parts as two items, so Part B's item earns its marks even when Part A is wrong; the test's total counts both parts only when Part A is right, as Readproof does.",
    );
    return [partA, part(PART_SUFFIXES.partB, 'Part B', question.partB, '')];
  },
} satisfies { [T in QuestionType]: QuestionMapping<T> };

/** The items a question becomes, by its type's entry in the registry. */
export function toItemDrafts(question: ResolvedQuestion, context: ExportContext): ItemDraft[] {
  // As in `toInteraction`: the registry's type makes each entry take its own type's questions.
  const mapping = QTI3_QUESTION_MAPPINGS[question.type] as QuestionMapping<QuestionType>;
  return mapping(question, context);
}
