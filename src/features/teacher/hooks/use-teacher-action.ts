import { useState } from 'react';

/**
 * A teacher's action on the server (close, delete, save a list, remove an attempt, log out):
 * `busy` while it runs, so its buttons wait, and `problem` holding what went wrong, to show.
 */
export function useTeacherAction() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);

  async function act(action: () => Promise<void>) {
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (caught) {
      setProblem(caught);
    }
    setBusy(false);
  }

  return { busy, problem, act };
}
