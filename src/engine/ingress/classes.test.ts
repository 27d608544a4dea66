import { describe, expect, it } from 'vitest';
import { nginxModelFrom } from './synthetic.ts';

const backend = 'rules: [{ host: x.example, http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: s, port: { number: 80 } } } }] } }]';

function ingress(name: string, spec: string, annotations = ''): string {
  return `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${name}\n${annotations ? `  annotations: ${annotations}\n` : ''}spec:\n  ${spec}\n  ${backend}\n`;
}

function ingressClass(name: string, controller: string, isDefault = false): string {
  return `apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: ${name}\n${isDefault ? '  annotations: { ingressclass.kubernetes.io/is-default-class: "true" }\n' : ''}spec: { controller: ${controller} }\n`;
}

// kubernetes/website ingress.md ("Ingress class", "Deprecated annotation", "Default IngressClass"),
// plugin/pkg/admission/network/defaultingressclass (newest default wins, only at creation), and
// ingress-nginx's store.GetIngressClass (IngressClass by controller; annotation must equal
// --ingress-class=nginx; no class is ignored without --watch-ingress-without-class).
describe('resolveIngressClass', () => {
  const rows: Array<{ name: string; yaml: string; addon?: boolean; want: { served: boolean; reason: string; via?: string; className?: string } }> = [
    { name: 'ingressClassName nginx (the addon class) is served', yaml: ingress('i', 'ingressClassName: nginx'), want: { served: true, reason: 'Accepted', via: 'ingressClassName', className: 'nginx' } },
    { name: 'an ingressClassName that names no IngressClass is not', yaml: ingress('i', 'ingressClassName: missing'), want: { served: false, reason: 'IngressClassNotFound' } },
    { name: 'a class for another controller is not', yaml: ingressClass('other', 'example.com/ingress-controller') + '---\n' + ingress('i', 'ingressClassName: other'), want: { served: false, reason: 'UnsupportedIngressClass' } },
    { name: 'any class naming k8s.io/ingress-nginx is served', yaml: ingressClass('internal', 'k8s.io/ingress-nginx') + '---\n' + ingress('i', 'ingressClassName: internal'), want: { served: true, reason: 'Accepted', className: 'internal' } },
    { name: 'the legacy annotation "nginx" is served', yaml: ingress('i', '', '{ kubernetes.io/ingress.class: nginx }'), want: { served: true, reason: 'Accepted', via: 'annotation' } },
    { name: 'the legacy annotation with another value is not', yaml: ingress('i', '', '{ kubernetes.io/ingress.class: traefik }'), want: { served: false, reason: 'IngressClassAnnotationMismatch' } },
    { name: 'no class and no default class: ignored', yaml: ingress('i', ''), want: { served: false, reason: 'NoIngressClass', via: 'none' } },
    { name: 'no class: the default IngressClass applies', yaml: ingressClass('nginx-example', 'k8s.io/ingress-nginx', true) + '---\n' + ingress('i', ''), want: { served: true, reason: 'Accepted', via: 'default-class', className: 'nginx-example' } },
    { name: 'a default class created after the Ingress does not apply', yaml: ingress('i', '') + '---\n' + ingressClass('late', 'k8s.io/ingress-nginx', true), want: { served: false, reason: 'NoIngressClass' } },
    { name: 'the newest of two default classes wins', yaml: ingressClass('a', 'k8s.io/ingress-nginx', true) + '---\n' + ingressClass('b', 'example.com/other', true) + '---\n' + ingress('i', ''), want: { served: false, reason: 'UnsupportedIngressClass', className: 'b' } },
    { name: 'the legacy annotation stops the API server from defaulting', yaml: ingressClass('d', 'k8s.io/ingress-nginx', true) + '---\n' + ingress('i', '', '{ kubernetes.io/ingress.class: other }'), want: { served: false, reason: 'IngressClassAnnotationMismatch' } },
    { name: 'without the addon, nothing serves class nginx', yaml: ingressClass('nginx', 'k8s.io/ingress-nginx') + '---\n' + ingress('i', 'ingressClassName: nginx'), addon: false, want: { served: false, reason: 'ControllerNotInstalled' } },
    { name: 'without the addon, class nginx does not even exist', yaml: ingress('i', 'ingressClassName: nginx'), addon: false, want: { served: false, reason: 'IngressClassNotFound' } },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const model = nginxModelFrom(row.yaml, row.addon ?? true);
      const klass = model.ingresses.find((i) => i.name === 'i')!.klass;
      expect(klass).toMatchObject(row.want);
      expect(model.served.some((i) => i.name === 'i')).toBe(row.want.served);
    });
  }
});
