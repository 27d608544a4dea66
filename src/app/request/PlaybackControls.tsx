// Packet-Tracer-style controls: play, pause, step back, step forward, reset, speed.
import { useEffect, useId } from 'react';
import { useTraces } from '../state/trace-store.ts';
import { SPEEDS, stepIntervalMs } from './playback.ts';

/** Playback controls; while playing, a timer advances one hop per interval. */
export function PlaybackControls() {
  const playing = useTraces((s) => s.playing);
  const speed = useTraces((s) => s.speed);
  const cursor = useTraces((s) => s.cursor);
  const total = useTraces((s) => s.total);
  const { play, pause, step, resetPlayback, setSpeed, tick } = useTraces.getState();
  const id = useId();

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(tick, stepIntervalMs(speed));
    return () => clearInterval(timer);
  }, [playing, speed, tick]);

  const none = total === 0;
  return (
    <div className="playback" role="toolbar" aria-label="Playback">
      <button type="button" onClick={resetPlayback} disabled={none}>
        <span aria-hidden="true">↺</span> Reset
      </button>
      <button type="button" onClick={() => step(-1)} disabled={none || cursor <= 0} aria-label="Step back">
        <span aria-hidden="true">◂</span> Back
      </button>
      {playing ? (
        <button type="button" onClick={pause}>
          <span aria-hidden="true">❚❚</span> Pause
        </button>
      ) : (
        <button type="button" onClick={play} disabled={none}>
          <span aria-hidden="true">▸</span> Play
        </button>
      )}
      <button type="button" onClick={() => step(1)} disabled={none || cursor >= total - 1} aria-label="Step forward">
        Step <span aria-hidden="true">▸</span>
      </button>
      <label htmlFor={`${id}-speed`} className="speed-label">
        Speed
      </label>
      <select id={`${id}-speed`} value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <span className="muted position" aria-live="polite" data-testid="hop-position">
        {none ? 'No hops yet' : `Hop ${Math.max(0, cursor + 1)} of ${total}`}
      </span>
    </div>
  );
}
