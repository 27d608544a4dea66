import { parseIPv4 } from '../net/ip.ts';
import type { Cluster, Pod, Protocol } from '../types.ts';
import { describeSubject, explainPeer, type PeerSubject } from './peers.ts';
import { describePortMiss, formatPortEntry, portsMatch } from './ports.ts';
import type { CompiledRule, ConnectionVerdict, DirectionVerdict, PolicyIndex, TrafficPeer } from './types.ts';

type Direction = 'Ingress' | 'Egress';

interface DirectionQuery {
  direction: Direction;
  /** The pod whose policies decide: the destination for ingress, the source for egress. */
  subject: Pod;
  /** The other end of the connection. */
  peer: PeerSubject;
  port: number;
  protocol: Protocol;
  /** The destination pod, against which named ports resolve (none for an IP destination). */
  dstPod: Pod | undefined;
}

interface Candidate {
  policy: string;
  rule: string;
  detail: string;
  score: number;
  satisfied: number;
}

function podKey(pod: Pod): string {
  return `${pod.namespace}/${pod.name}`;
}

/** How a pod appears as the other end of a connection; host-network pods share their node's IP
 * and, as in most CNIs, are seen only as that IP. */
export function peerSubjectForPod(index: PolicyIndex, pod: Pod): PeerSubject {
  const ip = pod.podIP ? parseIPv4(pod.podIP) : undefined;
  if (pod.hostNetwork) return { kind: 'ip', ip: pod.podIP, ipNum: ip, description: `host-network pod ${podKey(pod)}` };
  return { kind: 'pod', pod, namespaceLabels: index.namespaceLabels.get(pod.namespace) ?? { 'kubernetes.io/metadata.name': pod.namespace }, ip };
}

function peerSubjectForIP(index: PolicyIndex, ip: string, description: string): PeerSubject {
  const podIndex = index.podIndexByIP.get(ip);
  if (podIndex !== undefined) return peerSubjectForPod(index, index.pods[podIndex]!);
  return { kind: 'ip', ip, ipNum: parseIPv4(ip), description };
}

function directionLabel(direction: Direction, subject: Pod): string {
  return direction === 'Ingress' ? `Ingress to ${podKey(subject)}` : `Egress from ${podKey(subject)}`;
}

function portsText(rule: CompiledRule): string {
  return rule.ports ? ` on ports [${rule.ports.map(formatPortEntry).join(', ')}]` : '';
}

/** Decides one direction as if NetworkPolicy were enforced: the allowing rule, or the closest miss. */
export function evaluateDirection(index: PolicyIndex, q: DirectionQuery): DirectionVerdict {
  const label = directionLabel(q.direction, q.subject);
  const base = { direction: q.direction };
  if (q.subject.hostNetwork) {
    return { ...base, allowed: true, isolated: false, policies: [], message: `${label}: ${podKey(q.subject)} uses the host network, and NetworkPolicy does not select host-network pods.` };
  }
  const subjectIndex = index.podIndexByKey.get(podKey(q.subject));
  const policyIndices = subjectIndex === undefined ? [] : ((q.direction === 'Ingress' ? index.ingressPoliciesByPod : index.egressPoliciesByPod)[subjectIndex] ?? []);
  const lower = q.direction.toLowerCase();
  if (policyIndices.length === 0) {
    const everyone = q.direction === 'Ingress' ? 'every source' : 'every destination';
    return { ...base, allowed: true, isolated: false, policies: [], message: `${label}: no policies targeting ${lower} of ${podKey(q.subject)}, so ${everyone} is allowed.` };
  }
  const policies = policyIndices.map((i) => index.policies[i]!);
  const refs = policies.map((p) => p.ref);
  let best: Candidate | undefined;
  const consider = (c: Candidate) => {
    if (!best || c.score > best.score || (c.score === best.score && c.satisfied > best.satisfied)) best = c;
  };
  const peersField = q.direction === 'Ingress' ? 'from' : 'to';
  for (const policy of policies) {
    const rules = q.direction === 'Ingress' ? policy.ingress : policy.egress;
    for (const rule of rules) {
      const portOk = portsMatch(rule.ports, q.port, q.protocol, q.dstPod);
      const portMiss = portOk ? '' : describePortMiss(rule.ports!, q.port, q.protocol, q.dstPod);
      if (rule.allPeers) {
        const detail = `the rule has no ${peersField}, so it matches ${describeSubject(q.peer)}${portsText(rule)}`;
        if (portOk) return allow(base, refs, label, { policy: policy.ref, rule: rule.path, detail });
        consider({ policy: policy.ref, rule: rule.path, detail: `the rule has no ${peersField} and matches every peer, but ${portMiss}`, score: 0.5, satisfied: 1 });
        continue;
      }
      for (const peer of rule.peers) {
        const m = explainPeer(peer, policy.policy.namespace, q.peer);
        if (m.matched && portOk) return allow(base, refs, label, { policy: policy.ref, rule: peer.path, detail: `${m.detail}${portsText(rule)}` });
        const portCount = rule.ports ? 1 : 0;
        const satisfied = m.satisfied + (rule.ports && portOk ? 1 : 0);
        const total = m.total + portCount;
        const detail = m.matched ? `${m.detail}, but ${portMiss}` : portOk ? m.detail : `${m.detail}, and ${portMiss}`;
        consider({ policy: policy.ref, rule: peer.path, detail, score: satisfied / total, satisfied });
      }
    }
  }
  const who = describeSubject(q.peer);
  const closestMiss = best ? `${best.policy} ${best.rule}: ${best.detail}` : undefined;
  const tail = closestMiss
    ? `; closest miss: ${closestMiss}`
    : `; ${refs.length === 1 ? 'the policy has no' : 'none of them has an'} ${lower} rule${refs.length === 1 ? 's' : ''}`;
  return {
    ...base,
    allowed: false,
    isolated: true,
    policies: refs,
    ...(closestMiss ? { closestMiss } : {}),
    message: `${label}: [NPv1] Dropped (${refs.join(', ')}): ${podKey(q.subject)} is isolated for ${lower} and no rule allows ${who} on ${q.port}/${q.protocol}${tail}.`,
  };
}

function allow(base: { direction: Direction }, refs: string[], label: string, allowedBy: NonNullable<DirectionVerdict['allowedBy']>): DirectionVerdict {
  return {
    ...base,
    allowed: true,
    isolated: true,
    policies: refs,
    allowedBy,
    message: `${label}: [NPv1] Allow (${allowedBy.policy} ${allowedBy.rule}): ${allowedBy.detail}.`,
  };
}

/** Rewrites an enforced verdict for a CNI that ignores NetworkPolicy: allowed, saying what would have happened. */
function unenforced(v: DirectionVerdict): DirectionVerdict {
  if (v.allowed) return v;
  const message = v.message.replace('[NPv1] Dropped', '[NPv1] Would drop').replace(/\.$/, '');
  return { ...v, allowed: true, message: `${message}; but the CNI does not enforce NetworkPolicy (networkPolicy: false), so it is allowed.` };
}

function freePass(direction: Direction, subject: Pod, index: PolicyIndex, reason: string): DirectionVerdict {
  const subjectIndex = index.podIndexByKey.get(podKey(subject));
  const lists = direction === 'Ingress' ? index.ingressPoliciesByPod : index.egressPoliciesByPod;
  const policies = subject.hostNetwork || subjectIndex === undefined ? [] : (lists[subjectIndex] ?? []).map((i) => index.policies[i]!.ref);
  return { direction, allowed: true, isolated: policies.length > 0, policies, message: `${directionLabel(direction, subject)}: ${reason}` };
}

function notAPod(direction: Direction, who: string): DirectionVerdict {
  return { direction, allowed: true, isolated: false, policies: [], message: `${direction} from ${who}: not a pod, so no NetworkPolicy applies.` };
}

/** The InternalIP of the node a pod runs on. */
function nodeIPOf(index: PolicyIndex, pod: Pod): string {
  return index.nodeIPs.get(pod.nodeName) ?? pod.hostIP;
}

/** Ingress at `dst` only, against the source as it arrives (what a trace needs per hop). */
export function evaluateIngress(cluster: Cluster, index: PolicyIndex, src: TrafficPeer, dst: Pod, port: number, protocol: Protocol): DirectionVerdict {
  const srcIP = src.kind === 'pod' ? src.pod.podIP : src.ip;
  let verdict: DirectionVerdict;
  if (src.kind === 'pod' && podKey(src.pod) === podKey(dst)) verdict = freePass('Ingress', dst, index, `${podKey(dst)} is connecting to itself, which NetworkPolicy never blocks.`);
  else if (srcIP && srcIP === nodeIPOf(index, dst)) verdict = freePass('Ingress', dst, index, `the source ${srcIP} is node ${dst.nodeName}, where ${podKey(dst)} runs, and a node can always reach its own pods.`);
  else {
    const srcSubject: PeerSubject = src.kind === 'pod' ? peerSubjectForPod(index, src.pod) : peerSubjectForIP(index, src.ip, src.description);
    verdict = evaluateDirection(index, { direction: 'Ingress', subject: dst, peer: srcSubject, port, protocol, dstPod: dst });
  }
  return cluster.settings.networkPolicy ? verdict : unenforced(verdict);
}

/** Egress at pod `src` only, towards pod `dst` (after DNAT). */
export function evaluateEgress(cluster: Cluster, index: PolicyIndex, src: Pod, dst: Pod, port: number, protocol: Protocol): DirectionVerdict {
  const verdict = podKey(src) === podKey(dst)
    ? freePass('Egress', dst, index, `${podKey(dst)} is connecting to itself, which NetworkPolicy never blocks.`)
    : evaluateDirection(index, { direction: 'Egress', subject: src, peer: peerSubjectForPod(index, dst), port, protocol, dstPod: dst });
  return cluster.settings.networkPolicy ? verdict : unenforced(verdict);
}

/** Evaluates one connection (egress at the source pod if it is a pod, ingress at the destination
 * pod), resolving named ports against the destination pod's containers. */
export function evaluateConnection(cluster: Cluster, index: PolicyIndex, src: TrafficPeer, dst: Pod, port: number, protocol: Protocol): ConnectionVerdict {
  const enforced = cluster.settings.networkPolicy;
  const srcSubject: PeerSubject = src.kind === 'pod' ? peerSubjectForPod(index, src.pod) : peerSubjectForIP(index, src.ip, src.description);
  const srcWho = describeSubject(srcSubject);
  const dstWho = podKey(dst);
  let ingress: DirectionVerdict;
  let egress: DirectionVerdict;
  const srcIP = src.kind === 'pod' ? src.pod.podIP : src.ip;
  if (src.kind === 'pod' && podKey(src.pod) === dstWho) {
    const reason = `${dstWho} is connecting to itself, which NetworkPolicy never blocks.`;
    ingress = freePass('Ingress', dst, index, reason);
    egress = freePass('Egress', dst, index, reason);
  } else {
    const nodeIP = nodeIPOf(index, dst);
    if (srcIP && srcIP === nodeIP) {
      ingress = freePass('Ingress', dst, index, `the source ${srcIP} is node ${dst.nodeName}, where ${dstWho} runs, and a node can always reach its own pods.`);
    } else {
      ingress = evaluateDirection(index, { direction: 'Ingress', subject: dst, peer: srcSubject, port, protocol, dstPod: dst });
    }
    if (src.kind === 'pod') {
      egress = evaluateDirection(index, { direction: 'Egress', subject: src.pod, peer: peerSubjectForPod(index, dst), port, protocol, dstPod: dst });
    } else {
      egress = notAPod('Egress', srcWho);
    }
  }
  if (!enforced) {
    ingress = unenforced(ingress);
    egress = unenforced(egress);
  }
  const allowed = ingress.allowed && egress.allowed;
  const traffic = `${srcWho} -> ${dstWho}:${port} (${protocol})`;
  const failing = [egress, ingress].filter((v) => !v.allowed);
  const message = allowed ? `Allowed ${traffic}. ${egress.message} ${ingress.message}` : `Denied ${traffic}. ${failing.map((v) => v.message).join(' ')}`;
  return { allowed, egress, ingress, enforced, message };
}

/** Egress-only evaluation against a destination IP that is not a pod (e.g. a node or external IP)
 * or before DNAT is resolved; an IP that belongs to a pod is treated as that pod. */
export function evaluateEgressToIp(cluster: Cluster, index: PolicyIndex, src: Pod, dstIP: string, port: number, protocol: Protocol): DirectionVerdict {
  const podIndex = index.podIndexByIP.get(dstIP);
  const dstPod = podIndex !== undefined ? index.pods[podIndex] : undefined;
  let verdict: DirectionVerdict;
  if (dstIP === src.podIP && !src.hostNetwork) {
    verdict = freePass('Egress', src, index, `${podKey(src)} is connecting to itself, which NetworkPolicy never blocks.`);
  } else {
    const peer = dstPod ? peerSubjectForPod(index, dstPod) : peerSubjectForIP(index, dstIP, describeAddress(cluster, dstIP));
    verdict = evaluateDirection(index, { direction: 'Egress', subject: src, peer, port, protocol, dstPod });
  }
  return cluster.settings.networkPolicy ? verdict : unenforced(verdict);
}

function describeAddress(cluster: Cluster, ip: string): string {
  const node = cluster.nodes.find((n) => n.internalIP === ip);
  if (node) return `node ${node.name}`;
  const svc = cluster.services.find((s) => s.clusterIP === ip);
  if (svc) return `ClusterIP of service/${svc.namespace}/${svc.name}, before DNAT`;
  return 'an address outside the pod network';
}
