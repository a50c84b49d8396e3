import type {
  GiftAnswer,
  GiftChoice,
  GiftEntry,
  GiftNumber,
  ParsedGiftQuestion,
} from './gift-model';
import { GIFT_FORMATS, readFormattedText, unescapeGift, type GiftFormat } from './gift-text';

/**
 * Reads a GIFT file the way Moodle does: questions are separated by blank lines, lines starting
 * with `//` are comments, the first `{` opens the answers and the first `}` after it closes them.
 * Every question becomes an entry (a category, a question, or an error with its line), so one bad
 * question never stops the others from being read.
 */

/** A question's text with the file line of each of its characters' lines. */
interface Block {
  text: string;
  /** `lineStarts[i]` is where the block's i-th line starts in `text`; `firstLine` is its file line. */
  lineStarts: number[];
  firstLine: number;
  comments: string[];
}

class GiftSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let comments: string[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '') {
      if (current) blocks.push(current);
      current = undefined;
      comments = [];
      return;
    }
    if (trimmed.startsWith('//')) {
      (current?.comments ?? comments).push(trimmed.slice(2).trim());
      return;
    }
    if (current === undefined) {
      current = { text: '', lineStarts: [], firstLine: index + 1, comments };
      comments = [];
    } else {
      current.text += '\n';
    }
    // Lines skipped as comments inside a question still count for the line numbers after them.
    current.lineStarts[index + 1 - current.firstLine] = current.text.length;
    current.text += line;
  });
  if (current) blocks.push(current);
  return blocks;
}

function lineOf(block: Block, offset: number): number {
  let line = block.firstLine;
  block.lineStarts.forEach((start, index) => {
    if (start <= offset) line = block.firstLine + index;
  });
  return line;
}

/** Where `chars` first occurs in `text` from `from` on, not escaped by a backslash; -1 if nowhere. */
function findUnescaped(text: string, chars: string, from = 0): number {
  for (let index = from; index < text.length; index += 1) {
    if (text[index] === '\\') {
      index += 1;
      continue;
    }
    if (text.startsWith(chars, index)) return index;
  }
  return -1;
}

/** Every place one of `chars` occurs unescaped, in order. */
function findAllUnescaped(text: string, chars: string): number[] {
  const found: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === '\\') index += 1;
    else if (chars.includes(text[index] ?? '')) found.push(index);
  }
  return found;
}

/** Splits at the first unescaped `separator`: what comes before it, and after (if it occurs). */
function splitFirst(text: string, separator: string): [string, string | undefined] {
  const at = findUnescaped(text, separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)];
}

const FORMAT_PREFIX = new RegExp(`^\\s*\\[(${GIFT_FORMATS.join('|')})\\]`);

/** A text of the question in its format (its own `[format]`, else the question's), as plain text. */
function readText(raw: string, format: GiftFormat): string {
  const own = FORMAT_PREFIX.exec(raw);
  const textFormat = (own?.[1] as GiftFormat | undefined) ?? format;
  return readFormattedText(unescapeGift(own ? raw.slice(own[0].length) : raw), textFormat);
}

function readNumber(raw: string, line: number): number {
  const text = raw.trim();
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) {
    throw new GiftSyntaxError(`"${text}" is not a number; write it like 12, -3 or 2.5.`, line);
  }
  return value;
}

function readWeight(raw: string, line: number): { weight?: number; rest: string } {
  const match = /^\s*%([^%]*)%/.exec(raw);
  if (!match) return { rest: raw };
  const weight = Number(match[1]);
  if (match[1]?.trim() === '' || !Number.isFinite(weight) || weight < -100 || weight > 100) {
    throw new GiftSyntaxError(
      `The weight %${match[1] ?? ''}% is not a per cent between -100 and 100.`,
      line,
    );
  }
  return { weight, rest: raw.slice(match[0].length) };
}

/** `=a ~b` into its answers: each with its `=` or `~`, weight, text and feedback. */
function readChoices(raw: string, format: GiftFormat, line: number): GiftChoice[] {
  const starts = findAllUnescaped(raw, '=~');
  const before = raw.slice(0, starts[0] ?? raw.length).trim();
  if (before !== '') {
    throw new GiftSyntaxError(
      `"${before}" comes before the first answer; start each answer with = (right) or ~ (wrong).`,
      line,
    );
  }
  return starts.map((start, index) => {
    const { weight, rest } = readWeight(raw.slice(start + 1, starts[index + 1]), line);
    const [text, feedback] = splitFirst(rest, '#');
    const choice: GiftChoice = { correct: raw[start] === '=', text: readText(text, format) };
    if (weight !== undefined) choice.weight = weight;
    const feedbackText = feedback === undefined ? '' : readText(feedback, format);
    // An empty `#` is no feedback, as in Moodle.
    if (feedbackText !== '') choice.feedback = feedbackText;
    return choice;
  });
}

/** One numerical answer: `value`, `value:tolerance` or `low..high`. */
function readNumberSpec(raw: string, line: number): { value: number; tolerance: number } {
  const text = raw.trim();
  const range = text.indexOf('..');
  if (range !== -1) {
    const low = readNumber(text.slice(0, range), line);
    const high = readNumber(text.slice(range + 2), line);
    if (low > high) throw new GiftSyntaxError(`The range ${low}..${high} runs backwards.`, line);
    return { value: (low + high) / 2, tolerance: (high - low) / 2 };
  }
  const [value, tolerance] = text.split(':');
  return {
    value: readNumber(value ?? '', line),
    tolerance: tolerance === undefined ? 0 : Math.abs(readNumber(tolerance, line)),
  };
}

function readNumeric(raw: string, format: GiftFormat, line: number): GiftNumber[] {
  const starts = findAllUnescaped(raw, '=~');
  if (starts.length === 0) {
    const [spec, feedback] = splitFirst(raw, '#');
    const answer: GiftNumber = readNumberSpec(unescapeGift(spec), line);
    if (feedback !== undefined) answer.feedback = readText(feedback, format);
    return [answer];
  }
  return readChoices(raw, format, line).flatMap((choice): GiftNumber[] => {
    // A `~` numerical answer is a wrong one Moodle gives feedback for: it earns nothing.
    if (!choice.correct) return [];
    const answer: GiftNumber = readNumberSpec(choice.text, line);
    if (choice.weight !== undefined) answer.weight = choice.weight;
    if (choice.feedback !== undefined) answer.feedback = choice.feedback;
    return [answer];
  });
}

function readMatch(raw: string, format: GiftFormat, line: number): GiftAnswer {
  const starts = findAllUnescaped(raw, '=');
  const pairs = starts.map((start, index) => {
    const entry = raw.slice(start + 1, starts[index + 1]);
    const arrow = findUnescaped(entry, '->');
    if (arrow === -1) {
      throw new GiftSyntaxError(
        `"${entry.trim()}" has no "->": every answer of a matching question is "=item -> match".`,
        line,
      );
    }
    return {
      left: readText(entry.slice(0, arrow), format),
      right: readText(entry.slice(arrow + 2), format),
    };
  });
  return { kind: 'match', pairs };
}

const TRUE_FALSE = /^(TRUE|FALSE|T|F)\s*(#|$)/;

function readAnswer(raw: string, format: GiftFormat, line: number): GiftAnswer {
  const text = raw.trim();
  if (text === '') return { kind: 'essay' };
  if (text.startsWith('#'))
    return { kind: 'numeric', answers: readNumeric(text.slice(1), format, line) };
  const trueFalse = TRUE_FALSE.exec(text);
  if (trueFalse) {
    const marks = findAllUnescaped(text, '#');
    const wrongFeedback = marks[0] === undefined ? undefined : text.slice(marks[0] + 1, marks[1]);
    const rightFeedback = marks[1] === undefined ? undefined : text.slice(marks[1] + 1, marks[2]);
    const answer: GiftAnswer = {
      kind: 'true-false',
      value: trueFalse[1]?.startsWith('T') === true,
    };
    const wrong = readText(wrongFeedback ?? '', format);
    const right = readText(rightFeedback ?? '', format);
    if (wrong !== '') answer.wrongFeedback = wrong;
    if (right !== '') answer.rightFeedback = right;
    return answer;
  }
  if (findUnescaped(text, '=') !== -1 && findUnescaped(text, '->') !== -1) {
    return readMatch(text, format, line);
  }
  if (findUnescaped(text, '~') !== -1)
    return { kind: 'choice', choices: readChoices(text, format, line) };
  if (findUnescaped(text, '=') !== -1)
    return { kind: 'short', answers: readChoices(text, format, line) };
  // One right answer may be written without its `=`.
  return { kind: 'short', answers: readChoices(`=${text}`, format, line) };
}

/** `$course$/top/Unit 1//2` as `Unit 1/2`: Moodle's context and top category are no tag's business. */
function readCategoryPath(raw: string): string {
  return raw
    .trim()
    .replace(/^\$[a-z0-9]+\$\//i, '')
    .replace(/^top(\/|$)/, '')
    .replace(/\/\//g, '/');
}

function readQuestion(block: Block): ParsedGiftQuestion {
  let text = block.text;
  let offset = 0;
  const question: ParsedGiftQuestion = {
    stem: '',
    comments: block.comments,
    line: block.firstLine,
  };
  const leading = /^\s*/.exec(text)?.[0].length ?? 0;
  if (text.startsWith('::', leading)) {
    const close = findUnescaped(text, '::', leading + 2);
    if (close === -1) {
      throw new GiftSyntaxError(
        'The title that starts with "::" has no closing "::".',
        block.firstLine,
      );
    }
    question.title = unescapeGift(text.slice(leading + 2, close)).trim();
    offset = close + 2;
    text = text.slice(offset);
  }
  const formatMatch = FORMAT_PREFIX.exec(text);
  const format = (formatMatch?.[1] as GiftFormat | undefined) ?? 'moodle';
  if (formatMatch) {
    offset += formatMatch[0].length;
    text = text.slice(formatMatch[0].length);
  }

  const open = findUnescaped(text, '{');
  if (open === -1) {
    const stray = findUnescaped(text, '}');
    if (stray !== -1) {
      throw new GiftSyntaxError(
        'A "}" closes an answer block that was never opened with "{".',
        lineOf(block, offset + stray),
      );
    }
    question.stem = readText(text, format);
    return question;
  }
  const close = findUnescaped(text, '}', open + 1);
  const nextOpen = findUnescaped(text, '{', open + 1);
  const openLine = lineOf(block, offset + open);
  if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
    throw new GiftSyntaxError(
      `The answer block opened with "{" on line ${openLine} is never closed with "}" (write \\{ for a brace that is part of the text).`,
      openLine,
    );
  }
  const tail = text.slice(close + 1);
  if (nextOpen !== -1 || findUnescaped(tail, '}') !== -1) {
    const at = nextOpen === -1 ? findUnescaped(tail, '}') + close + 1 : nextOpen;
    throw new GiftSyntaxError(
      'A question has one answer block; this one has a second "{" or "}". Leave a blank line between questions, or write \\{ and \\} for braces in the text.',
      lineOf(block, offset + at),
    );
  }
  question.stem = readText(text.slice(0, open), format);
  if (tail.trim() !== '') question.tail = readText(tail, format);
  const [answerText, generalFeedback] = splitFirst(text.slice(open + 1, close), '####');
  if (generalFeedback !== undefined) question.generalFeedback = readText(generalFeedback, format);
  question.answer = readAnswer(answerText, format, openLine);
  return question;
}

/**
 * The most questions and answers one file may hold: far more than a bank needs (an evidence
 * question of the longest article has about 1,500 sentences to choose from), few enough that a
 * 5 MB upload of tiny questions is refused at once rather than read for half a minute.
 */
export const MAX_GIFT_QUESTIONS = 2000;
export const MAX_GIFT_ANSWERS = 50_000;

/** Why a file is too big to read, with the line where it passes the limit, if it does. */
function checkSize(blocks: readonly Block[]): GiftEntry | undefined {
  const extra = blocks[MAX_GIFT_QUESTIONS];
  if (extra !== undefined) {
    return {
      kind: 'error',
      line: extra.firstLine,
      message: `The file has ${blocks.length} questions; Readproof reads at most ${MAX_GIFT_QUESTIONS} from one file. Split it into smaller files.`,
    };
  }
  let answers = 0;
  for (const block of blocks) {
    answers += findAllUnescaped(block.text, '=~').length;
    if (answers > MAX_GIFT_ANSWERS) {
      return {
        kind: 'error',
        line: block.firstLine,
        message: `The file has more than ${MAX_GIFT_ANSWERS} answers by this question; Readproof reads at most ${MAX_GIFT_ANSWERS} from one file. Split it into smaller files.`,
      };
    }
  }
  return undefined;
}

/**
 * Every category, question and error of a GIFT file, in order; a file over the limits is one
 * error, and none of it is read.
 */
export function parseGift(text: string): GiftEntry[] {
  const blocks = splitBlocks(text);
  const tooBig = checkSize(blocks);
  if (tooBig !== undefined) return [tooBig];
  return blocks.map((block): GiftEntry => {
    const category = /^\s*\$CATEGORY:(.*)$/.exec(block.text.split('\n')[0] ?? '');
    if (category) {
      return { kind: 'category', path: readCategoryPath(category[1] ?? ''), line: block.firstLine };
    }
    try {
      return { kind: 'question', question: readQuestion(block) };
    } catch (error) {
      if (!(error instanceof GiftSyntaxError)) throw error;
      const title = /^\s*::(.*?)::/.exec(block.text)?.[1];
      const entry: GiftEntry = { kind: 'error', line: error.line, message: error.message };
      if (title !== undefined) entry.name = unescapeGift(title).trim();
      return entry;
    }
  });
}
