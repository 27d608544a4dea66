// Chain, map and set names exactly as kube-proxy derives them
// (pkg/proxy/iptables/proxier.go portProtoHash / servicePortEndpointChainName and
// pkg/proxy/nftables/proxier.go hashAndTruncate).

import { base32Std, sha256 } from './sha256.ts';

export type ServiceChainPrefix = 'KUBE-SVC-' | 'KUBE-SVL-' | 'KUBE-EXT-' | 'KUBE-FW-';

function hash16(text: string): string {
  return base32Std(sha256(text)).slice(0, 16);
}

/** kube-proxy's per-Service-port iptables chain: prefix + first 16 chars of base32(sha256(`ns/name:port` + `tcp`)). */
export function serviceChainName(prefix: ServiceChainPrefix, svcPortName: string, protocol: string): string {
  return prefix + hash16(svcPortName + protocol.toLowerCase());
}

/** kube-proxy's per-endpoint iptables chain: KUBE-SEP- + hash of `ns/name:port` + `tcp` + `ip:port`. */
export function endpointChainName(svcPortName: string, protocol: string, endpoint: string): string {
  return 'KUBE-SEP-' + hash16(svcPortName + protocol.toLowerCase() + endpoint);
}

// nftables names stay readable: an 8-character hash of the readable part, then the part itself.
// Kubernetes names are short enough that the 240-character truncation never happens for IPv4.
function hashAndTruncate(name: string): string {
  const hashed = `${base32Std(sha256(name)).slice(0, 8)}-${name}`;
  return hashed.length > 240 ? `${hashed.slice(0, 237)}...` : hashed;
}

/** The nftables chain-name base of a Service port: `ULMVA6XW-ns1/svc1/tcp/p80`. */
export function nftServicePortNameBase(namespace: string, name: string, protocol: string, portName: string): string {
  return hashAndTruncate(`${namespace}/${name}/${protocol.toLowerCase()}/${portName}`);
}

/** The nftables chain-name base of one endpoint of a Service port: `5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80`. */
export function nftEndpointNameBase(namespace: string, name: string, protocol: string, portName: string, ip: string, port: number): string {
  return hashAndTruncate(`${namespace}/${name}/${protocol.toLowerCase()}/${portName}__${ip.replaceAll(':', '.')}/${port}`);
}
