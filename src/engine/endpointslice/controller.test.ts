import { describe, expect, it } from 'vitest';
import { makePod, makeService } from '../testing/fixtures.ts';
import { reconcileServiceSlices } from './controller.ts';

const web = (name: string, ip: string, extra: Parameters<typeof makePod>[0] extends infer T ? Partial<T> : never = {}) =>
  makePod({ name, podIP: ip, labels: { app: 'web' }, containers: [{ name: 'c', image: 'x', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }], ...extra });

describe('reconcileServiceSlices', () => {
  const svc = makeService({ name: 'web', selector: { app: 'web' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 'http' }] });

  it('resolves a named targetPort per pod and groups endpoints by port set', () => {
    // pkg/controller/endpointslice: pods exposing the name on different numbers land in different slices.
    const a = web('a', '10.244.0.2');
    const b = web('b', '10.244.1.2', { containers: [{ name: 'c', image: 'x', ports: [{ name: 'http', containerPort: 9090, protocol: 'TCP' }] }] });
    const slices = reconcileServiceSlices(svc, [a, b]);
    expect(slices.map((s) => s.ports.map((p) => p.port))).toEqual([[8080], [9090]]);
    expect(slices.every((s) => s.name.startsWith('web-') && s.name.length === 'web-'.length + 5)).toBe(true);
  });

  const conditionCases = [
    { name: 'ready pod', pod: {}, svc: {}, want: { ready: true, serving: true, terminating: false } },
    { name: 'not ready pod', pod: { readyCondition: false, ready: false }, svc: {}, want: { ready: false, serving: false, terminating: false } },
    { name: 'terminating ready pod', pod: { terminating: true, ready: false }, svc: {}, want: { ready: false, serving: true, terminating: true } },
    { name: 'publishNotReadyAddresses', pod: { readyCondition: false, ready: false }, svc: { publishNotReadyAddresses: true }, want: { ready: true, serving: false, terminating: false } },
  ];
  for (const c of conditionCases) {
    it(`conditions: ${c.name}`, () => {
      const slices = reconcileServiceSlices({ ...svc, ...c.svc }, [web('a', '10.244.0.2', c.pod)]);
      expect(slices[0]!.endpoints[0]!.conditions).toEqual(c.want);
    });
  }

  it('leaves out pods without an IP and finished pods', () => {
    const slices = reconcileServiceSlices(svc, [web('a', ''), web('b', '10.244.0.3', { phase: 'Succeeded' })]);
    expect(slices).toHaveLength(1);
    expect(slices[0]!.endpoints).toEqual([]);
  });

  it('keeps an empty placeholder slice when nothing matches', () => {
    const slices = reconcileServiceSlices(svc, []);
    expect(slices).toHaveLength(1);
    expect(slices[0]!.ports).toEqual([]);
  });

  it('puts at most 100 endpoints in a slice', () => {
    const pods = Array.from({ length: 250 }, (_, i) => web(`p${i}`, `10.244.${Math.floor(i / 200)}.${(i % 200) + 2}`));
    const slices = reconcileServiceSlices(svc, pods);
    expect(slices.map((s) => s.endpoints.length)).toEqual([100, 100, 50]);
  });

  it('sets hostname only for pods whose subdomain names the Service', () => {
    const slices = reconcileServiceSlices(svc, [web('a', '10.244.0.2', { hostname: 'a', subdomain: 'web' }), web('b', '10.244.0.3', { hostname: 'b', subdomain: 'other' })]);
    expect(slices[0]!.endpoints.map((e) => e.hostname)).toEqual(['a', undefined]);
  });

  it('ignores Services without a selector', () => {
    expect(reconcileServiceSlices({ ...svc, selector: undefined }, [web('a', '10.244.0.2')])).toEqual([]);
  });
});

describe('native sidecars', () => {
  it('resolve a named targetPort declared on an init container with restartPolicy Always', async () => {
    const { simulate } = await import('../cluster/build.ts');
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p, labels: {app: p}}
spec:
  initContainers: [{name: proxy, image: envoy, restartPolicy: Always, ports: [{name: admin, containerPort: 15000}]}]
  containers: [{name: app, image: nginx}]
---
apiVersion: v1
kind: Service
metadata: {name: p}
spec: {selector: {app: p}, ports: [{port: 15000, targetPort: admin}]}
`;
    const { cluster } = simulate({ manifests: [{ file: 'm.yaml', text }] });
    const slice = cluster.endpointSlices.find((s) => s.serviceName === 'p')!;
    expect(slice.ports.map((p) => p.port)).toEqual([15000]);
    expect(cluster.pods.find((p) => p.name === 'p')!.listening.map((l) => l.port)).toEqual([80, 15000]);
  });
});
