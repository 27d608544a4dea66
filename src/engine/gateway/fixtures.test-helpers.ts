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
