import type { Protocol, SourceLocation } from '../types.ts';

/** What a packet looks like at one point of its path. */
export interface Packet {
  srcIP: string;
  srcPort?: number;
  dstIP: string;
  dstPort: number;
  protocol: Protocol;
}

/** Why a hop went the way it did: the object, and the rule or field inside it. */
export interface Reason {
  /** Check reference of the deciding object (`service/default/web`, `networkpolicy/x/deny`). */
  ref: string;
  /** The rule inside it, in the object's own terms (`spec.ingress[0].from[1]`, `KUBE-SVC-XYZ`). */
  rule?: string;
  detail: string;
  source?: SourceLocation;
  /** Field path inside the object, for jumping to the YAML line. */
  field?: string;
}

export type HopKind =
  | 'dns-query'
  | 'dns-answer'
  | 'send'
  | 'load-balancer'
  | 'node-port'
  | 'cluster-ip'
  | 'external-ip'
  | 'dnat'
  | 'snat'
  | 'route'
  | 'policy'
  | 'l7'
  | 'deliver'
  | 'reject'
  | 'drop';

/** One step of a request's path, as the diagram animates it and the inspector explains it. */
export interface Hop {
  kind: HopKind;
  /** Diagram element where the step happens (`pod/default/a`, `node/node-1`, `service/default/web`, `external`, `dns`). */
  at: string;
  /** Diagram element the packet moves to next, if it moves. */
  to?: string;
  before?: Packet;
  after?: Packet;
  message: string;
  reasons: Reason[];
}

export type Outcome = 'connected' | 'refused' | 'timeout' | 'unresolved';

/** A request walked hop by hop, with what the client saw. */
export interface Trace {
  from: string;
  to: string;
  outcome: Outcome;
  /** HTTP status the client got, for URL probes that connected. */
  status?: number;
  /** The pod that answered, as `<ns>/<name>`. */
  servedBy?: string;
  /** Response body (a pod answers with its own name). */
  body?: string;
  hops: Hop[];
  /** One-line summary of why the outcome is what it is. */
  summary: string;
}
