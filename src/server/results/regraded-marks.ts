import type { NotNull } from 'kysely';
import type { Article } from '../../domain/article';
import type { ResolvedQuestion } from '../../domain/resolved-bank';
import type { QuestionResponse } from '../../domain/responses';
import { scoreQuestion } from '../../domain/score-attempt';
import type { AppDatabase } from '../db/database';
import { listTeacherAcceptances } from './teacher-acceptances';

/**
 * Which questions of which submitted attempts are right because the teacher accepted the typed
 * answer (a regrade): attempt id -> question ids. Only the answers to questions with a live
 * acceptance are read and scored again, so an assignment without regrades costs one query and a
 * gradebook poll never inflates the stored results.
 */
export async function listRegradedQuestions(
  db: AppDatabase,
  {
    assignmentId,
    questions,
    article,
  }: { assignmentId: string; questions: readonly ResolvedQuestion[]; article: Article },
): Promise<Map<string, Set<string>>> {
  const regraded = new Map<string, Set<string>>();
  const acceptances = await listTeacherAcceptances(db, assignmentId);
  if (acceptances.length === 0) return regraded;
  const byId = new Map(questions.map((question) => [question.id, question]));
  const questionIds = [...new Set(acceptances.map((acceptance) => acceptance.questionId))].filter(
    (id) => byId.has(id),
  );
  if (questionIds.length === 0) return regraded;
  const rows = await db
    .selectFrom('responses')
    .innerJoin('attempts', 'attempts.id', 'responses.attempt_id')
    .select(['responses.attempt_id', 'responses.question_id', 'responses.response_json'])
    .where('attempts.assignment_id', '=', assignmentId)
    .where('attempts.status', '=', 'submitted')
    .where('responses.question_id', 'in', questionIds)
    .where('responses.response_json', 'is not', null)
    .$narrowType<{ response_json: NotNull }>()
    .execute();
  for (const row of rows) {
    const question = byId.get(row.question_id);
    if (!question) continue;
    const response = JSON.parse(row.response_json) as QuestionResponse;
    const score = scoreQuestion(question, response, article, acceptances);
    const accepted =
      score.acceptedByTeacher === true ||
      (score.gaps ?? []).some((gap) => gap.acceptedByTeacher === true);
    if (!accepted) continue;
    const own = regraded.get(row.attempt_id) ?? new Set<string>();
    own.add(row.question_id);
    regraded.set(row.attempt_id, own);
  }
  return regraded;
}
