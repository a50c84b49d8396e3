import { Link } from 'react-router';
import { formatCount } from '../domain/plural';
import { countDraftAnswers, type AttemptRecord } from '../lib/attempt-records';
import { ApiError, type BankSummary } from '../lib/api-client';
import { formatMinutes, SKILL_LABELS } from '../lib/labels';
import { getHref } from '../lib/paths';
import { useStartAttempt } from '../lib/use-start-attempt';
import './quiz-list.css';

interface QuizListProps {
  banks: BankSummary[];
  /** Attempts this device has at these quizzes, newest first. */
  attempts: AttemptRecord[];
  headingLevel: 3 | 4;
}

function describeStartError(error: unknown): string {
  return error instanceof ApiError
    ? error.message
    : 'The quiz could not be started: the server could not be reached. Try again.';
}

/** Where this device is with a quiz: the answers so far of the attempt in progress, or the last score. */
function describeProgress(
  bank: BankSummary,
  inProgress: AttemptRecord | undefined,
  lastSubmitted: AttemptRecord | undefined,
): string | null {
  if (inProgress) {
    const total = inProgress.questionCount ?? bank.questionCount;
    return `In progress: ${countDraftAnswers(inProgress.attemptId)} of ${total} answered`;
  }
  if (!lastSubmitted) return null;
  return lastSubmitted.percent === undefined
    ? 'Submitted: your results are ready'
    : `Last score: ${lastSubmitted.percent}%`;
}

/** The quizzes on one article, each with the way to start it, continue it or see its last review. */
export function QuizList({ banks, attempts, headingLevel }: QuizListProps) {
  const { startAttempt, startingBankId, error } = useStartAttempt();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';

  return (
    <ul className="quiz-list">
      {banks.map((bank) => {
        const inProgress = attempts.find((a) => a.bankId === bank.id && !a.submitted);
        const lastSubmitted = attempts.find((a) => a.bankId === bank.id && a.submitted);
        const headingId = `quiz-${bank.id}`;
        const progress = describeProgress(bank, inProgress, lastSubmitted);
        return (
          <li key={bank.id} className="quiz-item">
            <Heading id={headingId} className="quiz-item-title">
              {bank.title}
            </Heading>
            <p>{bank.description}</p>
            <p className="quiz-item-facts muted">
              {formatCount(bank.questionCount, 'question')} · about{' '}
              {formatMinutes(bank.estimatedMinutes)}
            </p>
            {progress && <p className="quiz-item-progress">{progress}</p>}
            <ul className="tag-list" aria-label="Skills practised">
              {bank.skills.map((skill) => (
                <li key={skill} className="tag">
                  {SKILL_LABELS[skill]}
                </li>
              ))}
            </ul>
            <div className="button-row">
              {inProgress ? (
                <Link
                  className="button button-primary"
                  to={getHref.quiz(inProgress.attemptId)}
                  aria-label={`Continue quiz: ${bank.title}`}
                >
                  Continue quiz
                </Link>
              ) : (
                <button
                  type="button"
                  className="button button-primary"
                  disabled={startingBankId !== null}
                  onClick={() => void startAttempt(bank.id)}
                  aria-label={`${startingBankId === bank.id ? 'Starting' : 'Start quiz'}: ${bank.title}`}
                >
                  {startingBankId === bank.id ? 'Starting…' : 'Start quiz'}
                </button>
              )}
              {lastSubmitted && (
                <Link
                  className="button button-quiet"
                  to={getHref.review(lastSubmitted.attemptId)}
                  aria-label={`See your last results: ${bank.title}`}
                >
                  See your last results
                </Link>
              )}
            </div>
            {error?.bankId === bank.id && (
              <p className="field-error" role="alert">
                {describeStartError(error.error)}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
