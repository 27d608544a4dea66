// The playground's cluster settings, as the controls edit them and as `simulate` takes them (the
// scenario contract's `cluster:` block). Pure, tested without React.
import type { ClusterBlock } from '../../engine/cluster/settings.ts';

export type KubeProxyMode = 'iptables' | 'ipvs' | 'nftables';
export type Addon = 'ingress-nginx' | 'gateway-api';

export interface PlaygroundSettings {
  /** A count (`node-1` … `node-N`) or the names of a pasted or loaded cluster. */
  nodes: number | string[];
  kubeProxyMode: KubeProxyMode;
  /** Whether the CNI enforces NetworkPolicy (false: Flannel). */
  networkPolicy: boolean;
  loadBalancer: 'cloud' | 'none';
  addons: Addon[];
  /** Kept from a loaded scenario: it seeds kube-proxy's random backend choice. */
  seed?: number;
}

export const KUBE_PROXY_MODES: readonly KubeProxyMode[] = ['iptables', 'ipvs', 'nftables'];
export const ADDONS: readonly Addon[] = ['ingress-nginx', 'gateway-api'];
/** The most nodes the count control offers (the engine takes up to 250). */
export const MAX_NODES = 20;

/** The contract's defaults. */
export const DEFAULT_SETTINGS: PlaygroundSettings = { nodes: 2, kubeProxyMode: 'iptables', networkPolicy: true, loadBalancer: 'cloud', addons: [] };

/** The `cluster:` block for `simulate` and for a scenario file. */
export function toClusterBlock(s: PlaygroundSettings): ClusterBlock {
  return {
    nodes: Array.isArray(s.nodes) ? [...s.nodes] : s.nodes,
    kubeProxyMode: s.kubeProxyMode,
    networkPolicy: s.networkPolicy,
    loadBalancer: s.loadBalancer,
    addons: ADDONS.filter((a) => s.addons.includes(a)),
    ...(s.seed !== undefined ? { seed: s.seed } : {}),
  };
}

/** Settings from a scenario's `cluster:` block; values the controls cannot show fall back to the
 * default, each with a note (the engine itself reports them when the scenario is run). */
export function fromClusterBlock(block: ClusterBlock | undefined): { settings: PlaygroundSettings; notes: string[] } {
  const notes: string[] = [];
  const settings: PlaygroundSettings = { ...DEFAULT_SETTINGS, addons: [] };
  if (!block) return { settings, notes };
  const nodes: unknown = block.nodes;
  if (typeof nodes === 'number' && Number.isInteger(nodes) && nodes >= 1 && nodes <= 250) settings.nodes = nodes;
  else if (Array.isArray(nodes) && nodes.length > 0 && nodes.every((n) => typeof n === 'string' || typeof n === 'number')) settings.nodes = nodes.map(String);
  else if (nodes !== undefined) notes.push(`cluster.nodes ${JSON.stringify(nodes)} is not a count or a list of names: using ${DEFAULT_SETTINGS.nodes}`);
  const mode: unknown = block.kubeProxyMode;
  if (KUBE_PROXY_MODES.includes(mode as KubeProxyMode)) settings.kubeProxyMode = mode as KubeProxyMode;
  else if (mode !== undefined) notes.push(`cluster.kubeProxyMode "${String(mode)}" is not supported: using iptables`);
  const np: unknown = block.networkPolicy;
  if (typeof np === 'boolean') settings.networkPolicy = np;
  else if (np !== undefined) notes.push('cluster.networkPolicy must be true or false: using true');
  const lb: unknown = block.loadBalancer;
  if (lb === 'cloud' || lb === 'none') settings.loadBalancer = lb;
  else if (lb !== undefined) notes.push(`cluster.loadBalancer "${String(lb)}" is not supported: using cloud`);
  const addons: unknown = block.addons;
  if (Array.isArray(addons)) {
    for (const a of addons) {
      if (ADDONS.includes(a as Addon)) settings.addons.push(a as Addon);
      else notes.push(`unknown addon "${String(a)}" left out`);
    }
  } else if (addons !== undefined) notes.push('cluster.addons must be a list');
  const seed: unknown = block.seed;
  if (typeof seed === 'number' && Number.isFinite(seed)) settings.seed = seed;
  return { settings, notes };
}

/** The node names the settings give: `node-1` … `node-N`, or the listed names. */
export function nodeNames(s: PlaygroundSettings): string[] {
  return Array.isArray(s.nodes) ? s.nodes : Array.from({ length: s.nodes }, (_, i) => `node-${i + 1}`);
}

/** One line for the toolbar: `2 nodes · iptables · NetworkPolicy enforced · LB cloud`. */
export function describeSettings(s: PlaygroundSettings): string {
  const count = nodeNames(s).length;
  const parts = [
    `${count} node${count === 1 ? '' : 's'}`,
    s.kubeProxyMode,
    s.networkPolicy ? 'NetworkPolicy enforced' : 'NetworkPolicy not enforced',
    s.loadBalancer === 'cloud' ? 'LB cloud' : 'LB none',
    ...s.addons,
  ];
  return parts.join(' · ');
}

/** Settings read back from storage, trusting nothing. */
export function sanitizeSettings(value: unknown): PlaygroundSettings {
  if (typeof value !== 'object' || value === null) return DEFAULT_SETTINGS;
  const v = value as Record<string, unknown>;
  const nodes = Array.isArray(v.nodes) && v.nodes.length > 0 && v.nodes.length <= 250 && v.nodes.every((n) => typeof n === 'string' && n !== '') ? (v.nodes as string[]) : typeof v.nodes === 'number' && Number.isInteger(v.nodes) && v.nodes >= 1 && v.nodes <= 250 ? v.nodes : DEFAULT_SETTINGS.nodes;
  return fromClusterBlock({ ...(v as ClusterBlock), nodes }).settings;
}
