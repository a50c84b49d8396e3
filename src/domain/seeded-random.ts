/**
 * Reproducible randomness for attempts: the same seed always gives the same question and option
 * order, so an attempt's presentation can be rebuilt from its seed alone.
 */

/** A source of numbers in [0, 1), like `Math.random`, but determined by its seed. */
export type RandomSource = () => number;

/** The largest seed plus one: seeds are unsigned 32-bit integers. */
export const SEED_LIMIT = 2 ** 32;

/** Throws unless `seed` can seed `createRandom`: an integer from 0 to 2^32 - 1. */
export function assertSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed >= SEED_LIMIT) {
    throw new RangeError(`A seed is an integer from 0 to ${SEED_LIMIT - 1}; got ${seed}.`);
  }
}

/**
 * Mulberry32 by Tommy Ettinger (public domain), in the form given in bryc's collection of
 * JavaScript PRNGs (github.com/bryc/code, `jshash/PRNGs.md`). A 32-bit state is plenty for
 * shuffling a few dozen items; this is not for secrets.
 */
export function createRandom(seed: number): RandomSource {
  assertSeed(seed);
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / SEED_LIMIT;
  };
}

/**
 * Derives an independent seed for one named use of a seed (FNV-1a over the seed's bytes and the
 * label). Each question's options get their own stream, so leaving a question out of an attempt
 * does not reshuffle the options of the others.
 */
export function deriveSeed(seed: number, label: string): number {
  let hash = 0x811c9dc5;
  const mix = (byte: number) => {
    hash = Math.imul(hash ^ byte, 0x01000193);
  };
  for (let shift = 0; shift < 32; shift += 8) mix((seed >>> shift) & 0xff);
  for (let index = 0; index < label.length; index += 1) mix(label.charCodeAt(index));
  return hash >>> 0;
}

/** A uniformly random permutation of `items` (Fisher–Yates); `items` itself is left alone. */
export function shuffle<T>(items: readonly T[], random: RandomSource): T[] {
  const shuffled = [...items];
  for (let index = shuffled.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [shuffled[index], shuffled[other]] = [shuffled[other] as T, shuffled[index] as T];
  }
  return shuffled;
}

/**
 * Retries a shuffle this many times before rotating instead. With three or more items a shuffle
 * comes out in the original order at most one time in six, so the rotation is a last resort.
 */
const MAX_RESHUFFLES = 16;

/**
 * A random arrangement of two or more distinct items that is never their original order: the
 * shuffle is drawn again when it comes out unchanged (every other arrangement stays equally likely).
 */
export function shuffleOutOfOrder<T>(items: readonly T[], random: RandomSource): T[] {
  if (items.length < 2) return [...items];
  for (let attempt = 0; attempt < MAX_RESHUFFLES; attempt += 1) {
    const shuffled = shuffle(items, random);
    if (shuffled.some((item, index) => item !== items[index])) return shuffled;
  }
  return [...items.slice(1), ...items.slice(0, 1)];
}
