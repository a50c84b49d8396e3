import { QUESTION_TYPES, SKILLS, type QuestionType, type Skill } from '../../question-kinds';
import type { AnswerType } from '../../question-types/question-type-module';
import type { ResolvedQuestion } from '../../resolved-bank';
import type { AnswerItem } from '../../scorers';
import { isRecord } from '../../question-types/shared';
import type { GiftItemMeta } from './gift-context';

/**
 * Readproof's own comment line before each exported question, `// readproof {...}`: the type,
 * skill, difficulty, marks, scoring and unit, which GIFT has no place for. Moodle and other GIFT
 * readers skip comments, so the file stays plain GIFT; an import back reads them, and a file
 * without them gets the documented defaults.
 */

export interface GiftQuestionMeta extends Omit<GiftItemMeta, 'type'> {
  type?: QuestionType;
  skill?: Skill;
  difficulty?: number;
}

const PREFIX = 'readproof ';

function itemMeta(item: AnswerItem): GiftItemMeta {
  const meta: GiftItemMeta = { type: item.type, points: item.points };
  if ('scoring' in item) meta.scoring = item.scoring;
  if ('unit' in item && item.unit !== undefined) meta.unit = item.unit;
  return meta;
}

/** The comment (without `//`) that keeps what GIFT cannot. */
export function writeMetaComment(question: ResolvedQuestion): string {
  const meta: GiftQuestionMeta =
    question.type === 'two-part'
      ? { type: 'two-part', partA: itemMeta(question.partA), partB: itemMeta(question.partB) }
      : itemMeta(question);
  meta.skill = question.skill;
  meta.difficulty = question.difficulty;
  return `${PREFIX}${JSON.stringify(meta)}`;
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

const ANSWER_TYPES = QUESTION_TYPES.filter((type): type is AnswerType => type !== 'two-part');

/** Reads the fields it knows; anything else is named in `invalid`, and its default is used. */
function readItemMeta(
  value: Record<string, unknown>,
  invalid: string[],
  where: string,
): GiftItemMeta {
  const meta: GiftItemMeta = {};
  const check = (key: string, ok: boolean) => {
    if (value[key] !== undefined && !ok) invalid.push(`${where}${key}`);
    return value[key] !== undefined && ok;
  };
  if (check('type', isOneOf(ANSWER_TYPES, value.type))) meta.type = value.type as AnswerType;
  if (check('points', isIntegerIn(value.points, 1, 100))) meta.points = value.points as number;
  if (check('scoring', isOneOf(['partial', 'all-or-nothing'] as const, value.scoring))) {
    meta.scoring = value.scoring as GiftItemMeta['scoring'];
  }
  if (check('unit', typeof value.unit === 'string' && value.unit.trim() !== '')) {
    meta.unit = value.unit as string;
  }
  return meta;
}

/**
 * The Readproof comment among a question's comments, read; `problem` says what was not understood
 * (the question is still imported, with defaults for those fields).
 */
export function readMetaComment(comments: readonly string[]): {
  meta: GiftQuestionMeta;
  problem?: string;
} {
  const comment = comments.find((text) => text.startsWith(PREFIX));
  if (comment === undefined) return { meta: {} };
  let value: unknown;
  try {
    value = JSON.parse(comment.slice(PREFIX.length));
  } catch {
    value = undefined;
  }
  if (!isRecord(value)) {
    return {
      meta: {},
      problem: 'Its "readproof" comment is not a JSON object; defaults are used.',
    };
  }
  const invalid: string[] = [];
  const { type: itemType, ...item } = readItemMeta(value, invalid, '');
  const meta: GiftQuestionMeta = item;
  if (value.type === 'two-part') meta.type = 'two-part';
  else if (itemType !== undefined) meta.type = itemType;
  if (value.type === 'two-part') invalid.splice(invalid.indexOf('type'), 1);
  if (isOneOf(SKILLS, value.skill)) meta.skill = value.skill;
  else if (value.skill !== undefined) invalid.push('skill');
  if (isIntegerIn(value.difficulty, 1, 3)) meta.difficulty = value.difficulty;
  else if (value.difficulty !== undefined) invalid.push('difficulty');
  for (const part of ['partA', 'partB'] as const) {
    const partValue = value[part];
    if (isRecord(partValue)) meta[part] = readItemMeta(partValue, invalid, `${part}.`);
    else if (partValue !== undefined) invalid.push(part);
  }
  if (invalid.length === 0) return { meta };
  return {
    meta,
    problem: `Its "readproof" comment has values Readproof does not know (${invalid.join(', ')}); defaults are used for them.`,
  };
}
