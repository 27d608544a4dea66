import type { NetworkPolicyPort, Pod, Protocol } from '../types.ts';
import type { CompiledPort } from './types.ts';

/** Applies the API server's defaults to a rule's `ports`; undefined means every port and protocol. */
export function compilePorts(ports: NetworkPolicyPort[] | undefined): CompiledPort[] | undefined {
  if (!ports || ports.length === 0) return undefined;
  return ports.map((p) => {
    const protocol = p.protocol ?? 'TCP';
    if (typeof p.port === 'string') return { protocol, name: p.port };
    if (typeof p.port === 'number') return { protocol, port: p.port, ...(p.endPort !== undefined ? { endPort: p.endPort } : {}) };
    return { protocol };
  });
}

/** Whether a named port names this port and protocol on the pod (policy-assistant resolves it the same way). */
export function podHasNamedPort(pod: Pod, name: string, port: number, protocol: Protocol): boolean {
  for (const c of pod.containers) for (const p of c.ports) if (p.name === name && p.containerPort === port && p.protocol === protocol) return true;
  return false;
}

/** Whether one compiled `ports` entry admits the connection; named ports resolve against `dstPod`
 * (none when the destination is not a pod, so a named port never matches an IP destination). */
export function portEntryMatches(entry: CompiledPort, port: number, protocol: Protocol, dstPod: Pod | undefined): boolean {
  if (entry.protocol !== protocol) return false;
  if (entry.name !== undefined) return dstPod !== undefined && podHasNamedPort(dstPod, entry.name, port, protocol);
  if (entry.port === undefined) return true;
  if (entry.endPort !== undefined) return port >= entry.port && port <= entry.endPort;
  return port === entry.port;
}

/** Whether a rule's `ports` admit the connection. */
export function portsMatch(ports: CompiledPort[] | undefined, port: number, protocol: Protocol, dstPod: Pod | undefined): boolean {
  if (!ports) return true;
  for (const entry of ports) if (portEntryMatches(entry, port, protocol, dstPod)) return true;
  return false;
}

/** Whether a rule's ports can be decided without looking at the destination pod. */
export function portsIndependentOfPod(ports: CompiledPort[] | undefined): boolean {
  return !ports || ports.every((p) => p.name === undefined);
}

/** `80/TCP`, `8000-8080/TCP`, `serve-80-tcp/TCP`, `all ports/UDP`. */
export function formatPortEntry(entry: CompiledPort): string {
  if (entry.name !== undefined) return `${entry.name}/${entry.protocol}`;
  if (entry.port === undefined) return `all ports/${entry.protocol}`;
  if (entry.endPort !== undefined) return `${entry.port}-${entry.endPort}/${entry.protocol}`;
  return `${entry.port}/${entry.protocol}`;
}

/** Why a rule's ports do not admit the connection, naming what each named port resolves to. */
export function describePortMiss(ports: CompiledPort[], port: number, protocol: Protocol, dstPod: Pod | undefined): string {
  const listed = ports.map(formatPortEntry).join(', ');
  const notes: string[] = [];
  for (const entry of ports) {
    if (entry.name === undefined) continue;
    if (!dstPod) {
      notes.push(`named port ${entry.name} cannot match a destination that is not a pod`);
      continue;
    }
    const found = dstPod.containers.flatMap((c) => c.ports).filter((p) => p.name === entry.name);
    notes.push(
      found.length === 0
        ? `${dstPod.namespace}/${dstPod.name} has no container port named ${entry.name}`
        : `${entry.name} is ${found.map((p) => `${p.containerPort}/${p.protocol}`).join(', ')} on ${dstPod.namespace}/${dstPod.name}`,
    );
  }
  return `port ${port}/${protocol} is not in ports [${listed}]${notes.length ? ` (${notes.join('; ')})` : ''}`;
}
