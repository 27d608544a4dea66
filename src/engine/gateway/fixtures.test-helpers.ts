// Clusters for the Gateway tests, built by the real pipeline from YAML, and requests to send them.
import { simulate } from '../cluster/build.ts';
import type { HttpRequest, L7State } from '../l7/types.ts';
import type { Cluster } from '../types.ts';

/** A GatewayClass and a Gateway `gw` in `default` with one HTTP listener on port 80 (from All). */
export const GATEWAY = `
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
  listeners: [{ name: http, protocol: HTTP, port: 80, allowedRoutes: { namespaces: { from: All } } }]
`;

/** An nginx pod and Service `<name>` (port 80) in `namespace`. */
export function backend(name: string, namespace = 'default'): string {
  return `
---
apiVersion: v1
kind: Pod
metadata: { name: ${name}, namespace: ${namespace}, labels: { app: ${name} } }
spec: { containers: [{ name: web, image: nginx }] }
---
apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: ${namespace} }
spec: { selector: { app: ${name} }, ports: [{ port: 80 }] }
`;
}

/** Builds a cluster from YAML with the gateway-api addon (unless told otherwise). */
export function cluster(yaml: string, settings: { addons?: Array<'gateway-api'>; loadBalancer?: 'cloud' | 'none' } = {}): Cluster {
  return simulate({ manifests: [{ file: 'test.yaml', text: yaml }], cluster: { addons: settings.addons ?? ['gateway-api'], ...(settings.loadBalancer ? { loadBalancer: settings.loadBalancer } : {}) } }).cluster;
}

/** An HTTP request as the data plane receives it. */
export function request(path: string, extra: Partial<HttpRequest> = {}): HttpRequest {
  const [p, q] = path.split('?');
  return { scheme: 'http', host: '203.0.113.10', port: 80, path: p!, query: q ?? '', method: 'GET', headers: {}, clientIP: '172.18.0.2', ...extra };
}

/** Fresh L7 memory for a sequence of requests. */
export function freshState(seed = 1): L7State {
  return { draws: new Map(), seed };
}

/** Gateway `gw`, Service `app` and HTTPRoutes of 50 rules each (`rules` in all) on one virtual host,
 * mixing Exact, PathPrefix, header and query matches and a few regular expressions: the matching
 * benchmark of issue 4. */
export function manyRulesYaml(count: number): string {
  const docs: string[] = [GATEWAY, `
---
apiVersion: v1
kind: Service
metadata: { name: app }
spec: { selector: { app: app }, ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Pod
metadata: { name: app, labels: { app: app } }
spec: { containers: [{ name: web, image: nginx }] }`];
  for (let r = 0; r < Math.ceil(count / 50); r++) {
    const rules: string[] = [];
    for (let i = 0; i < 50 && r * 50 + i < count; i++) {
      const n = r * 50 + i;
      if (n % 100 === 7) rules.push(`  - matches: [{ path: { type: RegularExpression, value: "/re/${n}/[0-9]+" } }]\n    backendRefs: [{ name: app, port: 80 }]`);
      else if (n % 3 === 0) rules.push(`  - matches: [{ path: { type: Exact, value: /svc-${n}/health } }]\n    backendRefs: [{ name: app, port: 80 }]`);
      else if (n % 3 === 1) rules.push(`  - matches: [{ path: { type: PathPrefix, value: /svc-${n} }, headers: [{ name: x-version, value: v${n % 5} }] }]\n    backendRefs: [{ name: app, port: 80 }]`);
      else rules.push(`  - matches: [{ path: { type: PathPrefix, value: /svc-${n}/api }, queryParams: [{ name: q, value: "${n}" }] }, { path: { type: PathPrefix, value: /svc-${n}/static } }]\n    backendRefs: [{ name: app, port: 80 }]`);
    }
    docs.push(`---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: { name: r${r} }\nspec:\n  parentRefs: [{ name: gw }]\n  rules:\n${rules.join('\n')}`);
  }
  return docs.join('\n');
}
