import { describe, expect, it } from 'vitest';
import type { FieldError, ManifestObject } from '../types.ts';
import { validateNetworkPolicy } from './validate.ts';

// Messages and field paths follow pkg/apis/networking/validation (ValidateNetworkPolicySpec) and
// its tests in validation_test.go.

function np(spec: unknown): ManifestObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'x' }, spec };
}

const ingressPeer = (peer: unknown) => ({ podSelector: {}, ingress: [{ from: [peer] }] });
const ingressPort = (port: unknown) => ({ podSelector: {}, ingress: [{ ports: [port] }] });

const cases: Array<{ name: string; spec: unknown; errors: FieldError[] }> = [
  { name: 'an empty spec is valid (it denies all ingress)', spec: {}, errors: [] },
  {
    name: 'a full valid policy',
    spec: {
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['y'] }] }, podSelector: {} }], ports: [{ port: 8000, endPort: 8080 }, { port: 'http', protocol: 'TCP' }] }],
      egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }, { ipBlock: { cidr: '2001:db8::/32', except: ['2001:db8:1::/48'] } }], ports: [{ protocol: 'UDP', port: 53 }] }],
    },
    errors: [],
  },
  {
    name: 'bad CIDR',
    spec: ingressPeer({ ipBlock: { cidr: '10.0.0.0' } }),
    errors: [{ type: 'Invalid', field: 'spec.ingress[0].from[0].ipBlock.cidr', value: '10.0.0.0', detail: 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)' }],
  },
  {
    name: 'octet out of range',
    spec: { podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: '300.0.0.0/8' } }] }] },
    errors: [{ type: 'Invalid', field: 'spec.egress[0].to[0].ipBlock.cidr', value: '300.0.0.0/8', detail: 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)' }],
  },
  { name: 'missing cidr', spec: ingressPeer({ ipBlock: {} }), errors: [{ type: 'Required', field: 'spec.ingress[0].from[0].ipBlock.cidr', detail: '' }] },
  {
    name: 'except outside its cidr',
    spec: ingressPeer({ ipBlock: { cidr: '10.0.0.0/24', except: ['192.168.0.0/24'] } }),
    errors: [{ type: 'Invalid', field: 'spec.ingress[0].from[0].ipBlock.except[0]', value: '192.168.0.0/24', detail: 'must be a strict subset of `cidr`' }],
  },
  {
    name: 'except equal to its cidr is not a strict subset',
    spec: ingressPeer({ ipBlock: { cidr: '10.0.0.0/24', except: ['10.0.0.0/24'] } }),
    errors: [{ type: 'Invalid', field: 'spec.ingress[0].from[0].ipBlock.except[0]', value: '10.0.0.0/24', detail: 'must be a strict subset of `cidr`' }],
  },
  {
    name: 'malformed except',
    spec: ingressPeer({ ipBlock: { cidr: '10.0.0.0/8', except: ['invalid-cidr'] } }),
    errors: [{ type: 'Invalid', field: 'spec.ingress[0].from[0].ipBlock.except[0]', value: 'invalid-cidr', detail: 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)' }],
  },
  {
    name: 'ipBlock with another peer',
    spec: ingressPeer({ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }),
    errors: [{ type: 'Forbidden', field: 'spec.ingress[0].from[0]', detail: 'may not specify both ipBlock and another peer' }],
  },
  { name: 'empty peer', spec: ingressPeer({}), errors: [{ type: 'Required', field: 'spec.ingress[0].from[0]', detail: 'must specify a peer' }] },
  {
    name: 'unknown protocol',
    spec: ingressPort({ port: 80, protocol: 'tcp' }),
    errors: [{ type: 'NotSupported', field: 'spec.ingress[0].ports[0].protocol', value: 'tcp', supported: ['TCP', 'UDP', 'SCTP'] }],
  },
  { name: 'port out of range', spec: ingressPort({ port: 0 }), errors: [{ type: 'Invalid', field: 'spec.ingress[0].ports[0].port', value: 0, detail: 'must be between 1 and 65535, inclusive' }] },
  {
    name: 'endPort below port',
    spec: ingressPort({ port: 8080, endPort: 8000 }),
    errors: [{ type: 'Invalid', field: 'spec.ingress[0].ports[0].endPort', value: 8000, detail: 'must be greater than or equal to `port`' }],
  },
  {
    name: 'endPort out of range',
    spec: ingressPort({ port: 80, endPort: 70000 }),
    errors: [{ type: 'Invalid', field: 'spec.ingress[0].ports[0].endPort', value: 70000, detail: 'must be between 1 and 65535, inclusive' }],
  },
  {
    name: 'endPort with a named port',
    spec: ingressPort({ port: 'http', endPort: 90 }),
    errors: [{ type: 'Invalid', field: 'spec.ingress[0].ports[0].endPort', value: 90, detail: 'may not be specified when `port` is non-numeric' }],
  },
  {
    name: 'endPort without port',
    spec: ingressPort({ endPort: 90 }),
    errors: [{ type: 'Invalid', field: 'spec.ingress[0].ports[0].endPort', value: 90, detail: 'may not be specified when `port` is not specified' }],
  },
  {
    name: 'invalid port name',
    spec: ingressPort({ port: 'Web_Port' }),
    errors: [{ type: 'Invalid', field: 'spec.ingress[0].ports[0].port', value: 'Web_Port', detail: 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)' }],
  },
  {
    name: 'a number written as a string is a port name without a letter',
    spec: ingressPort({ port: '80' }),
    errors: [{ type: 'Invalid', field: 'spec.ingress[0].ports[0].port', value: '80', detail: 'must contain at least one letter (a-z)' }],
  },
  {
    name: 'unknown policyType',
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egres'] },
    errors: [{ type: 'NotSupported', field: 'spec.policyTypes[1]', value: 'Egres', supported: ['Ingress', 'Egress'] }],
  },
  {
    name: 'more than two policyTypes',
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress', 'Ingress'] },
    errors: [{ type: 'Invalid', field: 'spec.policyTypes', value: ['Ingress', 'Egress', 'Ingress'], detail: 'may not specify more than two policyTypes' }],
  },
  {
    name: 'In without values',
    spec: { podSelector: { matchExpressions: [{ key: 'app', operator: 'In' }] } },
    errors: [{ type: 'Required', field: 'spec.podSelector.matchExpressions[0].values', detail: "must be specified when `operator` is 'In' or 'NotIn'" }],
  },
  {
    name: 'Exists with values',
    spec: ingressPeer({ podSelector: { matchExpressions: [{ key: 'app', operator: 'Exists', values: ['a'] }] } }),
    errors: [{ type: 'Forbidden', field: 'spec.ingress[0].from[0].podSelector.matchExpressions[0].values', detail: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'" }],
  },
  {
    name: 'unknown operator',
    spec: ingressPeer({ namespaceSelector: { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['a'] }] } }),
    errors: [{ type: 'Invalid', field: 'spec.ingress[0].from[0].namespaceSelector.matchExpressions[0].operator', value: 'Equals', detail: 'not a valid selector operator' }],
  },
  {
    name: 'invalid label value in matchLabels',
    spec: { podSelector: { matchLabels: { app: 'web app' } } },
    errors: [
      {
        type: 'Invalid',
        field: 'spec.podSelector.matchLabels',
        value: 'web app',
        detail:
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      },
    ],
  },
];

describe('validateNetworkPolicy', () => {
  it.each(cases)('$name', ({ spec, errors }) => {
    expect(validateNetworkPolicy(np(spec))).toEqual(errors);
  });
});
