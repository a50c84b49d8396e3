/**
 * Read-aloud's sentence following, as a state machine over the article's sentences: where reading
 * is (an index into the sentences it may read) and whether it is reading, paused or idle. Each
 * transition also says what the speech engine must do, so the hook that drives a real engine only
 * carries effects out. No browser API here: the hook and the tests feed it events.
 */

export type ReadAloudStatus = 'idle' | 'playing' | 'paused';

export interface ReadAloudState {
  status: ReadAloudStatus;
  /** The sentence being read, paused at, or (when idle) where reading will start. */
  index: number;
  /**
   * Whether the engine holds an utterance of this sentence that `resume` can carry on (false
   * after moving while paused: resuming then speaks the new sentence from its start).
   */
  held: boolean;
  /** Set when the last sentence has been read to its end, until the next event. */
  finished: boolean;
}

export type ReadAloudEvent =
  /** Read from a sentence (by its index), or from where the state stands. */
  | { type: 'play'; index?: number }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'stop' }
  | { type: 'next' }
  | { type: 'previous' }
  /** The engine finished speaking the current sentence. */
  | { type: 'ended' }
  /** Speed or voice changed: the current sentence is spoken again with them. */
  | { type: 'restart' };

/** What the speech engine must do after a transition. */
export type ReadAloudEffect = 'speak' | 'pause' | 'resume' | 'cancel' | 'none';

export const INITIAL_READ_ALOUD_STATE: ReadAloudState = {
  status: 'idle',
  index: 0,
  held: false,
  finished: false,
};

/** The slowest and fastest reading speeds offered, and the steps between them. */
export const READ_ALOUD_RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;

function clampIndex(index: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(Math.max(0, Math.trunc(index)), count - 1);
}

/**
 * The next state of read-aloud over `count` sentences after `event`, with the engine's effect.
 * The index always stays within the sentences; an article with none never starts reading.
 */
export function transitionReadAloud(
  state: ReadAloudState,
  event: ReadAloudEvent,
  count: number,
): { state: ReadAloudState; effect: ReadAloudEffect } {
  const at = (index: number, status: ReadAloudStatus, held: boolean) => ({
    status,
    index: clampIndex(index, count),
    held,
    finished: false,
  });
  if (count <= 0) return { state: INITIAL_READ_ALOUD_STATE, effect: 'none' };

  switch (event.type) {
    case 'play':
      return { state: at(event.index ?? state.index, 'playing', true), effect: 'speak' };
    case 'pause':
      return state.status === 'playing'
        ? { state: { ...state, status: 'paused' }, effect: 'pause' }
        : { state, effect: 'none' };
    case 'resume':
      if (state.status !== 'paused') return { state, effect: 'none' };
      return {
        state: at(state.index, 'playing', true),
        effect: state.held ? 'resume' : 'speak',
      };
    case 'stop':
      return {
        state: INITIAL_READ_ALOUD_STATE,
        effect: state.status === 'idle' ? 'none' : 'cancel',
      };
    case 'next':
    case 'previous': {
      const index = clampIndex(state.index + (event.type === 'next' ? 1 : -1), count);
      if (index === state.index && state.status !== 'idle') return { state, effect: 'none' };
      if (state.status === 'playing') return { state: at(index, 'playing', true), effect: 'speak' };
      if (state.status === 'paused') return { state: at(index, 'paused', false), effect: 'cancel' };
      return { state: at(index, 'idle', false), effect: 'none' };
    }
    case 'ended':
      if (state.status !== 'playing') return { state, effect: 'none' };
      if (state.index + 1 < count)
        return { state: at(state.index + 1, 'playing', true), effect: 'speak' };
      return { state: { ...INITIAL_READ_ALOUD_STATE, finished: true }, effect: 'none' };
    case 'restart':
      if (state.status === 'playing') return { state, effect: 'speak' };
      if (state.status === 'paused') return { state: { ...state, held: false }, effect: 'cancel' };
      return { state, effect: 'none' };
  }
}
