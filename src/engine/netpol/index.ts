// NetworkPolicy (networking.k8s.io/v1) as the API server admits it and a policy-enforcing CNI
// applies it, with verdicts that name the policy, rule and peer that decided them.

export { toNetworkPolicy } from './manifest.ts';
export { indexNetworkPolicies, effectivePolicyTypes, policyRef } from './policy-index.ts';
export { evaluateConnection, evaluateEgressToIp } from './evaluate.ts';
export { computeReachability, computeReachabilityBits, type ReachabilityBits, type ReachabilityTables } from './reachability.ts';
export { formatTruthTable, parseTruthTable } from './truth-table.ts';
export { validateNetworkPolicy } from './validate.ts';
export type { ConnectionVerdict, DirectionVerdict, PolicyIndex, TrafficPeer } from './types.ts';
