import { listSentences, type Article } from '../../article';
import { normaliseQuotes } from '../../evidence';
import { JUDGEMENT_LABELS, JUDGEMENTS, type Judgement } from '../../question-kinds';
import type { EvidenceQuote } from '../../question-schema';
import type { AnswerType } from '../../question-types/question-type-module';
import {
  CLAIM_LABEL,
  IMPORT_DEFAULTS,
  PARAGRAPH_BREAK,
  splitAtLabel,
  STATEMENT_LABEL,
} from './conventions';
import {
  attribute,
  child,
  children,
  formattedText,
  ownText,
  questionTextFormat,
  type XmlNode,
} from './read-xml';

/** An item's fields before it is checked against the bank schema (which gives it its types). */
export type ItemDraft = { type: AnswerType; prompt: string } & Record<string, unknown>;

export type ItemResult =
  | { ok: true; item: ItemDraft; evidence: EvidenceQuote[]; losses: string[] }
  | { ok: false; message: string };

export interface ItemContext {
  article: Article;
  /** The question text, past any part label. */
  text: string;
  /** A two-part question's Part B (an evidence part has no claim of its own). */
  isPartB: boolean;
}

interface MoodleAnswer {
  text: string;
  /** Share of the marks, from Moodle's percentage (100 -> 1, -50 -> -0.5). */
  fraction: number;
  feedback?: string;
}

function readAnswers(question: XmlNode): MoodleAnswer[] {
  const format = questionTextFormat(question);
  return children(question, 'answer').map((node) => {
    const feedback = formattedText(child(node, 'feedback'), format);
    const fraction = Number(attribute(node, 'fraction') ?? '0') / 100;
    return {
      text: formattedText(node, format),
      fraction: Number.isFinite(fraction) ? fraction : 0,
      ...(feedback === '' ? {} : { feedback }),
    };
  });
}

/** Moodle writes 1/3 as 33.33333: shares this close count as the same. */
function same(share: number, other: number): boolean {
  return Math.abs(share - other) < 1e-4;
}

/** A text as an id: lower-case words joined by hyphens, cut at a word within `maxLength`. */
export function slugOf(text: string, maxLength: number): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  return cut.slice(0, Math.max(cut.lastIndexOf('-'), 1)).replace(/-+$/, '');
}

/** Ids from texts (or `fallback-n` for a text without letters), unique within the list. */
function uniqueSlugs(texts: readonly string[], fallback: string): string[] {
  const used = new Set<string>();
  return texts.map((text, index) => {
    const base = slugOf(text, 30) || `${fallback}-${index + 1}`;
    let id = base;
    for (let count = 2; used.has(id); count += 1) id = `${base}-${count}`;
    used.add(id);
    return id;
  });
}

function ok(item: ItemDraft, losses: string[] = [], evidence: EvidenceQuote[] = []): ItemResult {
  return { ok: true, item, evidence, losses };
}

function percentOf(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** Partial credit for a choice Readproof counts as simply right or wrong. */
function partialCreditLosses(answers: readonly MoodleAnswer[]): string[] {
  return answers
    .filter((entry) => entry.fraction > 0 && !same(entry.fraction, 1))
    .map(
      (entry) =>
        `"${entry.text}" earned ${percentOf(entry.fraction)} of the marks in Moodle; Readproof counts an answer right or wrong, so it is imported as wrong.`,
    );
}

/** The prompt and the text after `label`, or a default prompt and the whole text. */
function promptAnd(
  text: string,
  label: string,
  defaultPrompt: string,
): { prompt: string; rest: string } {
  const split = splitAtLabel(text, label);
  return split !== undefined && split.before !== ''
    ? { prompt: split.before, rest: split.after }
    : { prompt: defaultPrompt, rest: split?.after ?? text };
}

const JUDGEMENT_BY_LABEL = new Map<string, Judgement>(
  JUDGEMENTS.map((judgement) => [JUDGEMENT_LABELS[judgement].toLowerCase(), judgement]),
);

function readJudgement(
  answers: readonly MoodleAnswer[],
  context: ItemContext,
): ItemResult | undefined {
  const judgements = answers.map((entry) => JUDGEMENT_BY_LABEL.get(entry.text.toLowerCase()));
  if (answers.length !== JUDGEMENTS.length || new Set(judgements).size !== JUDGEMENTS.length)
    return undefined;
  if (judgements.includes(undefined)) return undefined;
  const right = answers.findIndex((entry) => same(entry.fraction, 1));
  const feedback: Partial<Record<Judgement, string>> = {};
  answers.forEach((entry, index) => {
    const judgement = judgements[index];
    if (judgement !== undefined && entry.feedback !== undefined)
      feedback[judgement] = entry.feedback;
  });
  const { prompt, rest } = promptAnd(
    context.text,
    STATEMENT_LABEL,
    IMPORT_DEFAULTS.judgementPrompt,
  );
  return ok({
    type: 'judgement',
    prompt,
    statement: rest,
    answer: judgements[right] ?? '',
    feedback,
  });
}

/** Whitespace and quotes as evidence quotes are matched. */
function comparable(text: string): string {
  return normaliseQuotes(text).replace(/\s+/g, ' ').trim();
}

/** An evidence question: a multiple-answer choice whose every choice is a sentence of the article. */
function readEvidence(
  answers: readonly MoodleAnswer[],
  context: ItemContext,
): ItemResult | undefined {
  const sentences = listSentences(context.article).map((sentence) => comparable(sentence.text));
  if (
    answers.length === 0 ||
    !answers.every((entry) => sentences.includes(comparable(entry.text)))
  ) {
    return undefined;
  }
  const key = answers.filter((entry) => entry.fraction > 0);
  const losses = [...weightLosses(answers)];
  if (answers.length < sentences.length) {
    losses.push(
      `Moodle offered ${answers.length} of the article's ${sentences.length} sentences; in Readproof the student may choose any sentence.`,
    );
  }
  const fields = { type: 'evidence' as const };
  if (context.isPartB) {
    return ok(
      { ...fields, prompt: context.text },
      losses,
      key.map((entry) => entry.text),
    );
  }
  const { prompt, rest } = promptAnd(context.text, CLAIM_LABEL, IMPORT_DEFAULTS.evidencePrompt);
  return ok(
    { ...fields, prompt, claim: rest },
    losses,
    key.map((entry) => entry.text),
  );
}

/** Moodle's weights, compared with right minus wrong (each right +1/k, each wrong −1/k). */
function weightLosses(answers: readonly MoodleAnswer[]): string[] {
  const right = answers.filter((entry) => entry.fraction > 0);
  const share = 1 / Math.max(1, right.length);
  const matches = answers.every((entry) =>
    same(entry.fraction, entry.fraction > 0 ? share : -share),
  );
  return matches
    ? []
    : [
        `Moodle's weights (${answers.map((entry) => percentOf(entry.fraction)).join(', ')}) are not right minus wrong; Readproof scores each right choice +1/${right.length} and each wrong one −1/${right.length}.`,
      ];
}

/** Moodle writes its yes/no settings as true/false or 1/0; `fallback` when the element is missing. */
function readFlag(question: XmlNode, name: string, fallback: boolean): boolean {
  const written = plainText(question, name).toLowerCase();
  return written === '' ? fallback : !['false', '0'].includes(written);
}

/**
 * Choices as options. With `<shuffleanswers>` off Moodle shows them in the written order, which
 * Readproof keeps by fixing every option in its place.
 */
function readOptions(
  answers: readonly MoodleAnswer[],
  isRight: (entry: MoodleAnswer) => boolean,
  keepOrder: boolean,
) {
  const ids = uniqueSlugs(
    answers.map((entry) => entry.text),
    'option',
  );
  return answers.map((entry, index) => ({
    id: ids[index] ?? `option-${index + 1}`,
    text: entry.text,
    correct: isRight(entry),
    ...(entry.feedback === undefined ? {} : { feedback: entry.feedback }),
    ...(keepOrder ? { fixed: true } : {}),
  }));
}

function readMultichoice(question: XmlNode, context: ItemContext): ItemResult {
  const answers = readAnswers(question);
  // Moodle shuffles a multiple choice's answers unless told not to.
  const keepOrder = !readFlag(question, 'shuffleanswers', true);
  if (readFlag(question, 'single', true)) {
    const judgement = readJudgement(answers, context);
    if (judgement !== undefined) return judgement;
    return ok(
      {
        type: 'single',
        prompt: context.text,
        options: readOptions(answers, (entry) => same(entry.fraction, 1), keepOrder),
      },
      partialCreditLosses(answers),
    );
  }
  const evidence = readEvidence(answers, context);
  if (evidence !== undefined) return evidence;
  return ok(
    {
      type: 'multiple',
      prompt: context.text,
      options: readOptions(answers, (entry) => entry.fraction > 0, keepOrder),
    },
    weightLosses(answers),
  );
}

function readTrueFalse(question: XmlNode, context: ItemContext): ItemResult {
  const answers = readAnswers(question);
  const options = (['true', 'false'] as const).map((value) => {
    const entry = answers.find((candidate) => candidate.text.toLowerCase() === value);
    return {
      id: value,
      text: JUDGEMENT_LABELS[value],
      correct: entry !== undefined && same(entry.fraction, 1),
      ...(entry?.feedback === undefined ? {} : { feedback: entry.feedback }),
    };
  });
  return ok({ type: 'single', prompt: context.text, options });
}

/** A short answer as Readproof matches it: Moodle's `\*` is a `*`; a bare `*` is a wildcard. */
function readTypedAnswers(texts: readonly string[]): { answers: string[]; losses: string[] } {
  const losses: string[] = [];
  const answers = texts.flatMap((text) => {
    if (/(?<!\\)\*/.test(text)) {
      losses.push(
        `"${text}" uses Moodle's wildcard *, which Readproof does not have; it is left out. Add the answers it stood for.`,
      );
      return [];
    }
    return [text.replace(/\\\*/g, '*')];
  });
  return { answers, losses };
}

function readShortAnswer(question: XmlNode, context: ItemContext): ItemResult {
  const answers = readAnswers(question);
  const right = readTypedAnswers(
    answers.filter((entry) => same(entry.fraction, 1)).map((entry) => entry.text),
  );
  const caseLoss =
    plainText(question, 'usecase') === '1'
      ? ['Moodle matched these answers case-sensitively; Readproof ignores case.']
      : [];
  return ok({ type: 'short', prompt: context.text, answers: right.answers }, [
    ...right.losses,
    ...partialCreditLosses(answers),
    ...caseLoss,
  ]);
}

function readNumerical(question: XmlNode, context: ItemContext): ItemResult {
  const answers = children(question, 'answer').filter((node) =>
    same(Number(attribute(node, 'fraction') ?? '0') / 100, 1),
  );
  const [first, ...others] = answers;
  const value = Number(ownText(child(first ?? {}, 'text')).trim());
  if (first === undefined || !Number.isFinite(value)) {
    return { ok: false, message: 'it has no number that earns full marks.' };
  }
  const tolerance = Number(ownText(child(first, 'tolerance')).trim() || '0');
  const units = children(child(question, 'units') ?? {}, 'unit');
  const unit = units.find((node) => Number(plainText(node, 'multiplier') || '1') === 1);
  const unitName = unit === undefined ? '' : plainText(unit, 'unit_name');
  const otherUnits = units
    .filter((node) => node !== unit)
    .map((node) => plainText(node, 'unit_name'));
  const feedback = formattedText(child(first, 'feedback'), questionTextFormat(question));
  // Moodle's unit grading: 0 leaves the unit unmarked; 1 and 2 take a penalty for a wrong one.
  const unitGrading = Number(plainText(question, 'unitgradingtype') || '0');
  return ok(
    {
      type: 'numeric',
      prompt: context.text,
      answer: value,
      tolerance: Number.isFinite(tolerance) ? Math.abs(tolerance) : 0,
      ...(unitName === '' ? {} : { unit: unitName }),
    },
    [
      ...(others.length > 0
        ? [
            `Only the first right answer (${value}) is kept; Readproof's numeric questions have one.`,
          ]
        : []),
      ...(otherUnits.length > 0
        ? [
            `Readproof shows one unit${unitName === '' ? '' : ` (${unitName})`} and takes the number alone; Moodle's other units (${otherUnits.join(', ')}) are left out.`,
          ]
        : []),
      ...(units.length > 0 && unitGrading > 0
        ? [
            `Moodle took marks off for a missing or wrong unit (penalty ${plainText(question, 'unitpenalty') || 'unknown'}); Readproof shows the unit and marks the number alone.`,
          ]
        : []),
      ...(feedback === ''
        ? []
        : [
            `The right answer's feedback ("${feedback}") has no place in Readproof; add it to the explanation.`,
          ]),
    ],
  );
}

function plainText(node: XmlNode, name: string): string {
  return ownText(child(node, name)).trim();
}

function readMatching(question: XmlNode, context: ItemContext): ItemResult {
  const format = questionTextFormat(question);
  const pairs = children(question, 'subquestion').map((node) => ({
    left: formattedText(node, format),
    right: ownText(child(child(node, 'answer') ?? {}, 'text')).trim(),
  }));
  const rightTexts = [...new Set(pairs.map((pair) => pair.right).filter((text) => text !== ''))];
  const rightIds = uniqueSlugs(rightTexts, 'choice');
  const rightIdOf = new Map(rightTexts.map((text, index) => [text, rightIds[index] ?? '']));
  const leftPairs = pairs.filter((pair) => pair.left !== '');
  const leftIds = uniqueSlugs(
    leftPairs.map((pair) => pair.left),
    'item',
  );
  return ok({
    type: 'match',
    prompt: context.text,
    left: leftPairs.map((pair, index) => ({
      id: leftIds[index] ?? `item-${index + 1}`,
      text: pair.left,
      match: rightIdOf.get(pair.right) ?? '',
    })),
    right: rightTexts.map((text, index) => ({
      id: rightIds[index] ?? `choice-${index + 1}`,
      text,
    })),
  });
}

function readOrdering(question: XmlNode, context: ItemContext): ItemResult {
  const written = readAnswers(question);
  // The ordering type keeps each item's place in the right order as its answer's fraction
  // (1, 2, 3, ...); without distinct places the written order is the right one.
  const answers =
    new Set(written.map((entry) => entry.fraction)).size === written.length
      ? [...written].sort((one, other) => one.fraction - other.fraction)
      : written;
  const texts = answers.map((entry) => entry.text);
  const ids = uniqueSlugs(texts, 'item');
  const grading = plainText(question, 'gradingtype').toUpperCase();
  const losses =
    grading === 'ALL_OR_NOTHING' || grading === 'RELATIVE_ALL_PREVIOUS_AND_NEXT'
      ? []
      : [
          `Moodle graded this order by ${grading || 'its default'}; Readproof gives credit for each pair of items in the right order.`,
        ];
  const selected = Number(plainText(question, 'selectcount') || '0');
  if (
    plainText(question, 'selecttype').toUpperCase() !== 'ALL' &&
    selected > 0 &&
    selected < texts.length
  ) {
    losses.push(
      `Moodle showed ${selected} of the ${texts.length} items; Readproof shows them all.`,
    );
  }
  return ok(
    {
      type: 'order',
      prompt: context.text,
      items: texts.map((text, index) => ({ id: ids[index] ?? `item-${index + 1}`, text })),
      scoring: grading === 'ALL_OR_NOTHING' ? 'all-or-nothing' : 'partial',
    },
    losses,
  );
}

/** `{1:SHORTANSWER:=a~=b}`: Moodle's embedded answers (the weight is optional). */
const EMBEDDED = /\{(\d*):([A-Z_]+):((?:\\.|[^\\}])*)\}/g;

interface EmbeddedAnswer {
  text: string;
  fraction: number;
}

function readEmbeddedAnswers(source: string): EmbeddedAnswer[] {
  return source.split(/(?<!\\)~/).map((part) => {
    const weighted = /^(=|%(-?\d+(?:\.\d+)?)%)?((?:\\.|[^\\#])*)/.exec(part);
    const weight = weighted?.[1] === '=' ? 1 : Number(weighted?.[2] ?? '0') / 100;
    const text = (weighted?.[3] ?? '').replace(/\\(.)/g, '$1').trim();
    return { text, fraction: weight };
  });
}

function readCloze(_question: XmlNode, context: ItemContext): ItemResult {
  const marks = [...context.text.matchAll(EMBEDDED)];
  if (marks.length === 0)
    return { ok: false, message: 'it has no embedded answer such as {1:SHORTANSWER:=word}.' };
  if (marks.length > 3) {
    return {
      ok: false,
      message: `it has ${marks.length} gaps; a Readproof cloze question has 1 to 3. Split it into several questions.`,
    };
  }
  const losses: string[] = [];
  const gaps: Record<string, unknown>[] = [];
  let problem: string | undefined;
  marks.forEach((mark, index) => {
    const id = `gap-${index + 1}`;
    const kind = mark[2] ?? '';
    const answers = readEmbeddedAnswers(mark[3] ?? '');
    const right = answers.filter((entry) => same(entry.fraction, 1));
    for (const entry of answers.filter(
      (candidate) => candidate.fraction > 0 && !same(candidate.fraction, 1),
    )) {
      losses.push(
        `Gap ${index + 1}: "${entry.text}" earned ${percentOf(entry.fraction)} in Moodle; Readproof counts it wrong.`,
      );
    }
    if (right.length === 0) problem ??= `gap ${index + 1} has no answer that earns full marks.`;
    if (/^(MULTICHOICE|MC)/.test(kind)) {
      gaps.push({ id, choices: answers.map((entry) => entry.text), answer: right[0]?.text ?? '' });
    } else if (/^(SHORTANSWER|SA|MW)/.test(kind)) {
      const typed = readTypedAnswers(right.map((entry) => entry.text));
      losses.push(...typed.losses.map((loss) => `Gap ${index + 1}: ${loss}`));
      if (/_C$|^SAC$|^MWC$/.test(kind))
        losses.push(
          `Gap ${index + 1}: Moodle matched it case-sensitively; Readproof ignores case.`,
        );
      gaps.push({ id, answers: typed.answers });
    } else if (/^(NUMERICAL|NM)$/.test(kind)) {
      const values = right.map((entry) => entry.text.split(':'));
      if (values.some(([, tolerance]) => tolerance !== undefined && Number(tolerance) !== 0)) {
        losses.push(
          `Gap ${index + 1}: Moodle accepted a range of numbers; Readproof accepts the number as written.`,
        );
      }
      gaps.push({ id, answers: values.map(([value]) => value ?? '') });
    } else {
      problem ??= `gap ${index + 1} is a ${kind} gap, which Readproof's cloze questions do not have (they have drop-downs and typed gaps).`;
    }
  });
  if (problem !== undefined) return { ok: false, message: problem };
  let gapIndex = 0;
  const withGaps = context.text.replace(EMBEDDED, () => `{{gap-${++gapIndex}}}`);
  const breakAt = withGaps.indexOf(PARAGRAPH_BREAK);
  const lead = breakAt === -1 ? '' : withGaps.slice(0, breakAt).trim();
  const hasPrompt = lead !== '' && !lead.includes('{{');
  return ok(
    {
      type: 'cloze',
      prompt: hasPrompt ? lead : IMPORT_DEFAULTS.clozePrompt,
      text: hasPrompt ? withGaps.slice(breakAt + PARAGRAPH_BREAK.length).trim() : withGaps.trim(),
      gaps,
    },
    losses,
  );
}

/** Moodle's question types Readproof scores, by the name in `type="…"`. */
export const MOODLE_TYPE_IMPORTERS = new Map<
  string,
  (question: XmlNode, context: ItemContext) => ItemResult
>([
  ['multichoice', readMultichoice],
  ['truefalse', readTrueFalse],
  ['shortanswer', readShortAnswer],
  ['numerical', readNumerical],
  ['matching', readMatching],
  ['ordering', readOrdering],
  ['cloze', readCloze],
]);

/** What Moodle's other types are, in a teacher's words, for the report. */
export const UNSUPPORTED_TYPES = new Map<string, string>([
  ['essay', 'an essay, marked by hand'],
  [
    'description',
    'a description, which shows text and asks nothing (the bank’s article is the one chosen for the import)',
  ],
  ['calculated', 'a calculated question, with numbers drawn at random'],
  ['calculatedsimple', 'a simple calculated question, with numbers drawn at random'],
  ['calculatedmulti', 'a calculated multiple choice, with numbers drawn at random'],
  ['ddimageortext', 'drag and drop onto an image'],
  ['ddmarker', 'drag and drop markers'],
  ['ddwtos', 'drag and drop into text'],
  ['gapselect', 'select missing words'],
  ['randomsamatch', 'random short-answer matching'],
  ['random', 'a random question from a category'],
]);
