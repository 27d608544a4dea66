import type { ClusterSettings, EndpointSlice, ManifestObject, Node } from '../types.ts';

// Objects a kubeadm-style cluster (and the contract's addons) has before any manifest is applied.

export const SYSTEM_FILE = '<cluster>';
export const KUBE_DNS_IP = '10.96.0.10';
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
export const EXTERNAL_CLIENT_IP = '198.51.100.7';
export const INGRESS_NGINX_NAMESPACE = 'ingress-nginx';
const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.11.3';
const INGRESS_NGINX_IMAGE = 'registry.k8s.io/ingress-nginx/controller:v1.12.1';

/** The i-th node (0-based) as the contract numbers them: InternalIP 172.18.0.(i+2), pod CIDR 10.244.i.0/24. */
export function makeNode(name: string, i: number): Node {
  return {
    name,
    internalIP: `172.18.0.${i + 2}`,
    podCIDR: `10.244.${i}.0/24`,
    labels: { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' },
    unschedulable: false,
    ready: true,
  };
}

/** The node list the contract's `nodes` setting describes. */
export function defaultNodes(settings: ClusterSettings): Node[] {
  return settings.nodes.map(makeNode);
}

/** System pods sit at the top of their node's pod CIDR so user pods keep the contract's `.2`
 * onwards whatever addons are installed. */
function topAddress(node: Node, fromTop: number): string {
  const [a, b, c] = node.podCIDR.split('.');
  return `${a}.${b}.${c}.${254 - fromTop}`;
}

function deployment(namespace: string, name: string, replicas: number, labels: Record<string, string>, container: Record<string, unknown>): ManifestObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [container] } } },
  };
}

/** The kube-system objects: the kubernetes and kube-dns Services and the CoreDNS Deployment. */
export function systemObjects(): ManifestObject[] {
  const dnsLabels = { 'k8s-app': 'kube-dns' };
  return [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { type: 'ClusterIP', clusterIP: KUBERNETES_SERVICE_IP, ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { ...dnsLabels, 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' } },
      spec: {
        clusterIP: KUBE_DNS_IP,
        selector: dnsLabels,
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
      },
    },
    deployment('kube-system', 'coredns', 2, dnsLabels, {
      name: 'coredns',
      image: COREDNS_IMAGE,
      ports: [
        { name: 'dns', containerPort: 53, protocol: 'UDP' },
        { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
        { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
      ],
    }),
  ];
}

/** The ingress-nginx addon as its cloud manifest installs it (controller, IngressClass, Service). */
export function ingressNginxObjects(): ManifestObject[] {
  const labels = { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' };
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: INGRESS_NGINX_NAMESPACE, labels: { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' } } },
    deployment(INGRESS_NGINX_NAMESPACE, 'ingress-nginx-controller', 1, labels, {
      name: 'controller',
      image: INGRESS_NGINX_IMAGE,
      ports: [
        { name: 'http', containerPort: 80, protocol: 'TCP' },
        { name: 'https', containerPort: 443, protocol: 'TCP' },
        { name: 'webhook', containerPort: 8443, protocol: 'TCP' },
      ],
    }),
    { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx', labels }, spec: { controller: 'k8s.io/ingress-nginx' } },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'ingress-nginx-controller', namespace: INGRESS_NGINX_NAMESPACE, labels },
      spec: {
        type: 'LoadBalancer',
        // The upstream cloud manifest keeps client IPs: only the controller's node answers the LB.
        externalTrafficPolicy: 'Local',
        selector: labels,
        ports: [
          { name: 'http', port: 80, protocol: 'TCP', targetPort: 'http', appProtocol: 'http' },
          { name: 'https', port: 443, protocol: 'TCP', targetPort: 'https', appProtocol: 'https' },
        ],
      },
    },
  ];
}

/** Pinned IPs for system pods by creator, in creation order (see topAddress). */
export function systemPodIPs(nodes: Node[], creator: string, index: number, usedFromTop: Map<string, number>): { nodeName: string; podIP: string } | undefined {
  if (nodes.length === 0) return undefined;
  const node = creator === 'deployment/kube-system/coredns' ? nodes[index % nodes.length]! : nodes[0]!;
  const used = usedFromTop.get(node.name) ?? 0;
  usedFromTop.set(node.name, used + 1);
  return { nodeName: node.name, podIP: topAddress(node, used) };
}

/** The EndpointSlice the API server keeps for `default/kubernetes`: the control plane on node 1. */
export function kubernetesEndpointSlice(nodes: Node[]): EndpointSlice {
  const apiserver = nodes[0];
  return {
    namespace: 'default',
    name: 'kubernetes',
    serviceName: 'kubernetes',
    managedBy: 'endpointslice-controller.k8s.io',
    addressType: 'IPv4',
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    endpoints: apiserver ? [{ addresses: [apiserver.internalIP], conditions: { ready: true, serving: true, terminating: false } }] : [],
    labels: { 'kubernetes.io/service-name': 'kubernetes' },
  };
}
