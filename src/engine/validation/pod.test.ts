import { describe, expect, it } from 'vitest';
import type { ManifestObject } from '../types.ts';
import { formatFieldError, validateObject } from './index.ts';

function pod(spec: Record<string, unknown>, name = 'client'): ManifestObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec } as ManifestObject;
}

const nginx = { name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] };

describe('validateObject: Pod', () => {
  const cases: Array<{ name: string; obj: ManifestObject; want: string[] }> = [
    { name: 'a plain pod is valid', obj: pod({ containers: [nginx] }), want: [] },
    { name: 'containers required', obj: pod({ containers: [] }), want: ['spec.containers: Required value'] },
    { name: 'image required', obj: pod({ containers: [{ name: 'web' }] }), want: ['spec.containers[0].image: Required value'] },
    { name: 'container name required', obj: pod({ containers: [{ image: 'nginx' }] }), want: ['spec.containers[0].name: Required value'] },
    {
      name: 'container names are DNS labels',
      obj: pod({ containers: [{ name: 'web.server', image: 'nginx' }] }),
      want: ['spec.containers[0].name: Invalid value: "web.server": must not contain dots'],
    },
    { name: 'container names unique', obj: pod({ containers: [nginx, { ...nginx, ports: [] }] }), want: ['spec.containers[1].name: Duplicate value: "web"'] },
    { name: 'init and app containers share names', obj: pod({ containers: [nginx], initContainers: [{ name: 'web', image: 'busybox' }] }), want: ['spec.initContainers[0].name: Duplicate value: "web"'] },
    { name: 'containerPort required', obj: pod({ containers: [{ ...nginx, ports: [{ name: 'http' }] }] }), want: ['spec.containers[0].ports[0].containerPort: Required value'] },
    { name: 'containerPort range', obj: pod({ containers: [{ ...nginx, ports: [{ containerPort: 65536 }] }] }), want: ['spec.containers[0].ports[0].containerPort: Invalid value: 65536: must be between 1 and 65535, inclusive'] },
    { name: 'hostPort range', obj: pod({ containers: [{ ...nginx, ports: [{ containerPort: 80, hostPort: -1 }] }] }), want: ['spec.containers[0].ports[0].hostPort: Invalid value: -1: must be between 1 and 65535, inclusive'] },
    { name: 'port protocol', obj: pod({ containers: [{ ...nginx, ports: [{ containerPort: 80, protocol: 'tcp' }] }] }), want: ['spec.containers[0].ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"'] },
    {
      name: 'port names are IANA_SVC_NAMEs',
      obj: pod({ containers: [{ ...nginx, ports: [{ name: 'web-server-http-port', containerPort: 80 }, { name: '8080', containerPort: 8080 }, { name: 'a--b', containerPort: 81 }] }] }),
      want: [
        'spec.containers[0].ports[0].name: Invalid value: "web-server-http-port": must be no more than 15 characters',
        'spec.containers[0].ports[1].name: Invalid value: "8080": must contain at least one letter (a-z)',
        'spec.containers[0].ports[2].name: Invalid value: "a--b": must not contain consecutive hyphens',
      ],
    },
    { name: 'port names unique in a container', obj: pod({ containers: [{ ...nginx, ports: [{ name: 'http', containerPort: 80 }, { name: 'http', containerPort: 81 }] }] }), want: ['spec.containers[0].ports[1].name: Duplicate value: "http"'] },
    {
      name: 'hostPorts unique in a pod',
      obj: pod({ containers: [{ ...nginx, ports: [{ containerPort: 80, hostPort: 8080 }] }, { name: 'b', image: 'nginx', ports: [{ containerPort: 81, hostPort: 8080 }] }] }),
      want: ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"'],
    },
    {
      name: 'hostNetwork: hostPort must match containerPort',
      obj: pod({ hostNetwork: true, containers: [{ ...nginx, ports: [{ containerPort: 80, hostPort: 8080 }] }] }),
      want: ['spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true'],
    },
    { name: 'restartPolicy', obj: pod({ containers: [nginx], restartPolicy: 'Sometimes' }), want: ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'] },
    {
      name: 'dnsPolicy',
      obj: pod({ containers: [nginx], dnsPolicy: 'ClusterFirstWithHostNetwork' }),
      want: ['spec.dnsPolicy: Unsupported value: "ClusterFirstWithHostNetwork": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"'],
    },
    { name: 'dnsPolicy None needs dnsConfig', obj: pod({ containers: [nginx], dnsPolicy: 'None' }), want: ['spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None'] },
    {
      name: 'dnsPolicy None needs a nameserver',
      obj: pod({ containers: [nginx], dnsPolicy: 'None', dnsConfig: { searches: ['svc.cluster.local'] } }),
      want: ['spec.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None'],
    },
    {
      name: 'dnsConfig nameservers are IPs, at most three',
      obj: pod({ containers: [nginx], dnsConfig: { nameservers: ['1.1.1.1', '8.8.8.8', '9.9.9.9', 'dns.google'] } }),
      want: [
        'spec.dnsConfig.nameservers: Invalid value: ["1.1.1.1","8.8.8.8","9.9.9.9","dns.google"]: must not have more than 3 nameservers',
        'spec.dnsConfig.nameservers[3]: Invalid value: "dns.google": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      ],
    },
    { name: 'dnsConfig options need names', obj: pod({ containers: [nginx], dnsConfig: { options: [{ value: '2' }] } }), want: ['spec.dnsConfig.options[0]: Required value: must not be empty'] },
    { name: 'volume mounts refer to volumes', obj: pod({ containers: [{ ...nginx, volumeMounts: [{ name: 'data', mountPath: '/data' }] }] }), want: ['spec.containers[0].volumeMounts[0].name: Not found: "data"'] },
    { name: 'a mounted volume is fine', obj: pod({ volumes: [{ name: 'data', emptyDir: {} }], containers: [{ ...nginx, volumeMounts: [{ name: 'data', mountPath: '/data' }] }] }), want: [] },
    {
      name: 'hostname and subdomain are DNS labels',
      obj: pod({ containers: [nginx], hostname: 'web_0', subdomain: 'ok' }),
      want: [
        `spec.hostname: Invalid value: "web_0": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      ],
    },
    { name: 'probe needs a handler', obj: pod({ containers: [{ ...nginx, readinessProbe: { periodSeconds: 5 } }] }), want: ['spec.containers[0].readinessProbe: Required value: must specify a handler type'] },
    { name: 'probe port by name', obj: pod({ containers: [{ ...nginx, livenessProbe: { httpGet: { port: 'HTTP' } } }] }), want: ['spec.containers[0].livenessProbe.httpGet.port: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'spec.containers[0].livenessProbe.httpGet.port: Invalid value: "HTTP": must contain at least one letter (a-z)'] },
    { name: 'image whitespace (pods only)', obj: pod({ containers: [{ name: 'web', image: 'nginx ' }] }), want: ['spec.containers[0].image: Invalid value: "nginx ": must not have leading or trailing whitespace'] },
    {
      name: 'labels: keys and values',
      obj: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { 'app/x/y': 'a' } }, spec: { containers: [nginx] } } as ManifestObject,
      want: [
        `metadata.labels: Invalid value: "app/x/y": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      ],
    },
    {
      name: 'name required',
      obj: { apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { containers: [nginx] } } as ManifestObject,
      want: ['metadata.name: Required value: name or generateName is required'],
    },
  ];
  it.each(cases)('$name', ({ obj, want }) => {
    expect(validateObject(obj).map(formatFieldError)).toEqual(want);
  });
});
