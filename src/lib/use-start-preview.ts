import { useState } from 'react';
import { useNavigate } from 'react-router';
import { rememberStartedAttempt } from './attempt-records';
import { getHref } from './paths';
import { previewApi } from './preview-api-client';

/** Why a preview did not start: the draft could not be saved first, or the server refused. */
export type PreviewFailure = { questionId: string | null } & (
  { kind: 'unsaved' } | { kind: 'refused'; error: unknown }
);

/**
 * Previews a teacher's quiz, or one question of it, in the quiz player: saves the draft first
 * (`saveNow`, so the preview shows what was just typed), starts the preview, keeps its token on
 * this device as a preview (listed nowhere) and opens it.
 */
export function useStartPreview(bankId: string, saveNow: () => Promise<boolean>) {
  const navigate = useNavigate();
  const [starting, setStarting] = useState(false);
  const [failure, setFailure] = useState<PreviewFailure | null>(null);

  async function startPreview(questionId?: string) {
    const target = { questionId: questionId ?? null };
    setStarting(true);
    setFailure(null);
    try {
      if (!(await saveNow())) {
        setFailure({ ...target, kind: 'unsaved' });
        setStarting(false);
        return;
      }
      const preview = await previewApi.startPreview(bankId, questionId);
      rememberStartedAttempt({ ...preview, preview: true });
      await navigate(getHref.quiz(preview.attemptId));
    } catch (error) {
      setFailure({ ...target, kind: 'refused', error });
      setStarting(false);
    }
  }

  return { startPreview, starting, failure };
}
