// Tab completion: commands, kubectl subcommands, resource types, object names (from the
// simulated cluster), flags and flag values, and inside a pod the image's programs and the
// names its resolver finds.

import { RESOURCE_TYPES, resolveResourceType } from './resources.ts';
import { COMMANDS, commandSpec } from './commands.ts';
import { simulateSession, type RunOptions } from './context.ts';
import { GLOBAL_FLAGS } from './flags.ts';
import { listObjects, type ClusterView } from './objects/view.ts';
import type { TerminalSession } from './session.ts';
import { imageProfile } from './shell/images.ts';

/** Where the word being completed starts, and the words before it. */
export interface CompletionContext {
  words: string[];
  current: string;
  /** Index in the line where the current word starts (the UI replaces from here to the cursor). */
  start: number;
}

/** Splits the text before the cursor into finished words and the word being typed. */
export function completionContext(line: string, cursor: number): CompletionContext {
  const text = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
  const words: string[] = [];
  let word = '';
  let start = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else word += c;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ' ' || c === '\t') {
      if (word) words.push(word);
      word = '';
      start = i + 1;
    } else if (c === '|' || c === ';' || c === '&') {
      if (word) words.push(word);
      words.length = 0;
      word = '';
      start = i + 1;
    } else word += c;
  }
  return { words, current: word, start };
}

const OUTPUT_FORMATS = ['json', 'yaml', 'wide', 'name', 'jsonpath=', 'custom-columns='];
const TYPE_NAMES = RESOURCE_TYPES.map((t) => t.resource);
const POD_COMMANDS = new Set(['exec', 'logs', 'attach', 'port-forward']);
const NODE_COMMANDS = new Set(['cordon', 'uncordon', 'drain']);
const TYPED_COMMANDS = new Set(['get', 'describe', 'delete', 'label', 'annotate', 'scale', 'expose', 'edit']);
const SHELL_WORDS = ['kubectl', 'k', 'curl', 'wget', 'nslookup', 'dig', 'host', 'ping', 'nc', 'cat', 'grep', 'history', 'clear', 'help'];

function names(view: ClusterView, typed: string, namespace: string): string[] {
  const type = resolveResourceType(typed);
  return type ? listObjects(view, type, namespace).map((o) => o.name) : [];
}

function flagValueOf(words: string[], flag: string[], fallback: string): string {
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    for (const f of flag) {
      if (w === f && words[i + 1]) return words[i + 1]!;
      if (w.startsWith(`${f}=`)) return w.slice(f.length + 1);
    }
  }
  return fallback;
}

function kubectlCandidates(view: ClusterView, session: TerminalSession, words: string[], current: string): string[] {
  const namespace = flagValueOf(words, ['-n', '--namespace'], session.namespace);
  const prev = words[words.length - 1] ?? '';
  if (prev === '-n' || prev === '--namespace') return view.cluster.namespaces.map((n) => n.name);
  if (prev === '-o' || prev === '--output') return OUTPUT_FORMATS;
  if (prev === '-f' || prev === '--filename') return [session.manifests.file, ...Object.keys(session.files ?? {})];
  if (current.startsWith('--namespace=')) return view.cluster.namespaces.map((n) => `--namespace=${n.name}`);
  if (current.startsWith('-o=') || current.startsWith('--output=')) return OUTPUT_FORMATS.map((f) => `${current.split('=')[0]}=${f}`);
  // Positional words after `kubectl`, flags and their values left out.
  const positional: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w.startsWith('-')) {
      if (['-n', '--namespace', '-o', '--output', '-l', '--selector', '-c', '--container', '-f', '--filename', '--image', '--replicas', '--port', '--target-port', '--type', '--name'].includes(w)) i++;
      continue;
    }
    positional.push(w);
  }
  const command = positional[0];
  if (!command) return current.startsWith('-') ? GLOBAL_FLAGS.map((f) => `--${f.name}`) : COMMANDS.filter((c) => c.simulated !== false).map((c) => c.name);
  const spec = commandSpec(command);
  if (current.startsWith('-')) return [...(spec?.flags ?? []), ...GLOBAL_FLAGS].map((f) => `--${f.name}`);
  const n = positional.length;
  if (POD_COMMANDS.has(command)) return n === 1 ? names(view, 'pods', namespace) : [];
  if (NODE_COMMANDS.has(command)) return n === 1 ? view.cluster.nodes.map((x) => x.name) : [];
  if (spec?.subcommands && n === 1) return spec.subcommands;
  if (command === 'rollout') {
    if (n === 2) return current.includes('/') ? names(view, current.split('/')[0]!, namespace).map((x) => `${current.split('/')[0]}/${x}`) : ['deployment', 'daemonset', 'statefulset'];
    return n === 3 ? names(view, positional[2]!, namespace) : [];
  }
  if (command === 'create' && positional[1] === 'service' && n === 2) return ['clusterip', 'externalname', 'loadbalancer', 'nodeport'];
  if (command === 'config' && positional[1] === 'use-context' && n === 2) return ['kind-netlab'];
  if (TYPED_COMMANDS.has(command)) {
    if (n === 1) {
      if (current.includes('/')) {
        const t = current.split('/')[0]!;
        return names(view, t, namespace).map((x) => `${t}/${x}`);
      }
      return [...TYPE_NAMES, ...(command === 'get' ? ['all'] : [])];
    }
    const typed = positional[1]!;
    if (typed.includes('/') || typed === 'all') return [];
    return names(view, typed.split(',')[0]!, namespace);
  }
  return [];
}

function podShellCandidates(view: ClusterView, session: TerminalSession, words: string[], current: string): string[] {
  const shell = session.shell!;
  const pod = view.cluster.pods.find((p) => p.namespace === shell.namespace && p.name === shell.pod);
  const image = pod?.containers.find((c) => c.name === shell.container)?.image ?? '';
  if (words.length === 0) return [...imageProfile(image).tools, 'exit', 'echo'];
  const program = words[0]!;
  if (program === 'cat') return ['/etc/resolv.conf', '/etc/hosts', '/etc/hostname'];
  const services = view.cluster.services.flatMap((s) => (s.namespace === shell.namespace ? [s.name, `${s.name}.${s.namespace}`] : [`${s.name}.${s.namespace}`, `${s.name}.${s.namespace}.svc.cluster.local`]));
  if (program === 'curl' || program === 'wget') {
    if (current.startsWith('-')) return [];
    return [...services.map((s) => `http://${s}`), ...services];
  }
  if (['nslookup', 'dig', 'host', 'ping', 'nc'].includes(program)) return services;
  return [];
}

/** Candidates for the word at the cursor: full words that start with what was typed. */
export function complete(session: TerminalSession, line: string, cursor: number = line.length, options: RunOptions = {}): string[] {
  try {
    const { words, current } = completionContext(line, cursor);
    let candidates: string[];
    if (session.shell) {
      const view = simulateSession(session, options.cache);
      candidates = podShellCandidates(view, session, words, current);
    } else if (words.length === 0) candidates = SHELL_WORDS;
    else if (words[0] === 'kubectl' || words[0] === 'k') candidates = kubectlCandidates(simulateSession(session, options.cache), session, words, current);
    else candidates = [];
    return [...new Set(candidates)].filter((c) => c.startsWith(current)).sort();
  } catch {
    return [];
  }
}
