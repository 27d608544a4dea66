import { compareStrings } from '../order.ts';
import { formatIPv4, parseCidr, parseIPv4 } from '../net/ip.ts';
import { matchesLabelMap } from '../labels.ts';
import type { Container, ContainerPort, Diagnostic, Node, Pod, Protocol } from '../types.ts';
import { defaultImagePort } from './images.ts';
import type { PodDraft } from './workloads.ts';
import { list, record } from '../json.ts';

function protocolOf(value: unknown): Protocol {
  return value === 'UDP' || value === 'SCTP' ? value : 'TCP';
}

// Native sidecars (init containers with restartPolicy: Always) keep running beside the app
// containers, so their ports count; upstream FindPort looks at them after the regular containers.
function containersOf(spec: Record<string, unknown>): Container[] {
  const sidecars = list(spec.initContainers).filter((c) => record(c).restartPolicy === 'Always');
  return [...list(spec.containers), ...sidecars].map((c) => {
    const container = record(c);
    const ports: ContainerPort[] = list(container.ports).map((p) => {
      const port = record(p);
      return {
        ...(typeof port.name === 'string' ? { name: port.name } : {}),
        containerPort: Number(port.containerPort),
        protocol: protocolOf(port.protocol),
        ...(typeof port.hostPort === 'number' ? { hostPort: port.hostPort } : {}),
      };
    });
    return { name: String(container.name ?? ''), image: String(container.image ?? ''), ports };
  });
}

function listeningOf(containers: Container[]): Pod['listening'] {
  const seen = new Map<string, { port: number; protocol: Protocol }>();
  for (const c of containers) {
    for (const p of c.ports) if (Number.isInteger(p.containerPort)) seen.set(`${p.containerPort}/${p.protocol}`, { port: p.containerPort, protocol: p.protocol });
    const def = defaultImagePort(c.image);
    if (def) seen.set(`${def.port}/${def.protocol}`, def);
  }
  return [...seen.values()].sort((a, b) => a.port - b.port || compareStrings(a.protocol, b.protocol));
}

function envOf(spec: Record<string, unknown>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const c of list(spec.containers)) {
    for (const e of list(record(c).env)) {
      const entry = record(e);
      if (typeof entry.name === 'string' && !(entry.name in env) && entry.value !== undefined) env[entry.name] = String(entry.value);
    }
  }
  return env;
}

function readyConditionOf(status: Record<string, unknown>): boolean {
  const ready = list(status.conditions).map(record).find((c) => c.type === 'Ready');
  return ready === undefined || String(ready.status) !== 'False';
}

/** Per-node pod IPAM: hands out addresses from `.2` of each node's podCIDR, skipping pinned ones. */
class NodeIpam {
  private next = new Map<string, number>();
  constructor(private readonly nodes: Map<string, Node>, private readonly taken: Set<number>) {}

  allocate(nodeName: string): string | undefined {
    const node = this.nodes.get(nodeName);
    const cidr = node ? parseCidr(node.podCIDR) : undefined;
    if (!cidr) return undefined;
    const size = 2 ** (32 - cidr.bits);
    for (let offset = this.next.get(nodeName) ?? 2; offset < size - 1; offset++) {
      const ip = cidr.base + offset;
      if (this.taken.has(ip)) continue;
      this.taken.add(ip);
      this.next.set(nodeName, offset + 1);
      return formatIPv4(ip);
    }
    return undefined;
  }
}

/** Schedules drafts onto nodes (spec.nodeName, else round-robin in manifest order) and allocates pod IPs. */
export function schedulePods(drafts: PodDraft[], nodes: Node[], memo: WeakMap<object, SpecFacts> = new WeakMap()): { pods: Pod[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const pinned = new Set<number>();
  for (const d of drafts) {
    const ip = parseIPv4(String(d.status.podIP ?? ''));
    if (ip !== undefined) pinned.add(ip);
  }
  const ipam = new NodeIpam(byName, pinned);
  let cursor = 0;
  const pods: Pod[] = [];
  for (const draft of drafts) {
    let nodeName = typeof draft.spec.nodeName === 'string' ? draft.spec.nodeName : draft.pinnedNode;
    const nodeSelector = record(draft.spec.nodeSelector) as Record<string, string>;
    if (!nodeName) {
      const candidates = nodes.filter((n) => !n.unschedulable && matchesLabelMap(n.labels, nodeSelector));
      if (candidates.length > 0) {
        // Round-robin over every node, in order, skipping those the pod cannot go to.
        for (let i = 0; i < nodes.length; i++) {
          const node = nodes[(cursor + i) % nodes.length]!;
          if (candidates.includes(node)) {
            nodeName = node.name;
            cursor = (cursor + i + 1) % nodes.length;
            break;
          }
        }
      }
    }
    const pod = buildPod(draft, nodeName ? byName.get(nodeName) : undefined, nodeName, ipam, diagnostics, nodes.length, memo);
    if (!draft.tombstone) pods.push(pod);
  }
  return { pods, diagnostics };
}

/** What a pod spec declares, shared by every replica of one template (they share the spec object). */
export interface SpecFacts {
  containers: Container[];
  listening: Pod['listening'];
  env: Record<string, string>;
}

function specFacts(spec: Record<string, unknown>, memo: WeakMap<object, SpecFacts>): SpecFacts {
  let facts = memo.get(spec);
  if (!facts) {
    const containers = containersOf(spec);
    facts = { containers, listening: listeningOf(containers), env: envOf(spec) };
    memo.set(spec, facts);
  }
  return facts;
}

function buildPod(draft: PodDraft, node: Node | undefined, nodeName: string | undefined, ipam: NodeIpam, diagnostics: Diagnostic[], nodeCount: number, memo: WeakMap<object, SpecFacts>): Pod {
  const { spec, status } = draft;
  const { containers, listening, env } = specFacts(spec, memo);
  const hostNetwork = spec.hostNetwork === true;
  const terminating = draft.deletionTimestamp !== undefined;
  let phase = typeof status.phase === 'string' ? status.phase : 'Running';
  let podIP = typeof status.podIP === 'string' ? status.podIP : '';
  if (!node) {
    // Unschedulable, or bound to a node that does not exist: no kubelet will ever start it.
    phase = 'Pending';
    podIP = '';
    diagnostics.push({
      code: 'pod_unschedulable',
      severity: 'warning',
      object: draft.createdBy,
      message: nodeName
        ? `pod ${draft.namespace}/${draft.name} is bound to node "${nodeName}", which does not exist: it stays Pending`
        : `0/${nodeCount} nodes are available for pod ${draft.namespace}/${draft.name}: it stays Pending`,
    });
  } else if (hostNetwork) podIP = node.internalIP;
  else if (!podIP) podIP = ipam.allocate(node.name) ?? '';
  const readyCondition = phase === 'Running' && readyConditionOf(status);
  return {
    namespace: draft.namespace,
    name: draft.name,
    labels: draft.labels,
    annotations: draft.annotations,
    nodeName: node ? node.name : '',
    podIP,
    hostIP: node ? node.internalIP : '',
    hostNetwork,
    phase,
    readyCondition,
    terminating,
    ready: readyCondition && !terminating,
    ...(typeof spec.hostname === 'string' ? { hostname: spec.hostname } : {}),
    ...(typeof spec.subdomain === 'string' ? { subdomain: spec.subdomain } : {}),
    containers,
    listening,
    ...(draft.owner ? { owner: draft.owner } : {}),
    dnsPolicy: typeof spec.dnsPolicy === 'string' ? spec.dnsPolicy : 'ClusterFirst',
    ...(spec.dnsConfig ? { dnsConfig: spec.dnsConfig as Pod['dnsConfig'] } : {}),
    enableServiceLinks: spec.enableServiceLinks !== false,
    env,
    source: draft.source,
    createdBy: draft.createdBy,
  };
}
