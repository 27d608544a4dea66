import { describe, expect, it } from 'vitest';
import type { ManifestObject } from '../types.ts';
import { findUnknownFields, formatStrictDecodingError } from './index.ts';

describe('findUnknownFields', () => {
  const cases: Array<{ name: string; obj: Record<string, unknown>; want: string[] }> = [
    { name: 'a known Service', obj: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', labels: { anything: 'x' } }, spec: { ports: [{ port: 80, targetPort: 'http' }] } }, want: [] },
    { name: 'a typo in spec', obj: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { prots: [] } }, want: ['spec.prots'] },
    { name: 'a typo in a list item', obj: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { ports: [{ port: 80 }, { port: 81, prot: 'TCP' }] } }, want: ['spec.ports[1].prot'] },
    {
      name: 'deep in a pod template, sorted as the server reports',
      obj: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { zeta: 1, template: { spec: { containers: [{ name: 'c', image: 'x', imagePullPolicey: 'Always' }] } }, alpha: 2 } },
      want: ['spec.alpha', 'spec.template.spec.containers[0].imagePullPolicey', 'spec.zeta'],
    },
    { name: 'top-level fields', obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, spec: {}, data: { any: 'key' } }, want: ['spec'] },
    { name: 'metadata is checked, labels and annotations are maps', obj: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', label: { a: 'b' }, annotations: { x: 'y' } }, spec: { containers: [] } }, want: ['metadata.label'] },
    { name: 'status is free-form observed state', obj: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: {}, status: { podIP: '10.244.0.9', whatever: true } }, want: [] },
    { name: 'selectors and resources are maps', obj: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { nodeSelector: { a: 'b' }, containers: [{ name: 'c', resources: { limits: { cpu: '1' } } }] } }, want: [] },
    { name: 'NetworkPolicy peers', obj: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'n' }, spec: { podSelector: {}, ingress: [{ from: [{ ipblock: { cidr: '10.0.0.0/8' } }] }] } }, want: ['spec.ingress[0].from[0].ipblock'] },
    { name: 'Gateway API kinds are not checked', obj: { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r' }, spec: { anything: 1 } }, want: [] },
    { name: 'unknown kinds are not checked', obj: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { x: 1 } }, want: [] },
  ];
  it.each(cases)('$name', ({ obj, want }) => {
    expect(findUnknownFields(obj as ManifestObject)).toEqual(want);
  });
});

describe('formatStrictDecodingError', () => {
  it('names the kind, its version and every unknown field', () => {
    const obj = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { prots: [] } } as ManifestObject;
    expect(formatStrictDecodingError(obj, findUnknownFields(obj))).toBe('Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.prots"');
  });
  it('uses the version without the group', () => {
    const obj = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } } as ManifestObject;
    expect(formatStrictDecodingError(obj, ['spec.a', 'spec.b'])).toBe('Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.a", unknown field "spec.b"');
  });
});
