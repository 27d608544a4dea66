import { parse } from 'yaml';
import { loadScenario } from '../engine/scenario/load.ts';
import type { ClusterBlock } from '../engine/cluster/settings.ts';
import { createSession, runCommandLine, type TerminalSession } from '../engine/kubectl/index.ts';
import { imageProfile, shellPrompt } from '../engine/kubectl/shell/images.ts';
import { simulateSession } from '../engine/kubectl/context.ts';
import { readText } from './io.ts';

const USAGE = `usage: netlab kubectl FILE [--exec [NAMESPACE/]POD] [--show-manifests] -- ARGS...

  netlab kubectl lab.yaml -- get pods -o wide          run kubectl against the simulated cluster
  netlab kubectl lab.yaml --exec client -- curl -s http://web
                                                       run a command inside a pod
  --show-manifests   print the manifests afterwards (commands such as scale or apply change them)

FILE is a scenario (*.scenario.yaml) or plain Kubernetes YAML. Files named by -f are read from disk.
`;

/** Quotes an argument for the terminal's shell reader. */
function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function load(file: string): { manifests: { file: string; text: string }; cluster?: ClusterBlock } | { error: string } {
  const text = readText(file);
  if (text === undefined) return { error: `${file}: no such file` };
  if (!looksLikeScenario(text)) return { manifests: { file, text } };
  const loaded = loadScenario(file, text, readText);
  if ('message' in loaded) return { error: `${loaded.file}:${loaded.line}: ${loaded.message}` };
  // The terminal edits one text: a scenario's manifests, joined in order.
  const joined = loaded.manifests.map((m) => m.text.replace(/\n*$/, '\n')).join('---\n');
  return { manifests: { file: loaded.manifests.length === 1 ? loaded.manifests[0]!.file : file, text: joined }, ...(loaded.cluster ? { cluster: loaded.cluster } : {}) };
}

function looksLikeScenario(text: string): boolean {
  try {
    const first = parse(text.split(/^---\s*$/m)[0] ?? '') as unknown;
    return typeof first === 'object' && first !== null && !('kind' in first) && ('manifests' in first || 'checks' in first);
  } catch {
    return false;
  }
}

/** `netlab kubectl FILE [--exec POD] -- ARGS`: one kubectl command (or one command in a pod). */
export function runKubectlCommand(args: string[], io: { out(s: string): void; err(s: string): void }): number {
  const dash = args.indexOf('--');
  const options = dash === -1 ? args.slice(0, 1) : args.slice(0, dash);
  const command = dash === -1 ? args.slice(1) : args.slice(dash + 1);
  let file: string | undefined;
  let exec: string | undefined;
  let showManifests = false;
  for (let i = 0; i < options.length; i++) {
    const o = options[i]!;
    if (o === '--exec') exec = options[++i];
    else if (o.startsWith('--exec=')) exec = o.slice(7);
    else if (o === '--show-manifests') showManifests = true;
    else if (o === '-h' || o === '--help') {
      io.out(USAGE);
      return 0;
    } else if (!file) file = o;
    else {
      io.err(`netlab kubectl: unexpected argument "${o}"\n${USAGE}`);
      return 2;
    }
  }
  if (!file || command.length === 0) {
    io.err(USAGE);
    return 2;
  }
  const loaded = load(file);
  if ('error' in loaded) {
    io.err(`${loaded.error}\n`);
    return 2;
  }
  const files: Record<string, string> = {};
  command.forEach((a, i) => {
    const name = a === '-f' || a === '--filename' ? command[i + 1] : a.startsWith('--filename=') ? a.slice(11) : a.startsWith('-f') && a.length > 2 ? a.slice(2) : undefined;
    const text = name ? readText(name) : undefined;
    if (name && text !== undefined) files[name] = text;
  });
  let session: TerminalSession = createSession(loaded.manifests, { ...(loaded.cluster ? { cluster: loaded.cluster } : {}), files });
  if (exec) {
    const [namespace, podName] = exec.includes('/') ? (exec.split('/', 2) as [string, string]) : ['default', exec];
    const view = simulateSession(session);
    const pod = view.cluster.pods.find((p) => p.namespace === namespace && p.name === podName);
    if (!pod) {
      io.err(`Error from server (NotFound): pods "${podName}" not found\n`);
      return 1;
    }
    const container = pod.containers[0];
    const profile = imageProfile(container?.image ?? '');
    const program = profile.shell ?? 'sh';
    session = { ...session, shell: { namespace, pod: podName, container: container?.name ?? '', program, prompt: shellPrompt(profile, podName, program) } };
  }
  const line = exec ? command.map(quote).join(' ') : `kubectl ${command.map(quote).join(' ')}`;
  const result = runCommandLine(session, line);
  for (const chunk of result.chunks) (chunk.stream === 'stdout' ? io.out : io.err)(chunk.text);
  for (const note of result.notes ?? []) io.err(`# netlab: ${note}\n`);
  if (showManifests) io.out(`---- ${result.session.manifests.file} ----\n${result.session.manifests.text}`);
  return result.exitCode;
}
