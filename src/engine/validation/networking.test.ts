import { describe, expect, it } from 'vitest';
import type { ManifestObject } from '../types.ts';
import { formatFieldError, validateObject } from './index.ts';

function netpol(spec: Record<string, unknown>): ManifestObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'policy' }, spec } as ManifestObject;
}
function ingressRule(from: unknown[], ports?: unknown[]): Record<string, unknown> {
  return { podSelector: {}, ingress: [{ from, ...(ports ? { ports } : {}) }] };
}

describe('validateObject: NetworkPolicy', () => {
  const cases: Array<{ name: string; obj: ManifestObject; want: string[] }> = [
    { name: 'deny-all is valid', obj: netpol({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] }), want: [] },
    {
      name: 'bad CIDR',
      obj: netpol(ingressRule([{ ipBlock: { cidr: '10.0.0.0/33' } }])),
      want: ['spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'],
    },
    { name: 'a CIDR with host bits is accepted (legacy parsing)', obj: netpol(ingressRule([{ ipBlock: { cidr: '10.0.0.1/24' } }])), want: [] },
    { name: 'cidr required', obj: netpol(ingressRule([{ ipBlock: { except: ['10.0.0.0/24'] } }])), want: ['spec.ingress[0].from[0].ipBlock.cidr: Required value'] },
    {
      name: 'except outside its cidr',
      obj: netpol(ingressRule([{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.1.0.0/24', '10.0.0.0/16', '10.0.5.0/24'] } }])),
      want: [
        'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "10.1.0.0/24": must be a strict subset of `cidr`',
        'spec.ingress[0].from[0].ipBlock.except[1]: Invalid value: "10.0.0.0/16": must be a strict subset of `cidr`',
      ],
    },
    { name: 'endPort below port (upstream shows the port value)', obj: netpol(ingressRule([], [{ port: 8080, endPort: 80 }])), want: ['spec.ingress[0].ports[0].endPort: Invalid value: 8080: must be greater than or equal to `port`'] },
    { name: 'endPort with a named port', obj: netpol(ingressRule([], [{ port: 'http', endPort: 90 }])), want: ['spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is non-numeric'] },
    { name: 'endPort without port', obj: netpol(ingressRule([], [{ endPort: 90 }])), want: ['spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is not specified'] },
    { name: 'endPort range', obj: netpol(ingressRule([], [{ port: 80, endPort: 70000 }])), want: ['spec.ingress[0].ports[0].endPort: Invalid value: 70000: must be between 1 and 65535, inclusive'] },
    { name: 'protocol', obj: netpol(ingressRule([], [{ protocol: 'ICMP', port: 80 }])), want: ['spec.ingress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"'] },
    { name: 'a peer must say something', obj: netpol(ingressRule([{}])), want: ['spec.ingress[0].from[0]: Required value: must specify a peer'] },
    {
      name: 'ipBlock cannot be combined',
      obj: { ...netpol({}), spec: { podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' }, namespaceSelector: {} }] }] } } as ManifestObject,
      want: ['spec.egress[0].to[0]: Forbidden: may not specify both ipBlock and another peer'],
    },
    {
      name: 'selector syntax',
      obj: netpol(ingressRule([{ podSelector: { matchExpressions: [{ key: 'role', operator: 'In' }] } }])),
      want: ["spec.ingress[0].from[0].podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"],
    },
    { name: 'policyTypes', obj: netpol({ podSelector: {}, policyTypes: ['ingress'] }), want: ['spec.policyTypes[0]: Unsupported value: "ingress": supported values: "Ingress", "Egress"'] },
  ];
  it.each(cases)('$name', ({ obj, want }) => {
    expect(validateObject(obj).map(formatFieldError)).toEqual(want);
  });
});

function ingress(spec: Record<string, unknown>, annotations?: Record<string, string>): ManifestObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web', ...(annotations ? { annotations } : {}) }, spec } as ManifestObject;
}
function paths(...items: unknown[]): Record<string, unknown> {
  return { rules: [{ host: 'web.example.com', http: { paths: items } }] };
}
const backend = { service: { name: 'web', port: { number: 80 } } };

describe('validateObject: Ingress and IngressClass', () => {
  const cases: Array<{ name: string; obj: ManifestObject; want: string[] }> = [
    { name: 'a plain Ingress is valid', obj: ingress(paths({ path: '/', pathType: 'Prefix', backend })), want: [] },
    { name: 'rules or a default backend', obj: ingress({}), want: ['spec: Invalid value: null: either `defaultBackend` or `rules` must be specified'] },
    { name: 'pathType required', obj: ingress(paths({ path: '/', backend })), want: ['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified'] },
    { name: 'pathType values', obj: ingress(paths({ path: '/', pathType: 'Regex', backend })), want: ['spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"'] },
    { name: 'path absolute', obj: ingress(paths({ path: 'api', pathType: 'Prefix', backend })), want: ['spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path'] },
    { name: 'path sequences', obj: ingress(paths({ path: '/a//b', pathType: 'Exact', backend })), want: ["spec.rules[0].http.paths[0].path: Invalid value: \"/a//b\": must not contain '//'"] },
    {
      name: 'backend port name or number, not both',
      obj: ingress(paths({ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http', number: 80 } } } })),
      want: ['spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both port name & port number'],
    },
    { name: 'backend port required', obj: ingress(paths({ path: '/', pathType: 'Prefix', backend: { service: { name: 'web' } } })), want: ['spec.rules[0].http.paths[0].backend: Required value: port name or number is required'] },
    { name: 'backend service or resource', obj: ingress(paths({ path: '/', pathType: 'Prefix', backend: {} })), want: ['spec.rules[0].http.paths[0].backend: Invalid value: "": resource or service backend is required'] },
    { name: 'host is not an IP', obj: ingress({ rules: [{ host: '10.0.0.1' }] }), want: ['spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address'] },
    {
      name: 'class annotation and field disagree',
      obj: ingress({ ingressClassName: 'nginx', defaultBackend: backend }, { 'kubernetes.io/ingress.class': 'traefik' }),
      want: ['annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified'],
    },
    { name: 'an IngressClass is valid', obj: { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } } as ManifestObject, want: [] },
    {
      name: 'IngressClass controller is domain-prefixed',
      obj: { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'nginx' } } as ManifestObject,
      want: ['spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")'],
    },
  ];
  it.each(cases)('$name', ({ obj, want }) => {
    expect(validateObject(obj).map(formatFieldError)).toEqual(want);
  });
});
