import { describe, expect, it } from 'vitest';
import { cluster, freshState, GATEWAY, request } from './fixtures.test-helpers.ts';
import { createGatewayProxy } from './index.ts';
import { matchRouteTable, parseQuery } from './matching.ts';
import { reconcileGatewayApi } from './model.ts';

// Issue 4: with 1,000 HTTPRoute rules one request is matched in <= 20 us (median). Twenty routes of
// fifty rules each share one virtual host, mixing Exact, PathPrefix, header and query matches and a
// few regular expressions, so the index has real work to do.

function bigRoutes(): string {
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
  for (let r = 0; r < 20; r++) {
    const rules: string[] = [];
    for (let i = 0; i < 50; i++) {
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

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

describe('performance', () => {
  const c = cluster(bigRoutes());
  const paths = ['/svc-3/health', '/svc-4/deep/path', '/svc-5/api/x?q=5', '/svc-998/static/app.js', '/re/107/42', '/nothing/here', '/svc-700/api?q=1'];
  const headers = { 'x-version': 'v4' };

  it('matches one request among 1,000 rules in <= 20 us (median)', () => {
    const model = reconcileGatewayApi(c);
    const table = [...model.dataPlanes.values()][0]!.byPort.get(80)![0]!.any!;
    expect(table.entries.length).toBeGreaterThanOrEqual(1000);
    const requests = paths.map((p) => {
      const [path, q] = p.split('?');
      return { path: path!, method: 'GET', headers, query: parseQuery(q ?? '') };
    });
    expect(matchRouteTable(table, requests[0]!)?.match.path.value).toBe('/svc-3/health');
    for (let i = 0; i < 2000; i++) matchRouteTable(table, requests[i % requests.length]!);
    const samples: number[] = [];
    for (let round = 0; round < 50; round++) {
      const start = performance.now();
      for (let i = 0; i < 200; i++) matchRouteTable(table, requests[i % requests.length]!);
      samples.push(((performance.now() - start) * 1000) / 200);
    }
    if (process.env.GATEWAY_BENCH) console.log(`matchRouteTable: ${median(samples).toFixed(2)} us median`);
    expect(median(samples)).toBeLessThanOrEqual(20);
  });

  it('decides a whole request (listener, host, match, backend, endpoint, hops) in tens of microseconds', () => {
    const proxy = createGatewayProxy(c);
    const pod = c.pods.find((p) => proxy.servesPod(p))!;
    const state = freshState();
    const reqs = paths.map((p) => request(p, { headers }));
    for (let i = 0; i < 1000; i++) proxy.handle(pod, reqs[i % reqs.length]!, state);
    const samples: number[] = [];
    for (let round = 0; round < 30; round++) {
      const start = performance.now();
      for (let i = 0; i < 100; i++) proxy.handle(pod, reqs[i % reqs.length]!, state);
      samples.push(((performance.now() - start) * 1000) / 100);
    }
    if (process.env.GATEWAY_BENCH) {
      console.log(`handle: ${median(samples).toFixed(2)} us median`);
      for (const r of reqs) {
        const start = performance.now();
        for (let i = 0; i < 1000; i++) proxy.handle(pod, r, state);
        console.log(`  ${r.path}: ${(performance.now() - start).toFixed(2)} us`);
      }
    }
    expect(median(samples)).toBeLessThanOrEqual(50);
  });
});
