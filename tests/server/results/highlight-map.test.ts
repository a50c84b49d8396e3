import { describe, expect, it } from 'vitest';
import type { HighlightMap } from '../../../src/domain/highlight-map';
import { listEvidenceSentenceIds } from '../../../src/domain/resolved-bank';
import {
  createAssignment,
  createTeacherTestApp,
  joinAs,
  send,
  signUpTeacher,
  studentRequest,
  submit,
  type AssignmentBody,
  type JoinedAttempt,
  type SignedInTeacher,
  type TeacherTestApp,
} from '../teacher-test-app';

type HighlightMapBody = HighlightMap & { allowHighlights: boolean };

/** The first four questions of the first bank, in bank order, and sentences to highlight. */
async function setUp(settings: Record<string, unknown> = {}) {
  const testApp = await createTeacherTestApp();
  const teacher = await signUpTeacher(testApp);
  const whole = await createAssignment(testApp, teacher);
  const assignment = await createAssignment(testApp, teacher, {
    questionIds: whole.questionIds.slice(0, 4),
    attemptsAllowed: null,
    ...settings,
  });
  const loaded = testApp.content.banks.get(assignment.bankId);
  if (!loaded) throw new Error('No bank');
  const questions = assignment.questionIds.map((id) => {
    const question = loaded.bank.questions.find((candidate) => candidate.id === id);
    if (!question) throw new Error(`No question ${id}`);
    return question;
  });
  const evidence = questions.map(listEvidenceSentenceIds);
  const needed = evidence[0]?.[0];
  const everyNeeded = new Set(evidence.flat());
  const article = testApp.content.articles.get(loaded.bank.articleId);
  const unneeded = article?.paragraphs
    .flatMap((paragraph) => paragraph.sentences)
    .find((sentence) => !everyNeeded.has(sentence.id))?.id;
  if (!article || !needed || !unneeded) throw new Error('No sentences to highlight');
  return { testApp, teacher, assignment, article, evidence, needed, unneeded };
}

function highlight(
  testApp: TeacherTestApp,
  attempt: JoinedAttempt,
  key: string,
  method: 'PUT' | 'DELETE' = 'PUT',
) {
  return studentRequest(
    testApp,
    method,
    `/api/attempts/${attempt.attemptId}/highlights/${key}`,
    attempt.token,
    method === 'PUT' ? { colour: 'yellow' } : undefined,
  ).then((response) => expect(response.status).toBe(200));
}

async function readMap(
  testApp: TeacherTestApp,
  teacher: SignedInTeacher,
  assignment: AssignmentBody,
  query = '',
): Promise<HighlightMapBody> {
  const response = await send(
    testApp,
    'GET',
    `/api/teacher/assignments/${assignment.id}/statistics${query}`,
    { cookie: teacher.cookie },
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { highlightMap: HighlightMapBody }).highlightMap;
}

function sentenceOf(map: HighlightMapBody, sentenceId: string) {
  const sentence = map.sections
    .flatMap((section) => section.paragraphs)
    .flatMap((paragraph) => paragraph.sentences)
    .find((candidate) => candidate.id === sentenceId);
  if (!sentence) throw new Error(`No sentence ${sentenceId}`);
  return sentence;
}

describe('the heat map of highlights on the statistics page', () => {
  it('counts distinct students over submitted attempts, beside the questions that need each sentence', async () => {
    const { testApp, teacher, assignment, article, evidence, needed, unneeded } = await setUp();
    // Ann highlights the needed sentence twice (whole, and a span) in two attempts: one student.
    const ann = await joinAs(testApp, assignment.joinCode, 'Ann');
    await highlight(testApp, ann, needed);
    await highlight(testApp, ann, `${needed}_0-5`);
    await highlight(testApp, ann, unneeded);
    await submit(testApp, ann);
    const annAgain = await joinAs(testApp, assignment.joinCode, 'ann ');
    await highlight(testApp, annAgain, needed);
    await submit(testApp, annAgain);
    // Bo highlights a span of it; his highlight of another sentence is removed before he submits.
    const bo = await joinAs(testApp, assignment.joinCode, 'Bo');
    await highlight(testApp, bo, `${needed}_2-9`);
    await highlight(testApp, bo, unneeded);
    await highlight(testApp, bo, unneeded, 'DELETE');
    await submit(testApp, bo);
    // Cy is still working: his highlights are not counted yet.
    const cy = await joinAs(testApp, assignment.joinCode, 'Cy');
    await highlight(testApp, cy, needed);
    await highlight(testApp, cy, unneeded);
    // Dee highlighted nothing, and still counts among the students.
    await submit(testApp, await joinAs(testApp, assignment.joinCode, 'Dee'));

    const map = await readMap(testApp, teacher, assignment);
    expect(map).toMatchObject({ allowHighlights: true, studentCount: 3, highlighterCount: 2 });
    expect(sentenceOf(map, needed)).toMatchObject({ studentCount: 2 });
    expect(sentenceOf(map, needed).questionNumbers).toContain(1);
    expect(sentenceOf(map, unneeded)).toMatchObject({ studentCount: 1, questionNumbers: [] });
    // Every sentence of the article is there, in reading order, with the questions it serves.
    const sentences = map.sections
      .flatMap((section) => section.paragraphs)
      .flatMap((paragraph) => paragraph.sentences);
    expect(sentences.map((sentence) => sentence.id)).toEqual(
      article.paragraphs.flatMap((paragraph) => paragraph.sentences.map(({ id }) => id)),
    );
    for (const [index, sentenceIds] of evidence.entries()) {
      for (const sentenceId of sentenceIds) {
        expect(sentenceOf(map, sentenceId).questionNumbers).toContain(index + 1);
      }
    }

    // A removed attempt leaves the map as it leaves the gradebook.
    const removed = await send(
      testApp,
      'DELETE',
      `/api/teacher/assignments/${assignment.id}/attempts/${bo.attemptId}`,
      { cookie: teacher.cookie },
    );
    expect(removed.status).toBe(204);
    const after = await readMap(testApp, teacher, assignment);
    expect(after).toMatchObject({ studentCount: 2, highlighterCount: 1 });
    expect(sentenceOf(after, needed).studentCount).toBe(1);
  });

  it('keeps to each student’s counted attempt when asked to', async () => {
    const { testApp, teacher, assignment, unneeded } = await setUp({ countedAttempt: 'last' });
    const first = await joinAs(testApp, assignment.joinCode, 'Ann');
    await highlight(testApp, first, unneeded);
    await submit(testApp, first);
    testApp.clock.advanceMinutes(1);
    await submit(testApp, await joinAs(testApp, assignment.joinCode, 'Ann'));

    expect(sentenceOf(await readMap(testApp, teacher, assignment), unneeded).studentCount).toBe(1);
    const counted = await readMap(testApp, teacher, assignment, '?include=counted');
    expect(counted).toMatchObject({ studentCount: 1, highlighterCount: 0 });
    expect(sentenceOf(counted, unneeded).studentCount).toBe(0);
  });

  it('says when the assignment has highlights turned off', async () => {
    const { testApp, teacher, assignment } = await setUp({ allowHighlights: false });
    expect(await readMap(testApp, teacher, assignment)).toMatchObject({
      allowHighlights: false,
      highlighterCount: 0,
    });
  });

  it('is only for the teacher who owns the assignment: another gets a 404', async () => {
    const { testApp, assignment, needed } = await setUp();
    const ann = await joinAs(testApp, assignment.joinCode, 'Ann');
    await highlight(testApp, ann, needed);
    await submit(testApp, ann);
    const intruder = await signUpTeacher(testApp, 'Mr Okafor');

    const response = await send(
      testApp,
      'GET',
      `/api/teacher/assignments/${assignment.id}/statistics`,
      { cookie: intruder.cookie },
    );
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).toContain('assignment-not-found');
    expect(body).not.toContain(needed);
  });
});
