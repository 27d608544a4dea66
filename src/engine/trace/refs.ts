import { compareStrings } from '../order.ts';
import type { Dataplane } from '../dataplane/index.ts';
import { parseIPv4 } from '../net/ip.ts';
import { EXTERNAL_CLIENT_IP } from '../cluster/system.ts';
import { API_RESOURCES } from '../validation/kinds.ts';
import type { Node, Pod, Protocol } from '../types.ts';

/** Where a probe starts. */
export type ProbeSource =
  | { kind: 'pod'; pod: Pod; node: Node; ip: string; element: string }
  | { kind: 'node'; node: Node; ip: string; element: string }
  | { kind: 'external'; ip: string; element: string };

/** Where a probe goes, before name resolution. */
export type ProbeTarget =
  | { kind: 'url'; scheme: 'http' | 'https'; host: string; port: number; path: string; query: string }
  | { kind: 'address'; host: string; port: number };

// Plural names and short names as kubectl accepts them, from the table the API server serves.
const KIND_ALIASES: ReadonlyMap<string, string> = new Map(
  API_RESOURCES.flatMap((r) => [r.resource, ...r.shortNames].map((alias) => [alias, r.kind.toLowerCase()] as const)),
);

/** The canonical lower-case kind for a kubectl-style kind or short name (`svc` -> `service`). */
export function canonicalKind(kind: string): string {
  const k = kind.toLowerCase();
  return KIND_ALIASES.get(k) ?? k;
}

/** Resolves a probe source reference (`pod/ns/name`, `ns/name`, `deployment/ns/name`, `node/name`, `external[:ip]`). */
export function resolveSource(dp: Dataplane, ref: string): ProbeSource | { error: string } {
  if (ref === 'external' || ref.startsWith('external:')) {
    const ip = ref === 'external' ? EXTERNAL_CLIENT_IP : ref.slice('external:'.length);
    if (parseIPv4(ip) === undefined) return { error: `"${ref}": external:<ip> needs an IPv4 address` };
    return { kind: 'external', ip, element: 'external' };
  }
  const parts = ref.split('/');
  if (parts.length === 2 && canonicalKind(parts[0]!) === 'node') {
    const node = dp.nodesByName.get(parts[1]!);
    return node ? { kind: 'node', node, ip: node.internalIP, element: `node/${node.name}` } : { error: `nodes "${parts[1]}" not found` };
  }
  let pod: Pod | undefined;
  if (parts.length === 2) pod = dp.podsByRef.get(ref);
  else if (parts.length === 3) {
    const kind = canonicalKind(parts[0]!);
    const key = `${parts[1]}/${parts[2]}`;
    if (kind === 'pod') pod = dp.podsByRef.get(key);
    else if (['deployment', 'statefulset', 'daemonset', 'replicaset'].includes(kind)) {
      const createdBy = `${kind}/${key}`;
      pod = dp.cluster.pods.filter((p) => p.createdBy === createdBy).sort((a, b) => compareStrings(a.name, b.name))[0];
      if (!pod) return { error: `${kind} ${key} has no pods` };
    } else return { error: `"${ref}" cannot send traffic: use a pod, deployment/<ns>/<name>, node/<name> or external` };
  } else return { error: `"${ref}" is not a reference: use pod/<ns>/<name>, <ns>/<name>, node/<name> or external` };
  if (!pod) return { error: `pods "${parts.slice(-1)[0]}" not found in namespace "${parts.slice(-2)[0]}"` };
  const node = dp.nodesByName.get(pod.nodeName);
  if (!node || !pod.podIP) return { error: `pod ${pod.namespace}/${pod.name} is Pending (not scheduled, no IP): it cannot send traffic` };
  return { kind: 'pod', pod, node, ip: pod.podIP, element: `pod/${pod.namespace}/${pod.name}` };
}

/** Parses a probe target: a URL, `<ip>:<port>`, `<host>:<port>`, `pod/<ns>/<name>:<port>` or `svc/<ns>/<name>:<port>`. */
export function parseTarget(dp: Dataplane, to: string): ProbeTarget | { error: string } {
  const url = /^(https?):\/\/([^/:?#]+|\[[^\]]+\])(?::(\d+))?([^?#]*)(\?[^#]*)?/i.exec(to);
  if (url) {
    const scheme = url[1]!.toLowerCase() as 'http' | 'https';
    const port = url[3] ? Number(url[3]) : scheme === 'https' ? 443 : 80;
    if (port < 1 || port > 65535) return { error: `"${to}": port out of range` };
    return { kind: 'url', scheme, host: url[2]!.toLowerCase(), port, path: url[4] || '/', query: url[5] ?? '' };
  }
  const ref = /^([A-Za-z]+)\/([^/:]+)\/([^/:]+):(\d+)$/.exec(to);
  if (ref) {
    const kind = canonicalKind(ref[1]!);
    const port = Number(ref[4]);
    const key = `${ref[2]}/${ref[3]}`;
    if (kind === 'pod') {
      const pod = dp.podsByRef.get(key);
      if (!pod) return { error: `pods "${ref[3]}" not found in namespace "${ref[2]}"` };
      if (!pod.podIP) return { error: `pod ${key} has no IP (Pending)` };
      return { kind: 'address', host: pod.podIP, port };
    }
    if (kind === 'service') {
      const svc = dp.servicesByRef.get(key);
      if (!svc) return { error: `services "${ref[3]}" not found in namespace "${ref[2]}"` };
      if (!svc.clusterIP || svc.clusterIP === 'None') return { error: `service ${key} has no ClusterIP (${svc.type === 'ExternalName' ? 'ExternalName' : 'headless'}): dial a name or a pod instead` };
      return { kind: 'address', host: svc.clusterIP, port };
    }
    return { error: `"${to}": only pod/ and svc/ references can be dialled` };
  }
  const addr = /^([^:/\s]+):(\d+)$/.exec(to);
  if (addr) {
    const port = Number(addr[2]);
    if (port < 1 || port > 65535) return { error: `"${to}": port out of range` };
    return { kind: 'address', host: addr[1]!.toLowerCase(), port };
  }
  return { error: `"${to}" is not a target: use a URL, <ip>:<port>, pod/<ns>/<name>:<port> or svc/<ns>/<name>:<port>` };
}

/** Normalises a protocol name (default TCP). */
export function protocolOf(value: string | undefined): Protocol | undefined {
  const p = (value ?? 'TCP').toUpperCase();
  return p === 'TCP' || p === 'UDP' || p === 'SCTP' ? p : undefined;
}
