import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../src/lib/api-client';
import { loadWithDeviceCopy } from '../../src/lib/device-copy';

const KEY = 'readproof:quiz-copy:a1';

describe('a page’s data kept on this device', () => {
  it('is kept when it loads, and answers instead when the server cannot be reached', async () => {
    await expect(
      loadWithDeviceCopy(KEY, () => Promise.resolve({ title: 'Quiz' })),
    ).resolves.toEqual({ title: 'Quiz' });
    await expect(
      loadWithDeviceCopy(KEY, () => Promise.reject(new NetworkError())),
    ).resolves.toEqual({ title: 'Quiz' });
  });

  it('does not hide what the server said: its errors come through', async () => {
    localStorage.setItem(KEY, JSON.stringify({ title: 'Quiz' }));
    const refused = new ApiError(404, 'attempt-not-found', 'No attempt.');
    await expect(loadWithDeviceCopy(KEY, () => Promise.reject(refused))).rejects.toBe(refused);
  });

  it('fails as the load did when there is no copy, or the copy is unreadable', async () => {
    const offline = new NetworkError();
    await expect(loadWithDeviceCopy(KEY, () => Promise.reject(offline))).rejects.toBe(offline);
    localStorage.setItem(KEY, '{not json');
    await expect(loadWithDeviceCopy(KEY, () => Promise.reject(offline))).rejects.toBe(offline);
  });
});
