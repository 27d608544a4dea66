import { describe, expect, it } from 'vitest';
import { backend, cluster, GATEWAY } from './fixtures.test-helpers.ts';
import { createGatewayProxy, gatewayPublicHosts, reconcileGatewayApi, routeAttachmentView } from './index.ts';

const route = (name: string, spec: string, namespace = 'default') => `
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: ${name}, namespace: ${namespace} }
spec:
${spec}`;

const conditionOf = (yaml: string, ref: string, type: string, parent?: string, settings?: Parameters<typeof cluster>[1]) => {
  const c = createGatewayProxy(cluster(yaml, settings)).conditions(ref, parent)?.find((x) => x.type === type);
  return c ? `${c.status}/${c.reason}` : 'none';
};

describe('GatewayClass and Gateway conditions', () => {
  const cases = [
    { name: 'class accepted by the addon', yaml: GATEWAY, ref: 'gatewayclass/example', type: 'Accepted', want: 'True/Accepted' },
    { name: 'class pending without the addon', yaml: GATEWAY, ref: 'gatewayclass/example', type: 'Accepted', settings: { addons: [] }, want: 'Unknown/Pending' },
    { name: 'gateway programmed with an address', yaml: GATEWAY, ref: 'gateway/default/gw', type: 'Programmed', want: 'True/Programmed' },
    { name: 'gateway pending without the addon', yaml: GATEWAY, ref: 'gateway/default/gw', type: 'Programmed', settings: { addons: [] }, want: 'Unknown/Pending' },
    { name: 'no address without a load balancer', yaml: GATEWAY, ref: 'gateway/default/gw', type: 'Programmed', settings: { loadBalancer: 'none' as const }, want: 'False/AddressNotAssigned' },
    { name: 'gateway of a missing class', yaml: GATEWAY.replace('gatewayClassName: example', 'gatewayClassName: nope'), ref: 'gateway/default/gw', type: 'Accepted', want: 'Unknown/Pending' },
    { name: 'listener status by name', yaml: GATEWAY, ref: 'gateway/default/gw/http', type: 'Programmed', want: 'True/Programmed' },
    {
      name: 'HTTPS listener with a missing Secret',
      yaml: GATEWAY.replace('listeners: [{ name: http, protocol: HTTP, port: 80', 'listeners: [{ name: http, protocol: HTTPS, port: 443, tls: { certificateRefs: [{ name: missing }] }'),
      ref: 'gateway/default/gw/http',
      type: 'ResolvedRefs',
      want: 'False/InvalidCertificateRef',
    },
    { name: 'unknown object', yaml: GATEWAY, ref: 'gateway/default/nope', type: 'Accepted', want: 'none' },
  ];
  for (const c of cases) it(c.name, () => expect(conditionOf(c.yaml, c.ref, c.type, undefined, c.settings)).toBe(c.want));

  it('an unknown ref is not the Gateway module’s', () => {
    expect(createGatewayProxy(cluster(GATEWAY)).conditions('service/default/x')).toBeUndefined();
  });
});

describe('HTTPRoute parent status', () => {
  const yaml = GATEWAY.replace('from: All', 'from: Same') + backend('app') + backend('other', 'other');
  const cases = [
    { name: 'accepted in the same namespace', spec: '  parentRefs: [{ name: gw }]\n  rules: [{ backendRefs: [{ name: app, port: 80 }] }]', type: 'Accepted', want: 'True/Accepted' },
    { name: 'other namespace refused by from: Same', ns: 'other', spec: '  parentRefs: [{ name: gw, namespace: default }]\n  rules: [{ backendRefs: [{ name: other, port: 80 }] }]', type: 'Accepted', want: 'False/NotAllowedByListeners' },
    { name: 'sectionName that names no listener', spec: '  parentRefs: [{ name: gw, sectionName: https }]', type: 'Accepted', want: 'False/NoMatchingParent' },
    { name: 'port no listener uses', spec: '  parentRefs: [{ name: gw, port: 81 }]', type: 'Accepted', want: 'False/NoMatchingParent' },
    { name: 'hostnames that miss the listener', spec: '  parentRefs: [{ name: gw, sectionName: http }]\n  hostnames: [a.example.com]', type: 'Accepted', want: 'True/Accepted' },
    { name: 'cross-namespace backend without a grant', spec: '  parentRefs: [{ name: gw }]\n  rules: [{ backendRefs: [{ name: other, namespace: other, port: 80 }] }]', type: 'ResolvedRefs', want: 'False/RefNotPermitted' },
    { name: 'missing Service', spec: '  parentRefs: [{ name: gw }]\n  rules: [{ backendRefs: [{ name: nope, port: 80 }] }]', type: 'ResolvedRefs', want: 'False/BackendNotFound' },
    { name: 'Service without the port', spec: '  parentRefs: [{ name: gw }]\n  rules: [{ backendRefs: [{ name: app, port: 81 }] }]', type: 'ResolvedRefs', want: 'False/BackendNotFound' },
    { name: 'unsupported backend kind', spec: '  parentRefs: [{ name: gw }]\n  rules: [{ backendRefs: [{ group: example.com, kind: Thing, name: app, port: 80 }] }]', type: 'ResolvedRefs', want: 'False/InvalidKind' },
    { name: 'bad regular expression in the only rule', spec: '  parentRefs: [{ name: gw }]\n  rules: [{ matches: [{ path: { type: RegularExpression, value: "(" } }], backendRefs: [{ name: app, port: 80 }] }]', type: 'Accepted', want: 'False/UnsupportedValue' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const ns = c.ns ?? 'default';
      expect(conditionOf(yaml + route('r', c.spec, ns), `httproute/${ns}/r`, c.type, 'gateway/default/gw')).toBe(c.want);
    });
  }

  it('a route naming a Gateway that does not exist has no status from this controller', () => {
    expect(createGatewayProxy(cluster(yaml + route('r', '  parentRefs: [{ name: ghost }]'))).conditions('httproute/default/r', 'gateway/default/ghost')).toEqual([]);
  });

  it('selects a parent by sectionName', () => {
    const two = GATEWAY.replace("allowedRoutes: { namespaces: { from: All } } }]", "allowedRoutes: { namespaces: { from: All } } }, { name: admin, protocol: HTTP, port: 8080, hostname: admin.example.com }]");
    const y = two + route('r', '  parentRefs: [{ name: gw, sectionName: http }, { name: gw, sectionName: admin }]\n  hostnames: [www.example.com]');
    expect(conditionOf(y, 'httproute/default/r', 'Accepted', 'gateway/default/gw/http')).toBe('True/Accepted');
    expect(conditionOf(y, 'httproute/default/r', 'Accepted', 'gateway/default/gw/admin')).toBe('False/NoMatchingListenerHostname');
    expect(conditionOf(y, 'httproute/default/r', 'Accepted')).toBe('True/Accepted');
  });
});

describe('route-attachment view', () => {
  it('counts attached routes per listener and says why the others did not attach', () => {
    // conformance/tests/gateway-with-attached-routes.yaml: two routes attach, one misses the hostname.
    const gw = GATEWAY.replace('port: 80,', 'port: 80, hostname: foo.example.com,');
    const yaml = gw + backend('app') + route('r1', '  parentRefs: [{ name: gw }]\n  rules: [{ backendRefs: [{ name: app, port: 80 }] }]') + route('r2', '  parentRefs: [{ name: gw }]') + route('r3', '  parentRefs: [{ name: gw }]\n  hostnames: [not-accepted.test.com]');
    const [view] = routeAttachmentView(cluster(yaml));
    expect(view?.gateway).toBe('gateway/default/gw');
    expect(view?.address).toBe('203.0.113.10');
    const listener = view?.listeners[0];
    expect(listener?.attachedRoutes).toBe(2);
    expect(listener?.routes.map((r) => [r.route, r.attached, r.reason ?? '', r.hostnames.join(',')])).toEqual([
      ['httproute/default/r1', true, '', 'foo.example.com'],
      ['httproute/default/r2', true, '', 'foo.example.com'],
      ['httproute/default/r3', false, 'NoMatchingListenerHostname', ''],
    ]);
  });

  it('lists parentRefs that select no listener', () => {
    const [view] = routeAttachmentView(cluster(GATEWAY + route('r', '  parentRefs: [{ name: gw, port: 81 }]')));
    expect(view?.unattached.map((u) => [u.route, u.reason])).toEqual([['httproute/default/r', 'NoMatchingParent']]);
  });

  it('is plain JSON', () => {
    const view = routeAttachmentView(cluster(GATEWAY + route('r', '  parentRefs: [{ name: gw }]')));
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });
});

describe('public DNS names', () => {
  it('publishes listener and route hostnames of programmed Gateways, never wildcards', () => {
    const gw = GATEWAY.replace("allowedRoutes: { namespaces: { from: All } } }]", "allowedRoutes: { namespaces: { from: All } } }, { name: wild, protocol: HTTP, port: 8080, hostname: '*.apps.example.com' }, { name: named, protocol: HTTP, port: 8081, hostname: named.example.com }]");
    const yaml = gw + route('r', "  parentRefs: [{ name: gw }]\n  hostnames: [shop.apps.example.com, '*.wild.example.com']");
    expect(gatewayPublicHosts(reconcileGatewayApi(cluster(yaml)))).toEqual({
      'named.example.com': '203.0.113.10',
      'shop.apps.example.com': '203.0.113.10',
    });
  });
  it('publishes nothing without the addon', () => {
    expect(createGatewayProxy(cluster(GATEWAY + route('r', '  parentRefs: [{ name: gw }]\n  hostnames: [a.example.com]'), { addons: [] })).publicHosts()).toEqual({});
  });
});
