import { describe, expect, it } from 'vitest';
import type { L7State } from '../l7/types.ts';
import { handleIngressRequest } from './handle.ts';
import { controllerPodOf, httpRequest, nginxModelFrom, routeOf, syntheticIngressYaml } from './synthetic.ts';

// Issue 4 asks for <= 20 us per match with 1,000 Ingress paths (measured by npm run bench). The
// configuration is rendered and indexed once per cluster (createIngressNginxProxy); a request then
// costs a server lookup and a few map lookups along its path's `/` boundaries.
describe('route matching speed', () => {
  const model = nginxModelFrom(syntheticIngressYaml(1000));
  const pod = controllerPodOf(model);
  // Nine in ten requests hit a path (Exact paths exactly, Prefix paths below them); one in ten
  // falls through to the default backend and gets its explanation.
  const requests = Array.from({ length: 200 }, (_, i) => {
    const n = (i * 37) % 1000;
    const host = `host-${Math.floor(n / 10) % 10}.example.com`;
    if (i % 10 === 9) return httpRequest(host, `/api/v${n % 7}/team-${n}x/items`);
    return httpRequest(host, `/api/v${n % 7}/team-${n}/items${n % 3 === 0 ? '' : '/x/y'}`);
  });

  it('indexes 1,000 paths', () => {
    const paths = [...model.servers.values()].reduce((n, s) => n + s.locations.filter((l) => !l.exactTwin && !l.isDefBackend).length, 0);
    expect(paths).toBe(1000);
    expect(routeOf(model, 'host-0.example.com', '/api/v1/team-1/items/extra')).toBe('svc-1');
    expect(requests.filter((r) => routeOf(model, r.host, r.path) === '404').length).toBe(20);
  });

  it('decides requests with their hops (speed is in npm run bench)', () => {
    const state: L7State = { draws: new Map(), seed: 1 };
    const decision = handleIngressRequest(model, pod, requests[0]!, state);
    expect(decision.hops.length).toBeGreaterThan(0);
  });
});
