import { compareByNamespaceName, compareStrings } from '../order.ts';
import { createParseCache, parseManifests, type ManifestSource, type ParseCache, type ParsedDocument } from '../parse/manifests.ts';
import { createAllocators } from '../controllers/allocators.ts';
import { expandWorkload, isWorkloadKind, podDraftFromManifest, type PodDraft } from '../controllers/workloads.ts';
import { schedulePods, type SpecFacts } from '../controllers/pods.ts';
import { carryOverAllocations, reservePinnedServiceValues, serviceKey } from '../controllers/services.ts';
import { indexPodLabels, reconcileServiceSlices } from '../endpointslice/controller.ts';
import { endpointSliceFromManifest, mirrorEndpoints } from '../endpointslice/manual.ts';
import type { AdmittedObject, Cluster, Diagnostic, EndpointSlice, ManifestObject, Node, Pod, Service } from '../types.ts';
import { admitObject, type AdmissionContext, type StaticCheckMemo } from './admission.ts';
import { resolveSettings, type ClusterBlock } from './settings.ts';
import { defaultNodes, ingressNginxObjects, kubernetesEndpointSlice, SYSTEM_FILE, systemObjects, systemPodIPs } from './system.ts';
import { applyNodeManifest } from './nodes.ts';
import { planAdoption, withoutExisting } from '../controllers/adoption.ts';
import { applyObservedState, type ObservedState } from '../controllers/observed.ts';
import { lintCluster } from './lint.ts';
import { gatewayApiAddonObjects, gatewayDataPlaneObjects, isGatewayProgrammable } from './gateways.ts';
import { toNetworkPolicy } from '../netpol/index.ts';

export interface SimulationInput {
  manifests: ManifestSource[];
  cluster?: ClusterBlock;
  /** What the cluster observed that no manifest says (the app's fault injection): pods made
   * not ready, pods deleted (their controller recreates them with a new name and IP). */
  observed?: ObservedState;
  /** Kept by the caller between builds (the worker keeps one per editor): an edit then re-parses
   * and re-validates only the documents it touched. */
  cache?: SimulationCache;
}

// Built once and frozen: the same objects every build, so per-object memos (validation) hit.
const SYSTEM_OBJECTS = deepFreeze(systemObjects());
const INGRESS_NGINX_OBJECTS = deepFreeze(ingressNginxObjects());
const GATEWAY_API_OBJECTS = deepFreeze(gatewayApiAddonObjects());

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** What one build can reuse from the previous one. */
export interface SimulationCache {
  parse: ParseCache;
  staticChecks: StaticCheckMemo;
  /** Serialised pod templates, for the controllers' template hashes. */
  templateJson: WeakMap<object, string>;
  /** What each pod spec declares (containers, listening ports, env), by spec object. */
  specFacts: WeakMap<object, SpecFacts>;
  /** The pods each workload wants, by workload object, while its namespace, place and the nodes stay. */
  workloadPods: WeakMap<object, { key: string; drafts: PodDraft[] }>;
}

/** Creates an empty cache for a sequence of builds of one editor's text. */
export function createSimulationCache(): SimulationCache {
  return { parse: createParseCache(), staticChecks: new WeakMap(), templateJson: new WeakMap(), specFacts: new WeakMap(), workloadPods: new WeakMap() };
}

/** The reconciled cluster and everything said about the input. */
export interface Simulation {
  cluster: Cluster;
  diagnostics: Diagnostic[];
}

interface Submitted {
  object: ManifestObject;
  doc?: ParsedDocument;
  system: boolean;
}

/** Builds the cluster from YAML text and settings: parse, admit in manifest order, run the
 * controllers (workloads, scheduling, IPAM, EndpointSlices). Never throws on bad input. */
export function simulate(input: SimulationInput): Simulation {
  const { settings, diagnostics } = resolveSettings(input.cluster);
  const parsed = parseManifests(input.manifests, input.cache?.parse);
  diagnostics.push(...parsed.diagnostics);

  const gatewayAddon = settings.addons.includes('gateway-api');
  const submitted: Submitted[] = [
    ...SYSTEM_OBJECTS.map((object) => ({ object, system: true })),
    ...(settings.addons.includes('ingress-nginx') ? INGRESS_NGINX_OBJECTS.map((object) => ({ object, system: true })) : []),
    ...(gatewayAddon ? GATEWAY_API_OBJECTS.map((object) => ({ object, system: true })) : []),
    ...parsed.documents.map((doc) => ({ object: doc.object, doc, system: false })),
  ];
  // The controller reconciles eventually, so a GatewayClass later in the manifests still counts.
  const gatewayClasses = new Set(parsed.documents.filter((d) => d.object.kind === 'GatewayClass').map((d) => String(d.object.metadata.name)));

  const allocators = createAllocators(settings.serviceCIDR);
  for (const s of submitted) if (s.object.kind === 'Service') reservePinnedServiceValues(s.object, allocators);

  const nodes = defaultNodes(settings);
  const ctx: AdmissionContext = { settings, allocators, diagnostics, staticChecks: input.cache?.staticChecks ?? new WeakMap() };
  const objects: AdmittedObject[] = [];
  // By ref: a later document for the same Service updates it, as a second `kubectl apply` would.
  const services = new Map<string, Service>();
  for (const s of submitted) {
    const previous = s.object.kind === 'Service' ? services.get(serviceKey(s.object)) : undefined;
    const object = previous ? carryOverAllocations(s.object, previous, allocators) : s.object;
    const admitted = admitObject(object, s.doc, ctx);
    if (!admitted) continue;
    objects.push(admitted.record);
    if (admitted.record.accepted && admitted.service) services.set(serviceKey(s.object), admitted.service);
    if (admitted.record.accepted && admitted.record.kind === 'Node') applyNodeManifest(nodes, admitted.record.object);
    if (admitted.record.accepted && admitted.record.kind === 'Gateway' && isGatewayProgrammable(s.object, gatewayClasses, gatewayAddon)) {
      // Its data plane is created now, so its LoadBalancer takes the next address in manifest order.
      for (const object of gatewayDataPlaneObjects(s.object, admitted.record.namespace ?? 'default')) {
        const plane = admitObject(object, undefined, ctx);
        if (!plane) continue;
        objects.push(plane.record);
        if (plane.record.accepted && plane.service) services.set(serviceKey(object), plane.service);
      }
    }
  }
  const accepted = dedupeLastWins(objects.filter((o) => o.accepted), diagnostics);
  const acceptedRefs = new Set(accepted.map((o) => o.ref));
  const acceptedServices = [...services.values()].filter((svc) => acceptedRefs.has(`service/${svc.namespace}/${svc.name}`));

  const pods = buildPods(accepted, nodes, diagnostics, input.cache ?? createSimulationCache(), input.observed);
  const cluster: Cluster = {
    settings,
    nodes,
    namespaces: collectNamespaces(accepted, pods),
    pods,
    services: sortByRef(acceptedServices),
    endpointSlices: buildEndpointSlices(accepted, acceptedServices, pods, nodes),
    networkPolicies: accepted
      .filter((o) => o.kind === 'NetworkPolicy')
      .map((o) => toNetworkPolicy({ ...o.object, metadata: { ...o.object.metadata, namespace: o.namespace ?? 'default' } }, o.source)),
    objects,
  };
  const docsByRef = new Map<string, ParsedDocument>();
  for (const s of submitted) if (s.doc) docsByRef.set(objectRefOf(s.object), s.doc);
  diagnostics.push(...lintCluster(cluster, (ref, field) => docsByRef.get(ref)?.locate(field)));
  return { cluster, diagnostics };
}

/** Admission runs in manifest order; when two documents name the same object the later one wins, as
 * a second `kubectl apply` of the same name configures the object again. */
function dedupeLastWins(objects: AdmittedObject[], diagnostics: Diagnostic[]): AdmittedObject[] {
  const last = new Map<string, AdmittedObject>();
  for (const o of objects) {
    const previous = last.get(o.ref);
    if (previous) {
      diagnostics.push({
        code: 'duplicate_object',
        severity: 'warning',
        object: o.ref,
        file: o.source.file,
        range: o.source.range,
        message: `${o.kind} "${o.name}" appears more than once: the later document configures it again and wins`,
      });
    }
    last.set(o.ref, o);
  }
  const winners = new Set(last.values());
  return objects.filter((o) => winners.has(o));
}

// Expanding a workload is pure in its object, namespace, source place and the nodes: reuse it
// across rebuilds while those stay (drafts are never mutated downstream).
function workloadPods(o: AdmittedObject, ns: string, nodes: Node[], nodesKey: string, cache: SimulationCache): PodDraft[] {
  const key = `${ns}|${o.source.file}|${o.source.doc}|${o.source.range?.startLine ?? 0}|${nodesKey}`;
  const hit = cache.workloadPods.get(o.object);
  if (hit && hit.key === key) return hit.drafts;
  const drafts = expandWorkload(o.object, ns, o.source, nodes, cache.templateJson);
  cache.workloadPods.set(o.object, { key, drafts });
  return drafts;
}

function buildPods(accepted: AdmittedObject[], nodes: Node[], diagnostics: Diagnostic[], cache: SimulationCache, observed: ObservedState | undefined): Pod[] {
  const drafts: PodDraft[] = [];
  const usedFromTop = new Map<string, number>();
  const adoption = planAdoption(accepted);
  const nodesKey = nodes.map((n) => `${n.name}${n.unschedulable ? '!' : ''}${JSON.stringify(n.labels)}`).join(',');
  const ownerOfPod = new Map<string, string>();
  const deploymentOfReplicaSet = new Map([...adoption.adoptedBy].map(([deployment, rs]) => [rs, deployment]));
  for (const [owner, pods] of adoption.ownedPods) for (const p of pods) ownerOfPod.set(p.ref, deploymentOfReplicaSet.get(owner) ?? owner);
  for (const o of accepted) {
    const ns = o.namespace ?? 'default';
    let created: PodDraft[] = [];
    if (o.kind === 'Pod') {
      const draft = podDraftFromManifest(o.object, ns, o.source);
      const owner = ownerOfPod.get(o.ref);
      // An adopted pod belongs to its workload: `deployment/<ns>/<name>` references find it.
      created = [owner ? { ...draft, createdBy: owner } : draft];
    } else if (isWorkloadKind(o.kind) && !adoption.adoptedBy.has(o.ref)) {
      created = withoutExisting(o.kind, workloadPods(o, ns, nodes, nodesKey, cache), adoption.ownedPods.get(o.ref) ?? []);
    }
    if (o.source.file === SYSTEM_FILE) {
      created = created.map((d, i) => {
        const placed = systemPodIPs(nodes, d.createdBy, i, usedFromTop);
        return placed ? { ...d, spec: { ...d.spec, nodeName: placed.nodeName }, status: { ...d.status, podIP: placed.podIP } } : d;
      });
    }
    drafts.push(...created);
  }
  const scheduled = schedulePods(applyObservedState(drafts, observed), nodes, cache.specFacts);
  diagnostics.push(...scheduled.diagnostics);
  return scheduled.pods.sort((a, b) => compareByNamespaceName(a, b));
}

function buildEndpointSlices(accepted: AdmittedObject[], services: Service[], pods: Pod[], nodes: Node[]): EndpointSlice[] {
  const podIndex = indexPodLabels(pods);
  const slices: EndpointSlice[] = [kubernetesEndpointSlice(nodes)];
  const selectorless = new Set(services.filter((s) => !s.selector && s.type !== 'ExternalName').map((s) => `${s.namespace}/${s.name}`));
  for (const svc of services) slices.push(...reconcileServiceSlices(svc, podIndex));
  for (const o of accepted) {
    const ns = o.namespace ?? 'default';
    if (o.kind === 'EndpointSlice') slices.push(endpointSliceFromManifest(o.object, ns));
    if (o.kind === 'Endpoints' && selectorless.has(`${ns}/${o.name}`) && !(ns === 'default' && o.name === 'kubernetes')) slices.push(...mirrorEndpoints(o.object, ns));
  }
  return slices.sort((a, b) => compareByNamespaceName(a, b));
}

const BUILT_IN_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

function collectNamespaces(accepted: AdmittedObject[], pods: Pod[]): Cluster['namespaces'] {
  const labels = new Map<string, Record<string, string>>();
  const touch = (name: string) => {
    if (!labels.has(name)) labels.set(name, {});
  };
  BUILT_IN_NAMESPACES.forEach(touch);
  for (const o of accepted) {
    if (o.kind === 'Namespace') labels.set(o.name, { ...(o.object.metadata.labels ?? {}) });
    else if (o.namespace) touch(o.namespace);
  }
  for (const p of pods) touch(p.namespace);
  return [...labels.entries()]
    .map(([name, l]) => ({ name, labels: { ...l, 'kubernetes.io/metadata.name': name } }))
    .sort((a, b) => compareStrings(a.name, b.name));
}

function sortByRef<T extends { namespace: string; name: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => compareByNamespaceName(a, b));
}


// The check reference an object will have once admitted (kind lower case, namespace defaulted).
function objectRefOf(obj: ManifestObject): string {
  const ns = typeof obj.metadata.namespace === 'string' && obj.metadata.namespace ? obj.metadata.namespace : 'default';
  return `${obj.kind.toLowerCase()}/${ns}/${String(obj.metadata.name)}`;
}
