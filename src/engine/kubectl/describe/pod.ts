// `kubectl describe pod`, laid out as describePod in k8s.io/kubectl/pkg/describe prints it,
// with the events the scheduler and kubelet would have recorded.

import { rfc1123z } from '../format/time.ts';
import { apiAccessVolumeName } from '../objects/meta.ts';
import { containerID, imageID, writtenPodSpec } from '../objects/pod-manifest.ts';
import { createdAt, type ApiObject, type ClusterView } from '../objects/view.ts';
import { finish, newWriter, write, writeAnnotations, writeEvents, writeLabels, type DescribeEvent, type DescribeWriter } from './writer.ts';
import { list, record } from '../../json.ts';

/** The events of a pod: scheduling, image pull and start, or why it is not ready. */
export function podEvents(view: ClusterView, obj: ApiObject): DescribeEvent[] {
  const pod = obj.pod!;
  const t = createdAt(view, obj);
  if (!pod.nodeName) {
    const n = view.cluster.nodes.length;
    const cordoned = view.cluster.nodes.filter((x) => x.unschedulable).length;
    const why = cordoned ? `${cordoned} node(s) were unschedulable` : `${n} node(s) didn't match Pod's node affinity/selector`;
    return [{ type: 'Warning', reason: 'FailedScheduling', at: t, from: 'default-scheduler', message: `0/${n} nodes are available: ${why}. preemption: 0/${n} nodes are available: ${n} Preemption is not helpful for scheduling.` }];
  }
  const events: DescribeEvent[] = [{ type: 'Normal', reason: 'Scheduled', at: t, from: 'default-scheduler', message: `Successfully assigned ${pod.namespace}/${pod.name} to ${pod.nodeName}` }];
  if (pod.phase === 'Pending') return events;
  for (const c of pod.containers) {
    events.push({ type: 'Normal', reason: 'Pulled', at: t, from: 'kubelet', message: `Container image "${c.image}" already present on machine and can be accessed by the pod` });
    events.push({ type: 'Normal', reason: 'Created', at: t, from: 'kubelet', message: `Created container: ${c.name}` });
    events.push({ type: 'Normal', reason: 'Started', at: t, from: 'kubelet', message: `Started container ${c.name}` });
  }
  if (pod.phase === 'Running' && !pod.readyCondition) {
    const probe = list(writtenPodSpec(view, pod).containers).map((c) => record(record(c).readinessProbe)).find((p) => Object.keys(p).length > 0);
    const http = record(probe?.httpGet);
    const message = probe && http.port !== undefined ? `Readiness probe failed: HTTP probe failed with statuscode: 503` : 'Readiness probe failed: command exited with a non-zero status';
    events.push({ type: 'Warning', reason: 'Unhealthy', at: t, from: 'kubelet', message, count: Math.max(2, Math.floor((view.clock - t) / 10)) });
  }
  if (pod.terminating) events.push({ type: 'Normal', reason: 'Killing', at: view.clock, from: 'kubelet', message: `Stopping container ${pod.containers[0]?.name ?? ''}` });
  return events;
}

function describeContainers(w: DescribeWriter, view: ClusterView, obj: ApiObject): void {
  const pod = obj.pod!;
  const written = list(writtenPodSpec(view, pod).containers).map(record);
  const started = rfc1123z(createdAt(view, obj));
  write(w, 0, `Containers:${pod.containers.length ? '' : ' <none>'}\n`);
  for (const c of pod.containers) {
    const raw = written.find((x) => x.name === c.name) ?? {};
    write(w, 1, `${c.name}:\n`);
    if (pod.nodeName) write(w, 2, `Container ID:\t${pod.phase === 'Pending' ? '' : containerID(pod, c.name)}\n`);
    write(w, 2, `Image:\t${c.image}\n`);
    if (pod.nodeName) write(w, 2, `Image ID:\t${pod.phase === 'Pending' ? '' : imageID(c.image)}\n`);
    const ports = c.ports.map((p) => `${p.containerPort}/${p.protocol}${p.name ? ` (${p.name})` : ''}`).join(', ');
    write(w, 2, `${ports.includes(',') ? 'Ports' : 'Port'}:\t${ports || '<none>'}\n`);
    const hostPorts = c.ports.map((p) => `${p.hostPort ?? 0}/${p.protocol}${p.name ? ` (${p.name})` : ''}`).join(', ');
    write(w, 2, `${hostPorts.includes(',') ? 'Host Ports' : 'Host Port'}:\t${hostPorts || '<none>'}\n`);
    const command = list(raw.command).map(String);
    const args = list(raw.args).map(String);
    if (command.length) {
      write(w, 2, 'Command:\n');
      for (const part of command) for (const line of part.split('\n')) write(w, 3, `${line}\n`);
    }
    if (args.length) {
      write(w, 2, 'Args:\n');
      for (const part of args) for (const line of part.split('\n')) write(w, 3, `${line}\n`);
    }
    if (pod.nodeName) {
      if (pod.phase === 'Running') {
        write(w, 2, 'State:\tRunning\n');
        write(w, 3, `Started:\t${started}\n`);
      } else if (pod.phase === 'Succeeded' || pod.phase === 'Failed') {
        write(w, 2, 'State:\tTerminated\n');
        write(w, 3, `Reason:\t${pod.phase === 'Succeeded' ? 'Completed' : 'Error'}\n`);
        write(w, 3, `Exit Code:\t${pod.phase === 'Succeeded' ? 0 : 1}\n`);
        write(w, 3, `Started:\t${started}\n`);
        write(w, 3, `Finished:\t${started}\n`);
      } else {
        write(w, 2, 'State:\tWaiting\n');
        write(w, 3, 'Reason:\tContainerCreating\n');
      }
      write(w, 2, `Ready:\t${pod.phase === 'Running' && pod.readyCondition ? 'True' : 'False'}\n`);
      write(w, 2, 'Restart Count:\t0\n');
    }
    const readiness = record(raw.readinessProbe);
    if (Object.keys(readiness).length) write(w, 2, `Readiness:\t${describeProbe(readiness)}\n`);
    const env = list(raw.env).map(record);
    write(w, 2, `Environment:${env.length ? '' : '\t<none>'}\n`);
    for (const e of env) write(w, 3, `${String(e.name)}:\t${e.value !== undefined ? String(e.value) : '<set to the key in a reference>'}\n`);
    write(w, 2, 'Mounts:\n');
    write(w, 3, `/var/run/secrets/kubernetes.io/serviceaccount from ${apiAccessVolumeName(obj.ref)} (ro)\n`);
  }
}

/** DescribeProbe: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
function describeProbe(probe: Record<string, unknown>): string {
  const num = (k: string, d: number) => (typeof probe[k] === 'number' ? (probe[k] as number) : d);
  const attrs = `delay=${num('initialDelaySeconds', 0)}s timeout=${num('timeoutSeconds', 1)}s period=${num('periodSeconds', 10)}s #success=${num('successThreshold', 1)} #failure=${num('failureThreshold', 3)}`;
  const http = record(probe.httpGet);
  if (Object.keys(http).length) return `http-get ${String(http.scheme ?? 'HTTP').toLowerCase()}://${String(http.host ?? '')}:${String(http.port ?? '')}${String(http.path ?? '')} ${attrs}`;
  const tcp = record(probe.tcpSocket);
  if (Object.keys(tcp).length) return `tcp-socket :${String(tcp.port ?? '')} ${attrs}`;
  const exec = record(probe.exec);
  if (Object.keys(exec).length) return `exec [${list(exec.command).map(String).join(' ')}] ${attrs}`;
  return `unknown ${attrs}`;
}

/** describePod. */
export function describePod(view: ClusterView, obj: ApiObject, withEvents: boolean): string {
  const pod = obj.pod!;
  const w = newWriter();
  const ready = pod.phase === 'Running' && pod.readyCondition ? 'True' : 'False';
  write(w, 0, `Name:\t${pod.name}\n`);
  write(w, 0, `Namespace:\t${pod.namespace}\n`);
  write(w, 0, 'Priority:\t0\n');
  write(w, 0, 'Service Account:\tdefault\n');
  write(w, 0, pod.nodeName ? `Node:\t${pod.nodeName}/${pod.hostIP}\n` : 'Node:\t<none>\n');
  if (pod.nodeName) write(w, 0, `Start Time:\t${rfc1123z(createdAt(view, obj))}\n`);
  writeLabels(w, 'Labels', pod.labels);
  writeAnnotations(w, 'Annotations', pod.annotations);
  if (pod.terminating && pod.phase !== 'Succeeded' && pod.phase !== 'Failed') {
    write(w, 0, 'Status:\tTerminating (lasts 0s)\n');
    write(w, 0, 'Termination Grace Period:\t30s\n');
  } else write(w, 0, `Status:\t${pod.phase}\n`);
  write(w, 0, `IP:\t${pod.podIP}\n`);
  if (pod.podIP) {
    write(w, 0, 'IPs:\n');
    write(w, 1, `IP:\t${pod.podIP}\n`);
  } else write(w, 0, 'IPs:\t<none>\n');
  if (pod.owner) write(w, 0, `Controlled By:\t${pod.owner.kind}/${pod.owner.name}\n`);
  describeContainers(w, view, obj);
  const scheduled = pod.nodeName ? 'True' : 'False';
  const running = pod.phase === 'Running' ? 'True' : 'False';
  write(w, 0, 'Conditions:\n  Type\tStatus\n');
  const conditions: Array<[string, string]> = pod.nodeName
    ? [['PodReadyToStartContainers', running], ['Initialized', 'True'], ['Ready', ready], ['ContainersReady', ready], ['PodScheduled', scheduled]]
    : [['PodScheduled', 'False']];
  for (const [type, status] of conditions) write(w, 1, `${type} \t${status} \n`);
  const volume = apiAccessVolumeName(obj.ref);
  write(w, 0, 'Volumes:\n');
  write(w, 1, `${volume}:\n`);
  write(w, 2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  write(w, 2, 'TokenExpirationSeconds:\t3607\n');
  write(w, 2, 'ConfigMapName:\tkube-root-ca.crt\n    Optional:\tfalse\n');
  write(w, 2, 'DownwardAPI:\ttrue\n');
  write(w, 0, 'QoS Class:\tBestEffort\n');
  const nodeSelector = record(writtenPodSpec(view, pod).nodeSelector) as Record<string, string>;
  writeLabels(w, 'Node-Selectors', Object.fromEntries(Object.entries(nodeSelector).map(([k, v]) => [k, String(v)])));
  write(w, 0, 'Tolerations:\tnode.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n');
  write(w, 0, '\tnode.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n');
  writeEvents(w, withEvents ? podEvents(view, obj) : undefined, view.clock);
  return finish(w);
}
