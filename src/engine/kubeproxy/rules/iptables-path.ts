// Walks one new connection through the rules buildIptablesTables renders, so a trace can show
// the exact lines a packet matched: nat PREROUTING/OUTPUT, the filter hook, then nat POSTROUTING.

import type { Cluster } from '../../types.ts';
import { ipInCidr } from '../../net/ip.ts';
import { servicePortName } from '../endpoints.ts';
import { endpointChainName } from './chain-names.ts';
import { buildIptablesTables } from './iptables.ts';
import { renderRule, rulesOf, type IptAddress, type IptMatch, type IptRule, type IptTable } from './iptables-model.ts';
import { findNode } from './service-ports.ts';

/** The external client of the scenario contract (`external`). */
const EXTERNAL_CLIENT_IP = '198.51.100.7';
const MAX_DEPTH = 16;

/** What iptablesPathFor needs to know about the connection. */
export interface IptablesPathArgs {
  /** `ns/name` of the Service. */
  service: string;
  /** The Service port (spec.ports[].port), also for node-port entries. */
  port: number;
  protocol: string;
  entry: 'cluster-ip' | 'node-port' | 'load-balancer' | 'external-ip';
  /** `ip:port` of the endpoint the lead's routing chose; without it the first pick wins. */
  endpoint?: string;
  /** Client address; defaults to a pod on this node for cluster-ip and to the external client otherwise.
   * The node's own IP means a host process (nat OUTPUT instead of PREROUTING). */
  sourceIP?: string;
  /** Which load-balancer or external IP was dialled; defaults to the first. */
  destinationIP?: string;
  /** True when the client already has a ClientIP-affinity entry, so `recent --rcheck` matches. */
  affinityHit?: boolean;
}

/** One rule a packet matched. */
export interface IptablesPathStep {
  table: 'nat' | 'filter';
  chain: string;
  rule: string;
}

interface PacketState {
  src: string;
  dst: string;
  dport: number;
  proto: string;
  mark: number;
  dnat: boolean;
}

interface WalkContext {
  isLocal: (ip: string) => boolean;
  wantedEndpointChain?: string;
  affinityHit: boolean;
}

type Verdict = 'ACCEPT' | 'DROP' | 'REJECT' | 'DNAT' | 'MASQUERADE';

function addressMatches(addr: IptAddress | undefined, ip: string): boolean {
  if (!addr) return true;
  const inside = ipInCidr(ip, addr.cidr.includes('/') ? addr.cidr : `${addr.cidr}/32`);
  return addr.negate ? !inside : inside;
}

function matchMatches(m: IptMatch, rule: IptRule, pkt: PacketState, ctx: WalkContext): boolean {
  switch (m.kind) {
    case 'comment':
      return true;
    case 'proto':
      return pkt.proto === m.proto && (m.dport === undefined || m.dport === pkt.dport);
    case 'statistic':
      // The random pick is replayed: it "hits" for the endpoint the trace chose.
      return ctx.wantedEndpointChain === undefined || rule.target === ctx.wantedEndpointChain;
    case 'recent':
      if (m.op === 'set') return true;
      return ctx.affinityHit && (ctx.wantedEndpointChain === undefined || m.name === ctx.wantedEndpointChain);
    case 'addrtype':
      return (!m.srcLocal || ctx.isLocal(pkt.src)) && (!m.dstLocal || ctx.isLocal(pkt.dst));
    case 'mark': {
      const value = Number(m.mark);
      const set = (pkt.mark & value) === value;
      return m.negate ? !set : set;
    }
    case 'conntrack': {
      // A first packet: conntrack state NEW, plus DNAT once it has been translated.
      const states = pkt.dnat ? ['NEW', 'DNAT'] : ['NEW'];
      const hit = m.ctstate.split(',').some((s) => states.includes(s));
      return m.negate ? !hit : hit;
    }
  }
}

function ruleMatches(rule: IptRule, pkt: PacketState, ctx: WalkContext): boolean {
  if (!addressMatches(rule.source, pkt.src) || !addressMatches(rule.destination, pkt.dst)) return false;
  if (rule.protocol && rule.protocol !== pkt.proto) return false;
  return rule.matches.every((m) => matchMatches(m, rule, pkt, ctx));
}

function applyMark(pkt: PacketState, options: string): void {
  const m = /--set-xmark (0x[0-9a-f]+)\/(0x[0-9a-f]+)/i.exec(options);
  if (!m) return;
  const value = Number(m[1]);
  const mask = Number(m[2]);
  pkt.mark = ((pkt.mark & ~mask) ^ value) >>> 0;
}

function walk(table: IptTable, chain: string, pkt: PacketState, ctx: WalkContext, depth: number): { steps: IptablesPathStep[]; verdict?: Verdict } {
  const steps: IptablesPathStep[] = [];
  if (depth > MAX_DEPTH) return { steps };
  for (const rule of rulesOf(table, chain)) {
    if (!ruleMatches(rule, pkt, ctx)) continue;
    const step: IptablesPathStep = { table: table.name, chain, rule: renderRule(rule) };
    const target = rule.target;
    if (target === undefined) {
      steps.push(step);
      continue;
    }
    switch (target) {
      case 'RETURN':
        steps.push(step);
        return { steps };
      case 'ACCEPT':
      case 'DROP':
      case 'REJECT':
        steps.push(step);
        return { steps, verdict: target };
      case 'DNAT': {
        const to = /--to-destination (\S+):(\d+)/.exec(rule.targetOptions ?? '');
        if (to) {
          pkt.dst = to[1]!;
          pkt.dport = Number(to[2]);
        }
        pkt.dnat = true;
        steps.push(step);
        return { steps, verdict: 'DNAT' };
      }
      case 'MASQUERADE':
        steps.push(step);
        return { steps, verdict: 'MASQUERADE' };
      case 'MARK':
        applyMark(pkt, rule.targetOptions ?? '');
        steps.push(step);
        continue;
      default: {
        const sub = walk(table, target, pkt, ctx, depth + 1);
        // A jump into a chain where nothing matched taught nothing: leave it out.
        if (sub.steps.length > 0 || sub.verdict) steps.push(step, ...sub.steps);
        if (sub.verdict) return { steps, verdict: sub.verdict };
      }
    }
  }
  return { steps };
}

/** The iptables rules a new connection to (service, port) through `entry` matches on `nodeName`, in order. */
export function iptablesPathFor(cluster: Cluster, nodeName: string, args: IptablesPathArgs): IptablesPathStep[] {
  const node = findNode(cluster, nodeName);
  const svc = cluster.services.find((s) => `${s.namespace}/${s.name}` === args.service);
  const port = svc?.ports.find((p) => p.port === args.port && p.protocol.toLowerCase() === args.protocol.toLowerCase());
  if (!node || !svc || !port) return [];

  let dst: string | undefined;
  let dport = port.port;
  if (args.entry === 'cluster-ip') dst = svc.clusterIP;
  else if (args.entry === 'node-port') {
    dst = node.internalIP;
    dport = port.nodePort ?? 0;
  } else if (args.entry === 'load-balancer') dst = args.destinationIP ?? svc.loadBalancerIPs[0];
  else dst = args.destinationIP ?? svc.externalIPs[0];
  if (!dst || !dport) return [];

  const isLocal = (ip: string): boolean => ip === node.internalIP || ipInCidr(ip, '127.0.0.0/8');
  const defaultSource = args.entry === 'cluster-ip' ? podSourceOn(cluster, nodeName) : EXTERNAL_CLIENT_IP;
  const pkt: PacketState = { src: args.sourceIP ?? defaultSource, dst, dport, proto: port.protocol.toLowerCase(), mark: 0, dnat: false };
  const ctx: WalkContext = {
    isLocal,
    wantedEndpointChain: args.endpoint ? endpointChainName(servicePortName(svc, port), port.protocol, args.endpoint) : undefined,
    affinityHit: args.affinityHit ?? false,
  };

  const { nat, filter } = buildIptablesTables(cluster, nodeName);
  const fromHost = isLocal(pkt.src);
  const pre = walk(nat, fromHost ? 'OUTPUT' : 'PREROUTING', pkt, ctx, 0);
  const filterHook = fromHost ? 'OUTPUT' : isLocal(pkt.dst) ? 'INPUT' : 'FORWARD';
  const filtered = walk(filter, filterHook, pkt, ctx, 0);
  const steps = [...pre.steps, ...filtered.steps];
  if (filtered.verdict === 'DROP' || filtered.verdict === 'REJECT' || filterHook === 'INPUT') return steps;
  return [...steps, ...walk(nat, 'POSTROUTING', pkt, ctx, 0).steps];
}

/** A pod address on the node (the first pod by name), else the node's pod CIDR gateway. */
function podSourceOn(cluster: Cluster, nodeName: string): string {
  const pod = cluster.pods
    .filter((p) => p.nodeName === nodeName && !p.hostNetwork && p.podIP)
    .sort((a, b) => (a.namespace + '/' + a.name < b.namespace + '/' + b.name ? -1 : 1))[0];
  if (pod) return pod.podIP;
  const cidr = findNode(cluster, nodeName)?.podCIDR ?? '10.244.0.0/24';
  const base = cidr.split('/')[0]!.split('.');
  return `${base[0]}.${base[1]}.${base[2]}.1`;
}
