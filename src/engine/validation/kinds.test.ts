import { describe, expect, it } from 'vitest';
import type { ManifestObject } from '../types.ts';
import { lookupKind, unknownKindMessage } from './index.ts';

describe('lookupKind', () => {
  const cases = [
    { name: 'core Service', apiVersion: 'v1', kind: 'Service', want: { kind: 'Service', namespaced: true, resource: 'services', shortNames: ['svc'] } },
    { name: 'cluster-scoped Node', apiVersion: 'v1', kind: 'Node', want: { kind: 'Node', namespaced: false, resource: 'nodes', shortNames: ['no'] } },
    { name: 'NetworkPolicy', apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', want: { kind: 'NetworkPolicy', namespaced: true, resource: 'networkpolicies', shortNames: ['netpol'] } },
    { name: 'HTTPRoute v1', apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', want: { kind: 'HTTPRoute', namespaced: true, resource: 'httproutes', shortNames: [] } },
    { name: 'ReferenceGrant v1beta1', apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'ReferenceGrant', want: { kind: 'ReferenceGrant', namespaced: true, resource: 'referencegrants', shortNames: ['refgrant'] } },
    { name: 'a removed version', apiVersion: 'extensions/v1beta1', kind: 'Deployment', want: undefined },
    { name: 'a kind in the wrong group', apiVersion: 'v1', kind: 'Deployment', want: undefined },
    { name: 'kinds are case-sensitive', apiVersion: 'v1', kind: 'service', want: undefined },
  ];
  it.each(cases)('$name', ({ apiVersion, kind, want }) => {
    expect(lookupKind(apiVersion, kind)).toEqual(want);
  });
});

describe('unknownKindMessage', () => {
  it('reads as kubectl apply prints it', () => {
    const obj = { apiVersion: 'apps/v1beta2', kind: 'Deployment', metadata: { name: 'nginx' } } as ManifestObject;
    expect(unknownKindMessage(obj, 'deployment.yaml')).toBe(
      'resource mapping not found for name: "nginx" namespace: "" from "deployment.yaml": no matches for kind "Deployment" in version "apps/v1beta2"\nensure CRDs are installed first',
    );
  });
  it('includes the namespace as written', () => {
    const obj = { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'tls', namespace: 'web' } } as ManifestObject;
    expect(unknownKindMessage(obj, 'f.yaml')).toContain('name: "tls" namespace: "web" from "f.yaml": no matches for kind "Certificate" in version "cert-manager.io/v1"');
  });
});
