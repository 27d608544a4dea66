import type {
  LabelSelector,
  LabelSelectorRequirement,
  ManifestObject,
  NetworkPolicy,
  NetworkPolicyEgressRule,
  NetworkPolicyIngressRule,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  Protocol,
  SourceLocation,
} from '../types.ts';

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function list(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** metav1.LabelSelector from plain JSON; label values are strings in the API, so scalars are stringified. */
export function toLabelSelector(value: unknown): LabelSelector {
  const raw = record(value) ?? {};
  const selector: LabelSelector = {};
  const matchLabels = record(raw.matchLabels);
  if (matchLabels) selector.matchLabels = Object.fromEntries(Object.entries(matchLabels).map(([k, v]) => [k, String(v ?? '')]));
  const expressions = list(raw.matchExpressions);
  if (expressions) {
    selector.matchExpressions = expressions.map((e): LabelSelectorRequirement => {
      const r = record(e) ?? {};
      const values = list(r.values);
      return {
        key: String(r.key ?? ''),
        operator: String(r.operator ?? '') as LabelSelectorRequirement['operator'],
        ...(values ? { values: values.map((v) => String(v ?? '')) } : {}),
      };
    });
  }
  return selector;
}

function toPeer(value: unknown): NetworkPolicyPeer {
  const raw = record(value) ?? {};
  const peer: NetworkPolicyPeer = {};
  // `podSelector:` with no value is null, which Go decodes as an unset pointer, not as `{}`.
  if (record(raw.podSelector)) peer.podSelector = toLabelSelector(raw.podSelector);
  if (record(raw.namespaceSelector)) peer.namespaceSelector = toLabelSelector(raw.namespaceSelector);
  const ipBlock = record(raw.ipBlock);
  if (ipBlock) {
    const except = list(ipBlock.except);
    peer.ipBlock = { cidr: String(ipBlock.cidr ?? ''), ...(except ? { except: except.map((e) => String(e ?? '')) } : {}) };
  }
  return peer;
}

function toPort(value: unknown): NetworkPolicyPort {
  const raw = record(value) ?? {};
  const port: NetworkPolicyPort = {};
  if (typeof raw.protocol === 'string') port.protocol = raw.protocol as Protocol;
  if (typeof raw.port === 'number' || typeof raw.port === 'string') port.port = raw.port;
  if (typeof raw.endPort === 'number') port.endPort = raw.endPort;
  return port;
}

function toPeers(value: unknown): NetworkPolicyPeer[] | undefined {
  return list(value)?.map(toPeer);
}

function toPorts(value: unknown): NetworkPolicyPort[] | undefined {
  return list(value)?.map(toPort);
}

/** Parses admitted NetworkPolicy manifests into the model type (src/engine/types.ts NetworkPolicy). */
export function toNetworkPolicy(obj: ManifestObject, source: SourceLocation): NetworkPolicy {
  const spec = record(obj.spec) ?? {};
  const policy: NetworkPolicy = {
    namespace: obj.metadata.namespace ?? 'default',
    name: String(obj.metadata.name ?? ''),
    podSelector: toLabelSelector(spec.podSelector),
    source,
  };
  const policyTypes = list(spec.policyTypes);
  if (policyTypes) policy.policyTypes = policyTypes.map((t) => String(t)) as NetworkPolicy['policyTypes'];
  const ingress = list(spec.ingress);
  if (ingress) {
    policy.ingress = ingress.map((r): NetworkPolicyIngressRule => {
      const raw = record(r) ?? {};
      const from = toPeers(raw.from);
      const ports = toPorts(raw.ports);
      return { ...(from ? { from } : {}), ...(ports ? { ports } : {}) };
    });
  }
  const egress = list(spec.egress);
  if (egress) {
    policy.egress = egress.map((r): NetworkPolicyEgressRule => {
      const raw = record(r) ?? {};
      const to = toPeers(raw.to);
      const ports = toPorts(raw.ports);
      return { ...(to ? { to } : {}), ...(ports ? { ports } : {}) };
    });
  }
  return policy;
}
