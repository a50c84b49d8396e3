import { describe, expect, it } from 'vitest';
import { findKeyFields } from '../key-leaks';
import { createTeacherWithAssignment, send } from '../teacher-test-app';

/** A teacher's new assignment, and a reader of its printed pages. */
async function setUpPrinting() {
  const { testApp, teacher, assignment } = await createTeacherWithAssignment();
  const print = (page: 'student-copy' | 'answer-key') =>
    send(testApp, 'GET', `/api/teacher/assignments/${assignment.id}/print/${page}`, {
      cookie: teacher.cookie,
    });
  return { testApp, assignment, print };
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
});
