import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/server/db/database';
import { MAX_BODY_BYTES } from '../../src/server/http/security';
import { buildSomeResponse, createTestApp, jsonRequest, startAttempt } from './test-app';

describe('GET /api/health', () => {
  it('says ok, that the database can be written, and how big it is', async () => {
    const { app } = await createTestApp();
    const response = await app.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      database: { writable: true, sizeBytes: expect.any(Number) as number },
    });
  });

  it('says 503 "database cannot be written" when it cannot, and a save says why it failed', async () => {
    // A read-only open stands in for a read-only file or a full disk: tests run as root, whom
    // file permissions do not stop (durability.test.ts covers a real read-only file at start).
    const folder = mkdtempSync(join(tmpdir(), 'readproof-health-'));
    try {
      const databasePath = join(folder, 'readproof.sqlite');
      const writable = await createTestApp({ db: await openDatabase(databasePath) });
      const attempt = await startAttempt(writable);
      await writable.db.destroy();
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const { app, db } = await createTestApp({
        db: await openDatabase(databasePath, { readonly: true }),
      });

      const health = await app.request('/api/health');
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({
        status: 'database cannot be written',
        problem: expect.stringMatching(/^SQLITE_READONLY/) as string,
        database: { writable: false, sizeBytes: expect.any(Number) as number },
      });

      const question = attempt.questions[0];
      if (!question) throw new Error('No question');
      const save = await app.request(
        `/api/attempts/${attempt.attemptId}/responses/${question.id}`,
        jsonRequest('PUT', { response: buildSomeResponse(question) }, attempt.token),
      );
      expect(save.status).toBe(503);
      const body = (await save.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('storage-unavailable');
      expect(body.error.message).toMatch(/nothing was saved/);
      // Whoever runs the server reads the cause in the log, in one line.
      expect(errors).toHaveBeenCalledWith(
        expect.stringMatching(/^The database cannot be written: SQLITE_READONLY/),
      );
      errors.mockRestore();
      await db.destroy();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('GET /api/openapi.json', () => {
  it('documents every route of the API', async () => {
    const { app } = await createTestApp();
    const response = await app.request('/api/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(document.openapi).toMatch(/^3\./);
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'GET /api/health',
        'PUT /api/attempts/{attemptId}/highlights/{highlightKey}',
        'DELETE /api/attempts/{attemptId}/highlights/{highlightKey}',
        'GET /api/articles',
        'GET /api/articles/{articleId}',
        'GET /api/banks',
        'GET /api/banks/{bankId}',
        'POST /api/attempts',
        'GET /api/attempts/{attemptId}',
        'GET /api/attempts/{attemptId}/article',
        'PUT /api/attempts/{attemptId}/responses/{questionId}',
        'DELETE /api/attempts/{attemptId}/responses/{questionId}',
        'POST /api/attempts/{attemptId}/submit',
        'GET /api/attempts/{attemptId}/review',
        'POST /api/teacher/signup',
        'POST /api/teacher/login',
        'POST /api/teacher/logout',
        'POST /api/teacher/logout-all',
        'GET /api/teacher/me',
        'POST /api/teacher/assignments',
        'POST /api/teacher/assignments/{assignmentId}/accepted-answers',
        'POST /api/teacher/assignments/{assignmentId}/accepted-answers/{acceptanceId}/revoke',
        'GET /api/teacher/assignments',
        'GET /api/teacher/assignments/{assignmentId}',
        'GET /api/teacher/assignments/{assignmentId}/accepted-answers',
        'PATCH /api/teacher/assignments/{assignmentId}',
        'DELETE /api/teacher/assignments/{assignmentId}',
        'POST /api/teacher/assignments/{assignmentId}/close',
        'POST /api/teacher/assignments/{assignmentId}/reopen',
        'POST /api/teacher/assignments/{assignmentId}/duplicate',
        'GET /api/teacher/assignments/{assignmentId}/qr.svg',
        'GET /api/teacher/assignments/{assignmentId}/print/student-copy',
        'GET /api/teacher/assignments/{assignmentId}/print/answer-key',
        'GET /api/teacher/assignments/{assignmentId}/gradebook',
        'GET /api/teacher/assignments/{assignmentId}/attempts/{attemptId}',
        'DELETE /api/teacher/assignments/{assignmentId}/attempts/{attemptId}',
        'GET /api/teacher/assignments/{assignmentId}/removed-attempts',
        'GET /api/teacher/assignments/{assignmentId}/statistics',
        'GET /api/teacher/assignments/{assignmentId}/export/summary.csv',
        'GET /api/teacher/assignments/{assignmentId}/export/responses.csv',
        'GET /api/join/{code}',
        'POST /api/join/{code}',
        'POST /api/join/{code}/student',
        'GET /api/teacher/assignments/{assignmentId}/roster',
        'PUT /api/teacher/assignments/{assignmentId}/roster',
        'DELETE /api/teacher/assignments/{assignmentId}/roster',
        'POST /api/teacher/articles',
        'GET /api/teacher/articles',
        'GET /api/teacher/articles/{articleId}',
        'PUT /api/teacher/articles/{articleId}',
        'POST /api/teacher/articles/{articleId}/publish',
        'GET /api/teacher/articles/{articleId}/export',
        'POST /api/teacher/articles/import',
        'POST /api/teacher/articles/upload',
        'POST /api/teacher/banks',
        'GET /api/teacher/banks',
        'GET /api/teacher/banks/{bankId}',
        'GET /api/teacher/banks/{bankId}/article',
        'PUT /api/teacher/banks/{bankId}',
        'POST /api/teacher/banks/{bankId}/publish',
        'POST /api/teacher/banks/{bankId}/preview',
        'DELETE /api/teacher/banks/{bankId}',
        'GET /api/teacher/banks/{bankId}/export',
        'GET /api/teacher/banks/{bankId}/export/report',
        'POST /api/teacher/banks/import-lms',
      ].sort(),
    );
  });
});

describe('errors', () => {
  it('answers an unknown API path with a 404 in the error shape', async () => {
    const { app } = await createTestApp();
    const response = await app.request('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'not-found', message: expect.stringContaining('/api/nothing-here') },
    });
  });

  it.each([
    { body: '{"bankId": ', type: 'application/json', status: 400, code: 'bad-request' },
    { body: 'bankId=x', type: 'text/plain', status: 415, code: 'unsupported-media-type' },
  ])('answers a $type body it cannot read with a $status', async ({ body, type, status, code }) => {
    const { app } = await createTestApp();
    const response = await app.request('/api/attempts', {
      method: 'POST',
      headers: { 'Content-Type': type },
      body,
    });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { code } });
  });

  it('lists every schema issue of an invalid body', async () => {
    const { app } = await createTestApp();
    const response = await app.request('/api/attempts', jsonRequest('POST', { bankId: 42 }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 'invalid-request',
        // Worded for a person; the exact path is in the details for a client.
        message: 'The quiz must be text.',
        details: {
          target: 'body',
          issues: [{ path: ['bankId'], message: expect.any(String) }],
        },
      },
    });
  });

  it(`refuses a body over ${MAX_BODY_BYTES / 1024} KB with a 413, declared or streamed`, async () => {
    const { app } = await createTestApp();
    const big = JSON.stringify({ bankId: 'x'.repeat(MAX_BODY_BYTES) });
    const declared = await app.request('/api/attempts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(big.length) },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: { code: 'payload-too-large' } });

    const streamed = await app.request('/api/attempts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });
});

describe('security headers', () => {
  it('sends a content security policy that allows only this origin', async () => {
    const { app } = await createTestApp();
    const response = await app.request('/api/health');
    const policy = response.headers.get('Content-Security-Policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
  });

  it('sends them on errors too', async () => {
    const { app } = await createTestApp();
    const response = await app.request('/api/nothing-here');
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
  });
});
