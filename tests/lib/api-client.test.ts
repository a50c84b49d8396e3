import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient, NetworkError } from '../../src/lib/api-client';

function jsonResponse(body: unknown, status: number) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

describe('the API client', () => {
  it('sends the attempt token and the answer as JSON, and returns the body', async () => {
    const fetchMock = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) =>
      Promise.resolve(jsonResponse({ questionId: 'q1', savedAt: '2025-03-20T10:00:00.000Z' }, 200)),
    );
    const api = createApiClient(fetchMock);
    await expect(api.saveResponse('a1', 'secret', 'q1', { choice: 'b' })).resolves.toEqual({
      questionId: 'q1',
      savedAt: '2025-03-20T10:00:00.000Z',
    });
    const [call] = fetchMock.mock.calls;
    if (!call) throw new Error('No request was sent');
    const request = new Request(...call);
    expect(request.method).toBe('PUT');
    expect(new URL(request.url).pathname).toBe('/api/attempts/a1/responses/q1');
    expect(request.headers.get('authorization')).toBe('Bearer secret');
    expect(await request.json()).toEqual({ response: { choice: 'b' } });
  });

  it('clears an answer with a DELETE that carries the attempt token and no body', async () => {
    const fetchMock = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) =>
      Promise.resolve(jsonResponse({ questionId: 'q1', savedAt: '2025-03-20T10:00:00.000Z' }, 200)),
    );
    const api = createApiClient(fetchMock);
    await api.clearResponse('a1', 'secret', 'q1');
    const [call] = fetchMock.mock.calls;
    if (!call) throw new Error('No request was sent');
    const request = new Request(...call);
    expect(request.method).toBe('DELETE');
    expect(new URL(request.url).pathname).toBe('/api/attempts/a1/responses/q1');
    expect(request.headers.get('authorization')).toBe('Bearer secret');
    expect(await request.text()).toBe('');
  });

  it('turns an error body into an ApiError with its status, code and message', async () => {
    const api = createApiClient(() =>
      Promise.resolve(
        jsonResponse({ error: { code: 'deadline-passed', message: 'Time is up.' } }, 409),
      ),
    );
    const error = await api.submitAttempt('a1', 'secret').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'deadline-passed', message: 'Time is up.' });
  });

  it('says what status came back when the body is not an API error', async () => {
    const api = createApiClient(() =>
      Promise.resolve(new Response('Bad gateway', { status: 502 })),
    );
    await expect(api.listBanks()).rejects.toMatchObject({
      status: 502,
      code: 'http-error',
      message: 'The server answered 502.',
    });
  });

  it('turns a failed fetch into a NetworkError', async () => {
    const api = createApiClient(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(api.listBanks()).rejects.toBeInstanceOf(NetworkError);
  });
});
