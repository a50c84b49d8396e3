import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Link, useNavigate } from 'react-router';
import { Kicker } from '../../../components/kicker';
import { PreviewBanner } from '../../../components/preview-banner';
import { ArticleView } from '../../../components/article-view';
import { useHighlighting } from '../../../components/use-highlighting';
import type { Article } from '../../../domain/article';
import type { QuestionResponse } from '../../../domain/responses';
import { isAnswered } from '../../../domain/question-types/response-kinds';
import { api, ApiError, NetworkError, type AttemptView } from '../../../lib/api-client';
import { markAttemptSubmitted } from '../../../lib/attempt-records';
import { takeReaderHighlights } from '../../../lib/reader-highlights';
import { getHref } from '../../../lib/paths';
import { useMediaQuery } from '../../../lib/use-media-query';
import { findEvidenceTarget } from '../evidence-target';
import { WIDE_LAYOUT_QUERY } from '../layout';
import { useQuizShortcuts } from '../hooks/use-quiz-shortcuts';
import { useStickyLayout } from '../hooks/use-sticky-layout';
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

interface QuizSessionProps {
  /** The quiz's title. */
  title: string;
  attempt: AttemptView;
  article: Article;
  token: string;
}

type SubmitState = {
  submitting: boolean;
  error: string | null;
  timeUp: boolean;
  /** The time ran out and the server took the saved answers. */
  submittedAtTimeUp?: boolean;
};

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
  const highlightsByKey = useAttemptDraft((draft) => draft.highlights);
  const { setResponse, clearResponse, toggleFlag, goToQuestion, setHighlight, removeHighlight } =
    store.getState();

  const [pane, setPane] = useState<Pane>('question');
  const [showSummary, setShowSummary] = useState(false);
  const [navigatorOpen, setNavigatorOpen] = useState(false);
  const [submitState, setSubmitState] = useState<SubmitState>({
    submitting: false,
    error: null,
    timeUp: false,
  });
  const syncRef = useRef<DraftSync | null>(null);
  const submittingRef = useRef(false);
  const barRef = useRef<HTMLDivElement>(null);
  const questionColumnRef = useRef<HTMLDivElement>(null);
  const questionHeadingRef = useRef<HTMLHeadingElement>(null);
  const articleNoticeRef = useRef<HTMLDivElement>(null);
  const navigatorToggleRef = useRef<HTMLButtonElement>(null);
  const { columnFits } = useStickyLayout(barRef, questionColumnRef, wide ? 'columns' : 'tabs');

  useEffect(() => {
    const sync = startDraftSync({
      store,
      save: async (questionId, response) => {
        await api.saveResponse(attemptId, token, questionId, response);
      },
      clear: async (questionId) => {
        await api.clearResponse(attemptId, token, questionId);
      },
      saveHighlight: async ({ key, colour, note }) => {
        await api.saveHighlight(attemptId, token, key, { colour, note });
      },
      removeHighlight: async (key) => {
        await api.removeHighlight(attemptId, token, key);
      },
      fetchServerAnswers: () => api.getAttempt(attemptId, token),
    });
    syncRef.current = sync;
    // What is still unsent stays in the persisted draft and goes out on the next visit.
    return () => sync.stop();
  }, [store, attemptId, token]);

  // What the student highlighted in the reader on this version of the article joins the attempt
  // once, saved like the student's own highlights here.
  const mayHighlight = attempt.assignment?.allowHighlights ?? true;
  useEffect(() => {
    if (!mayHighlight) return;
    const existing = Object.values(store.getState().highlights);
    for (const highlight of takeReaderHighlights(article, attemptId, existing)) {
      store.getState().setHighlight(highlight);
    }
  }, [store, article, attemptId, mayHighlight]);

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
    setNavigatorOpen(false);
    setPane('question');
    goToQuestion(questionId);
  }
  const previousQuestion = questions[index - 1];
  const nextQuestion = questions[index + 1];
  const goPrevious = previousQuestion ? () => goTo(previousQuestion.id) : null;
  const goNext = nextQuestion ? () => goTo(nextQuestion.id) : null;
  function openSummary() {
    setNavigatorOpen(false);
    setPane('question');
    setShowSummary(true);
  }

  /**
   * Takes a keyboard user from the question to the article's sentences (which come before the
   * question beside it, or sit on the other tab) and back: focus lands on the notice that says
   * what to select, the sentences follow it.
   */
  function showArticle() {
    flushSync(() => setPane('article'));
    articleNoticeRef.current?.focus();
  }
  function showQuestion() {
    flushSync(() => setPane('question'));
    questionHeadingRef.current?.focus();
  }

  function closeNavigator() {
    setNavigatorOpen(false);
    navigatorToggleRef.current?.focus();
  }

  async function submit(reason: 'student' | 'time-up') {
    if (submittingRef.current) return;
    submittingRef.current = true;
    // The time-up message replaces the question: make sure it is the pane on screen.
    if (reason === 'time-up') setPane('question');
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
    if (reason === 'time-up') {
      // Say what happened before the results: the student did not press Submit.
      setSubmitState({ submitting: false, error: null, timeUp: true, submittedAtTimeUp: true });
      return;
    }
    await navigate(getHref.review(attemptId), { replace: true });
  }

  const highlighting = useHighlighting({
    article,
    highlights: Object.values(highlightsByKey),
    onSave: setHighlight,
    onRemove: removeHighlight,
    allowed: mayHighlight && !submitState.timeUp && saveStatus !== 'closed',
  });

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
    <TimeUpPanel
      state={submitState}
      resultsHref={getHref.review(attemptId)}
      onRetry={() => void submit('time-up')}
    />
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
      onOpenArticle={showArticle}
      headingRef={questionHeadingRef}
    />
  );

  const articleContent = (
    <>
      {highlighting.modeButton && <div className="highlight-mode">{highlighting.modeButton}</div>}
      <ArticleView
        article={article}
        headingLevel={2}
        withSettings
        renderWords={highlighting.renderWords}
        afterSentence={highlighting.afterSentence}
        masked={
          question.type === 'cloze' && !closed ? new Set(question.maskedSentenceIds) : undefined
        }
        selection={
          highlighting.selection ??
          (evidenceTarget && !closed
            ? {
                selected: new Set(evidenceTarget.selected),
                onToggle: (sentenceId) => answer(question.id, evidenceTarget.toggle(sentenceId)),
              }
            : undefined)
        }
        notice={
          highlighting.notice ??
          (evidenceTarget && !closed ? (
            <div className="notice article-notice" ref={articleNoticeRef} tabIndex={-1}>
              <p>
                Selecting evidence for question {question.number}: press each sentence that proves
                the answer. {evidenceTarget.selected.length} selected.
              </p>
              <button type="button" className="button button-small" onClick={showQuestion}>
                Back to question {question.number}
              </button>
            </div>
          ) : undefined)
        }
      />
    </>
  );

  const navigator = (
    <QuestionNavigator
      id="question-navigator"
      questions={questions}
      currentQuestionId={showSummary ? null : question.id}
      answered={answered}
      flagged={flagged}
      onSelect={goTo}
      hidden={!wide && !navigatorOpen}
      onEscape={wide ? undefined : closeNavigator}
    />
  );

  return (
    <div className="quiz">
      {attempt.preview && <PreviewBanner bankId={attempt.bankId} />}
      <div className="quiz-heading">
        <Kicker className="quiz-kicker">Quiz</Kicker>
        <h1 className="quiz-title">{title}</h1>
      </div>
      {/* Sticky: the progress, the save status and the time stay in sight while scrolling. */}
      <div className="quiz-bar" ref={barRef}>
        <div className="quiz-bar-row">
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
          {!wide && (
            <button
              ref={navigatorToggleRef}
              type="button"
              className="button button-small navigator-toggle"
              aria-expanded={navigatorOpen}
              aria-controls="question-navigator"
              onClick={() => setNavigatorOpen((open) => !open)}
            >
              All questions
              <span className="navigator-toggle-icon" aria-hidden="true" />
            </button>
          )}
          <div className="quiz-status">
            <SaveStatusIndicator />
            {attempt.deadline && (
              <QuizTimer deadline={attempt.deadline} onExpire={() => void submit('time-up')} />
            )}
          </div>
        </div>
        {/* On a phone the navigator opens on demand, under the bar wherever the page is. */}
        {!wide && navigator}
      </div>
      {wide && navigator}
      {saveStatus === 'closed' && (
        <div className="notice notice-danger">
          <p>
            This attempt no longer accepts answers. If it was submitted, its results are on the{' '}
            <Link to={getHref.review(attemptId)}>results page</Link>.
          </p>
        </div>
      )}
      {wide ? (
        <div className="quiz-columns">
          <section className="quiz-article" aria-label="Article">
            {articleContent}
          </section>
          <div
            ref={questionColumnRef}
            className={columnFits ? 'quiz-question is-sticky' : 'quiz-question'}
          >
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

/** Replaces the question when the time runs out: what happened to the answers, then the results. */
function TimeUpPanel({
  state,
  resultsHref,
  onRetry,
}: {
  state: SubmitState;
  resultsHref: string;
  onRetry: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="question-panel time-up" aria-labelledby="time-up-heading">
      <h2 id="time-up-heading" ref={headingRef} tabIndex={-1}>
        Time’s up
      </h2>
      <p role="status">
        {state.submitting
          ? 'Time’s up — submitting your saved answers…'
          : (state.error ?? 'Time’s up — your saved answers were submitted.')}
      </p>
      {state.submittedAtTimeUp && (
        <p>
          <Link className="button button-primary" to={resultsHref} replace>
            See your results
          </Link>
        </p>
      )}
      {!state.submitting && state.error && (
        <button type="button" className="button button-primary" onClick={onRetry}>
          Try submitting again
        </button>
      )}
    </section>
  );
}
