import { createContext, use } from 'react';
import { SKILLS } from '../../../domain/question-kinds';
import { SKILL_LABELS } from '../../../lib/labels';
import { QUESTION_TYPE_LABELS } from '../../../lib/question-labels';
import { renderEntry } from '../../../lib/question-registry';
import type { DataPath, QuestionDraft } from '../draft-bank';
import { NumberField, SelectField, TextField } from './fields';
import { sameTypeAs, TYPE_FIELDS } from './type-fields';

const DIFFICULTIES = [
  { value: '1', label: '1 – easy' },
  { value: '2', label: '2 – medium' },
  { value: '3', label: '3 – hard' },
] as const;

/**
 * Starts a preview of one question by its id (the bank editor page's `useStartPreview`); without
 * it, the editor offers no preview.
 */
export const QuestionPreviewContext = createContext<{
  startPreview: (questionId: string) => Promise<void>;
  starting: boolean;
} | null>(null);

/**
 * One question's fields: those every question has, then its type's own (from `TYPE_FIELDS`).
 * Its evidence is chosen in the article beside it (`EvidencePicker`).
 */
export function QuestionEditor({
  question,
  path,
  evidenceText,
  onChange,
}: {
  question: QuestionDraft;
  path: DataPath;
  evidenceText: string;
  onChange: (question: QuestionDraft) => void;
}) {
  const preview = use(QuestionPreviewContext);
  return (
    <div className="question-editor">
      <h2 className="question-editor-type">{QUESTION_TYPE_LABELS[question.type]}</h2>
      {preview && (
        <p className="button-row">
          <button
            type="button"
            className="button button-small"
            // The id names the question to the server; one being typed names none yet.
            disabled={preview.starting || question.id.trim() === ''}
            onClick={() => void preview.startPreview(question.id)}
          >
            Preview this question
          </button>
        </p>
      )}
      <TextField
        path={[...path, 'prompt']}
        label="Prompt"
        hint="What the student is asked."
        multiline
        value={question.prompt}
        onChange={(prompt) => onChange({ ...question, prompt })}
      />
      {renderEntry(TYPE_FIELDS, {
        item: question,
        path,
        evidenceText,
        onChange: (next) => onChange(sameTypeAs(question, next)),
      })}
      <TextField
        path={[...path, 'explanation']}
        label="Explanation"
        hint="Why the right answer is right, shown in the review."
        multiline
        value={question.explanation}
        onChange={(explanation) => onChange({ ...question, explanation })}
      />
      <div className="question-editor-row">
        <SelectField
          path={[...path, 'skill']}
          label="Skill"
          value={question.skill}
          choices={SKILLS.map((skill) => ({ value: skill, label: SKILL_LABELS[skill] }))}
          onChange={(skill) => onChange({ ...question, skill })}
        />
        <SelectField
          path={[...path, 'difficulty']}
          label="Difficulty"
          value={String(question.difficulty) as '1' | '2' | '3'}
          choices={DIFFICULTIES}
          onChange={(difficulty) => onChange({ ...question, difficulty: Number(difficulty) })}
        />
        {question.type === 'two-part' ? null : (
          <NumberField
            path={[...path, 'points']}
            label="Points"
            value={question.points}
            onChange={(points) => onChange({ ...question, points })}
          />
        )}
      </div>
      <TextField
        path={[...path, 'id']}
        label="Question id"
        hint="Unique across every bank, like “drone-count”; never change it once students have answered."
        value={question.id}
        onChange={(id) => onChange({ ...question, id })}
      />
    </div>
  );
}
