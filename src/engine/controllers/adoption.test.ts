import { describe, expect, it } from 'vitest';
import { simulate } from '../cluster/build.ts';

// kubectl get deploy,rs,pods -o yaml, trimmed: a Deployment, its ReplicaSet, and the ReplicaSet's two pods.
const PASTED = `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: default, uid: d1}
  spec:
    replicas: 2
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec: {containers: [{name: nginx, image: nginx}]}
- apiVersion: apps/v1
  kind: ReplicaSet
  metadata:
    name: web-7d4b9c8f6d
    namespace: default
    ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: d1, controller: true}]
  spec:
    replicas: 2
    selector: {matchLabels: {app: web, pod-template-hash: 7d4b9c8f6d}}
    template:
      metadata: {labels: {app: web, pod-template-hash: 7d4b9c8f6d}}
      spec: {containers: [{name: nginx, image: nginx}]}
- apiVersion: v1
  kind: Pod
  metadata:
    name: web-7d4b9c8f6d-abcde
    namespace: default
    labels: {app: web, pod-template-hash: 7d4b9c8f6d}
    ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-7d4b9c8f6d, controller: true}]
  spec: {nodeName: node-1, containers: [{name: nginx, image: nginx}]}
  status: {phase: Running, podIP: 10.244.0.7}
- apiVersion: v1
  kind: Pod
  metadata:
    name: web-7d4b9c8f6d-fghij
    namespace: default
    labels: {app: web, pod-template-hash: 7d4b9c8f6d}
    ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-7d4b9c8f6d, controller: true}]
  spec: {nodeName: node-2, containers: [{name: nginx, image: nginx}]}
  status: {phase: Running, podIP: 10.244.1.9}
`;

describe('adopting pasted objects', () => {
  it('keeps the pasted pods and creates none twice', () => {
    const { cluster } = simulate({ manifests: [{ file: 'pasted.yaml', text: PASTED }] });
    const web = cluster.pods.filter((p) => p.labels.app === 'web');
    expect(web.map((p) => `${p.name} ${p.podIP}`)).toEqual(['web-7d4b9c8f6d-abcde 10.244.0.7', 'web-7d4b9c8f6d-fghij 10.244.1.9']);
    expect(web.every((p) => p.createdBy === 'deployment/default/web')).toBe(true);
  });

  it('tops a ReplicaSet up to its replicas', () => {
    const text = PASTED.replace('replicas: 2\n    selector: {matchLabels: {app: web, pod', 'replicas: 3\n    selector: {matchLabels: {app: web, pod');
    const { cluster } = simulate({ manifests: [{ file: 'pasted.yaml', text }] });
    expect(cluster.pods.filter((p) => p.labels.app === 'web')).toHaveLength(3);
  });
});

describe('observed faults', () => {
  const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: nginx, image: nginx}]}
`;
  const base = simulate({ manifests: [{ file: 'm.yaml', text: yaml }] }).cluster.pods.filter((p) => p.labels.app === 'web');

  it('marks one replica not ready', () => {
    const target = base[1]!;
    const { cluster } = simulate({ manifests: [{ file: 'm.yaml', text: yaml }], observed: { pods: { [`default/${target.name}`]: { ready: false } } } });
    expect(cluster.pods.find((p) => p.name === target.name)?.ready).toBe(false);
    expect(cluster.pods.filter((p) => p.labels.app === 'web' && p.ready)).toHaveLength(2);
  });

  it('replaces a deleted replica with a new name and IP; the others keep theirs', () => {
    const target = base[0]!;
    const { cluster } = simulate({ manifests: [{ file: 'm.yaml', text: yaml }], observed: { pods: { [`default/${target.name}`]: { deleted: true } } } });
    const after = cluster.pods.filter((p) => p.labels.app === 'web');
    expect(after).toHaveLength(3);
    expect(after.some((p) => p.name === target.name)).toBe(false);
    for (const p of base.slice(1)) expect(after.find((a) => a.name === p.name)?.podIP).toBe(p.podIP);
    expect(after.map((p) => p.podIP)).not.toContain(target.podIP);
  });
});
