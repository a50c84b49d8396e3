import type { ReactNode } from 'react';
import { formatCount } from '../../../domain/plural';
import { SKILL_LABELS } from '../../../lib/labels';
import { QUESTION_TYPE_LABELS } from '../../../lib/question-labels';
import {
  describeDiscrimination,
  describeFacility,
  findTopDistractor,
  formatRatio,
  type ItemStatistics,
} from '../statistics-labels';
import { formatShare } from '../teacher-labels';
import { Detail } from '../../../components/detail';

/** A share from 0 to 1 as a bar, drawn with SVG attributes (the CSP allows no inline styles). */
function ShareBar({ share, correct }: { share: number | null; correct: boolean }) {
  return (
    <svg className="share-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
      <rect className="share-bar-track" x={0} y={0} width={100} height={10} />
      <rect
        className={correct ? 'share-bar-fill is-correct' : 'share-bar-fill'}
        x={0}
        y={0}
        width={(share ?? 0) * 100}
        height={10}
      />
    </svg>
  );
}

/**
 * One question's analysis: how many earned its marks (facility), whether it told stronger readers
 * from weaker ones (discrimination), and for choice questions how often each option was taken,
 * naming the wrong option that caught the most students; `children` follow (typed answers).
 */
export function ItemStatisticsCard({
  item,
  number,
  children,
}: {
  item: ItemStatistics;
  number: number;
  /** More about the question, below its figures: the wrong typed answers to accept. */
  children?: ReactNode;
}) {
  const headingId = `item-${item.questionId}`;
  const topDistractor = findTopDistractor(item);
  const { correct, partial, incorrect, unanswered } = item.statusCounts;

  return (
    <article className="card item-statistics" aria-labelledby={headingId}>
      <h3 id={headingId}>Question {number}</h3>
      <p className="item-prompt">{item.prompt}</p>
      <p className="muted">
        {QUESTION_TYPE_LABELS[item.type]} · {SKILL_LABELS[item.skill]} ·{' '}
        {formatCount(item.maxPoints, 'point')}
      </p>
      <dl className="item-figures">
        <Detail term="Facility">
          {formatShare(item.facility)}{' '}
          <span className="muted">({describeFacility(item.facility)})</span>
        </Detail>
        <Detail term="Discrimination">
          {formatRatio(item.discrimination)}{' '}
          <span className="muted">({describeDiscrimination(item.discrimination)})</span>
        </Detail>
        <Detail term="Answers">
          {correct} right · {partial} partly right · {incorrect} wrong · {unanswered} not answered
        </Detail>
      </dl>
      {topDistractor && (
        <p className="notice notice-warning distractor-note">
          The wrong answer chosen most: “{topDistractor.text}”, by{' '}
          {formatCount(topDistractor.count, 'student')} ({formatShare(topDistractor.share)}).
        </p>
      )}
      {item.options.length > 0 && (
        <table className="data-table option-table">
          <caption>How often each option was chosen in question {number}</caption>
          <thead>
            <tr>
              <th scope="col">Option</th>
              <th scope="col" className="numeric">
                Chosen by
              </th>
              <th scope="col" className="numeric">
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {item.options.map((option) => (
              <tr key={option.id} className={option.correct ? 'is-correct' : undefined}>
                <th scope="row">
                  {option.text}
                  {option.correct && (
                    <>
                      {' '}
                      <span className="right-answer-tag">(right answer)</span>
                    </>
                  )}
                  {/* Under the option's text, not in a column of its own, so on a phone the
                      text keeps the width and does not squeeze to a word per line. */}
                  <ShareBar share={option.share} correct={option.correct} />
                </th>
                <td className="numeric">{option.count}</td>
                <td className="numeric">{formatShare(option.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {children}
    </article>
  );
}
