/**
 * Runs at most `max` tasks at once; the others wait their turn in arrival order. Password hashing
 * goes through one: each scrypt hash holds 128 MiB and a core for most of a second, so a burst of
 * sign-ups and logins queues instead of exhausting memory.
 */
export function createConcurrencyLimit(max: number) {
  let running = 0;
  const waiting: (() => void)[] = [];

  return async function run<T>(task: () => Promise<T>): Promise<T> {
    // A finishing task hands its slot straight to the next in line, so none can jump the queue.
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
