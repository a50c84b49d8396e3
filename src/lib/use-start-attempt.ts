import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from './api-client';
import { rememberStartedAttempt } from './attempt-records';
import { getHref } from './paths';

/**
 * Starts a new attempt at a quiz, keeps its token on this device, and opens it. `error` holds
 * what went wrong, for the page to show next to the button.
 */
export function useStartAttempt() {
  const navigate = useNavigate();
  const [startingBankId, setStartingBankId] = useState<string | null>(null);
  const [error, setError] = useState<{ bankId: string; error: unknown } | null>(null);

  async function startAttempt(bankId: string) {
    setStartingBankId(bankId);
    setError(null);
    try {
      const attempt = await api.startAttempt(bankId);
      rememberStartedAttempt(attempt);
      await navigate(getHref.quiz(attempt.attemptId));
    } catch (caught) {
      setError({ bankId, error: caught });
      setStartingBankId(null);
    }
  }

  return { startAttempt, startingBankId, error };
}
