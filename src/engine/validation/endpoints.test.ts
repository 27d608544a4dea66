import { describe, expect, it } from 'vitest';
import type { ManifestObject } from '../types.ts';
import { formatFieldError, validateObject } from './index.ts';

function slice(rest: Record<string, unknown>): ManifestObject {
  return { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-1', labels: { 'kubernetes.io/service-name': 'web' } }, ...rest } as ManifestObject;
}
function endpoints(subsets: unknown[]): ManifestObject {
  return { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web' }, subsets } as ManifestObject;
}

describe('validateObject: EndpointSlice and Endpoints', () => {
  const cases: Array<{ name: string; obj: ManifestObject; want: string[] }> = [
    { name: 'a hand-written slice is valid', obj: slice({ addressType: 'IPv4', endpoints: [{ addresses: ['10.244.0.5'] }], ports: [{ name: 'http', port: 80 }] }), want: [] },
    { name: 'addressType required', obj: slice({ endpoints: [] }), want: ['addressType: Required value'] },
    { name: 'addressType values', obj: slice({ addressType: 'IP' }), want: ['addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"'] },
    { name: 'addresses required', obj: slice({ addressType: 'IPv4', endpoints: [{ addresses: [] }] }), want: ['endpoints[0].addresses: Required value: must contain at least 1 address'] },
    {
      name: 'addresses must be IPs of the type',
      obj: slice({ addressType: 'IPv4', endpoints: [{ addresses: ['10.244.0.300', 'fd00::5', '127.0.0.1'] }] }),
      want: [
        'endpoints[0].addresses[0]: Invalid value: "10.244.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
        'endpoints[0].addresses[1]: Invalid value: "fd00::5": must be an IPv4 address',
        'endpoints[0].addresses[2]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      ],
    },
    {
      name: 'at most 1000 endpoints',
      obj: slice({ addressType: 'IPv4', endpoints: Array.from({ length: 1001 }, (_, i) => ({ addresses: [`10.1.${i >> 8}.${(i & 255) + 1}`] })) }),
      want: ['endpoints: Too many: 1001: must have at most 1000 items'],
    },
    { name: 'port protocol', obj: slice({ addressType: 'IPv4', ports: [{ port: 80, protocol: 'HTTP' }] }), want: ['ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'] },
    { name: 'duplicate port names', obj: slice({ addressType: 'IPv4', ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }] }), want: ['ports[1].name: Duplicate value: "http"'] },
    { name: 'Endpoints are valid', obj: endpoints([{ addresses: [{ ip: '10.244.1.7' }], ports: [{ port: 8080 }] }]), want: [] },
    { name: 'Endpoints need addresses', obj: endpoints([{ ports: [{ port: 8080 }] }]), want: ['subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`'] },
    { name: 'Endpoints port range', obj: endpoints([{ addresses: [{ ip: '10.244.1.7' }], ports: [{ port: 0 }] }]), want: ['subsets[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive'] },
    {
      name: 'Endpoints address must be an IP',
      obj: endpoints([{ addresses: [{ ip: 'web' }] }]),
      want: ['subsets[0].addresses[0].ip: Invalid value: "web": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)', 'subsets[0].addresses[0].ip: Invalid value: "web": must be a valid IP address'],
    },
  ];
  it.each(cases)('$name', ({ obj, want }) => {
    expect(validateObject(obj).map(formatFieldError)).toEqual(want);
  });
});
