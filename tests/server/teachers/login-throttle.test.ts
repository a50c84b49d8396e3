import { describe, expect, it } from 'vitest';
import {
  LoginThrottle,
  reserveTries,
  type ThrottleRule,
} from '../../../src/server/teachers/login-throttle';
import {
  createDatabaseThrottleStore,
  createMemoryThrottleStore,
  type ThrottleStore,
} from '../../../src/server/http/throttle-store';
import { openTestDatabase } from '../support/test-database';

const rule: ThrottleRule = {
  freeFailures: 3,
  baseDelaySeconds: 30,
  maxDelaySeconds: 120,
  periodSeconds: 3600,
};

function createClock() {
  let now = 1_000_000;
  return { now: () => now, advance: (seconds: number) => (now += seconds * 1000) };
}

/** The same rules on either store: this process's memory, or the database shared by instances. */
const stores: [string, () => Promise<ThrottleStore>][] = [
  ['in memory', () => Promise.resolve(createMemoryThrottleStore())],
  ['in the database', async () => createDatabaseThrottleStore(await openTestDatabase())],
];

describe.each(stores)('LoginThrottle %s', (_, openStore) => {
  const createThrottle = async (now: () => number) =>
    new LoginThrottle(rule, await openStore(), 'login-test', now);

  it('lets the first failures through, then asks to wait', async () => {
    const clock = createClock();
    const throttle = await createThrottle(clock.now);
    for (let i = 0; i < 3; i += 1) {
      expect(await throttle.retryAfterSeconds('a@example.com')).toBe(0);
      await throttle.recordFailure('a@example.com');
    }
    expect(await throttle.retryAfterSeconds('a@example.com')).toBe(0);
    await throttle.recordFailure('a@example.com');
    expect(await throttle.retryAfterSeconds('a@example.com')).toBe(30);
  });

  it('asks to wait after the free failures even when a little has drained between them', async () => {
    const clock = createClock();
    const throttle = await createThrottle(clock.now);
    for (let i = 0; i < 4; i += 1) {
      expect(await throttle.retryAfterSeconds('slow@example.com')).toBe(0);
      await throttle.recordFailure('slow@example.com');
      // A person retyping: each failure a few seconds after the last drains a sliver of it.
      clock.advance(5);
    }
    expect(await throttle.retryAfterSeconds('slow@example.com')).toBe(25);
  });

  it('doubles the wait after each further failure, up to the maximum', async () => {
    const clock = createClock();
    const throttle = await createThrottle(clock.now);
    const waits: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      await throttle.recordFailure('key');
      waits.push(await throttle.retryAfterSeconds('key'));
    }
    expect(waits).toEqual([0, 0, 0, 30, 60, 120, 120]);
  });

  it('counts down as time passes and keeps keys apart', async () => {
    const clock = createClock();
    const throttle = await createThrottle(clock.now);
    for (let i = 0; i < 4; i += 1) await throttle.recordFailure('key');
    clock.advance(20);
    expect(await throttle.retryAfterSeconds('key')).toBe(10);
    expect(await throttle.retryAfterSeconds('other')).toBe(0);
    clock.advance(10);
    expect(await throttle.retryAfterSeconds('key')).toBe(0);
  });

  it('forgets failures after a success or after a quiet hour', async () => {
    const clock = createClock();
    const throttle = await createThrottle(clock.now);
    for (let i = 0; i < 4; i += 1) await throttle.recordFailure('key');
    await throttle.recordSuccess('key');
    expect(await throttle.retryAfterSeconds('key')).toBe(0);
    for (let i = 0; i < 3; i += 1) await throttle.recordFailure('key');
    clock.advance(3601);
    await throttle.recordFailure('key');
    expect(await throttle.retryAfterSeconds('key')).toBe(0);
  });

  it('reserves a try against several budgets at once, or counts nothing when one must wait', async () => {
    const clock = createClock();
    const store = await openStore();
    const account = new LoginThrottle(rule, store, 'login-account', clock.now);
    const address = new LoginThrottle(
      { ...rule, freeFailures: 10 },
      store,
      'login-address',
      clock.now,
    );
    for (let i = 0; i < 4; i += 1) {
      expect(
        await reserveTries(
          [
            [account, 'a'],
            [address, 'here'],
          ],
          clock.now(),
        ),
      ).toBe(0);
    }
    expect(
      await reserveTries(
        [
          [account, 'a'],
          [address, 'here'],
        ],
        clock.now(),
      ),
    ).toBe(30);
    // The refused try was not counted against the address either: it has 6 of its 10 left.
    for (let i = 0; i < 7; i += 1) {
      expect(
        await reserveTries(
          [
            [account, `other${i}`],
            [address, 'here'],
          ],
          clock.now(),
        ),
      ).toBe(0);
    }
    expect(await address.retryAfterSeconds('here')).toBe(30);
  });

  it('gives back a try that succeeded, lifting the wait it had earned', async () => {
    const clock = createClock();
    const throttle = await createThrottle(clock.now);
    for (let i = 0; i < 4; i += 1) await throttle.recordFailure('key');
    expect(await throttle.retryAfterSeconds('key')).toBe(30);
    await throttle.release('key');
    expect(await throttle.retryAfterSeconds('key')).toBe(0);
    // Only that one: the three real failures still count.
    await throttle.recordFailure('key');
    expect(await throttle.retryAfterSeconds('key')).toBe(30);
  });

  it('drains failures at freeFailures per period: a key failing at that rate is never held, a faster one is', async () => {
    const clock = createClock();
    // 3 per hour: one failure every 1200 s drains away as fast as it comes.
    const steady = await createThrottle(clock.now);
    for (let i = 0; i < 50; i += 1) {
      expect(await steady.retryAfterSeconds('steady')).toBe(0);
      await steady.recordFailure('steady');
      clock.advance(1200);
    }
    // One every 600 s piles up by half a failure each time, and is held once over the free 3.
    const fast = await createThrottle(clock.now);
    const waits: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      await fast.recordFailure('fast');
      waits.push(await fast.retryAfterSeconds('fast'));
      clock.advance(600);
    }
    expect(waits).toEqual([0, 0, 0, 0, 0, 30, 30, 60]);
  });
});
