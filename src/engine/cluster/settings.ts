import type { ClusterSettings, Diagnostic } from '../types.ts';

/** The `cluster:` block of a scenario, as written. */
export interface ClusterBlock {
  nodes?: number | string[];
  kubeProxyMode?: string;
  networkPolicy?: boolean;
  loadBalancer?: string;
  addons?: string[];
  seed?: number;
}

export const DEFAULT_SETTINGS: ClusterSettings = {
  nodes: ['node-1', 'node-2'],
  kubeProxyMode: 'iptables',
  networkPolicy: true,
  loadBalancer: 'cloud',
  addons: [],
  seed: 1,
  clusterDomain: 'cluster.local',
  serviceCIDR: '10.96.0.0/12',
};

const KNOWN_ADDONS = ['ingress-nginx', 'gateway-api'] as const;

/** Applies the contract's defaults to a `cluster:` block, reporting values it cannot use. */
export function resolveSettings(block: ClusterBlock | undefined): { settings: ClusterSettings; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const bad = (field: string, message: string) => diagnostics.push({ code: 'invalid_cluster_setting', severity: 'error', field: `cluster.${field}`, message });
  const settings: ClusterSettings = { ...DEFAULT_SETTINGS, addons: [] };
  if (!block) return { settings, diagnostics };
  if (typeof block.nodes === 'number') {
    if (Number.isInteger(block.nodes) && block.nodes >= 1 && block.nodes <= 250) settings.nodes = Array.from({ length: block.nodes }, (_, i) => `node-${i + 1}`);
    else bad('nodes', `nodes must be a whole number from 1 to 250, got ${block.nodes}`);
  } else if (Array.isArray(block.nodes)) {
    const names = block.nodes.map(String);
    if (names.length === 0 || names.length > 250) bad('nodes', 'nodes must list 1 to 250 names');
    else if (new Set(names).size !== names.length) bad('nodes', 'node names must be unique');
    else settings.nodes = names;
  } else if (block.nodes !== undefined) bad('nodes', 'nodes must be a count or a list of names');
  if (block.kubeProxyMode !== undefined) {
    if (block.kubeProxyMode === 'iptables' || block.kubeProxyMode === 'ipvs' || block.kubeProxyMode === 'nftables') settings.kubeProxyMode = block.kubeProxyMode;
    else bad('kubeProxyMode', `unsupported kubeProxyMode "${block.kubeProxyMode}": supported values: "iptables", "ipvs", "nftables"`);
  }
  if (block.networkPolicy !== undefined) {
    if (typeof block.networkPolicy === 'boolean') settings.networkPolicy = block.networkPolicy;
    else bad('networkPolicy', 'networkPolicy must be true or false');
  }
  if (block.loadBalancer !== undefined) {
    if (block.loadBalancer === 'cloud' || block.loadBalancer === 'none') settings.loadBalancer = block.loadBalancer;
    else bad('loadBalancer', `unsupported loadBalancer "${block.loadBalancer}": supported values: "cloud", "none"`);
  }
  if (block.addons !== undefined) {
    if (!Array.isArray(block.addons)) bad('addons', 'addons must be a list');
    else
      for (const addon of block.addons) {
        if ((KNOWN_ADDONS as readonly string[]).includes(addon)) settings.addons.push(addon as ClusterSettings['addons'][number]);
        else bad('addons', `unknown addon "${addon}": supported values: "ingress-nginx", "gateway-api"`);
      }
  }
  if (block.seed !== undefined) {
    if (typeof block.seed === 'number' && Number.isFinite(block.seed)) settings.seed = block.seed;
    else bad('seed', 'seed must be a number');
  }
  return { settings, diagnostics };
}
