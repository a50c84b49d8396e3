import { afterEach, beforeEach, vi } from 'vitest';

// Any console.error a test did not ask for is a bug it would otherwise hide (React warnings,
// failed requests): fail the test. A test that expects one spies on console.error itself.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(' ')}`);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});
