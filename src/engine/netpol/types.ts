import type { PolicyIndexReuse } from './policy-index.ts';
import type { Labels, NetworkPolicy, NetworkPolicyPeer, Pod, Protocol } from '../types.ts';
import type { Bitset } from './bitset.ts';
import type { Cidr } from '../net/ip.ts';

/** Who sends or receives a packet, as a NetworkPolicy sees it. */
export type TrafficPeer =
  | { kind: 'pod'; pod: Pod }
  | { kind: 'ip'; ip: string; description: string /* e.g. 'node node-1 (SNAT)', 'external client' */ };

/** What the policies selecting one pod decide for one direction of one connection. */
export interface DirectionVerdict {
  direction: 'Ingress' | 'Egress';
  allowed: boolean;
  /** false when no policy selects the pod for this direction (not isolated). */
  isolated: boolean;
  /** Policies selecting the pod for this direction, as `networkpolicy/<ns>/<name>`. */
  policies: string[];
  /** The allowing rule: policy ref + `spec.ingress[1].from[0]` style path + a sentence. */
  allowedBy?: { policy: string; rule: string; detail: string };
  /** For drops: the nearest miss, e.g. `networkpolicy/x/allow-web spec.ingress[0].from[0]: namespaceSelector matched, podSelector app=web did not match labels app=api`. */
  closestMiss?: string;
  /** One readable sentence, policy-assistant style. */
  message: string;
}

/** Both directions of one connection, and whether the CNI enforces them. */
export interface ConnectionVerdict {
  allowed: boolean;
  egress: DirectionVerdict;
  ingress: DirectionVerdict;
  /** false when cluster.settings.networkPolicy is false. */
  enforced: boolean;
  message: string;
}

/** A `ports` entry with the API server's defaults applied (protocol TCP). */
export interface CompiledPort {
  protocol: Protocol;
  /** Numeric port; with endPort, the first port of the range. */
  port?: number;
  endPort?: number;
  /** A named port, resolved against the destination pod's containers. */
  name?: string;
}

export interface CompiledIPBlock {
  cidrText: string;
  cidr?: Cidr;
  except: Array<{ text: string; cidr?: Cidr }>;
}

export interface CompiledPeer {
  /** `spec.ingress[0].from[1]`. */
  path: string;
  peer: NetworkPolicyPeer;
  /** Pods this peer matches: by selectors, or by pod IP for an ipBlock. */
  pods: Bitset;
  ipBlock?: CompiledIPBlock;
}

export interface CompiledRule {
  /** `spec.ingress[0]`. */
  path: string;
  /** `from`/`to` omitted or empty: the rule matches every peer. */
  allPeers: boolean;
  peers: CompiledPeer[];
  /** Union of the peers' pods. */
  peerPods: Bitset;
  /** undefined: `ports` omitted or empty, every port and protocol. */
  ports?: CompiledPort[];
}

export interface CompiledPolicy {
  ref: string;
  policy: NetworkPolicy;
  /** The effective policyTypes (defaults applied). */
  affectsIngress: boolean;
  affectsEgress: boolean;
  /** Pods the policy's podSelector selects (never host-network pods). */
  selected: Bitset;
  ingress: CompiledRule[];
  egress: CompiledRule[];
}

/** NetworkPolicies compiled against the cluster's pods: an in-memory handle (typed arrays and
 * maps, structured-clone safe, not JSON) that the evaluation functions share. */
export interface PolicyIndex {
  /** The cluster's pods, in cluster order; bit i of every set is pods[i]. */
  pods: Pod[];
  podIndexByKey: Map<string, number>;
  /** Pod-network pods by IP (host-network pods share their node's IP and are left out). */
  podIndexByIP: Map<string, number>;
  namespaceLabels: Map<string, Labels>;
  nodeIPs: Map<string, string>;
  /** Sorted by ref. */
  policies: CompiledPolicy[];
  /** Per pod, indices into `policies` of those isolating it for ingress / egress. */
  ingressPoliciesByPod: number[][];
  egressPoliciesByPod: number[][];
  /** Internal: what the next index may reuse (see indexNetworkPolicies). */
  reuse?: PolicyIndexReuse;
}
