import type { LabelSelector, ManifestObject, NetworkPolicy, SourceLocation } from '../types.ts';

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The admitted NetworkPolicy as the model keeps it (spec fields as written). */
export function toNetworkPolicy(obj: ManifestObject, namespace: string, source: SourceLocation): NetworkPolicy {
  const spec = record(obj.spec);
  return {
    namespace,
    name: String(obj.metadata.name),
    podSelector: record(spec.podSelector) as LabelSelector,
    ...(Array.isArray(spec.policyTypes) ? { policyTypes: spec.policyTypes as NetworkPolicy['policyTypes'] } : {}),
    ...(Array.isArray(spec.ingress) ? { ingress: spec.ingress as NetworkPolicy['ingress'] } : {}),
    ...(Array.isArray(spec.egress) ? { egress: spec.egress as NetworkPolicy['egress'] } : {}),
    source,
  };
}
