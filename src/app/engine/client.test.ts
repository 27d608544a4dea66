import { describe, expect, it } from 'vitest';
import type { EngineHost } from '../../worker/host.ts';
import type { EngineCommand, EngineReply } from '../../worker/protocol.ts';
import { createEngineClient, type EngineNotice, type WorkerLike } from './client.ts';

/** A worker that records what it was sent and answers when told to. */
class FakeWorker implements WorkerLike {
  sent: EngineCommand[] = [];
  terminated = false;
  onmessage: ((event: { data: EngineReply }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessageerror: ((event: unknown) => void) | null = null;
  postMessage(message: EngineCommand) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(reply: EngineReply) {
    this.onmessage?.({ data: reply });
  }
}

const cleanReply = (seq: number): EngineReply => ({ command: 'simulate', seq, cluster: {} as never, diagnostics: [], elapsedMs: 1 });

function setup(options: { workers?: number; noWorker?: boolean } = {}) {
  const workers: FakeWorker[] = [];
  const notices: EngineNotice[] = [];
  const timers: Array<{ fn: () => void; cleared: boolean }> = [];
  let allowed = options.workers ?? 10;
  const client = createEngineClient({
    createWorker: options.noWorker
      ? undefined
      : () => {
          if (allowed-- <= 0) throw new Error('no more workers');
          const w = new FakeWorker();
          workers.push(w);
          return w;
        },
    loadHost: async (): Promise<EngineHost> => ({ handle: (c) => (c.command === 'simulate' ? cleanReply(c.seq) : { command: 'error', seq: c.seq, message: 'x' }) }),
    onNotice: (n) => notices.push(n),
    setTimer: (fn) => {
      const t = { fn, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (t) => {
      (t as { cleared: boolean }).cleared = true;
    },
  });
  /** Fires the newest live timer (the watchdog or a main-thread run). */
  const fireTimer = () => {
    const t = [...timers].reverse().find((x) => !x.cleared);
    if (!t) throw new Error('no timer armed');
    t.cleared = true;
    t.fn();
  };
  return { client, workers, notices, fireTimer, timers };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('createEngineClient', () => {
  it('numbers commands and resolves with the matching reply', async () => {
    const { client, workers } = setup();
    const result = client.simulate({ manifests: [] });
    const w = workers[0]!;
    expect(w.sent.map((c) => [c.command, c.seq])).toEqual([['simulate', 1]]);
    w.answer(cleanReply(1));
    expect((await result)?.seq).toBe(1);
  });

  it('drops a simulation that a newer one has overtaken', async () => {
    const { client, workers } = setup();
    const older = client.simulate({ manifests: [] });
    const newer = client.simulate({ manifests: [] });
    workers[0]!.answer(cleanReply(1));
    workers[0]!.answer(cleanReply(2));
    expect(await older).toBeUndefined();
    expect((await newer)?.seq).toBe(2);
  });

  const restartCases = [
    { name: 'a crashed worker', kill: (env: ReturnType<typeof setup>) => env.workers[0]!.onerror?.(new Event('error')), reason: 'crashed' },
    { name: 'a hung worker', kill: (env: ReturnType<typeof setup>) => env.fireTimer(), reason: 'timeout' },
  ] as const;
  it.each(restartCases)('restarts $name, tells the learner and replays the pending work', async ({ kill, reason }) => {
    const env = setup();
    const result = env.client.simulate({ manifests: [{ file: 'a.yaml', text: 'x' }] });
    kill(env);
    expect(env.workers[0]!.terminated).toBe(true);
    expect(env.notices).toEqual([expect.objectContaining({ kind: 'restarted', reason })]);
    const fresh = env.workers[1]!;
    expect(fresh.sent).toEqual([{ command: 'simulate', seq: 1, manifests: [{ file: 'a.yaml', text: 'x' }] }]);
    fresh.answer(cleanReply(1));
    expect((await result)?.seq).toBe(1);
  });

  it('tells a fresh worker the simulation a trace refers to', async () => {
    const env = setup();
    const sim = env.client.simulate({ manifests: [] });
    env.workers[0]!.answer(cleanReply(1));
    await sim;
    void env.client.trace(1, { from: 'external', to: 'x' }, 1);
    env.workers[0]!.onerror?.(new Event('error'));
    expect(env.workers[1]!.sent.map((c) => [c.command, c.seq])).toEqual([
      ['simulate', 1],
      ['trace', 2],
    ]);
  });

  it('gives up on an input that kills the worker twice, keeping the worker', async () => {
    const env = setup();
    const result = env.client.simulate({ manifests: [] });
    env.workers[0]!.onerror?.(new Event('error'));
    env.workers[1]!.onerror?.(new Event('error'));
    await expect(result).rejects.toThrow('failed on this input');
    expect(env.notices.map((n) => n.kind)).toEqual(['restarted', 'failed', 'restarted']);
    expect(env.workers[2]!.sent).toEqual([]);
  });

  it('falls back to the main thread when Workers are unavailable', async () => {
    const env = setup({ noWorker: true });
    expect(env.client.mode()).toBe('main-thread');
    expect(env.notices.map((n) => n.kind)).toEqual(['main-thread']);
    const result = env.client.simulate({ manifests: [] });
    await flush();
    env.fireTimer();
    expect((await result)?.seq).toBe(1);
  });

  it('falls back to the main thread when a new worker cannot be started', async () => {
    const env = setup({ workers: 1 });
    const result = env.client.simulate({ manifests: [] });
    env.workers[0]!.onerror?.(new Event('error'));
    expect(env.client.mode()).toBe('main-thread');
    await flush();
    env.fireTimer();
    expect((await result)?.seq).toBe(1);
  });
});
