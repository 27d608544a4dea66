// A small structured model of iptables rules, printed the way `iptables-save` prints them
// (addresses first, `/32` added, matches in the order they were given, targets normalised), so
// the same rules can be rendered for the learner and walked for a packet trace.

/** One `-m <module>` match with its options. */
export type IptMatch =
  | { kind: 'comment'; text: string }
  /** `-m tcp` (or udp/sctp), with `--dport` when given. */
  | { kind: 'proto'; proto: string; dport?: number }
  /** kube-proxy's probability string (`%0.10f` of 1/n). */
  | { kind: 'statistic'; probability: string }
  | { kind: 'recent'; op: 'set' | 'rcheck'; name: string; seconds?: number }
  | { kind: 'addrtype'; srcLocal?: boolean; dstLocal?: boolean }
  | { kind: 'mark'; mark: string; negate?: boolean }
  | { kind: 'conntrack'; ctstate: string; negate?: boolean };

export interface IptAddress {
  cidr: string;
  negate?: boolean;
}

/** A rule in one chain; `target` is a chain name or a built-in target. */
export interface IptRule {
  chain: string;
  source?: IptAddress;
  destination?: IptAddress;
  protocol?: string;
  matches: IptMatch[];
  /** Absent for the KUBE-FW chain's final comment-only rule. */
  target?: string;
  /** `--to-destination 10.244.1.2:80`, `--set-xmark 0x4000/0x4000`, ... as iptables-save prints them. */
  targetOptions?: string;
}

/** One table: the built-in chains with their policy, the chains kube-proxy (and kubelet) created, and rules. */
export interface IptTable {
  name: 'nat' | 'filter';
  builtinChains: string[];
  chains: string[];
  rules: IptRule[];
}

const NO_QUOTE = /^[A-Za-z0-9_-]+$/;

/** Quotes a string argument as xtables_save_string does (bare only when [A-Za-z0-9_-]+). */
export function saveString(value: string): string {
  if (value.length > 0 && NO_QUOTE.test(value)) return value;
  return `"${value.replace(/(["\\'])/g, '\\$1')}"`;
}

function withMask(cidr: string): string {
  return cidr.includes('/') ? cidr : `${cidr}/32`;
}

/** What kube-proxy writes for 1/n: Go's fmt.Sprintf("%0.10f", 1.0/float64(n)). */
export function computeProbability(n: number): string {
  return (1 / n).toFixed(10);
}

/** How iptables-save prints a probability kube-proxy wrote: libxt_statistic stores
 * lround(2^31 * p) and prints it back with "%.11f", so 0.3333333333 reads 0.33333333349. */
export function savedProbability(written: string): string {
  const stored = Math.round(0x80000000 * Number(written));
  return (stored / 0x80000000).toFixed(11);
}

function renderMatch(m: IptMatch): string {
  switch (m.kind) {
    case 'comment':
      return `-m comment --comment ${saveString(m.text)}`;
    case 'proto':
      return `-m ${m.proto}${m.dport !== undefined ? ` --dport ${m.dport}` : ''}`;
    case 'statistic':
      return `-m statistic --mode random --probability ${savedProbability(m.probability)}`;
    case 'recent':
      // libxt_recent prints the action, --seconds, --reap, then --name, --mask and the side.
      return m.op === 'set'
        ? `-m recent --set --name ${m.name} --mask 255.255.255.255 --rsource`
        : `-m recent --rcheck --seconds ${m.seconds ?? 0} --reap --name ${m.name} --mask 255.255.255.255 --rsource`;
    case 'addrtype':
      return `-m addrtype${m.srcLocal ? ' --src-type LOCAL' : ''}${m.dstLocal ? ' --dst-type LOCAL' : ''}`;
    case 'mark':
      return `-m mark${m.negate ? ' !' : ''} --mark ${m.mark}/${m.mark}`;
    case 'conntrack':
      return `-m conntrack${m.negate ? ' !' : ''} --ctstate ${m.ctstate}`;
  }
}

/** One rule exactly as `iptables-save` prints it (`-A CHAIN ...`). */
export function renderRule(rule: IptRule): string {
  const parts = [`-A ${rule.chain}`];
  if (rule.source) parts.push(`${rule.source.negate ? '! ' : ''}-s ${withMask(rule.source.cidr)}`);
  if (rule.destination) parts.push(`${rule.destination.negate ? '! ' : ''}-d ${withMask(rule.destination.cidr)}`);
  if (rule.protocol) parts.push(`-p ${rule.protocol}`);
  for (const m of rule.matches) parts.push(renderMatch(m));
  if (rule.target) parts.push(`-j ${rule.target}${rule.targetOptions ? ` ${rule.targetOptions}` : ''}`);
  return parts.join(' ');
}

/** A table as `iptables-save` prints it: chain lines (built-ins first, then user chains sorted), rules grouped by chain, COMMIT. */
export function renderTable(table: IptTable): string {
  const userChains = [...new Set(table.chains)].sort();
  const order = [...table.builtinChains, ...userChains];
  const lines = [`*${table.name}`];
  for (const c of table.builtinChains) lines.push(`:${c} ACCEPT [0:0]`);
  for (const c of userChains) lines.push(`:${c} - [0:0]`);
  for (const chain of order) {
    for (const rule of table.rules) if (rule.chain === chain) lines.push(renderRule(rule));
  }
  lines.push('COMMIT');
  return lines.join('\n');
}

/** The rules of one chain, in order. */
export function rulesOf(table: IptTable, chain: string): IptRule[] {
  return table.rules.filter((r) => r.chain === chain);
}
