// What kube-proxy's iptables proxier (pkg/proxy/iptables/proxier.go, syncProxyRules) programs
// on one node, built as structured rules so they can be printed and walked.

import type { Cluster } from '../../types.ts';
import type { ServiceEndpoint } from '../endpoints.ts';
import { ipInCidr } from '../../net/ip.ts';
import { endpointChainName, serviceChainName } from './chain-names.ts';
import { computeProbability, renderTable, type IptMatch, type IptRule, type IptTable } from './iptables-model.ts';
import {
  CLUSTER_CIDR,
  MASQUERADE_MARK,
  endpointString,
  findNode,
  proxiedServicePorts,
  type ProxiedServicePort,
} from './service-ports.ts';

const NAT_BUILTINS = ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'];
const FILTER_BUILTINS = ['INPUT', 'FORWARD', 'OUTPUT'];
const NODEPORTS_COMMENT = 'kubernetes service nodeports; NOTE: this must be the last rule in this chain';

/** The nat and filter tables kube-proxy (iptables mode) leaves on one node. */
export interface IptablesTables {
  nat: IptTable;
  filter: IptTable;
}

const comment = (text: string): IptMatch => ({ kind: 'comment', text });
const proto = (p: string, dport?: number): IptMatch => ({ kind: 'proto', proto: p, dport });
const newConn: IptMatch = { kind: 'conntrack', ctstate: 'NEW' };

/** The jump rules kube-proxy ensures with Prepend (so the last listed ends up first), below kubelet's KUBE-FIREWALL jumps. */
function jumpRules(): { nat: IptRule[]; filter: IptRule[] } {
  const j = (chain: string, target: string, text: string, extra: IptMatch[] = []): IptRule => ({ chain, matches: [...extra, comment(text)], target });
  return {
    nat: [
      j('PREROUTING', 'KUBE-SERVICES', 'kubernetes service portals'),
      j('OUTPUT', 'KUBE-SERVICES', 'kubernetes service portals'),
      j('POSTROUTING', 'KUBE-POSTROUTING', 'kubernetes postrouting rules'),
    ],
    filter: [
      j('INPUT', 'KUBE-PROXY-FIREWALL', 'kubernetes load balancer firewall', [newConn]),
      j('INPUT', 'KUBE-NODEPORTS', 'kubernetes health check service ports'),
      j('INPUT', 'KUBE-EXTERNAL-SERVICES', 'kubernetes externally-visible service portals', [newConn]),
      { chain: 'INPUT', matches: [], target: 'KUBE-FIREWALL' },
      j('FORWARD', 'KUBE-PROXY-FIREWALL', 'kubernetes load balancer firewall', [newConn]),
      j('FORWARD', 'KUBE-FORWARD', 'kubernetes forwarding rules'),
      j('FORWARD', 'KUBE-SERVICES', 'kubernetes service portals', [newConn]),
      j('FORWARD', 'KUBE-EXTERNAL-SERVICES', 'kubernetes externally-visible service portals', [newConn]),
      j('OUTPUT', 'KUBE-PROXY-FIREWALL', 'kubernetes load balancer firewall', [newConn]),
      j('OUTPUT', 'KUBE-SERVICES', 'kubernetes service portals', [newConn]),
      { chain: 'OUTPUT', matches: [], target: 'KUBE-FIREWALL' },
    ],
  };
}

/** The service-to-endpoint dispatch of writeServiceToEndpointRules: affinity checks, then 1/(n-i) picks. */
function serviceToEndpointRules(sp: ProxiedServicePort, chain: string, endpoints: ServiceEndpoint[]): IptRule[] {
  const rules: IptRule[] = [];
  const sep = (ep: ServiceEndpoint): string => endpointChainName(sp.name, sp.protocol, endpointString(ep));
  if (sp.stickySeconds !== undefined) {
    for (const ep of endpoints) {
      rules.push({
        chain,
        matches: [comment(`${sp.name} -> ${endpointString(ep)}`), { kind: 'recent', op: 'rcheck', name: sep(ep), seconds: sp.stickySeconds }],
        target: sep(ep),
      });
    }
  }
  endpoints.forEach((ep, i) => {
    const matches: IptMatch[] = [comment(`${sp.name} -> ${endpointString(ep)}`)];
    if (i < endpoints.length - 1) matches.push({ kind: 'statistic', probability: computeProbability(endpoints.length - i) });
    rules.push({ chain, matches, target: sep(ep) });
  });
  return rules;
}

/** Writes one Service port's rules in the order syncProxyRules does. */
function writeServicePort(sp: ProxiedServicePort, nodeIP: string | undefined, nat: IptRule[], filter: IptRule[], natChains: string[]): void {
  const svcChain = serviceChainName('KUBE-SVC-', sp.name, sp.protocol);
  const svlChain = serviceChainName('KUBE-SVL-', sp.name, sp.protocol);
  const extChain = serviceChainName('KUBE-EXT-', sp.name, sp.protocol);
  const fwChain = serviceChainName('KUBE-FW-', sp.name, sp.protocol);
  const internalChain = sp.internalPolicyLocal ? svlChain : svcChain;
  const externalPolicyChain = sp.externalPolicyLocal ? svlChain : svcChain;
  const usesFW = sp.hasEndpoints && sp.loadBalancerIPs.length > 0 && sp.sourceRanges.length > 0;
  const lbChain = usesFW ? fwChain : extChain;

  const noEndpoints = `${sp.name} has no endpoints`;
  const noLocal = `${sp.name} has no local endpoints`;
  const internalFilter = sp.hasEndpoints ? { target: 'DROP', text: noLocal } : { target: 'REJECT', text: noEndpoints };
  const externalFilter = internalFilter;
  const filterRule = (chain: string, f: { target: string; text: string }, ip: string | undefined, port: number, extra: IptMatch[] = []): IptRule => ({
    chain,
    destination: ip ? { cidr: ip } : undefined,
    protocol: sp.protocol,
    matches: [comment(f.text), ...extra, proto(sp.protocol, port)],
    target: f.target,
    targetOptions: f.target === 'REJECT' ? '--reject-with icmp-port-unreachable' : undefined,
  });
  const dispatch = (ip: string, text: string, target: string): IptRule => ({
    chain: 'KUBE-SERVICES',
    destination: { cidr: ip },
    protocol: sp.protocol,
    matches: [comment(text), proto(sp.protocol, sp.port)],
    target,
  });

  // Capture the clusterIP.
  if (sp.hasInternalEndpoints) nat.push(dispatch(sp.clusterIP, `${sp.name} cluster IP`, internalChain));
  else filter.push(filterRule('KUBE-SERVICES', internalFilter, sp.clusterIP, sp.port));

  // Capture externalIPs.
  for (const ip of sp.externalIPs) {
    if (sp.hasEndpoints) nat.push(dispatch(ip, `${sp.name} external IP`, extChain));
    if (!sp.hasExternalEndpoints) filter.push(filterRule('KUBE-EXTERNAL-SERVICES', externalFilter, ip, sp.port));
  }

  // Capture load-balancer ingress.
  for (const ip of sp.loadBalancerIPs) {
    if (sp.hasEndpoints) nat.push(dispatch(ip, `${sp.name} loadbalancer IP`, lbChain));
    if (usesFW) {
      filter.push(filterRule('KUBE-PROXY-FIREWALL', { target: 'DROP', text: `${sp.name} traffic not accepted by ${fwChain}` }, ip, sp.port));
    }
  }
  if (!sp.hasExternalEndpoints) {
    for (const ip of sp.loadBalancerIPs) filter.push(filterRule('KUBE-EXTERNAL-SERVICES', externalFilter, ip, sp.port));
  }

  // Capture nodeports.
  if (sp.nodePort !== undefined) {
    if (sp.hasEndpoints) {
      nat.push({ chain: 'KUBE-NODEPORTS', protocol: sp.protocol, matches: [comment(sp.name), proto(sp.protocol, sp.nodePort)], target: extChain });
    }
    if (!sp.hasExternalEndpoints) {
      filter.push(filterRule('KUBE-EXTERNAL-SERVICES', externalFilter, undefined, sp.nodePort, [{ kind: 'addrtype', dstLocal: true }]));
    }
  }

  // Capture healthCheckNodePorts.
  if (sp.healthCheckNodePort !== undefined) {
    filter.push({
      chain: 'KUBE-NODEPORTS',
      protocol: 'tcp',
      matches: [comment(`${sp.name} health check node port`), proto('tcp', sp.healthCheckNodePort)],
      target: 'ACCEPT',
    });
  }

  // Internal traffic: masquerade off-cluster sources (--cluster-cidr local detector).
  if (sp.hasInternalEndpoints) {
    nat.push({
      chain: internalChain,
      source: { cidr: CLUSTER_CIDR, negate: true },
      destination: { cidr: sp.clusterIP },
      protocol: sp.protocol,
      matches: [comment(`${sp.name} cluster IP`), proto(sp.protocol, sp.port)],
      target: 'KUBE-MARK-MASQ',
    });
  }

  // External traffic: everything captured above jumps to the EXT chain.
  if (sp.usesExternalTrafficChain) {
    natChains.push(extChain);
    if (!sp.externalPolicyLocal) {
      nat.push({ chain: extChain, matches: [comment(`masquerade traffic for ${sp.name} external destinations`)], target: 'KUBE-MARK-MASQ' });
    } else {
      nat.push({ chain: extChain, source: { cidr: CLUSTER_CIDR }, matches: [comment(`pod traffic for ${sp.name} external destinations`)], target: svcChain });
      nat.push({
        chain: extChain,
        matches: [comment(`masquerade LOCAL traffic for ${sp.name} external destinations`), { kind: 'addrtype', srcLocal: true }],
        target: 'KUBE-MARK-MASQ',
      });
      nat.push({
        chain: extChain,
        matches: [comment(`route LOCAL traffic for ${sp.name} external destinations`), { kind: 'addrtype', srcLocal: true }],
        target: svcChain,
      });
    }
    if (sp.hasExternalEndpoints) nat.push({ chain: extChain, matches: [], target: externalPolicyChain });
  }

  // loadBalancerSourceRanges: allowed sources go on to EXT, the rest fall through to KUBE-PROXY-FIREWALL.
  if (usesFW) {
    natChains.push(fwChain);
    const lbComment = comment(`${sp.name} loadbalancer IP`);
    let allowFromNode = false;
    for (const cidr of sp.sourceRanges) {
      nat.push({ chain: fwChain, source: { cidr }, matches: [lbComment], target: extChain });
      if (nodeIP !== undefined && ipInCidr(nodeIP, cidr)) allowFromNode = true;
    }
    if (allowFromNode) {
      for (const ip of sp.loadBalancerIPs) nat.push({ chain: fwChain, source: { cidr: ip }, matches: [lbComment], target: extChain });
    }
    nat.push({ chain: fwChain, matches: [comment(`other traffic to ${sp.name} will be dropped by KUBE-PROXY-FIREWALL`)] });
  }

  if (sp.usesClusterPolicyChain) {
    natChains.push(svcChain);
    nat.push(...serviceToEndpointRules(sp, svcChain, sp.clusterEndpoints));
  }
  if (sp.usesLocalPolicyChain) {
    natChains.push(svlChain);
    nat.push(...serviceToEndpointRules(sp, svlChain, sp.localEndpoints));
  }

  // Per-endpoint chains: hairpin masquerade, then DNAT (recording affinity first).
  for (const ep of sp.allReachableEndpoints) {
    const sep = endpointChainName(sp.name, sp.protocol, endpointString(ep));
    natChains.push(sep);
    nat.push({ chain: sep, source: { cidr: ep.ip }, matches: [comment(sp.name)], target: 'KUBE-MARK-MASQ' });
    const matches: IptMatch[] = [comment(sp.name)];
    if (sp.stickySeconds !== undefined) matches.push({ kind: 'recent', op: 'set', name: sep });
    matches.push(proto(sp.protocol));
    nat.push({ chain: sep, protocol: sp.protocol, matches, target: 'DNAT', targetOptions: `--to-destination ${endpointString(ep)}` });
  }
}

/** Builds the nat and filter tables kube-proxy in iptables mode programs on `nodeName`. */
export function buildIptablesTables(cluster: Cluster, nodeName: string): IptablesTables {
  const nodeIP = findNode(cluster, nodeName)?.internalIP;
  const jumps = jumpRules();
  const nat: IptRule[] = [...jumps.nat];
  const filter: IptRule[] = [...jumps.filter];
  const natChains = ['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ', 'KUBE-KUBELET-CANARY', 'KUBE-PROXY-CANARY'];
  const filterChains = ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-FORWARD', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL', 'KUBE-FIREWALL', 'KUBE-KUBELET-CANARY', 'KUBE-PROXY-CANARY'];

  nat.push(
    { chain: 'KUBE-POSTROUTING', matches: [{ kind: 'mark', mark: MASQUERADE_MARK, negate: true }], target: 'RETURN' },
    // iptables-save prints --xor-mark X as --set-xmark X/0x0 and --or-mark X as --set-xmark X/X.
    { chain: 'KUBE-POSTROUTING', matches: [], target: 'MARK', targetOptions: `--set-xmark ${MASQUERADE_MARK}/0x0` },
    { chain: 'KUBE-POSTROUTING', matches: [comment('kubernetes service traffic requiring SNAT')], target: 'MASQUERADE', targetOptions: '--random-fully' },
    { chain: 'KUBE-MARK-MASQ', matches: [], target: 'MARK', targetOptions: `--set-xmark ${MASQUERADE_MARK}/${MASQUERADE_MARK}` },
  );
  // localhostNodePorts (the default) opens route_localnet; this rule (kubelet writes it too) closes the hole.
  filter.push({
    chain: 'KUBE-FIREWALL',
    source: { cidr: '127.0.0.0/8', negate: true },
    destination: { cidr: '127.0.0.0/8' },
    matches: [comment('block incoming localnet connections'), { kind: 'conntrack', ctstate: 'RELATED,ESTABLISHED,DNAT', negate: true }],
    target: 'DROP',
  });

  for (const sp of proxiedServicePorts(cluster, nodeName)) writeServicePort(sp, nodeIP, nat, filter, natChains);

  // Tail-call to the nodeports chain; it must be the last rule of KUBE-SERVICES.
  nat.push({ chain: 'KUBE-SERVICES', matches: [comment(NODEPORTS_COMMENT), { kind: 'addrtype', dstLocal: true }], target: 'KUBE-NODEPORTS' });

  filter.push(
    { chain: 'KUBE-FORWARD', matches: [{ kind: 'conntrack', ctstate: 'INVALID' }], target: 'DROP' },
    { chain: 'KUBE-FORWARD', matches: [comment('kubernetes forwarding rules'), { kind: 'mark', mark: MASQUERADE_MARK }], target: 'ACCEPT' },
    { chain: 'KUBE-FORWARD', matches: [comment('kubernetes forwarding conntrack rule'), { kind: 'conntrack', ctstate: 'RELATED,ESTABLISHED' }], target: 'ACCEPT' },
  );

  return {
    nat: { name: 'nat', builtinChains: NAT_BUILTINS, chains: natChains, rules: nat },
    filter: { name: 'filter', builtinChains: FILTER_BUILTINS, chains: filterChains, rules: filter },
  };
}

/** iptables-save output of the nat and filter tables kube-proxy (iptables mode) programs on one node. */
export function renderIptablesSave(cluster: Cluster, nodeName: string): string {
  const { nat, filter } = buildIptablesTables(cluster, nodeName);
  const block = (t: IptTable): string => ['# Generated by iptables-save v1.8.10 (nf_tables)', renderTable(t), '# Completed'].join('\n');
  return `${block(nat)}\n${block(filter)}\n`;
}
