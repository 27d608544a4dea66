import { describe, expect, it } from 'vitest';
import type { ManifestObject } from '../types.ts';
import { formatFieldError, formatInvalidError, validateObject } from './index.ts';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };

function workload(kind: string, spec: Record<string, unknown>, name = 'web'): ManifestObject {
  return { apiVersion: 'apps/v1', kind, metadata: { name }, spec } as ManifestObject;
}

describe('validateObject: workloads', () => {
  const cases: Array<{ name: string; obj: ManifestObject; want: string[] }> = [
    { name: 'a Deployment is valid', obj: workload('Deployment', { replicas: 2, selector: { matchLabels: { app: 'web' } }, template }), want: [] },
    {
      name: 'Deployment selector must match template labels',
      obj: workload('Deployment', { selector: { matchLabels: { app: 'api' } }, template }),
      want: ['spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`'],
    },
    {
      name: 'Deployment selector required (a nil selector matches nothing)',
      obj: workload('Deployment', { template }),
      want: ['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`'],
    },
    { name: 'Deployment empty selector', obj: workload('Deployment', { selector: {}, template }), want: ['spec.selector: Invalid value: {}: empty selector is invalid for deployment'] },
    { name: 'Deployment replicas >= 0', obj: workload('Deployment', { replicas: -1, selector: { matchLabels: { app: 'web' } }, template }), want: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'] },
    {
      name: 'template pod spec errors carry the template prefix',
      obj: workload('Deployment', { selector: { matchLabels: { app: 'web' } }, template: { ...template, spec: { containers: [{ name: 'web', ports: [{ containerPort: 80, protocol: 'HTTP' }] }] } } }),
      want: ['spec.template.spec.containers[0].image: Required value', 'spec.template.spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'],
    },
    {
      name: 'Deployment pods must restart Always',
      obj: workload('Deployment', { selector: { matchLabels: { app: 'web' } }, template: { ...template, spec: { ...template.spec, restartPolicy: 'Never' } } }),
      want: ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    },
    {
      name: 'selector expression operator',
      obj: workload('Deployment', { selector: { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['web'] }] }, template }),
      want: ['spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator', 'spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"Equals","values":["web"]}]}: invalid label selector'],
    },
    {
      name: 'rolling update cannot be 0 and 0',
      obj: workload('Deployment', { selector: { matchLabels: { app: 'web' } }, template, strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } }),
      want: ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0'],
    },
    { name: 'ReplicaSet shares the checks', obj: workload('ReplicaSet', { selector: { matchLabels: { app: 'x' } }, template }), want: ['spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`'] },
    { name: 'a StatefulSet is valid', obj: workload('StatefulSet', { serviceName: 'web', selector: { matchLabels: { app: 'web' } }, template }), want: [] },
    {
      name: 'StatefulSet names are DNS labels',
      obj: workload('StatefulSet', { selector: { matchLabels: { app: 'web' } }, template }, 'web.v1'),
      want: ['metadata.name: Invalid value: "web.v1": must not contain dots'],
    },
    { name: 'StatefulSet podManagementPolicy', obj: workload('StatefulSet', { podManagementPolicy: 'Burst', selector: { matchLabels: { app: 'web' } }, template }), want: ["spec.podManagementPolicy: Invalid value: \"Burst\": must be 'OrderedReady' or 'Parallel'"] },
    { name: 'StatefulSet empty selector', obj: workload('StatefulSet', { selector: {}, template }), want: ['spec.selector: Invalid value: {}: empty selector is invalid for statefulset'] },
    { name: 'a DaemonSet is valid', obj: workload('DaemonSet', { selector: { matchLabels: { app: 'web' } }, template }), want: [] },
    { name: 'DaemonSet without selector matches no template', obj: workload('DaemonSet', { template }), want: ['spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`'] },
    {
      name: 'DaemonSet rolling update surge and unavailable',
      obj: workload('DaemonSet', { selector: { matchLabels: { app: 'web' } }, template, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } } }),
      want: ['spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero'],
    },
  ];
  it.each(cases)('$name', ({ obj, want }) => {
    expect(validateObject(obj).map(formatFieldError)).toEqual(want);
  });

  it('prints the selector mismatch as kubectl shows it', () => {
    const obj = workload('Deployment', { selector: { matchLabels: { app: 'x' } }, template: { ...template, metadata: { labels: { app: 'x', tier: 'web' } } } });
    expect(validateObject(obj)).toEqual([]);
    const bad = workload('Deployment', { selector: { matchLabels: { app: 'y' } }, template: { ...template, metadata: { labels: { tier: 'web', app: 'x' } } } });
    expect(formatInvalidError('Deployment', 'web', validateObject(bad))).toBe(
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"x","tier":"web"}: `selector` does not match template `labels`',
    );
  });
});
