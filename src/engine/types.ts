// Plain, JSON-serialisable data shared by every phase of the engine.
// Names follow Kubernetes' own vocabulary so lessons and code say the same words.

/** A 1-based line/column range in a source file. */
export interface SourceRange {
  startLine: number;
  startCol: number;
  endLine: number;
  endCol: number;
}

/** Where an object (or one of its fields) was written. */
export interface SourceLocation {
  file: string;
  /** 0-based index of the YAML document in its file. */
  doc: number;
  range?: SourceRange;
}

export type Severity = 'error' | 'warning' | 'info';

/** A finding about the input, in the API server's or kubectl's words, with a stable code. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  file?: string;
  range?: SourceRange;
  /** The object it is about, as a check reference (`svc/default/web`). */
  object?: string;
  /** The field path it is about (`spec.ports[0].nodePort`). */
  field?: string;
}

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export type Labels = Record<string, string>;

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

/** metav1.LabelSelector. */
export interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: LabelSelectorRequirement[];
}

/** A Kubernetes object as written in the manifests (plain JSON), with its source. */
export interface ManifestObject {
  apiVersion: string;
  kind: string;
  metadata: { name?: string; generateName?: string; namespace?: string; labels?: Labels; annotations?: Record<string, string>; [k: string]: unknown };
  spec?: unknown;
  status?: unknown;
  [k: string]: unknown;
}

/** One object the API server was asked to admit, and what it said. */
export interface AdmittedObject {
  /** Check reference: `service/default/web`, `node/node-1` (canonical lower-case kind). */
  ref: string;
  kind: string;
  apiVersion: string;
  namespace?: string;
  name: string;
  source: SourceLocation;
  accepted: boolean;
  /** The API server's error when rejected (`The Service "web" is invalid: ...`). */
  error?: string;
  object: ManifestObject;
}

export interface ClusterSettings {
  nodes: string[];
  kubeProxyMode: 'iptables' | 'ipvs' | 'nftables';
  networkPolicy: boolean;
  loadBalancer: 'cloud' | 'none';
  addons: Array<'ingress-nginx' | 'gateway-api'>;
  seed: number;
  clusterDomain: string;
  serviceCIDR: string;
}

export interface Node {
  name: string;
  internalIP: string;
  podCIDR: string;
  labels: Labels;
  unschedulable: boolean;
  ready: boolean;
}

export interface Namespace {
  name: string;
  labels: Labels;
}

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol: Protocol;
  hostPort?: number;
}

export interface Container {
  name: string;
  image: string;
  ports: ContainerPort[];
}

export interface OwnerReference {
  kind: string;
  name: string;
}

export interface Pod {
  namespace: string;
  name: string;
  labels: Labels;
  annotations: Record<string, string>;
  nodeName: string;
  podIP: string;
  hostIP: string;
  hostNetwork: boolean;
  phase: string;
  /** The Ready condition as the kubelet reports it (ignores deletion). */
  readyCondition: boolean;
  terminating: boolean;
  /** Ready in the contract's sense: Running, Ready condition true, not terminating. */
  ready: boolean;
  hostname?: string;
  subdomain?: string;
  containers: Container[];
  /** Sockets the pod listens on: declared containerPorts plus well-known image defaults. */
  listening: Array<{ port: number; protocol: Protocol }>;
  owner?: OwnerReference;
  /** ClusterFirst (default), ClusterFirstWithHostNet, Default or None. */
  dnsPolicy: string;
  dnsConfig?: { nameservers?: string[]; searches?: string[]; options?: Array<{ name: string; value?: string }> };
  enableServiceLinks: boolean;
  /** Environment variables declared in the containers (name -> value, first container wins). */
  env: Record<string, string>;
  /** The manifest object this pod came from (itself, or its workload). */
  source: SourceLocation;
  /** Check reference of the object that created it (`pod/default/a`, `deployment/default/web`). */
  createdBy: string;
}

export interface ServicePort {
  name: string;
  protocol: Protocol;
  port: number;
  targetPort: number | string;
  nodePort?: number;
  appProtocol?: string;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface Service {
  namespace: string;
  name: string;
  labels: Labels;
  annotations: Record<string, string>;
  type: ServiceType;
  /** `None` for headless; empty for ExternalName. */
  clusterIP: string;
  /** Undefined when the Service has no selector (endpoints are managed by hand). */
  selector?: Labels;
  ports: ServicePort[];
  externalTrafficPolicy: 'Cluster' | 'Local';
  internalTrafficPolicy: 'Cluster' | 'Local';
  sessionAffinity: 'None' | 'ClientIP';
  sessionAffinityTimeoutSeconds: number;
  /** status.loadBalancer.ingress IPs (empty while pending). */
  loadBalancerIPs: string[];
  loadBalancerSourceRanges: string[];
  externalIPs: string[];
  externalName?: string;
  publishNotReadyAddresses: boolean;
  healthCheckNodePort?: number;
  source: SourceLocation;
}

export interface EndpointConditions {
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

export interface Endpoint {
  addresses: string[];
  conditions: EndpointConditions;
  nodeName?: string;
  hostname?: string;
  targetRef?: { kind: string; namespace: string; name: string };
}

export interface EndpointPort {
  name: string;
  port: number;
  protocol: Protocol;
}

export interface EndpointSlice {
  namespace: string;
  name: string;
  serviceName: string;
  /** `endpointslice-controller.k8s.io` for controller-made slices; otherwise who wrote it. */
  managedBy: string;
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  ports: EndpointPort[];
  endpoints: Endpoint[];
  labels: Labels;
}

export interface NetworkPolicyPort {
  protocol?: Protocol;
  port?: number | string;
  endPort?: number;
}

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}

export interface NetworkPolicyIngressRule {
  from?: NetworkPolicyPeer[];
  ports?: NetworkPolicyPort[];
}

export interface NetworkPolicyEgressRule {
  to?: NetworkPolicyPeer[];
  ports?: NetworkPolicyPort[];
}

/** networking.k8s.io/v1 NetworkPolicy, as admitted. */
export interface NetworkPolicy {
  namespace: string;
  name: string;
  podSelector: LabelSelector;
  /** As written; undefined when omitted (defaults are applied by the netpol module). */
  policyTypes?: Array<'Ingress' | 'Egress'>;
  ingress?: NetworkPolicyIngressRule[];
  egress?: NetworkPolicyEgressRule[];
  source: SourceLocation;
}

/** One field-level problem, as k8s.io/apimachinery's field.Error carries it. */
export interface FieldError {
  type: 'Invalid' | 'Required' | 'Duplicate' | 'NotSupported' | 'Forbidden' | 'TooLong' | 'TooMany' | 'NotFound';
  /** Field path, e.g. `spec.ports[0].nodePort`. */
  field: string;
  value?: unknown;
  detail?: string;
  /** For NotSupported: the values that are supported. */
  supported?: string[];
}

/** The cluster after every controller has reconciled: the state the dataplane acts on. */
export interface Cluster {
  settings: ClusterSettings;
  nodes: Node[];
  namespaces: Namespace[];
  pods: Pod[];
  services: Service[];
  endpointSlices: EndpointSlice[];
  networkPolicies: NetworkPolicy[];
  /** Every object that was submitted, in manifest order, with the API server's answer. */
  objects: AdmittedObject[];
}
