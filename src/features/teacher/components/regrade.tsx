import type { Ref } from 'react';
import type { AcceptedAnswer, TypedAnswerTally } from '../../../lib/assignment-api-client';
import { formatDateTime } from '../../../lib/format-date-time';
import { TableHead } from '../../../components/table-head';
import { describeAnswerPlace, findLiveAcceptance } from '../regrade-labels';
import { ActionProblem } from './action-problem';
import { ScrollTable } from './scroll-table';

/** What the regrade controls ask the page to do. */
export interface RegradeActions {
  /** Asks to accept a wrong typed answer: the page confirms first. */
  onAccept: (tally: TypedAnswerTally) => void;
  onUndo: (acceptance: AcceptedAnswer) => void;
}

/**
 * The wrong typed answers of one question (a short answer, or a cloze's typed gaps), each with
 * how many submitted attempts gave it and a button to accept it; an accepted one can be undone
 * in place. The button keeps its place as it turns from one to the other, so focus stays on it.
 */
export function TypedAnswerTable({
  number,
  answers,
  history,
  status,
  problem,
  onAccept,
  onUndo,
}: RegradeActions & {
  number: number;
  answers: readonly TypedAnswerTally[];
  /** The regrade history, once loaded: what an accepted answer's Undo undoes. */
  history: readonly AcceptedAnswer[] | null;
  /** The result of the last accept or undo made here, announced politely. */
  status: string;
  /** Why the last accept or undo made here failed, or null. */
  problem: unknown;
}) {
  const hasGaps = answers.some((tally) => tally.gapNumber !== null);
  return (
    <div className="typed-answers">
      {answers.length > 0 && (
        <table className="data-table option-table typed-answer-table">
          <caption>Wrong typed answers in question {number}</caption>
          <TableHead
            columns={[
              'Answer',
              ...(hasGaps ? ['Gap'] : []),
              { label: 'Attempts', className: 'numeric' },
              'Regrade',
            ]}
          />
          <tbody>
            {answers.map((tally) => {
              const place = describeAnswerPlace(number, tally.gapNumber);
              const live = history === null ? undefined : findLiveAcceptance(history, tally);
              return (
                <tr
                  key={`${tally.gapId ?? ''}/${tally.normalisedAnswer}`}
                  className={tally.acceptedByTeacher ? 'is-correct' : undefined}
                >
                  <th scope="row">
                    “{tally.answer}”
                    {tally.acceptedByTeacher && (
                      <>
                        {' '}
                        <span className="right-answer-tag">(accepted by you)</span>
                      </>
                    )}
                  </th>
                  {hasGaps && <td>{tally.gapNumber ?? '–'}</td>}
                  <td className="numeric">{tally.count}</td>
                  <td>
                    {/* One button in one place, so focus stays on it as it turns from Accept
                          to Undo and back while the page reloads the figures. */}
                    {tally.acceptedByTeacher && live ? (
                      <button type="button" className="button" onClick={() => onUndo(live)}>
                        Undo{' '}
                        <span className="visually-hidden">
                          accepting “{tally.answer}” for {place}
                        </span>
                      </button>
                    ) : (
                      <button type="button" className="button" onClick={() => onAccept(tally)}>
                        Accept this answer{' '}
                        <span className="visually-hidden">
                          “{tally.answer}” for {place}
                        </span>
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {answers.length === 0 && (
        <p className="muted">No wrong typed answer to accept in question {number}.</p>
      )}
      <p role="status" className="regrade-status">
        {status}
      </p>
      <ActionProblem problem={problem} lead="The answer was not regraded: " />
    </div>
  );
}

/**
 * The regrade history: every answer the teacher accepted, who accepted it and when, how many
 * attempts it regraded, and who undid it and when, or a button to undo it.
 */
export function RegradeHistory({
  history,
  status,
  problem,
  headingRef,
  onUndo,
}: Pick<RegradeActions, 'onUndo'> & {
  history: readonly AcceptedAnswer[];
  status: string;
  problem: unknown;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  return (
    <section aria-labelledby="regrade-history-heading" className="regrade-history">
      <h2 id="regrade-history-heading" ref={headingRef} tabIndex={-1}>
        Regrade history
      </h2>
      {history.length === 0 ? (
        <p className="muted">
          No answer accepted yet. Accept a wrong typed answer under its question above, and every
          attempt that gave it is regraded; it is listed here, where you can undo it.
        </p>
      ) : (
        <ScrollTable label="Accepted answers">
          <table className="data-table">
            <caption className="visually-hidden">
              Regrade history: the typed answers you accepted, most recent first
            </caption>
            <TableHead
              columns={[
                'Answer',
                'Question',
                'Accepted by',
                { label: 'Attempts regraded', className: 'numeric' },
                'Undone',
              ]}
            />
            <tbody>
              {history.map((entry) => {
                const place = describeAnswerPlace(entry.questionNumber, entry.gapNumber);
                return (
                  <tr key={entry.id}>
                    <th scope="row">“{entry.exampleAnswer}”</th>
                    <td>{place.charAt(0).toUpperCase() + place.slice(1)}</td>
                    <td>
                      {entry.acceptedBy}
                      <span className="cell-note">{formatDateTime(entry.acceptedAt)}</span>
                    </td>
                    <td className="numeric">{entry.attemptsRegraded}</td>
                    <td>
                      {entry.revokedAt === null ? (
                        <button type="button" className="button" onClick={() => onUndo(entry)}>
                          Undo{' '}
                          <span className="visually-hidden">
                            accepting “{entry.exampleAnswer}” for {place}
                          </span>
                        </button>
                      ) : (
                        <>
                          {entry.revokedBy ?? 'Undone'}
                          <span className="cell-note">{formatDateTime(entry.revokedAt)}</span>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <p role="status" className="regrade-status">
        {status}
      </p>
      <ActionProblem problem={problem} lead="Nothing was undone: " />
    </section>
  );
}
