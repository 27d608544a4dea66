import { computeReachability, formatTruthTable, indexNetworkPolicies, policyRef } from '../engine/netpol/index.ts';
import type { Cluster, Protocol } from '../engine/types.ts';

export interface ReachIo {
  readFile(path: string): Promise<string>;
  out(s: string): void;
  err(s: string): void;
}

const USAGE = 'usage: netlab reach FILE --port N [--protocol TCP|UDP|SCTP] [--pods ns/a,ns/b,...]\n';
// The same pods a `reachability` check covers by default: everything outside system and addon namespaces.
const HIDDEN_NAMESPACES = new Set(['kube-system', 'ingress-nginx', 'gateway-system']);

interface ReachArgs {
  file: string;
  port: number;
  protocol: Protocol;
  pods?: string[];
}

function parseReachArgs(args: string[]): ReachArgs | string {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (!['port', 'protocol', 'pods'].includes(name)) return `unknown flag --${name}`;
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') return `--${name} needs a value`;
    flags.set(name, value);
  }
  if (positional.length !== 1) return positional.length === 0 ? 'missing FILE' : `unexpected argument "${positional[1]}"`;
  const portText = flags.get('port');
  if (portText === undefined) return 'missing --port';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) return `--port must be a number between 1 and 65535, got "${portText}"`;
  const protocol = (flags.get('protocol') ?? 'TCP').toUpperCase();
  if (protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP') return `--protocol must be TCP, UDP or SCTP, got "${flags.get('protocol')}"`;
  const podsText = flags.get('pods');
  const pods = podsText?.split(',').map((p) => p.trim()).filter(Boolean);
  return { file: positional[0]!, port, protocol, ...(pods ? { pods } : {}) };
}

/** Draws a table as policy-assistant does (olekukonko/tablewriter: upper-case centred header, a
 * blank corner cell, left-aligned body). */
function renderTable(pods: string[], cell: (from: number, to: number) => string): string {
  const header = ['', ...pods.map((p) => p.toUpperCase())];
  const rows = pods.map((from, i) => [from, ...pods.map((_, j) => cell(i, j))]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const rule = '+' + widths.map((w) => '-'.repeat(w + 2)).join('+') + '+';
  const centre = (text: string, w: number) => {
    const left = Math.floor((w - text.length) / 2);
    return ' '.repeat(left) + text + ' '.repeat(w - text.length - left);
  };
  const line = (cells: string[], align: (t: string, w: number) => string) => '| ' + cells.map((t, c) => align(t, widths[c]!)).join(' | ') + ' |';
  return [rule, line(header, centre), rule, ...rows.map((r) => line(r, (t, w) => t.padEnd(w))), rule].join('\n') + '\n';
}

function printTables(cluster: Cluster, pods: string[], port: number, protocol: Protocol, io: ReachIo): void {
  const index = indexNetworkPolicies(cluster);
  const t = computeReachability(cluster, index, pods, port, protocol);
  const mark = (table: boolean[][]) => (i: number, j: number) => (i === j ? '#' : table[i]![j] ? '.' : 'X');
  io.out(`Ingress:\n${renderTable(pods, mark(t.ingress))}\n`);
  io.out(`Egress:\n${renderTable(pods, mark(t.egress))}\n`);
  io.out(`Combined:\n${renderTable(pods, mark(t.combined))}\n`);
}

/** `netlab reach FILE --port 80 [--protocol TCP] [--pods ns/a,ns/b]`: the ingress, egress and
 * combined truth tables as policy-assistant prints them, then the table a `reachability` check expects. */
export async function runReach(
  args: string[],
  io: ReachIo,
  load: (file: string) => Promise<{ cluster: Cluster } | { error: string }>,
): Promise<number> {
  const parsed = parseReachArgs(args);
  if (typeof parsed === 'string') {
    io.err(`netlab reach: ${parsed}\n${USAGE}`);
    return 2;
  }
  const loaded = await load(parsed.file);
  if ('error' in loaded) {
    io.err(`netlab reach: ${loaded.error}\n`);
    return 2;
  }
  const { cluster } = loaded;
  const known = new Set(cluster.pods.map((p) => `${p.namespace}/${p.name}`));
  const pods = parsed.pods ?? cluster.pods.filter((p) => !HIDDEN_NAMESPACES.has(p.namespace) && p.podIP).map((p) => `${p.namespace}/${p.name}`);
  const unknown = pods.filter((p) => !known.has(p));
  if (unknown.length > 0) {
    io.err(`netlab reach: no such pod: ${unknown.join(', ')}\n`);
    return 2;
  }
  if (pods.length === 0) {
    io.err('netlab reach: no pods to show (use --pods ns/a,ns/b)\n');
    return 2;
  }
  const { port, protocol } = parsed;
  const policies = cluster.networkPolicies.map(policyRef).sort();
  io.out(`probe on port ${port}, protocol ${protocol}: ${pods.length} pods, ${policies.length} NetworkPolicies${policies.length ? ` (${policies.join(', ')})` : ''}\n`);
  io.out('Rows are sources, columns destinations: . allowed, X dropped, # the pod itself (never subject to NetworkPolicy).\n\n');
  const enforced = cluster.settings.networkPolicy;
  if (!enforced) io.out("This cluster's CNI does not enforce NetworkPolicy (networkPolicy: false): all of this traffic flows. What the policies would do if it did:\n\n");
  printTables({ ...cluster, settings: { ...cluster.settings, networkPolicy: true } }, pods, port, protocol, io);

  // The check's table is about what a client sees: the policies as enforced, and a listener on the port.
  const t = computeReachability(cluster, indexNetworkPolicies(cluster), pods, port, protocol);
  const byKey = new Map(cluster.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
  const listening = pods.map((key) => {
    const pod = byKey.get(key)!;
    return pod.phase === 'Running' && pod.listening.some((l) => l.port === port && l.protocol === protocol);
  });
  const connected = t.combined.map((row, i) => row.map((allowed, j) => (allowed || i === j) && listening[j]!));
  const silent = pods.filter((_, j) => !listening[j]);
  io.out(`As a reachability check expects it (port ${port}/${protocol}${silent.length ? `; nothing listens on ${silent.join(', ')}` : ''}):\n`);
  io.out(formatTruthTable(pods, connected));
  return 0;
}
