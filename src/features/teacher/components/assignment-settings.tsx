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
import { Detail } from '../../../components/detail';

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
      <Detail term="Quiz">
        {assignment.bankTitle} · {assignment.questionCount}{' '}
        {assignment.questionCount === 1 ? 'question' : 'questions'} · {assignment.maxPoints} points
      </Detail>
      <Detail term="Article">{assignment.articleTitle}</Detail>
      <Detail term="Opens">{formatDateTime(assignment.opensAt)}</Detail>
      <Detail term="Due">
        {assignment.dueAt ? formatDateTime(assignment.dueAt) : 'No due time'}
      </Detail>
      <Detail term="Time limit">
        {assignment.timeLimitMinutes === null ? 'None' : formatMinutes(assignment.timeLimitMinutes)}
      </Detail>
      <Detail term="Attempts">
        {formatAttemptsAllowed(assignment.attemptsAllowed)} per student
        {assignment.attemptsAllowed !== 1 &&
          ` · counts: ${COUNTED_ATTEMPT_LABELS[assignment.countedAttempt].toLowerCase()}`}
      </Detail>
      <Detail term="Shuffled">{describeShuffling(assignment)}</Detail>
      <Detail term="Highlights and notes">
        {assignment.allowHighlights ? 'Allowed' : 'Turned off'}
      </Detail>
      <Detail term="Students see">{describeReview(assignment)}</Detail>
      {extraTime.length > 0 && (
        <Detail term="Extra time">
          <ul className="plain-list">
            {extraTime.map(([name, minutes]) => (
              <li key={name}>
                {name}: {formatMinutes(minutes)}
              </li>
            ))}
          </ul>
        </Detail>
      )}
    </dl>
  );
}
