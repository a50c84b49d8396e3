import { useRef, useState } from 'react';
import {
  assignmentApi,
  type AcceptedAnswer,
  type TypedAnswerTally,
} from '../../../lib/assignment-api-client';
import { useResource } from '../../../lib/use-resource';
import { describeAccepted, describeAnswerPlace, describeUndone } from '../regrade-labels';
import { useTeacherAction } from './use-teacher-action';

/** Where an accept or undo was asked for: a question's card (its id), or the history. */
type Place = string;
export const HISTORY: Place = 'history';

/** A typed answer the teacher asked to accept, waiting for them to confirm. */
export interface PendingAcceptance {
  tally: TypedAnswerTally;
  questionNumber: number;
}

/**
 * Accepting typed answers and undoing it, for the statistics page: the regrade history (as the
 * server sent it, with what this page's own actions changed since), the answer waiting for its
 * confirm step, and a status message and problem for the place each action was asked from.
 * `onRegraded` reloads the figures the regrade changed.
 */
export function useRegrade(assignmentId: string, onRegraded: () => void) {
  const { resource, reload } = useResource({
    key: `accepted-answers:${assignmentId}`,
    load: () => assignmentApi.listAcceptedAnswers(assignmentId),
  });
  // The acceptances this page made or undid: newer than the history loaded, and there at once,
  // so an accepted answer's Undo button is ready as soon as the figures come back.
  const [changed, setChanged] = useState<AcceptedAnswer[]>([]);
  const [pending, setPending] = useState<PendingAcceptance | null>(null);
  const [status, setStatus] = useState<{ place: Place; message: string } | null>(null);
  const [actedAt, setActedAt] = useState<Place | null>(null);
  const { busy, problem, act } = useTeacherAction();
  const historyHeadingRef = useRef<HTMLHeadingElement>(null);

  const loaded = resource.status === 'ready' ? resource.data : null;
  const history =
    loaded === null
      ? null
      : [
          ...changed.filter((entry) => !loaded.some((old) => old.id === entry.id)),
          ...loaded.map((entry) => changed.find((newer) => newer.id === entry.id) ?? entry),
        ];

  function remember(acceptance: AcceptedAnswer) {
    setChanged((previous) => [acceptance, ...previous.filter((old) => old.id !== acceptance.id)]);
  }

  function begin(place: Place, action: () => Promise<void>) {
    if (busy) return;
    setActedAt(place);
    setStatus(null);
    void act(action);
  }

  function confirm() {
    if (pending === null) return;
    const { tally, questionNumber } = pending;
    setPending(null);
    begin(tally.questionId, async () => {
      const outcome = await assignmentApi.acceptAnswer(assignmentId, {
        questionId: tally.questionId,
        gapId: tally.gapId,
        answer: tally.answer,
      });
      remember(outcome.acceptance);
      onRegraded();
      const place = describeAnswerPlace(questionNumber, tally.gapNumber);
      setStatus({
        place: tally.questionId,
        message: describeAccepted(tally.answer, place, outcome),
      });
    });
  }

  function undo(acceptance: AcceptedAnswer, from: Place) {
    begin(from, async () => {
      const outcome = await assignmentApi.revokeAcceptedAnswer(assignmentId, acceptance.id);
      remember(outcome.acceptance);
      onRegraded();
      const place = describeAnswerPlace(acceptance.questionNumber, acceptance.gapNumber);
      setStatus({
        place: from,
        message: describeUndone(acceptance.exampleAnswer, place, outcome.attemptsRegraded),
      });
      // The history row's Undo button gives way to who undid it: focus goes to the heading.
      if (from === HISTORY) historyHeadingRef.current?.focus();
    });
  }

  return {
    history,
    historyResource: resource,
    reloadHistory: reload,
    historyHeadingRef,
    pending,
    askToAccept: (tally: TypedAnswerTally, questionNumber: number) => {
      if (!busy) setPending({ tally, questionNumber });
    },
    cancel: () => setPending(null),
    confirm,
    undo,
    statusAt: (place: Place) => (status?.place === place ? status.message : ''),
    problemAt: (place: Place) => (actedAt === place ? problem : null),
  };
}
