// NetworkPolicy (networking.k8s.io/v1) as the API server admits it and a policy-enforcing CNI
// applies it, with verdicts that name the policy, rule and peer that decided them.
//
// Where the API leaves behaviour to the network plugin, NetLab does what most plugins and the
// upstream e2e tests (test/e2e/network/netpol) do:
// - ipBlock matches pod IPs as well as outside addresses (Calico, Antrea, OVN-Kubernetes; the e2e
//   tests "should allow egress access to server in CIDR block" and "should enforce except clause
//   ..." rely on it). Cilium differs: its docs reserve CIDR rules for peers that are not endpoints.
// - Host-network pods are never selected (by a policy's podSelector or a peer's selectors); their
//   traffic is seen as their node's IP, which only an ipBlock can match. This is the "most common
//   implementation" the NetworkPolicy concept page describes.
// - A pod always reaches itself, and a node always reaches the pods on it (the concept page: "Pods
//   cannot currently block localhost access, nor ... access from their resident node").
// - Named ports resolve against the destination pod's containers, by name, number and protocol;
//   for an IP destination they match nothing (as policy-assistant models them).
// - With cluster.settings.networkPolicy false (Flannel), every verdict is "allowed" and says which
//   policies would have dropped the traffic.

export { toNetworkPolicy } from './manifest.ts';
export { indexNetworkPolicies, effectivePolicyTypes, policyRef } from './policy-index.ts';
export { evaluateConnection, evaluateEgress, evaluateEgressToIp, evaluateIngress } from './evaluate.ts';
export { computeReachability, computeReachabilityBits, type ReachabilityBits, type ReachabilityTables } from './reachability.ts';
export { formatTruthTable, parseTruthTable } from './truth-table.ts';
export type { ConnectionVerdict, DirectionVerdict, PolicyIndex, TrafficPeer } from './types.ts';
