import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createTraceContext } from '../trace/context.ts';
import { traceProbes } from '../trace/probe.ts';
import { simulate } from './build.ts';

const BASE = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: nginx, image: nginx, ports: [{name: http, containerPort: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http, nodePort: 30080}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: shop}
spec:
  podSelector: {}
  ingress:
  - from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]
    ports: [{port: http}]
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  containers: [{name: c, image: busybox}]
`;

/** Everything the engine offers must come back as data, whatever the input. */
function exercise(text: string, cluster?: Record<string, unknown>): void {
  const sim = simulate({ manifests: [{ file: 'fuzz.yaml', text }], ...(cluster ? { cluster } : {}) });
  expect(Array.isArray(sim.diagnostics)).toBe(true);
  expect(Array.isArray(sim.cluster.pods)).toBe(true);
  const ctx = createTraceContext(sim.cluster);
  for (const to of ['http://web.shop', 'svc/shop/web:80', '203.0.113.10:80', '172.18.0.2:30080']) {
    for (const from of ['pod/default/client', 'external', 'node/node-1']) {
      const traces = traceProbes(ctx, { from, to }, 2);
      if (!('error' in traces)) expect(traces.every((t) => typeof t.outcome === 'string')).toBe(true);
    }
  }
  JSON.stringify(sim); // results are plain data
}

const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string(), fc.constantFrom(': ', '- ', '{', '[', '"', '\n  ', '---\n', '&a ', '*a', '!!int ', 'null', '-1', '99999999999')) }),
  fc.record({ op: fc.constant('duplicateLine' as const), at: fc.nat() }),
);

function mutate(text: string, ops: Array<{ op: string; at: number; len?: number; text?: string }>): string {
  let out = text;
  for (const m of ops) {
    const at = m.at % (out.length + 1);
    if (m.op === 'delete') out = out.slice(0, at) + out.slice(at + (m.len ?? 1));
    else if (m.op === 'insert') out = out.slice(0, at) + (m.text ?? '') + out.slice(at);
    else {
      const lines = out.split('\n');
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i] ?? '');
      out = lines.join('\n');
    }
  }
  return out;
}

const jsonValue = fc.jsonValue({ maxDepth: 4 });
const kinds = fc.constantFrom('constructor', 'toString', '__proto__', 'Pod', 'Service', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Endpoints', 'EndpointSlice', 'NetworkPolicy', 'Ingress', 'Node', 'Namespace', 'Gateway', 'HTTPRoute', 'Widget');
const apiVersions = fc.constantFrom('v1', 'apps/v1', 'networking.k8s.io/v1', 'discovery.k8s.io/v1', 'gateway.networking.k8s.io/v1', 'example.com/v1');

describe('simulate never throws', () => {
  it('on mutated manifests', () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (ops) => exercise(mutate(BASE, ops))), { numRuns: 120 });
  }, 120_000);

  it('on random objects of known and unknown kinds', () => {
    const object = fc.record({
      apiVersion: apiVersions,
      kind: kinds,
      metadata: fc.oneof(fc.record({ name: fc.string(), namespace: fc.constantFrom('default', 'shop', '', 'Bad_NS') }), jsonValue),
      spec: jsonValue,
      status: fc.option(jsonValue),
    });
    fc.assert(fc.property(fc.array(object, { maxLength: 6 }), (objects) => exercise(objects.map((o) => stringify(o)).join('---\n'))), { numRuns: 150 });
  }, 120_000);

  it('on keys that shadow Object.prototype', () => {
    const sneaky = fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf');
    const object = fc.record({
      apiVersion: apiVersions,
      kind: kinds,
      metadata: fc.record({ name: sneaky, namespace: sneaky, labels: fc.dictionary(sneaky, fc.string()) }),
      spec: fc.dictionary(sneaky, jsonValue),
    });
    fc.assert(fc.property(fc.array(object, { maxLength: 4 }), (objects) => exercise(objects.map((o) => stringify(o)).join('---\n'))), { numRuns: 100 });
  }, 120_000);

  it('on random cluster settings', () => {
    const settings = fc.record({ nodes: fc.oneof(fc.integer({ min: -2, max: 6 }), fc.array(fc.string(), { maxLength: 3 }), jsonValue), kubeProxyMode: fc.constantFrom('iptables', 'ipvs', 'nftables', 'userspace'), seed: fc.oneof(fc.integer(), jsonValue) }, { requiredKeys: [] });
    fc.assert(fc.property(settings, (cluster) => exercise(BASE, cluster as Record<string, unknown>)), { numRuns: 60 });
  }, 120_000);
});
