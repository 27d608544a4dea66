import type { TrafficPeer } from '../netpol/index.ts';
import { decideKubeProxy, type Origin, type ProxyState } from '../kubeproxy/route.ts';
import { createStream, nextRandom } from '../random.ts';
import { ipInCidr } from '../net/ip.ts';
import { NODE_RESOLVER_IP } from '../dns/index.ts';
import { sourceRangesOf } from '../kubeproxy/rules/service-ports.ts';
import type { Node, Pod } from '../types.ts';
import type { TraceContext } from './context.ts';
import { checkEgressToIp, checkEgressToPod, checkIngress } from './policy-hops.ts';
import type { ProbeSource } from './refs.ts';
import type { Hop, Outcome, Packet } from './types.ts';

/** Where a packet ended up. */
export interface Delivery {
  outcome: Outcome;
  summary: string;
  /** The pod whose socket accepted the connection. */
  pod?: Pod;
  /** Who answers when it is not a pod (kube-proxy's health check, the API server, the kubelet). */
  responder?: { element: string; name: string; http: (path: string) => { status: number; body: string } };
}

const API_SERVER_PORT = 6443;
const KUBELET_PORT = 10250;

const fmt = (ip: string, port?: number) => (port === undefined ? ip : `${ip}:${port}`);
const describe = (p: Packet) => `${fmt(p.srcIP, p.srcPort)} → ${fmt(p.dstIP, p.dstPort)} ${p.protocol}`;

/** Walks one packet from its source to the socket that answers it (or to where it dies),
 * appending a hop for every decision on the way. */
export function forwardPacket(ctx: TraceContext, src: ProbeSource, packet: Packet, hops: Hop[], state: ProxyState): Delivery {
  if (packet.dstIP.startsWith('127.')) return deliverLoopback(ctx, src, packet, hops, state);
  let node: Node;
  let origin: Origin;
  let at: string;
  let current = packet;
  if (src.kind === 'external') {
    const entered = enterFromOutside(ctx, src, packet, hops, state);
    if ('outcome' in entered) return entered;
    ({ node, packet: current } = entered);
    origin = 'external';
    at = `node/${node.name}`;
  } else if (src.kind === 'pod' && !src.pod.hostNetwork) {
    node = src.node;
    origin = 'pod';
    at = `node/${node.name}`;
    hops.push({ kind: 'send', at: src.element, to: at, before: current, message: `${src.pod.name} sends ${describe(current)} through its veth to node ${node.name}`, reasons: [] });
  } else {
    node = src.node;
    origin = 'node';
    at = `node/${node.name}`;
    hops.push({ kind: 'send', at: src.element, to: at, before: current, message: `sends ${describe(current)} from the host network namespace of ${node.name}`, reasons: [] });
  }

  let decision = decideKubeProxy(ctx.dp, node, current, origin, state);
  const owner = ctx.dp.nodesByIP.get(current.dstIP);
  if (decision.action === 'none' && owner && owner !== node) {
    // Another node's address: the packet is routed there and that node's kube-proxy sees it
    // (NodePorts match only on the node's own addresses). Traffic from a node is not LOCAL there.
    hops.push({ kind: 'route', at, to: `node/${owner.name}`, before: current, message: `routed to node ${owner.name} (${current.dstIP})`, reasons: [] });
    node = owner;
    at = `node/${node.name}`;
    if (origin === 'node') origin = 'external';
    decision = decideKubeProxy(ctx.dp, node, current, origin, state);
  }
  let snatIP: string | undefined;
  if (decision.action !== 'none') {
    const svc = decision.entry.service;
    const svcElement = `service/${svc.namespace}/${svc.name}`;
    const svcReason = { ref: `service/${svc.namespace}/${svc.name}`, field: `spec.ports`, detail: `port ${decision.entry.port.name || decision.entry.port.port} (${decision.entry.port.port}/${decision.entry.port.protocol} → targetPort ${decision.entry.port.targetPort})`, source: svc.source };
    const viaText = { 'cluster-ip': `ClusterIP ${svc.clusterIP}`, 'node-port': `NodePort ${decision.entry.port.nodePort} on ${node.name}`, 'load-balancer': `LoadBalancer IP ${current.dstIP}`, 'external-ip': `externalIP ${current.dstIP}` }[decision.via];
    hops.push({ kind: decision.via, at, to: svcElement, before: current, message: `kube-proxy (${ctx.dp.cluster.settings.kubeProxyMode}) on ${node.name} matches ${viaText}: Service ${decision.entry.name}`, reasons: [svcReason] });
    if (decision.action !== 'dnat') {
      hops.push({ kind: decision.action, at: svcElement, before: current, message: decision.reason, reasons: [svcReason] });
      return decision.action === 'reject'
        ? { outcome: 'refused', summary: decision.reason }
        : { outcome: 'timeout', summary: decision.reason };
    }
    const ep = decision.endpoint;
    const after: Packet = { ...current, dstIP: ep.ip, dstPort: ep.port };
    const epRef = ep.pod ? `pod/${ep.pod}` : `endpoint ${ep.ip}:${ep.port}`;
    hops.push({
      kind: 'dnat',
      at: svcElement,
      to: ep.pod ? `pod/${ep.pod}` : `node/${ctx.dp.nodesByIP.get(ep.ip)?.name ?? node.name}`,
      before: current,
      after,
      message: `DNAT to ${ep.ip}:${ep.port} (${epRef}); ${decision.selection}; ${decision.candidates.length} ${decision.usedLocalEndpoints ? 'local ' : ''}endpoint(s) to choose from`,
      reasons: [{ ref: `endpointslice/${svc.namespace}/${ep.slice}`, detail: `endpoint ${ep.ip}:${ep.port} ready=${ep.ready} serving=${ep.serving} terminating=${ep.terminating}` }],
    });
    current = after;
    if (decision.masquerade) {
      snatIP = node.internalIP;
      const snatted: Packet = { ...current, srcIP: snatIP };
      hops.push({ kind: 'snat', at, before: current, after: snatted, message: `SNAT (masquerade) source to ${snatIP}: ${decision.masqueradeReason ?? ''}`, reasons: [svcReason] });
      current = snatted;
    }
  }
  return deliver(ctx, src, packet, current, node, snatIP, hops);
}

function senderPeer(src: ProbeSource): TrafficPeer {
  if (src.kind === 'pod' && !src.pod.hostNetwork) return { kind: 'pod', pod: src.pod };
  if (src.kind === 'external') return { kind: 'ip', ip: src.ip, description: 'external client' };
  return { kind: 'ip', ip: src.ip, description: `node ${src.node.name}` };
}

function deliver(ctx: TraceContext, src: ProbeSource, original: Packet, packet: Packet, node: Node, snatIP: string | undefined, hops: Hop[]): Delivery {
  const { dp } = ctx;
  const dstPod = dp.podsByIP.get(packet.dstIP);
  const at = `node/${node.name}`;
  if (dstPod) {
    const dstElement = `pod/${dstPod.namespace}/${dstPod.name}`;
    const sender = senderPeer(src);
    const arriving: TrafficPeer = snatIP ? { kind: 'ip', ip: snatIP, description: `node ${node.name} (after SNAT)` } : sender;
    // A pod always reaches itself, and a node its own pods, whatever the policies say.
    const exempt = (src.kind === 'pod' && src.pod === dstPod) || (src.kind === 'node' && dstPod.nodeName === src.node.name);
    const drop = (summary: string): Delivery => {
      const last = hops[hops.length - 1];
      hops.push({ kind: 'drop', at: last?.at ?? dstElement, before: packet, message: 'dropped by NetworkPolicy: the client sees a timeout', reasons: last?.reasons ?? [] });
      return { outcome: 'timeout', summary: `NetworkPolicy drops ${describe(original)}: ${summary}` };
    };
    if (!exempt && sender.kind === 'pod' && !checkEgressToPod(ctx, hops, sender.pod, dstPod, packet, src.element)) return drop(hops[hops.length - 1]?.message ?? '');
    if (dstPod.nodeName !== node.name) {
      hops.push({ kind: 'route', at, to: `node/${dstPod.nodeName}`, before: packet, message: `routed across the pod network from ${node.name} to ${dstPod.nodeName} (${packet.dstIP} is in ${dp.nodesByName.get(dstPod.nodeName)?.podCIDR ?? 'its podCIDR'})`, reasons: [] });
    }
    if (!exempt && !checkIngress(ctx, hops, arriving, dstPod, packet, dstElement)) return drop(hops[hops.length - 1]?.message ?? '');
    const listening = dstPod.phase === 'Running' && dstPod.listening.some((l) => l.port === packet.dstPort && l.protocol === packet.protocol);
    if (!listening) {
      const why = dstPod.phase !== 'Running' ? `pod ${dstPod.name} is ${dstPod.phase}: no container runs` : `nothing in pod ${dstPod.name} listens on ${packet.dstPort}/${packet.protocol}`;
      const answer = packet.protocol === 'UDP' ? 'ICMP port unreachable' : 'TCP RST';
      hops.push({ kind: 'reject', at: dstElement, before: packet, message: `${why}: ${answer}`, reasons: [{ ref: `pod/${dstPod.namespace}/${dstPod.name}`, field: 'spec.containers', detail: listenSummary(dstPod), source: dstPod.source }] });
      return { outcome: 'refused', summary: `connection refused: ${why}` };
    }
    hops.push({ kind: 'deliver', at: dstElement, before: packet, message: `${dstPod.name} accepts ${describe(packet)}`, reasons: [{ ref: `pod/${dstPod.namespace}/${dstPod.name}`, detail: listenSummary(dstPod), source: dstPod.source }] });
    return { outcome: 'connected', summary: `connected to ${dstPod.namespace}/${dstPod.name} (${packet.dstIP}:${packet.dstPort})`, pod: dstPod };
  }
  const dstNode = dp.nodesByIP.get(packet.dstIP);
  if (dstNode) return deliverToNode(ctx, src, packet, dstNode, node, hops);
  if (packet.dstIP === NODE_RESOLVER_IP && packet.dstPort === 53) {
    if (src.kind === 'pod' && !src.pod.hostNetwork && !checkEgressToIp(ctx, hops, src.pod, packet, src.element)) {
      hops.push({ kind: 'drop', at: src.element, before: packet, message: 'dropped by egress NetworkPolicy: the client sees a timeout', reasons: hops[hops.length - 1]?.reasons ?? [] });
      return { outcome: 'timeout', summary: `egress NetworkPolicy of ${src.pod.namespace}/${src.pod.name} drops ${describe(packet)}` };
    }
    hops.push({ kind: 'deliver', at, before: packet, message: `the node's upstream DNS resolver ${NODE_RESOLVER_IP} answers`, reasons: [] });
    return { outcome: 'connected', summary: `reached the node's DNS resolver ${NODE_RESOLVER_IP}` };
  }
  if (src.kind === 'pod' && !src.pod.hostNetwork && !checkEgressToIp(ctx, hops, src.pod, packet, src.element)) {
    hops.push({ kind: 'drop', at: src.element, before: packet, message: 'dropped by egress NetworkPolicy: the client sees a timeout', reasons: hops[hops.length - 1]?.reasons ?? [] });
    return { outcome: 'timeout', summary: `egress NetworkPolicy of ${src.pod.namespace}/${src.pod.name} drops ${describe(packet)}` };
  }
  if (dp.serviceIPs.has(packet.dstIP)) {
    const mode = dp.cluster.settings.kubeProxyMode;
    if (mode === 'iptables') {
      hops.push({ kind: 'drop', at, before: packet, message: `no Service port ${packet.dstPort}/${packet.protocol} on ${packet.dstIP}: iptables mode has no rule for it and no interface owns the address, so the packet is lost`, reasons: [] });
      return { outcome: 'timeout', summary: `${packet.dstIP} has no Service port ${packet.dstPort}/${packet.protocol}` };
    }
    const why = mode === 'ipvs' ? 'IPVS binds Service IPs to kube-ipvs0, so the node itself answers with a reset' : 'the nftables proxy rejects traffic to unused ports of Service IPs';
    hops.push({ kind: 'reject', at, before: packet, message: `no Service port ${packet.dstPort}/${packet.protocol} on ${packet.dstIP}: ${why}`, reasons: [] });
    return { outcome: 'refused', summary: `${packet.dstIP} has no Service port ${packet.dstPort}/${packet.protocol}` };
  }
  hops.push({ kind: 'drop', at, before: packet, message: `no host answers at ${packet.dstIP}`, reasons: [] });
  return { outcome: 'timeout', summary: `nothing answers at ${packet.dstIP}` };
}

function deliverToNode(ctx: TraceContext, src: ProbeSource, packet: Packet, dstNode: Node, node: Node, hops: Hop[], note = ''): Delivery {
  const element = `node/${dstNode.name}`;
  if (src.kind === 'pod' && !src.pod.hostNetwork && !checkEgressToIp(ctx, hops, src.pod, packet, src.element)) {
    hops.push({ kind: 'drop', at: src.element, before: packet, message: 'dropped by egress NetworkPolicy: the client sees a timeout', reasons: hops[hops.length - 1]?.reasons ?? [] });
    return { outcome: 'timeout', summary: `egress NetworkPolicy of ${src.pod.namespace}/${src.pod.name} drops ${describe(packet)}` };
  }
  if (dstNode.name !== node.name) hops.push({ kind: 'route', at: `node/${node.name}`, to: element, before: packet, message: `routed to node ${dstNode.name}`, reasons: [] });
  const hostPortPod = findHostPort(ctx, dstNode, packet);
  if (hostPortPod) {
    const after: Packet = { ...packet, dstIP: hostPortPod.pod.podIP, dstPort: hostPortPod.containerPort };
    hops.push({ kind: 'dnat', at: element, to: `pod/${hostPortPod.pod.namespace}/${hostPortPod.pod.name}`, before: packet, after, message: `hostPort ${packet.dstPort}: the CNI portmap plugin DNATs to ${hostPortPod.pod.name} ${after.dstIP}:${after.dstPort}`, reasons: [{ ref: `pod/${hostPortPod.pod.namespace}/${hostPortPod.pod.name}`, field: 'spec.containers', detail: `hostPort ${packet.dstPort} -> containerPort ${hostPortPod.containerPort}`, source: hostPortPod.pod.source }] });
    return deliver(ctx, src, packet, after, dstNode, undefined, hops);
  }
  const health = healthCheckResponder(ctx, dstNode, packet);
  if (health) {
    hops.push({ kind: 'deliver', at: element, before: packet, message: `kube-proxy on ${dstNode.name} answers the health check of ${health.name}`, reasons: [] });
    return { outcome: 'connected', summary: `connected to kube-proxy's health check server on ${dstNode.name}`, responder: health.responder };
  }
  const hostPod = ctx.dp.cluster.pods.find((p) => p.hostNetwork && p.nodeName === dstNode.name && p.phase === 'Running' && p.listening.some((l) => l.port === packet.dstPort && l.protocol === packet.protocol));
  const isApiServer = dstNode === ctx.dp.cluster.nodes[0] && packet.dstPort === API_SERVER_PORT && packet.protocol === 'TCP';
  const isKubelet = packet.dstPort === KUBELET_PORT && packet.protocol === 'TCP';
  if (hostPod || isApiServer || isKubelet) {
    const who = hostPod ? `host-network pod ${hostPod.name}` : isApiServer ? 'kube-apiserver' : 'the kubelet';
    hops.push({ kind: 'deliver', at: element, before: packet, message: `${who} on ${dstNode.name} accepts ${describe(packet)}`, reasons: [] });
    const responder = hostPod ? undefined : { element, name: who, http: isApiServer ? apiServerHttp : kubeletHttp };
    return { outcome: 'connected', summary: `connected to ${who} on ${dstNode.name}`, ...(hostPod ? { pod: hostPod } : {}), ...(responder ? { responder } : {}) };
  }
  hops.push({ kind: 'reject', at: element, before: packet, message: `nothing on node ${dstNode.name} listens on ${packet.dstPort}/${packet.protocol}${note}: ${packet.protocol === 'UDP' ? 'ICMP port unreachable' : 'TCP RST'}`, reasons: [] });
  return { outcome: 'refused', summary: `connection refused by node ${dstNode.name}` };
}

function listenSummary(pod: Pod): string {
  return pod.listening.length ? `listens on ${pod.listening.map((l) => `${l.port}/${l.protocol}`).join(', ')}` : 'declares no ports and runs no well-known image';
}

/** A packet from outside the cluster: through the cloud load balancer to a node, straight to a
 * node address, or nowhere (ClusterIPs and pod IPs are not routable from outside). */
function enterFromOutside(ctx: TraceContext, src: ProbeSource, packet: Packet, hops: Hop[], state: ProxyState): { node: Node; packet: Packet } | Delivery {
  const { dp } = ctx;
  const lb = dp.byLoadBalancerIP.get(`${packet.dstIP}:${packet.dstPort}/${packet.protocol}`);
  if (lb) {
    const svc = lb.service;
    const lbElement = `lb/${svc.namespace}/${svc.name}`;
    hops.push({ kind: 'send', at: src.element, to: lbElement, before: packet, message: `client ${src.ip} sends ${describe(packet)} to the cloud load balancer`, reasons: [] });
    const ranges = sourceRangesOf(svc);
    if (ranges.length > 0 && !ranges.some((r) => ipInCidr(src.ip, r))) {
      hops.push({ kind: 'drop', at: lbElement, before: packet, message: `${src.ip} is not in loadBalancerSourceRanges (${ranges.join(', ')}): the load balancer's firewall drops it`, reasons: [{ ref: `service/${svc.namespace}/${svc.name}`, field: 'spec.loadBalancerSourceRanges', detail: ranges.join(', '), source: svc.source }] });
      return { outcome: 'timeout', summary: `loadBalancerSourceRanges of ${svc.namespace}/${svc.name} do not admit ${src.ip}` };
    }
    const ready = dp.cluster.nodes.filter((n) => n.ready);
    const local = svc.externalTrafficPolicy === 'Local';
    // With Local, the LB health-checks healthCheckNodePort and only nodes with a ready local endpoint pass.
    const healthy = local ? ready.filter((n) => lb.endpoints.some((e) => e.nodeName === n.name && e.ready)) : ready;
    const pool = healthy.length > 0 ? healthy : ready;
    if (pool.length === 0) {
      hops.push({ kind: 'drop', at: lbElement, before: packet, message: 'no node is Ready: the load balancer has nowhere to send it', reasons: [] });
      return { outcome: 'timeout', summary: 'no Ready node behind the load balancer' };
    }
    const key = `lb|${svc.namespace}/${svc.name}`;
    let stream = state.streams.get(key);
    if (!stream) state.streams.set(key, (stream = createStream(state.seed, key)));
    const node = pool[Math.min(pool.length - 1, Math.floor(nextRandom(stream) * pool.length))]!;
    const forwarded: Packet = lb.port.nodePort ? { ...packet, dstIP: node.internalIP, dstPort: lb.port.nodePort } : packet;
    const healthNote = local ? `externalTrafficPolicy: Local: health checks on port ${svc.healthCheckNodePort ?? '?'} pass on ${healthy.map((n) => n.name).join(', ') || 'no node'}` : `all ${pool.length} Ready node(s) are healthy`;
    hops.push({ kind: 'load-balancer', at: lbElement, to: `node/${node.name}`, before: packet, after: forwarded, message: `load balancer ${packet.dstIP} forwards to ${node.name}${lb.port.nodePort ? ` NodePort ${lb.port.nodePort}` : ''} (${healthNote})`, reasons: [{ ref: `service/${svc.namespace}/${svc.name}`, field: 'status.loadBalancer', detail: `type LoadBalancer, ${packet.dstIP}:${packet.dstPort}`, source: svc.source }] });
    return { node, packet: forwarded };
  }
  const node = dp.nodesByIP.get(packet.dstIP);
  if (node) {
    hops.push({ kind: 'send', at: src.element, to: `node/${node.name}`, before: packet, message: `client ${src.ip} sends ${describe(packet)} to node ${node.name}`, reasons: [] });
    return { node, packet };
  }
  const external = dp.byExternalIP.get(`${packet.dstIP}:${packet.dstPort}/${packet.protocol}`);
  const first = dp.cluster.nodes.find((n) => n.ready);
  if (external && first) {
    hops.push({ kind: 'send', at: src.element, to: `node/${first.name}`, before: packet, message: `the network routes externalIP ${packet.dstIP} to node ${first.name}`, reasons: [] });
    return { node: first, packet };
  }
  const what = dp.serviceIPs.has(packet.dstIP) ? 'a ClusterIP, which only exists inside the cluster' : dp.podsByIP.has(packet.dstIP) ? 'a pod IP, which is not routable from outside the cluster' : 'an address nobody answers';
  hops.push({ kind: 'drop', at: src.element, before: packet, message: `${packet.dstIP} is ${what}`, reasons: [] });
  return { outcome: 'timeout', summary: `${packet.dstIP} is ${what}` };
}

// kubeadm's API server lets anonymous clients read health and version, nothing else.
function apiServerHttp(path: string): { status: number; body: string } {
  return /^\/(healthz|livez|readyz|version)\b/.test(path) ? { status: 200, body: path.startsWith('/version') ? '{"major":"1","minor":"34"}' : 'ok' } : { status: 403, body: 'forbidden: User "system:anonymous" cannot get path' };
}

function kubeletHttp(): { status: number; body: string } {
  return { status: 401, body: 'Unauthorized' };
}

/** kube-proxy serves each Local LoadBalancer Service's healthCheckNodePort on every node: 200 with
 * the local endpoint count where the node has one, 503 where it has none. */
function healthCheckResponder(ctx: TraceContext, node: Node, packet: Packet): { name: string; responder: NonNullable<Delivery['responder']> } | undefined {
  if (packet.protocol !== 'TCP') return undefined;
  const svc = ctx.dp.cluster.services.find((s) => s.healthCheckNodePort === packet.dstPort);
  if (!svc) return undefined;
  const entry = [...ctx.dp.byNodePort.values()].find((e) => e.service === svc);
  const local = (entry?.endpoints ?? []).filter((e) => e.nodeName === node.name && e.ready).length;
  const name = `${svc.namespace}/${svc.name}`;
  const body = JSON.stringify({ service: { namespace: svc.namespace, name: svc.name }, localEndpoints: local });
  return { name, responder: { element: `node/${node.name}`, name: `kube-proxy health check (${name})`, http: () => ({ status: local > 0 ? 200 : 503, body }) } };
}

/** 127.0.0.0/8 never leaves the sender's network namespace: a pod talks to itself; a node to its
 * own sockets, plus NodePorts in iptables mode (kube-proxy sets route_localnet for them). */
function deliverLoopback(ctx: TraceContext, src: ProbeSource, packet: Packet, hops: Hop[], state: ProxyState): Delivery {
  if (src.kind === 'external') {
    hops.push({ kind: 'reject', at: src.element, before: packet, message: 'the client dialled its own loopback: nothing of the cluster is there', reasons: [] });
    return { outcome: 'refused', summary: 'loopback of the external client' };
  }
  if (src.kind === 'pod' && !src.pod.hostNetwork) {
    const pod = src.pod;
    const listening = pod.listening.some((l) => l.port === packet.dstPort && l.protocol === packet.protocol);
    hops.push({ kind: listening ? 'deliver' : 'reject', at: src.element, before: packet, message: listening ? `${pod.name} accepts its own loopback connection` : `nothing in ${pod.name} listens on ${packet.dstPort}/${packet.protocol}`, reasons: [] });
    return listening ? { outcome: 'connected', summary: `connected to ${pod.name} over loopback`, pod } : { outcome: 'refused', summary: `nothing listens on 127.0.0.1:${packet.dstPort} inside ${pod.name}` };
  }
  const node = src.node;
  if (ctx.dp.cluster.settings.kubeProxyMode === 'iptables' && ctx.dp.byNodePort.has(`${packet.dstPort}/${packet.protocol}`)) {
    hops.push({ kind: 'send', at: src.element, to: `node/${node.name}`, before: packet, message: `localhost NodePort: kube-proxy's iptables rules match NodePorts on 127.0.0.1 too (route_localnet)`, reasons: [] });
    return forwardPacket(ctx, src, { ...packet, dstIP: node.internalIP }, hops, state);
  }
  const why = ctx.dp.byNodePort.has(`${packet.dstPort}/${packet.protocol}`) ? ` (${ctx.dp.cluster.settings.kubeProxyMode} mode does not serve NodePorts on localhost)` : '';
  return deliverToNode(ctx, src, { ...packet, dstIP: node.internalIP }, node, node, hops, why);
}

/** A pod on `node` that publishes `packet`'s port as a hostPort (the CNI portmap plugin). */
function findHostPort(ctx: TraceContext, node: Node, packet: Packet): { pod: Pod; containerPort: number } | undefined {
  for (const pod of ctx.dp.cluster.pods) {
    if (pod.nodeName !== node.name || pod.hostNetwork || !pod.podIP) continue;
    for (const c of pod.containers) {
      for (const p of c.ports) if (p.hostPort === packet.dstPort && p.protocol === packet.protocol) return { pod, containerPort: p.containerPort };
    }
  }
  return undefined;
}
