import { describe, expect, it } from 'vitest';
import type { NetworkPolicy, Protocol } from '../types.ts';
import { computeReachability } from './reachability.ts';
import { indexNetworkPolicies } from './policy-index.ts';
import { formatTruthTable } from './truth-table.ts';
import { ExpectedReachability, makeCluster, modelPods, policy, type PodSpec } from './test-model.ts';

// Cases transcribed from kubernetes/kubernetes test/e2e/network/netpol/network_policy.go, on the
// 9-pod model (namespaces x, y, z; pods a, b, c labelled pod=<name>; ports 80 and 81 on TCP, UDP
// and SCTP with container ports named serve-<port>-<proto>). Each `name` is the upstream test name;
// the expectations are the upstream Reachability calls. Upstream ignores loopback; the contract
// says a pod always reaches itself, so the diagonal is connected.

const ALL = modelPods().map((p) => `${p.namespace}/${p.name}`);
const NS_NAME = 'kubernetes.io/metadata.name';

interface Case {
  name: string;
  policies: NetworkPolicy[];
  port: number;
  protocol?: Protocol;
  pods?: PodSpec[];
  namespaceLabels?: Record<string, Record<string, string>>;
  expect: (r: ExpectedReachability) => unknown;
}

const denyIngressX = policy('x', 'deny-ingress', { podSelector: {}, policyTypes: ['Ingress'], ingress: [] });
const allowPort81FromY = policy('x', 'allow-client-a-via-ns-selector', {
  podSelector: { matchLabels: { pod: 'a' } },
  policyTypes: ['Ingress'],
  ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_NAME]: 'y' } } }], ports: [{ port: 81, protocol: 'TCP' }] }],
});
const allowPort80FromY = policy('x', 'allow-client-a-via-ns-selector-80', {
  podSelector: { matchLabels: { pod: 'a' } },
  policyTypes: ['Ingress'],
  ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_NAME]: 'y' } } }], ports: [{ port: 80, protocol: 'TCP' }] }],
});
const allowFromYOnPorts = (r: ExpectedReachability) =>
  r.expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expectPeer({ namespace: 'y' }, { namespace: 'x', pod: 'a' }, true).expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false);
// Pod IPs as the contract hands them out: x/a 10.244.0.2, x/b 10.244.1.2, x/c 10.244.0.3, y/a 10.244.1.3, y/b 10.244.0.4, ...
const IP_X_B = '10.244.1.2';
const IP_Y_B = '10.244.0.4';
const cidrExceptXB = policy('x', 'allow-client-a-via-cidr-egress-rule', {
  podSelector: { matchLabels: { pod: 'a' } },
  policyTypes: ['Egress'],
  egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/4', except: [`${IP_X_B}/32`] } }] }],
});

const cases: Case[] = [
  {
    name: "should support a 'default-deny-ingress' policy",
    policies: [denyIngressX],
    port: 80,
    expect: (r) => r.expectPeer({}, { namespace: 'x' }, false),
  },
  {
    name: "should support a 'default-deny-all' policy",
    policies: [policy('x', 'deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [], egress: [] })],
    port: 80,
    expect: (r) => r.expectPeer({}, { namespace: 'x' }, false).expectPeer({ namespace: 'x' }, {}, false),
  },
  {
    name: 'should enforce policy to allow traffic from pods within server namespace based on PodSelector',
    policies: [policy('x', 'x-a-allows-x-b', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }] }] })],
    port: 80,
    expect: (r) => r.expectAllIngress('x/a', false).expect('x/b', 'x/a', true),
  },
  {
    name: 'should enforce policy to allow ingress traffic for a target',
    policies: [
      policy('x', 'deny-all', { podSelector: {}, policyTypes: ['Ingress'], ingress: [] }),
      policy('x', 'allow-all-to-a', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: {}, namespaceSelector: {} }] }] }),
    ],
    port: 80,
    expect: (r) => r.expectAllIngress('x/a', true).expectAllIngress('x/b', false).expectAllIngress('x/c', false),
  },
  {
    name: 'should enforce policy to allow ingress traffic from pods in all namespaces',
    policies: [policy('x', 'allow-from-another-ns', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: {} } }] }] })],
    port: 80,
    expect: () => undefined,
  },
  {
    name: 'should enforce policy to allow traffic only from a different namespace, based on NamespaceSelector',
    policies: [policy('x', 'allow-client-a-via-ns-selector', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_NAME]: 'y' } } }] }] })],
    port: 80,
    expect: (r) => r.expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false),
  },
  {
    name: 'should enforce policy based on PodSelector with MatchExpressions',
    policies: [policy('x', 'x-a-allows-x-b', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: ['b'] }] } }] }] })],
    port: 80,
    expect: (r) => r.expectAllIngress('x/a', false).expect('x/b', 'x/a', true),
  },
  {
    name: 'should enforce policy based on NamespaceSelector with MatchExpressions',
    policies: [policy('x', 'allow-ns-y-match-selector', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: NS_NAME, operator: 'In', values: ['y'] }] } }] }] })],
    port: 80,
    expect: (r) => r.expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false),
  },
  {
    name: 'should enforce policy based on PodSelector or NamespaceSelector',
    policies: [
      policy('x', 'allow-ns-y-match-selector', {
        podSelector: { matchLabels: { pod: 'a' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: NS_NAME, operator: 'NotIn', values: ['x'] }] } }, { podSelector: { matchLabels: { pod: 'b' } } }] }],
      }),
    ],
    port: 80,
    expect: (r) => r.expect('x/a', 'x/a', false).expect('x/c', 'x/a', false),
  },
  {
    name: 'should enforce policy based on PodSelector and NamespaceSelector',
    policies: [
      policy('x', 'allow-ns-y-podselector-and-nsselector', {
        podSelector: { matchLabels: { pod: 'a' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: NS_NAME, operator: 'NotIn', values: ['x'] }] }, podSelector: { matchLabels: { pod: 'b' } } }] }],
      }),
    ],
    port: 80,
    expect: (r) => r.expectAllIngress('x/a', false).expect('y/b', 'x/a', true).expect('z/b', 'x/a', true),
  },
  {
    name: 'should enforce policy based on Multiple PodSelectors and NamespaceSelectors',
    policies: [
      policy('x', 'allow-ns-y-z-pod-b-c', {
        podSelector: { matchLabels: { pod: 'a' } },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [
              {
                namespaceSelector: { matchExpressions: [{ key: NS_NAME, operator: 'NotIn', values: ['x'] }] },
                podSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: ['b', 'c'] }] },
              },
            ],
          },
        ],
      }),
    ],
    port: 80,
    expect: (r) => r.expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expect('y/a', 'x/a', false).expect('z/a', 'x/a', false),
  },
  {
    name: 'should enforce policy based on any PodSelectors',
    policies: [policy('x', 'allow-ns-x-pod-b-c', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }, { podSelector: { matchLabels: { pod: 'c' } } }] }] })],
    port: 80,
    expect: (r) => r.expectAllIngress('x/a', false).expect('x/b', 'x/a', true).expect('x/c', 'x/a', true),
  },
  {
    name: 'should enforce policy to allow traffic only from a pod in a different namespace based on PodSelector and NamespaceSelector',
    policies: [
      policy('x', 'allow-ns-y-pod-a-via-namespace-pod-selector', {
        podSelector: { matchLabels: { pod: 'a' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_NAME]: 'y' } }, podSelector: { matchLabels: { pod: 'a' } } }] }],
      }),
    ],
    port: 80,
    expect: (r) => r.expectAllIngress('x/a', false).expect('y/a', 'x/a', true),
  },
  { name: 'should enforce policy based on Ports', policies: [allowPort81FromY], port: 81, expect: allowFromYOnPorts },
  { name: 'should enforce multiple, stacked policies with overlapping podSelectors (port 81)', policies: [allowPort81FromY], port: 81, expect: allowFromYOnPorts },
  { name: 'should enforce multiple, stacked policies with overlapping podSelectors (port 80, denied)', policies: [allowPort81FromY], port: 80, expect: (r) => r.expectAllIngress('x/a', false) },
  { name: 'should enforce multiple, stacked policies with overlapping podSelectors (port 80 after adding its policy)', policies: [allowPort81FromY, allowPort80FromY], port: 80, expect: allowFromYOnPorts },
  { name: 'should support allow-all policy (port 80)', policies: [policy('x', 'allow-all', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{}] })], port: 80, expect: () => undefined },
  { name: 'should support allow-all policy (port 81)', policies: [policy('x', 'allow-all', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{}] })], port: 81, expect: () => undefined },
  {
    name: 'should allow ingress access on one named port (port 81)',
    policies: [policy('x', 'allow-all', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 'serve-81-tcp' }] }] })],
    port: 81,
    expect: () => undefined,
  },
  {
    name: 'should allow ingress access on one named port (port 80)',
    policies: [policy('x', 'allow-all', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 'serve-81-tcp' }] }] })],
    port: 80,
    expect: (r) => r.expectPeer({}, { namespace: 'x' }, false),
  },
  {
    name: 'should allow ingress access from namespace on one named port (port 80)',
    policies: [
      policy('x', 'allow-client-a-via-ns-selector-80', {
        podSelector: { matchLabels: { pod: 'a' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_NAME]: 'y' } } }], ports: [{ port: 'serve-80-tcp', protocol: 'TCP' }] }],
      }),
    ],
    port: 80,
    expect: (r) => r.expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false),
  },
  {
    name: 'should allow ingress access from namespace on one named port (port 81)',
    policies: [
      policy('x', 'allow-client-a-via-ns-selector-80', {
        podSelector: { matchLabels: { pod: 'a' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_NAME]: 'y' } } }], ports: [{ port: 'serve-80-tcp', protocol: 'TCP' }] }],
      }),
    ],
    port: 81,
    expect: (r) => r.expectAllIngress('x/a', false),
  },
  {
    name: 'should allow egress access on one named port (port 80)',
    policies: [policy('x', 'allow-egress', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'serve-80-tcp' }] }] })],
    port: 80,
    expect: () => undefined,
  },
  {
    name: 'should allow egress access on one named port (port 81)',
    policies: [policy('x', 'allow-egress', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'serve-80-tcp' }] }] })],
    port: 81,
    expect: (r) => r.expectPeer({ namespace: 'x' }, {}, false),
  },
  {
    name: 'should enforce updated policy (allow all)',
    policies: [policy('x', 'allow-all-mutate-to-deny-all', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{}] })],
    port: 81,
    expect: () => undefined,
  },
  {
    name: 'should enforce updated policy (updated to deny all)',
    policies: [policy('x', 'allow-all-mutate-to-deny-all', { podSelector: {}, policyTypes: ['Ingress'], ingress: [] })],
    port: 81,
    expect: (r) => r.expectPeer({}, { namespace: 'x' }, false),
  },
  {
    name: 'should allow ingress access from updated namespace (before the label)',
    policies: [policy('x', 'allow-client-a-via-ns-selector', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns2: 'updated' } } }] }] })],
    port: 80,
    expect: (r) => r.expectAllIngress('x/a', false),
  },
  {
    name: 'should allow ingress access from updated namespace (after labelling y ns2=updated)',
    policies: [policy('x', 'allow-client-a-via-ns-selector', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns2: 'updated' } } }] }] })],
    namespaceLabels: { y: { ns2: 'updated' } },
    port: 80,
    expect: (r) => r.expectAllIngress('x/a', false).expectPeer({ namespace: 'y' }, {}, true),
  },
  {
    name: 'should allow ingress access from updated pod (after labelling x/b pod2=updated)',
    policies: [policy('x', 'allow-client-a-via-pod-selector', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b', pod2: 'updated' } } }] }] })],
    pods: modelPods().map((p) => (p.namespace === 'x' && p.name === 'b' ? { ...p, labels: { pod: 'b', pod2: 'updated' } } : p)),
    port: 80,
    expect: (r) => r.expectAllIngress('x/a', false).expect('x/b', 'x/a', true),
  },
  {
    name: 'should deny ingress from pods on other namespaces',
    policies: [policy('x', 'deny-empty-policy', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: {} } }] }] })],
    port: 80,
    expect: (r) => r.expectPeer({ namespace: 'y' }, { namespace: 'x' }, false).expectPeer({ namespace: 'z' }, { namespace: 'x' }, false),
  },
  {
    name: 'should deny ingress access to updated pod (after labelling x/a target=isolated)',
    policies: [policy('x', 'deny-ingress-via-label-selector', { podSelector: { matchLabels: { target: 'isolated' } }, policyTypes: ['Ingress'], ingress: [] })],
    pods: modelPods().map((p) => (p.namespace === 'x' && p.name === 'a' ? { ...p, labels: { pod: 'a', target: 'isolated' } } : p)),
    port: 80,
    expect: (r) => r.expectAllIngress('x/a', false),
  },
  {
    name: 'should deny egress from pods based on PodSelector',
    policies: [policy('x', 'deny-egress-pod-a', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Egress'], egress: [] })],
    port: 80,
    expect: (r) => r.expectAllEgress('x/a', false),
  },
  {
    name: 'should deny egress from all pods in a namespace',
    policies: [policy('x', 'deny-egress-ns-x', { podSelector: {}, policyTypes: ['Egress'], egress: [] })],
    port: 80,
    expect: (r) => r.expectPeer({ namespace: 'x' }, {}, false),
  },
  ...([80, 81] as const).map(
    (port): Case => ({
      name: `should work with Ingress, Egress specified together (port ${port})`,
      policies: [
        policy('x', 'allow-client-a-via-pod-selector', {
          podSelector: { matchLabels: { pod: 'a' } },
          policyTypes: ['Egress', 'Ingress'],
          ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }] }],
          egress: [{ ports: [{ port: 80 }] }],
        }),
      ],
      port,
      expect: (r) => (port === 80 ? r.expectAllIngress('x/a', false).expect('x/b', 'x/a', true) : r.expectAllIngress('x/a', false).expectAllEgress('x/a', false).expect('x/b', 'x/a', true)),
    }),
  ),
  {
    name: 'should support denying of egress traffic on the client side (even if the server explicitly allows this traffic)',
    policies: [
      policy('x', 'allow-to-ns-y-pod-a', {
        podSelector: { matchLabels: { pod: 'a' } },
        policyTypes: ['Egress'],
        egress: [{ to: [{ namespaceSelector: { matchLabels: { [NS_NAME]: 'y' } }, podSelector: { matchLabels: { pod: 'a' } } }] }],
      }),
      policy('y', 'allow-from-xa-on-ya-match-selector', {
        podSelector: { matchLabels: { pod: 'a' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_NAME]: 'x' } }, podSelector: { matchLabels: { pod: 'a' } } }] }],
      }),
      policy('y', 'allow-from-xa-on-yb-match-selector', {
        podSelector: { matchLabels: { pod: 'b' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_NAME]: 'x' } }, podSelector: { matchLabels: { pod: 'a' } } }] }],
      }),
    ],
    port: 80,
    expect: (r) =>
      r
        .expectPeer({ namespace: 'x', pod: 'a' }, {}, false)
        .expectPeer({}, { namespace: 'y', pod: 'a' }, false)
        .expectPeer({ namespace: 'x', pod: 'a' }, { namespace: 'y', pod: 'a' }, true)
        .expectPeer({}, { namespace: 'y', pod: 'b' }, false),
  },
  {
    name: 'should enforce egress policy allowing traffic to a server in a different namespace based on PodSelector and NamespaceSelector',
    policies: [
      policy('x', 'allow-to-ns-y-pod-a', {
        podSelector: { matchLabels: { pod: 'a' } },
        policyTypes: ['Egress'],
        egress: [{ to: [{ namespaceSelector: { matchLabels: { [NS_NAME]: 'y' } }, podSelector: { matchLabels: { pod: 'a' } } }] }],
      }),
    ],
    port: 80,
    expect: (r) => r.expectAllEgress('x/a', false).expect('x/a', 'y/a', true),
  },
  ...(['TCP', 'UDP'] as const).map(
    (protocol): Case => ({
      name: `should enforce ingress policy allowing any port traffic to a server on a specific protocol (${protocol})`,
      policies: [policy('x', 'allow-ingress-by-proto', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Ingress'], ingress: [{ ports: [{ protocol: 'TCP' }] }] })],
      port: 80,
      protocol,
      expect: (r) => (protocol === 'UDP' ? r.expectPeer({}, { namespace: 'x', pod: 'a' }, false) : r),
    }),
  ),
  {
    name: 'should enforce multiple ingress policies with ingress allow-all policy taking precedence (before allow-all)',
    policies: [policy('x', 'allow-ingress-port-80', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 80 }] }] })],
    port: 81,
    expect: (r) => r.expectPeer({}, { namespace: 'x' }, false),
  },
  {
    name: 'should enforce multiple ingress policies with ingress allow-all policy taking precedence (with allow-all)',
    policies: [
      policy('x', 'allow-ingress-port-80', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 80 }] }] }),
      policy('x', 'allow-ingress', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{}] }),
    ],
    port: 81,
    expect: () => undefined,
  },
  {
    name: 'should enforce multiple egress policies with egress allow-all policy taking precedence (before allow-all)',
    policies: [policy('x', 'allow-egress-port-80', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 80 }] }] })],
    port: 81,
    expect: (r) => r.expectPeer({ namespace: 'x' }, {}, false),
  },
  {
    name: 'should enforce multiple egress policies with egress allow-all policy taking precedence (with allow-all)',
    policies: [
      policy('x', 'allow-egress-port-80', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 80 }] }] }),
      policy('x', 'allow-egress', { podSelector: {}, policyTypes: ['Egress'], egress: [{}] }),
    ],
    port: 81,
    expect: () => undefined,
  },
  {
    name: 'should stop enforcing policies after they are deleted (while present)',
    policies: [policy('x', 'deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'], ingress: [], egress: [] })],
    port: 80,
    expect: (r) => r.expectPeer({ namespace: 'x' }, {}, false).expectPeer({}, { namespace: 'x' }, false),
  },
  { name: 'should stop enforcing policies after they are deleted (after deletion)', policies: [], port: 80, expect: () => undefined },
  {
    name: 'should allow egress access to server in CIDR block',
    policies: [policy('x', 'allow-client-a-via-cidr-egress-rule', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: `${IP_Y_B}/32` } }] }] })],
    port: 80,
    expect: (r) => r.expectAllEgress('x/a', false).expect('x/a', 'y/b', true),
  },
  { name: 'should enforce except clause while egress access to server in CIDR block', policies: [cidrExceptXB], port: 80, expect: (r) => r.expect('x/a', 'x/b', false) },
  {
    name: 'should ensure an IP overlapping both IPBlock.CIDR and IPBlock.Except is allowed (after the update)',
    policies: [policy('x', 'allow-client-a-via-cidr-egress-rule', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: `${IP_X_B}/32` } }] }] })],
    port: 80,
    expect: (r) => r.expectAllEgress('x/a', false).expect('x/a', 'x/b', true),
  },
  {
    name: 'should enforce policies to check ingress and egress policies can be controlled independently based on PodSelector',
    policies: [
      policy('x', 'allow-egress-for-target', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Egress'], egress: [{}] }),
      policy('x', 'deny-ingress-via-label-selector', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Ingress'], ingress: [] }),
    ],
    port: 80,
    expect: (r) => r.expectAllIngress('x/a', false),
  },
  {
    name: "should not mistakenly treat 'protocol: SCTP' as 'protocol: TCP', even if the plugin doesn't support SCTP",
    policies: [denyIngressX, policy('x', 'allow-only-sctp-ingress-on-port-81', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 81, protocol: 'SCTP' }] }] })],
    port: 81,
    expect: (r) => r.expectPeer({}, { namespace: 'x' }, false),
  },
  {
    name: "should properly isolate pods that are selected by a policy allowing SCTP, even if the plugin doesn't support SCTP",
    policies: [policy('x', 'allow-only-sctp-ingress-on-port-80', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 80, protocol: 'SCTP' }] }] })],
    port: 81,
    expect: (r) => r.expectAllIngress('x/a', false),
  },
  {
    name: 'should not allow access by TCP when a policy specifies only UDP',
    policies: [policy('x', 'allow-only-udp-ingress-on-port-81', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 81, protocol: 'UDP' }] }] })],
    port: 81,
    expect: (r) => r.expectAllIngress('x/a', false),
  },
  {
    name: 'should enforce policy based on NamespaceSelector with MatchExpressions using default ns label',
    policies: [
      policy('x', 'allow-ns-y-match-selector-for-immutable-ns-label', {
        podSelector: { matchLabels: { pod: 'a' } },
        policyTypes: ['Egress'],
        egress: [{ to: [{ namespaceSelector: { matchExpressions: [{ key: NS_NAME, operator: 'NotIn', values: ['y'] }] } }] }],
      }),
    ],
    port: 80,
    expect: (r) => r.expectPeer({ namespace: 'x', pod: 'a' }, { namespace: 'y' }, false),
  },
  {
    name: "NetworkPolicy between server and client using UDP should support a 'default-deny-ingress' policy",
    policies: [policy('x', 'deny-all', { podSelector: {}, policyTypes: ['Ingress'], ingress: [] })],
    port: 80,
    protocol: 'UDP',
    expect: (r) => r.expectPeer({}, { namespace: 'x' }, false),
  },
  {
    name: 'NetworkPolicy between server and client using SCTP should enforce policy based on Ports',
    policies: [
      policy('x', 'allow-ingress-on-port-81-ns-x', {
        podSelector: { matchLabels: { pod: 'a' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS_NAME]: 'y' } } }], ports: [{ port: 81, protocol: 'SCTP' }] }],
      }),
    ],
    port: 81,
    protocol: 'SCTP',
    expect: (r) => r.expectPeer({ namespace: 'x' }, { namespace: 'x', pod: 'a' }, false).expectPeer({ namespace: 'z' }, { namespace: 'x', pod: 'a' }, false),
  },
];

describe('computeReachability reproduces the upstream NetworkPolicy e2e truth tables', () => {
  it.each(cases)('$name', (c) => {
    const cluster = makeCluster(c.pods ?? modelPods(), c.policies, { namespaceLabels: c.namespaceLabels });
    const index = indexNetworkPolicies(cluster);
    const actual = computeReachability(cluster, index, ALL, c.port, c.protocol ?? 'TCP');
    const expected = new ExpectedReachability(ALL, true);
    c.expect(expected);
    expect(formatTruthTable(ALL, actual.combined)).toBe(formatTruthTable(ALL, expected.withLoopback()));
  });
});

describe('computeReachability tables', () => {
  it('splits ingress and egress like policy-assistant, and combines them with AND', () => {
    const cluster = makeCluster(modelPods(['x/a', 'x/b', 'y/a']), [
      policy('x', 'deny-egress-a', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Egress'], egress: [] }),
      policy('y', 'deny-ingress', { podSelector: {}, policyTypes: ['Ingress'], ingress: [] }),
    ]);
    const pods = ['x/a', 'x/b', 'y/a'];
    const t = computeReachability(cluster, indexNetworkPolicies(cluster), pods, 80, 'TCP');
    expect(t.egress).toEqual([
      [true, false, false],
      [true, true, true],
      [true, true, true],
    ]);
    expect(t.ingress).toEqual([
      [true, true, false],
      [true, true, false],
      [true, true, true],
    ]);
    expect(t.combined).toEqual([
      [true, false, false],
      [true, true, false],
      [true, true, true],
    ]);
  });

  it('allows everything when the CNI does not enforce NetworkPolicy', () => {
    const cluster = makeCluster(modelPods(), [denyIngressX], { networkPolicy: false });
    const t = computeReachability(cluster, indexNetworkPolicies(cluster), ALL, 80, 'TCP');
    expect(t.combined.flat().every(Boolean)).toBe(true);
  });

  it('lets a host-network pod reach pods on its own node only, as the node would', () => {
    const pods: PodSpec[] = [...modelPods(['x/a', 'x/b']), { namespace: 'kube-system', name: 'agent-1', nodeName: 'node-1', hostNetwork: true, labels: { app: 'agent' } }];
    const cluster = makeCluster(pods, [denyIngressX]);
    const keys = ['x/a', 'x/b', 'kube-system/agent-1'];
    const t = computeReachability(cluster, indexNetworkPolicies(cluster), keys, 80, 'TCP');
    // x/a is on node-1 with the agent; x/b is on node-2.
    expect(t.combined[2]).toEqual([true, false, true]);
    // Policies never select a host-network pod, so it accepts everything.
    expect(t.combined.map((row) => row[2])).toEqual([true, true, true]);
  });

  it('rejects an unknown pod reference', () => {
    const cluster = makeCluster(modelPods(['x/a']));
    expect(() => computeReachability(cluster, indexNetworkPolicies(cluster), ['x/nope'], 80, 'TCP')).toThrow(/unknown pod x\/nope/);
  });
});
