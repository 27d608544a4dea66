import { formatLabelSelector, matchesLabelSelector } from '../labels.ts';
import { formatIPv4 } from '../net/ip.ts';
import type { LabelSelector, Labels, Pod } from '../types.ts';
import { ipBlockContains } from './policy-index.ts';
import type { CompiledPeer } from './types.ts';

/** The other end of a connection, as one policy rule sees it. */
export type PeerSubject =
  | { kind: 'pod'; pod: Pod; namespaceLabels: Labels; ip?: number }
  | { kind: 'ip'; ip: string; ipNum?: number; description: string };

/** How one peer of a rule relates to the other end: matched or not, how close, and in words. */
export interface PeerExplanation {
  matched: boolean;
  /** Conditions of the peer that hold, out of `total`: ranks near misses. */
  satisfied: number;
  total: number;
  detail: string;
}

/** `app=web,tier in (a,b)`, or `{}` for the empty selector that matches everything. */
export function formatSelector(selector: LabelSelector): string {
  const text = formatLabelSelector(selector);
  return text === '<all>' ? '{}' : text;
}

/** `app=api,pod=a`, sorted, or `<none>`. */
export function formatLabels(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  return keys.length ? keys.map((k) => `${k}=${labels[k]}`).join(',') : '<none>';
}

/** `x/a` for a pod, `198.51.100.7 (external client)` for an address. */
export function describeSubject(subject: PeerSubject): string {
  return subject.kind === 'pod' ? `${subject.pod.namespace}/${subject.pod.name}` : `${subject.ip} (${subject.description})`;
}

function subjectIP(subject: PeerSubject): { text: string; num?: number } {
  if (subject.kind === 'pod') return { text: subject.ip !== undefined ? formatIPv4(subject.ip) : subject.pod.podIP || '<no IP>', num: subject.ip };
  return { text: subject.ip, num: subject.ipNum };
}

/** Explains whether one `from`/`to` entry matches the other end of the connection. */
export function explainPeer(peer: CompiledPeer, policyNamespace: string, subject: PeerSubject): PeerExplanation {
  if (peer.ipBlock) return explainIPBlock(peer, subject);
  const { podSelector, namespaceSelector } = peer.peer;
  if (subject.kind === 'ip') {
    const fields = [namespaceSelector ? 'namespaceSelector' : '', podSelector ? 'podSelector' : ''].filter(Boolean).join(' and ');
    return { matched: false, satisfied: 0, total: 1, detail: `${fields} only ${fields.includes(' and ') ? 'match' : 'matches'} pods, and ${describeSubject(subject)} is not a pod` };
  }
  const pod = subject.pod;
  const who = `${pod.namespace}/${pod.name}`;
  const parts: string[] = [];
  let satisfied = 0;
  let total = 0;
  if (namespaceSelector) {
    total++;
    if (matchesLabelSelector(subject.namespaceLabels, namespaceSelector)) {
      satisfied++;
      parts.push(`namespaceSelector ${formatSelector(namespaceSelector)} matched namespace ${pod.namespace}`);
    } else {
      parts.push(`namespaceSelector ${formatSelector(namespaceSelector)} did not match namespace ${pod.namespace} (labels ${formatLabels(subject.namespaceLabels)})`);
    }
  } else {
    // A podSelector alone is scoped to the policy's own namespace.
    total++;
    if (pod.namespace === policyNamespace) satisfied++;
    else parts.push(`podSelector ${formatSelector(podSelector ?? {})} only selects pods in the policy's namespace ${policyNamespace}, and ${who} is in ${pod.namespace}`);
  }
  if (podSelector) {
    total++;
    if (matchesLabelSelector(pod.labels, podSelector)) {
      satisfied++;
      if (namespaceSelector || pod.namespace === policyNamespace) parts.push(`podSelector ${formatSelector(podSelector)} matched labels ${formatLabels(pod.labels)} of ${who}`);
    } else {
      parts.push(`podSelector ${formatSelector(podSelector)} did not match labels ${formatLabels(pod.labels)} of ${who}`);
    }
  }
  return { matched: satisfied === total, satisfied, total, detail: parts.join(', ') };
}

function explainIPBlock(peer: CompiledPeer, subject: PeerSubject): PeerExplanation {
  const block = peer.ipBlock!;
  const ip = subjectIP(subject);
  const who = subject.kind === 'pod' ? `${ip.text} (pod ${subject.pod.namespace}/${subject.pod.name})` : describeSubject(subject);
  if (!block.cidr) return { matched: false, satisfied: 0, total: 1, detail: `ipBlock ${block.cidrText} is not an IPv4 block, and NetLab models an IPv4 cluster` };
  if (ip.num === undefined) return { matched: false, satisfied: 0, total: 1, detail: `ipBlock ${block.cidrText} cannot match ${who}: it has no IPv4 address` };
  if (!ipBlockContains({ ...block, except: [] }, ip.num)) return { matched: false, satisfied: 0, total: 2, detail: `ipBlock ${block.cidrText} does not contain ${who}` };
  const excluded = block.except.find((e) => e.cidr && ipBlockContains({ cidrText: e.text, cidr: e.cidr, except: [] }, ip.num!));
  if (excluded) return { matched: false, satisfied: 1, total: 2, detail: `ipBlock ${block.cidrText} contains ${who}, but except ${excluded.text} excludes it` };
  return { matched: true, satisfied: 2, total: 2, detail: `ipBlock ${block.cidrText} contains ${who}` };
}
