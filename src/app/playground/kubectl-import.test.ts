import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/cluster/build.ts';
import { DEFAULT_PLAYGROUND_YAML } from '../state/default-scenario.ts';
import { describeKinds, inspectManifests } from './kubectl-import.ts';

const LIST = readFileSync(new URL('./fixtures/kubectl-get-list.yaml', import.meta.url), 'utf8');
// `kubectl get pods,svc -o yaml`: the fixture without its Deployment.
const PODS_AND_SERVICES = LIST.replace(/^- apiVersion: apps\/v1\n {2}kind: Deployment\n[\s\S]*?(?=^- apiVersion: v1\n {2}kind: Pod)/m, '');

describe('inspectManifests', () => {
  it('reads kubectl get -o yaml output: kinds, observed nodes, and the Deployment beside its pods', () => {
    const insight = inspectManifests(LIST);
    expect(describeKinds(insight)).toBe('5 objects: Deployment ×1, Pod ×3, Service ×1');
    expect(insight.fromCluster).toBe(true);
    expect(insight.nodes).toEqual(['kind-worker', 'kind-worker2']);
    expect(insight.notes[0]).toMatch(/^Deployment default\/web is here with 2 objects it owns/);
  });

  it('has nothing to say about plain manifests', () => {
    const insight = inspectManifests(DEFAULT_PLAYGROUND_YAML);
    expect(insight).toEqual({ kinds: [{ kind: 'Deployment', count: 1 }, { kind: 'Service', count: 1 }, { kind: 'Pod', count: 1 }], fromCluster: false, notes: [] });
  });

  it('orders nodes by their observed address, Node objects included', () => {
    const text = `apiVersion: v1
kind: List
items:
- { apiVersion: v1, kind: Node, metadata: { name: b }, status: { addresses: [{ type: InternalIP, address: 172.18.0.10 }] } }
- { apiVersion: v1, kind: Node, metadata: { name: a }, status: { addresses: [{ type: InternalIP, address: 172.18.0.9 }] } }
- { apiVersion: v1, kind: Pod, metadata: { name: p }, spec: { nodeName: c, containers: [] } }
`;
    expect(inspectManifests(text).nodes).toEqual(['a', 'b', 'c']);
  });

  it('notes the API server’s own Service and controller-written EndpointSlices', () => {
    const text = `apiVersion: v1
kind: List
items:
- { apiVersion: v1, kind: Service, metadata: { name: kubernetes, namespace: default }, spec: { clusterIP: 10.96.0.1, ports: [{ port: 443, targetPort: 6443 }] } }
- { apiVersion: discovery.k8s.io/v1, kind: EndpointSlice, metadata: { name: web-abc, labels: { endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io, kubernetes.io/service-name: web } }, addressType: IPv4, endpoints: [] }
`;
    const notes = inspectManifests(text).notes;
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain('default/kubernetes');
    expect(notes[1]).toContain('EndpointSlice controller');
  });
});

describe('kubectl output in the engine', () => {
  // What the import promises: such a paste simulates cleanly, status kept as observed state.
  it.each([
    { name: 'pods and Services', text: PODS_AND_SERVICES, pods: ['client', 'web-7c5ddbdf54-2xkqn', 'web-7c5ddbdf54-v9wz4'] },
    { name: 'with the Deployment too (its controller adds its own pods)', text: LIST, pods: expect.arrayContaining(['web-7c5ddbdf54-2xkqn', 'web-7c5ddbdf54-v9wz4']) },
  ])('$name', ({ text, pods }) => {
    const nodes = inspectManifests(text).nodes;
    const sim = simulate({ manifests: [{ file: 'paste.yaml', text }], cluster: { nodes } });
    expect(sim.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const mine = sim.cluster.pods.filter((p) => p.namespace === 'default');
    expect(mine.map((p) => p.name)).toEqual(pods);
    const observed = mine.find((p) => p.name === 'web-7c5ddbdf54-2xkqn');
    expect(observed).toMatchObject({ nodeName: 'kind-worker', podIP: '10.244.1.2', ready: true });
    expect(sim.cluster.services.find((s) => s.name === 'web')?.clusterIP).toBe('10.96.140.21');
  });
});
