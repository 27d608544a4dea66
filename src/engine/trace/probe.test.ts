import { describe, expect, it } from 'vitest';
import { simulate } from '../cluster/build.ts';
import { createTraceContext } from './context.ts';
import { traceProbes } from './probe.ts';
import type { Trace } from './types.ts';

const manifests = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: nginx, image: nginx, ports: [{name: http, containerPort: 80}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client, labels: {role: client}}
spec:
  containers: [{name: c, image: curlimages/curl}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: http}]
---
apiVersion: v1
kind: Service
metadata: {name: empty}
spec:
  selector: {app: nothing}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: web-np}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{port: 80, targetPort: 80, nodePort: 30080}]
---
apiVersion: v1
kind: Service
metadata: {name: web-local}
spec:
  type: LoadBalancer
  externalTrafficPolicy: Local
  selector: {app: web}
  ports: [{port: 80, targetPort: 80, nodePort: 30081}]
---
apiVersion: v1
kind: Service
metadata: {name: sticky}
spec:
  selector: {app: web}
  sessionAffinity: ClientIP
  ports: [{port: 80, targetPort: 80}]
`;

function run(from: string, to: string, repeat = 1, cluster: Record<string, unknown> = { nodes: 3 }): Trace[] {
  const sim = simulate({ manifests: [{ file: 'm.yaml', text: manifests }], cluster });
  const traces = traceProbes(createTraceContext(sim.cluster), { from, to }, repeat);
  if ('error' in traces) throw new Error(traces.error);
  return traces;
}

describe('traceProbe', () => {
  const cases = [
    { name: 'pod to a Service by name', from: 'pod/default/client', to: 'http://web', outcome: 'connected', status: 200 },
    { name: 'FQDN with trailing dot', from: 'default/client', to: 'http://web.default.svc.cluster.local./', outcome: 'connected' },
    { name: 'Service without endpoints is rejected', from: 'pod/default/client', to: 'http://empty', outcome: 'refused' },
    { name: 'unknown name does not resolve', from: 'pod/default/client', to: 'http://nope', outcome: 'unresolved' },
    { name: 'ClusterIP from outside times out', from: 'external', to: 'svc/default/web:80', outcome: 'timeout' },
    { name: 'NodePort from outside on any node', from: 'external', to: '172.18.0.4:30080', outcome: 'connected' },
    { name: 'pod IP from outside times out', from: 'external', to: '10.244.0.2:80', outcome: 'timeout' },
    { name: 'Local NodePort on a node without a local endpoint drops', from: 'external', to: '172.18.0.4:30081', outcome: 'timeout' },
    { name: 'Local NodePort on a node with a local endpoint', from: 'external', to: '172.18.0.2:30081', outcome: 'connected' },
    { name: 'wrong port on a ClusterIP in iptables mode times out', from: 'pod/default/client', to: 'svc/default/web:81', outcome: 'timeout' },
    { name: 'node to a ClusterIP', from: 'node/node-1', to: 'svc/default/web:80', outcome: 'connected' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const [t] = run(c.from, c.to);
      expect(t!.outcome, t!.summary).toBe(c.outcome);
      if (c.status) expect(t!.status).toBe(c.status);
    });
  }

  it('SNATs external NodePort traffic with externalTrafficPolicy Cluster', () => {
    const [t] = run('external', '172.18.0.2:30080');
    expect(t!.hops.some((h) => h.kind === 'snat' && h.after?.srcIP === '172.18.0.2')).toBe(true);
  });

  it('keeps the client IP with externalTrafficPolicy Local', () => {
    const [t] = run('external', '172.18.0.2:30081');
    expect(t!.hops.some((h) => h.kind === 'snat')).toBe(false);
  });

  it('spreads requests over both pods and sticks with ClientIP affinity', () => {
    const spread = run('pod/default/client', 'http://web', 100);
    const counts = new Map<string, number>();
    for (const t of spread) counts.set(t.servedBy!, (counts.get(t.servedBy!) ?? 0) + 1);
    expect([...counts.values()].every((n) => n > 35)).toBe(true);
    const sticky = run('pod/default/client', 'http://sticky', 20);
    expect(new Set(sticky.map((t) => t.servedBy)).size).toBe(1);
  });

  it('sends the LoadBalancer only to nodes that pass the Local health check', () => {
    const traces = run('external', 'http://203.0.113.10', 20);
    expect(traces.every((t) => t.outcome === 'connected')).toBe(true);
  });

  it('answers wrong ClusterIP ports with a reset in ipvs mode', () => {
    const [t] = run('pod/default/client', 'svc/default/web:81', 1, { nodes: 3, kubeProxyMode: 'ipvs' });
    expect(t!.outcome).toBe('refused');
  });

  it('round-robins exactly in ipvs mode', () => {
    const traces = run('pod/default/client', 'svc/default/web:80', 4, { nodes: 3, kubeProxyMode: 'ipvs' });
    const names = traces.map((t) => t.servedBy);
    expect(names[0]).toBe(names[2]);
    expect(names[0]).not.toBe(names[1]);
  });
});
