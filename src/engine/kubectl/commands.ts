// The kubectl commands the terminal knows: their flags (for parsing and Tab completion) and the
// one-line descriptions `kubectl --help` lists. Commands marked `simulated: false` exist in
// kubectl but have nothing to act on in NetLab; they answer with a hint instead.

import type { FlagSpec } from './flags.ts';

export interface CommandSpec {
  name: string;
  short: string;
  flags: FlagSpec[];
  subcommands?: string[];
  simulated?: false;
  /** Why it is not simulated, and what to do instead. */
  hint?: string;
  group: string;
}

const b = (name: string, short?: string): FlagSpec => ({ name, type: 'bool', ...(short ? { short } : {}) });
const s = (name: string, short?: string): FlagSpec => ({ name, type: 'string', ...(short ? { short } : {}) });
const i = (name: string, short?: string): FlagSpec => ({ name, type: 'int', ...(short ? { short } : {}) });
const m = (name: string, short?: string): FlagSpec => ({ name, type: 'strings', ...(short ? { short } : {}) });

const output = s('output', 'o');
const dryRun = s('dry-run');
const selector = s('selector', 'l');
const filename = m('filename', 'f');

export const COMMANDS: CommandSpec[] = [
  { group: 'Basic Commands (Beginner):', name: 'create', short: 'Create a resource from a file or from stdin', flags: [filename, output, dryRun, m('image'), s('clusterip'), s('external-name'), i('replicas', 'r'), i('port'), m('tcp'), s('node-port'), b('save-config'), b('validate'), b('edit')], subcommands: ['deployment', 'service', 'namespace'] },
  { group: 'Basic Commands (Beginner):', name: 'expose', short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service', flags: [filename, output, dryRun, s('port'), s('target-port'), s('type'), s('name'), s('protocol'), s('selector'), s('labels', 'l'), s('external-ip'), s('cluster-ip'), s('session-affinity'), s('load-balancer-ip')] },
  { group: 'Basic Commands (Beginner):', name: 'run', short: 'Run a particular image on the cluster', flags: [s('image'), b('rm'), b('stdin', 'i'), b('tty', 't'), s('restart'), s('labels', 'l'), m('env'), s('port'), b('expose'), b('command'), output, dryRun, b('attach'), b('quiet', 'q'), s('image-pull-policy'), s('overrides'), m('annotations')] },
  { group: 'Basic Commands (Beginner):', name: 'set', short: 'Set specific features on objects', flags: [], simulated: false, hint: 'change the field in the editor instead' },
  { group: 'Basic Commands (Intermediate):', name: 'explain', short: 'Get documentation for a resource', flags: [b('recursive')], simulated: false, hint: 'hover over a field in the editor to read its documentation' },
  { group: 'Basic Commands (Intermediate):', name: 'get', short: 'Display one or many resources', flags: [output, selector, b('all-namespaces', 'A'), b('show-labels'), m('label-columns', 'L'), b('no-headers'), b('watch', 'w'), b('watch-only'), s('field-selector'), b('ignore-not-found'), b('show-kind'), s('sort-by'), i('chunk-size'), filename] },
  { group: 'Basic Commands (Intermediate):', name: 'edit', short: 'Edit a resource on the server', flags: [output], simulated: false, hint: 'the editor beside this terminal is the source of truth: edit the YAML there' },
  { group: 'Basic Commands (Intermediate):', name: 'delete', short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector', flags: [filename, selector, b('all'), b('all-namespaces', 'A'), b('force'), i('grace-period'), b('now'), b('wait'), b('ignore-not-found'), output, dryRun, s('cascade'), s('timeout')] },
  { group: 'Deploy Commands:', name: 'rollout', short: 'Manage the rollout of a resource', flags: [selector, output, dryRun, b('watch', 'w'), s('timeout'), i('revision')], subcommands: ['history', 'pause', 'restart', 'resume', 'status', 'undo'] },
  { group: 'Deploy Commands:', name: 'scale', short: 'Set a new size for a deployment, replica set, or replication controller', flags: [i('replicas'), i('current-replicas'), selector, b('all'), output, filename, dryRun, s('timeout'), s('resource-version')] },
  { group: 'Deploy Commands:', name: 'autoscale', short: 'Auto-scale a deployment, replica set, stateful set, or replication controller', flags: [], simulated: false, hint: 'NetLab has no metrics server; set spec.replicas or run kubectl scale' },
  { group: 'Cluster Management Commands:', name: 'cluster-info', short: 'Display cluster information', flags: [] },
  { group: 'Cluster Management Commands:', name: 'top', short: 'Display resource (CPU/memory) usage', flags: [], simulated: false, hint: 'NetLab simulates the network, not CPU or memory' },
  { group: 'Cluster Management Commands:', name: 'cordon', short: 'Mark node as unschedulable', flags: [selector, dryRun] },
  { group: 'Cluster Management Commands:', name: 'uncordon', short: 'Mark node as schedulable', flags: [selector, dryRun] },
  { group: 'Cluster Management Commands:', name: 'drain', short: 'Drain node in preparation for maintenance', flags: [b('force'), b('ignore-daemonsets'), b('delete-emptydir-data'), i('grace-period'), s('timeout'), selector, dryRun, b('disable-eviction'), s('pod-selector')] },
  { group: 'Cluster Management Commands:', name: 'taint', short: 'Update the taints on one or more nodes', flags: [], simulated: false, hint: 'NetLab nodes have no taints; cordon a node instead' },
  { group: 'Troubleshooting and Debugging Commands:', name: 'describe', short: 'Show details of a specific resource or group of resources', flags: [selector, b('all-namespaces', 'A'), b('show-events'), i('chunk-size'), filename] },
  { group: 'Troubleshooting and Debugging Commands:', name: 'logs', short: 'Print the logs for a container in a pod', flags: [s('container', 'c'), b('follow', 'f'), i('tail'), b('previous', 'p'), selector, b('all-containers'), b('timestamps'), s('since'), b('prefix')] },
  { group: 'Troubleshooting and Debugging Commands:', name: 'attach', short: 'Attach to a running container', flags: [b('stdin', 'i'), b('tty', 't'), s('container', 'c')], simulated: false, hint: 'use kubectl exec -it POD -- sh' },
  { group: 'Troubleshooting and Debugging Commands:', name: 'exec', short: 'Execute a command in a container', flags: [b('stdin', 'i'), b('tty', 't'), s('container', 'c'), b('quiet', 'q'), filename, s('pod-running-timeout')] },
  { group: 'Troubleshooting and Debugging Commands:', name: 'port-forward', short: 'Forward one or more local ports to a pod', flags: [], simulated: false, hint: 'there is no local machine to forward to: kubectl exec into a pod and curl from there' },
  { group: 'Troubleshooting and Debugging Commands:', name: 'proxy', short: 'Run a proxy to the Kubernetes API server', flags: [], simulated: false, hint: 'there is no local machine to proxy to' },
  { group: 'Troubleshooting and Debugging Commands:', name: 'cp', short: 'Copy files and directories to and from containers', flags: [], simulated: false, hint: 'containers in NetLab have no file system to copy' },
  { group: 'Troubleshooting and Debugging Commands:', name: 'auth', short: 'Inspect authorization', flags: [], simulated: false, hint: 'NetLab has no RBAC: you are cluster-admin' },
  { group: 'Troubleshooting and Debugging Commands:', name: 'debug', short: 'Create debugging sessions for troubleshooting workloads and nodes', flags: [], simulated: false, hint: 'run a debug pod instead: kubectl run tmp --rm -it --image=nicolaka/netshoot -- sh' },
  { group: 'Troubleshooting and Debugging Commands:', name: 'events', short: 'List events', flags: [], simulated: false, hint: 'kubectl describe shows the events of one object' },
  { group: 'Advanced Commands:', name: 'diff', short: 'Diff the live version against a would-be applied version', flags: [], simulated: false, hint: 'the editor is the live version' },
  { group: 'Advanced Commands:', name: 'apply', short: 'Apply a configuration to a resource by file name or stdin', flags: [filename, output, dryRun, b('recursive', 'R'), b('force'), b('server-side'), s('validate'), selector, b('prune'), s('field-manager')] },
  { group: 'Advanced Commands:', name: 'patch', short: 'Update fields of a resource', flags: [], simulated: false, hint: 'edit the field in the editor, or use kubectl label/annotate/scale' },
  { group: 'Advanced Commands:', name: 'replace', short: 'Replace a resource by file name or stdin', flags: [], simulated: false, hint: 'use kubectl apply -f FILE' },
  { group: 'Advanced Commands:', name: 'wait', short: 'Experimental: Wait for a specific condition on one or many resources', flags: [], simulated: false, hint: 'the simulated cluster is always reconciled: there is nothing to wait for' },
  { group: 'Settings Commands:', name: 'label', short: 'Update the labels on a resource', flags: [b('overwrite'), b('all'), selector, b('list'), output, dryRun, s('resource-version'), filename, b('all-namespaces', 'A'), b('local')] },
  { group: 'Settings Commands:', name: 'annotate', short: 'Update the annotations on a resource', flags: [b('overwrite'), b('all'), selector, b('list'), output, dryRun, s('resource-version'), filename, b('all-namespaces', 'A'), b('local')] },
  { group: 'Other Commands:', name: 'api-resources', short: 'Print the supported API resources on the server', flags: [b('namespaced'), output, b('no-headers'), s('api-group'), b('cached')] },
  { group: 'Other Commands:', name: 'config', short: 'Modify kubeconfig files', flags: [b('current'), b('minify'), output, b('raw')], subcommands: ['current-context', 'get-contexts', 'set-context', 'use-context', 'view'] },
  { group: 'Other Commands:', name: 'version', short: 'Print the client and server version information', flags: [b('client'), output] },
];

/** The spec of a command by name. */
export function commandSpec(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** `kubectl --help`: the command groups, as kubectl prints them. */
export function kubectlHelp(): string {
  const lines = ['kubectl controls the Kubernetes cluster manager.', '', ' Find more information at: https://kubernetes.io/docs/reference/kubectl/', ''];
  let group = '';
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  for (const c of COMMANDS) {
    if (c.group !== group) {
      if (group) lines.push('');
      lines.push(c.group);
      group = c.group;
    }
    lines.push(`  ${c.name.padEnd(width)}${c.short}`);
  }
  lines.push('', 'Usage:', '  kubectl [flags] [options]', '', 'Use "kubectl <command> --help" for more information about a given command.', '');
  return lines.join('\n');
}
