// A Pod as `kubectl get pod -o yaml` shows it: the spec as written (or as its workload's
// template), with the fields the API server defaults and the status the kubelet reports.

import { objectConditions } from '../../scenario/conditions.ts';
import type { Pod } from '../../types.ts';
import { rfc3339 } from '../format/time.ts';
import { apiAccessVolumeName, metadataOf, ownerReference, uidOf } from './meta.ts';
import { createdAt, type ApiObject, type ClusterView } from './view.ts';
import { list, record } from '../../json.ts';

/** The pod's spec as written: its own manifest's, or its workload's pod template. */
export function writtenPodSpec(view: ClusterView, pod: Pod): Record<string, unknown> {
  const owner = view.cluster.objects.filter((o) => o.accepted && o.ref === pod.createdBy).pop();
  if (!owner) return {};
  if (owner.kind === 'Pod') return record(owner.object.spec);
  const spec = record(record(record(owner.object.spec).template).spec);
  if (owner.kind === 'StatefulSet') {
    const serviceName = record(owner.object.spec).serviceName;
    return { ...spec, hostname: pod.name, ...(typeof serviceName === 'string' ? { subdomain: serviceName } : {}) };
  }
  return spec;
}

/** imagePullPolicy's default: Always for `:latest` or no tag, else IfNotPresent. */
export function defaultPullPolicy(image: string): string {
  const name = image.split('@')[0] ?? image;
  const tag = name.lastIndexOf(':') > name.lastIndexOf('/') ? name.slice(name.lastIndexOf(':') + 1) : '';
  return image.includes('@') || (tag && tag !== 'latest') ? 'IfNotPresent' : 'Always';
}

/** containerd's container ID for a container (stable per pod and container). */
export function containerID(pod: Pod, container: string): string {
  const seed = uidOf(`container:${pod.namespace}/${pod.name}/${container}`).replace(/-/g, '');
  return `containerd://${(seed + seed).slice(0, 64)}`;
}

/** Containers with the fields the API server defaults. */
export function defaultContainers(value: unknown): Array<Record<string, unknown>> {
  return list(value).map((c) => {
    const container = record(c);
    return {
      ...container,
      imagePullPolicy: container.imagePullPolicy ?? defaultPullPolicy(String(container.image ?? '')),
      resources: container.resources ?? {},
      terminationMessagePath: container.terminationMessagePath ?? '/dev/termination-log',
      terminationMessagePolicy: container.terminationMessagePolicy ?? 'File',
      ...(Array.isArray(container.ports) ? { ports: list(container.ports).map((p) => ({ protocol: 'TCP', ...record(p) })) } : {}),
    };
  });
}

/** A pod template's spec with the fields the API server defaults. */
export function defaultPodTemplateSpec(value: unknown): Record<string, unknown> {
  const spec = record(value);
  return {
    ...spec,
    containers: defaultContainers(spec.containers),
    dnsPolicy: spec.dnsPolicy ?? 'ClusterFirst',
    restartPolicy: spec.restartPolicy ?? 'Always',
    schedulerName: spec.schedulerName ?? 'default-scheduler',
    securityContext: spec.securityContext ?? {},
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds ?? 30,
  };
}

/** The full Pod object. */
export function podManifest(view: ClusterView, obj: ApiObject): Record<string, unknown> {
  const pod = obj.pod!;
  const written = writtenPodSpec(view, pod);
  const volume = apiAccessVolumeName(obj.ref);
  const containers = defaultContainers(written.containers).map((c) => ({
    ...c,
    volumeMounts: [...list(c.volumeMounts), { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: volume, readOnly: true }],
  }));
  const owner = pod.owner ? [ownerReference('apps/v1', pod.owner.kind, pod.owner.name, ownerRefFor(pod))] : undefined;
  const metadata = metadataOf(view, obj, {
    ...(pod.owner?.kind === 'ReplicaSet' || pod.owner?.kind === 'DaemonSet' ? { generateName: `${pod.owner.name}-` } : {}),
    ...(owner ? { ownerReferences: owner } : {}),
    ...(pod.terminating ? { deletionGracePeriodSeconds: 30, deletionTimestamp: rfc3339(view.clock) } : {}),
  });
  const spec: Record<string, unknown> = {
    ...written,
    containers,
    dnsPolicy: written.dnsPolicy ?? 'ClusterFirst',
    enableServiceLinks: written.enableServiceLinks ?? true,
    ...(pod.nodeName ? { nodeName: pod.nodeName } : {}),
    preemptionPolicy: 'PreemptLowerPriority',
    priority: 0,
    restartPolicy: written.restartPolicy ?? 'Always',
    schedulerName: 'default-scheduler',
    securityContext: written.securityContext ?? {},
    serviceAccount: written.serviceAccountName ?? 'default',
    serviceAccountName: written.serviceAccountName ?? 'default',
    terminationGracePeriodSeconds: written.terminationGracePeriodSeconds ?? 30,
    tolerations: [
      { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
    ],
    volumes: [
      ...list(written.volumes),
      {
        name: volume,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
            { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
          ],
        },
      },
    ],
  };
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec, status: podStatus(view, obj) };
}

/** The image as the runtime reports it (`docker.io/library/nginx:latest`). */
export function qualifiedImage(image: string): string {
  const tagged = /:[^/]+$/.test(image) || image.includes('@') ? image : `${image}:latest`;
  const first = tagged.split('/')[0]!;
  if (tagged.includes('/') && /[.:]|^localhost$/.test(first)) return tagged;
  return tagged.includes('/') ? `docker.io/${tagged}` : `docker.io/library/${tagged}`;
}

/** A stable image digest reference (`docker.io/library/nginx@sha256:...`). */
export function imageID(image: string): string {
  const digest = [0, 1].map((i) => uidOf(`image:${i}:${image}`).replace(/-/g, '')).join('');
  return `${qualifiedImage(image).replace(/:[^/:@]+$/, '').split('@')[0]}@sha256:${digest}`;
}

function ownerRefFor(pod: Pod): string {
  if (!pod.owner) return '';
  return `${pod.owner.kind.toLowerCase()}/${pod.namespace}/${pod.owner.name}`;
}

function podStatus(view: ClusterView, obj: ApiObject): Record<string, unknown> {
  const pod = obj.pod!;
  const started = rfc3339(createdAt(view, obj));
  const conditions = (objectConditions(view.sim, obj.ref) ?? []).map((c) => ({ lastProbeTime: null, lastTransitionTime: started, status: c.status, type: c.type, ...(c.reason ? { reason: c.reason } : {}) }));
  const status: Record<string, unknown> = { conditions, phase: pod.phase, qosClass: 'BestEffort' };
  if (!pod.nodeName) return status;
  const running = pod.phase === 'Running';
  status.containerStatuses = pod.containers.map((c) => ({
    containerID: containerID(pod, c.name),
    image: qualifiedImage(c.image),
    imageID: imageID(c.image),
    lastState: {},
    name: c.name,
    ready: running && pod.readyCondition,
    restartCount: 0,
    started: running,
    state: running ? { running: { startedAt: started } } : pod.phase === 'Succeeded' || pod.phase === 'Failed' ? { terminated: { exitCode: pod.phase === 'Succeeded' ? 0 : 1, reason: pod.phase === 'Succeeded' ? 'Completed' : 'Error', startedAt: started, finishedAt: started } } : { waiting: { reason: 'ContainerCreating' } },
  }));
  status.hostIP = pod.hostIP;
  status.hostIPs = [{ ip: pod.hostIP }];
  if (pod.podIP) {
    status.podIP = pod.podIP;
    status.podIPs = [{ ip: pod.podIP }];
  }
  status.startTime = started;
  return status;
}
