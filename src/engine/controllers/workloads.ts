import { generateNameSuffix, podTemplateHash } from '../hash.ts';
import { matchesLabelMap } from '../labels.ts';
import type { Labels, ManifestObject, Node, OwnerReference, SourceLocation } from '../types.ts';
import { record, stringMap } from '../json.ts';

/** A pod the API server would hold, before scheduling and IP allocation. */
export interface PodDraft {
  namespace: string;
  name: string;
  labels: Labels;
  annotations: Record<string, string>;
  spec: Record<string, unknown>;
  status: Record<string, unknown>;
  deletionTimestamp?: string;
  owner?: OwnerReference;
  createdBy: string;
  source: SourceLocation;
  /** Set for DaemonSet pods: the node the controller created it for. */
  pinnedNode?: string;
  /** A deleted pod whose node and IP stay taken in this build (its replacement comes last), so the
   * other pods keep theirs. */
  tombstone?: true;
}

const WORKLOAD_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);

/** Whether a kind is a workload controller that creates pods. */
export function isWorkloadKind(kind: string): boolean {
  return WORKLOAD_KINDS.has(kind);
}

/** Turns a Pod manifest into a draft. */
export function podDraftFromManifest(obj: ManifestObject, namespace: string, source: SourceLocation): PodDraft {
  const metadata = obj.metadata;
  const deletion = metadata.deletionTimestamp;
  return {
    namespace,
    name: String(metadata.name),
    labels: stringMap(metadata.labels),
    annotations: stringMap(metadata.annotations),
    spec: record(obj.spec),
    status: record(obj.status),
    deletionTimestamp: deletion === undefined || deletion === null ? undefined : String(deletion),
    createdBy: `pod/${namespace}/${String(metadata.name)}`,
    source,
  };
}

/** Expands a workload into the pods its controller would create, with deterministic names. */
export function expandWorkload(obj: ManifestObject, namespace: string, source: SourceLocation, nodes: Node[], templateJsonMemo: WeakMap<object, string> = new WeakMap()): PodDraft[] {
  const spec = record(obj.spec);
  const template = record(spec.template);
  const templateMeta = record(template.metadata);
  const name = String(obj.metadata.name);
  // The hash covers the whole template, as the controllers' ComputeHash does; unchanged documents
  // keep their parsed objects between builds, so the memo spares re-serialising them.
  let templateJson = templateJsonMemo.get(template);
  if (templateJson === undefined) templateJsonMemo.set(template, (templateJson = JSON.stringify(template)));
  const replicas = typeof spec.replicas === 'number' ? Math.max(0, Math.floor(spec.replicas)) : 1;
  const base = {
    namespace,
    annotations: stringMap(templateMeta.annotations),
    spec: record(template.spec),
    status: {},
    source,
  };
  const kindLower = obj.kind.toLowerCase();
  const createdBy = `${kindLower}/${namespace}/${name}`;
  const labels = stringMap(templateMeta.labels);
  switch (obj.kind) {
    case 'Deployment': {
      const hash = podTemplateHash(`${namespace}/${name}/${templateJson}`);
      const rsName = `${name}-${hash}`;
      return range(replicas).map((i) => ({
        ...base,
        name: `${rsName}-${generateNameSuffix(`${namespace}/${rsName}/${i}`)}`,
        labels: { ...labels, 'pod-template-hash': hash },
        owner: { kind: 'ReplicaSet', name: rsName },
        createdBy,
      }));
    }
    case 'ReplicaSet':
      return range(replicas).map((i) => ({
        ...base,
        name: `${name}-${generateNameSuffix(`${namespace}/${name}/${i}`)}`,
        labels,
        owner: { kind: 'ReplicaSet', name },
        createdBy,
      }));
    case 'StatefulSet': {
      const revision = `${name}-${podTemplateHash(`${namespace}/${name}/${templateJson}`)}`;
      const serviceName = typeof spec.serviceName === 'string' ? spec.serviceName : undefined;
      return range(replicas).map((i) => ({
        ...base,
        name: `${name}-${i}`,
        labels: {
          ...labels,
          'apps.kubernetes.io/pod-index': String(i),
          'controller-revision-hash': revision,
          'statefulset.kubernetes.io/pod-name': `${name}-${i}`,
        },
        // The StatefulSet controller sets hostname and subdomain so the pod gets a stable DNS name.
        spec: { ...base.spec, hostname: `${name}-${i}`, ...(serviceName ? { subdomain: serviceName } : {}) },
        owner: { kind: 'StatefulSet', name },
        createdBy,
      }));
    }
    case 'DaemonSet': {
      const revision = podTemplateHash(`${namespace}/${name}/${templateJson}`).slice(0, 10);
      const nodeSelector = stringMap(record(template.spec).nodeSelector);
      // DaemonSet pods tolerate node.kubernetes.io/unschedulable, so cordoned nodes still run one.
      return nodes
        .filter((node) => matchesLabelMap(node.labels, nodeSelector))
        .map(({ name: node }) => ({
          ...base,
          name: `${name}-${generateNameSuffix(`${namespace}/${name}/${node}`)}`,
          labels: { ...labels, 'controller-revision-hash': revision, 'pod-template-generation': '1' },
          owner: { kind: 'DaemonSet', name },
          createdBy,
          pinnedNode: node,
        }));
    }
    default:
      return [];
  }
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
