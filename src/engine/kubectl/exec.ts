// `kubectl exec`, `kubectl run` and `kubectl logs`: commands run inside a pod (or a shell opened
// in it), pods created to run one, and the log lines of pods that served the terminal's requests.

import { replaceManifests, simulateSession, stderr, stdout, type CommandContext } from './context.ts';
import { usageError } from './errors.ts';
import { bool, list, str, type ParsedFlags } from './flags.ts';
import { toYaml } from './get/output.ts';
import { listObjects, type ApiObject } from './objects/view.ts';
import { resolveResourceType } from './resources.ts';
import { createObject } from './mutate/create.ts';
import { appendDocument } from './mutate/documents.ts';
import { isShell, imageProfile, shellPrompt } from './shell/images.ts';
import { podSource, type ShellSource } from './shell/source.ts';
import type { ManifestObject, Pod } from '../types.ts';

/** Runs a command line (or argv) in a source; supplied by the runner to avoid an import cycle. */
export type RunInSource = (ctx: CommandContext, src: ShellSource, command: string | string[]) => number;

/** Images whose default command is a shell (kubectl run -it IMAGE opens it). */
const SHELL_IMAGES = ['busybox', 'alpine', 'nicolaka/netshoot', 'netshoot', 'ubuntu', 'debian', 'fedora', 'centos', 'praqma/network-multitool', 'wbitt/network-multitool'];

function ociError(program: string): string {
  return `error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "4c1e3f5b9d2a": OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown\n`;
}

/** The pod `kubectl exec|logs TARGET` means: a pod, or the first pod of a workload or Service. */
function findPod(ctx: CommandContext, target: string, namespace: string): { pod: Pod } | { error: string } {
  const podType = resolveResourceType('pods')!;
  const pods = listObjects(ctx.view, podType, namespace);
  const slash = target.indexOf('/');
  if (slash === -1) {
    const obj = pods.find((p) => p.name === target);
    return obj ? { pod: obj.pod! } : { error: `Error from server (NotFound): pods "${target}" not found` };
  }
  const type = resolveResourceType(target.slice(0, slash));
  const name = target.slice(slash + 1);
  if (!type) return { error: `error: the server doesn't have a resource type "${target.slice(0, slash)}"` };
  const obj = listObjects(ctx.view, type, namespace).find((o) => o.name === name);
  if (!obj) return { error: `Error from server (NotFound): ${type.group ? `${type.resource}.${type.group}` : type.resource} "${name}" not found` };
  if (obj.pod) return { pod: obj.pod };
  const candidates: ApiObject[] = obj.service?.selector
    ? pods.filter((p) => Object.entries(obj.service!.selector!).every(([k, v]) => p.labels[k] === v))
    : pods.filter((p) => p.pod!.createdBy === obj.ref || p.pod!.createdBy === obj.ownerRef);
  const running = candidates.filter((p) => p.pod!.phase === 'Running');
  const pick = (running.length ? running : candidates)[0];
  // kubectl waits for a pod to appear, and gives up.
  if (!pick) return { error: 'error: timed out waiting for the condition' };
  return { pod: pick.pod! };
}

function chooseContainer(ctx: CommandContext, pod: Pod, requested: string, quiet: boolean): string | undefined {
  if (requested) {
    if (!pod.containers.some((c) => c.name === requested)) {
      stderr(ctx, `error: container ${requested} is not valid for pod ${pod.name} out of: ${pod.containers.map((c) => c.name).join(', ')}\n`);
      return undefined;
    }
    return requested;
  }
  const first = pod.containers[0]?.name ?? '';
  if (pod.containers.length > 1 && !quiet) stderr(ctx, `Defaulted container "${first}" out of: ${pod.containers.map((c) => c.name).join(', ')}\n`);
  return first;
}

/** Runs `kubectl exec`. */
export function runExec(ctx: CommandContext, flags: ParsedFlags, runIn: RunInSource): number {
  const dash = flags.argsLenAtDash;
  const before = dash === -1 ? flags.args : flags.args.slice(0, dash);
  const command = dash === -1 ? flags.args.slice(1) : flags.args.slice(dash);
  if (before.length === 0) {
    stderr(ctx, `${usageError('pod, type/name or --filename must be specified', 'kubectl exec')}\n`);
    return 1;
  }
  if (dash === -1 && flags.args.length > 1) {
    stderr(ctx, `${usageError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead', 'kubectl exec')}\n`);
    return 1;
  }
  if (command.length === 0) {
    stderr(ctx, 'error: you must specify at least one command for the container\n');
    return 1;
  }
  const found = findPod(ctx, before[0]!, str(flags, 'namespace') || ctx.session.namespace);
  if ('error' in found) {
    stderr(ctx, `${found.error}\n`);
    return 1;
  }
  const pod = found.pod;
  if (pod.phase === 'Succeeded' || pod.phase === 'Failed') {
    stderr(ctx, `error: cannot exec into a container in a completed pod; current phase is ${pod.phase}\n`);
    return 1;
  }
  const container = chooseContainer(ctx, pod, str(flags, 'container'), bool(flags, 'quiet'));
  if (container === undefined) return 1;
  if (pod.phase !== 'Running') {
    stderr(ctx, `error: unable to upgrade connection: container not found ("${container}")\n`);
    return 1;
  }
  return execInPod(ctx, pod, container, command, bool(flags, 'stdin'), runIn);
}

/** Runs a command in a pod's container, or opens an interactive shell there. */
function execInPod(ctx: CommandContext, pod: Pod, container: string, command: string[], interactive: boolean, runIn: RunInSource, ephemeral?: string): number {
  const image = pod.containers.find((c) => c.name === container)?.image ?? '';
  const profile = imageProfile(image);
  const program = command[0]!;
  if (isShell(program, profile)) {
    const name = program.split('/').pop()!;
    if (command[1] === '-c') return finish(ctx, runIn(ctx, podSource(pod, container, name), command[2] ?? ''));
    if (interactive) {
      ctx.session = { ...ctx.session, shell: { namespace: pod.namespace, pod: pod.name, container, program: name, prompt: shellPrompt(profile, pod.name, name), ...(ephemeral ? { ephemeral } : {}) } };
      return 0;
    }
    return 0;
  }
  const name = program.split('/').pop() ?? program;
  if (!profile.shell && !profile.tools.includes(name)) {
    stderr(ctx, ociError(program));
    return 1;
  }
  return finish(ctx, runIn(ctx, podSource(pod, container, profile.shell ?? 'sh'), command));
}

function finish(ctx: CommandContext, status: number): number {
  if (status !== 0) stderr(ctx, `command terminated with exit code ${status}\n`);
  return status;
}

function podManifest(ctx: CommandContext, flags: ParsedFlags, name: string, namespace: string, args: string[]): ManifestObject {
  const labels = str(flags, 'labels') ? Object.fromEntries(str(flags, 'labels').split(',').map((p) => p.split('=') as [string, string])) : { run: name };
  const env = list(flags, 'env').map((e) => {
    const i = e.indexOf('=');
    return { name: e.slice(0, i === -1 ? undefined : i), value: i === -1 ? '' : e.slice(i + 1) };
  });
  const port = str(flags, 'port');
  const container: Record<string, unknown> = {
    image: str(flags, 'image'),
    name,
    ...(args.length ? { [bool(flags, 'command') ? 'command' : 'args']: args } : {}),
    ...(env.length ? { env } : {}),
    ...(port ? { ports: [{ containerPort: Number(port) }] } : {}),
    ...(str(flags, 'image-pull-policy') ? { imagePullPolicy: str(flags, 'image-pull-policy') } : {}),
    ...(bool(flags, 'stdin') ? { stdin: true, stdinOnce: true } : {}),
    ...(bool(flags, 'tty') ? { tty: true } : {}),
  };
  const restart = str(flags, 'restart');
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { labels, name, ...(namespace !== 'default' ? { namespace } : {}) },
    spec: { containers: [container], ...(restart && restart !== 'Always' ? { restartPolicy: restart } : {}) },
  };
}

/** Runs `kubectl run`. */
export function runRun(ctx: CommandContext, flags: ParsedFlags, runIn: RunInSource): number {
  const dash = flags.argsLenAtDash;
  const names = dash === -1 ? flags.args.slice(0, 1) : flags.args.slice(0, dash);
  const args = dash === -1 ? flags.args.slice(1) : flags.args.slice(dash);
  const name = names[0];
  if (!name) {
    stderr(ctx, `${usageError('NAME is required for run', 'kubectl run')}\n`);
    return 1;
  }
  const image = str(flags, 'image');
  if (!image) {
    stderr(ctx, 'error: --image is required\n');
    return 1;
  }
  if (!/^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*(:[\w][\w.-]{0,127})?(@sha256:[a-f0-9]{64})?$/.test(image)) {
    stderr(ctx, `error: invalid image name "${image}": invalid reference format\n`);
    return 1;
  }
  const attach = bool(flags, 'stdin') || bool(flags, 'attach');
  if (bool(flags, 'tty') && !bool(flags, 'stdin')) {
    stderr(ctx, 'error: -i/--stdin is required for containers with -t/--tty=true\n');
    return 1;
  }
  if (bool(flags, 'rm') && !attach) {
    stderr(ctx, 'error: --rm should only be used for attached containers\n');
    return 1;
  }
  if (bool(flags, 'expose') && !str(flags, 'port')) {
    stderr(ctx, 'error: --port must be set when exposing a service\n');
    return 1;
  }
  const namespace = str(flags, 'namespace') || ctx.session.namespace;
  const manifest = podManifest(ctx, flags, name, namespace, args);
  if (!attach) {
    const ok = createObject(ctx, manifest, flags);
    if (ok && bool(flags, 'expose')) {
      const port = Number(str(flags, 'port'));
      createObject(ctx, { apiVersion: 'v1', kind: 'Service', metadata: { name, ...(namespace !== 'default' ? { namespace } : {}) }, spec: { ports: [{ port, protocol: 'TCP', targetPort: port }], selector: manifest.metadata.labels } }, flags);
    }
    return ok ? 0 : 1;
  }
  if (listObjects(ctx.view, resolveResourceType('pods')!, namespace).some((p) => p.name === name)) {
    stderr(ctx, `Error from server (AlreadyExists): pods "${name}" already exists\n`);
    return 1;
  }
  if (!ctx.view.cluster.namespaces.some((n) => n.name === namespace)) {
    stderr(ctx, `Error from server (NotFound): namespaces "${namespace}" not found\n`);
    return 1;
  }
  const text = toYaml(manifest);
  const remove = bool(flags, 'rm');
  // A --rm pod lives only while attached: it is simulated alongside the editor's text, never written into it.
  const previous = ctx.session;
  if (remove) ctx.session = { ...ctx.session, shell: { namespace, pod: name, container: name, program: 'sh', prompt: '/ # ', ephemeral: text } };
  else replaceManifests(ctx, appendDocument(ctx.session.manifests.text, text));
  ctx.view = simulateSession(ctx.session, ctx.options.cache);
  const pod = ctx.view.cluster.pods.find((p) => p.namespace === namespace && p.name === name);
  if (!pod || pod.phase !== 'Running') {
    ctx.session = remove ? previous : ctx.session;
    ctx.view = simulateSession(ctx.session, ctx.options.cache);
    stderr(ctx, `error: timed out waiting for the condition\n`);
    return 1;
  }
  const profile = imageProfile(image);
  const command = args.length ? args : SHELL_IMAGES.some((s) => image === s || image.startsWith(`${s}:`) || image.startsWith(`${s}@`)) ? [profile.shell ?? 'sh'] : [];
  const interactive = command.length > 0 && isShell(command[0]!, profile) && command[1] !== '-c';
  if (interactive) {
    if (!bool(flags, 'quiet')) stderr(ctx, "If you don't see a command prompt, try pressing enter.\n");
    const program = command[0]!.split('/').pop()!;
    ctx.session = { ...ctx.session, shell: { namespace, pod: name, container: name, program, prompt: shellPrompt(profile, name, program), ...(remove ? { ephemeral: text } : {}) } };
    return 0;
  }
  let status = 0;
  if (command.length) {
    if (!bool(flags, 'quiet') && bool(flags, 'tty')) stderr(ctx, "If you don't see a command prompt, try pressing enter.\n");
    status = execInPodQuiet(ctx, pod, name, command, runIn);
  }
  if (remove) {
    ctx.session = { ...previous, logs: ctx.session.logs, born: ctx.session.born };
    ctx.view = simulateSession(ctx.session, ctx.options.cache);
    stdout(ctx, `pod "${name}" deleted from ${namespace} namespace\n`);
  }
  if (status !== 0 && str(flags, 'restart') === 'Never') {
    stderr(ctx, `error: pod ${namespace}/${name} terminated (Error)\n`);
    return status;
  }
  return 0;
}

function execInPodQuiet(ctx: CommandContext, pod: Pod, container: string, command: string[], runIn: RunInSource): number {
  const image = pod.containers.find((c) => c.name === container)?.image ?? '';
  const profile = imageProfile(image);
  const program = command[0]!;
  if (isShell(program, profile) && command[1] === '-c') return runIn(ctx, podSource(pod, container, program.split('/').pop()!), command[2] ?? '');
  const name = program.split('/').pop() ?? program;
  if (!profile.tools.includes(name)) {
    stderr(ctx, `Error: failed to start container "${container}": Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown\n`);
    return 128;
  }
  return runIn(ctx, podSource(pod, container, profile.shell ?? 'sh'), command);
}

const NGINX_INGRESS_BANNER = '-------------------------------------------------------------------------------\nNGINX Ingress controller\n  Release:       v1.12.1\n  Build:         51c2b819690bbf1709b844dbf321a9acf6eda5a7\n  Repository:    https://github.com/kubernetes/ingress-nginx\n  nginx version: nginx/1.25.5\n\n-------------------------------------------------------------------------------\n\n';
const COREDNS_BANNER = '.:53\n[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908\nCoreDNS-1.11.3\nlinux/amd64, go1.21.11, a6338e9\n';

/** Runs `kubectl logs`. */
export function runLogs(ctx: CommandContext, flags: ParsedFlags): number {
  const target = flags.args[0];
  if (!target) {
    stderr(ctx, `${usageError('expected \'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]\'.\nPOD or TYPE/NAME is a required argument for the logs command', 'kubectl logs')}\n`);
    return 1;
  }
  const found = findPod(ctx, target, str(flags, 'namespace') || ctx.session.namespace);
  if ('error' in found) {
    stderr(ctx, `${found.error}\n`);
    return 1;
  }
  const pod = found.pod;
  const container = chooseContainer(ctx, pod, str(flags, 'container'), false);
  if (container === undefined) return 1;
  if (bool(flags, 'previous')) {
    stderr(ctx, `Error from server (BadRequest): previous terminated container "${container}" in pod "${pod.name}" not found\n`);
    return 1;
  }
  if (pod.phase === 'Pending') {
    stderr(ctx, `Error from server (BadRequest): container "${container}" in pod "${pod.name}" is waiting to start: ContainerCreating\n`);
    return 1;
  }
  const image = pod.containers.find((c) => c.name === container)?.image ?? '';
  let text = '';
  if (image.includes('ingress-nginx/controller')) text += NGINX_INGRESS_BANNER;
  if (image.includes('coredns')) text += COREDNS_BANNER;
  if (/(^|\/)nginx(:|@|$)/.test(image)) text += '/docker-entrypoint.sh: Configuration complete; ready for start up\n';
  text += (ctx.session.logs[`${pod.namespace}/${pod.name}`] ?? []).map((l) => `${l}\n`).join('');
  const tail = flags.values.tail;
  if (typeof tail === 'number' && tail >= 0) {
    const lines = text.split('\n').filter((l, i, all) => i < all.length - 1 || l !== '');
    text = lines.slice(Math.max(0, lines.length - tail)).map((l) => `${l}\n`).join('');
  }
  stdout(ctx, text);
  return 0;
}
