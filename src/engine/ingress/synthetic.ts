// Clusters built from YAML for the Ingress tests and benchmarks: the controller's model over a
// simulated cluster with the ingress-nginx addon, and a synthetic one with many Ingress paths.
import { simulate } from '../cluster/build.ts';
import type { ClusterBlock } from '../cluster/settings.ts';
import type { HttpRequest } from '../l7/types.ts';
import { findServer } from './config.ts';
import { handleIngressRequest } from './handle.ts';
import { findLocation } from './locations.ts';
import { buildNginxModel, type IngressNginx } from './model.ts';
import { normalizeUri } from './paths.ts';
import type { Pod } from '../types.ts';
import { CONTROLLER_REF, DEFAULT_UPSTREAM } from './types.ts';

/** The ingress-nginx model over a cluster simulated from `yaml` (with the addon unless told not). */
export function nginxModelFrom(yaml: string, addon = true, cluster: ClusterBlock = {}): IngressNginx {
  const sim = simulate({ manifests: [{ file: 'test.yaml', text: yaml }], cluster: { ...cluster, addons: addon ? ['ingress-nginx'] : [] } });
  return buildNginxModel(sim.cluster);
}

/** Which Service a request for host+path is routed to (`404` for the default backend), without
 * endpoints or redirects: the server and location choice only. */
export function routeOf(model: IngressNginx, host: string, path: string): string {
  const { server } = findServer(model, host);
  const loc = findLocation(server, normalizeUri(path)).location;
  if (loc.backend === DEFAULT_UPSTREAM) return '404';
  return model.upstreams.get(loc.backend)?.serviceName ?? loc.backend;
}

/** A plain HTTP request for tests. */
export function httpRequest(host: string, path: string, extra: Partial<HttpRequest> = {}): HttpRequest {
  return { scheme: 'http', host, port: 80, path, query: '', method: 'GET', headers: {}, clientIP: '198.51.100.7', ...extra };
}

/** An Ingress document (class nginx) with `paths` of [path, pathType, service] on `host`. */
export function ingressDoc(name: string, host: string | undefined, paths: Array<[string, string, string]>, extra = ''): string {
  const lines = paths.map(([path, type, svc]) => `      - path: ${JSON.stringify(path)}\n        pathType: ${type}\n        backend: { service: { name: ${svc}, port: { number: 80 } } }`);
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
${extra}spec:
  ingressClassName: nginx
  rules:
  - ${host ? `host: ${JSON.stringify(host)}\n    ` : ''}http:
      paths:
${lines.join('\n')}
`;
}

/** `count` Ingress paths in Ingresses of ten paths each, spread over `count / 100` hosts, backed
 * by `services` Services of one pod each: the route-matching benchmark's cluster. */
export function syntheticIngressYaml(count: number, services = 20): string {
  const docs: string[] = [];
  for (let s = 0; s < services; s++) {
    docs.push(`apiVersion: v1\nkind: Pod\nmetadata: { name: app-${s}, labels: { app: app-${s} } }\nspec: { containers: [{ name: c, image: nginx }] }`);
    docs.push(`apiVersion: v1\nkind: Service\nmetadata: { name: svc-${s} }\nspec: { selector: { app: app-${s} }, ports: [{ port: 80 }] }`);
  }
  const perIngress = 10;
  for (let i = 0; i < count / perIngress; i++) {
    const host = `host-${i % Math.max(1, Math.floor(count / 100))}.example.com`;
    const paths: Array<[string, string, string]> = [];
    for (let j = 0; j < perIngress; j++) {
      const n = i * perIngress + j;
      paths.push([`/api/v${n % 7}/team-${n}/items`, n % 3 === 0 ? 'Exact' : 'Prefix', `svc-${n % services}`]);
    }
    docs.push(ingressDoc(`ing-${i}`, host, paths).trimEnd());
  }
  return docs.join('\n---\n');
}

/** The addon's controller pod in a model's cluster. */
export function controllerPodOf(model: IngressNginx): Pod {
  const pod = [...model.index.podsByRef.values()].find((p) => p.createdBy === CONTROLLER_REF);
  if (!pod) throw new Error('no ingress-nginx controller pod: the addon is not installed');
  return pod;
}

/** One request decision per call against `count` Ingress paths (the controller's configuration
 * built once), for `netlab bench`: nine in ten requests hit a path, one in ten gets a 404. */
export function ingressMatchBench(count = 1000): () => void {
  const model = nginxModelFrom(syntheticIngressYaml(count));
  const pod = controllerPodOf(model);
  const hosts = Math.max(1, Math.floor(count / 100));
  const requests = Array.from({ length: 200 }, (_, i) => {
    const n = (i * 37) % count;
    const host = `host-${Math.floor(n / 10) % hosts}.example.com`;
    const path = i % 10 === 9 ? `/api/v${n % 7}/team-${n}x/items` : `/api/v${n % 7}/team-${n}/items${n % 3 === 0 ? '' : '/x/y'}`;
    return httpRequest(host, path);
  });
  const state = { draws: new Map<string, number>(), seed: 1 };
  let i = 0;
  return () => {
    handleIngressRequest(model, pod, requests[i++ % requests.length]!, state);
  };
}
