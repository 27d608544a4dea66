// The Service ports kube-proxy programs on one node, with the endpoint split and the
// booleans pkg/proxy/{iptables,nftables}/proxier.go syncProxyRules derives from it. Every
// renderer reads this one model so the three modes and the lead's packet routing agree.

import type { Cluster, Node, Service, ServicePort } from '../../types.ts';
import { formatIPv4, parseCidr } from '../../net/ip.ts';
import {
  categorizeEndpoints,
  endpointsForServicePort,
  externallyAccessible,
  externalPolicyLocal,
  internalPolicyLocal,
  servicePortName,
  type ServiceEndpoint,
} from '../endpoints.ts';

/** --cluster-cidr as kubeadm and kind configure it; kube-proxy's LocalTrafficDetector uses it. */
export const CLUSTER_CIDR = '10.244.0.0/16';
/** 1 << --iptables-masquerade-bit (14), formatted as kube-proxy does (`%#08x`). */
export const MASQUERADE_MARK = '0x4000';

/** Services carrying this label belong to another proxy; kube-proxy's informer filters them out. */
const SERVICE_PROXY_NAME_LABEL = 'service.kubernetes.io/service-proxy-name';
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

export type LowerProtocol = 'tcp' | 'udp' | 'sctp';

/** One Service port as kube-proxy's syncProxyRules sees it on one node. */
export interface ProxiedServicePort {
  namespace: string;
  serviceName: string;
  portName: string;
  /** ServicePortName.String(): `ns/name:port` (`ns/name` when the port is unnamed). */
  name: string;
  protocol: LowerProtocol;
  clusterIP: string;
  port: number;
  nodePort?: number;
  healthCheckNodePort?: number;
  externalIPs: string[];
  loadBalancerIPs: string[];
  /** Normalised CIDRs from spec.loadBalancerSourceRanges (or the legacy annotation). */
  sourceRanges: string[];
  /** Set when sessionAffinity is ClientIP. */
  stickySeconds?: number;
  externallyAccessible: boolean;
  internalPolicyLocal: boolean;
  externalPolicyLocal: boolean;
  clusterEndpoints: ServiceEndpoint[];
  localEndpoints: ServiceEndpoint[];
  allReachableEndpoints: ServiceEndpoint[];
  hasEndpoints: boolean;
  /** False when internalTrafficPolicy is Local and this node has no usable endpoint. */
  hasInternalEndpoints: boolean;
  /** False when externalTrafficPolicy is Local and this node has no usable endpoint. */
  hasExternalEndpoints: boolean;
  usesClusterPolicyChain: boolean;
  usesLocalPolicyChain: boolean;
  usesExternalTrafficChain: boolean;
}

/** Whether kube-proxy programs a Service at all: headless, ExternalName and foreign-proxy Services get nothing. */
export function isProxiedService(svc: Service): boolean {
  if (svc.type === 'ExternalName') return false;
  if (svc.clusterIP === '' || svc.clusterIP === 'None') return false;
  return svc.labels[SERVICE_PROXY_NAME_LABEL] === undefined;
}

function normaliseCidr(text: string): string | undefined {
  const trimmed = text.trim();
  const cidr = parseCidr(trimmed.includes('/') ? trimmed : `${trimmed}/32`);
  return cidr ? `${formatIPv4(cidr.base)}/${cidr.bits}` : undefined;
}

/** loadBalancerSourceRanges, or the legacy annotation kube-proxy still reads, as CIDRs. */
export function sourceRangesOf(svc: Service): string[] {
  const raw = svc.loadBalancerSourceRanges.length > 0
    ? svc.loadBalancerSourceRanges
    : (svc.annotations[SOURCE_RANGES_ANNOTATION] ?? '').split(',').filter((s) => s.trim() !== '');
  return raw.map(normaliseCidr).filter((c): c is string => c !== undefined);
}

function hasNodePort(svc: Service, port: ServicePort): boolean {
  return (svc.type === 'NodePort' || svc.type === 'LoadBalancer') && port.nodePort !== undefined && port.nodePort !== 0;
}

/** Derives the per-node view of one Service port, as syncProxyRules does before writing rules. */
export function proxiedServicePort(cluster: Cluster, svc: Service, port: ServicePort, nodeName: string): ProxiedServicePort {
  const endpoints = endpointsForServicePort(cluster.endpointSlices, svc, port);
  const cat = categorizeEndpoints(endpoints, svc, nodeName);
  const iLocal = internalPolicyLocal(svc);
  const eLocal = externalPolicyLocal(svc);
  const accessible = externallyAccessible(svc);
  const usesCluster = !iLocal || (accessible && !eLocal);
  const usesLocal = iLocal || eLocal;
  const hasEndpoints = cat.hasAnyEndpoints;
  return {
    namespace: svc.namespace,
    serviceName: svc.name,
    portName: port.name,
    name: servicePortName(svc, port),
    protocol: port.protocol.toLowerCase() as LowerProtocol,
    clusterIP: svc.clusterIP,
    port: port.port,
    nodePort: hasNodePort(svc, port) ? port.nodePort : undefined,
    healthCheckNodePort: eLocal && svc.type === 'LoadBalancer' && svc.healthCheckNodePort ? svc.healthCheckNodePort : undefined,
    externalIPs: [...svc.externalIPs],
    loadBalancerIPs: svc.type === 'LoadBalancer' ? [...svc.loadBalancerIPs] : [],
    sourceRanges: sourceRangesOf(svc),
    stickySeconds: svc.sessionAffinity === 'ClientIP' ? svc.sessionAffinityTimeoutSeconds || 10800 : undefined,
    externallyAccessible: accessible,
    internalPolicyLocal: iLocal,
    externalPolicyLocal: eLocal,
    clusterEndpoints: cat.clusterEndpoints,
    localEndpoints: cat.localEndpoints,
    allReachableEndpoints: cat.allReachableEndpoints,
    hasEndpoints,
    hasInternalEndpoints: hasEndpoints && !(iLocal && cat.localEndpoints.length === 0),
    hasExternalEndpoints: hasEndpoints && !(eLocal && cat.localEndpoints.length === 0),
    usesClusterPolicyChain: cat.clusterEndpoints.length > 0 && usesCluster,
    usesLocalPolicyChain: cat.localEndpoints.length > 0 && usesLocal,
    usesExternalTrafficChain: hasEndpoints && accessible,
  };
}

/** Every Service port kube-proxy programs on `nodeName`, sorted by namespace, name, then spec order. */
export function proxiedServicePorts(cluster: Cluster, nodeName: string): ProxiedServicePort[] {
  const services = cluster.services
    .filter(isProxiedService)
    .sort((a, b) => (a.namespace === b.namespace ? cmp(a.name, b.name) : cmp(a.namespace, b.namespace)));
  return services.flatMap((svc) => svc.ports.map((port) => proxiedServicePort(cluster, svc, port, nodeName)));
}

/** The Node object named `nodeName`, if the cluster has it. */
export function findNode(cluster: Cluster, nodeName: string): Node | undefined {
  return cluster.nodes.find((n) => n.name === nodeName);
}

/** `ip:port` as kube-proxy's endpoint String() prints an IPv4 endpoint. */
export function endpointString(ep: ServiceEndpoint): string {
  return `${ep.ip}:${ep.port}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
