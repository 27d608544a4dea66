import type { Pod, Service } from '../types.ts';

/** A Running, Ready pod with sensible defaults, for unit tests. */
export function makePod(overrides: Partial<Pod> & { name: string }): Pod {
  return {
    namespace: 'default',
    labels: {},
    annotations: {},
    nodeName: 'node-1',
    podIP: '10.244.0.2',
    hostIP: '172.18.0.2',
    hostNetwork: false,
    phase: 'Running',
    readyCondition: true,
    terminating: false,
    ready: true,
    containers: [],
    listening: [],
    dnsPolicy: 'ClusterFirst',
    enableServiceLinks: true,
    env: {},
    source: { file: 'test.yaml', doc: 0 },
    createdBy: `pod/default/${overrides.name}`,
    ...overrides,
  };
}

/** A ClusterIP Service with defaults, for unit tests. */
export function makeService(overrides: Partial<Service> & { name: string }): Service {
  return {
    namespace: 'default',
    labels: {},
    annotations: {},
    type: 'ClusterIP',
    clusterIP: '10.96.0.11',
    ports: [{ name: '', protocol: 'TCP', port: 80, targetPort: 80 }],
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
    sessionAffinity: 'None',
    sessionAffinityTimeoutSeconds: 0,
    loadBalancerIPs: [],
    loadBalancerSourceRanges: [],
    externalIPs: [],
    publishNotReadyAddresses: false,
    source: { file: 'test.yaml', doc: 0 },
    ...overrides,
  };
}
