import type { ReactNode } from 'react';
import { describeProblem } from '../problems';

/** Why a teacher's action failed, announced under its buttons; nothing while all is well. */
export function ActionProblem({ problem, lead }: { problem: unknown; lead?: ReactNode }) {
  if (problem === null) return null;
  return (
    <p className="field-error" role="alert">
      {lead}
      {describeProblem(problem)}
    </p>
  );
}
