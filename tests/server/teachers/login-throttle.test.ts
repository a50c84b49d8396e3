import { describe, expect, it } from 'vitest';
import { LoginThrottle, type ThrottleRule } from '../../../src/server/teachers/login-throttle';

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

describe('LoginThrottle', () => {
  it('lets the first failures through, then asks to wait', () => {
    const clock = createClock();
    const throttle = new LoginThrottle(rule, clock.now);
    for (let i = 0; i < 3; i += 1) {
      expect(throttle.retryAfterSeconds('a@example.com')).toBe(0);
      throttle.recordFailure('a@example.com');
    }
    expect(throttle.retryAfterSeconds('a@example.com')).toBe(0);
    throttle.recordFailure('a@example.com');
    expect(throttle.retryAfterSeconds('a@example.com')).toBe(30);
  });

  it('doubles the wait after each further failure, up to the maximum', () => {
    const clock = createClock();
    const throttle = new LoginThrottle(rule, clock.now);
    const waits: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      throttle.recordFailure('key');
      waits.push(throttle.retryAfterSeconds('key'));
    }
    expect(waits).toEqual([0, 0, 0, 30, 60, 120, 120]);
  });

  it('counts down as time passes and keeps keys apart', () => {
    const clock = createClock();
    const throttle = new LoginThrottle(rule, clock.now);
    for (let i = 0; i < 4; i += 1) throttle.recordFailure('key');
    clock.advance(20);
    expect(throttle.retryAfterSeconds('key')).toBe(10);
    expect(throttle.retryAfterSeconds('other')).toBe(0);
    clock.advance(10);
    expect(throttle.retryAfterSeconds('key')).toBe(0);
  });

  it('forgets failures after a success or after a quiet hour', () => {
    const clock = createClock();
    const throttle = new LoginThrottle(rule, clock.now);
    for (let i = 0; i < 4; i += 1) throttle.recordFailure('key');
    throttle.recordSuccess('key');
    expect(throttle.retryAfterSeconds('key')).toBe(0);
    for (let i = 0; i < 3; i += 1) throttle.recordFailure('key');
    clock.advance(3601);
    throttle.recordFailure('key');
    expect(throttle.retryAfterSeconds('key')).toBe(0);
  });
});

describe('LoginThrottle reservations and draining', () => {
  it('gives back a try that succeeded, lifting the wait it had earned', () => {
    const clock = createClock();
    const throttle = new LoginThrottle(rule, clock.now);
    for (let i = 0; i < 4; i += 1) throttle.recordFailure('key');
    expect(throttle.retryAfterSeconds('key')).toBe(30);
    throttle.release('key');
    expect(throttle.retryAfterSeconds('key')).toBe(0);
    // Only that one: the three real failures still count.
    throttle.recordFailure('key');
    expect(throttle.retryAfterSeconds('key')).toBe(30);
  });

  it('drains failures at freeFailures per period: a key failing at that rate is never held, a faster one is', () => {
    const clock = createClock();
    // 3 per hour: one failure every 1200 s drains away as fast as it comes.
    const steady = new LoginThrottle(rule, clock.now);
    for (let i = 0; i < 50; i += 1) {
      expect(steady.retryAfterSeconds('steady')).toBe(0);
      steady.recordFailure('steady');
      clock.advance(1200);
    }
    // One every 600 s piles up by half a failure each time, and is held once over the free 3.
    const fast = new LoginThrottle(rule, clock.now);
    const waits: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      fast.recordFailure('fast');
      waits.push(fast.retryAfterSeconds('fast'));
      clock.advance(600);
    }
    expect(waits).toEqual([0, 0, 0, 0, 0, 0, 30, 30]);
  });
});
