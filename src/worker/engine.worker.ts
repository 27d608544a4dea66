// The engine in a Web Worker: a thin switch over commands (see host.ts), nothing else.
import { createEngineHost } from './host.ts';
import type { EngineCommand, EngineReply } from './protocol.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent<EngineCommand>) => void) | null;
  postMessage(message: EngineReply): void;
}

const scope = self as unknown as WorkerScope;
const host = createEngineHost(() => performance.now());

scope.onmessage = (event) => {
  scope.postMessage(host.handle(event.data));
};
