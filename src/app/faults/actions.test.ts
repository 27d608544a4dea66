import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/cluster/build.ts';
import { DEFAULT_PLAYGROUND_YAML } from '../state/default-scenario.ts';
import { actionsFor } from './actions.ts';
import { addFault, describeFault, faultId, removeFault, type Fault } from './faults.ts';

const FILE = 'p.yaml';
const YAML = `${DEFAULT_PLAYGROUND_YAML}---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec: { containers: [{ name: a, image: busybox }] }
`;
const { cluster } = simulate({ manifests: [{ file: FILE, text: YAML }] });
const podId = (prefix: string) => {
  const p = cluster.pods.find((x) => x.name.startsWith(prefix))!;
  return `pod/${p.namespace}/${p.name}`;
};
const client = cluster.pods.find((p) => p.name === 'client')!;

describe('actionsFor', () => {
  const cases: Array<{ name: string; id: string; faults?: Fault[]; want: unknown }> = [
    { name: 'a bare Pod can be deleted or fail readiness', id: 'pod/default/client', want: { kind: 'bare-pod', pod: 'default/client', notReady: false, deleted: false } },
    { name: 'a bare Pod already not ready', id: 'pod/default/client', faults: [{ kind: 'pod-not-ready', pod: 'default/client' }], want: { kind: 'bare-pod', notReady: true, deleted: false } },
    { name: 'a deleted bare Pod can still be restored', id: 'pod/default/gone', faults: [{ kind: 'delete-pod', pod: 'default/gone' }], want: { kind: 'bare-pod', pod: 'default/gone', deleted: true } },
    { name: 'a Deployment replica is scaled through its Deployment', id: podId('web-'), want: { kind: 'replica', owner: { kind: 'Deployment', namespace: 'default', name: 'web' }, replicas: 2 } },
    { name: 'a DaemonSet pod says why it has no faults', id: podId('agent-'), want: { kind: 'other-pod', note: expect.stringContaining('DaemonSet') } },
    { name: 'a system pod is not the learner’s', id: podId('coredns-'), want: { kind: 'other-pod', note: expect.stringContaining('cluster itself') } },
    { name: 'a node evicts the bare Pods on it', id: `node/${client.nodeName}`, want: { kind: 'node', node: client.nodeName, drained: false, evicted: ['default/client'] } },
    { name: 'a Service has no faults', id: 'service/default/web', want: undefined },
    { name: 'an unknown node', id: 'node/node-9', want: undefined },
  ];
  it.each(cases)('$name', ({ id, faults, want }) => {
    const got = actionsFor(id, cluster, FILE, faults ?? []);
    if (want === undefined) expect(got).toBeUndefined();
    else expect(got).toMatchObject(want as object);
  });
});

describe('fault list', () => {
  it('keeps one fault per target, sorted, and removes by id', () => {
    let list: Fault[] = [];
    list = addFault(list, { kind: 'pod-not-ready', pod: 'default/b' });
    list = addFault(list, { kind: 'drain-node', node: 'node-1', evicted: [] });
    list = addFault(list, { kind: 'delete-pod', pod: 'default/b' });
    expect(list.map(faultId)).toEqual(['node/node-1', 'pod/default/b']);
    expect(list[1]?.kind).toBe('delete-pod');
    expect(removeFault(list, 'node/node-1').map(faultId)).toEqual(['pod/default/b']);
  });

  it.each<{ name: string; fault: Fault; command: string }>([
    { name: 'delete', fault: { kind: 'delete-pod', pod: 'shop/api' }, command: 'kubectl delete pod api -n shop' },
    { name: 'drain', fault: { kind: 'drain-node', node: 'node-2', evicted: ['default/client'] }, command: 'kubectl drain node-2 --ignore-daemonsets --force' },
  ])('says what $name does as a command', ({ fault, command }) => expect(describeFault(fault).command).toBe(command));
});
