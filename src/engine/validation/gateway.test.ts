import { describe, expect, it } from 'vitest';
import type { ManifestObject } from '../types.ts';
import { formatFieldError, validateObject } from './index.ts';

const GW = 'gateway.networking.k8s.io/v1';
function gw(kind: string, spec: unknown, name = 'gw'): ManifestObject {
  return { apiVersion: GW, kind, metadata: { name }, spec } as ManifestObject;
}
function route(rules: unknown[]): ManifestObject {
  return gw('HTTPRoute', { parentRefs: [{ name: 'gw' }], rules }, 'route');
}

describe('validateObject: Gateway API', () => {
  const cases: Array<{ name: string; obj: ManifestObject; want: string[] }> = [
    { name: 'a GatewayClass is valid', obj: gw('GatewayClass', { controllerName: 'example.com/gateway-controller' }, 'example'), want: [] },
    { name: 'controllerName required', obj: gw('GatewayClass', {}, 'example'), want: ['spec.controllerName: Required value'] },
    {
      name: 'controllerName pattern',
      obj: gw('GatewayClass', { controllerName: 'nginx' }, 'example'),
      want: [`spec.controllerName: Invalid value: "nginx": spec.controllerName in body should match '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\/[A-Za-z0-9\\/\\-._~%!$&'()*+,;=:]+$'`],
    },
    { name: 'a Gateway is valid', obj: gw('Gateway', { gatewayClassName: 'example', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }] }), want: [] },
    {
      name: 'Gateway required fields',
      obj: gw('Gateway', { listeners: [{ name: 'http', port: 0 }] }),
      want: ['spec.gatewayClassName: Required value', 'spec.listeners[0].port: Invalid value: 0: spec.listeners[0].port in body should be greater than or equal to 1', 'spec.listeners[0].protocol: Required value'],
    },
    {
      name: 'listener names unique',
      obj: gw('Gateway', { gatewayClassName: 'example', listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }, { name: 'http', port: 8080, protocol: 'HTTP' }] }),
      want: ['spec.listeners: Invalid value: "array": Listener name must be unique within the Gateway'],
    },
    { name: 'an HTTPRoute is valid', obj: route([{ matches: [{ path: { type: 'PathPrefix', value: '/api' } }], backendRefs: [{ name: 'api', port: 80, weight: 90 }] }]), want: [] },
    { name: 'RegularExpression paths are accepted', obj: route([{ matches: [{ path: { type: 'RegularExpression', value: '^/v[0-9]+' } }], backendRefs: [{ name: 'api', port: 80 }] }]), want: [] },
    {
      name: 'path match must start with /',
      obj: route([{ matches: [{ path: { type: 'PathPrefix', value: 'api' } }], backendRefs: [{ name: 'api', port: 80 }] }]),
      want: ["spec.rules[0].matches[0].path: Invalid value: \"object\": value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']"],
    },
    {
      name: 'path match type',
      obj: route([{ matches: [{ path: { type: 'Prefix', value: '/' } }] }]),
      want: ['spec.rules[0].matches[0].path.type: Unsupported value: "Prefix": supported values: "Exact", "PathPrefix", "RegularExpression"'],
    },
    {
      name: 'weight range',
      obj: route([{ backendRefs: [{ name: 'a', port: 80, weight: 1000001 }, { name: 'b', port: 80, weight: -1 }] }]),
      want: [
        'spec.rules[0].backendRefs[0].weight: Invalid value: 1000001: spec.rules[0].backendRefs[0].weight in body should be less than or equal to 1000000',
        'spec.rules[0].backendRefs[1].weight: Invalid value: -1: spec.rules[0].backendRefs[1].weight in body should be greater than or equal to 0',
      ],
    },
    { name: 'Service backends need a port', obj: route([{ backendRefs: [{ name: 'api' }] }]), want: ['spec.rules[0].backendRefs[0]: Invalid value: "object": Must have port for Service reference'] },
    { name: 'parentRef name required', obj: gw('HTTPRoute', { parentRefs: [{ namespace: 'infra' }] }, 'route'), want: ['spec.parentRefs[0].name: Required value'] },
    { name: 'GRPCRoute backends', obj: gw('GRPCRoute', { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [{ port: 50051 }] }] }, 'grpc'), want: ['spec.rules[0].backendRefs[0].name: Required value'] },
    {
      name: 'a ReferenceGrant is valid',
      obj: gw('ReferenceGrant', { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'infra' }], to: [{ group: '', kind: 'Service' }] }, 'allow'),
      want: [],
    },
    { name: 'ReferenceGrant needs from and to', obj: gw('ReferenceGrant', { from: [{ group: '', kind: 'HTTPRoute' }] }, 'allow'), want: ['spec.from[0].namespace: Required value', 'spec.to: Required value'] },
  ];
  it.each(cases)('$name', ({ obj, want }) => {
    expect(validateObject(obj).map(formatFieldError)).toEqual(want);
  });
});
