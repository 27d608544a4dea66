import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/cluster/build.ts';
import type { Cluster } from '../../engine/types.ts';
import { DEFAULT_PLAYGROUND_YAML } from '../state/default-scenario.ts';
import type { Fault } from './faults.ts';
import { applyFaults, FAULTS_FILE } from './overlay.ts';

const FILE = 'p.yaml';
// A bare Pod behind a Service, plus the default Deployment and client.
const YAML = `${DEFAULT_PLAYGROUND_YAML}---
apiVersion: v1
kind: Pod
metadata:
  name: api
  namespace: shop
  labels: { app: api }
spec:
  containers:
    - name: app
      image: nginx
---
apiVersion: v1
kind: Service
metadata: { name: api, namespace: shop }
spec:
  selector: { app: api }
  ports: [{ port: 80 }]
`;

const LIST = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: { name: a, labels: { app: a } }
  spec: { containers: [{ name: c, image: nginx }] }
- apiVersion: v1
  kind: Pod
  metadata: { name: b, labels: { app: a } }
  spec: { containers: [{ name: c, image: nginx }] }
`;

function run(text: string, faults: Fault[]) {
  const overlay = applyFaults(FILE, text, faults);
  const sim = simulate({ manifests: overlay.manifests });
  return { overlay, sim, cluster: sim.cluster };
}

const pod = (c: Cluster, ns: string, name: string) => c.pods.find((p) => p.namespace === ns && p.name === name);
const placement = (c: Cluster) => c.pods.filter((p) => p.namespace !== 'kube-system').map((p) => `${p.namespace}/${p.name}@${p.nodeName}=${p.podIP}`);

describe('applyFaults', () => {
  it('passes the text through untouched without faults', () => {
    expect(applyFaults(FILE, YAML, [])).toEqual({ manifests: [{ file: FILE, text: YAML }], inert: [] });
  });

  const cases: Array<{ name: string; text: string; faults: Fault[]; check: (r: ReturnType<typeof run>, before: Cluster) => void }> = [
    {
      name: 'a deleted bare Pod is gone, and the pods before it keep their node and IP',
      text: YAML,
      faults: [{ kind: 'delete-pod', pod: 'shop/api' }],
      check: ({ cluster }, before) => {
        expect(pod(cluster, 'shop', 'api')).toBeUndefined();
        expect(placement(cluster)).toEqual(placement(before).filter((p) => !p.startsWith('shop/api@')));
      },
    },
    {
      name: 'a not-ready bare Pod keeps its IP and node, and its endpoint turns not ready',
      text: YAML,
      faults: [{ kind: 'pod-not-ready', pod: 'shop/api' }],
      check: ({ cluster }, before) => {
        expect(pod(cluster, 'shop', 'api')?.ready).toBe(false);
        expect(placement(cluster)).toEqual(placement(before));
        const slice = cluster.endpointSlices.find((s) => s.namespace === 'shop' && s.serviceName === 'api');
        expect(slice?.endpoints.map((e) => e.conditions.ready)).toEqual([false]);
      },
    },
    {
      name: 'a pod inside a kind: List is deleted from the list only',
      text: LIST,
      faults: [{ kind: 'delete-pod', pod: 'default/a' }],
      check: ({ cluster }) => expect(cluster.pods.filter((p) => p.namespace === 'default').map((p) => p.name)).toEqual(['b']),
    },
    {
      name: 'a drained node is cordoned: workload pods move off it and its bare Pods are deleted',
      text: DEFAULT_PLAYGROUND_YAML,
      faults: [{ kind: 'drain-node', node: 'node-1', evicted: ['default/client'] }],
      check: ({ cluster, overlay }) => {
        expect(overlay.manifests.map((m) => m.file)).toEqual([FILE, FAULTS_FILE]);
        expect(cluster.nodes.find((n) => n.name === 'node-1')?.unschedulable).toBe(true);
        expect(pod(cluster, 'default', 'client')).toBeUndefined();
        expect(cluster.pods.filter((p) => p.namespace === 'default').map((p) => p.nodeName)).toEqual(['node-2', 'node-2']);
      },
    },
  ];
  it.each(cases)('$name', ({ text, faults, check }) => {
    const before = simulate({ manifests: [{ file: FILE, text }] }).cluster;
    const result = run(text, faults);
    expect(result.sim.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.overlay.inert).toEqual([]);
    // Lines are kept, so diagnostics and "go to YAML line" still point at the learner's text.
    expect(result.overlay.manifests[0]!.text.split('\n')).toHaveLength(text.split('\n').length);
    check(result, before);
  });

  it('keeps the source lines of the objects after a rewritten document', () => {
    const { cluster } = run(YAML, [{ kind: 'pod-not-ready', pod: 'shop/api' }]);
    const before = simulate({ manifests: [{ file: FILE, text: YAML }] }).cluster;
    const svc = (c: Cluster) => c.objects.find((o) => o.ref === 'service/shop/api')?.source.range?.startLine;
    expect(svc(cluster)).toBe(svc(before));
  });

  const inertCases: Array<{ name: string; faults: Fault[]; want: string[] }> = [
    { name: 'a pod no longer in the YAML', faults: [{ kind: 'delete-pod', pod: 'default/gone' }], want: ['pod/default/gone'] },
    { name: 'a pod of a workload the YAML does not have', faults: [{ kind: 'pod-not-ready', pod: 'default/nothing-abc-xyz' }], want: ['pod/default/nothing-abc-xyz'] },
    { name: 'a node the cluster does not have', faults: [{ kind: 'drain-node', node: 'node-7', evicted: [] }], want: ['node/node-7'] },
  ];
  it.each(inertCases)('reports a fault with nothing to act on: $name', ({ faults, want }) => {
    const overlay = applyFaults(FILE, YAML, faults);
    expect(overlay.inert).toEqual(want);
    expect(overlay.manifests).toHaveLength(1);
    expect(overlay.manifests[0]!.text).toBe(YAML);
  });

  it('drains a node the YAML declares itself', () => {
    const text = `${DEFAULT_PLAYGROUND_YAML}---\napiVersion: v1\nkind: Node\nmetadata: { name: edge-1 }\n`;
    const overlay = applyFaults(FILE, text, [{ kind: 'drain-node', node: 'edge-1', evicted: [] }], { nodes: 1 });
    expect(overlay.inert).toEqual([]);
    expect(overlay.manifests[1]?.text).toContain('"edge-1"');
  });
});

describe('faults on controller-made pods', () => {
  it('go to the engine as observed state', () => {
    const yaml = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: c, image: nginx}]}\n';
    const overlay = applyFaults('w.yaml', yaml, [{ kind: 'pod-not-ready', pod: 'default/web-abc-12345' }, { kind: 'delete-pod', pod: 'default/web-abc-67890' }]);
    expect(overlay.observed).toEqual({ pods: { 'default/web-abc-12345': { ready: false }, 'default/web-abc-67890': { deleted: true } } });
    expect(overlay.inert).toEqual([]);
  });
});
