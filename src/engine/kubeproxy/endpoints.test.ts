import { describe, expect, it } from 'vitest';
import { makeService } from '../testing/fixtures.ts';
import { categorizeEndpoints, type ServiceEndpoint } from './endpoints.ts';

const ep = (ip: string, node: string, ready = true, serving = ready, terminating = false): ServiceEndpoint => ({ ip, port: 80, nodeName: node, ready, serving, terminating, slice: 's' });

// Cases after pkg/proxy/topology_test.go TestCategorizeEndpoints.
describe('categorizeEndpoints', () => {
  const cases = [
    {
      name: 'cluster policy: ready endpoints',
      svc: {},
      eps: [ep('10.0.0.1', 'a'), ep('10.0.0.2', 'b', false)],
      cluster: ['10.0.0.1'],
      local: [] as string[],
      any: true,
    },
    {
      name: 'cluster policy: falls back to serving terminating endpoints',
      svc: {},
      eps: [ep('10.0.0.1', 'a', false, true, true), ep('10.0.0.2', 'b', false, false, true)],
      cluster: ['10.0.0.1'],
      local: [],
      any: true,
    },
    {
      name: 'no usable endpoints',
      svc: {},
      eps: [ep('10.0.0.1', 'a', false)],
      cluster: [],
      local: [],
      any: false,
    },
    {
      name: 'externalTrafficPolicy Local: local endpoints only for external traffic',
      svc: { type: 'NodePort' as const, externalTrafficPolicy: 'Local' as const },
      eps: [ep('10.0.0.1', 'a'), ep('10.0.0.2', 'b')],
      cluster: ['10.0.0.1', '10.0.0.2'],
      local: ['10.0.0.1'],
      any: true,
    },
    {
      name: 'externalTrafficPolicy Local on a ClusterIP Service means nothing',
      svc: { externalTrafficPolicy: 'Local' as const },
      eps: [ep('10.0.0.1', 'a'), ep('10.0.0.2', 'b')],
      cluster: ['10.0.0.1', '10.0.0.2'],
      local: [],
      any: true,
    },
    {
      name: 'internalTrafficPolicy Local with no local endpoint: still has endpoints elsewhere',
      svc: { internalTrafficPolicy: 'Local' as const },
      eps: [ep('10.0.0.2', 'b')],
      cluster: [],
      local: [],
      any: true,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = categorizeEndpoints(c.eps, makeService({ name: 's', ...c.svc }), 'a');
      expect(r.clusterEndpoints.map((e) => e.ip)).toEqual(c.cluster);
      expect(r.localEndpoints.map((e) => e.ip)).toEqual(c.local);
      expect(r.hasAnyEndpoints).toBe(c.any);
    });
  }
});
