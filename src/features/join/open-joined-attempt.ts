import type { NavigateFunction } from 'react-router';
import type { JoinedAttempt, StudentAssignment } from '../../lib/assignment-api-client';
import { rememberStartedAttempt } from '../../lib/attempt-records';
import { getHref } from '../../lib/paths';
import { describeRefusal, isStale } from './join-refusal';

/**
 * Joins the assignment (by name or by personal code), keeps the attempt on this device and opens
 * the quiz. Returns null once the quiz is opening, else the refusal to show the student.
 */
export async function openJoinedAttempt(
  join: () => Promise<JoinedAttempt>,
  {
    assignment,
    navigate,
    onStale,
  }: { assignment: StudentAssignment; navigate: NavigateFunction; onStale: () => void },
): Promise<string | null> {
  try {
    const attempt = await join();
    rememberStartedAttempt(attempt);
    await navigate(getHref.quiz(attempt.attemptId));
    return null;
  } catch (caught) {
    const refusal = describeRefusal(caught, assignment);
    // The assignment may have closed or passed its due time meanwhile: show it as it is now.
    if (isStale(caught)) onStale();
    return refusal;
  }
}
