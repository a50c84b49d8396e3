import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createRandom,
  deriveSeed,
  SEED_LIMIT,
  shuffle,
  shuffleOutOfOrder,
} from '../../src/domain/seeded-random';

const seed = fc.integer({ min: 0, max: SEED_LIMIT - 1 });
const draw = (random: () => number, count: number) => Array.from({ length: count }, random);

describe('createRandom', () => {
  it('gives the same numbers for the same seed, in [0, 1)', () => {
    fc.assert(
      fc.property(seed, (value) => {
        const numbers = draw(createRandom(value), 20);
        expect(draw(createRandom(value), 20)).toEqual(numbers);
        for (const number of numbers) {
          expect(number).toBeGreaterThanOrEqual(0);
          expect(number).toBeLessThan(1);
        }
      }),
    );
  });

  it('gives different numbers for neighbouring seeds', () => {
    expect(draw(createRandom(1), 5)).not.toEqual(draw(createRandom(2), 5));
  });

  it('spreads its numbers evenly', () => {
    const buckets = new Array<number>(10).fill(0);
    const random = createRandom(12345);
    for (let index = 0; index < 100_000; index += 1) {
      const bucket = Math.floor(random() * 10);
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it.each([-1, 0.5, SEED_LIMIT, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses the seed %d',
    (bad) => {
      expect(() => createRandom(bad)).toThrow(RangeError);
    },
  );
});

describe('deriveSeed', () => {
  it('gives a valid, different seed for each label and each seed', () => {
    const seeds = new Set([
      deriveSeed(1, 'q1/options'),
      deriveSeed(1, 'q2/options'),
      deriveSeed(2, 'q1/options'),
      deriveSeed(1, 'questions'),
    ]);
    expect(seeds.size).toBe(4);
    for (const derived of seeds) expect(() => createRandom(derived)).not.toThrow();
  });
});

describe('shuffle', () => {
  it('is a permutation, the same for the same seed, and leaves its input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), seed, (items, value) => {
        const copy = [...items];
        const shuffled = shuffle(items, createRandom(value));
        expect(items).toEqual(copy);
        expect([...shuffled].sort()).toEqual([...items].sort());
        expect(shuffle(items, createRandom(value))).toEqual(shuffled);
      }),
    );
  });

  it('makes every order of three items about equally likely', () => {
    const counts = new Map<string, number>();
    const random = createRandom(7);
    for (let index = 0; index < 60_000; index += 1) {
      const key = shuffle(['a', 'b', 'c'], random).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});

describe('shuffleOutOfOrder', () => {
  it('never returns two or more distinct items in their original order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer(), { minLength: 2, maxLength: 8 }),
        seed,
        (items, value) => {
          const shuffled = shuffleOutOfOrder(items, createRandom(value));
          expect(shuffled).not.toEqual(items);
          expect([...shuffled].sort()).toEqual([...items].sort());
        },
      ),
    );
  });

  it('rotates when the random source keeps giving the original order', () => {
    // Fisher–Yates swaps each item with itself when every draw is just below 1.
    expect(shuffleOutOfOrder(['a', 'b', 'c'], () => 0.999)).toEqual(['b', 'c', 'a']);
  });

  it('returns a single item as it is', () => {
    expect(shuffleOutOfOrder(['a'], createRandom(1))).toEqual(['a']);
  });
});
