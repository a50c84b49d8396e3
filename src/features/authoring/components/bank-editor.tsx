import { useId, useMemo, useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import type { Article } from '../../../domain/article';
import { QUESTION_TYPES, type QuestionType } from '../../../domain/question-kinds';
import { formatCount } from '../../../domain/plural';
import { QUESTION_TYPE_LABELS } from '../../../lib/question-labels';
import {
  moveItem,
  newQuestion,
  replaceItem,
  type DraftBank,
  type QuestionDraft,
} from '../draft-bank';
import { readQuotedText } from '../evidence-selection';
import { useBankValidation } from '../hooks/use-bank-validation';
import type { DraftProblem } from '../validate-draft-bank';
import { EvidencePicker } from './evidence-picker';
import { TextField } from './fields';
import { ProblemPlacesProvider } from './problems-context';
import { QuestionEditor } from './question-editor';
import '../authoring.css';

function questionLabel(question: QuestionDraft, index: number): string {
  const prompt = question.prompt.trim();
  return `Question ${index + 1}: ${prompt === '' ? QUESTION_TYPE_LABELS[question.type] : prompt}`;
}

function questionIndexOf(problem: DraftProblem): number | undefined {
  const [first, index] = problem.path;
  return first === 'questions' && typeof index === 'number' ? index : undefined;
}

/** Where a problem is, for one not shown beside its field: "question 2, options, 3, feedback". */
function describePlace(path: readonly (string | number)[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number'
        ? index === 1
          ? `question ${segment + 1}`
          : segment + 1
        : segment,
    )
    .filter((segment) => segment !== 'questions')
    .join(', ');
}

/**
 * The problems not shown beside a field on the page: other questions' as a count each, with a
 * way to them, and any others one by one with where they are.
 */
function ProblemSummary({
  problems,
  current,
  onShowQuestion,
}: {
  problems: readonly DraftProblem[];
  current: number;
  onShowQuestion: (index: number) => void;
}) {
  const headingId = useId();
  if (problems.length === 0) return null;
  const otherQuestions = new Map<number, number>();
  const here: DraftProblem[] = [];
  for (const problem of problems) {
    const index = questionIndexOf(problem);
    if (index === undefined || index === current) here.push(problem);
    else otherQuestions.set(index, (otherQuestions.get(index) ?? 0) + 1);
  }
  return (
    <section className="notice notice-warning authoring-summary" aria-labelledby={headingId}>
      <h2 id={headingId}>{formatCount(problems.length, 'problem')} to fix elsewhere in the bank</h2>
      <ul>
        {here.map((problem, index) => (
          // The same message may apply twice; its place in the list tells them apart.
          <li key={`${index}:${problem.message}`}>
            {problem.path.length > 0 ? `${describePlace(problem.path)}: ` : ''}
            {problem.message}
          </li>
        ))}
        {[...otherQuestions].map(([index, count]) => (
          <li key={`question-${index}`}>
            Question {index + 1} has {formatCount(count, 'problem')}.{' '}
            <button
              type="button"
              className="button button-small"
              onClick={() => onShowQuestion(index)}
            >
              Go to question {index + 1}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The bank editor: the bank's title and description, its list of questions (add, move, delete),
 * the chosen question's fields with the article beside it to choose evidence from, and the bank's
 * problems, checked as the teacher types, each beside the field it concerns.
 */
export function BankEditor({
  bank,
  article,
  onChange,
}: {
  bank: DraftBank;
  article: Article;
  onChange: (bank: DraftBank) => void;
}) {
  const validation = useBankValidation(bank, article);
  const [selected, setSelected] = useState(0);
  const [newType, setNewType] = useState<QuestionType>('single');
  const [deleting, setDeleting] = useState<number | undefined>();
  const typeSelectId = useId();
  const deletingQuestion = deleting === undefined ? undefined : bank.questions[deleting];
  const questions = bank.questions;
  const current = Math.min(selected, questions.length - 1);
  const question = questions[current];
  const evidenceText = useMemo(
    () => (question === undefined ? '' : readQuotedText(article, question.evidence)),
    [article, question],
  );
  const problemCounts = useMemo(() => {
    const counts = new Map<number, number>();
    for (const problem of validation.problems) {
      const index = questionIndexOf(problem);
      if (index !== undefined) counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    return counts;
  }, [validation.problems]);

  // Said only once checked: a question just added or edited is not yet known to have no problems.
  const verdict = `Question ${current + 1} has ${formatCount(problemCounts.get(current) ?? 0, 'problem').replace(/^0 /, 'no ')}.`;
  const [announced, setAnnounced] = useState('');
  if (validation.checked && announced !== verdict) setAnnounced(verdict);

  const setQuestions = (next: QuestionDraft[]) => onChange({ ...bank, questions: next });
  const setQuestion = (changed: QuestionDraft) =>
    setQuestions(replaceItem(questions, current, changed));
  const move = (from: number, to: number) => {
    setQuestions(moveItem(questions, from, to));
    setSelected(to);
  };

  return (
    <ProblemPlacesProvider problems={validation.problems}>
      {(unplaced) => (
        <div className="bank-editor">
          <ProblemSummary problems={unplaced} current={current} onShowQuestion={setSelected} />
          <section className="bank-editor-details" aria-label="About the bank">
            <TextField
              path={['title']}
              label="Bank title"
              value={bank.title}
              onChange={(title) => onChange({ ...bank, title })}
            />
            <TextField
              path={['description']}
              label="Description"
              hint="One or two sentences for the library page."
              multiline
              value={bank.description}
              onChange={(description) => onChange({ ...bank, description })}
            />
            {/* The server names a bank when it is created and keys its versions by that id. */}
            <p className="muted">Quiz id: {bank.id}</p>
          </section>
          <nav className="bank-editor-questions" aria-label="Questions">
            <ol>
              {questions.map((item, index) => {
                const count = problemCounts.get(index) ?? 0;
                return (
                  // A question's place is what the list shows; its id may be mid-edit.
                  <li key={index} className="bank-editor-question">
                    <button
                      type="button"
                      className="button button-quiet bank-editor-question-name"
                      aria-current={index === current ? 'true' : undefined}
                      onClick={() => setSelected(index)}
                    >
                      {questionLabel(item, index)}
                      {count > 0 ? ` (${formatCount(count, 'problem')})` : ''}
                      {/* Imported questions arrive without it (issue 14). */}
                      {item.evidence.length === 0 && (
                        <span className="needs-evidence"> Needs evidence</span>
                      )}
                    </button>
                    <div className="button-row">
                      <button
                        type="button"
                        className="button button-small"
                        disabled={index === 0}
                        onClick={() => move(index, index - 1)}
                      >
                        Move question {index + 1} up
                      </button>
                      <button
                        type="button"
                        className="button button-small"
                        disabled={index === questions.length - 1}
                        onClick={() => move(index, index + 1)}
                      >
                        Move question {index + 1} down
                      </button>
                      <button
                        type="button"
                        className="button button-small button-quiet"
                        disabled={questions.length === 1}
                        onClick={() => setDeleting(index)}
                      >
                        Delete question {index + 1}
                      </button>
                    </div>
                  </li>
                );
              })}
            </ol>
            <div className="bank-editor-add">
              <label className="field-label" htmlFor={typeSelectId}>
                Kind of question to add
              </label>
              <select
                id={typeSelectId}
                className="select-input"
                value={newType}
                onChange={(event) =>
                  setNewType(QUESTION_TYPES.find((type) => type === event.target.value) ?? 'single')
                }
              >
                {QUESTION_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {QUESTION_TYPE_LABELS[type]}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setQuestions([...questions, newQuestion(newType, questions)]);
                  setSelected(questions.length);
                }}
              >
                Add question
              </button>
            </div>
          </nav>
          {question === undefined ? null : (
            <section
              className="bank-editor-workspace"
              aria-label={`Editing question ${current + 1}`}
            >
              <p role="status" className="visually-hidden">
                {announced}
              </p>
              <QuestionEditor
                key={current}
                question={question}
                path={['questions', current]}
                evidenceText={evidenceText}
                onChange={setQuestion}
              />
              <EvidencePicker
                key={`evidence-${current}`}
                article={article}
                path={['questions', current, 'evidence']}
                value={question.evidence}
                onChange={(evidence) => setQuestion({ ...question, evidence })}
              />
            </section>
          )}
          <ConfirmDialog
            open={deletingQuestion !== undefined}
            title={`Delete question ${(deleting ?? 0) + 1}?`}
            confirmLabel="Delete question"
            onCancel={() => setDeleting(undefined)}
            onConfirm={() => {
              if (deleting !== undefined) {
                setQuestions(questions.filter((_, index) => index !== deleting));
                setSelected((index) => (index > deleting ? index - 1 : index));
              }
              setDeleting(undefined);
            }}
          >
            <p>
              {deletingQuestion === undefined
                ? null
                : `“${questionLabel(deletingQuestion, deleting ?? 0)}” and its evidence will be removed from the draft.`}
            </p>
          </ConfirmDialog>
        </div>
      )}
    </ProblemPlacesProvider>
  );
}
