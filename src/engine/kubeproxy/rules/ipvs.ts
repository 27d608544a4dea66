// What kube-proxy's IPVS proxier (pkg/proxy/ipvs/proxier.go) programs on one node, printed as
// `ipvsadm -Ln` shows it: one virtual server per ClusterIP, externalIP, load-balancer IP and
// node IP (for NodePorts), each with its real servers.

import type { Cluster } from '../../types.ts';
import { parseIPv4 } from '../../net/ip.ts';
import type { ServiceEndpoint } from '../endpoints.ts';
import { findNode, proxiedServicePorts, type ProxiedServicePort } from './service-ports.ts';

/** One IPVS virtual server and its destinations. */
export interface IpvsVirtualServer {
  protocol: 'TCP' | 'UDP' | 'SCTP';
  address: string;
  port: number;
  scheduler: string;
  /** Persistence timeout in seconds (sessionAffinity: ClientIP). */
  persistent?: number;
  realServers: Array<{ address: string; port: number; weight: number }>;
  /** `ns/name:port` it was created for. */
  servicePort: string;
}

const PROTOCOL_NUMBER = { TCP: 6, UDP: 17, SCTP: 132 } as const;

/** syncEndpoint: Local policy uses this node's endpoints, falling back to the cluster-wide ones
 * when there are none (kubernetes/kubernetes#97081) so pods on the node can still connect. */
function realServersFor(sp: ProxiedServicePort, onlyNodeLocal: boolean): ServiceEndpoint[] {
  if (!onlyNodeLocal) return sp.clusterEndpoints;
  return sp.localEndpoints.length > 0 ? sp.localEndpoints : sp.clusterEndpoints;
}

/** The IPVS virtual servers kube-proxy in IPVS mode creates on `nodeName` (scheduler rr). */
export function buildIpvsVirtualServers(cluster: Cluster, nodeName: string): IpvsVirtualServer[] {
  const nodeIP = findNode(cluster, nodeName)?.internalIP;
  const out: IpvsVirtualServer[] = [];
  for (const sp of proxiedServicePorts(cluster, nodeName)) {
    const protocol = sp.protocol.toUpperCase() as IpvsVirtualServer['protocol'];
    const add = (address: string, port: number, onlyNodeLocal: boolean): void => {
      const eps = realServersFor(sp, onlyNodeLocal);
      out.push({
        protocol,
        address,
        port,
        scheduler: 'rr',
        persistent: sp.stickySeconds,
        realServers: eps.map((ep) => ({ address: ep.ip, port: ep.port, weight: 1 })),
        servicePort: sp.name,
      });
    };
    add(sp.clusterIP, sp.port, sp.internalPolicyLocal);
    for (const ip of sp.externalIPs) add(ip, sp.port, sp.externalPolicyLocal);
    for (const ip of sp.loadBalancerIPs) add(ip, sp.port, sp.externalPolicyLocal);
    if (sp.nodePort !== undefined && nodeIP !== undefined) add(nodeIP, sp.nodePort, sp.externalPolicyLocal);
  }
  // ipvsadm sorts (ipvs_cmp_services): protocol number, address, port; destinations by address, port.
  const ipNum = (ip: string): number => parseIPv4(ip) ?? 0;
  for (const vs of out) vs.realServers.sort((a, b) => ipNum(a.address) - ipNum(b.address) || a.port - b.port);
  return out.sort(
    (a, b) => PROTOCOL_NUMBER[a.protocol] - PROTOCOL_NUMBER[b.protocol] || ipNum(a.address) - ipNum(b.address) || a.port - b.port,
  );
}

/** `ipvsadm -Ln` output for one node in IPVS mode. */
export function renderIpvsadm(cluster: Cluster, nodeName: string): string {
  const lines = [
    'IP Virtual Server version 1.2.1 (size=4096)',
    'Prot LocalAddress:Port Scheduler Flags',
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
  ];
  for (const vs of buildIpvsVirtualServers(cluster, nodeName)) {
    lines.push(`${vs.protocol}  ${vs.address}:${vs.port} ${vs.scheduler}${vs.persistent !== undefined ? ` persistent ${vs.persistent}` : ''}`);
    for (const rs of vs.realServers) {
      // ipvsadm: "  -> %-28s %-7s %-6d %-10u %-10u" (trailing padding trimmed).
      const row = `  -> ${`${rs.address}:${rs.port}`.padEnd(28)} ${'Masq'.padEnd(7)} ${String(rs.weight).padEnd(6)} ${'0'.padEnd(10)} 0`;
      lines.push(row);
    }
  }
  return `${lines.join('\n')}\n`;
}
