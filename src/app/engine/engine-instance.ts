// The one engine client of the page, started on first use.
import { useNotices } from '../state/notices-store.ts';
import { createEngineClient, type EngineClient, type WorkerLike } from './client.ts';

let client: EngineClient | undefined;

function createWorker(): WorkerLike {
  if (typeof Worker === 'undefined') throw new Error('Web Workers are unavailable');
  return new Worker(new URL('../../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'netlab-engine' }) as unknown as WorkerLike;
}

/** The page's engine client (a Web Worker, or the main thread when Workers are unavailable). */
export function engineClient(): EngineClient {
  client ??= createEngineClient({
    createWorker,
    loadHost: () => import('../../worker/host.ts').then((m) => m.createEngineHost(() => performance.now())),
    onNotice: (notice) => useNotices.getState().push({ tone: notice.kind === 'failed' ? 'error' : 'warning', message: notice.message }),
  });
  return client;
}
