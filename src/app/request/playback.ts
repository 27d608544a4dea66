// Packet-Tracer-style playback over the flattened hop list: pure state transitions.

export interface Playback {
  /** Index of the current hop in the event list; -1 before the first. */
  cursor: number;
  playing: boolean;
  speed: number;
}

/** Playback speeds offered to the learner. */
export const SPEEDS = [0.5, 1, 2, 4] as const;

/** The state before anything has been played. */
export const INITIAL_PLAYBACK: Playback = { cursor: -1, playing: false, speed: 1 };

/** Moves the cursor by `delta` hops, staying inside the list; stepping pauses. */
export function stepBy(pb: Playback, total: number, delta: number): Playback {
  if (total === 0) return { ...pb, cursor: -1, playing: false };
  return { ...pb, cursor: Math.max(0, Math.min(total - 1, pb.cursor + delta)), playing: false };
}

/** One timer tick while playing: the next hop, stopping at the last. */
export function tick(pb: Playback, total: number): Playback {
  if (!pb.playing) return pb;
  if (pb.cursor >= total - 1) return { ...pb, playing: false };
  const cursor = pb.cursor + 1;
  return { ...pb, cursor, playing: cursor < total - 1 };
}

/** Starts playing; from the start again when the end was reached. */
export function play(pb: Playback, total: number): Playback {
  if (total === 0) return pb;
  return { ...pb, playing: true, cursor: pb.cursor >= total - 1 ? -1 : pb.cursor };
}

/** Milliseconds between hops at a speed. */
export function stepIntervalMs(speed: number): number {
  return Math.round(900 / (speed > 0 ? speed : 1));
}
