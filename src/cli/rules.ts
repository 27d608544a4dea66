import { renderIptablesSave, renderIpvsadm, renderNftables } from '../engine/kubeproxy/rules/index.ts';
import type { Io } from './check.ts';
import { loadSimulation } from './load-cluster.ts';

/** `netlab rules FILE [--mode M] [--node N]`: what kube-proxy programs on one node. */
export function runRulesCommand(file: string | undefined, flags: Record<string, string | true>, io: Io): number {
  if (!file) {
    io.err('usage: netlab rules FILE [--mode iptables|ipvs|nftables] [--node NAME]\n');
    return 2;
  }
  const loaded = loadSimulation(file);
  if ('error' in loaded) {
    io.err(`${loaded.error}\n`);
    return 2;
  }
  const { cluster } = loaded.sim;
  const mode = typeof flags.mode === 'string' ? flags.mode : cluster.settings.kubeProxyMode;
  const nodeName = typeof flags.node === 'string' ? flags.node : cluster.nodes[0]?.name;
  if (!nodeName || !cluster.nodes.some((n) => n.name === nodeName)) {
    io.err(`error: nodes "${nodeName ?? ''}" not found\n`);
    return 2;
  }
  if (mode === 'iptables') io.out(renderIptablesSave(cluster, nodeName));
  else if (mode === 'ipvs') io.out(renderIpvsadm(cluster, nodeName));
  else if (mode === 'nftables') io.out(renderNftables(cluster, nodeName));
  else {
    io.err(`error: unsupported mode "${mode}": supported values: "iptables", "ipvs", "nftables"\n`);
    return 2;
  }
  return 0;
}
