import { describe, expect, it } from 'vitest';
import { ingressConditions, ingressDiagnostics, ingressPublicHosts } from './status.ts';
import { ingressDoc, nginxModelFrom } from './synthetic.ts';

const svc = 'apiVersion: v1\nkind: Service\nmetadata: { name: web }\nspec: { selector: { app: web }, ports: [{ port: 80 }] }\n---\n';
const served = ingressDoc('web', 'shop.example', [['/', 'Prefix', 'web']]);
const wildcard = ingressDoc('wild', '*.apps.example', [['/', 'Prefix', 'web']]);
const unserved = ingressDoc('other', 'other.example', [['/', 'Prefix', 'web']]).replace('ingressClassName: nginx', 'ingressClassName: traefik');

describe('ingressConditions', () => {
  const rows = [
    { name: 'served, resolved, with an address', yaml: svc + served, ref: 'ingress/default/web', want: { Accepted: 'True/Accepted', ResolvedRefs: 'True/ResolvedRefs', Programmed: 'True/Programmed' } },
    { name: 'another class: not accepted, no address', yaml: svc + unserved, ref: 'ingress/default/other', want: { Accepted: 'False/IngressClassNotFound', ResolvedRefs: 'Unknown/NotAccepted', Programmed: 'False/NotAccepted' } },
    { name: 'a missing backend Service', yaml: served, ref: 'ingress/default/web', want: { Accepted: 'True/Accepted', ResolvedRefs: 'False/BackendNotFound', Programmed: 'True/Programmed' } },
    { name: 'a missing TLS Secret', yaml: svc + served.replace('  ingressClassName: nginx\n', '  ingressClassName: nginx\n  tls: [{ hosts: [shop.example], secretName: nope }]\n'), ref: 'ingress/default/web', want: { ResolvedRefs: 'False/InvalidCertificateRef' } },
    { name: 'the controller Service without an address (loadBalancer: none)', yaml: svc + served, ref: 'ingress/default/web', cluster: { loadBalancer: 'none' }, want: { Programmed: 'False/AddressNotAssigned' } },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const model = nginxModelFrom(row.yaml, true, row.cluster ?? {});
      const got = Object.fromEntries((ingressConditions(model, row.ref) ?? []).map((c) => [c.type, `${c.status}/${c.reason}`]));
      expect(got).toMatchObject(row.want);
    });
  }
  it('is undefined for objects that are not Ingresses here', () => expect(ingressConditions(nginxModelFrom(served), 'ingress/default/nope')).toBeUndefined());
});

describe('ingressPublicHosts', () => {
  const rows = [
    { name: 'exact rule hosts of served Ingresses, at the controller address', yaml: svc + served + '---\n' + wildcard + '---\n' + unserved, addon: true, want: { 'shop.example': '203.0.113.10' } },
    { name: 'nothing without the controller', yaml: svc + served, addon: false, want: {} },
    { name: 'nothing while the controller Service is pending', yaml: svc + served, addon: true, cluster: { loadBalancer: 'none' }, want: {} },
  ];
  for (const row of rows) it(row.name, () => expect(ingressPublicHosts(nginxModelFrom(row.yaml, row.addon, row.cluster ?? {}))).toEqual(row.want));
});

describe('ingressDiagnostics', () => {
  const rows = [
    { name: 'an Ingress no controller serves', yaml: svc + unserved, want: ['ingress_not_served'] },
    { name: 'a missing Service', yaml: served, want: ['ingress_backend_service_not_found'] },
    { name: 'a shadowed path', yaml: svc + served + '---\n' + served.replace('name: web\nspec', 'name: web2\nspec'), want: ['ingress_path_shadowed'] },
    { name: 'an invalid annotation value', yaml: svc + served.replace('metadata:\n  name: web\n', 'metadata:\n  name: web\n  annotations: { nginx.ingress.kubernetes.io/ssl-redirect: "maybe" }\n'), want: ['ingress_annotation_invalid'] },
    { name: 'nothing to say', yaml: svc + served, want: [] },
  ];
  for (const row of rows) it(row.name, () => expect(ingressDiagnostics(nginxModelFrom(row.yaml)).map((d) => d.code)).toEqual(row.want));
});
