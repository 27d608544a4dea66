// Objects kubectl generates: `create deployment|service|namespace`, `expose` and `run`. Each
// is written into the editor as the YAML `kubectl ... --dry-run=client -o yaml` would print,
// after the simulated API server has admitted it.

import { replaceManifests, stderr, stdout, type CommandContext } from '../context.ts';
import { unknownCommand, usageError, withNewline } from '../errors.ts';
import { list, str, type ParsedFlags } from '../flags.ts';
import { toYaml } from '../get/output.ts';
import { listObjects, type ApiObject } from '../objects/view.ts';
import { kindString, qualifiedResource, resolveResourceType, resourceTypeOfKind } from '../resources.ts';
import type { ManifestObject } from '../../types.ts';
import { admitsCandidate } from './admission-check.ts';
import { appendDocument } from './documents.ts';
import { runApplyFiles } from './apply.ts';
import { namespaceOf } from './targets.ts';
import { record } from '../../json.ts';

function list2(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The container name `kubectl create deployment` derives from an image. */
export function containerNameOf(image: string): string {
  let name = image.split('/').pop() ?? image;
  name = name.split('@')[0]!.split(':')[0]!;
  return name.replace(/_/g, '-').toLowerCase() || 'container';
}

/** Writes a generated object into the editor (unless it exists or the API server refuses it). */
export function createObject(ctx: CommandContext, manifest: ManifestObject, flags: ParsedFlags, verb = 'created', existsPrefix = ''): boolean {
  const type = resourceTypeOfKind(manifest.kind)!;
  const name = String(manifest.metadata.name);
  const namespace = type.namespaced ? String(manifest.metadata.namespace ?? 'default') : undefined;
  if (namespace && !ctx.view.cluster.namespaces.some((n) => n.name === namespace)) {
    stderr(ctx, `Error from server (NotFound): namespaces "${namespace}" not found\n`);
    return false;
  }
  if (listObjects(ctx.view, type, namespace).some((o) => o.name === name)) {
    stderr(ctx, `${existsPrefix ? `error: ${existsPrefix}` : 'Error from server (AlreadyExists): '}${qualifiedResource(type)} "${name}" already exists\n`);
    return false;
  }
  const output = str(flags, 'output');
  const dry = str(flags, 'dry-run');
  if (output === 'yaml' && (dry === 'client' || dry === 'server')) {
    stdout(ctx, toYaml(manifest));
    return true;
  }
  const text = appendDocument(ctx.session.manifests.text, toYaml(manifest));
  const verdict = admitsCandidate(ctx, text, manifest.kind, namespace, name);
  if (verdict !== true) {
    stderr(ctx, `${verdict}\n`);
    return false;
  }
  if (dry !== 'client' && dry !== 'server') replaceManifests(ctx, text);
  const dryText = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  stdout(ctx, output === 'name' ? `${kindString(type)}/${name}\n` : `${kindString(type)}/${name} ${verb}${dryText}\n`);
  return true;
}

function meta(name: string, namespace: string, labels?: Record<string, string>): ManifestObject['metadata'] {
  return { name, ...(namespace !== 'default' ? { namespace } : {}), ...(labels ? { labels } : {}) };
}

const CREATE_SUBCOMMANDS = ['clusterrole', 'clusterrolebinding', 'configmap', 'cronjob', 'deployment', 'ingress', 'job', 'namespace', 'poddisruptionbudget', 'priorityclass', 'quota', 'role', 'rolebinding', 'secret', 'service', 'serviceaccount', 'token'];
const SERVICE_TYPES: Record<string, string> = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', externalname: 'ExternalName' };

/** Runs `kubectl create`. */
export function runCreate(ctx: CommandContext, flags: ParsedFlags): number {
  if (list(flags, 'filename').length) return runApplyFiles(ctx, flags, true);
  const [sub, ...args] = flags.args;
  const namespace = namespaceOf(ctx, flags);
  if (!sub) {
    stderr(ctx, `${usageError('must specify one of -f and -k', 'kubectl create')}\n`);
    return 1;
  }
  const sub2 = { deploy: 'deployment', svc: 'service', ns: 'namespace', cm: 'configmap', sa: 'serviceaccount' }[sub] ?? sub;
  if (!CREATE_SUBCOMMANDS.includes(sub2)) {
    stderr(ctx, withNewline(unknownCommand(sub, 'kubectl create', CREATE_SUBCOMMANDS.map((name) => ({ name })))));
    return 1;
  }
  const path = `kubectl create ${sub2}`;
  if (sub2 === 'namespace') {
    if (args.length !== 1) {
      stderr(ctx, `${usageError(`exactly one NAME is required, got ${args.length}`, path)}\n`);
      return 1;
    }
    return createObject(ctx, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: args[0]! } }, flags) ? 0 : 1;
  }
  if (sub2 === 'deployment') {
    const dash = flags.argsLenAtDash;
    const names = dash === -1 ? args : flags.args.slice(1, dash);
    const command = dash === -1 ? [] : flags.args.slice(dash);
    if (names.length !== 1) {
      stderr(ctx, `${usageError(`exactly one NAME is required, got ${names.length}`, path)}\n`);
      return 1;
    }
    const images = list(flags, 'image');
    if (images.length === 0) {
      stderr(ctx, 'error: required flag(s) "image" not set\n');
      return 1;
    }
    if (images.length > 1 && command.length) {
      stderr(ctx, 'error: cannot specify multiple --image options and command\n');
      return 1;
    }
    const name = names[0]!;
    const labels = { app: name };
    const port = flags.values.port;
    const containers = images.map((image) => ({
      image,
      name: containerNameOf(image),
      ...(command.length ? { command } : {}),
      ...(typeof port === 'number' && port > 0 ? { ports: [{ containerPort: port }] } : {}),
    }));
    const replicas = typeof flags.values.replicas === 'number' ? flags.values.replicas : 1;
    const manifest: ManifestObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta(name, namespace, labels), spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers } } } };
    return createObject(ctx, manifest, flags, 'created', 'failed to create deployment: ') ? 0 : 1;
  }
  if (sub2 === 'service') {
    const [kind, name, ...extra] = args;
    const type = kind ? SERVICE_TYPES[kind] : undefined;
    if (!type) {
      stderr(ctx, kind ? `${unknownCommand(kind, path, Object.keys(SERVICE_TYPES).map((n) => ({ name: n })))}\n` : 'Create a service using a specified subcommand.\n\nAvailable Commands:\n  clusterip       Create a ClusterIP service\n  externalname    Create an ExternalName service\n  loadbalancer    Create a LoadBalancer service\n  nodeport        Create a NodePort service\n');
      return kind ? 1 : 0;
    }
    if (!name || extra.length) {
      stderr(ctx, `${usageError(`exactly one NAME is required, got ${name ? 1 + extra.length : 0}`, `${path} ${kind}`)}\n`);
      return 1;
    }
    const tcp = list(flags, 'tcp').flatMap((t) => t.split(','));
    const clusterIP = str(flags, 'clusterip');
    if (clusterIP === 'None' && type !== 'ClusterIP') {
      stderr(ctx, 'error: ClusterIP=None can only be used with ClusterIP service type\n');
      return 1;
    }
    if (type !== 'ExternalName' && tcp.length === 0 && clusterIP !== 'None') {
      stderr(ctx, 'error: at least one tcp port specifier must be provided\n');
      return 1;
    }
    const nodePort = Number(str(flags, 'node-port') || 0);
    const ports = tcp.map((t) => {
      const [p, tp] = t.split(':');
      return { name: `${p}-${tp ?? p}`, ...(nodePort && type === 'NodePort' ? { nodePort } : {}), port: Number(p), protocol: 'TCP', targetPort: /^\d+$/.test(tp ?? p ?? '') ? Number(tp ?? p) : (tp ?? p) };
    });
    const spec: Record<string, unknown> = type === 'ExternalName' ? { externalName: str(flags, 'external-name'), type } : { ports, selector: { app: name }, type, ...(clusterIP ? { clusterIP } : {}) };
    if (type === 'ExternalName' && !str(flags, 'external-name')) {
      stderr(ctx, 'error: required flag(s) "external-name" not set\n');
      return 1;
    }
    return createObject(ctx, { apiVersion: 'v1', kind: 'Service', metadata: meta(name, namespace, { app: name }), spec }, flags, 'created', `failed to create ${type} service: `) ? 0 : 1;
  }
  stderr(ctx, `error: kubectl create ${sub2} is not simulated in NetLab: write the object in the editor instead\n`);
  return 1;
}

/** Selector, ports and labels of an object `kubectl expose` can expose. */
function introspect(obj: ApiObject): { selector?: Record<string, string>; ports: Array<{ port: number; protocol: string; name?: string }>; labels: Record<string, string> } | { error: string } {
  if (obj.pod) return { selector: obj.pod.labels, ports: obj.pod.containers.flatMap((c) => c.ports.map((p) => ({ port: p.containerPort, protocol: p.protocol, ...(p.name ? { name: p.name } : {}) }))), labels: obj.labels };
  if (obj.service) return { ...(obj.service.selector ? { selector: obj.service.selector } : {}), ports: obj.service.ports.map((p) => ({ port: p.port, protocol: p.protocol, ...(p.name ? { name: p.name } : {}) })), labels: obj.labels };
  const spec = record((obj.deployment ?? obj.raw)?.spec);
  const selector = record(spec.selector);
  if (list2(selector.matchExpressions).length) return { error: `couldn't retrieve selectors via --selector flag or introspection: the ${obj.type.kind} has a selector with matchExpressions, which a Service cannot express` };
  const containers = list2(record(record(spec.template).spec).containers).map(record);
  const ports = containers.flatMap((c) => list2(c.ports).map(record).map((p) => ({ port: Number(p.containerPort), protocol: String(p.protocol ?? 'TCP'), ...(typeof p.name === 'string' ? { name: p.name } : {}) })));
  const matchLabels = Object.fromEntries(Object.entries(record(selector.matchLabels)).map(([k, v]) => [k, String(v)]));
  return { ...(Object.keys(matchLabels).length ? { selector: matchLabels } : {}), ports, labels: obj.labels };
}

const EXPOSABLE = new Set(['pods', 'services', 'deployments', 'replicasets', 'replicationcontrollers', 'statefulsets']);

/** Runs `kubectl expose`. */
export function runExpose(ctx: CommandContext, flags: ParsedFlags): number {
  const namespace = namespaceOf(ctx, flags);
  const args = flags.args;
  let typeName: string | undefined;
  let name: string | undefined;
  if (args.length === 1 && args[0]!.includes('/')) [typeName, name] = args[0]!.split('/');
  else [typeName, name] = args;
  if (!typeName || !name) {
    stderr(ctx, "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
    return 1;
  }
  const type = resolveResourceType(typeName);
  if (!type) {
    stderr(ctx, `error: the server doesn't have a resource type "${typeName}"\n`);
    return 1;
  }
  const obj = listObjects(ctx.view, type, namespace).find((o) => o.name === name);
  if (!obj) {
    stderr(ctx, `Error from server (NotFound): ${qualifiedResource(type)} "${name}" not found\n`);
    return 1;
  }
  if (!EXPOSABLE.has(type.resource)) {
    stderr(ctx, `error: cannot expose a ${type.kind}\n`);
    return 1;
  }
  const found = introspect(obj);
  if ('error' in found) {
    stderr(ctx, `error: ${found.error}\n`);
    return 1;
  }
  const selectorText = str(flags, 'selector');
  const selector = selectorText ? Object.fromEntries(selectorText.split(',').map((p) => p.split('=') as [string, string])) : found.selector;
  if (!selector || Object.keys(selector).length === 0) {
    stderr(ctx, `error: couldn't retrieve selectors via --selector flag or introspection: the ${type.kind} has no selector\n`);
    return 1;
  }
  const portFlag = str(flags, 'port');
  const protocol = str(flags, 'protocol');
  const target = str(flags, 'target-port');
  let ports: Array<Record<string, unknown>>;
  if (portFlag) {
    ports = portFlag.split(',').map((p, i, all) => ({ ...(all.length > 1 ? { name: `port-${i + 1}` } : {}), port: Number(p), protocol: protocol || found.ports[0]?.protocol || 'TCP', targetPort: target ? (/^\d+$/.test(target) ? Number(target) : target) : Number(p) }));
  } else {
    if (found.ports.length === 0) {
      stderr(ctx, "error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n");
      return 1;
    }
    ports = found.ports.map((p, i) => ({ ...(found.ports.length > 1 ? { name: p.name ?? `port-${i + 1}` } : {}), port: p.port, protocol: protocol || p.protocol, targetPort: target ? (/^\d+$/.test(target) ? Number(target) : target) : p.port }));
  }
  const labelsText = str(flags, 'labels');
  const labels = labelsText ? Object.fromEntries(labelsText.split(',').map((p) => p.split('=') as [string, string])) : found.labels;
  const spec: Record<string, unknown> = { ports, selector, ...(str(flags, 'type') ? { type: str(flags, 'type') } : {}) };
  if (str(flags, 'external-ip')) spec.externalIPs = str(flags, 'external-ip').split(',');
  if (str(flags, 'cluster-ip')) spec.clusterIP = str(flags, 'cluster-ip');
  if (str(flags, 'session-affinity')) spec.sessionAffinity = str(flags, 'session-affinity');
  const svcName = str(flags, 'name') || name;
  const manifest: ManifestObject = { apiVersion: 'v1', kind: 'Service', metadata: meta(svcName, namespace, Object.keys(labels).length ? labels : undefined), spec };
  return createObject(ctx, manifest, flags, 'exposed') ? 0 : 1;
}
