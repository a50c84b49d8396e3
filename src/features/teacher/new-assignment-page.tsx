import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { AppForm } from '../../components/app-form';
import { Loading } from '../../components/load-error';
import { REVIEW_TIMINGS } from '../../domain/assignment-choices';
import { decideReviewTiming } from '../../domain/assignment-rules';
import { FIELD_LIMITS } from '../../domain/field-limits';
import { api } from '../../lib/api-client';
import { assignmentApi, type Assignment } from '../../lib/assignment-api-client';
import { authoringApi } from '../../lib/authoring-api-client';
import { SKILL_LABELS } from '../../lib/labels';
import { QUESTION_TYPE_LABELS } from '../../lib/question-labels';
import { getHref } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useResource } from '../../lib/use-resource';
import {
  ATTEMPT_CHOICES,
  checkAssignmentForm,
  extraTimeFieldId,
  FIELD_IDS,
  initialAssignmentValues,
  assignmentFormValuesOf,
  type AssignmentFormValues,
  type ExtraTimeRow,
} from './assignment-form';
import {
  describedBy,
  ErrorSummary,
  FieldError,
  FieldHint,
  TextField,
  type FieldProblem,
} from '../../components/form-field';
import { RadioGroup } from '../../components/radio-group';
import { TeacherLoadError } from './components/teacher-load-error';
import { describeProblem, fieldProblemsOf, isSignedOut } from './problems';
import { COUNTED_ATTEMPT_LABELS, REVIEW_SHOW_LABELS, REVIEW_WHEN_LABELS } from './teacher-labels';
import { CheckboxField } from '../../components/checkbox-field';

const REQUEST_FIELD_IDS: Record<string, string> = {
  bankId: FIELD_IDS.bankId,
  title: FIELD_IDS.title,
  questionIds: FIELD_IDS.questionIds,
  opensAt: FIELD_IDS.opensAt,
  dueAt: FIELD_IDS.dueAt,
  timeLimitMinutes: FIELD_IDS.timeLimitMinutes,
  attemptsAllowed: FIELD_IDS.attemptsAllowed,
  reviewPolicy: FIELD_IDS.reviewPolicy,
};

const optionsOf = <V extends string>(labels: Record<V, string>) =>
  (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] }));

/**
 * The form that creates an assignment: which quiz, when, how many tries, what students see. With
 * `editing`, the same form changes that assignment's settings (its quiz stays).
 */
export function NewAssignmentPage({ editing }: { editing?: Assignment } = {}) {
  const pageTitle = editing ? 'Edit assignment' : 'New assignment';
  useDocumentTitle(pageTitle);
  const navigate = useNavigate();
  const banks = useResource({ key: 'banks', load: () => api.listBanks() });
  // `?bank=` names the quiz to start with, as the bank editor's "Assign" link does.
  const [searchParams] = useSearchParams();
  const [values, setValues] = useState<AssignmentFormValues>(() =>
    editing
      ? assignmentFormValuesOf(editing)
      : { ...initialAssignmentValues(new Date()), bankId: searchParams.get('bank') ?? '' },
  );
  // The teacher's own published quizzes; without them (an error) the shipped ones still show.
  const ownBanks = useResource({
    key: 'authoring:published-banks',
    load: () =>
      authoringApi.listBanks().then(
        (list) => list.filter((own) => own.latestVersion !== null),
        () => [],
      ),
  });
  const ownBankList = ownBanks.resource.status === 'ready' ? ownBanks.resource.data : [];
  const ownBank = ownBankList.find((own) => own.id === values.bankId);
  // A quiz of the teacher's own has no public preview to choose questions from: all are assigned.
  // Which kind the chosen quiz is is known once the teacher's list has come.
  const bankKind = ownBanks.resource.status !== 'ready' ? 'unknown' : ownBank ? 'own' : 'shipped';
  const bank = useResource({
    key: `bank:${values.bankId}:${bankKind}`,
    load: () =>
      values.bankId === '' || bankKind !== 'shipped'
        ? Promise.resolve(null)
        : assignmentApi.getBank(values.bankId),
  });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [serverProblem, setServerProblem] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const nextRowKey = useRef(1);
  const addRowButton = useRef<HTMLButtonElement>(null);
  /** The control to focus once the next render has put it on the page (a row just added). */
  const focusAfterRender = useRef<string | null>(null);
  useEffect(() => {
    if (focusAfterRender.current === null) return;
    document.getElementById(focusAfterRender.current)?.focus();
    focusAfterRender.current = null;
  });
  const errorOf = (fieldId: string) => problems.find((p) => p.fieldId === fieldId)?.message;

  const update = (changes: Partial<AssignmentFormValues>) =>
    setValues((previous) => ({ ...previous, ...changes }));
  /** The id, value, error and change handler of the text field of one setting. */
  const textFieldOf = (name: 'title' | 'opensAt' | 'dueAt' | 'timeLimitMinutes') => ({
    id: FIELD_IDS[name],
    value: values[name],
    error: errorOf(FIELD_IDS[name]),
    onChange: (event: ChangeEvent<HTMLInputElement>) => update({ [name]: event.target.value }),
  });
  const updateRow = (key: number, changes: Partial<ExtraTimeRow>) =>
    update({
      extraTime: values.extraTime.map((row) => (row.key === key ? { ...row, ...changes } : row)),
    });

  if (banks.resource.status === 'loading' || ownBanks.resource.status === 'loading') {
    return <Loading label="Loading the quizzes…" />;
  }
  if (banks.resource.status === 'error') {
    return (
      <TeacherLoadError heading={pageTitle} error={banks.resource.error} onRetry={banks.reload} />
    );
  }
  const bankList = banks.resource.data;
  const chosenBank = bank.resource.status === 'ready' ? bank.resource.data : null;
  const questions = chosenBank?.questions ?? [];

  async function submit() {
    setAttempt((count) => count + 1);
    setServerProblem(null);
    const check = checkAssignmentForm(values, {
      now: new Date(),
      bankQuestionIds: questions.map((question) => question.id),
      savedDueAt: editing?.dueAt ?? null,
    });
    if (!check.ok) {
      setProblems(check.problems);
      return;
    }
    setProblems([]);
    setSaving(true);
    try {
      if (editing) {
        // The quiz stays; "every question" is sent as the list, so narrowing back to all counts.
        const changes: Partial<typeof check.request> = { ...check.request };
        delete changes.bankId;
        await assignmentApi.updateAssignment(editing.id, {
          ...changes,
          questionIds: changes.questionIds ?? questions.map((question) => question.id),
        });
        await navigate(getHref.assignment(editing.id));
        return;
      }
      const created = await assignmentApi.createAssignment(check.request);
      await navigate(getHref.assignment(created.id));
      return;
    } catch (caught) {
      const fieldProblems = fieldProblemsOf(caught, REQUEST_FIELD_IDS);
      if (fieldProblems.length > 0) setProblems(fieldProblems);
      else setServerProblem(caught);
    }
    setSaving(false);
  }

  function chooseBank(bankId: string) {
    const titleOf = (id: string) =>
      bankList.find((candidate) => candidate.id === id)?.title ??
      ownBankList.find((candidate) => candidate.id === id)?.title;
    const previousTitle = titleOf(values.bankId);
    const title = titleOf(bankId) ?? '';
    // The quiz's title is a fine default until the teacher writes their own.
    const keepTitle = values.title.trim() !== '' && values.title !== previousTitle;
    update({
      bankId,
      questionIds: [],
      questionScope: 'all',
      title: keepTitle ? values.title : title,
    });
  }

  function addRow() {
    const row = { key: nextRowKey.current, name: '', minutes: '' };
    nextRowKey.current += 1;
    update({ extraTime: [...values.extraTime, row] });
    focusAfterRender.current = extraTimeFieldId(row, 'name');
  }

  function removeRow(key: number) {
    update({ extraTime: values.extraTime.filter((row) => row.key !== key) });
    addRowButton.current?.focus();
  }

  const chosen = new Set(values.questionIds);
  const questionsError = errorOf(FIELD_IDS.questionIds);

  return (
    <div className="assignment-form-page">
      <h1>{pageTitle}</h1>
      <p className="page-intro">
        {editing
          ? 'Change how your class takes the quiz. Its join code stays the same.'
          : 'Choose a quiz and how your class takes it. You get a join code to show the class.'}
      </p>
      <ErrorSummary problems={problems} attempt={attempt} />
      <div role="alert">
        {serverProblem !== null &&
          (isSignedOut(serverProblem) ? (
            <TeacherLoadError error={serverProblem} />
          ) : (
            <div className="notice notice-danger">
              <p>
                The assignment was not {editing ? 'changed' : 'created'}:{' '}
                {describeProblem(serverProblem)}
              </p>
            </div>
          ))}
      </div>
      <AppForm className="assignment-form" onSubmit={submit}>
        <fieldset className="card form-section">
          <legend>Quiz</legend>
          <div className="field">
            <label className="field-label" htmlFor={FIELD_IDS.bankId}>
              Quiz
            </label>
            <select
              id={FIELD_IDS.bankId}
              className="select-input"
              value={values.bankId}
              disabled={editing !== undefined}
              aria-invalid={errorOf(FIELD_IDS.bankId) ? true : undefined}
              aria-describedby={describedBy(FIELD_IDS.bankId, {
                error: errorOf(FIELD_IDS.bankId),
              })}
              onChange={(event) => chooseBank(event.target.value)}
            >
              <option value="">Choose a quiz…</option>
              {bankList.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.title} ({candidate.questionCount} questions)
                </option>
              ))}
              {ownBankList.length > 0 && (
                <optgroup label="Your quizzes">
                  {ownBankList.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {candidate.title ?? candidate.id} (version {candidate.latestVersion})
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
            <FieldError id={FIELD_IDS.bankId} error={errorOf(FIELD_IDS.bankId)} />
          </div>
          {chosenBank && <p className="muted">{chosenBank.description}</p>}
          {ownBank && (
            <p className="muted">Your quiz, as last published: all its questions are assigned.</p>
          )}
          <TextField
            {...textFieldOf('title')}
            label="Title"
            hint="What students see when they join, such as “Year 9: the Kursk article”."
            maxLength={FIELD_LIMITS.assignmentTitle}
          />
          {values.bankId !== '' && bank.resource.status === 'loading' && (
            <Loading label="Loading the questions…" />
          )}
          {bank.resource.status === 'error' && (
            <TeacherLoadError error={bank.resource.error} onRetry={bank.reload} />
          )}
          {chosenBank && (
            <>
              <RadioGroup
                id="assignment-question-scope"
                legend="Questions"
                name="question-scope"
                value={values.questionScope}
                onChange={(questionScope) => update({ questionScope })}
                options={[
                  { value: 'all', label: `All ${questions.length} questions` },
                  { value: 'some', label: 'Only the questions I choose' },
                ]}
              />
              {values.questionScope === 'some' && (
                <fieldset
                  id={FIELD_IDS.questionIds}
                  className="field question-picker"
                  tabIndex={-1}
                  aria-describedby={describedBy(FIELD_IDS.questionIds, {
                    hint: true,
                    error: questionsError,
                  })}
                >
                  <legend className="field-label">Questions to ask</legend>
                  <FieldHint id={FIELD_IDS.questionIds}>
                    {chosen.size} of {questions.length} chosen. Students get them in this order
                    unless you shuffle them.
                  </FieldHint>
                  <FieldError id={FIELD_IDS.questionIds} error={questionsError} />
                  <ol className="question-picker-list">
                    {questions.map((question) => (
                      <li key={question.id}>
                        <label className="checkbox-label">
                          <input
                            type="checkbox"
                            checked={chosen.has(question.id)}
                            onChange={(event) =>
                              update({
                                questionIds: event.target.checked
                                  ? [...values.questionIds, question.id]
                                  : values.questionIds.filter((id) => id !== question.id),
                              })
                            }
                          />
                          <span className="question-picker-text">
                            {question.number}. {question.prompt}
                            <span className="question-picker-meta">
                              {QUESTION_TYPE_LABELS[question.type]} · {SKILL_LABELS[question.skill]}{' '}
                              · {question.points} {question.points === 1 ? 'point' : 'points'}
                            </span>
                          </span>
                        </label>
                      </li>
                    ))}
                  </ol>
                </fieldset>
              )}
            </>
          )}
        </fieldset>

        <fieldset className="card form-section">
          <legend>Timing</legend>
          <TextField
            {...textFieldOf('opensAt')}
            label="Opens"
            hint="Students can join from this time."
            type="datetime-local"
          />
          <TextField
            {...textFieldOf('dueAt')}
            label="Due (optional)"
            hint="After this no one can join, and attempts still open are submitted with what was saved. Leave empty for no due time."
            type="datetime-local"
          />
          <TextField
            {...textFieldOf('timeLimitMinutes')}
            label="Time limit in minutes (optional)"
            hint="Counted from when each student starts. Leave empty for no limit."
            inputMode="numeric"
            className="text-input input-short"
          />
        </fieldset>

        <fieldset className="card form-section">
          <legend>Attempts</legend>
          <div className="field">
            <label className="field-label" htmlFor={FIELD_IDS.attemptsAllowed}>
              Attempts each student may make
            </label>
            <select
              id={FIELD_IDS.attemptsAllowed}
              className="select-input input-short"
              value={values.attemptsAllowed}
              onChange={(event) => update({ attemptsAllowed: event.target.value })}
            >
              {ATTEMPT_CHOICES.map((choice) => (
                <option key={choice} value={choice}>
                  {choice === 'unlimited' ? 'Unlimited' : choice}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={FIELD_IDS.countedAttempt}>
              Which attempt counts
            </label>
            <p className="field-hint" id={`${FIELD_IDS.countedAttempt}-hint`}>
              For students who make more than one attempt.
            </p>
            <select
              id={FIELD_IDS.countedAttempt}
              className="select-input"
              value={values.countedAttempt}
              aria-describedby={`${FIELD_IDS.countedAttempt}-hint`}
              onChange={(event) =>
                update({
                  countedAttempt: event.target.value as AssignmentFormValues['countedAttempt'],
                })
              }
            >
              {optionsOf(COUNTED_ATTEMPT_LABELS).map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        </fieldset>

        <fieldset className="card form-section">
          <legend>Shuffling</legend>
          <p className="field-hint">Shuffling makes copying from a neighbour’s screen harder.</p>
          <CheckboxField
            checked={values.shuffleQuestions}
            onChange={(shuffleQuestions) => update({ shuffleQuestions })}
          >
            Shuffle the order of the questions
          </CheckboxField>
          <CheckboxField
            checked={values.shuffleOptions}
            onChange={(shuffleOptions) => update({ shuffleOptions })}
          >
            Shuffle the options within each question
          </CheckboxField>
        </fieldset>

        <fieldset className="card form-section">
          <legend>Reading tools</legend>
          <CheckboxField
            checked={values.allowHighlights}
            onChange={(allowHighlights) => update({ allowHighlights })}
          >
            Let students highlight sentences and add notes during the quiz
          </CheckboxField>
        </fieldset>

        <fieldset className="card form-section">
          <legend>Results for students</legend>
          <RadioGroup
            id={FIELD_IDS.reviewPolicy}
            legend="When students see their results"
            name="review-when"
            value={values.reviewWhen}
            onChange={(reviewWhen) => update({ reviewWhen })}
            // "After the due time" reads "after you close the assignment" while no due time is set.
            options={REVIEW_TIMINGS.map((value) => ({
              value,
              label: REVIEW_WHEN_LABELS[decideReviewTiming(value, values.dueAt.trim() !== '')],
            }))}
            hint="You always see every answer at once."
            error={errorOf(FIELD_IDS.reviewPolicy)}
          />
          <RadioGroup
            id="assignment-review-show"
            legend="What they see"
            name="review-show"
            value={values.reviewShow}
            onChange={(reviewShow) => update({ reviewShow })}
            options={optionsOf(REVIEW_SHOW_LABELS)}
          />
        </fieldset>

        <fieldset className="card form-section" id={FIELD_IDS.extraTime}>
          <legend>Extra time</legend>
          <p className="field-hint">
            Extra minutes on the time limit for named students. Names match as students type them,
            ignoring capitals and spaces.
          </p>
          {values.extraTime.length > 0 && (
            <ul className="extra-time-list">
              {values.extraTime.map((row, index) => {
                const nameId = extraTimeFieldId(row, 'name');
                const minutesId = extraTimeFieldId(row, 'minutes');
                return (
                  <li key={row.key} className="extra-time-row">
                    <TextField
                      id={nameId}
                      label={`Student ${index + 1}: name`}
                      value={row.name}
                      autoComplete="off"
                      error={errorOf(nameId)}
                      onChange={(event) => updateRow(row.key, { name: event.target.value })}
                    />
                    <TextField
                      id={minutesId}
                      label={`Student ${index + 1}: extra minutes`}
                      inputMode="numeric"
                      className="text-input input-short"
                      value={row.minutes}
                      error={errorOf(minutesId)}
                      onChange={(event) => updateRow(row.key, { minutes: event.target.value })}
                    />
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Remove student ${index + 1}${row.name ? `: ${row.name}` : ''}`}
                      onClick={() => removeRow(row.key)}
                    >
                      Remove
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <button ref={addRowButton} type="button" className="button" onClick={addRow}>
            Add a student
          </button>
        </fieldset>

        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {editing
              ? saving
                ? 'Saving…'
                : 'Save changes'
              : saving
                ? 'Creating…'
                : 'Create assignment'}
          </button>
        </div>
      </AppForm>
    </div>
  );
}
