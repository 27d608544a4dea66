import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ManifestObject } from '../types.ts';
import { toNetworkPolicy } from './manifest.ts';
import { effectivePolicyTypes } from './policy-index.ts';

const source = { file: 'p.yaml', doc: 0 };

describe('toNetworkPolicy', () => {
  it.each([
    {
      name: 'keeps rules as written, named and numeric ports, ipBlock except',
      yaml: `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web, namespace: x }
spec:
  podSelector: { matchLabels: { app: web } }
  ingress:
  - from:
    - namespaceSelector: { matchLabels: { team: a } }
      podSelector: { matchExpressions: [{ key: tier, operator: In, values: [fe] }] }
    - ipBlock: { cidr: 10.0.0.0/8, except: [10.1.0.0/16] }
    ports: [{ port: http }, { port: 8000, endPort: 8080, protocol: TCP }]
`,
      expected: {
        namespace: 'x',
        name: 'web',
        podSelector: { matchLabels: { app: 'web' } },
        ingress: [
          {
            from: [
              { namespaceSelector: { matchLabels: { team: 'a' } }, podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe'] }] } },
              { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } },
            ],
            ports: [{ port: 'http' }, { port: 8000, endPort: 8080, protocol: 'TCP' }],
          },
        ],
        source,
      },
    },
    {
      name: 'an empty rule stays an empty rule (allow all), an empty list stays empty (deny)',
      yaml: `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p }
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
  ingress: [{}]
  egress: []
`,
      expected: { namespace: 'default', name: 'p', podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [{}], egress: [], source },
    },
    {
      name: 'a selector key with no value (null) is an unset selector, not {}',
      yaml: `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: x }
spec:
  podSelector:
  ingress:
  - from:
    - podSelector:
      namespaceSelector: {}
`,
      expected: { namespace: 'x', name: 'p', podSelector: {}, ingress: [{ from: [{ namespaceSelector: {} }] }], source },
    },
  ])('$name', ({ yaml, expected }) => {
    expect(toNetworkPolicy(parse(yaml) as ManifestObject, source)).toEqual(expected);
  });
});

describe('effectivePolicyTypes', () => {
  it.each([
    { name: 'omitted, no egress', policyTypes: undefined, egress: undefined, expected: { ingress: true, egress: false } },
    { name: 'omitted, egress rules', policyTypes: undefined, egress: [{}], expected: { ingress: true, egress: true } },
    { name: 'as written', policyTypes: ['Egress' as const], egress: undefined, expected: { ingress: false, egress: true } },
  ])('$name', ({ policyTypes, egress, expected }) => {
    expect(effectivePolicyTypes({ namespace: 'x', name: 'p', podSelector: {}, source, ...(policyTypes ? { policyTypes } : {}), ...(egress ? { egress } : {}) })).toEqual(expected);
  });
});
