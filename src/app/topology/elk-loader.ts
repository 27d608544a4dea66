import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { ElkRunner } from './layout.ts';

// ELK is ~1.5 MB: it is loaded on first use, and runs in its own Web Worker so a layout never
// blocks the page. If the worker cannot start (an old browser, a strict CSP), the bundled build
// runs on the main thread instead.

let runner: Promise<ElkRunner> | undefined;

async function workerRunner(): Promise<ElkRunner> {
  const [{ default: ELK }, { default: workerUrl }] = await Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')]);
  let failed: (e: unknown) => void = () => {};
  const broken = new Promise<never>((_, reject) => (failed = reject));
  // Only ever awaited through Promise.race: keep a later worker error from being "unhandled".
  broken.catch(() => {});
  const elk = new ELK({
    workerFactory: (url) => {
      const worker = new Worker(url ?? workerUrl);
      worker.addEventListener('error', (e) => failed(e));
      return worker;
    },
    workerUrl,
  });
  // Prove the worker answers before relying on it.
  const timer = setTimeout(() => failed(new Error('ELK worker did not answer in 10 s')), 10_000);
  try {
    await Promise.race([elk.knownLayoutAlgorithms(), broken]);
  } catch (e) {
    elk.terminateWorker();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  return { layout: (graph: ElkNode) => Promise.race([elk.layout(graph), broken]) };
}

async function mainThreadRunner(): Promise<ElkRunner> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  return { layout: (graph: ElkNode) => elk.layout(graph) };
}

/** The worker runner, falling back to the main thread if the worker fails to start or dies. */
async function resilientRunner(): Promise<ElkRunner> {
  let primary: ElkRunner;
  try {
    primary = await workerRunner();
  } catch {
    return mainThreadRunner();
  }
  let fallback: Promise<ElkRunner> | undefined;
  return {
    layout: (graph) => primary.layout(graph).catch(async () => (await (fallback ??= mainThreadRunner())).layout(graph)),
  };
}

/** The shared ELK runner, created on first call. */
export function loadElk(): Promise<ElkRunner> {
  runner ??= resilientRunner();
  return runner;
}
