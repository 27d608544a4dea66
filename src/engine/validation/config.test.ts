import { describe, expect, it } from 'vitest';
import type { ManifestObject } from '../types.ts';
import { formatFieldError, validateObject } from './index.ts';

describe('validateObject: Namespace, Node, ConfigMap, Secret, other kinds', () => {
  const cases: Array<{ name: string; obj: Record<string, unknown>; want: string[] }> = [
    { name: 'a Namespace is valid', obj: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } }, want: [] },
    {
      name: 'Namespace names are DNS labels',
      obj: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'Team_A' } },
      want: [
        `metadata.name: Invalid value: "Team_A": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      ],
    },
    { name: 'a cluster-scoped object ignores a namespace', obj: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-3', namespace: 'x' } }, want: [] },
    { name: 'Node podCIDR', obj: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-3' }, spec: { podCIDR: '10.244.2.0/33' } }, want: ['spec.podCIDRs[0]: Invalid value: "10.244.2.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'] },
    {
      name: 'ConfigMap keys',
      obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'nginx conf': 'x' } },
      want: [`data[nginx conf]: Invalid value: "nginx conf": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`],
    },
    { name: 'TLS Secrets need their keys', obj: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'x' } }, want: ['data[tls.key]: Required value'] },
    { name: 'a namespace must be a DNS label', obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'Prod' } }, want: [expect.stringMatching(/^metadata\.namespace: Invalid value: "Prod": a lowercase RFC 1123 label/) as unknown as string] },
    { name: 'kinds NetLab does not model still get name checks', obj: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'Job1' } }, want: [expect.stringMatching(/^metadata\.name: Invalid value: "Job1": a lowercase RFC 1123 subdomain/) as unknown as string] },
    { name: 'unknown kinds give no field errors', obj: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: {} }, want: [] },
  ];
  it.each(cases)('$name', ({ obj, want }) => {
    expect(validateObject(obj as ManifestObject).map(formatFieldError)).toEqual(want);
  });
});
