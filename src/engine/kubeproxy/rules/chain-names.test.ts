import { describe, expect, it } from 'vitest';
import { endpointChainName, nftEndpointNameBase, nftServicePortNameBase, serviceChainName } from './chain-names.ts';

// Expected names copied from upstream kube-proxy test data, so a match proves the hash input
// (`ns/name:port` + lower-case protocol [+ `ip:port`]) is the one kube-proxy uses:
// kubernetes/kubernetes pkg/proxy/iptables/cleanup_test.go (TestCleanupLeftovers) and
// pkg/proxy/iptables/proxier_test.go; the well-known kube-dns/kubernetes chains every kubeadm or
// kind cluster shows; pkg/proxy/nftables/proxier.go comments and proxier_test.go.
describe('serviceChainName', () => {
  const cases = [
    { name: 'ns1/svc1:p80', prefix: 'KUBE-SVC-', spn: 'ns1/svc1:p80', proto: 'tcp', want: 'KUBE-SVC-XPGD46QRK7WJZT7O' },
    { name: 'ns2/svc2:p80', prefix: 'KUBE-SVC-', spn: 'ns2/svc2:p80', proto: 'tcp', want: 'KUBE-SVC-GNZBNJ2PO5MGZ6GT' },
    { name: 'ns2/svc2:p80 EXT', prefix: 'KUBE-EXT-', spn: 'ns2/svc2:p80', proto: 'tcp', want: 'KUBE-EXT-GNZBNJ2PO5MGZ6GT' },
    { name: 'ns3/svc3:p80', prefix: 'KUBE-SVC-', spn: 'ns3/svc3:p80', proto: 'tcp', want: 'KUBE-SVC-X27LE4BHSL4DOUIK' },
    { name: 'ns4/svc4:p80', prefix: 'KUBE-SVC-', spn: 'ns4/svc4:p80', proto: 'tcp', want: 'KUBE-SVC-4SW47YFZTEDKD3PK' },
    { name: 'ns5/svc5:p80 FW', prefix: 'KUBE-FW-', spn: 'ns5/svc5:p80', proto: 'tcp', want: 'KUBE-FW-NUKIZ6OKUXPJNT4C' },
    { name: 'protocol is lower-cased', prefix: 'KUBE-SVC-', spn: 'ns1/svc1:p80', proto: 'TCP', want: 'KUBE-SVC-XPGD46QRK7WJZT7O' },
    { name: 'default/kubernetes:https', prefix: 'KUBE-SVC-', spn: 'default/kubernetes:https', proto: 'tcp', want: 'KUBE-SVC-NPX46M4PTMTKRN6Y' },
    { name: 'kube-dns:dns udp', prefix: 'KUBE-SVC-', spn: 'kube-system/kube-dns:dns', proto: 'udp', want: 'KUBE-SVC-TCOU7JCQXEZGVUNU' },
    { name: 'kube-dns:dns-tcp', prefix: 'KUBE-SVC-', spn: 'kube-system/kube-dns:dns-tcp', proto: 'tcp', want: 'KUBE-SVC-ERIFXISQEP7F7OF4' },
    { name: 'kube-dns:metrics', prefix: 'KUBE-SVC-', spn: 'kube-system/kube-dns:metrics', proto: 'tcp', want: 'KUBE-SVC-JD5MR3NA4I4DYORP' },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      expect(serviceChainName(c.prefix, c.spn, c.proto)).toBe(c.want);
    });
  }
});

describe('endpointChainName', () => {
  const cases = [
    { name: 'ns1/svc1 10.180.0.1', spn: 'ns1/svc1:p80', ep: '10.180.0.1:80', want: 'KUBE-SEP-SXIVWICOYRO3J4NJ' },
    { name: 'ns2/svc2 10.180.0.2', spn: 'ns2/svc2:p80', ep: '10.180.0.2:80', want: 'KUBE-SEP-RS4RBKLTHTF2IUXJ' },
    { name: 'ns3/svc3 10.180.0.3', spn: 'ns3/svc3:p80', ep: '10.180.0.3:80', want: 'KUBE-SEP-OYPFS5VJICHGATKP' },
    { name: 'ns4/svc4 10.180.0.4', spn: 'ns4/svc4:p80', ep: '10.180.0.4:80', want: 'KUBE-SEP-UKSFD7AGPMPPLUHC' },
    { name: 'ns4/svc4 10.180.0.5', spn: 'ns4/svc4:p80', ep: '10.180.0.5:80', want: 'KUBE-SEP-C6EBXVWJJZMIWKLZ' },
    { name: 'same IP, other service', spn: 'ns5/svc5:p80', ep: '10.180.0.3:80', want: 'KUBE-SEP-I77PXRDZVX7PMWMN' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(endpointChainName(c.spn, 'tcp', c.ep)).toBe(c.want);
    });
  }
});

describe('nftables name bases', () => {
  it('service ns1/svc1 tcp p80', () => {
    expect(nftServicePortNameBase('ns1', 'svc1', 'TCP', 'p80')).toBe('ULMVA6XW-ns1/svc1/tcp/p80');
  });
  it('service ns2/svc2 tcp p80', () => {
    expect(nftServicePortNameBase('ns2', 'svc2', 'tcp', 'p80')).toBe('42NFTM6N-ns2/svc2/tcp/p80');
  });
  it('endpoint ns1/svc1 10.180.0.1:80', () => {
    expect(nftEndpointNameBase('ns1', 'svc1', 'tcp', 'p80', '10.180.0.1', 80)).toBe('5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80');
  });
  it('endpoint ns2/svc2 10.180.0.2:80', () => {
    expect(nftEndpointNameBase('ns2', 'svc2', 'tcp', 'p80', '10.180.0.2', 80)).toBe('SGOXE6O3-ns2/svc2/tcp/p80__10.180.0.2/80');
  });
});
