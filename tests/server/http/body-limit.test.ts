import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../src/server/http/security';
import {
  buildSomeResponse,
  createTestApp,
  jsonRequest,
  startAttempt,
  type TestApp,
} from '../test-app';

const servers: http.Server[] = [];

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise((closed) => server.close(closed))),
  );
});

/** The app behind Node's HTTP/1.1 parser, as main.ts serves it, on a free port. */
async function serve(app: TestApp['app']) {
  const server = createAdaptorServer({ fetch: app.fetch }) as http.Server;
  servers.push(server);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return (server.address() as AddressInfo).port;
}

/** Sends `chunks` over HTTP/1.1 exactly as given: no Content-Length unless `headers` has one. */
function send(
  port: number,
  options: { method: string; path: string; headers?: Record<string, string> },
  chunks: string[] = [],
): Promise<{ status: number; body: string }> {
  return new Promise((answered, failed) => {
    const request = http.request({ host: '127.0.0.1', port, ...options }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => answered({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', failed);
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

describe('request bodies over HTTP/1.1', () => {
  it('submits with a bare POST, which has neither Content-Length nor Transfer-Encoding', async () => {
    const testApp = await createTestApp();
    const attempt = await startAttempt(testApp);
    const [question] = attempt.questions;
    if (!question) throw new Error('An attempt without questions');
    const saved = await testApp.app.request(
      `/api/attempts/${attempt.attemptId}/responses/${question.id}`,
      jsonRequest('PUT', { response: buildSomeResponse(question) }, attempt.token),
    );
    expect(saved.status).toBe(200);
    const port = await serve(testApp.app);

    const submitted = await send(port, {
      method: 'POST',
      path: `/api/attempts/${attempt.attemptId}/submit`,
      headers: { authorization: `Bearer ${attempt.token}` },
    });

    expect(submitted.status).toBe(200);
    expect(JSON.parse(submitted.body)).toMatchObject({ status: 'submitted' });
  });

  it(`still refuses a chunked body over ${MAX_BODY_BYTES / 1024} KB with a 413`, async () => {
    const { app } = await createTestApp();
    const port = await serve(app);
    const half = 'x'.repeat(MAX_BODY_BYTES / 2 + 1);

    const refused = await send(
      port,
      {
        method: 'POST',
        path: '/api/attempts',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      },
      ['{"bankId":"', half, half, '"}'],
    );

    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'payload-too-large' } });
  });
});
