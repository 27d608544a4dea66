// The rules kube-proxy programs on a node, rendered as the tools a learner would run there.

export { renderIptablesSave, buildIptablesTables, type IptablesTables } from './iptables.ts';
export { iptablesPathFor, type IptablesPathArgs, type IptablesPathStep } from './iptables-path.ts';
export { renderIpvsadm, buildIpvsVirtualServers, type IpvsVirtualServer } from './ipvs.ts';
export { renderNftables } from './nftables.ts';
export { serviceChainName, endpointChainName, nftServicePortNameBase, nftEndpointNameBase, type ServiceChainPrefix } from './chain-names.ts';
export { renderRule, type IptRule, type IptMatch, type IptTable } from './iptables-model.ts';
export { CLUSTER_CIDR, MASQUERADE_MARK, isProxiedService, proxiedServicePorts, type ProxiedServicePort } from './service-ports.ts';
