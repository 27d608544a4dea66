import { describe, expect, it } from 'vitest';
import type { ManifestObject } from '../types.ts';
import { formatFieldError, formatInvalidError, nodePortAlreadyAllocatedError, validateObject, validateServiceAllocation } from './index.ts';

function service(spec: Record<string, unknown>, name = 'web', metadata: Record<string, unknown> = {}): ManifestObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, ...metadata }, spec } as ManifestObject;
}

const web = { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] };

describe('validateObject: Service', () => {
  const cases: Array<{ name: string; obj: ManifestObject; want: string[] }> = [
    { name: 'a plain ClusterIP Service is valid', obj: service(web), want: [] },
    { name: 'headless Service without ports is valid', obj: service({ clusterIP: 'None', selector: { app: 'web' } }), want: [] },
    {
      name: 'name must be a DNS-1035 label',
      obj: service(web, '1web'),
      want: [
        `metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
      ],
    },
    { name: 'ports required', obj: service({ selector: { app: 'web' } }), want: ['spec.ports: Required value'] },
    { name: 'port names required when more than one', obj: service({ ports: [{ port: 80 }, { port: 443 }] }), want: ['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value'] },
    { name: 'duplicate port names', obj: service({ ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }] }), want: ['spec.ports[1].name: Duplicate value: "http"'] },
    {
      name: 'port name must be a DNS-1123 label',
      obj: service({ ports: [{ name: 'HTTP', port: 80 }] }),
      want: [
        `spec.ports[0].name: Invalid value: "HTTP": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      ],
    },
    { name: 'port range', obj: service({ ports: [{ port: 0, targetPort: 80 }] }), want: ['spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive'] },
    { name: 'protocol', obj: service({ ports: [{ port: 80, protocol: 'HTTP' }] }), want: ['spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'] },
    { name: 'numeric targetPort range', obj: service({ ports: [{ port: 80, targetPort: 70000 }] }), want: ['spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive'] },
    {
      name: 'named targetPort must be an IANA_SVC_NAME',
      obj: service({ ports: [{ port: 80, targetPort: 'http-web-server-port' }] }),
      want: ['spec.ports[0].targetPort: Invalid value: "http-web-server-port": must be no more than 15 characters'],
    },
    {
      name: 'duplicate port and protocol',
      obj: service({ ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80, targetPort: 81 }] }),
      want: ['spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}'],
    },
    { name: 'type', obj: service({ ...web, type: 'Internal' }), want: ['spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'] },
    { name: 'nodePort on a ClusterIP Service', obj: service({ ports: [{ port: 80, nodePort: 30080 }] }), want: ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"] },
    { name: 'headless NodePort', obj: service({ ...web, type: 'NodePort', clusterIP: 'None' }), want: ["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services"] },
    { name: 'ExternalName requires externalName', obj: service({ type: 'ExternalName' }), want: ['spec.externalName: Required value'] },
    { name: 'ExternalName accepts a trailing dot', obj: service({ type: 'ExternalName', externalName: 'db.example.com.' }), want: [] },
    {
      name: 'ExternalName with clusterIP',
      obj: service({ type: 'ExternalName', externalName: 'db.example.com', clusterIP: '10.96.0.50' }),
      want: ['spec.clusterIPs: Forbidden: may not be set for ExternalName services'],
    },
    {
      name: 'externalTrafficPolicy on a ClusterIP Service',
      obj: service({ ...web, externalTrafficPolicy: 'Local' }),
      want: ['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services'],
    },
    { name: 'externalTrafficPolicy value', obj: service({ ...web, type: 'NodePort', externalTrafficPolicy: 'local' }), want: ['spec.externalTrafficPolicy: Unsupported value: "local": supported values: "Cluster", "Local"'] },
    { name: 'sessionAffinity value', obj: service({ ...web, sessionAffinity: 'Cookie' }), want: ['spec.sessionAffinity: Unsupported value: "Cookie": supported values: "ClientIP", "None"'] },
    {
      name: 'sessionAffinity timeout range',
      obj: service({ ...web, sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 86401 } } }),
      want: ['spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 86401: must be greater than 0 and less than 86400'],
    },
    { name: 'ClientIP timeout of a day is valid', obj: service({ ...web, sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 86400 } } }), want: [] },
    {
      name: 'loadBalancerSourceRanges must be CIDRs, on a LoadBalancer',
      obj: service({ ...web, type: 'LoadBalancer', loadBalancerSourceRanges: ['10.0.0.0/8', '1.2.3.4'] }),
      want: ['spec.LoadBalancerSourceRanges[1]: Invalid value: "1.2.3.4": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'],
    },
    {
      name: 'loadBalancerSourceRanges on a ClusterIP Service',
      obj: service({ ...web, loadBalancerSourceRanges: ['10.0.0.0/8'] }),
      want: ["spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'"],
    },
    {
      name: 'selector values are label values',
      obj: service({ selector: { app: 'web server' }, ports: [{ port: 80 }] }),
      want: [
        `spec.selector: Invalid value: "web server": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      ],
    },
    { name: 'externalIPs may not be loopback', obj: service({ ...web, externalIPs: ['127.0.0.1'] }), want: ['spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)'] },
  ];
  it.each(cases)('$name', ({ obj, want }) => {
    expect(validateObject(obj).map(formatFieldError)).toEqual(want);
  });

  it('formats the nodePort range error exactly as kubectl prints it', () => {
    const obj = service({ type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 80 }] });
    expect(formatInvalidError('Service', 'web', validateObject(obj))).toBe(
      'The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });
});

describe('validateServiceAllocation: what the allocator rejects before validation', () => {
  const cases: Array<{ name: string; obj: ManifestObject; want: string[] }> = [
    {
      name: 'a nodePort out of range is reported alone, before other errors',
      obj: service({ type: 'NodePort', ports: [{ name: 'BAD', port: 80, nodePort: 80 }] }),
      want: ['spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767'],
    },
    { name: 'only the first bad nodePort', obj: service({ type: 'LoadBalancer', ports: [{ name: 'a', port: 80, nodePort: 1 }, { name: 'b', port: 81, nodePort: 2 }] }), want: ['spec.ports[0].nodePort: Invalid value: 1: provided port is not in the valid range. The range of valid ports is 30000-32767'] },
    { name: 'an invalid clusterIP', obj: service({ ...web, clusterIP: '10.96.0.300' }), want: ['spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'] },
    { name: 'clusterIP with leading zeros', obj: service({ ...web, clusterIP: '10.96.0.010' }), want: ['spec.clusterIPs[0]: Invalid value: "10.96.0.010": must not have leading 0s'] },
    { name: 'clusterIP and clusterIPs disagree', obj: service({ ...web, clusterIP: '10.96.0.20', clusterIPs: ['10.96.0.21'] }), want: ['spec.clusterIPs: Invalid value: ["10.96.0.21"]: first value must match `clusterIP`'] },
    { name: 'an IPv6 clusterIP on an IPv4 cluster', obj: service({ ...web, clusterIP: 'fd00::10' }), want: ['spec.clusterIPs[0]: Invalid value: ["fd00::10"]: IPv6 is not configured on this cluster'] },
    { name: 'RequireDualStack on a single-stack cluster', obj: service({ ...web, ipFamilyPolicy: 'RequireDualStack' }), want: ['spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services'] },
    { name: 'a valid NodePort Service', obj: service({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }), want: [] },
  ];
  it.each(cases)('$name', ({ obj, want }) => {
    expect(validateServiceAllocation(obj).map(formatFieldError)).toEqual(want);
    expect(validateObject(obj).map(formatFieldError)).toEqual(want);
  });

  it('exports the allocator conflict message', () => {
    expect(formatInvalidError('Service', 'b', [nodePortAlreadyAllocatedError(0, 30080)])).toBe(
      'The Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    );
  });
});
