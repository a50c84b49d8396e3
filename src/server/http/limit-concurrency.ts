/** A task was refused because as many tasks as allowed are already running and waiting. */
export class QueueFullError extends Error {
  constructor() {
    super('Too many tasks are running and waiting.');
    this.name = 'QueueFullError';
  }
}

export interface ConcurrencyBounds {
  /** Tasks run at once. */
  running: number;
  /** Tasks that may wait for a slot; one more is refused at once with `QueueFullError`. */
  waiting: number;
}

/**
 * Runs at most `bounds.running` tasks at once; up to `bounds.waiting` others wait their turn in
 * arrival order and any more are refused. Password hashing goes through one: each scrypt hash
 * holds 128 MiB and a core for most of a second, so a burst of sign-ups and logins can neither
 * exhaust memory nor make a teacher wait behind dozens of an attacker's hashes.
 */
export function createConcurrencyLimit(bounds: ConcurrencyBounds) {
  let running = 0;
  const waiting: (() => void)[] = [];

  return async function run<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next in line, so none can jump the queue.
    if (running < bounds.running) running += 1;
    else if (waiting.length < bounds.waiting)
      await new Promise<void>((resolve) => waiting.push(resolve));
    else throw new QueueFullError();
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
