import { describe, expect, it } from 'vitest';
import { simulate } from '../cluster/build.ts';
import { parse } from 'yaml';
import { freshState, request } from './fixtures.test-helpers.ts';
import { createGatewayProxy, routeAttachmentView } from './index.ts';

// Bad input never crashes the controller or its data plane: every field of valid Gateway API
// objects is replaced, one at a time and at random, by values of the wrong type.

const VALID = `
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: example }
spec: { controllerName: netlab.dev/gateway-controller }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw }
spec:
  gatewayClassName: example
  listeners:
  - name: http
    protocol: HTTP
    port: 80
    hostname: '*.example.com'
    allowedRoutes: { namespaces: { from: Selector, selector: { matchLabels: { a: b }, matchExpressions: [{ key: k, operator: In, values: [v] }] } }, kinds: [{ kind: HTTPRoute }] }
  - name: https
    protocol: HTTPS
    port: 443
    tls: { certificateRefs: [{ name: cert, namespace: other }] }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r }
spec:
  parentRefs: [{ name: gw, sectionName: http, port: 80 }]
  hostnames: [a.example.com]
  rules:
  - matches:
    - path: { type: PathPrefix, value: /a }
      headers: [{ name: x, value: y, type: RegularExpression }]
      queryParams: [{ name: q, value: '1' }]
      method: GET
    filters:
    - { type: RequestHeaderModifier, requestHeaderModifier: { set: [{ name: a, value: b }], add: [{ name: c, value: d }], remove: [e] } }
    - { type: URLRewrite, urlRewrite: { hostname: x.example.com, path: { type: ReplacePrefixMatch, replacePrefixMatch: /b } } }
    - { type: RequestMirror, requestMirror: { backendRef: { name: app, port: 80 }, percent: 50 } }
    backendRefs:
    - { name: app, port: 80, weight: 3, filters: [{ type: ResponseHeaderModifier, responseHeaderModifier: { set: [{ name: a, value: b }] } }] }
    - { name: app, namespace: other, port: 80, weight: 1 }
  - filters: [{ type: RequestRedirect, requestRedirect: { scheme: https, port: 8443, statusCode: 301, path: { type: ReplaceFullPath, replaceFullPath: /x } } }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: ReferenceGrant
metadata: { name: g, namespace: other }
spec:
  from: [{ group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: default }]
  to: [{ group: '', kind: Service }]
---
apiVersion: v1
kind: Pod
metadata: { name: app, labels: { app: app } }
spec: { containers: [{ name: web, image: nginx }] }
---
apiVersion: v1
kind: Service
metadata: { name: app }
spec: { selector: { app: app }, ports: [{ port: 80 }] }
`;

const JUNK: unknown[] = [null, 0, -1, 70000, '', 'x', '(', true, [], [null], [1, 'a'], {}, { a: 1 }, [{}], { type: 'Unknown' }];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

// Every path to a value inside the object.
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

function replaceAt(doc: unknown, path: Array<string | number>, junk: unknown): unknown {
  if (path.length === 0) return junk;
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let cur = copy;
  for (const key of path.slice(0, -1)) cur = cur[key] as Record<string | number, unknown>;
  cur[path[path.length - 1]!] = junk;
  return copy;
}

describe('robustness', () => {
  it('survives 400 mutated manifests', () => {
    const docs = VALID.split('\n---\n').map((d) => parse(d) as Record<string, unknown>);
    const rnd = random(42);
    for (let round = 0; round < 400; round++) {
      const which = Math.floor(rnd() * 4);
      const targets = paths(docs[which]!.spec ?? docs[which]).filter((p) => p.length > 0);
      const target = targets[Math.floor(rnd() * targets.length)]!;
      const mutated = docs.map((d, i) => (i === which ? { ...d, spec: replaceAt(d.spec, target, JUNK[Math.floor(rnd() * JUNK.length)]) } : d));
      const text = mutated.map((d) => JSON.stringify(d)).join('\n---\n');
      const run = () => {
        const { cluster } = simulate({ manifests: [{ file: 't.yaml', text }], cluster: { addons: ['gateway-api'] } });
        const proxy = createGatewayProxy(cluster);
        proxy.publicHosts();
        routeAttachmentView(cluster);
        for (const ref of ['gatewayclass/example', 'gateway/default/gw', 'gateway/default/gw/http', 'httproute/default/r']) proxy.conditions(ref, 'gateway/default/gw');
        const pod = cluster.pods.find((p) => proxy.servesPod(p));
        if (pod) {
          const state = freshState();
          for (const r of [request('/a/x?q=1', { host: 'a.example.com', headers: { x: 'y' } }), request('/'), request('/a', { scheme: 'https', port: 443 })]) proxy.handle(pod, r, state);
        }
      };
      expect(run, `round ${round}: ${JSON.stringify(target)}`).not.toThrow();
    }
  });
});
