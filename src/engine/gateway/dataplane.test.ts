import { describe, expect, it } from 'vitest';
import type { L7Decision } from '../l7/types.ts';
import type { Cluster } from '../types.ts';
import { backend, cluster, freshState, GATEWAY, request } from './fixtures.test-helpers.ts';
import { createGatewayProxy } from './index.ts';

const route = (spec: string) => `
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r }
spec:
  parentRefs: [{ name: gw }]
${spec}`;

function send(c: Cluster, req: ReturnType<typeof request>): L7Decision {
  const proxy = createGatewayProxy(c);
  const pod = c.pods.find((p) => proxy.servesPod(p));
  if (!pod) throw new Error('no data-plane pod');
  return proxy.handle(pod, req, freshState());
}

const outcome = (d: L7Decision) => (d.upstream ? `${d.upstream.service} ${d.upstream.request.path}` : `${d.response?.status}`);

describe('filters on the wire', () => {
  it('RequestHeaderModifier edits what the backend receives (set, add, remove)', () => {
    const c = cluster(GATEWAY + backend('app') + route(`  rules:
  - filters:
    - type: RequestHeaderModifier
      requestHeaderModifier:
        set: [{ name: X-Header-Set, value: set-overwrites-values }]
        add: [{ name: X-Header-Add, value: header-val-1 }]
        remove: [X-Header-Remove]
    backendRefs: [{ name: app, port: 80 }]`));
    const d = send(c, request('/', { headers: { 'x-header-set': 'old', 'x-header-add': 'append-val-1', 'x-header-remove': 'gone', other: 'kept' } }));
    expect(d.upstream?.request.headers).toEqual({ 'x-header-set': 'set-overwrites-values', 'x-header-add': 'append-val-1,header-val-1', other: 'kept' });
  });

  it('URLRewrite replaces the Host and the path prefix (conformance httproute-rewrite-host / -path)', () => {
    const c = cluster(GATEWAY + backend('app') + route(`  rules:
  - matches: [{ path: { type: PathPrefix, value: /prefix/one } }]
    filters: [{ type: URLRewrite, urlRewrite: { hostname: one.example.org, path: { type: ReplacePrefixMatch, replacePrefixMatch: /one } } }]
    backendRefs: [{ name: app, port: 80 }]`));
    const d = send(c, request('/prefix/one/two', { host: 'rewrite.example', headers: { host: 'rewrite.example' } }));
    expect(d.upstream?.request.host).toBe('one.example.org');
    expect(d.upstream?.request.headers.host).toBe('one.example.org');
    expect(d.upstream?.request.path).toBe('/one/two');
  });

  it('RequestRedirect answers with Location and the status code', () => {
    const c = cluster(GATEWAY + route(`  rules:
  - matches: [{ path: { type: PathPrefix, value: /original-prefix } }]
    filters: [{ type: RequestRedirect, requestRedirect: { statusCode: 301, scheme: https, hostname: example.org, path: { type: ReplacePrefixMatch, replacePrefixMatch: /replacement-prefix } } }]`));
    const d = send(c, request('/original-prefix/lemon'));
    expect(d.response).toEqual({ status: 301, body: '', headers: { location: 'https://example.org/replacement-prefix/lemon' } });
  });

  it('ResponseHeaderModifier travels with the upstream decision', () => {
    const c = cluster(GATEWAY + backend('app') + route(`  rules:
  - filters: [{ type: ResponseHeaderModifier, responseHeaderModifier: { set: [{ name: X-Header-Set, value: set-overwrites-values }] } }]
    backendRefs: [{ name: app, port: 80 }]`));
    expect(send(c, request('/')).upstream?.responseHeaders).toEqual({ 'x-header-set': 'set-overwrites-values' });
  });

  it('RequestMirror is described in a hop; the client gets the primary backend', () => {
    const c = cluster(GATEWAY + backend('app') + backend('shadow') + route(`  rules:
  - filters: [{ type: RequestMirror, requestMirror: { backendRef: { name: shadow, port: 80 } } }]
    backendRefs: [{ name: app, port: 80 }]`));
    const d = send(c, request('/'));
    expect(d.upstream?.service).toBe('default/app');
    expect(d.hops.some((h) => h.message.includes('a copy goes to default/shadow:80') && h.message.includes('response is ignored'))).toBe(true);
  });

  it('an ExtensionRef this controller cannot resolve answers 500', () => {
    const c = cluster(GATEWAY + backend('app') + route(`  rules:
  - filters: [{ type: ExtensionRef, extensionRef: { group: example.com, kind: Auth, name: a } }]
    backendRefs: [{ name: app, port: 80 }]`));
    expect(send(c, request('/')).response?.status).toBe(500);
  });
});

describe('answers of the data plane itself', () => {
  const cases = [
    { name: 'no route attached', yaml: GATEWAY, req: request('/'), want: '404', hop: 'no route is attached to listener http' },
    { name: 'no rule matches: names the closest rule', yaml: GATEWAY + backend('app') + route('  rules: [{ matches: [{ path: { type: Exact, value: /one } }], backendRefs: [{ name: app, port: 80 }] }]'), req: request('/one/two'), want: '404', hop: 'spec.rules[0].matches[0] missed: path /one/two does not match Exact /one' },
    { name: 'no backendRefs', yaml: GATEWAY + route('  rules: [{}]'), req: request('/'), want: '500', hop: 'has no backendRefs' },
    { name: 'every weight zero', yaml: GATEWAY + backend('app') + route('  rules: [{ backendRefs: [{ name: app, port: 80, weight: 0 }] }]'), req: request('/'), want: '500', hop: 'weight 0' },
    { name: 'backend without ready endpoints', yaml: GATEWAY + backend('app').replace('image: nginx }] }', "image: nginx }] }\nstatus: { phase: Running, conditions: [{ type: Ready, status: 'False' }] }") + route('  rules: [{ backendRefs: [{ name: app, port: 80 }] }]'), req: request('/'), want: '503', hop: 'none of its 1 endpoint(s) is ready' },
    { name: 'plain HTTP to a port with only HTTPS listeners', yaml: GATEWAY.replace('protocol: HTTP, port: 80', 'protocol: HTTPS, port: 80, tls: { certificateRefs: [{ name: x }] }'), req: request('/'), want: '400', hop: 'no HTTP listener on port 80' },
    { name: 'host matching no listener', yaml: GATEWAY.replace('port: 80,', 'port: 80, hostname: foo.com,'), req: request('/', { host: 'bar.com' }), want: '404', hop: 'matches Host bar.com' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const d = send(cluster(c.yaml), c.req);
      expect(outcome(d)).toBe(c.want);
      expect(d.hops.map((h) => h.message).join('\n')).toContain(c.hop);
    });
  }
});

describe('routing', () => {
  it('routes to a ready endpoint pod of the backend Service, with hops naming the route rule', () => {
    const c = cluster(GATEWAY + backend('app') + route('  rules: [{ matches: [{ path: { type: PathPrefix, value: /api } }], backendRefs: [{ name: app, port: 80 }] }]'));
    const d = send(c, request('/api/v1'));
    expect(d.upstream?.pod.name).toBe('app');
    expect(d.upstream?.port).toBe(80);
    expect(d.hops.flatMap((h) => h.reasons.map((r) => `${r.ref} ${r.rule ?? ''}`))).toContain('httproute/default/r spec.rules[0].matches[0]');
  });

  it('a request arriving on the data-plane Service NodePort is matched on the listener port', () => {
    const c = cluster(GATEWAY + backend('app') + route('  rules: [{ backendRefs: [{ name: app, port: 80 }] }]'));
    const nodePort = c.services.find((s) => s.namespace === 'gateway-system')?.ports[0]?.nodePort;
    expect(outcome(send(c, request('/', { port: nodePort! })))).toBe('default/app /');
  });

  it('takes the most specific listener and only its routes (listener isolation)', () => {
    const gw = GATEWAY.replace(
      "allowedRoutes: { namespaces: { from: All } } }]",
      "allowedRoutes: { namespaces: { from: All } } }, { name: wild, protocol: HTTP, port: 80, hostname: '*.example.com' }]",
    );
    const yaml = gw + backend('a') + backend('b') + `
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: any-host }
spec:
  parentRefs: [{ name: gw, sectionName: http }]
  rules: [{ matches: [{ path: { type: PathPrefix, value: /a } }], backendRefs: [{ name: a, port: 80 }] }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: wild }
spec:
  parentRefs: [{ name: gw, sectionName: wild }]
  rules: [{ matches: [{ path: { type: PathPrefix, value: /b } }], backendRefs: [{ name: b, port: 80 }] }]
`;
    const c = cluster(yaml);
    expect(outcome(send(c, request('/a', { host: 'bar.com' })))).toBe('default/a /a');
    expect(outcome(send(c, request('/a', { host: 'x.example.com' })))).toBe('404');
    expect(outcome(send(c, request('/b', { host: 'x.example.com' })))).toBe('default/b /b');
  });

  it('weights spread requests in proportion, reproducibly', () => {
    const c = cluster(GATEWAY + backend('v1') + backend('v2') + route('  rules: [{ backendRefs: [{ name: v1, port: 80, weight: 90 }, { name: v2, port: 80, weight: 10 }] }]'));
    const proxy = createGatewayProxy(c);
    const pod = c.pods.find((p) => proxy.servesPod(p))!;
    const state = freshState(7);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 200; i++) {
      const s = proxy.handle(pod, request('/'), state).upstream?.service ?? 'none';
      counts[s] = (counts[s] ?? 0) + 1;
    }
    expect(Math.abs((counts['default/v1'] ?? 0) - 180)).toBeLessThanOrEqual(4);
    expect(Math.abs((counts['default/v2'] ?? 0) - 20)).toBeLessThanOrEqual(4);
  });
});
