import type { Article, Sentence } from '../../article';
import { normaliseQuotes, resolveEvidence } from '../../evidence';
import { normaliseAnswer } from '../../normalise-answer';
import { JUDGEMENTS, type Judgement } from '../../question-kinds';
import type { AnswerType } from '../../question-types/question-type-module';
import type { EvidenceQuote } from '../../question-schema';
import type { ImportedQuestion } from '../interop-format';
import { EXPLANATION_FEEDBACK, GAP_RESPONSE_PREFIX, toSlug } from './identifiers';
import {
  childElements,
  descendants,
  findDescendant,
  firstChild,
  plainText,
  QTI_NAMESPACE,
  type XmlElement,
  type XmlNode,
} from './xml';

/** Reading one QTI 3.0 item into the fields of a Readproof question (or part). */

type DistributiveOmit<Item, Key extends PropertyKey> = Item extends unknown
  ? Omit<Item, Key>
  : never;

/** An answer type's own fields: what an item gives, before the fields every question has. */
export type ImportedAnswer = DistributiveOmit<
  Extract<ImportedQuestion, { type: AnswerType }>,
  'id' | 'skill' | 'difficulty' | 'explanation' | 'evidence' | 'tags'
>;

export interface ItemReading {
  identifier: string;
  /** 1-based line of the item's root element. */
  line: number;
  /** Paragraphs above the interaction besides its prompt: a two-part question's own prompt. */
  lead: string;
  answer: ImportedAnswer;
  explanation: string;
  /** For hottext items: the key sentences found in the chosen article, as quotes. */
  evidence: EvidenceQuote[];
  losses: string[];
}

/** Why an item could not become a question: Readproof does not score it, or it is not readable. */
export class ItemRefused extends Error {
  constructor(
    readonly kind: 'unsupported' | 'invalid',
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

interface Declaration {
  cardinality: string;
  baseType: string;
  correct: string[];
  mapping: Map<string, number>;
  /** What the mapping gives a value it does not list. */
  defaultValue: number;
  caseSensitive: boolean;
}

interface ItemContext {
  item: XmlElement;
  body: XmlElement;
  declarations: Map<string, Declaration>;
  processing: XmlElement | undefined;
  /** Modal feedback texts by identifier. */
  feedback: Map<string, string>;
  points: number;
  losses: string[];
  article: Article;
}

/** What a reader of one kind of interaction gives besides the answer's fields. */
interface AnswerRead {
  answer: ImportedAnswer;
  /** Paragraphs above the prompt (a two-part question's own prompt). */
  lead?: string;
  evidence?: EvidenceQuote[];
}

/** The interactions Readproof scores; every other `*-interaction` is reported as unsupported. */
const SCORED_INTERACTIONS = new Set([
  'qti-choice-interaction',
  'qti-text-entry-interaction',
  'qti-inline-choice-interaction',
  'qti-match-interaction',
  'qti-order-interaction',
  'qti-hottext-interaction',
]);

/** What a teacher calls the interactions Readproof does not score. */
const UNSCORED_NAMES: Record<string, string> = {
  'qti-extended-text-interaction': 'an extended text (essay) answer',
  'qti-upload-interaction': 'a file upload',
  'qti-drawing-interaction': 'a drawing',
  'qti-media-interaction': 'a media player',
  'qti-slider-interaction': 'a slider',
  'qti-associate-interaction': 'an association of pairs from one list',
  'qti-gap-match-interaction': 'dragging words into gaps',
  'qti-graphic-gap-match-interaction': 'dragging onto an image',
  'qti-graphic-order-interaction': 'ordering hotspots on an image',
  'qti-graphic-associate-interaction': 'associating hotspots on an image',
  'qti-hotspot-interaction': 'choosing hotspots on an image',
  'qti-select-point-interaction': 'choosing a point on an image',
  'qti-position-object-interaction': 'placing an object on an image',
  'qti-custom-interaction': 'a custom interaction',
  'qti-portable-custom-interaction': 'a portable custom interaction',
  'qti-end-attempt-interaction': 'an end-attempt button',
};

function isInteraction(element: XmlElement): boolean {
  return element.name.endsWith('-interaction');
}

function numberAttribute(element: XmlElement | undefined, name: string): number | undefined {
  const raw = element?.attributes[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

function valuesOf(element: XmlElement | undefined): string[] {
  return element === undefined
    ? []
    : childElements(element, 'qti-value').map((value) => plainText(value));
}

function readDeclarations(item: XmlElement): Map<string, Declaration> {
  const declarations = new Map<string, Declaration>();
  for (const declaration of childElements(item, 'qti-response-declaration')) {
    const mappingElement = firstChild(declaration, 'qti-mapping');
    const entries =
      mappingElement === undefined ? [] : childElements(mappingElement, 'qti-map-entry');
    declarations.set(declaration.attributes.identifier ?? '', {
      cardinality: declaration.attributes.cardinality ?? 'single',
      baseType: declaration.attributes['base-type'] ?? 'identifier',
      correct: valuesOf(firstChild(declaration, 'qti-correct-response')),
      mapping: new Map(
        entries.map((entry) => [
          entry.attributes['map-key'] ?? '',
          numberAttribute(entry, 'mapped-value') ?? 0,
        ]),
      ),
      defaultValue: numberAttribute(mappingElement, 'default-value') ?? 0,
      caseSensitive: entries.every((entry) => entry.attributes['case-sensitive'] !== 'false'),
    });
  }
  return declarations;
}

/** The right values of a response: its correct response, else the values its mapping rewards. */
function keyOf(declaration: Declaration | undefined): string[] {
  if (declaration === undefined) return [];
  if (declaration.correct.length > 0) return declaration.correct;
  return [...declaration.mapping].filter(([, value]) => value > 0).map(([key]) => key);
}

/** The marks of the item: MAXSCORE's default, else the mapping's upper bound, else 1. */
function readPoints(item: XmlElement, losses: string[]): number {
  const maxScore = childElements(item, 'qti-outcome-declaration').find(
    (declaration) => declaration.attributes.identifier === 'MAXSCORE',
  );
  const declared = Number(valuesOf(maxScore && firstChild(maxScore, 'qti-default-value'))[0]);
  const bound = descendants(item)
    .filter((element) => element.name === 'qti-mapping')
    .map((mapping) => numberAttribute(mapping, 'upper-bound'))
    .find((value) => value !== undefined);
  const written = Number.isFinite(declared) && declared > 0 ? declared : (bound ?? 1);
  const points = Math.min(100, Math.max(1, Math.round(written)));
  if (points !== written) {
    losses.push(
      `The item is worth ${written} marks; Readproof gives whole marks from 1 to 100, so it is worth ${points}.`,
    );
  }
  return points;
}

/**
 * Full marks only for the exact key: the response processing compares the response with the
 * correct response (`qti-correct`, the match_correct template) or requires every gap right
 * (`qti-and`). Mappings, sums and the pairs of an order scored one by one give partial credit.
 */
function isAllOrNothing(context: ItemContext): boolean {
  const { processing } = context;
  if (processing === undefined) return true;
  const template = processing.attributes.template ?? '';
  if (template !== '') return !template.includes('map_response');
  return descendants(processing).some(
    (element) => element.name === 'qti-correct' || element.name === 'qti-and',
  );
}

function scoringOf(context: ItemContext): 'partial' | 'all-or-nothing' {
  return isAllOrNothing(context) ? 'all-or-nothing' : 'partial';
}

/** Texts of the body's blocks above the interaction (a blockquote is a statement or claim, read apart). */
function leadTexts(body: XmlElement): string[] {
  const texts: string[] = [];
  for (const block of childElements(body)) {
    if (isInteraction(block) || descendants(block).some(isInteraction)) break;
    if (block.name === 'blockquote' || block.name.startsWith('qti-')) continue;
    const text = plainText(block);
    if (text !== '') texts.push(text);
  }
  return texts;
}

function blockquoteText(body: XmlElement): string | undefined {
  const quote = findDescendant(body, 'blockquote');
  const text = quote === undefined ? '' : plainText(quote);
  return text === '' ? undefined : text;
}

/**
 * The question's prompt and the lead above it: the interaction's own prompt when it has one (the
 * paragraphs above are then the lead), else the last paragraph above the interaction.
 */
function promptAndLead(
  context: ItemContext,
  interaction: XmlElement,
): { prompt: string; lead: string } {
  const texts = leadTexts(context.body);
  const own = firstChild(interaction, 'qti-prompt');
  const ownText = own === undefined ? '' : plainText(own);
  if (ownText !== '') return { prompt: ownText, lead: texts.join(' ') };
  const prompt = texts.at(-1);
  if (prompt === undefined) {
    throw new ItemRefused(
      'invalid',
      'The item has no question text (no prompt and no paragraph above its interaction).',
      interaction.line,
    );
  }
  return { prompt, lead: texts.slice(0, -1).join(' ') };
}

function isFeedback(element: XmlElement): boolean {
  return element.name.startsWith('qti-feedback');
}

/** The feedback written for a choice: modal feedback by its identifier, or feedback inside it. */
function choiceFeedback(context: ItemContext, choice: XmlElement): string | undefined {
  const modal = context.feedback.get(choice.attributes.identifier ?? '');
  if (modal !== undefined) return modal;
  const inline = childElements(choice)
    .filter(isFeedback)
    .map((element) => plainText(element));
  const text = inline.join(' ').trim();
  return text === '' ? undefined : text;
}

function readChoice(context: ItemContext, interaction: XmlElement): AnswerRead {
  const { prompt, lead } = promptAndLead(context, interaction);
  const declaration = context.declarations.get(interaction.attributes['response-identifier'] ?? '');
  const key = new Set(keyOf(declaration));
  const choices = childElements(interaction, 'qti-simple-choice');
  const identifiers = choices.map((choice) => choice.attributes.identifier ?? '');
  // QTI's max-choices is 1 unless it says otherwise; the response's cardinality says it best.
  const single =
    declaration === undefined
      ? (numberAttribute(interaction, 'max-choices') ?? 1) === 1
      : declaration.cardinality === 'single';
  if (
    single &&
    identifiers.length === JUDGEMENTS.length &&
    JUDGEMENTS.every((judgement) => identifiers.includes(judgement))
  ) {
    const answer = JUDGEMENTS.find((judgement) => key.has(judgement));
    if (answer === undefined)
      throw new ItemRefused(
        'invalid',
        'The true / false / not given item marks no answer correct.',
        interaction.line,
      );
    const feedback: Partial<Record<Judgement, string>> = {};
    for (const choice of choices) {
      const text = choiceFeedback(context, choice);
      const judgement = JUDGEMENTS.find((candidate) => candidate === choice.attributes.identifier);
      if (text !== undefined && judgement !== undefined && judgement !== answer)
        feedback[judgement] = text;
    }
    return {
      lead,
      answer: {
        type: 'judgement',
        prompt,
        points: context.points,
        statement: blockquoteText(context.body) ?? prompt,
        answer,
        feedback,
      },
    };
  }
  const options = choices.map((choice) => {
    const feedback = choiceFeedback(context, choice);
    return {
      id: toSlug(choice.attributes.identifier ?? ''),
      text: plainText(choice, isFeedback),
      correct: key.has(choice.attributes.identifier ?? ''),
      fixed: choice.attributes.fixed === 'true',
      ...(feedback === undefined ? {} : { feedback }),
    };
  });
  const scoring = scoringOf(context);
  if (!single && scoring === 'partial' && !isRightMinusWrong(declaration, choices, key)) {
    context.losses.push(
      'The item weighs its choices its own way; Readproof scores right minus wrong: each right choice earns a share, each wrong one takes a share back.',
    );
  }
  return {
    lead,
    answer: single
      ? { type: 'single', prompt, points: context.points, options }
      : { type: 'multiple', prompt, points: context.points, options, scoring },
  };
}

/** Whether a choice mapping gives each right choice +w and each wrong one −w, as Readproof scores. */
function isRightMinusWrong(
  declaration: Declaration | undefined,
  choices: XmlElement[],
  key: ReadonlySet<string>,
): boolean {
  if (declaration === undefined || key.size === 0) return false;
  const weights = choices.map((choice) => {
    const identifier = choice.attributes.identifier ?? '';
    const weight = declaration.mapping.get(identifier) ?? declaration.defaultValue;
    return key.has(identifier) ? weight : -weight;
  });
  const [first] = weights;
  return (
    first !== undefined &&
    first > 0 &&
    weights.every((weight) => Math.abs(weight - first) <= 1e-9 * Math.max(1, first))
  );
}

/** Accepted answers without repeats (as Readproof compares them), the first kept first. */
function acceptedAnswers(declaration: Declaration | undefined): string[] {
  const seen = new Set<string>();
  const answers: string[] = [];
  for (const answer of [...keyOf(declaration), ...(declaration?.mapping.keys() ?? [])]) {
    const mapped = declaration?.mapping.get(answer);
    if (mapped !== undefined && mapped <= 0) continue;
    const normalised = normaliseAnswer(answer);
    if (normalised === '' || seen.has(normalised)) continue;
    seen.add(normalised);
    answers.push(answer.trim());
  }
  return answers;
}

/** The words after a text entry in its paragraph ("drones"): a numeric answer's unit. */
function unitAfter(body: XmlElement, interaction: XmlElement): string | undefined {
  const parent = [body, ...descendants(body)].find((element) =>
    element.children.includes(interaction),
  );
  if (parent === undefined) return undefined;
  const after = parent.children.slice(parent.children.indexOf(interaction) + 1);
  const text = after
    .map((node) => plainText(node))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? undefined : text;
}

/** A numeric answer's tolerance from the `qti-equal` that compares the response. */
function readTolerance(context: ItemContext, answer: number): number {
  const equal = context.processing && findDescendant(context.processing, 'qti-equal');
  const mode = equal?.attributes['tolerance-mode'] ?? 'exact';
  if (equal === undefined || mode === 'exact') return 0;
  const bounds = (equal.attributes.tolerance ?? '0')
    .trim()
    .split(/\s+/)
    .map(Number)
    .filter(Number.isFinite);
  const widest = Math.max(0, ...bounds);
  if (bounds.length > 1 && bounds[0] !== bounds[1]) {
    context.losses.push(
      `The tolerance differs below and above the answer (${bounds.join(' and ')}); Readproof takes ${widest} either way.`,
    );
  }
  return mode === 'relative' ? (Math.abs(answer) * widest) / 100 : widest;
}

function readTextEntry(context: ItemContext, interaction: XmlElement): AnswerRead {
  const { prompt, lead } = promptAndLead(context, interaction);
  const declaration = context.declarations.get(interaction.attributes['response-identifier'] ?? '');
  if (declaration?.baseType === 'float' || declaration?.baseType === 'integer') {
    const answer = Number(keyOf(declaration)[0]);
    if (!Number.isFinite(answer))
      throw new ItemRefused(
        'invalid',
        'The numeric item gives no correct number.',
        interaction.line,
      );
    const unit = unitAfter(context.body, interaction);
    return {
      lead,
      answer: {
        type: 'numeric',
        prompt,
        points: context.points,
        answer,
        tolerance: readTolerance(context, answer),
        ...(unit === undefined ? {} : { unit }),
      },
    };
  }
  const answers = acceptedAnswers(declaration);
  if (answers.length === 0)
    throw new ItemRefused(
      'invalid',
      'The text entry item gives no correct answer.',
      interaction.line,
    );
  if (
    declaration?.caseSensitive === true &&
    answers.some((answer) => answer !== answer.toLowerCase())
  ) {
    context.losses.push('The item compares answers with their case; Readproof ignores case.');
  }
  return { lead, answer: { type: 'short', prompt, points: context.points, answers } };
}

function readMatch(context: ItemContext, interaction: XmlElement): AnswerRead {
  const { prompt, lead } = promptAndLead(context, interaction);
  const [leftSet, rightSet] = childElements(interaction, 'qti-simple-match-set');
  if (leftSet === undefined || rightSet === undefined) {
    throw new ItemRefused(
      'invalid',
      'The match interaction needs two lists (qti-simple-match-set).',
      interaction.line,
    );
  }
  const declaration = context.declarations.get(interaction.attributes['response-identifier'] ?? '');
  const partners = new Map<string, string>();
  for (const pair of keyOf(declaration)) {
    const [left, right] = pair.trim().split(/\s+/);
    if (left !== undefined && right !== undefined && !partners.has(left)) partners.set(left, right);
  }
  const choices = (set: XmlElement) =>
    childElements(set, 'qti-simple-associable-choice').map((choice) => ({
      identifier: choice.attributes.identifier ?? '',
      text: plainText(choice),
    }));
  const left = choices(leftSet).map((choice) => {
    const partner = partners.get(choice.identifier);
    if (partner === undefined) {
      throw new ItemRefused(
        'invalid',
        `"${choice.text}" has no partner in the correct response; Readproof pairs every left-hand item.`,
        leftSet.line,
      );
    }
    return { id: toSlug(choice.identifier), text: choice.text, match: toSlug(partner) };
  });
  const right = choices(rightSet).map((choice) => ({
    id: toSlug(choice.identifier),
    text: choice.text,
  }));
  return {
    lead,
    answer: {
      type: 'match',
      prompt,
      points: context.points,
      left,
      right,
      scoring: scoringOf(context),
    },
  };
}

function readOrder(context: ItemContext, interaction: XmlElement): AnswerRead {
  const { prompt, lead } = promptAndLead(context, interaction);
  const declaration = context.declarations.get(interaction.attributes['response-identifier'] ?? '');
  const choices = new Map(
    childElements(interaction, 'qti-simple-choice').map((choice) => [
      choice.attributes.identifier ?? '',
      plainText(choice),
    ]),
  );
  const order = keyOf(declaration);
  if (order.length !== choices.size || order.some((identifier) => !choices.has(identifier))) {
    throw new ItemRefused(
      'invalid',
      "The order item's correct response does not list each of its choices once.",
      interaction.line,
    );
  }
  return {
    lead,
    answer: {
      type: 'order',
      prompt,
      points: context.points,
      items: order.map((identifier) => ({
        id: toSlug(identifier),
        text: choices.get(identifier) ?? '',
      })),
      scoring: scoringOf(context),
    },
  };
}

function comparable(text: string): string {
  return normaliseQuotes(text).replace(/\s+/g, ' ').trim();
}

/** The article's sentence a hottext stands for: the same id with the same words, else the same words. */
function findSentenceFor(article: Article, identifier: string, text: string): Sentence | undefined {
  const words = comparable(text);
  const sentences = article.paragraphs.flatMap((paragraph) => paragraph.sentences);
  return (
    sentences.find(
      (sentence) => sentence.id === identifier && comparable(sentence.text) === words,
    ) ?? sentences.find((sentence) => comparable(sentence.text) === words)
  );
}

/** A sentence as an evidence quote, told apart by the text before it if its words occur twice. */
function quoteOf(article: Article, sentence: Sentence): EvidenceQuote {
  if (resolveEvidence(article, sentence.text).ok) return sentence.text;
  const paragraph = article.paragraphs.find((candidate) => candidate.id === sentence.paragraphId);
  const before = paragraph?.text.slice(0, sentence.start).trim() ?? '';
  return before === '' ? sentence.text : { quote: sentence.text, after: before };
}

function readHottext(context: ItemContext, interaction: XmlElement): AnswerRead {
  const { prompt, lead } = promptAndLead(context, interaction);
  const declaration = context.declarations.get(interaction.attributes['response-identifier'] ?? '');
  const key = new Set(keyOf(declaration));
  const hottexts = descendants(interaction).filter((element) => element.name === 'qti-hottext');
  const found: Sentence[] = [];
  let missing = 0;
  for (const hottext of hottexts) {
    const identifier = hottext.attributes.identifier ?? '';
    if (!key.has(identifier)) continue;
    const sentence = findSentenceFor(context.article, identifier, plainText(hottext));
    if (sentence === undefined) missing += 1;
    else found.push(sentence);
  }
  if (missing > 0) {
    context.losses.push(
      `${missing} of the ${missing + found.length} sentences to choose ${missing === 1 ? 'is' : 'are'} not in "${context.article.meta.title}": add the evidence in the editor.`,
    );
  }
  const claim = blockquoteText(context.body);
  return {
    lead,
    answer: {
      type: 'evidence',
      prompt,
      points: context.points,
      claim: claim ?? prompt,
      scoring: scoringOf(context),
    },
    evidence: found.map((sentence) => quoteOf(context.article, sentence)),
  };
}

const MAX_GAPS = 3;

/** Text entries and inline choices in running text: a cloze, each interaction a gap. */
function readCloze(context: ItemContext, interactions: XmlElement[]): AnswerRead {
  const first = interactions[0];
  if (first === undefined)
    throw new ItemRefused('invalid', 'The item has no interaction.', context.item.line);
  if (interactions.length > MAX_GAPS) {
    throw new ItemRefused(
      'unsupported',
      `The item has ${interactions.length} gaps; a Readproof cloze has at most ${MAX_GAPS}.`,
      first.line,
    );
  }
  const holder = childElements(context.body).find((block) => descendants(block).includes(first));
  if (holder === undefined)
    throw new ItemRefused(
      'invalid',
      'The gaps are not inside a paragraph of the item body.',
      first.line,
    );
  const gaps: Extract<ImportedAnswer, { type: 'cloze' }>['gaps'] = [];
  const pieces: string[] = [];
  const walk = (node: XmlNode): void => {
    if (typeof node === 'string') {
      pieces.push(node);
      return;
    }
    if (!interactions.includes(node)) {
      if (!isFeedback(node)) node.children.forEach(walk);
      return;
    }
    const identifier = node.attributes['response-identifier'] ?? '';
    const id = toSlug(
      identifier.startsWith(GAP_RESPONSE_PREFIX)
        ? identifier.slice(GAP_RESPONSE_PREFIX.length)
        : identifier,
    );
    const declaration = context.declarations.get(identifier);
    pieces.push(`{{${id}}}`);
    if (node.name === 'qti-inline-choice-interaction') {
      const choices = childElements(node, 'qti-inline-choice');
      const right = choices.find((choice) =>
        keyOf(declaration).includes(choice.attributes.identifier ?? ''),
      );
      if (right === undefined)
        throw new ItemRefused('invalid', `Gap "${id}" marks no choice correct.`, node.line);
      gaps.push({
        id,
        choices: choices.map((choice) => plainText(choice)),
        answer: plainText(right),
      });
    } else {
      const answers = acceptedAnswers(declaration);
      if (answers.length === 0)
        throw new ItemRefused('invalid', `Gap "${id}" gives no correct answer.`, node.line);
      gaps.push({ id, answers });
    }
  };
  holder.children.forEach(walk);
  const texts = leadTexts(context.body);
  return {
    answer: {
      type: 'cloze',
      prompt: texts.join(' ') || 'Fill in the gaps.',
      points: context.points,
      text: pieces.join('').replace(/\s+/g, ' ').trim(),
      gaps,
      scoring: scoringOf(context),
    },
  };
}

/** Each interaction Readproof scores, alone in an item, by its element name. */
const SINGLE_INTERACTION_READERS: Record<
  string,
  (context: ItemContext, interaction: XmlElement) => AnswerRead
> = {
  'qti-choice-interaction': readChoice,
  'qti-text-entry-interaction': readTextEntry,
  'qti-match-interaction': readMatch,
  'qti-order-interaction': readOrder,
  'qti-hottext-interaction': readHottext,
};

function readModalFeedback(item: XmlElement): Map<string, string> {
  return new Map(
    childElements(item, 'qti-modal-feedback').map((feedback) => [
      feedback.attributes.identifier ?? '',
      plainText(feedback),
    ]),
  );
}

/**
 * Reads one item. Throws `ItemRefused` for an item Readproof does not score (its interaction
 * named, with its line) or cannot read.
 */
export function readItem(root: XmlElement, article: Article): ItemReading {
  if (root.name !== 'qti-assessment-item' || root.namespace !== QTI_NAMESPACE) {
    const qti2 = root.name === 'assessmentItem';
    throw new ItemRefused(
      qti2 ? 'unsupported' : 'invalid',
      qti2
        ? 'It is a QTI 2 item; export the bank as QTI 3.0 and import that.'
        : `It is not a QTI 3.0 item: its root is <${root.name}>${root.namespace === undefined ? ' without a namespace' : ` in ${root.namespace}`}, not <qti-assessment-item> in ${QTI_NAMESPACE}.`,
      root.line,
    );
  }
  const body = firstChild(root, 'qti-item-body');
  if (body === undefined)
    throw new ItemRefused('invalid', 'The item has no qti-item-body.', root.line);
  const interactions = descendants(body).filter(isInteraction);
  const unscored = interactions.find((interaction) => !SCORED_INTERACTIONS.has(interaction.name));
  if (unscored !== undefined) {
    throw new ItemRefused(
      'unsupported',
      `It asks for ${UNSCORED_NAMES[unscored.name] ?? `<${unscored.name}>`}, which Readproof does not score.`,
      unscored.line,
    );
  }
  const losses: string[] = [];
  const context: ItemContext = {
    item: root,
    body,
    declarations: readDeclarations(root),
    processing: firstChild(root, 'qti-response-processing'),
    feedback: readModalFeedback(root),
    points: readPoints(root, losses),
    losses,
    article,
  };
  const [first] = interactions;
  if (first === undefined) {
    throw new ItemRefused('unsupported', 'It has no interaction (it only shows text).', body.line);
  }
  const inline = interactions.every(
    (interaction) =>
      interaction.name === 'qti-inline-choice-interaction' ||
      interaction.name === 'qti-text-entry-interaction',
  );
  let read: AnswerRead;
  const reader = SINGLE_INTERACTION_READERS[first.name];
  if (interactions.length === 1 && reader !== undefined) read = reader(context, first);
  else if (inline) read = readCloze(context, interactions);
  else {
    throw new ItemRefused(
      'unsupported',
      `It has ${interactions.length} interactions (${[...new Set(interactions.map((interaction) => interaction.name))].join(', ')}); Readproof reads one per item, or gaps in running text.`,
      interactions[1]?.line ?? first.line,
    );
  }
  return {
    identifier: root.attributes.identifier ?? '',
    line: root.line,
    lead: read.lead ?? '',
    answer: read.answer,
    explanation: context.feedback.get(EXPLANATION_FEEDBACK) ?? '',
    evidence: read.evidence ?? [],
    losses,
  };
}
