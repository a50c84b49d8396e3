import { describe, expect, it } from 'vitest';
import { QueueFullError, createConcurrencyLimit } from '../../../src/server/http/limit-concurrency';

/** A task that runs until the test finishes it, recording when it started. */
function createTasks() {
  const started: number[] = [];
  const finishers: (() => void)[] = [];
  const task = (id: number) => () => {
    started.push(id);
    return new Promise<number>((resolve) => finishers.push(() => resolve(id)));
  };
  const finishNext = async () => {
    finishers.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { started, task, finishNext };
}

describe('createConcurrencyLimit', () => {
  it('runs at most `running` tasks, queues at most `waiting` in order, and refuses the rest at once', async () => {
    const run = createConcurrencyLimit({ running: 2, waiting: 3 });
    const { started, task, finishNext } = createTasks();
    const results = Array.from({ length: 8 }, (_, id) =>
      run(task(id)).then(
        (value) => value,
        (error: unknown) => error,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual([0, 1]);
    for (const refused of results.slice(5)) expect(await refused).toBeInstanceOf(QueueFullError);

    await finishNext();
    expect(started).toEqual([0, 1, 2]);
    // A freed queue place takes a new task again.
    const late = run(task(8));
    for (let i = 0; i < 6; i += 1) await finishNext();
    expect(started).toEqual([0, 1, 2, 3, 4, 8]);
    expect(await Promise.all([...results.slice(0, 5), late])).toEqual([0, 1, 2, 3, 4, 8]);
  });

  it('frees the slot of a task that failed', async () => {
    const run = createConcurrencyLimit({ running: 1, waiting: 0 });
    await expect(run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
