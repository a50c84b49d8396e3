import { useState, type ChangeEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api-client';
import { getHref } from '../../../lib/paths';
import type { FieldProblem } from '../../../components/form-field';
import { describeProblem, fieldProblemsOf, retryAfterSeconds } from '../problems';
import { useCountdown } from './use-countdown';

/** Where to go after signing in: back to the teacher page that sent here, else the dashboard. */
function nextPage(next: string | null): string {
  // Only a teacher page of this app, so a crafted link cannot send a teacher somewhere else.
  return next?.startsWith('/teacher/') || next === '/teacher' ? next : getHref.teacherDashboard();
}

/**
 * What the sign-up and login forms share: problems shown by their fields and in a summary, the
 * server's refusals, and on success the page to go on to. A refusal that says how long to wait
 * ("Too many tries. Try again in 4 minutes.") is shown once, until that wait is over.
 */
export function useAccountForm({
  fieldIds,
  fieldOfErrorCode = {},
}: {
  /** The control of each request field, by the field's name in the request. */
  fieldIds: Record<string, string>;
  /** The control a refusal with this code is about (`email-taken`: the email field). */
  fieldOfErrorCode?: Record<string, string>;
}) {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const { secondsLeft, start } = useCountdown();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [formError, setFormError] = useState<{ message: string; untilWaited: boolean } | null>(
    null,
  );
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  async function submit(clientProblems: FieldProblem[], send: () => Promise<unknown>) {
    setAttempt((count) => count + 1);
    setFormError(null);
    setProblems(clientProblems);
    if (clientProblems.length > 0) return;
    setBusy(true);
    try {
      await send();
      await navigate(nextPage(searchParams.get('next')), { replace: true });
      return;
    } catch (caught) {
      const fieldId = caught instanceof ApiError ? fieldOfErrorCode[caught.code] : undefined;
      const serverProblems = fieldProblemsOf(caught, fieldIds);
      const wait = retryAfterSeconds(caught);
      if (wait !== null) start(wait);
      if (fieldId) setProblems([{ fieldId, message: describeProblem(caught) }]);
      else if (serverProblems.length > 0) setProblems(serverProblems);
      else setFormError({ message: describeProblem(caught), untilWaited: wait !== null });
    }
    setBusy(false);
  }

  const errorOf = (fieldId: string) =>
    problems.find((problem) => problem.fieldId === fieldId)?.message;

  return {
    submit,
    problems,
    formError: formError?.untilWaited && secondsLeft === 0 ? null : (formError?.message ?? null),
    attempt,
    busy,
    /** The id, value, error and change handler of one text field of the form. */
    fieldProps: (fieldId: string, value: string, setValue: (value: string) => void) => ({
      id: fieldId,
      value,
      error: errorOf(fieldId),
      onChange: (event: ChangeEvent<HTMLInputElement>) => setValue(event.target.value),
    }),
  };
}
