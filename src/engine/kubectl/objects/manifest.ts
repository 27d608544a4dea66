// Full objects for `kubectl get -o yaml|json`: what was written, plus the fields the API server
// defaults and allocates and the status its controllers write.

import type { Condition } from '../../scenario/conditions.ts';
import { apiVersionOf, resolveResourceType } from '../resources.ts';
import { CONTAINER_RUNTIME, KERNEL_VERSION, KUBELET_VERSION, OS_IMAGE } from '../get/print-core.ts';
import { conditionsOf, metadataOf, ownerReference, uidOf } from './meta.ts';
import { defaultPodTemplateSpec, podManifest } from './pod-manifest.ts';
import { gatewayClassConditions, gatewayStatus, ingressAddresses, routeParents, workloadStatus } from './status.ts';
import { listObjects, type ApiObject, type ClusterView } from './view.ts';
import { list, record } from '../../json.ts';

/** The object as `kubectl get -o yaml` prints it (keys unsorted; the printer sorts them). */
export function fullObject(view: ClusterView, obj: ApiObject): Record<string, unknown> {
  switch (obj.type.resource) {
    case 'pods':
      return podManifest(view, obj);
    case 'services':
      return serviceManifest(view, obj);
    case 'endpointslices':
      return endpointSliceManifest(view, obj);
    case 'endpoints':
      return endpointsManifest(view, obj);
    case 'nodes':
      return nodeManifest(view, obj);
    case 'namespaces':
      return { apiVersion: 'v1', kind: 'Namespace', metadata: metadataOf(view, obj), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } };
    case 'deployments':
    case 'statefulsets':
    case 'daemonsets':
    case 'replicasets':
      return workloadManifest(view, obj);
    default:
      return genericManifest(view, obj);
  }
}

function serviceManifest(view: ClusterView, obj: ApiObject): Record<string, unknown> {
  const svc = obj.service!;
  const rawSpec = record(obj.raw?.spec);
  const spec: Record<string, unknown> = {
    ...rawSpec,
    ports: svc.ports.map((p) => ({
      ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}),
      ...(p.name ? { name: p.name } : {}),
      ...(p.nodePort ? { nodePort: p.nodePort } : {}),
      port: p.port,
      protocol: p.protocol,
      targetPort: p.targetPort,
    })),
    sessionAffinity: svc.sessionAffinity,
    type: svc.type,
  };
  if (svc.type !== 'ExternalName') {
    spec.clusterIP = svc.clusterIP;
    spec.clusterIPs = [svc.clusterIP];
    spec.internalTrafficPolicy = svc.internalTrafficPolicy;
    spec.ipFamilies = ['IPv4'];
    spec.ipFamilyPolicy = 'SingleStack';
  }
  if (svc.selector) spec.selector = { ...svc.selector };
  if (svc.type === 'NodePort' || svc.type === 'LoadBalancer') spec.externalTrafficPolicy = svc.externalTrafficPolicy;
  if (svc.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts = rawSpec.allocateLoadBalancerNodePorts ?? true;
  if (svc.healthCheckNodePort) spec.healthCheckNodePort = svc.healthCheckNodePort;
  if (svc.sessionAffinity === 'ClientIP') spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: svc.sessionAffinityTimeoutSeconds } };
  const loadBalancer = svc.loadBalancerIPs.length ? { ingress: svc.loadBalancerIPs.map((ip) => ({ ip, ipMode: 'VIP' })) } : {};
  return { apiVersion: 'v1', kind: 'Service', metadata: metadataOf(view, obj), spec, status: { loadBalancer } };
}

function podUid(namespace: string, name: string): string {
  return uidOf(`pod/${namespace}/${name}`);
}

function endpointSliceManifest(view: ClusterView, obj: ApiObject): Record<string, unknown> {
  const slice = obj.slice!;
  const controller = slice.managedBy === 'endpointslice-controller.k8s.io' && !(slice.namespace === 'default' && slice.name === 'kubernetes');
  const metadata = metadataOf(view, obj, {
    ...(controller ? { generateName: `${slice.serviceName}-`, ownerReferences: [ownerReference('v1', 'Service', slice.serviceName, `service/${slice.namespace}/${slice.serviceName}`)] } : {}),
  });
  return {
    addressType: slice.addressType,
    apiVersion: 'discovery.k8s.io/v1',
    endpoints: slice.endpoints.map((ep) => ({
      addresses: ep.addresses,
      conditions: { ready: ep.conditions.ready, serving: ep.conditions.serving, terminating: ep.conditions.terminating },
      ...(ep.hostname ? { hostname: ep.hostname } : {}),
      ...(ep.nodeName ? { nodeName: ep.nodeName } : {}),
      ...(ep.targetRef ? { targetRef: { kind: ep.targetRef.kind, name: ep.targetRef.name, namespace: ep.targetRef.namespace, uid: podUid(ep.targetRef.namespace, ep.targetRef.name) } } : {}),
    })),
    kind: 'EndpointSlice',
    metadata,
    ports: slice.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })),
  };
}

function endpointsManifest(view: ClusterView, obj: ApiObject): Record<string, unknown> {
  const ep = obj.endpoints!;
  const address = (a: { ip: string; nodeName?: string; hostname?: string; targetRef?: { kind: string; namespace: string; name: string } }) => ({
    ...(a.hostname ? { hostname: a.hostname } : {}),
    ip: a.ip,
    ...(a.nodeName ? { nodeName: a.nodeName } : {}),
    ...(a.targetRef ? { targetRef: { kind: a.targetRef.kind, name: a.targetRef.name, namespace: a.targetRef.namespace, uid: podUid(a.targetRef.namespace, a.targetRef.name) } } : {}),
  });
  const subsets = ep.subsets.map((s) => ({
    ...(s.addresses.length ? { addresses: s.addresses.map(address) } : {}),
    ...(s.notReadyAddresses.length ? { notReadyAddresses: s.notReadyAddresses.map(address) } : {}),
    ...(s.ports.length ? { ports: s.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol })) } : {}),
  }));
  return { apiVersion: 'v1', kind: 'Endpoints', metadata: metadataOf(view, obj), ...(subsets.length ? { subsets } : {}) };
}

function nodeManifest(view: ClusterView, obj: ApiObject): Record<string, unknown> {
  const node = obj.node!;
  const ready: Condition = node.ready
    ? { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }
    : { type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' };
  const spec: Record<string, unknown> = { podCIDR: node.podCIDR, podCIDRs: [node.podCIDR], providerID: `kind://docker/kind/${node.name}` };
  if (node.unschedulable) {
    spec.unschedulable = true;
    spec.taints = [{ effect: 'NoSchedule', key: 'node.kubernetes.io/unschedulable', timeAdded: '2025-06-02T09:00:00Z' }];
  }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: metadataOf(view, obj, { annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' } }),
    spec,
    status: {
      addresses: [
        { address: node.internalIP, type: 'InternalIP' },
        { address: node.name, type: 'Hostname' },
      ],
      conditions: conditionsOf(view, obj, [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
        { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
        { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
        ready,
      ], false),
      nodeInfo: { architecture: 'amd64', containerRuntimeVersion: CONTAINER_RUNTIME, kernelVersion: KERNEL_VERSION, kubeProxyVersion: '', kubeletVersion: KUBELET_VERSION, operatingSystem: 'linux', osImage: OS_IMAGE },
    },
  };
}

function workloadManifest(view: ClusterView, obj: ApiObject): Record<string, unknown> {
  const s = workloadStatus(view, obj);
  const source = obj.deployment ?? obj.raw;
  const base = { ...(source as Record<string, unknown>) };
  const kind = obj.type.kind;
  const extra: Record<string, unknown> = { generation: 1 };
  if (obj.deployment) {
    extra.ownerReferences = [ownerReference('apps/v1', 'Deployment', obj.ownerRef!.split('/').pop()!, obj.ownerRef!)];
  }
  const replicaSet = kind === 'Deployment' ? listObjects(view, resolveResourceType('replicasets')!, obj.namespace).find((r) => r.ownerRef === obj.ref) : undefined;
  if (kind === 'Deployment') extra.annotations = { ...obj.annotations, 'deployment.kubernetes.io/revision': '1' };
  const metadata = metadataOf(view, obj, extra);
  if (extra.annotations) metadata.annotations = extra.annotations;
  const spec = { ...record(source?.spec) };
  const template = record(spec.template);
  if (Object.keys(template).length) spec.template = { ...template, spec: defaultPodTemplateSpec(template.spec) };
  if (obj.deployment) {
    spec.selector = { matchLabels: { ...record(record(spec.selector).matchLabels), 'pod-template-hash': obj.labels['pod-template-hash'] } };
    const template = record(spec.template);
    spec.template = { ...template, metadata: { ...record(template.metadata), labels: { ...obj.labels } } };
    delete spec.strategy;
  } else if (kind === 'Deployment') {
    spec.progressDeadlineSeconds ??= 600;
    spec.revisionHistoryLimit ??= 10;
    spec.strategy ??= { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' };
  }
  if (kind !== 'DaemonSet') spec.replicas = s.desired;
  let status: Record<string, unknown>;
  if (kind === 'DaemonSet') {
    status = { currentNumberScheduled: s.current, desiredNumberScheduled: s.desired, numberAvailable: s.available, numberMisscheduled: 0, numberReady: s.ready, observedGeneration: 1, updatedNumberScheduled: s.updated };
  } else {
    status = { availableReplicas: s.available, observedGeneration: 1, readyReplicas: s.ready, replicas: s.current, ...(kind === 'ReplicaSet' ? { fullyLabeledReplicas: s.current } : { updatedReplicas: s.updated }) };
    if (kind === 'Deployment') {
      const available = s.available >= s.desired;
      status.conditions = conditionsOf(view, obj, [
        { type: 'Available', status: available ? 'True' : 'False', reason: available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable', message: available ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.' },
        { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${replicaSet?.name ?? obj.name}" has successfully progressed.` },
      ], false);
    }
  }
  return { ...base, apiVersion: apiVersionOf(obj.type), kind, metadata, spec, status };
}

function genericManifest(view: ClusterView, obj: ApiObject): Record<string, unknown> {
  const base: Record<string, unknown> = { ...(obj.raw ?? {}), apiVersion: obj.raw?.apiVersion ?? apiVersionOf(obj.type), kind: obj.type.kind, metadata: metadataOf(view, obj, { generation: 1 }) };
  switch (obj.type.resource) {
    case 'ingresses': {
      const ips = ingressAddresses(view, obj.raw!);
      base.status = { loadBalancer: ips.length ? { ingress: ips.map((ip) => ({ ip })) } : {} };
      break;
    }
    case 'gateways': {
      const st = gatewayStatus(view, obj.namespace ?? 'default', obj.name);
      base.status = {
        ...(st.addresses.length ? { addresses: st.addresses.map((value) => ({ type: 'IPAddress', value })) } : {}),
        conditions: conditionsOf(view, obj, st.conditions),
        ...(st.listeners.length ? { listeners: st.listeners.map((l) => ({ attachedRoutes: l.attachedRoutes, conditions: conditionsOf(view, obj, l.conditions), name: l.name, supportedKinds: l.supportedKinds.map((kind) => ({ group: 'gateway.networking.k8s.io', kind })) })) } : {}),
      };
      break;
    }
    case 'gatewayclasses':
      base.status = { conditions: conditionsOf(view, obj, gatewayClassConditions(view, obj.name)) };
      break;
    case 'httproutes':
    case 'grpcroutes':
      base.status = { parents: routeParents(view, obj.ref).map((p) => ({ conditions: conditionsOf(view, obj, p.conditions), controllerName: p.controllerName, parentRef: p.parentRef })) };
      break;
    case 'networkpolicies': {
      const spec = record(obj.raw?.spec);
      // The API server defaults policyTypes: Ingress, plus Egress when egress rules exist.
      if (!Array.isArray(spec.policyTypes)) base.spec = { ...spec, policyTypes: list(spec.egress).length ? ['Ingress', 'Egress'] : ['Ingress'] };
      break;
    }
  }
  return base;
}
