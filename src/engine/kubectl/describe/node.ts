// `kubectl describe node`, as describeNode lays it out; resource figures are those of a kind
// node (the simulation has no CPU or memory) and every pod requests nothing.

import { fnv1a } from '../../hash.ts';
import { rfc1123z } from '../format/time.ts';
import { CONTAINER_RUNTIME, KERNEL_VERSION, KUBELET_VERSION, OS_IMAGE, nodeRoles } from '../get/print-core.ts';
import { ageOf } from '../get/printer.ts';
import { createdAt, listObjects, type ApiObject, type ClusterView } from '../objects/view.ts';
import { resolveResourceType } from '../resources.ts';
import { finish, newWriter, write, writeAnnotations, writeEvents, writeLabels } from './writer.ts';

const hex = (seed: string, n: number) => [0, 1, 2, 3].map((i) => fnv1a(`${i}${seed}`).toString(16).padStart(8, '0')).join('').slice(0, n);

/** describeNode. */
export function describeNode(view: ClusterView, obj: ApiObject, withEvents: boolean): string {
  const node = obj.node!;
  const created = rfc1123z(createdAt(view, obj));
  const now = rfc1123z(view.clock);
  const w = newWriter();
  write(w, 0, `Name:\t${node.name}\n`);
  write(w, 0, `Roles:\t${nodeRoles(node.labels)}\n`);
  writeLabels(w, 'Labels', node.labels);
  writeAnnotations(w, 'Annotations', { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' });
  write(w, 0, `CreationTimestamp:\t${created}\n`);
  write(w, 0, `Taints:\t${node.unschedulable ? 'node.kubernetes.io/unschedulable:NoSchedule' : '<none>'}\n`);
  write(w, 0, `Unschedulable:\t${node.unschedulable}\n`);
  write(w, 0, 'Lease:\n');
  write(w, 1, `HolderIdentity:\t${node.name}\n`);
  write(w, 1, 'AcquireTime:\t<unset>\n');
  write(w, 1, `RenewTime:\t${now}\n`);
  write(w, 0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
  write(w, 1, '----\t------\t-----------------\t------------------\t------\t-------\n');
  const conditions: Array<[string, string, string, string]> = [
    ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
    ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
    ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
    node.ready ? ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'] : ['Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.'],
  ];
  for (const [type, status, reason, message] of conditions) write(w, 1, `${type} \t${status} \t${now} \t${created} \t${reason} \t${message}\n`);
  write(w, 0, 'Addresses:\n');
  write(w, 1, `InternalIP:\t${node.internalIP}\n`);
  write(w, 1, `Hostname:\t${node.name}\n`);
  const resources = ['  cpu:\t8\n', '  ephemeral-storage:\t102625208Ki\n', '  hugepages-1Gi:\t0\n', '  hugepages-2Mi:\t0\n', '  memory:\t16365164Ki\n', '  pods:\t110\n'];
  write(w, 0, 'Capacity:\n');
  for (const r of resources) write(w, 0, r);
  write(w, 0, 'Allocatable:\n');
  for (const r of resources) write(w, 0, r);
  write(w, 0, 'System Info:\n');
  write(w, 0, `  Machine ID:\t${hex(`machine${node.name}`, 32)}\n`);
  write(w, 0, `  System UUID:\t${hex(`uuid${node.name}`, 8)}-${hex(`uuid2${node.name}`, 4)}-${hex(`uuid3${node.name}`, 4)}-${hex(`uuid4${node.name}`, 4)}-${hex(`uuid5${node.name}`, 12)}\n`);
  write(w, 0, `  Boot ID:\t${hex(`boot${node.name}`, 8)}-${hex(`boot2${node.name}`, 4)}-${hex(`boot3${node.name}`, 4)}-${hex(`boot4${node.name}`, 4)}-${hex(`boot5${node.name}`, 12)}\n`);
  write(w, 0, `  Kernel Version:\t${KERNEL_VERSION}\n`);
  write(w, 0, `  OS Image:\t${OS_IMAGE}\n`);
  write(w, 0, '  Operating System:\tlinux\n');
  write(w, 0, '  Architecture:\tamd64\n');
  write(w, 0, `  Container Runtime Version:\t${CONTAINER_RUNTIME}\n`);
  write(w, 0, `  Kubelet Version:\t${KUBELET_VERSION}\n`);
  write(w, 0, `PodCIDR:\t${node.podCIDR}\n`);
  write(w, 0, `PodCIDRs:\t${node.podCIDR}\n`);
  write(w, 0, `ProviderID:\tkind://docker/kind/${node.name}\n`);
  const pods = listObjects(view, resolveResourceType('pods')!, undefined).filter((p) => p.pod!.nodeName === node.name && p.pod!.phase !== 'Succeeded' && p.pod!.phase !== 'Failed');
  write(w, 0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  write(w, 1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  write(w, 1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  for (const p of pods) write(w, 1, `${p.namespace}\t${p.name}\t\t0 (0%)\t0 (0%)\t0 (0%)\t0 (0%)\t${ageOf(view, p)}\n`);
  write(w, 0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  write(w, 1, 'Resource\tRequests\tLimits\n');
  write(w, 1, '--------\t--------\t------\n');
  for (const r of ['cpu', 'memory', 'ephemeral-storage', 'hugepages-1Gi', 'hugepages-2Mi']) write(w, 1, `${r}\t0 (0%)\t0 (0%)\n`);
  const events = node.unschedulable ? [{ type: 'Normal' as const, reason: 'NodeNotSchedulable', at: view.clock, from: 'kubelet', message: `Node ${node.name} status is now: NodeNotSchedulable` }] : [];
  writeEvents(w, withEvents ? events : undefined, view.clock);
  return finish(w);
}
