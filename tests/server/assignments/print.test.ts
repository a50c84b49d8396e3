import { describe, expect, it } from 'vitest';
import { findKeyFields } from '../key-leaks';
import {
  createAssignment,
  createTeacherWithAssignment,
  send,
  type SignedInTeacher,
  type TeacherTestApp,
} from '../teacher-test-app';

/** A teacher's new assignment, and a reader of its printed pages. */
async function setUpPrinting() {
  const { testApp, teacher, assignment } = await createTeacherWithAssignment();
  const print = (page: 'student-copy' | 'answer-key') =>
    send(testApp, 'GET', `/api/teacher/assignments/${assignment.id}/print/${page}`, {
      cookie: teacher.cookie,
    });
  return { testApp, teacher, assignment, print };
}

interface PaperChoice {
  id: string;
  text: string;
}

/** A printed question, with the lists of choices the paper letters or numbers. */
interface PaperQuestion {
  id: string;
  number: number;
  type: string;
  options?: PaperChoice[];
  left?: PaperChoice[];
  right?: PaperChoice[];
  items?: PaperChoice[];
}

interface PaperKey {
  questions: {
    question: PaperQuestion;
    correctResponse: { choice?: string; choices?: string[] };
  }[];
}

/** The student copy's and the answer key's questions of one assignment. */
async function readPaper(testApp: TeacherTestApp, teacher: SignedInTeacher, assignmentId: string) {
  const read = async (page: 'student-copy' | 'answer-key') => {
    const response = await send(
      testApp,
      'GET',
      `/api/teacher/assignments/${assignmentId}/print/${page}`,
      { cookie: teacher.cookie },
    );
    expect(response.status).toBe(200);
    return response.json();
  };
  const copy = (await read('student-copy')) as { questions: PaperQuestion[] };
  const key = (await read('answer-key')) as PaperKey;
  return { copy: copy.questions, key: key.questions };
}

/** Every question's printed lists of choices, by question id and list name. */
function choiceOrdersOf(questions: PaperQuestion[]): Record<string, Record<string, string[]>> {
  return Object.fromEntries(
    questions.map((question) => [
      question.id,
      Object.fromEntries(
        (['options', 'left', 'right', 'items'] as const).flatMap((list) => {
          const choices = question[list];
          return choices ? [[list, choices.map((choice) => choice.id)]] : [];
        }),
      ),
    ]),
  );
}

function storedPrintSeed(testApp: TeacherTestApp, assignmentId: string): Promise<number> {
  return testApp.db
    .selectFrom('assignments')
    .select('print_seed')
    .where('id', '=', assignmentId)
    .executeTakeFirstOrThrow()
    .then((row) => row.print_seed);
}

describe('printing', () => {
  it('gives a student copy with the article and the questions in bank order, and no answers', async () => {
    const { assignment, print } = await setUpPrinting();
    const response = await print('student-copy');
    expect(response.status).toBe(200);
    const copy = (await response.json()) as {
      article: { meta: { id: string }; paragraphs: unknown[] };
      questions: { id: string; number: number }[];
      assignment: { title: string; questionCount: number };
    };
    expect(copy.assignment).toMatchObject({
      title: assignment.title,
      questionCount: assignment.questionCount,
    });
    expect(copy.article.paragraphs.length).toBeGreaterThan(0);
    expect(copy.questions.map((question) => question.id)).toEqual(assignment.questionIds);
    expect(copy.questions.map((question) => question.number)).toEqual(
      assignment.questionIds.map((_, index) => index + 1),
    );
    expect(findKeyFields(copy.questions, 'questions')).toEqual([]);
  });

  it('gives an answer key with the right answers, explanations and evidence quotes', async () => {
    const { testApp, assignment, print } = await setUpPrinting();
    const response = await print('answer-key');
    expect(response.status).toBe(200);
    const key = (await response.json()) as {
      questions: {
        question: { id: string; type: string };
        correctAnswer: string;
        acceptedAnswers: string[];
        explanation: string;
        evidence: { quote: string }[];
      }[];
    };
    const bank = testApp.content.banks.get(assignment.bankId)?.bank;
    expect(key.questions.map((item) => item.question.id)).toEqual(assignment.questionIds);
    for (const item of key.questions) {
      const question = bank?.questions.find((candidate) => candidate.id === item.question.id);
      expect(item.explanation).toBe(question?.explanation);
      expect(item.evidence.map((evidence) => evidence.quote)).toEqual(
        question?.evidence.map((evidence) => evidence.quote),
      );
      expect(item.correctAnswer, item.question.id).not.toBe('');
      if (question?.type === 'short') expect(item.acceptedAnswers).toEqual(question.answers);
      if (question?.type === 'single') {
        expect(item.correctAnswer).toBe(question.options.find((option) => option.correct)?.text);
      }
    }
  });

  it('lists every question the same way on the student copy and the answer key, so the key letters match', async () => {
    const { testApp, teacher, assignment } = await setUpPrinting();
    const { copy, key } = await readPaper(testApp, teacher, assignment.id);
    expect(key.map((item) => item.question)).toEqual(copy);
    const bank = testApp.content.banks.get(assignment.bankId)?.bank;
    let singles = 0;
    for (const [index, item] of key.entries()) {
      const question = bank?.questions.find((candidate) => candidate.id === item.question.id);
      if (question?.type !== 'single') continue;
      singles += 1;
      const letter = String.fromCharCode(
        65 +
          (copy[index]?.options ?? []).findIndex(
            (option) => option.id === item.correctResponse.choice,
          ),
      );
      const right = question.options.find((option) => option.correct);
      const rightOnCopy =
        copy[index]?.options?.findIndex((option) => option.id === right?.id) ?? -1;
      expect(rightOnCopy, question.id).toBeGreaterThanOrEqual(0);
      expect(letter, question.id).toBe(String.fromCharCode(65 + rightOnCopy));
    }
    expect(singles).toBeGreaterThan(0);
  });

  it('shuffles the options on paper, so across the shipped banks the right option is not always A', async () => {
    const { testApp, teacher } = await setUpPrinting();
    const rightPlaces: number[] = [];
    let shuffledLists = 0;
    for (const { bank } of testApp.content.banks.values()) {
      const assignment = await createAssignment(testApp, teacher, { bankId: bank.id });
      const { copy } = await readPaper(testApp, teacher, assignment.id);
      // Paper keeps the bank's order and numbering.
      expect(copy.map((question) => question.id)).toEqual(assignment.questionIds);
      for (const printed of copy) {
        const question = bank.questions.find((candidate) => candidate.id === printed.id);
        if (question?.type !== 'single' && question?.type !== 'multiple') continue;
        const ids = printed.options?.map((option) => option.id) ?? [];
        if (ids.join() !== question.options.map((option) => option.id).join()) shuffledLists += 1;
        // Options marked `fixed` ("The article does not say.") keep their place.
        question.options.forEach((option, place) => {
          if (option.fixed) expect(ids[place], question.id).toBe(option.id);
        });
        if (question.type === 'single') {
          rightPlaces.push(
            ids.indexOf(question.options.find((option) => option.correct)?.id ?? ''),
          );
        }
      }
    }
    expect(rightPlaces.length).toBeGreaterThan(1);
    expect(rightPlaces).not.toContain(-1);
    expect(new Set(rightPlaces).size).toBeGreaterThan(1);
    expect(shuffledLists).toBeGreaterThan(0);
  });

  it('prints the same order every time, keeps it through edits, and gives a duplicate its own seed', async () => {
    const { testApp, teacher, assignment } = await setUpPrinting();
    const first = await readPaper(testApp, teacher, assignment.id);
    const again = await readPaper(testApp, teacher, assignment.id);
    expect(again).toEqual(first);

    const renamed = await send(testApp, 'PATCH', `/api/teacher/assignments/${assignment.id}`, {
      cookie: teacher.cookie,
      body: { title: 'Kursk visit, period 4' },
    });
    expect(renamed.status).toBe(200);
    expect((await readPaper(testApp, teacher, assignment.id)).copy).toEqual(first.copy);

    const response = await send(
      testApp,
      'POST',
      `/api/teacher/assignments/${assignment.id}/duplicate`,
      { cookie: teacher.cookie },
    );
    expect(response.status).toBe(201);
    const duplicate = (await response.json()) as { id: string; questionIds: string[] };
    expect(await storedPrintSeed(testApp, duplicate.id)).not.toBe(
      await storedPrintSeed(testApp, assignment.id),
    );
    const copied = await readPaper(testApp, teacher, duplicate.id);
    expect(copied.copy.map((question) => [question.id, question.number])).toEqual(
      first.copy.map((question) => [question.id, question.number]),
    );
    // A fresh seed over a whole bank's lists: the same order by chance is vanishingly rare.
    expect(choiceOrdersOf(copied.copy)).not.toEqual(choiceOrdersOf(first.copy));
    expect(copied.key.map((item) => item.question)).toEqual(copied.copy);
  });
});
