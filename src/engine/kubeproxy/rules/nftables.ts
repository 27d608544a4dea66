// What kube-proxy's nftables proxier (pkg/proxy/nftables/proxier.go) programs on one node,
// printed as `nft list table ip kube-proxy` shows it.

import type { Cluster } from '../../types.ts';
import { ipInCidr } from '../../net/ip.ts';
import type { ServiceEndpoint } from '../endpoints.ts';
import { nftEndpointNameBase, nftServicePortNameBase } from './chain-names.ts';
import { CLUSTER_CIDR, endpointString, findNode, proxiedServicePorts, type ProxiedServicePort } from './service-ports.ts';

interface NftElement {
  key: string;
  value?: string;
  comment?: string;
}

interface NftSet {
  kind: 'set' | 'map';
  name: string;
  type: string;
  flags?: string;
  timeout?: number;
  comment?: string;
  elements: NftElement[];
}

interface NftChain {
  name: string;
  /** `type nat hook prerouting priority dstnat; policy accept;` for base chains. */
  header?: string;
  comment?: string;
  rules: string[];
}

const MARK = '0x00004000';
const ADDR_PORT_VERDICT = 'ipv4_addr . inet_proto . inet_service : verdict';
const PORT_VERDICT = 'inet_proto . inet_service : verdict';

const base = (name: string, type: string, hook: string, priority: string, rules: string[]): NftChain => ({
  name,
  header: `type ${type} hook ${hook} priority ${priority}; policy accept;`,
  rules,
});

/** nft prints set timeouts in d/h/m/s units (10800s is `3h`). */
function nftDuration(seconds: number): string {
  const units: Array<[string, number]> = [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]];
  let rest = seconds;
  let out = '';
  for (const [unit, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out || '0s';
}

function names(sp: ProxiedServicePort): { service: string; local: string; external: string; firewall: string } {
  const b = nftServicePortNameBase(sp.namespace, sp.serviceName, sp.protocol, sp.portName);
  return { service: `service-${b}`, local: `local-${b}`, external: `external-${b}`, firewall: `firewall-${b}` };
}

function endpointBase(sp: ProxiedServicePort, ep: ServiceEndpoint): string {
  return nftEndpointNameBase(sp.namespace, sp.serviceName, sp.protocol, sp.portName, ep.ip, ep.port);
}

/** The rule lines of writeServiceToEndpointRules: affinity lookups, then one numgen vmap. */
function dispatchRules(sp: ProxiedServicePort, endpoints: ServiceEndpoint[]): string[] {
  const rules: string[] = [];
  if (sp.stickySeconds !== undefined) {
    for (const ep of endpoints) rules.push(`ip saddr @affinity-${endpointBase(sp, ep)} goto endpoint-${endpointBase(sp, ep)}`);
  }
  const vmap = endpoints.map((ep, i) => `${i} : goto endpoint-${endpointBase(sp, ep)}`).join(', ');
  rules.push(`numgen random mod ${endpoints.length} vmap { ${vmap} }`);
  return rules;
}

/** Adds one Service port's elements, chains and affinity sets, following syncProxyRules. */
function addServicePort(sp: ProxiedServicePort, nodeIP: string | undefined, sets: Map<string, NftSet>, chains: NftChain[]): void {
  const n = names(sp);
  // Elements are keyed (nftElementStorage), so a multi-port Service adds its ClusterIP once.
  const el = (set: string, e: NftElement): void => {
    const elements = sets.get(set)!.elements;
    if (!elements.some((x) => x.key === e.key)) elements.push(e);
  };
  const key = (ip: string, port: number): string => `${ip} . ${sp.protocol} . ${port}`;
  const internalChain = sp.internalPolicyLocal ? n.local : n.service;
  const externalPolicyChain = sp.externalPolicyLocal ? n.local : n.service;
  const internalVerdict = sp.hasEndpoints ? 'drop' : 'goto reject-chain';
  const externalVerdict = internalVerdict;
  const usesFW = sp.loadBalancerIPs.length > 0 && sp.sourceRanges.length > 0;

  el('cluster-ips', { key: sp.clusterIP });
  if (sp.hasInternalEndpoints) el('service-ips', { key: key(sp.clusterIP, sp.port), value: `goto ${internalChain}` });
  else el('no-endpoint-services', { key: key(sp.clusterIP, sp.port), value: internalVerdict, comment: sp.name });
  for (const ip of sp.externalIPs) {
    if (sp.hasEndpoints) el('service-ips', { key: key(ip, sp.port), value: `goto ${n.external}` });
    if (!sp.hasExternalEndpoints) el('no-endpoint-services', { key: key(ip, sp.port), value: externalVerdict, comment: sp.name });
  }
  for (const ip of sp.loadBalancerIPs) {
    if (sp.hasEndpoints) el('service-ips', { key: key(ip, sp.port), value: `goto ${n.external}` });
    if (usesFW) el('firewall-ips', { key: key(ip, sp.port), value: `goto ${n.firewall}` });
  }
  if (!sp.hasExternalEndpoints) {
    for (const ip of sp.loadBalancerIPs) el('no-endpoint-services', { key: key(ip, sp.port), value: externalVerdict, comment: sp.name });
  }
  if (sp.nodePort !== undefined) {
    if (sp.hasEndpoints) el('service-nodeports', { key: `${sp.protocol} . ${sp.nodePort}`, value: `goto ${n.external}` });
    if (!sp.hasExternalEndpoints) el('no-endpoint-nodeports', { key: `${sp.protocol} . ${sp.nodePort}`, value: externalVerdict, comment: sp.name });
  }

  if (sp.usesExternalTrafficChain) {
    const rules: string[] = [];
    if (!sp.externalPolicyLocal) rules.push('jump mark-for-masquerade');
    else {
      rules.push(`ip saddr ${CLUSTER_CIDR} goto ${n.service} comment "short-circuit pod traffic"`);
      rules.push('fib saddr type local jump mark-for-masquerade comment "masquerade local traffic"');
      rules.push(`fib saddr type local goto ${n.service} comment "short-circuit local traffic"`);
    }
    if (sp.hasExternalEndpoints) rules.push(`goto ${externalPolicyChain}`);
    chains.push({ name: n.external, rules });
  }
  if (usesFW) {
    const sources = [...sp.sourceRanges];
    if (nodeIP !== undefined && sp.sourceRanges.some((c) => ipInCidr(nodeIP, c))) sources.push(...sp.loadBalancerIPs);
    const set = sources.length === 1 ? sources[0] : `{ ${sources.join(', ')} }`;
    chains.push({ name: n.firewall, rules: [`ip saddr != ${set} drop`] });
  }
  const internalMasq = `ip daddr ${sp.clusterIP} ${sp.protocol} dport ${sp.port} ip saddr != ${CLUSTER_CIDR} jump mark-for-masquerade`;
  if (sp.usesClusterPolicyChain) {
    const masq = sp.hasInternalEndpoints && internalChain === n.service ? [internalMasq] : [];
    chains.push({ name: n.service, rules: [...masq, ...dispatchRules(sp, sp.clusterEndpoints)] });
  }
  if (sp.usesLocalPolicyChain) {
    const masq = sp.hasInternalEndpoints && internalChain === n.local ? [internalMasq] : [];
    chains.push({ name: n.local, rules: [...masq, ...dispatchRules(sp, sp.localEndpoints)] });
  }
  for (const ep of sp.allReachableEndpoints) {
    const b = endpointBase(sp, ep);
    if (sp.stickySeconds !== undefined) {
      sets.set(`affinity-${b}`, { kind: 'set', name: `affinity-${b}`, type: 'ipv4_addr', flags: 'dynamic,timeout', timeout: sp.stickySeconds, elements: [] });
    }
    const rules = [`ip saddr ${ep.ip} jump mark-for-masquerade`];
    if (sp.stickySeconds !== undefined) rules.push(`update @affinity-${b} { ip saddr }`);
    rules.push(`meta l4proto ${sp.protocol} dnat to ${endpointString(ep)}`);
    chains.push({ name: `endpoint-${b}`, rules });
  }
}

function renderSet(s: NftSet): string[] {
  const lines = [`\t${s.kind} ${s.name} {`, `\t\ttype ${s.type}`];
  if (s.timeout !== undefined) lines.push('\t\tsize 65535');
  if (s.flags) lines.push(`\t\tflags ${s.flags}`);
  if (s.timeout !== undefined) lines.push(`\t\ttimeout ${nftDuration(s.timeout)}`);
  if (s.comment) lines.push(`\t\tcomment "${s.comment}"`);
  if (s.elements.length > 0) {
    const items = s.elements.map((e) => `${e.key}${e.comment ? ` comment "${e.comment}"` : ''}${e.value ? ` : ${e.value}` : ''}`);
    lines.push(`\t\telements = { ${items.join(',\n\t\t\t     ')} }`);
  }
  lines.push('\t}');
  return lines;
}

function renderChain(c: NftChain): string[] {
  const lines = [`\tchain ${c.name} {`];
  if (c.header) lines.push(`\t\t${c.header}`);
  if (c.comment) lines.push(`\t\tcomment "${c.comment}"`);
  for (const r of c.rules) lines.push(`\t\t${r}`);
  lines.push('\t}');
  return lines;
}

/** `nft list table ip kube-proxy` as kube-proxy in nftables mode leaves it on one node (best effort). */
export function renderNftables(cluster: Cluster, nodeName: string): string {
  const nodeIP = findNode(cluster, nodeName)?.internalIP;
  const sets = new Map<string, NftSet>();
  const addSet = (s: Omit<NftSet, 'elements'>): void => void sets.set(s.name, { ...s, elements: [] });
  // Creation order of setupNFTables; nodeport-ips is deleted again since --nodeport-addresses matches all.
  addSet({ kind: 'set', name: 'cluster-ips', type: 'ipv4_addr', comment: 'Active ClusterIPs' });
  addSet({ kind: 'map', name: 'no-endpoint-services', type: ADDR_PORT_VERDICT, comment: 'vmap to drop or reject packets to services with no endpoints' });
  addSet({ kind: 'map', name: 'no-endpoint-nodeports', type: PORT_VERDICT, comment: 'vmap to drop or reject packets to service nodeports with no endpoints' });
  addSet({ kind: 'map', name: 'firewall-ips', type: ADDR_PORT_VERDICT, comment: 'destinations that are subject to LoadBalancerSourceRanges' });
  addSet({ kind: 'map', name: 'service-ips', type: ADDR_PORT_VERDICT, comment: 'ClusterIP, ExternalIP and LoadBalancer IP traffic' });
  addSet({ kind: 'map', name: 'service-nodeports', type: PORT_VERDICT, comment: 'NodePort traffic' });

  const chains: NftChain[] = [
    base('filter-prerouting', 'filter', 'prerouting', 'dstnat - 10', ['ct state new jump firewall-check']),
    base('filter-input', 'filter', 'input', 'dstnat - 10', ['ct state new jump nodeport-endpoints-check', 'ct state new jump service-endpoints-check']),
    base('filter-forward', 'filter', 'forward', 'dstnat - 10', ['ct state new jump service-endpoints-check', 'ct state new jump cluster-ips-check']),
    base('filter-output', 'filter', 'output', 'dstnat - 10', ['ct state new jump service-endpoints-check', 'ct state new jump firewall-check']),
    base('filter-output-post-dnat', 'filter', 'output', 'dstnat + 10', ['ct state new jump cluster-ips-check']),
    base('nat-prerouting', 'nat', 'prerouting', 'dstnat', ['jump services']),
    base('nat-output', 'nat', 'output', 'dstnat', ['jump services']),
    base('nat-postrouting', 'nat', 'postrouting', 'srcnat', ['jump masquerading']),
    { name: 'nodeport-endpoints-check', rules: ['ip daddr != 127.0.0.0/8 meta l4proto . th dport vmap @no-endpoint-nodeports'] },
    { name: 'service-endpoints-check', rules: ['ip daddr . meta l4proto . th dport vmap @no-endpoint-services'] },
    { name: 'firewall-check', rules: ['ip daddr . meta l4proto . th dport vmap @firewall-ips'] },
    {
      name: 'services',
      rules: ['ip daddr . meta l4proto . th dport vmap @service-ips', 'fib daddr type local ip daddr != 127.0.0.0/8 meta l4proto . th dport vmap @service-nodeports'],
    },
    { name: 'masquerading', rules: [`meta mark & ${MARK} == 0x00000000 return`, `meta mark set meta mark ^ ${MARK}`, 'masquerade fully-random'] },
    {
      name: 'cluster-ips-check',
      rules: [
        'ip daddr @cluster-ips reject comment "Reject traffic to invalid ports of ClusterIPs"',
        `ip daddr ${cluster.settings.serviceCIDR} drop comment "Drop traffic to unallocated ClusterIPs"`,
      ],
    },
    { name: 'mark-for-masquerade', rules: [`meta mark set meta mark | ${MARK}`] },
    { name: 'reject-chain', comment: 'helper for @no-endpoint-services / @no-endpoint-nodeports', rules: ['reject'] },
  ];

  for (const sp of proxiedServicePorts(cluster, nodeName)) addServicePort(sp, nodeIP, sets, chains);

  const blocks = [...[...sets.values()].map(renderSet), ...chains.map(renderChain)];
  const body = blocks.map((b) => b.join('\n')).join('\n\n');
  return `table ip kube-proxy {\n\tcomment "rules for kube-proxy"\n\n${body}\n}\n`;
}
