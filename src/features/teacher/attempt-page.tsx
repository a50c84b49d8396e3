import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { AnswerView } from '../../components/answer-view';
import { Kicker } from '../../components/kicker';
import { Loading } from '../../components/load-error';
import { QuestionAnswers } from '../../components/question-answers';
import { QuestionText } from '../../components/question-text';
import { StatusBadge } from '../../components/status-badge';
import type { Article } from '../../domain/article';
import { formatOrdinal } from '../../domain/number-words';
import type { PublicQuestion } from '../../domain/public-question';
import { SKILLS } from '../../domain/question-kinds';
import type { QuestionResponse } from '../../domain/responses';
import type { AttemptResult, QuestionReview } from '../../domain/results';
import { assignmentApi, type TeacherAttempt } from '../../lib/assignment-api-client';
import { formatDateTime, formatDuration } from '../../lib/format-date-time';
import { formatPoints, formatPointsOf } from '../../lib/format-points';
import { getHref } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useResource } from '../../lib/use-resource';
import { ActionProblem } from './components/action-problem';
import { SkillTable } from './components/skill-table';
import { TeacherLoadError } from './components/teacher-load-error';
import { useTeacherAction } from './hooks/use-teacher-action';
import { ATTEMPT_STATE_LABELS, formatPercent } from './teacher-labels';
import { Detail } from '../../components/detail';
import { HighlightsList } from './components/highlights-list';

/** One student's attempt as the teacher reviews it: every answer, right or wrong, and why. */
export function AttemptPage() {
  const { assignmentId = '', attemptId = '' } = useParams();
  const { resource, reload } = useResource({
    key: `teacher-attempt:${assignmentId}:${attemptId}`,
    load: () => assignmentApi.getAttempt(assignmentId, attemptId),
  });
  // The assignment's questions in bank order: the numbering every teacher page, CSV and print use.
  const assignment = useResource({
    key: `assignment:${assignmentId}`,
    load: () => assignmentApi.getAssignment(assignmentId),
  });
  useDocumentTitle(
    resource.status === 'ready' ? `Attempt: ${resource.data.studentName}` : 'Attempt',
  );

  const back = (
    <p className="breadcrumb">
      <Link to={getHref.assignment(assignmentId)}>← Back to the gradebook</Link>
    </p>
  );
  if (resource.status === 'loading' || assignment.resource.status === 'loading') {
    return <Loading label="Loading the attempt…" />;
  }
  const failed =
    resource.status === 'error'
      ? { error: resource.error, retry: reload }
      : assignment.resource.status === 'error'
        ? { error: assignment.resource.error, retry: assignment.reload }
        : null;
  if (failed || resource.status !== 'ready' || assignment.resource.status !== 'ready') {
    return (
      <>
        {back}
        <h1>Attempt</h1>
        <TeacherLoadError error={failed?.error} onRetry={failed?.retry ?? reload} />
      </>
    );
  }
  const attempt = resource.data;
  const numbering = bankNumbering(assignment.resource.data.questionIds);
  return (
    <div className="attempt-page">
      {back}
      <Kicker>{ATTEMPT_STATE_LABELS[attempt.status]}</Kicker>
      <h1>{attempt.studentName}</h1>
      <AttemptFacts attempt={attempt} />
      <RemoveAttempt assignmentId={assignmentId} attempt={attempt} />
      {attempt.result ? (
        <ScoredAnswers
          assignmentId={assignmentId}
          result={attempt.result}
          article={attempt.article}
          numbering={numbering}
        />
      ) : (
        <SavedAnswers attempt={attempt} numbering={numbering} />
      )}
      <HighlightsList highlights={attempt.highlights} article={attempt.article} />
    </div>
  );
}

/** Question numbers as the teacher pages give them: the position in the bank, from 1. */
interface Numbering {
  numberOf: (questionId: string) => number;
  /** The questions in bank order (a copy; questions outside the bank keep their place last). */
  sort: <T>(items: T[], idOf: (item: T) => string) => T[];
}

function bankNumbering(questionIds: string[]): Numbering {
  const positions = new Map(questionIds.map((id, index) => [id, index + 1]));
  const numberOf = (questionId: string) => positions.get(questionId) ?? questionIds.length + 1;
  return {
    numberOf,
    sort: (items, idOf) => [...items].sort((a, b) => numberOf(idOf(a)) - numberOf(idOf(b))),
  };
}

/**
 * The heading of an answer: its number in the bank, and where the student saw it when their
 * questions were shuffled ("shown 4th"), so a teacher can match what the student describes.
 */
function AnswerHeading({
  id,
  question,
  numbering,
}: {
  id: string;
  question: PublicQuestion;
  numbering: Numbering;
}) {
  const number = numbering.numberOf(question.id);
  return (
    <>
      <h3 id={id}>Question {number}</h3>
      {question.number !== number && (
        <p className="muted answer-shown-as">shown {formatOrdinal(question.number)}</p>
      )}
    </>
  );
}

/**
 * Removes a stray attempt (a test run, a misspelt name) once the teacher confirms. The server
 * keeps who removed it and when; the assignment page lists it under "Removed attempts".
 */
function RemoveAttempt({
  assignmentId,
  attempt,
}: {
  assignmentId: string;
  attempt: TeacherAttempt;
}) {
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const { busy, problem, act } = useTeacherAction();

  function remove() {
    setConfirming(false);
    return act(async () => {
      await assignmentApi.removeAttempt(assignmentId, attempt.attemptId);
      await navigate(getHref.assignment(assignmentId), { replace: true });
    });
  }

  return (
    <>
      <p className="button-row">
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          onClick={() => setConfirming(true)}
        >
          Remove this attempt
        </button>
      </p>
      <ActionProblem problem={problem} />
      <ConfirmDialog
        open={confirming}
        title={`Remove ${attempt.studentName}’s attempt?`}
        confirmLabel="Remove it"
        cancelLabel="Keep it"
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          It leaves the gradebook, the statistics and the downloads, and {attempt.studentName} can
          start again. A record of who removed it and when stays under “Removed attempts” on the
          assignment page.
        </p>
      </ConfirmDialog>
    </>
  );
}

function AttemptFacts({ attempt }: { attempt: TeacherAttempt }) {
  const { result, startedAt, submittedAt, deadline } = attempt;
  return (
    <dl className="fact-list settings-list card">
      {result && (
        <Detail term="Score">
          {formatPoints(result.total)} of {formatPoints(result.maxPoints)} points (
          {formatPercent(result.percent)})
        </Detail>
      )}
      <Detail term="Started">{formatDateTime(startedAt)}</Detail>
      {submittedAt ? (
        <Detail term="Submitted">
          {formatDateTime(submittedAt)} (after{' '}
          {formatDuration((Date.parse(submittedAt) - Date.parse(startedAt)) / 1000)})
        </Detail>
      ) : (
        deadline && <Detail term="Must be in by">{formatDateTime(deadline)}</Detail>
      )}
    </dl>
  );
}

function ScoredAnswers({
  assignmentId,
  result,
  article,
  numbering,
}: {
  assignmentId: string;
  result: AttemptResult;
  article: Article;
  numbering: Numbering;
}) {
  const skills = SKILLS.flatMap((skill) => {
    const breakdown = result.bySkill[skill];
    if (!breakdown) return [];
    const { count, points, maxPoints } = breakdown;
    const score = `${formatPoints(points)} / ${formatPoints(maxPoints)}`;
    return [{ skill, questionCount: count, score }];
  });
  return (
    <>
      <SkillTable scoreHeading="Points" rows={skills} />
      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">Answers</h2>
        <ol className="plain-list answer-cards">
          {numbering
            .sort(result.questions, (review) => review.question.id)
            .map((review) => (
              <li key={review.question.id}>
                <ScoredAnswer
                  assignmentId={assignmentId}
                  review={review}
                  article={article}
                  numbering={numbering}
                />
              </li>
            ))}
        </ol>
      </section>
    </>
  );
}

function ScoredAnswer({
  assignmentId,
  review,
  article,
  numbering,
}: {
  assignmentId: string;
  review: QuestionReview;
  article: Article;
  numbering: Numbering;
}) {
  const headingId = `answer-${review.question.id}`;
  return (
    <article className={`card answer-card status-${review.status}`} aria-labelledby={headingId}>
      <header className="answer-card-header">
        <AnswerHeading id={headingId} question={review.question} numbering={numbering} />
        <StatusBadge status={review.status} />
        <p>{formatPointsOf(review.points, review.maxPoints)}</p>
      </header>
      <QuestionText question={review.question} />
      <QuestionAnswers review={review} article={article} reader="teacher">
        {review.evidence.length > 0 && (
          <Detail term="Evidence in the article">
            <ul className="plain-list">
              {review.evidence.map((evidence) => (
                <li key={`${evidence.paragraphId}:${evidence.start}`}>
                  <q>{evidence.quote}</q>
                </li>
              ))}
            </ul>
          </Detail>
        )}
      </QuestionAnswers>
      {isRegraded(review) && (
        <p className="notice regraded-answer">
          Regraded: you accepted this typed answer.{' '}
          <Link to={getHref.assignmentStatistics(assignmentId)}>
            Undo it under “Regrade history” on the statistics page
          </Link>
          .
        </p>
      )}
    </article>
  );
}

/** A regrade made the typed answer (or one of its gaps) right: docs/scoring.md, Regrading. */
function isRegraded(review: QuestionReview): boolean {
  return (
    review.acceptedByTeacher === true ||
    (review.gaps ?? []).some((gap) => gap.acceptedByTeacher === true)
  );
}

/** An attempt still in progress: the answers saved so far, unscored. */
function SavedAnswers({ attempt, numbering }: { attempt: TeacherAttempt; numbering: Numbering }) {
  const responses = attempt.responses as Record<string, QuestionResponse>;
  return (
    <section aria-labelledby="answers-heading">
      <h2 id="answers-heading">Answers saved so far</h2>
      <p className="muted">The attempt is scored when it is submitted.</p>
      <ol className="plain-list answer-cards">
        {numbering
          .sort(attempt.questions, (question) => question.id)
          .map((question) => {
            const savedAt = attempt.savedAt[question.id];
            return (
              <li key={question.id}>
                <article className="card answer-card" aria-labelledby={`answer-${question.id}`}>
                  <AnswerHeading
                    id={`answer-${question.id}`}
                    question={question}
                    numbering={numbering}
                  />
                  <QuestionText question={question} />
                  <dl className="question-answers">
                    <Detail term="Answer so far">
                      <AnswerView
                        item={question}
                        response={responses[question.id]}
                        article={attempt.article}
                      />
                    </Detail>
                    {savedAt && <Detail term="Saved">{formatDateTime(savedAt)}</Detail>}
                  </dl>
                </article>
              </li>
            );
          })}
      </ol>
    </section>
  );
}
