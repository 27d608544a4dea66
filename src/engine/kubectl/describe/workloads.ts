// `kubectl describe deployment` (describeDeployment with DescribePodTemplate), and the generic
// describer kubectl falls back to for custom resources such as the Gateway API's.

import { rfc1123z } from '../format/time.ts';
import { selectorString } from '../format/selectors.ts';
import { fullObject } from '../objects/manifest.ts';
import { workloadStatus } from '../objects/status.ts';
import { createdAt, listObjects, type ApiObject, type ClusterView } from '../objects/view.ts';
import { resolveResourceType } from '../resources.ts';
import { finish, newWriter, write, writeAnnotations, writeEvents, writeLabels, type DescribeWriter } from './writer.ts';
import type { LabelSelector } from '../../types.ts';
import { list, record } from '../../json.ts';

function stringMap(value: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(record(value)).map(([k, v]) => [k, String(v)]));
}

function describePodTemplate(w: DescribeWriter, template: Record<string, unknown>): void {
  const meta = record(template.metadata);
  const spec = record(template.spec);
  write(w, 0, 'Pod Template:\n');
  writeLabels(w, '  Labels', stringMap(meta.labels));
  if (Object.keys(record(meta.annotations)).length) writeAnnotations(w, '  Annotations', stringMap(meta.annotations));
  const containers = list(spec.containers).map(record);
  write(w, 0, `  Containers:${containers.length ? '' : ' <none>'}\n`);
  for (const c of containers) {
    write(w, 1, ` ${String(c.name ?? '')}:\n`);
    write(w, 2, `Image:\t${String(c.image ?? '')}\n`);
    const ports = list(c.ports).map(record);
    const portText = ports.map((p) => `${String(p.containerPort)}/${String(p.protocol ?? 'TCP')}${p.name ? ` (${String(p.name)})` : ''}`).join(', ');
    write(w, 2, `${portText.includes(',') ? 'Ports' : 'Port'}:\t${portText || '<none>'}\n`);
    const hostText = ports.map((p) => `${String(p.hostPort ?? 0)}/${String(p.protocol ?? 'TCP')}${p.name ? ` (${String(p.name)})` : ''}`).join(', ');
    write(w, 2, `${hostText.includes(',') ? 'Host Ports' : 'Host Port'}:\t${hostText || '<none>'}\n`);
    for (const [key, label] of [['command', 'Command'], ['args', 'Args']] as const) {
      const parts = list(c[key]).map(String);
      if (!parts.length) continue;
      write(w, 2, `${label}:\n`);
      for (const part of parts) for (const line of part.split('\n')) write(w, 3, `${line}\n`);
    }
    const env = list(c.env).map(record);
    write(w, 2, `Environment:${env.length ? '' : '\t<none>'}\n`);
    for (const e of env) write(w, 3, `${String(e.name)}:\t${e.value !== undefined ? String(e.value) : '<set to the key in a reference>'}\n`);
    write(w, 2, 'Mounts:\t<none>\n');
  }
  write(w, 0, '  Volumes:\t<none>\n');
  writeLabels(w, '  Node-Selectors', stringMap(spec.nodeSelector));
  write(w, 0, '  Tolerations:\t<none>\n');
}

/** describeDeployment. */
export function describeDeployment(view: ClusterView, obj: ApiObject, withEvents: boolean): string {
  const spec = record(obj.raw?.spec);
  const s = workloadStatus(view, obj);
  const rs = listObjects(view, resolveResourceType('replicasets')!, obj.namespace).find((r) => r.ownerRef === obj.ref);
  const w = newWriter();
  write(w, 0, `Name:\t${obj.name}\n`);
  write(w, 0, `Namespace:\t${obj.namespace ?? 'default'}\n`);
  write(w, 0, `CreationTimestamp:\t${rfc1123z(createdAt(view, obj))}\n`);
  writeLabels(w, 'Labels', obj.labels);
  writeAnnotations(w, 'Annotations', { ...obj.annotations, 'deployment.kubernetes.io/revision': '1' });
  write(w, 0, `Selector:\t${selectorString(record(spec.selector) as LabelSelector)}\n`);
  write(w, 0, `Replicas:\t${s.desired} desired | ${s.updated} updated | ${s.current} total | ${s.available} available | ${Math.max(0, s.current - s.available)} unavailable\n`);
  const strategy = record(spec.strategy);
  const type = typeof strategy.type === 'string' ? strategy.type : 'RollingUpdate';
  write(w, 0, `StrategyType:\t${type}\n`);
  write(w, 0, `MinReadySeconds:\t${typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0}\n`);
  if (type === 'RollingUpdate') {
    const ru = record(strategy.rollingUpdate);
    write(w, 0, `RollingUpdateStrategy:\t${String(ru.maxUnavailable ?? '25%')} max unavailable, ${String(ru.maxSurge ?? '25%')} max surge\n`);
  }
  describePodTemplate(w, record(spec.template));
  const available = s.available >= s.desired;
  write(w, 0, 'Conditions:\n  Type\tStatus\tReason\n');
  write(w, 1, '----\t------\t------\n');
  write(w, 1, `Available \t${available ? 'True' : 'False'}\t${available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable'}\n`);
  write(w, 1, 'Progressing \tTrue\tNewReplicaSetAvailable\n');
  write(w, 0, 'OldReplicaSets:\t<none>\n');
  write(w, 0, `NewReplicaSet:\t${rs ? `${rs.name} (${s.current}/${s.desired} replicas created)` : '<none>'}\n`);
  const events = rs && s.desired > 0 ? [{ type: 'Normal' as const, reason: 'ScalingReplicaSet', at: createdAt(view, obj), from: 'deployment-controller', message: `Scaled up replica set ${rs.name} from 0 to ${s.desired}` }] : [];
  writeEvents(w, withEvents ? events : undefined, view.clock);
  return finish(w);
}

/** smartLabelFor: `gatewayClassName` -> `Gateway Class Name`, acronyms kept. */
export function smartLabel(field: string): string {
  if (/[^A-Za-z-]/.test(field)) return field;
  const parts = field.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[A-Z]+|-/g) ?? [field];
  const merged: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (part.length >= 2 && part === part.toUpperCase() && next && /^[A-Z]/.test(next)) {
      merged.push(part + next);
      i++;
    } else merged.push(part);
  }
  return merged
    .map((p) => (['API', 'URL', 'UID', 'GUID'].includes(p.toUpperCase()) ? p.toUpperCase() : p === p.toLowerCase() ? p.charAt(0).toUpperCase() + p.slice(1) : p))
    .join(' ');
}

function printUnstructured(w: DescribeWriter, level: number, content: Record<string, unknown>, prefix: string, skip: string[]): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (skip.includes(path)) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      write(w, level, `${smartLabel(field)}:\n`);
      printUnstructured(w, level + 1, value as Record<string, unknown>, path, skip);
    } else if (Array.isArray(value)) {
      write(w, level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) printUnstructured(w, level + 1, child as Record<string, unknown>, path, skip);
        else write(w, level + 1, `${goValue(child)}\n`);
      }
    } else write(w, level, `${smartLabel(field)}:\t${goValue(value)}\n`);
  }
}

// %v of a JSON value in Go: numbers without quotes, nil as <nil>.
function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (typeof v === 'object') return `map[${Object.keys(v).sort().map((k) => `${k}:${goValue((v as Record<string, unknown>)[k])}`).join(' ')}]`;
  return String(v);
}

/** The generic describer: Name, Namespace, Labels, Annotations, then every field of the object. */
export function describeGeneric(view: ClusterView, obj: ApiObject, withEvents: boolean): string {
  const full = fullObject(view, obj);
  const w = newWriter();
  write(w, 0, `Name:\t${obj.name}\n`);
  write(w, 0, `Namespace:\t${obj.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', obj.labels);
  writeAnnotations(w, 'Annotations', obj.annotations);
  printUnstructured(w, 0, full, '', ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);
  writeEvents(w, withEvents ? [] : undefined, view.clock);
  return finish(w);
}
