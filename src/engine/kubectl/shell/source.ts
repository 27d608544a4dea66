// Where shell commands run: inside a pod (kubectl exec / run -it), or on the learner's own
// machine, which sits outside the cluster like the contract's `external` client.

import { serviceEnvironment } from '../../dns/index.ts';
import type { Pod } from '../../types.ts';
import type { CommandContext } from '../context.ts';
import { imageProfile, type ImageProfile } from './images.ts';

/** A place commands run from. */
export interface ShellSource {
  /** Probe source reference: `pod/<ns>/<name>` or `external`. */
  ref: string;
  pod?: Pod;
  container: string;
  profile: ImageProfile;
  /** The shell program running (`sh`, `bash`), for its error messages. */
  program: string;
}

/** The learner's machine: outside the cluster, with every tool. */
export function workstation(): ShellSource {
  return { ref: 'external', container: '', profile: { shell: 'bash', tools: ['curl', 'wget', 'nslookup', 'dig', 'host', 'ping', 'nc', 'cat', 'grep', 'egrep', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'awk', 'tee', 'ls', 'date', 'env', 'printenv', 'hostname', 'whoami', 'id', 'uname', 'sleep'], flavour: 'full', user: 'learner', home: '/home/learner' }, program: 'bash' };
}

/** A container of a pod. */
export function podSource(pod: Pod, container: string, program: string): ShellSource {
  const c = pod.containers.find((x) => x.name === container) ?? pod.containers[0];
  return { ref: `pod/${pod.namespace}/${pod.name}`, pod, container: c?.name ?? container, profile: imageProfile(c?.image ?? ''), program };
}

/** The environment of a process in the container, in the order `env` prints it. */
export function processEnvironment(ctx: CommandContext, src: ShellSource): Array<[string, string]> {
  if (!src.pod) return [['HOME', src.profile.home], ['PATH', '/usr/local/bin:/usr/bin:/bin'], ['TERM', 'xterm-256color'], ['USER', 'learner']];
  const pod = src.pod;
  const vars: Array<[string, string]> = [['HOSTNAME', pod.hostNetwork ? pod.nodeName : pod.name]];
  for (const [k, v] of Object.entries(serviceEnvironment(ctx.view.cluster, pod))) vars.push([k, v]);
  vars.push(['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['HOME', src.profile.home], ['TERM', 'xterm'], ['SHLVL', '1'], ['PWD', src.profile.user === 'root' ? '/' : src.profile.home]);
  return vars;
}

/** Variables `$NAME` expands to in this shell. */
export function environmentMap(ctx: CommandContext, src: ShellSource): Record<string, string> {
  const env = Object.fromEntries(processEnvironment(ctx, src));
  env['?'] = String(ctx.session.lastExitCode ?? 0);
  return env;
}
