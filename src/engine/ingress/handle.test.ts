import { describe, expect, it } from 'vitest';
import type { L7Decision } from '../l7/types.ts';
import { handleIngressRequest } from './handle.ts';
import { controllerPodOf, httpRequest, ingressDoc, nginxModelFrom } from './synthetic.ts';

const app = (name: string, port = 80, extra = '') => `apiVersion: v1
kind: Pod
metadata: { name: ${name}, labels: { app: ${name} } }
spec: { containers: [{ name: c, image: nginx, ports: [{ name: web, containerPort: ${port} }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: ${name} }
spec: { selector: { app: ${name} }, ports: [{ name: http, port: 80, targetPort: ${extra || port} }] }
---
`;

function decide(yaml: string, host: string, path: string, extra: Parameters<typeof httpRequest>[2] = {}): L7Decision {
  const model = nginxModelFrom(yaml);
  return handleIngressRequest(model, controllerPodOf(model), httpRequest(host, path, extra), { draws: new Map(), seed: 1 });
}

const outcome = (d: L7Decision) => (d.response ? `${d.response.status}${d.response.headers?.location ? ` ${d.response.headers.location}` : ''}` : `${d.upstream!.pod.name}:${d.upstream!.port}${d.upstream!.request.path}`);

const tls = (hosts: string, secret = 'web-tls') => `  tls: [{ hosts: [${hosts}], secretName: ${secret} }]\n`;
const secret = 'apiVersion: v1\nkind: Secret\nmetadata: { name: web-tls }\ntype: kubernetes.io/tls\ndata: { tls.crt: Y2VydA==, tls.key: a2V5 }\n---\n';
const withTls = (doc: string, tlsBlock: string) => doc.replace('  ingressClassName: nginx\n', `  ingressClassName: nginx\n${tlsBlock}`);

// docs/user-guide/tls.md ("Server-side HTTPS enforcement through redirect", "Default SSL
// Certificate") and rootfs/etc/nginx/lua/lua_ingress.lua (redirect_to_https, the trailing slash
// dropped from the Location).
describe('TLS and the HTTPS redirect', () => {
  const web = ingressDoc('web', 'web.example', [['/', 'Prefix', 'web']]);
  const rows = [
    { name: 'TLS set: http gets 308 to https', yaml: app('web') + secret + withTls(web, tls('web.example')), req: ['web.example', '/shop'], want: '308 https://web.example/shop' },
    { name: 'the redirect drops a trailing slash', yaml: app('web') + secret + withTls(web, tls('web.example')), req: ['web.example', '/shop/'], want: '308 https://web.example/shop' },
    { name: 'a request for / redirects to the bare host', yaml: app('web') + secret + withTls(web, tls('web.example')), req: ['web.example', '/'], want: '308 https://web.example' },
    { name: 'https is served', yaml: app('web') + secret + withTls(web, tls('web.example')), req: ['web.example', '/shop', { scheme: 'https' as const, port: 443 }], want: 'web:80/shop' },
    { name: 'a missing Secret still redirects (fake certificate)', yaml: app('web') + withTls(web, tls('web.example', 'nope')), req: ['web.example', '/'], want: '308 https://web.example' },
    { name: 'TLS without secretName still redirects', yaml: app('web') + withTls(web, '  tls: [{ hosts: [web.example] }]\n'), req: ['web.example', '/a'], want: '308 https://web.example/a' },
    { name: 'a rule host missing from spec.tls gets the fake certificate, and the redirect', yaml: app('web') + secret + withTls(web, tls('other.example')), req: ['web.example', '/a'], want: '308 https://web.example/a' },
    { name: 'no TLS section: no redirect', yaml: app('web') + web, req: ['web.example', '/a'], want: 'web:80/a' },
    { name: 'ssl-redirect "false" turns it off', yaml: app('web') + secret + withTls(web.replace('metadata:\n  name: web\n', 'metadata:\n  name: web\n  annotations: { nginx.ingress.kubernetes.io/ssl-redirect: "false" }\n'), tls('web.example')), req: ['web.example', '/a'], want: 'web:80/a' },
    { name: 'force-ssl-redirect redirects without TLS', yaml: app('web') + web.replace('metadata:\n  name: web\n', 'metadata:\n  name: web\n  annotations: { nginx.ingress.kubernetes.io/force-ssl-redirect: "true" }\n'), req: ['web.example', '/a'], want: '308 https://web.example/a' },
    { name: 'unmatched paths on a TLS host redirect before the 404', yaml: app('web') + secret + withTls(ingressDoc('web', 'web.example', [['/app', 'Prefix', 'web']]), tls('web.example')), req: ['web.example', '/nothing'], want: '308 https://web.example/nothing' },
    { name: 'the catch-all server never redirects', yaml: app('web') + secret + withTls(ingressDoc('web', undefined, [['/', 'Prefix', 'web']]), tls('web.example')), req: ['any.example', '/a'], want: 'web:80/a' },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const [host, path, extra] = row.req as [string, string, Parameters<typeof httpRequest>[2]];
      expect(outcome(decide(row.yaml, host, path, extra))).toBe(row.want);
    });
  }
  it('says which certificate the controller presented', () => {
    const d = decide(app('web') + withTls(web, tls('web.example', 'nope')), 'web.example', '/', { scheme: 'https', port: 443 });
    expect(d.hops[0]!.reasons.map((r) => r.detail).join('\n')).toContain('Secret default/nope (spec.tls[0].secretName) not found: the controller falls back to "Kubernetes Ingress Controller Fake Certificate"');
  });
});

describe('backends', () => {
  const rows = [
    { name: 'a Service port by number, targetPort by name through the EndpointSlice', yaml: app('web', 8080, 'web') + ingressDoc('i', 'a.example', [['/', 'Prefix', 'web']]), want: 'web:8080/' },
    { name: 'a missing Service: 503', yaml: ingressDoc('i', 'a.example', [['/', 'Prefix', 'ghost']]), want: '503' },
    { name: 'a Service without ready endpoints: 503', yaml: app('web').replace('labels: { app: web } }\n', 'labels: { app: web } }\nstatus: { phase: Running, conditions: [{ type: Ready, status: "False" }] }\n') + ingressDoc('i', 'a.example', [['/', 'Prefix', 'web']]), want: '503' },
    { name: 'a port number the Service does not have: 503', yaml: app('web') + ingressDoc('i', 'a.example', [['/', 'Prefix', 'web']]).replace('number: 80', 'number: 81'), want: '503' },
    { name: 'a port name the Service has', yaml: app('web') + ingressDoc('i', 'a.example', [['/', 'Prefix', 'web']]).replace('number: 80', 'name: http'), want: 'web:80/' },
    { name: 'a port name the Service does not have: 503', yaml: app('web') + ingressDoc('i', 'a.example', [['/', 'Prefix', 'web']]).replace('number: 80', 'name: grpc'), want: '503' },
    { name: 'a backend port equal to the targetPort matches too (serviceEndpoints)', yaml: app('web', 8080) + ingressDoc('i', 'a.example', [['/', 'Prefix', 'web']]).replace('number: 80', 'number: 8080'), want: 'web:8080/' },
  ];
  for (const row of rows) it(row.name, () => expect(outcome(decide(row.yaml, 'a.example', '/'))).toBe(row.want));

  it('explains a 503', () => {
    const d = decide(ingressDoc('i', 'a.example', [['/', 'Prefix', 'ghost']]), 'a.example', '/');
    expect(d.hops.at(-1)!.message).toBe('503: upstream default-ghost-80 has no endpoints: Service "default/ghost" not found');
  });
});

describe('default backends and merging', () => {
  const defaultOnly = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: catch }\nspec: { ingressClassName: nginx, defaultBackend: { service: { name: fallback, port: { number: 80 } } } }\n---\n';
  const rows = [
    { name: 'an Ingress with only a defaultBackend takes every host and path', yaml: app('fallback') + defaultOnly, host: 'anything.example', path: '/x', want: 'fallback:80/x' },
    { name: 'a host with rules keeps the controller 404 for unmatched paths', yaml: app('fallback') + app('web') + defaultOnly + ingressDoc('web', 'a.example', [['/app', 'Prefix', 'web']]), host: 'a.example', path: '/x', want: '404' },
    {
      name: 'an Ingress with rules and a defaultBackend: its hosts fall back to it',
      yaml: app('fallback') + app('web') + ingressDoc('web', 'a.example', [['/app', 'Prefix', 'web']]).replace('  ingressClassName: nginx\n', '  ingressClassName: nginx\n  defaultBackend: { service: { name: fallback, port: { number: 80 } } }\n'),
      host: 'a.example',
      path: '/x',
      want: 'fallback:80/x',
    },
    { name: 'two Ingresses on one host merge their paths', yaml: app('a') + app('b') + ingressDoc('one', 'h.example', [['/a', 'Prefix', 'a']]) + '---\n' + ingressDoc('two', 'h.example', [['/b', 'Prefix', 'b']]), host: 'h.example', path: '/b/x', want: 'b:80/b/x' },
    { name: 'the same host and path twice: the older Ingress keeps it', yaml: app('a') + app('b') + ingressDoc('one', 'h.example', [['/', 'Prefix', 'a']]) + '---\n' + ingressDoc('two', 'h.example', [['/', 'Prefix', 'b']]), host: 'h.example', path: '/', want: 'a:80/' },
    { name: 'an exact host beats a wildcard', yaml: app('a') + app('b') + ingressDoc('one', '*.h.example', [['/', 'Prefix', 'a']]) + '---\n' + ingressDoc('two', 'x.h.example', [['/', 'Prefix', 'b']]), host: 'x.h.example', path: '/', want: 'b:80/' },
    { name: 'the wildcard takes other single labels', yaml: app('a') + app('b') + ingressDoc('one', '*.h.example', [['/', 'Prefix', 'a']]) + '---\n' + ingressDoc('two', 'x.h.example', [['/', 'Prefix', 'b']]), host: 'y.h.example', path: '/', want: 'a:80/' },
  ];
  for (const row of rows) it(row.name, () => expect(outcome(decide(row.yaml, row.host, row.path))).toBe(row.want));

  it('names the Ingress that lost a host and path', () => {
    const d = decide(app('a') + app('b') + ingressDoc('one', 'h.example', [['/', 'Prefix', 'a']]) + '---\n' + ingressDoc('two', 'h.example', [['/', 'Prefix', 'b']]), 'h.example', '/');
    const reasons = d.hops.flatMap((h) => h.reasons);
    expect(reasons.find((r) => r.ref === 'ingress/default/two')).toMatchObject({ field: 'spec.rules[0].http.paths[0]' });
  });

  it('explains a 404 for a host whose Ingress no controller serves', () => {
    const d = decide(app('a') + ingressDoc('one', 'h.example', [['/', 'Prefix', 'a']]).replace('ingressClassName: nginx', 'ingressClassName: traefik'), 'h.example', '/');
    expect(d.response?.status).toBe(404);
    expect(d.hops[1]!.reasons[0]).toMatchObject({ ref: 'ingress/default/one', field: 'spec.ingressClassName' });
    expect(d.hops[1]!.reasons[0]!.detail).toContain('IngressClass "traefik" not found');
  });
});

describe('redirect and rewrite annotations', () => {
  const ann = (doc: string, a: string) => doc.replace('metadata:\n  name: i\n', `metadata:\n  name: i\n  annotations: { ${a} }\n`);
  const base = ingressDoc('i', 'a.example', [['/', 'Prefix', 'web']]);
  const rows = [
    { name: 'app-root redirects / with 302', yaml: app('web') + ann(base, 'nginx.ingress.kubernetes.io/app-root: /app1'), path: '/', want: '302 http://a.example/app1' },
    { name: 'app-root leaves other paths alone', yaml: app('web') + ann(base, 'nginx.ingress.kubernetes.io/app-root: /app1'), path: '/x', want: 'web:80/x' },
    { name: 'permanent-redirect answers 301', yaml: app('web') + ann(base, 'nginx.ingress.kubernetes.io/permanent-redirect: https://www.google.com'), path: '/x', want: '301 https://www.google.com' },
    { name: 'rewrite-target with captures', yaml: app('web') + ann(ingressDoc('i', 'a.example', [['/something(/|$)(.*)', 'ImplementationSpecific', 'web']]), 'nginx.ingress.kubernetes.io/use-regex: "true", nginx.ingress.kubernetes.io/rewrite-target: /$2'), path: '/something/new', want: 'web:80/new' },
  ];
  for (const row of rows) it(row.name, () => expect(outcome(decide(row.yaml, 'a.example', row.path))).toBe(row.want));
});
