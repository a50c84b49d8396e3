import { stringify } from 'yaml';
import type { QuestionType } from '../../domain/question-kinds';
import type { BankInput } from '../../domain/question-schema';

/**
 * The bank being written, exactly as its YAML file holds it (before defaults are filled in), so
 * the editor's value is the file: serialised as it is, validated by the bank's own rules.
 */
export type DraftBank = BankInput;
export type QuestionDraft = DraftBank['questions'][number];
export type QuestionDraftOf<T extends QuestionType> = Extract<QuestionDraft, { type: T }>;
type TwoPartDraft = QuestionDraftOf<'two-part'>;
export type PartADraft = TwoPartDraft['partA'];
export type PartBDraft = TwoPartDraft['partB'];
export type OptionDraft = QuestionDraftOf<'single'>['options'][number];
export type EvidenceQuoteDraft = QuestionDraft['evidence'][number];

/** What a question-type editor edits: a whole question, or one part of a two-part question. */
export type EditableItem = QuestionDraft | PartADraft | PartBDraft;

/** A place in the bank, as problems name it: `['questions', 2, 'options', 0, 'text']`. */
export type DataPath = readonly (string | number)[];

/** One key per path, for maps and element ids. */
export function pathKey(path: DataPath): string {
  return path.join('.');
}

/** An element id for the control that edits `path`, unique within one editor. */
export function fieldId(path: DataPath): string {
  return `bank-${path.join('-')}`;
}

/** The first of `a`, `b`, ... `z`, then `item-27`, ... that no item uses yet. */
export function nextItemId(items: readonly { id: string }[]): string {
  const used = new Set(items.map((item) => item.id));
  for (let index = 0; ; index += 1) {
    const id = index < 26 ? String.fromCharCode(97 + index) : `item-${index + 1}`;
    if (!used.has(id)) return id;
  }
}

export function newOption(options: readonly OptionDraft[]): OptionDraft {
  return { id: nextItemId(options), text: '' };
}

function options(count: number): OptionDraft[] {
  const list: OptionDraft[] = [];
  for (let index = 0; index < count; index += 1) list.push(newOption(list));
  return list;
}

function items(count: number): { id: string; text: string }[] {
  return options(count).map(({ id, text }) => ({ id, text }));
}

/** The type's own fields for a new question: the fewest entries its schema accepts, left blank. */
const NEW_TYPE_FIELDS: { [T in QuestionType]: () => Omit<QuestionDraftOf<T>, CommonKey> } = {
  single: () => ({ type: 'single', options: options(2) }),
  multiple: () => ({ type: 'multiple', options: options(3) }),
  judgement: () => ({ type: 'judgement', statement: '', answer: 'true', feedback: {} }),
  numeric: () => ({ type: 'numeric', answer: 0 }),
  short: () => ({ type: 'short', answers: [''] }),
  match: () => ({
    type: 'match',
    left: items(3).map((item) => ({ ...item, match: item.id })),
    right: items(3),
  }),
  order: () => ({ type: 'order', items: items(3) }),
  evidence: () => ({ type: 'evidence', claim: '' }),
  'two-part': () => ({
    type: 'two-part',
    partA: { type: 'single', prompt: '', options: options(2) },
    partB: { type: 'evidence', prompt: '' },
  }),
  cloze: () => ({ type: 'cloze', text: '', gaps: [{ id: 'gap-1', answers: [''] }] }),
};

type CommonKey = 'id' | 'prompt' | 'skill' | 'difficulty' | 'explanation' | 'evidence';

/** A new question of `type` with an id no question of the bank has, its texts left to write. */
export function newQuestion<T extends QuestionType>(
  type: T,
  questions: readonly { id: string }[],
): QuestionDraftOf<T> {
  const used = new Set(questions.map((question) => question.id));
  let number = questions.length + 1;
  while (used.has(`question-${number}`)) number += 1;
  const common: Pick<QuestionDraft, CommonKey> = {
    id: `question-${number}`,
    prompt: '',
    skill: 'literal',
    difficulty: 1,
    explanation: '',
    evidence: [],
  };
  // The template's type is the type's fields; with the common ones it is that type's question.
  return { ...common, ...NEW_TYPE_FIELDS[type]() } as QuestionDraftOf<T>;
}

type PartType = PartADraft['type'] | PartBDraft['type'];
export type PartDraftOf<T extends PartType> = Extract<PartADraft | PartBDraft, { type: T }>;

/**
 * A new part of `type` keeping the prompt written so far. A part has a question type's own
 * fields, except an evidence part, which backs Part A's answer and so has no claim.
 */
export function newPart<T extends PartType>(type: T, prompt: string): PartDraftOf<T> {
  const fields = type === 'evidence' ? { type } : NEW_TYPE_FIELDS[type]();
  return { ...fields, prompt } as PartDraftOf<T>;
}

const SCHEMA_COMMENT = '# yaml-language-server: $schema=../schema.json\n';

/** The bank's YAML file, as `questions/<article>/<bank>.yaml` holds it. */
export function writeDraftBank(bank: DraftBank): string {
  return SCHEMA_COMMENT + stringify(bank, { lineWidth: 0 });
}

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}

export function replaceItem<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((existing, at) => (at === index ? item : existing));
}
