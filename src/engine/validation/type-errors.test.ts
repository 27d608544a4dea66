import { describe, expect, it } from 'vitest';
import type { ManifestObject } from '../types.ts';
import { findTypeError, formatDecodeError, type DecodeTypeError } from './index.ts';

const service = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'web' }) => ({ apiVersion: 'v1', kind: 'Service', metadata, spec });
const servicePort = (port: Record<string, unknown>) => service({ selector: { app: 'web' }, ports: [{ port: 80, ...port }] });
const deployment = (spec: Record<string, unknown>, container: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ...container }] } },
    ...spec,
  },
});
const pod = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x' }], ...spec } });
const container = (fields: Record<string, unknown>) => pod({ containers: [{ name: 'c', image: 'x', ...fields }] });
const secret = (data: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data });
const unmarshal = (field: string, message: string): DecodeTypeError => ({ field, message: `json: cannot unmarshal ${message}` });

describe('findTypeError', () => {
  const cases: Array<{ name: string; obj: Record<string, unknown>; want: DecodeTypeError | undefined }> = [
    { name: 'a well-typed Service', obj: servicePort({ targetPort: 8080, protocol: 'TCP', name: 'http' }), want: undefined },
    {
      name: 'a quoted port is a string, not an int32',
      obj: servicePort({ port: '80' }),
      want: unmarshal('spec.ports[0].port', 'string into Go struct field ServicePort.spec.ports.port of type int32'),
    },
    {
      name: 'a quoted container port deep in a Deployment',
      obj: deployment({}, { ports: [{ containerPort: '80' }] }),
      want: unmarshal('spec.template.spec.containers[0].ports[0].containerPort', 'string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32'),
    },
    { name: 'targetPort is an IntOrString: a quoted number decodes', obj: servicePort({ targetPort: '8080' }), want: undefined },
    { name: 'targetPort as a port name', obj: servicePort({ targetPort: 'http' }), want: undefined },
    {
      name: 'IntOrString decodes anything but a string as an int32',
      obj: servicePort({ targetPort: true }),
      want: unmarshal('spec.ports[0].targetPort', 'bool into Go struct field ServicePort.spec.ports.targetPort of type int32'),
    },
    {
      name: 'a fraction where an int32 is expected names the number',
      obj: servicePort({ port: 80.5 }),
      want: unmarshal('spec.ports[0].port', 'number 80.5 into Go struct field ServicePort.spec.ports.port of type int32'),
    },
    {
      name: 'a number past int32 names the number',
      obj: servicePort({ nodePort: 3000000000 }),
      want: unmarshal('spec.ports[0].nodePort', 'number 3000000000 into Go struct field ServicePort.spec.ports.nodePort of type int32'),
    },
    { name: 'an int32 out of the port range still decodes (validation rejects it)', obj: servicePort({ port: 70000 }), want: undefined },
    {
      name: 'a number where a string is expected',
      obj: servicePort({ name: 80 }),
      want: unmarshal('spec.ports[0].name', 'number into Go struct field ServicePort.spec.ports.name of type string'),
    },
    {
      name: 'named string types are named',
      obj: servicePort({ protocol: 6 }),
      want: unmarshal('spec.ports[0].protocol', 'number into Go struct field ServicePort.spec.ports.protocol of type v1.Protocol'),
    },
    {
      name: 'an object where a list is expected',
      obj: service({ ports: { port: 80 } }),
      want: unmarshal('spec.ports', 'object into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort'),
    },
    {
      name: 'a string where a list of named strings is expected',
      obj: service({ ipFamilies: 'IPv4', ports: [{ port: 80 }] }),
      want: unmarshal('spec.ipFamilies', 'string into Go struct field ServiceSpec.spec.ipFamilies of type []v1.IPFamily'),
    },
    {
      name: 'a string where a struct is expected',
      obj: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: 'ClusterIP' },
      want: unmarshal('spec', 'string into Go struct field Service.spec of type v1.ServiceSpec'),
    },
    {
      name: 'a string where a struct in a list is expected',
      obj: pod({ containers: ['nginx'] }),
      want: unmarshal('spec.containers[0]', 'string into Go struct field PodSpec.spec.containers of type v1.Container'),
    },
    {
      name: 'label values must be strings',
      obj: service({ ports: [{ port: 80 }] }, { name: 'web', labels: { app: 'web', version: 1 } }),
      want: unmarshal('metadata.labels[version]', 'number into Go struct field ObjectMeta.metadata.labels of type string'),
    },
    {
      name: 'a selector value that kubectl read as a bool (yes, on, true)',
      obj: service({ selector: { enabled: true }, ports: [{ port: 80 }] }),
      want: unmarshal('spec.selector[enabled]', 'bool into Go struct field ServiceSpec.spec.selector of type string'),
    },
    {
      name: 'a list where a map is expected',
      obj: service({ selector: ['app=web'], ports: [{ port: 80 }] }),
      want: unmarshal('spec.selector', 'array into Go struct field ServiceSpec.spec.selector of type map[string]string'),
    },
    {
      name: 'a quoted bool',
      obj: pod({ hostNetwork: 'true' }),
      want: unmarshal('spec.hostNetwork', 'string into Go struct field PodSpec.spec.hostNetwork of type bool'),
    },
    {
      name: 'int64 fields say int64',
      obj: pod({ terminationGracePeriodSeconds: '30' }),
      want: unmarshal('spec.terminationGracePeriodSeconds', 'string into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64'),
    },
    {
      name: 'an int64 in a container security context',
      obj: container({ securityContext: { runAsUser: 1000.5 } }),
      want: unmarshal('spec.containers[0].securityContext.runAsUser', 'number 1000.5 into Go struct field SecurityContext.spec.containers.securityContext.runAsUser of type int64'),
    },
    {
      name: 'an env value must be a string',
      obj: container({ env: [{ name: 'PORT', value: 8080 }] }),
      want: unmarshal('spec.containers[0].env[0].value', 'number into Go struct field EnvVar.spec.containers.env.value of type string'),
    },
    {
      name: 'args are strings',
      obj: container({ args: ['--port', 8080] }),
      want: unmarshal('spec.containers[0].args[1]', 'number into Go struct field Container.spec.containers.args of type string'),
    },
    {
      name: 'replicas as a string',
      obj: deployment({ replicas: '3' }),
      want: unmarshal('spec.replicas', 'string into Go struct field DeploymentSpec.spec.replicas of type int32'),
    },
    { name: 'maxSurge takes a percentage or a count', obj: deployment({ strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } } }), want: undefined },
    {
      name: 'maxSurge as a bool',
      obj: deployment({ strategy: { rollingUpdate: { maxSurge: true } } }),
      want: unmarshal('spec.strategy.rollingUpdate.maxSurge', 'bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32'),
    },
    { name: 'quantities take strings and numbers', obj: container({ resources: { limits: { cpu: 0.5, memory: '128Mi' }, requests: { cpu: '250m' } } }), want: undefined },
    {
      name: 'a quantity with a unit Kubernetes does not know',
      obj: container({ resources: { limits: { memory: '512mb' } } }),
      want: { field: 'spec.containers[0].resources.limits[memory]', message: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'" },
    },
    {
      name: 'a quantity with a doubled suffix',
      obj: container({ resources: { requests: { cpu: '1mm' } } }),
      want: { field: 'spec.containers[0].resources.requests[cpu]', message: "unable to parse quantity's suffix" },
    },
    {
      name: 'resource lists are maps',
      obj: container({ resources: { limits: ['cpu'] } }),
      want: unmarshal('spec.containers[0].resources.limits', 'array into Go struct field ResourceRequirements.spec.containers.resources.limits of type v1.ResourceList'),
    },
    {
      name: 'NetworkPolicy ports: a named port decodes, a numeric protocol does not',
      obj: {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'n' },
        spec: { podSelector: {}, ingress: [{ ports: [{ port: 'http', protocol: 6 }] }] },
      },
      want: unmarshal('spec.ingress[0].ports[0].protocol', 'number into Go struct field NetworkPolicyPort.spec.ingress.ports.protocol of type v1.Protocol'),
    },
    {
      name: 'Secret data must be base64',
      obj: secret({ password: 'hunter2' }),
      want: { field: 'data[password]', message: 'illegal base64 data at input byte 4' },
    },
    { name: 'Secret data in base64', obj: secret({ password: 'aHVudGVyMg==' }), want: undefined },
    {
      name: 'Secret data that is not a string',
      obj: secret({ port: 8080 }),
      want: unmarshal('data[port]', 'number into Go struct field Secret.data of type []uint8'),
    },
    {
      name: 'the first error in the order the keys are sent (sorted) is reported',
      obj: servicePort({ port: '80', nodePort: '30080' }),
      want: unmarshal('spec.ports[0].nodePort', 'string into Go struct field ServicePort.spec.ports.nodePort of type int32'),
    },
    {
      name: 'metadata decodes before spec',
      obj: service({ ports: [{ port: '80' }] }, { name: 'web', labels: { tier: 2 } }),
      want: unmarshal('metadata.labels[tier]', 'number into Go struct field ObjectMeta.metadata.labels of type string'),
    },
    {
      name: "an IntOrString's own error stops decoding and wins over an earlier one",
      obj: servicePort({ port: '80', targetPort: { number: 8080 } }),
      want: unmarshal('spec.ports[0].targetPort', 'object into Go struct field ServicePort.spec.ports.targetPort of type int32'),
    },
    {
      name: 'metadata timestamps decode through a string',
      obj: service({ ports: [{ port: 80 }] }, { name: 'web', creationTimestamp: 0 }),
      want: unmarshal('metadata.creationTimestamp', 'number into Go struct field ObjectMeta.metadata.creationTimestamp of type string'),
    },
    { name: 'null leaves a field unset', obj: service({ ports: [{ port: 80, nodePort: null }], selector: null }, { name: 'web', creationTimestamp: null }), want: undefined },
    { name: 'unknown fields are skipped (strict decoding reports them)', obj: service({ prots: 'x', ports: [{ port: 80, prot: 1 }] }), want: undefined },
    { name: 'status is free-form observed state', obj: { ...service({ ports: [{ port: 80 }] }), status: { loadBalancer: 'pending' } }, want: undefined },
    { name: 'Gateway API kinds are not checked', obj: { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'g' }, spec: { listeners: [{ port: '80' }] } }, want: undefined },
    { name: 'unknown kinds are not checked', obj: { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { port: '80' } }, want: undefined },
  ];
  it.each(cases)('$name', ({ obj, want }) => {
    expect(findTypeError(obj as ManifestObject)).toEqual(want);
  });
});

describe('formatDecodeError', () => {
  const cases: Array<{ name: string; obj: Record<string, unknown>; want: string }> = [
    {
      name: 'a Service',
      obj: servicePort({ port: '80' }),
      want: 'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
    },
    {
      name: 'the version without the group',
      obj: deployment({}, { ports: [{ containerPort: '80' }] }),
      want: 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32',
    },
    { name: 'errors that are not type errors', obj: secret({ password: 'hunter2' }), want: 'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4' },
  ];
  it.each(cases)('$name', ({ obj, want }) => {
    const error = findTypeError(obj as ManifestObject);
    expect(error && formatDecodeError(obj as ManifestObject, error)).toBe(want);
  });
});
