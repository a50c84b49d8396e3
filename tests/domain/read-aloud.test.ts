import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  INITIAL_READ_ALOUD_STATE,
  transitionReadAloud,
  type ReadAloudEvent,
  type ReadAloudState,
} from '../../src/domain/read-aloud';

/** Runs events from the start over `count` sentences; returns every state and effect. */
function run(events: ReadAloudEvent[], count: number) {
  let state: ReadAloudState = INITIAL_READ_ALOUD_STATE;
  const effects: string[] = [];
  for (const event of events) {
    const next = transitionReadAloud(state, event, count);
    state = next.state;
    effects.push(next.effect);
  }
  return { state, effects };
}

describe('transitionReadAloud', () => {
  it('starts at the first sentence, or at a chosen one, and speaks it', () => {
    expect(run([{ type: 'play' }], 5)).toEqual({
      state: { status: 'playing', index: 0, held: true, finished: false },
      effects: ['speak'],
    });
    expect(run([{ type: 'play', index: 3 }], 5).state).toMatchObject({
      status: 'playing',
      index: 3,
    });
  });

  it('advances on the end of each utterance and finishes after the last', () => {
    const { state, effects } = run(
      [{ type: 'play', index: 2 }, { type: 'ended' }, { type: 'ended' }],
      4,
    );
    expect(effects).toEqual(['speak', 'speak', 'none']);
    expect(state).toEqual({ ...INITIAL_READ_ALOUD_STATE, finished: true });
    expect(run([{ type: 'play', index: 2 }, { type: 'ended' }], 4).state.index).toBe(3);
  });

  it('pauses and resumes the same utterance', () => {
    const { state, effects } = run([{ type: 'play' }, { type: 'pause' }, { type: 'resume' }], 3);
    expect(effects).toEqual(['speak', 'pause', 'resume']);
    expect(state.status).toBe('playing');
  });

  it('ignores an end while paused, and a pause or resume that does not apply', () => {
    const paused = run([{ type: 'play' }, { type: 'pause' }, { type: 'ended' }], 3);
    expect(paused.state).toMatchObject({ status: 'paused', index: 0 });
    expect(run([{ type: 'pause' }, { type: 'resume' }], 3).effects).toEqual(['none', 'none']);
  });

  it('moves while paused by cancelling, and speaks the new sentence on resume', () => {
    const { state, effects } = run(
      [{ type: 'play' }, { type: 'pause' }, { type: 'next' }, { type: 'resume' }],
      3,
    );
    expect(effects).toEqual(['speak', 'pause', 'cancel', 'speak']);
    expect(state).toMatchObject({ status: 'playing', index: 1 });
  });

  it('moves while playing by speaking the next or previous sentence', () => {
    const { state, effects } = run(
      [{ type: 'play', index: 1 }, { type: 'next' }, { type: 'previous' }, { type: 'previous' }],
      3,
    );
    expect(effects).toEqual(['speak', 'speak', 'speak', 'speak']);
    expect(state.index).toBe(0);
    // Past either end there is nothing to move to, and the sentence read goes on.
    expect(run([{ type: 'play' }, { type: 'previous' }], 3).effects).toEqual(['speak', 'none']);
  });

  it('moves where reading will start while idle, without speaking', () => {
    const { state, effects } = run([{ type: 'next' }, { type: 'next' }, { type: 'play' }], 5);
    expect(effects).toEqual(['none', 'none', 'speak']);
    expect(state).toMatchObject({ status: 'playing', index: 2 });
  });

  it('resets on stop, cancelling speech only when there is some', () => {
    const { state, effects } = run(
      [{ type: 'play', index: 2 }, { type: 'stop' }, { type: 'stop' }],
      5,
    );
    expect(effects).toEqual(['speak', 'cancel', 'none']);
    expect(state).toEqual(INITIAL_READ_ALOUD_STATE);
  });

  it('speaks the sentence again for a new speed or voice, or resumes it afresh when paused', () => {
    expect(run([{ type: 'play' }, { type: 'restart' }], 2).effects).toEqual(['speak', 'speak']);
    const paused = run(
      [{ type: 'play' }, { type: 'pause' }, { type: 'restart' }, { type: 'resume' }],
      2,
    );
    expect(paused.effects).toEqual(['speak', 'pause', 'cancel', 'speak']);
    expect(run([{ type: 'restart' }], 2).effects).toEqual(['none']);
  });

  it('never starts over an article with no sentences', () => {
    expect(run([{ type: 'play' }, { type: 'next' }], 0)).toEqual({
      state: INITIAL_READ_ALOUD_STATE,
      effects: ['none', 'none'],
    });
  });

  const event: fc.Arbitrary<ReadAloudEvent> = fc.oneof(
    fc.constantFrom<ReadAloudEvent>(
      { type: 'play' },
      { type: 'pause' },
      { type: 'resume' },
      { type: 'stop' },
      { type: 'next' },
      { type: 'previous' },
      { type: 'ended' },
      { type: 'restart' },
    ),
    fc.integer({ min: -5, max: 60 }).map((index): ReadAloudEvent => ({ type: 'play', index })),
  );

  it('keeps the sentence within the article whatever happens (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.array(event, { maxLength: 60 }),
        (count, events) => {
          let state: ReadAloudState = INITIAL_READ_ALOUD_STATE;
          for (const item of events) {
            state = transitionReadAloud(state, item, count).state;
            expect(state.index).toBeGreaterThanOrEqual(0);
            expect(state.index).toBeLessThan(count);
            expect(Number.isInteger(state.index)).toBe(true);
          }
        },
      ),
    );
  });

  it('moves by exactly one sentence on next and previous, stopping at the ends (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.constantFrom<'next' | 'previous'>('next', 'previous'), { maxLength: 80 }),
        fc.boolean(),
        (count, moves, playing) => {
          let state = playing
            ? transitionReadAloud(INITIAL_READ_ALOUD_STATE, { type: 'play' }, count).state
            : INITIAL_READ_ALOUD_STATE;
          let expected = 0;
          for (const move of moves) {
            state = transitionReadAloud(state, { type: move }, count).state;
            expected = Math.min(count - 1, Math.max(0, expected + (move === 'next' ? 1 : -1)));
            expect(state.index).toBe(expected);
          }
        },
      ),
    );
  });
});
