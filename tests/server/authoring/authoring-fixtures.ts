import {
  createTeacherTestApp,
  send,
  signUpTeacher,
  type SignedInTeacher,
  type TeacherTestApp,
} from '../teacher-test-app';
import { ARTICLE_FIELDS } from '../../fixtures/harbour-article';

/** The test article's text, under `ARTICLE_FIELDS`. */
export const ARTICLE_BODY = `The storm in January broke a long section of the harbour wall in Eastby. Fishing boats could not leave for nine days.

## The repair

The town council says the repair will cost 40,000 pounds. Work began on Monday and should take six weeks.

A fisher named Ada Moss said the boats had never stayed in for so long.`;

/** A bank of two questions on the test article, as YAML with `<id>` and `<article>` to fill in. */
export function bankText(bankId: string, articleId: string, extra = ''): string {
  return `# yaml-language-server: $schema=../schema.json
id: ${bankId}
article: ${articleId}
title: The harbour wall
description: What the storm broke and what the repair costs.
questions:
  - id: ${bankId}-cost
    type: numeric
    prompt: How many pounds will the repair cost, according to the town council?
    skill: literal
    difficulty: 1
    answer: 40000
    unit: pounds
    explanation: The council says the repair will cost 40,000 pounds.
    evidence:
      - The town council says the repair will cost 40,000 pounds.
  - id: ${bankId}-days
    type: single
    prompt: How long could the boats not leave the harbour?
    skill: literal
    difficulty: 1
    options:
      - id: nine-days
        text: Nine days
        correct: true
      - id: six-weeks
        text: Six weeks
        feedback: Six weeks is how long the repair should take.
      - id: one-day
        text: One day
        feedback: The article says the boats stayed in for nine days.
    explanation: Fishing boats could not leave for nine days.
    evidence:
      - Fishing boats could not leave for nine days.
${extra}`;
}

export interface Draft {
  id: string;
  revision: number;
  text: string;
  problems: { file: string; line: number; column: number; message: string }[];
}

/** The JSON body of a response that must have `status`. */
export async function expectJson<T>(response: Response, status: number): Promise<T> {
  if (response.status !== status) {
    throw new Error(`Expected ${status}, got ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

export async function createArticle(
  testApp: TeacherTestApp,
  teacher: SignedInTeacher,
  body = ARTICLE_BODY,
): Promise<Draft> {
  return expectJson<Draft>(
    await send(testApp, 'POST', '/api/teacher/articles', {
      cookie: teacher.cookie,
      body: { fields: ARTICLE_FIELDS, body },
    }),
    201,
  );
}

export async function publishArticle(
  testApp: TeacherTestApp,
  teacher: SignedInTeacher,
  articleId: string,
): Promise<{ version: number; banksToFix: unknown[] }> {
  return expectJson(
    await send(testApp, 'POST', `/api/teacher/articles/${articleId}/publish`, {
      cookie: teacher.cookie,
    }),
    200,
  );
}

/** A teacher with a published article and a published bank of two questions on it. */
export async function publishedBank(testApp: TeacherTestApp, teacher?: SignedInTeacher) {
  const owner = teacher ?? (await signUpTeacher(testApp));
  const article = await createArticle(testApp, owner);
  await publishArticle(testApp, owner, article.id);
  const bank = await expectJson<Draft>(
    await send(testApp, 'POST', '/api/teacher/banks', {
      cookie: owner.cookie,
      body: { articleId: article.id, title: 'The harbour wall' },
    }),
    201,
  );
  const saved = await expectJson<Draft>(
    await send(testApp, 'PUT', `/api/teacher/banks/${bank.id}`, {
      cookie: owner.cookie,
      body: { revision: bank.revision, text: bankText(bank.id, article.id) },
    }),
    200,
  );
  const published = await expectJson<{ contentVersion: string; version: number }>(
    await send(testApp, 'POST', `/api/teacher/banks/${bank.id}/publish`, { cookie: owner.cookie }),
    200,
  );
  return { teacher: owner, article, bank: saved, published };
}

/** A fresh app (its own database) with one signed-in teacher: where most authoring tests start. */
export async function appWithTeacher() {
  const testApp = await createTeacherTestApp();
  return { testApp, teacher: await signUpTeacher(testApp) };
}

/** A fresh app with a teacher's published article and bank (see `publishedBank`). */
export async function appWithPublishedBank() {
  const testApp = await createTeacherTestApp();
  return { testApp, ...(await publishedBank(testApp)) };
}
