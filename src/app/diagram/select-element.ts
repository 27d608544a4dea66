// Clicking the diagram fills the request panel: a client becomes the source, a Service the target.
import type { HopEvent } from '../request/hop-view.ts';
import { serviceUrl } from '../request/request-options.ts';
import { useSimulation } from '../state/simulation-store.ts';
import { useTraces } from '../state/trace-store.ts';

/** Handles a click on a diagram element by its id (`pod/ns/name`, `node/n`, `external`, `service/ns/name`). */
export function selectElement(id: string): void {
  const set = useTraces.getState().setRequest;
  if (id.startsWith('pod/') || id.startsWith('node/') || id === 'external') {
    set({ from: id });
    return;
  }
  const svc = /^service\/([^/]+)\/([^/]+)$/.exec(id);
  if (!svc) return;
  const service = useSimulation.getState().shown?.cluster.services.find((s) => s.namespace === svc[1] && s.name === svc[2]);
  const port = service?.ports[0];
  if (!service || !port) return;
  set({ to: port.protocol === 'TCP' ? serviceUrl(service.name, service.namespace, port.port) : `svc/${service.namespace}/${service.name}:${port.port}` });
}

/** Handles a click on a packet: the event list and inspector jump to that hop. */
export function selectHop(events: readonly HopEvent[], trace: number, hop: number): void {
  const event = events.find((e) => e.trace === trace && e.hop === hop);
  if (event) useTraces.getState().select(event.index);
}
