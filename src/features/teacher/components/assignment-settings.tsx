import { decideReviewTiming } from '../../../domain/assignment-rules';
import type { Assignment } from '../../../lib/assignment-api-client';
import { formatDateTime } from '../../../lib/format-date-time';
import { formatMinutes } from '../../../lib/labels';
import {
  COUNTED_ATTEMPT_LABELS,
  formatAttemptsAllowed,
  REVIEW_SHOW_LABELS,
  REVIEW_WHEN_LABELS,
} from '../teacher-labels';

function describeShuffling({ shuffleQuestions, shuffleOptions }: Assignment): string {
  if (shuffleQuestions && shuffleOptions) return 'Questions and options';
  if (shuffleQuestions) return 'Questions only';
  if (shuffleOptions) return 'Options only';
  return 'No shuffling';
}

function describeReview({ reviewPolicy, dueAt }: Assignment): string {
  if (reviewPolicy.when === 'never') return 'Nothing: the results are for you only';
  const when = decideReviewTiming(reviewPolicy.when, dueAt !== null);
  return `${REVIEW_SHOW_LABELS[reviewPolicy.show]}, ${REVIEW_WHEN_LABELS[when].toLowerCase()}`;
}

/** What the teacher chose for an assignment, as a list of settings. */
export function AssignmentSettings({ assignment }: { assignment: Assignment }) {
  const extraTime = Object.entries(assignment.extraTime);
  return (
    <dl className="fact-list settings-list">
      <div>
        <dt>Quiz</dt>
        <dd>
          {assignment.bankTitle} · {assignment.questionCount}{' '}
          {assignment.questionCount === 1 ? 'question' : 'questions'} · {assignment.maxPoints}{' '}
          points
        </dd>
      </div>
      <div>
        <dt>Article</dt>
        <dd>{assignment.articleTitle}</dd>
      </div>
      <div>
        <dt>Opens</dt>
        <dd>{formatDateTime(assignment.opensAt)}</dd>
      </div>
      <div>
        <dt>Due</dt>
        <dd>{assignment.dueAt ? formatDateTime(assignment.dueAt) : 'No due time'}</dd>
      </div>
      <div>
        <dt>Time limit</dt>
        <dd>
          {assignment.timeLimitMinutes === null
            ? 'None'
            : formatMinutes(assignment.timeLimitMinutes)}
        </dd>
      </div>
      <div>
        <dt>Attempts</dt>
        <dd>
          {formatAttemptsAllowed(assignment.attemptsAllowed)} per student
          {assignment.attemptsAllowed !== 1 &&
            ` · counts: ${COUNTED_ATTEMPT_LABELS[assignment.countedAttempt].toLowerCase()}`}
        </dd>
      </div>
      <div>
        <dt>Shuffled</dt>
        <dd>{describeShuffling(assignment)}</dd>
      </div>
      <div>
        <dt>Students see</dt>
        <dd>{describeReview(assignment)}</dd>
      </div>
      {extraTime.length > 0 && (
        <div>
          <dt>Extra time</dt>
          <dd>
            <ul className="plain-list">
              {extraTime.map(([name, minutes]) => (
                <li key={name}>
                  {name}: {formatMinutes(minutes)}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
    </dl>
  );
}
