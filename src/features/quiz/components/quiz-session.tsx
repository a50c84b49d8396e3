import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ArticleView } from '../../../components/article-view';
import type { Article } from '../../../domain/article';
import type { QuestionResponse } from '../../../domain/responses';
import { isAnswered } from '../../../domain/validate-response';
import { api, ApiError, NetworkError, type AttemptView } from '../../../lib/api-client';
import { markAttemptSubmitted } from '../../../lib/attempt-records';
import { getHref } from '../../../lib/paths';
import { useMediaQuery } from '../../../lib/use-media-query';
import { findEvidenceTarget } from '../evidence-target';
import { useQuizShortcuts } from '../hooks/use-quiz-shortcuts';
import { AttemptDraftContext, useAttemptDraft } from '../stores/attempt-draft-context';
import { createAttemptDraftStore, type AttemptDraftStore } from '../stores/attempt-draft-store';
import { startDraftSync, type DraftSync } from '../stores/draft-sync';
import { PaneTabs, type Pane } from './pane-tabs';
import { QuestionNavigator } from './question-navigator';
import { QuestionPanel } from './question-panel';
import { QuizTimer } from './quiz-timer';
import { SaveStatusIndicator } from './save-status';
import { ShortcutsHelp } from './shortcuts-help';
import { SubmitSummary } from './submit-summary';

/** From this width the article and the question sit side by side; below it they are tabs. */
const WIDE_LAYOUT_QUERY = '(min-width: 60rem)';

interface QuizSessionProps {
  /** The quiz's title. */
  title: string;
  attempt: AttemptView;
  article: Article;
  token: string;
}

type SubmitState = { submitting: boolean; error: string | null; timeUp: boolean };

/** Creates the attempt's draft store from this device's copy, merged with the server's. */
function openDraft(attempt: AttemptView): AttemptDraftStore {
  const store = createAttemptDraftStore(attempt.attemptId);
  const draft = store.getState();
  draft.reconcile(attempt);
  const first = attempt.questions[0];
  if (first && !attempt.questions.some((question) => question.id === draft.currentQuestionId)) {
    draft.goToQuestion(first.id);
  }
  return store;
}

function describeSubmitError(error: unknown): string {
  if (error instanceof NetworkError) {
    return 'You are offline, so the answers could not be submitted. They are kept on this device: submit again when the connection is back.';
  }
  return error instanceof ApiError
    ? error.message
    : 'The answers could not be submitted. Try again.';
}

/** A quiz in progress: the article, the current question, navigation, autosave and submitting. */
export function QuizSession(props: QuizSessionProps) {
  const [store] = useState(() => openDraft(props.attempt));
  return (
    <AttemptDraftContext value={store}>
      <QuizWorkspace {...props} store={store} />
    </AttemptDraftContext>
  );
}

function QuizWorkspace({
  title,
  attempt,
  article,
  token,
  store,
}: QuizSessionProps & { store: AttemptDraftStore }) {
  const { attemptId, questions } = attempt;
  const navigate = useNavigate();
  const wide = useMediaQuery(WIDE_LAYOUT_QUERY);
  const responses = useAttemptDraft((draft) => draft.responses);
  const flaggedIds = useAttemptDraft((draft) => draft.flagged);
  const currentQuestionId = useAttemptDraft((draft) => draft.currentQuestionId);
  const saveStatus = useAttemptDraft((draft) => draft.saveStatus);
  const { setResponse, clearResponse, toggleFlag, goToQuestion } = store.getState();

  const [pane, setPane] = useState<Pane>('question');
  const [showSummary, setShowSummary] = useState(false);
  const [moved, setMoved] = useState(false);
  const [submitState, setSubmitState] = useState<SubmitState>({
    submitting: false,
    error: null,
    timeUp: false,
  });
  const syncRef = useRef<DraftSync | null>(null);
  const submittingRef = useRef(false);

  useEffect(() => {
    const sync = startDraftSync({
      store,
      save: async (questionId, response) => {
        await api.saveResponse(attemptId, token, questionId, response);
      },
      clear: async (questionId) => {
        await api.clearResponse(attemptId, token, questionId);
      },
      fetchServerAnswers: () => api.getAttempt(attemptId, token),
    });
    syncRef.current = sync;
    // What is still unsent stays in the persisted draft and goes out on the next visit.
    return () => sync.stop();
  }, [store, attemptId, token]);

  const index = Math.max(
    0,
    questions.findIndex((question) => question.id === currentQuestionId),
  );
  const question = questions[index];
  const answered = new Set(questions.filter((q) => isAnswered(responses[q.id])).map((q) => q.id));
  const flagged = new Set(flaggedIds);

  function answer(questionId: string, response: QuestionResponse | undefined) {
    if (response === undefined) clearResponse(questionId);
    else setResponse(questionId, response);
  }

  function goTo(questionId: string) {
    setShowSummary(false);
    setMoved(true);
    setPane('question');
    goToQuestion(questionId);
  }
  const previousQuestion = questions[index - 1];
  const nextQuestion = questions[index + 1];
  const goPrevious = previousQuestion ? () => goTo(previousQuestion.id) : null;
  const goNext = nextQuestion ? () => goTo(nextQuestion.id) : null;
  function openSummary() {
    setMoved(true);
    setPane('question');
    setShowSummary(true);
  }

  async function submit(reason: 'student' | 'time-up') {
    if (submittingRef.current) return;
    submittingRef.current = true;
    setSubmitState({ submitting: true, error: null, timeUp: reason === 'time-up' });
    const allSaved = (await syncRef.current?.flush()) ?? true;
    // When time is up the server keeps what it has, so submit even if the last change is stuck.
    if (!allSaved && reason === 'student') {
      const { saveStatus: status, refusal } = store.getState();
      submittingRef.current = false;
      setSubmitState({
        submitting: false,
        timeUp: false,
        error:
          status === 'offline'
            ? describeSubmitError(new NetworkError())
            : `An answer could not be saved: ${refusal ?? 'the server refused it'}.`,
      });
      return;
    }
    try {
      await api.submitAttempt(attemptId, token);
    } catch (error) {
      submittingRef.current = false;
      setSubmitState({
        submitting: false,
        timeUp: reason === 'time-up',
        error: describeSubmitError(error),
      });
      return;
    }
    syncRef.current?.stop();
    markAttemptSubmitted(attemptId);
    store.persist.clearStorage();
    await navigate(getHref.review(attemptId), { replace: true });
  }

  useQuizShortcuts({
    next: () => (goNext ? goNext() : openSummary()),
    previous: () => goPrevious?.(),
    toggleFlag: () => {
      if (question && !showSummary) toggleFlag(question.id);
    },
  });

  if (!question) {
    return <p>This quiz has no questions.</p>;
  }

  const response = responses[question.id];
  const evidenceTarget = showSummary ? null : findEvidenceTarget(question, response, article);
  const closed = submitState.timeUp || saveStatus === 'closed';

  const questionContent = submitState.timeUp ? (
    <section className="question-panel" aria-labelledby="time-up-heading">
      <h2 id="time-up-heading">Time is up</h2>
      <p role="status">
        {submitState.submitting
          ? 'Submitting your answers…'
          : (submitState.error ?? 'Your answers were submitted.')}
      </p>
      {!submitState.submitting && submitState.error && (
        <button
          type="button"
          className="button button-primary"
          onClick={() => void submit('time-up')}
        >
          Try submitting again
        </button>
      )}
    </section>
  ) : showSummary ? (
    <SubmitSummary
      questions={questions}
      answered={answered}
      flagged={flagged}
      onGoToQuestion={goTo}
      onSubmit={() => void submit('student')}
      submitting={submitState.submitting}
      submitError={submitState.error}
    />
  ) : (
    <QuestionPanel
      key={question.id}
      question={question}
      total={questions.length}
      response={response}
      onChange={(next) => answer(question.id, next)}
      flagged={flagged.has(question.id)}
      onToggleFlag={() => toggleFlag(question.id)}
      onPrevious={goPrevious}
      onNext={goNext}
      onFinish={openSummary}
      article={article}
      articlePlace={wide ? 'beside this question' : 'on the Article tab'}
      onOpenArticle={wide ? undefined : () => setPane('article')}
      focusHeading={moved}
    />
  );

  const articleContent = (
    <ArticleView
      article={article}
      headingLevel={2}
      selection={
        evidenceTarget && !closed
          ? {
              selected: new Set(evidenceTarget.selected),
              onToggle: (sentenceId) => answer(question.id, evidenceTarget.toggle(sentenceId)),
            }
          : undefined
      }
      notice={
        evidenceTarget && !closed ? (
          <div className="notice article-notice">
            <p>
              Selecting evidence for question {question.number}: press each sentence that proves the
              answer. {evidenceTarget.selected.length} selected.
            </p>
            {!wide && (
              <button
                type="button"
                className="button button-small"
                onClick={() => setPane('question')}
              >
                Back to question {question.number}
              </button>
            )}
          </div>
        ) : undefined
      }
    />
  );

  return (
    <div className="quiz">
      <div className="quiz-topbar">
        <div className="quiz-heading">
          <p className="quiz-kicker">Quiz</p>
          <h1 className="quiz-title">{title}</h1>
        </div>
        <div className="quiz-status">
          <SaveStatusIndicator />
          {attempt.deadline && (
            <QuizTimer deadline={attempt.deadline} onExpire={() => void submit('time-up')} />
          )}
        </div>
      </div>
      {saveStatus === 'closed' && (
        <div className="notice notice-danger">
          <p>
            This attempt no longer accepts answers. If it was submitted, its results are on the{' '}
            <Link to={getHref.review(attemptId)}>results page</Link>.
          </p>
        </div>
      )}
      <div className="quiz-progress">
        <p id="quiz-progress-label" className="quiz-progress-label">
          Answered {answered.size} of {questions.length}
        </p>
        <progress
          aria-labelledby="quiz-progress-label"
          max={questions.length}
          value={answered.size}
        />
      </div>
      <QuestionNavigator
        questions={questions}
        currentQuestionId={showSummary ? null : question.id}
        answered={answered}
        flagged={flagged}
        onSelect={goTo}
      />
      {wide ? (
        <div className="quiz-columns">
          <section className="quiz-article" aria-label="Article">
            {articleContent}
          </section>
          <div className="quiz-question">
            {questionContent}
            <ShortcutsHelp />
          </div>
        </div>
      ) : (
        <PaneTabs
          pane={pane}
          onSelect={setPane}
          question={questionContent}
          article={articleContent}
        />
      )}
      {!wide && <ShortcutsHelp />}
    </div>
  );
}
