import type { PublicQuestion } from '../../src/domain/public-question';
import type { ServerProcess } from '../server/server-process';
import { buildSomeResponse } from '../server/test-app';

/** A joined attempt as the join route answers it. */
export interface JoinedAttempt {
  attemptId: string;
  token: string;
  questions: PublicQuestion[];
}

/** Saves an answer to every question of the attempt through the API, one after another. */
export async function answerEveryQuestion(
  server: ServerProcess,
  attempt: JoinedAttempt,
): Promise<void> {
  for (const question of attempt.questions) {
    const saved = await fetch(
      `${server.url}/api/attempts/${attempt.attemptId}/responses/${question.id}`,
      {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${attempt.token}` },
        body: JSON.stringify({ response: buildSomeResponse(question) }),
      },
    );
    if (saved.status !== 200) throw new Error(`Save: ${saved.status}`);
  }
}
