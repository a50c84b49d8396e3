import { Link, useParams } from 'react-router';
import { Loading } from '../../components/load-error';
import { findSentence, type Article } from '../../domain/article';
import { describeResponse } from '../../domain/describe-response';
import type { PublicQuestion } from '../../domain/public-question';
import { SKILLS } from '../../domain/question-kinds';
import type { QuestionResponse } from '../../domain/responses';
import type { AttemptResult, QuestionReview } from '../../domain/results';
import { assignmentApi, type TeacherAttempt } from '../../lib/assignment-api-client';
import { formatDateTime, formatDuration } from '../../lib/format-date-time';
import { SKILL_LABELS } from '../../lib/labels';
import { getHref } from '../../lib/paths';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useResource } from '../../lib/use-resource';
import { QuestionText } from './components/question-text';
import { TeacherLoadError } from './components/teacher-load-error';
import {
  ATTEMPT_STATE_LABELS,
  formatPercent,
  formatPoints,
  RESULT_STATUS_LABELS,
} from './teacher-labels';

/** One student's attempt as the teacher reviews it: every answer, right or wrong, and why. */
export function AttemptPage() {
  const { assignmentId = '', attemptId = '' } = useParams();
  const { resource, reload } = useResource({
    key: `teacher-attempt:${assignmentId}:${attemptId}`,
    load: () => assignmentApi.getAttempt(assignmentId, attemptId),
  });
  useDocumentTitle(
    resource.status === 'ready' ? `Attempt: ${resource.data.studentName}` : 'Attempt',
  );

  const back = (
    <p className="breadcrumb">
      <Link to={getHref.assignment(assignmentId)}>← Back to the gradebook</Link>
    </p>
  );
  if (resource.status === 'loading') return <Loading label="Loading the attempt…" />;
  if (resource.status === 'error') {
    return (
      <>
        {back}
        <h1>Attempt</h1>
        <TeacherLoadError error={resource.error} onRetry={reload} />
      </>
    );
  }
  const attempt = resource.data;
  return (
    <div className="attempt-page">
      {back}
      <p className="page-kicker">{ATTEMPT_STATE_LABELS[attempt.status]}</p>
      <h1>{attempt.studentName}</h1>
      <AttemptFacts attempt={attempt} />
      {attempt.result ? (
        <ScoredAnswers result={attempt.result} article={attempt.article} />
      ) : (
        <SavedAnswers attempt={attempt} />
      )}
    </div>
  );
}

function AttemptFacts({ attempt }: { attempt: TeacherAttempt }) {
  const { result, startedAt, submittedAt, deadline } = attempt;
  return (
    <dl className="fact-list settings-list card">
      {result && (
        <div>
          <dt>Score</dt>
          <dd>
            {formatPoints(result.total)} of {formatPoints(result.maxPoints)} points (
            {formatPercent(result.percent)})
          </dd>
        </div>
      )}
      <div>
        <dt>Started</dt>
        <dd>{formatDateTime(startedAt)}</dd>
      </div>
      {submittedAt ? (
        <div>
          <dt>Submitted</dt>
          <dd>
            {formatDateTime(submittedAt)} (after{' '}
            {formatDuration((Date.parse(submittedAt) - Date.parse(startedAt)) / 1000)})
          </dd>
        </div>
      ) : (
        deadline && (
          <div>
            <dt>Must be in by</dt>
            <dd>{formatDateTime(deadline)}</dd>
          </div>
        )
      )}
    </dl>
  );
}

function sentenceQuoter(article: Article) {
  return (sentenceId: string) => `“${findSentence(article, sentenceId)?.text ?? sentenceId}”`;
}

function ScoredAnswers({ result, article }: { result: AttemptResult; article: Article }) {
  const skills = SKILLS.flatMap((skill) => {
    const breakdown = result.bySkill[skill];
    return breakdown ? [{ skill, ...breakdown }] : [];
  });
  return (
    <>
      <section aria-labelledby="skills-heading">
        <h2 id="skills-heading">By reading skill</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Skill</th>
              <th scope="col" className="numeric">
                Questions
              </th>
              <th scope="col" className="numeric">
                Points
              </th>
            </tr>
          </thead>
          <tbody>
            {skills.map(({ skill, count, points, maxPoints }) => (
              <tr key={skill}>
                <th scope="row">{SKILL_LABELS[skill]}</th>
                <td className="numeric">{count}</td>
                <td className="numeric">
                  {formatPoints(points)} / {formatPoints(maxPoints)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">Answers</h2>
        <ol className="plain-list answer-list">
          {result.questions.map((review) => (
            <li key={review.question.id}>
              <ScoredAnswer review={review} article={article} />
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function ScoredAnswer({ review, article }: { review: QuestionReview; article: Article }) {
  const quote = sentenceQuoter(article);
  const headingId = `answer-${review.question.id}`;
  const given = describeResponse(review.question, review.response, quote);
  return (
    <article className={`card answer-card status-${review.status}`} aria-labelledby={headingId}>
      <header className="answer-card-header">
        <h3 id={headingId}>Question {review.question.number}</h3>
        <p className={`status-pill result-${review.status}`}>
          {RESULT_STATUS_LABELS[review.status]} · {formatPoints(review.points)} of{' '}
          {formatPoints(review.maxPoints)}
        </p>
      </header>
      <QuestionText question={review.question} />
      <dl className="answer-facts">
        <div>
          <dt>Answer given</dt>
          <dd>{given || <span className="muted">No answer</span>}</dd>
        </div>
        {review.status !== 'correct' && (
          <div>
            <dt>Right answer</dt>
            <dd>{describeResponse(review.question, review.correctResponse, quote)}</dd>
          </div>
        )}
        {review.feedback.length > 0 && (
          <div>
            <dt>Feedback the student got</dt>
            <dd>
              <ul className="plain-list">
                {review.feedback.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div>
          <dt>Explanation</dt>
          <dd>{review.explanation}</dd>
        </div>
        {review.evidence.length > 0 && (
          <div>
            <dt>Evidence in the article</dt>
            <dd>
              <ul className="plain-list">
                {review.evidence.map((evidence) => (
                  <li key={`${evidence.paragraphId}:${evidence.start}`}>
                    <q>{evidence.quote}</q>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
    </article>
  );
}

/** An attempt still in progress: the answers saved so far, unscored. */
function SavedAnswers({ attempt }: { attempt: TeacherAttempt }) {
  const quote = sentenceQuoter(attempt.article);
  const responses = attempt.responses as Record<string, QuestionResponse>;
  return (
    <section aria-labelledby="answers-heading">
      <h2 id="answers-heading">Answers saved so far</h2>
      <p className="muted">The attempt is scored when it is submitted.</p>
      <ol className="plain-list answer-list">
        {attempt.questions.map((question: PublicQuestion) => {
          const given = describeResponse(question, responses[question.id], quote);
          const savedAt = attempt.savedAt[question.id];
          return (
            <li key={question.id}>
              <article className="card answer-card" aria-labelledby={`answer-${question.id}`}>
                <h3 id={`answer-${question.id}`}>Question {question.number}</h3>
                <QuestionText question={question} />
                <dl className="answer-facts">
                  <div>
                    <dt>Answer so far</dt>
                    <dd>{given || <span className="muted">No answer yet</span>}</dd>
                  </div>
                  {savedAt && (
                    <div>
                      <dt>Saved</dt>
                      <dd>{formatDateTime(savedAt)}</dd>
                    </div>
                  )}
                </dl>
              </article>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
