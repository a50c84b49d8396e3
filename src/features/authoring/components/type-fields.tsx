import type { ReactNode } from 'react';
import { JUDGEMENT_LABELS, JUDGEMENTS } from '../../../domain/question-kinds';
import { QUESTION_TYPE_LABELS } from '../../../lib/question-labels';
import { renderEntry, type ByQuestionType } from '../../../lib/question-registry';
import {
  newOption,
  newPart,
  nextItemId,
  type DataPath,
  type EditableItem,
  type OptionDraft,
  type PartADraft,
  type PartBDraft,
} from '../draft-bank';
import { AcceptedAnswersPreview } from './accepted-answers-preview';
import { FieldGroup, ListEditor, NumberField, SelectField, TextField } from './fields';

export interface TypeFieldsProps {
  /** The data path of the item: a question's, or a part's. */
  path: DataPath;
  /** Called with the item changed; an entry always emits an item of the type it was given. */
  onChange: (item: EditableItem) => void;
  /** The text of the sentences the question's evidence names, which typed answers may borrow from. */
  evidenceText: string;
}

/** Optional text fields leave their key out when emptied, as a hand-written file would. */
function optional(text: string): string | undefined {
  return text === '' ? undefined : text;
}

/** The item an entry emitted, as the type its caller gave it (see `TypeFieldsProps.onChange`). */
export function sameTypeAs<Item extends EditableItem>(_given: Item, emitted: EditableItem): Item {
  return emitted as Item;
}

type Scoring = 'partial' | 'all-or-nothing';

function ScoringField({
  path,
  value,
  onChange,
}: {
  path: DataPath;
  value: Scoring | undefined;
  onChange: (value: Scoring) => void;
}) {
  return (
    <SelectField
      path={[...path, 'scoring']}
      label="Scoring"
      value={value ?? 'partial'}
      choices={[
        { value: 'partial', label: 'Credit for each right part' },
        { value: 'all-or-nothing', label: 'Full marks or none' },
      ]}
      onChange={onChange}
    />
  );
}

function OptionsFields({
  path,
  options,
  onlyOneRight,
  onChange,
}: {
  path: DataPath;
  options: readonly OptionDraft[];
  onlyOneRight: boolean;
  onChange: (options: OptionDraft[]) => void;
}) {
  const listPath = [...path, 'options'];
  return (
    <ListEditor
      path={listPath}
      legend={onlyOneRight ? 'Options (one is right)' : 'Options (any number are right)'}
      noun="option"
      items={options}
      min={onlyOneRight ? 2 : 3}
      max={onlyOneRight ? 8 : 10}
      newItem={newOption}
      onChange={onChange}
      renderItem={(option, index, change) => {
        const at = [...listPath, index];
        const n = index + 1;
        return (
          <FieldGroup path={at} legend={`Option ${n}`}>
            <TextField
              path={[...at, 'text']}
              label={`Option ${n} text`}
              value={option.text}
              onChange={(text) => change({ ...option, text })}
            />
            <label className="checkbox-label">
              <input
                type="checkbox"
                checked={option.correct ?? false}
                onChange={(event) => {
                  const correct = event.target.checked;
                  if (onlyOneRight && correct) {
                    // One right option: marking this one unmarks the others.
                    onChange(
                      options.map((other, at) => ({
                        ...other,
                        correct: at === index || undefined,
                      })),
                    );
                  } else {
                    change({ ...option, correct: correct || undefined });
                  }
                }}
              />
              Option {n} is right
            </label>
            <TextField
              path={[...at, 'feedback']}
              label={`Feedback for option ${n}`}
              hint="Why it is wrong, for the student who chose it (wrong options need it)."
              value={option.feedback}
              onChange={(feedback) => change({ ...option, feedback: optional(feedback) })}
            />
            <label className="checkbox-label">
              <input
                type="checkbox"
                checked={option.fixed ?? false}
                onChange={(event) =>
                  change({ ...option, fixed: event.target.checked || undefined })
                }
              />
              Keep option {n} in place when options are shuffled
            </label>
            <TextField
              path={[...at, 'id']}
              label={`Option ${n} id`}
              value={option.id}
              onChange={(id) => change({ ...option, id })}
            />
          </FieldGroup>
        );
      }}
    />
  );
}

function IdTextList<Item extends { id: string; text: string }>({
  path,
  legend,
  noun,
  items,
  onChange,
  newItem,
  extra,
}: {
  path: DataPath;
  legend: string;
  noun: string;
  items: readonly Item[];
  onChange: (items: Item[]) => void;
  newItem: (items: readonly Item[]) => Item;
  extra?: (item: Item, at: DataPath, change: (item: Item) => void, n: number) => ReactNode;
}) {
  return (
    <ListEditor
      path={path}
      legend={legend}
      noun={noun}
      items={items}
      min={3}
      newItem={newItem}
      onChange={onChange}
      renderItem={(item, index, change) => {
        const at = [...path, index];
        const name = `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${index + 1}`;
        return (
          <FieldGroup path={at} legend={name}>
            <TextField
              path={[...at, 'text']}
              label={`${name} text`}
              value={item.text}
              onChange={(text) => change({ ...item, text })}
            />
            {extra?.(item, at, change, index + 1)}
            <TextField
              path={[...at, 'id']}
              label={`${name} id`}
              value={item.id}
              onChange={(id) => change({ ...item, id })}
            />
          </FieldGroup>
        );
      }}
    />
  );
}

function AnswersFields({
  path,
  answers,
  evidenceText,
  onChange,
}: {
  path: DataPath;
  answers: readonly string[];
  evidenceText: string;
  onChange: (answers: string[]) => void;
}) {
  return (
    <>
      <ListEditor
        path={path}
        legend="Accepted answers (the first is shown as the right one)"
        noun="answer"
        items={answers}
        min={1}
        newItem={() => ''}
        onChange={onChange}
        renderItem={(answer, index, change) => (
          <TextField
            path={[...path, index]}
            label={`Accepted answer ${index + 1}`}
            value={answer}
            onChange={change}
          />
        )}
      />
      <AcceptedAnswersPreview answers={answers} evidenceText={evidenceText} />
    </>
  );
}

type ClozeGap = Extract<EditableItem, { type: 'cloze' }>['gaps'][number];

function GapFields({
  gap,
  at,
  n,
  evidenceText,
  change,
}: {
  gap: ClozeGap;
  at: DataPath;
  n: number;
  evidenceText: string;
  change: (gap: ClozeGap) => void;
}) {
  const dropDown = gap.choices !== undefined;
  return (
    <FieldGroup path={at} legend={`Gap ${n}`}>
      <TextField
        path={[...at, 'id']}
        label={`Gap ${n} id`}
        hint={`Written {{${gap.id}}} in the text where the gap goes.`}
        value={gap.id}
        onChange={(id) => change({ ...gap, id })}
      />
      <SelectField
        path={[...at, 'kind']}
        label={`Gap ${n} is answered by`}
        value={dropDown ? 'choices' : 'typed'}
        choices={[
          { value: 'typed', label: 'Typing the words' },
          { value: 'choices', label: 'Choosing from a drop-down' },
        ]}
        onChange={(kind) =>
          change(
            kind === 'typed'
              ? { id: gap.id, answers: [gap.answer ?? ''] }
              : { id: gap.id, choices: [gap.answers?.[0] ?? '', ''], answer: gap.answers?.[0] },
          )
        }
      />
      {gap.choices === undefined ? (
        <AnswersFields
          path={[...at, 'answers']}
          answers={gap.answers ?? []}
          evidenceText={evidenceText}
          onChange={(answers) => change({ ...gap, answers })}
        />
      ) : (
        <>
          <ListEditor
            path={[...at, 'choices']}
            legend={`Gap ${n} choices`}
            noun="choice"
            items={gap.choices}
            min={2}
            max={6}
            newItem={() => ''}
            onChange={(choices) => change({ ...gap, choices })}
            renderItem={(choice, index, changeChoice) => (
              <TextField
                path={[...at, 'choices', index]}
                label={`Gap ${n} choice ${index + 1}`}
                value={choice}
                onChange={changeChoice}
              />
            )}
          />
          <SelectField
            path={[...at, 'answer']}
            label={`Gap ${n} right choice`}
            value={gap.answer ?? ''}
            choices={[
              { value: '', label: 'Choose…' },
              ...gap.choices.filter(Boolean).map((choice) => ({ value: choice, label: choice })),
            ]}
            onChange={(answer) => change({ ...gap, answer: optional(answer) })}
          />
        </>
      )}
    </FieldGroup>
  );
}

const PART_A_TYPES = ['single', 'multiple', 'judgement', 'numeric', 'short'] as const;
const PART_B_TYPES = ['evidence', 'single', 'multiple'] as const;

function PartFields<Part extends PartADraft | PartBDraft>({
  part,
  label,
  types,
  path,
  evidenceText,
  onChange,
}: {
  part: Part;
  label: 'A' | 'B';
  types: readonly Part['type'][];
  path: DataPath;
  evidenceText: string;
  onChange: (part: Part) => void;
}) {
  return (
    <FieldGroup path={path} legend={`Part ${label}`}>
      <SelectField
        path={[...path, 'type']}
        label={`Part ${label} kind`}
        value={part.type}
        choices={types.map((type) => ({ value: type, label: QUESTION_TYPE_LABELS[type] }))}
        onChange={(type) => onChange(newPart(type, part.prompt) as Part)}
      />
      <TextField
        path={[...path, 'prompt']}
        label={`Part ${label} prompt`}
        multiline
        value={part.prompt}
        onChange={(prompt) => onChange({ ...part, prompt })}
      />
      <NumberField
        path={[...path, 'points']}
        label={`Part ${label} points`}
        value={part.points}
        onChange={(points) => onChange({ ...part, points })}
      />
      {renderEntry(TYPE_FIELDS, {
        item: part,
        path,
        evidenceText,
        onChange: (next) => onChange(sameTypeAs(part, next)),
      })}
    </FieldGroup>
  );
}

/**
 * Each type's own fields, for a whole question or (for the types a part may be) a part of a
 * two-part question. Typed so that a question type without an editor is a compile error.
 */
export const TYPE_FIELDS: ByQuestionType<EditableItem, TypeFieldsProps, ReactNode> = {
  single: ({ item, path, onChange }) => (
    <OptionsFields
      path={path}
      options={item.options}
      onlyOneRight
      onChange={(options) => onChange({ ...item, options })}
    />
  ),
  multiple: ({ item, path, onChange }) => (
    <>
      <OptionsFields
        path={path}
        options={item.options}
        onlyOneRight={false}
        onChange={(options) => onChange({ ...item, options })}
      />
      <ScoringField
        path={path}
        value={item.scoring}
        onChange={(scoring) => onChange({ ...item, scoring })}
      />
    </>
  ),
  judgement: ({ item, path, onChange }) => (
    <>
      <TextField
        path={[...path, 'statement']}
        label="Statement to judge"
        multiline
        value={item.statement}
        onChange={(statement) => onChange({ ...item, statement })}
      />
      <SelectField
        path={[...path, 'answer']}
        label="Right judgement"
        value={item.answer}
        choices={JUDGEMENTS.map((judgement) => ({
          value: judgement,
          label: JUDGEMENT_LABELS[judgement],
        }))}
        onChange={(answer) => onChange({ ...item, answer })}
      />
      <FieldGroup path={[...path, 'feedback']} legend="Feedback for each wrong judgement">
        {JUDGEMENTS.filter((judgement) => judgement !== item.answer).map((judgement) => (
          <TextField
            key={judgement}
            path={[...path, 'feedback', judgement]}
            label={`Feedback for “${JUDGEMENT_LABELS[judgement]}”`}
            value={item.feedback[judgement]}
            onChange={(text) =>
              onChange({ ...item, feedback: { ...item.feedback, [judgement]: optional(text) } })
            }
          />
        ))}
      </FieldGroup>
    </>
  ),
  numeric: ({ item, path, onChange }) => (
    <>
      <NumberField
        path={[...path, 'answer']}
        label="Right number"
        hint="The number exactly as the article gives it."
        value={item.answer}
        onChange={(answer) => onChange({ ...item, answer: answer ?? Number.NaN })}
      />
      <NumberField
        path={[...path, 'tolerance']}
        label="Tolerance"
        hint="How far either side is still right; 0 for a number the article states."
        value={item.tolerance}
        onChange={(tolerance) => onChange({ ...item, tolerance })}
      />
      <TextField
        path={[...path, 'unit']}
        label="Unit"
        hint="Shown after the answer box, like “drones”."
        value={item.unit}
        onChange={(unit) => onChange({ ...item, unit: optional(unit) })}
      />
    </>
  ),
  short: ({ item, path, evidenceText, onChange }) => (
    <AnswersFields
      path={[...path, 'answers']}
      answers={item.answers}
      evidenceText={evidenceText}
      onChange={(answers) => onChange({ ...item, answers })}
    />
  ),
  match: ({ item, path, onChange }) => (
    <>
      <IdTextList
        path={[...path, 'left']}
        legend="Items to pair"
        noun="item"
        items={item.left}
        onChange={(left) => onChange({ ...item, left })}
        newItem={(left) => ({ id: nextItemId(left), text: '', match: item.right[0]?.id ?? '' })}
        extra={(left, at, change, n) => (
          <SelectField
            path={[...at, 'match']}
            label={`Item ${n} pairs with`}
            value={left.match}
            choices={[
              { value: '', label: 'Choose…' },
              ...item.right.map((right, index) => ({
                value: right.id,
                label: right.text || `Partner ${index + 1}`,
              })),
            ]}
            onChange={(match) => change({ ...left, match })}
          />
        )}
      />
      <IdTextList
        path={[...path, 'right']}
        legend="Partners (may include some that pair with nothing)"
        noun="partner"
        items={item.right}
        onChange={(right) => onChange({ ...item, right })}
        newItem={(right) => ({ id: nextItemId(right), text: '' })}
      />
      <ScoringField
        path={path}
        value={item.scoring}
        onChange={(scoring) => onChange({ ...item, scoring })}
      />
    </>
  ),
  order: ({ item, path, onChange }) => (
    <>
      <IdTextList
        path={[...path, 'items']}
        legend="Items, in the right order"
        noun="item"
        items={item.items}
        onChange={(items) => onChange({ ...item, items })}
        newItem={(items) => ({ id: nextItemId(items), text: '' })}
      />
      <ScoringField
        path={path}
        value={item.scoring}
        onChange={(scoring) => onChange({ ...item, scoring })}
      />
    </>
  ),
  evidence: ({ item, path, onChange }) => (
    <>
      {'claim' in item ? (
        <TextField
          path={[...path, 'claim']}
          label="Claim to back up"
          hint="The sentences chosen as evidence are the answer key."
          multiline
          value={item.claim}
          onChange={(claim) => onChange({ ...item, claim })}
        />
      ) : null}
      <ScoringField
        path={path}
        value={item.scoring}
        onChange={(scoring) => onChange({ ...item, scoring })}
      />
    </>
  ),
  'two-part': ({ item, path, evidenceText, onChange }) => (
    <>
      <PartFields
        part={item.partA}
        label="A"
        types={PART_A_TYPES}
        path={[...path, 'partA']}
        evidenceText={evidenceText}
        onChange={(partA) => onChange({ ...item, partA })}
      />
      <PartFields
        part={item.partB}
        label="B"
        types={PART_B_TYPES}
        path={[...path, 'partB']}
        evidenceText={evidenceText}
        onChange={(partB) => onChange({ ...item, partB })}
      />
    </>
  ),
  cloze: ({ item, path, evidenceText, onChange }) => (
    <>
      <TextField
        path={[...path, 'text']}
        label="Text with gaps"
        hint="Copy a sentence from the article and write {{gap-1}} where a gap’s words are."
        multiline
        value={item.text}
        onChange={(text) => onChange({ ...item, text })}
      />
      <ListEditor
        path={[...path, 'gaps']}
        legend="Gaps"
        noun="gap"
        items={item.gaps}
        min={1}
        max={3}
        newItem={(gaps) => ({ id: `gap-${gaps.length + 1}`, answers: [''] })}
        onChange={(gaps) => onChange({ ...item, gaps })}
        renderItem={(gap, index, change) => (
          <GapFields
            gap={gap}
            at={[...path, 'gaps', index]}
            n={index + 1}
            evidenceText={evidenceText}
            change={change}
          />
        )}
      />
      <ScoringField
        path={path}
        value={item.scoring}
        onChange={(scoring) => onChange({ ...item, scoring })}
      />
    </>
  ),
};
