import { simulate } from '../engine/cluster/build.ts';
import { indexDns, resolveFromPod } from '../engine/dns/index.ts';
import { createGatewayProxy } from '../engine/gateway/index.ts';
import { matchRouteTable, parseQuery } from '../engine/gateway/matching.ts';
import { reconcileGatewayApi } from '../engine/gateway/model.ts';
import { manyRulesYaml } from '../engine/gateway/fixtures.test-helpers.ts';
import { ingressMatchBench } from '../engine/ingress/synthetic.ts';
import type { HttpRequest } from '../engine/l7/types.ts';
import type { Cluster } from '../engine/types.ts';
import { findUnknownFields, findTypeError, validateObject } from '../engine/validation/index.ts';
import { measure, type Figure } from './bench.ts';

/** DNS and validation figures on the large cluster the rebuild figures use. */
export function serviceFigures(large: Cluster, quick: boolean): Record<string, Figure> {
  const index = indexDns(large);
  const pod = large.pods.find((p) => p.namespace === 'ns-3')!;
  const names = ['svc-3', 'svc-5.ns-5', 'svc-0', 'nope', 'svc-7.ns-7.svc.cluster.local', 'node-1'];
  let i = 0;
  const objects = large.objects.map((o) => o.object);
  return {
    dns_resolve_from_pod_2000_pods: measure(() => resolveFromPod(large, pod, names[i++ % names.length]!, 'A', index), quick ? 10 : 40, 1000),
    dns_index_2000_pods: measure(() => indexDns(large), quick ? 5 : 15),
    validate_all_objects_2000_pods: measure(() => {
      for (const obj of objects) if (!findTypeError(obj) && findUnknownFields(obj).length === 0) validateObject(obj);
    }, quick ? 3 : 10),
  };
}

/** Gateway API figures: matching one request among 1,000 HTTPRoute rules, and a whole decision. */
export function gatewayFigures(quick: boolean): Record<string, Figure> {
  const cluster = simulate({ manifests: [{ file: 'bench.yaml', text: manyRulesYaml(1000) }], cluster: { addons: ['gateway-api'] } }).cluster;
  const table = [...reconcileGatewayApi(cluster).dataPlanes.values()][0]!.byPort.get(80)![0]!.any!;
  const paths = ['/svc-3/health', '/svc-4/deep/path', '/svc-5/api/x?q=5', '/svc-998/static/app.js', '/re/107/42', '/nothing/here', '/svc-700/api?q=1'];
  const headers = { 'x-version': 'v4' };
  const matchRequests = paths.map((p) => {
    const [path, q] = p.split('?');
    return { path: path!, method: 'GET', headers, query: parseQuery(q ?? '') };
  });
  const proxy = createGatewayProxy(cluster);
  const pod = cluster.pods.find((p) => proxy.servesPod(p))!;
  const http = paths.map((p): HttpRequest => {
    const [path, query] = p.split('?');
    return { scheme: 'http', host: '203.0.113.10', port: 80, path: path!, query: query ?? '', method: 'GET', headers, clientIP: '172.18.0.2' };
  });
  const state = { draws: new Map<string, number>(), seed: 1 };
  let i = 0;
  return {
    gateway_match_1000_httproute_rules: measure(() => matchRouteTable(table, matchRequests[i++ % matchRequests.length]!), quick ? 10 : 40, 1000),
    gateway_decide_request_1000_rules: measure(() => proxy.handle(pod, http[i++ % http.length]!, state), quick ? 10 : 40, 1000),
    ingress_decide_request_1000_paths: measure(ingressMatchBench(1000), quick ? 10 : 40, 1000),
  };
}
