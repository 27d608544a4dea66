import { describe, expect, it } from 'vitest';
import { LAB, labSession, lastOf, text } from '../fixtures.test-helpers.ts';

// Goldens taken from k8s.io/kubectl/pkg/describe/describe_test.go (TestDescribeIngress,
// TestDescribeNetworkPolicies, TestDescribeEndpointSlice, TestDescribeService), rebuilt here as
// manifests the simulated API server admits. Where a real API server fills in what the upstream
// fixtures leave empty (ipFamilyPolicy, clusterIPs, a creation time), the line is the one a real
// cluster prints and the comment says so.

describe('kubectl describe, upstream goldens', () => {
  it('ingress whose backend Service does not exist (TestDescribeIngress)', () => {
    const yaml = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: bar, namespace: foo }
spec:
  ingressClassName: test
  rules:
  - host: foo.bar.com
    http:
      paths:
      - path: /foo
        pathType: Prefix
        backend: { service: { name: default-backend, port: { number: 80 } } }
`;
    expect(lastOf(labSession(yaml), ['kubectl describe ingress bar -n foo']).output).toBe(
      `Name:             bar
Labels:           <none>
Namespace:        foo
Address:          
Ingress Class:    test
Default backend:  <default>
Rules:
  Host         Path  Backends
  ----         ----  --------
  foo.bar.com  
               /foo   default-backend:80 (<error: services "default-backend" not found>)
Annotations:   <none>
Events:        <none>
`,
    );
  });

  it('network policy (TestDescribeNetworkPolicies; Created on is the cluster clock)', () => {
    const yaml = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: network-policy-1 }
spec:
  podSelector:
    matchLabels: { id1: app1, id2: app2 }
    matchExpressions:
    - { key: foo, operator: In, values: [bar1, bar2] }
    - { key: foo2, operator: NotIn, values: [bar1, bar2] }
  ingress:
  - ports: [{ port: 80 }, { port: 82, protocol: TCP }]
    from:
    - podSelector: { matchLabels: { id: pod1, id2: pod2 } }
      namespaceSelector: { matchLabels: { id: ns1, id2: ns2 } }
    - podSelector: { matchLabels: { id: app2, id2: app3 } }
    - namespaceSelector: { matchLabels: { id: app2, id2: app3 } }
    - namespaceSelector:
        matchLabels: { id: app2, id2: app3 }
        matchExpressions: [{ key: foo, operator: In, values: [bar1, bar2] }]
    - ipBlock: { cidr: 192.168.0.0/16, except: [192.168.3.0/24, 192.168.4.0/24] }
  - {}
  egress:
  - ports: [{ port: 80 }, { port: 82, protocol: TCP }]
    to:
    - podSelector: { matchLabels: { id: pod1, id2: pod2 } }
      namespaceSelector: { matchLabels: { id: ns1, id2: ns2 } }
    - podSelector: { matchLabels: { id: app2, id2: app3 } }
    - namespaceSelector: { matchLabels: { id: app2, id2: app3 } }
    - namespaceSelector:
        matchLabels: { id: app2, id2: app3 }
        matchExpressions: [{ key: foo, operator: In, values: [bar1, bar2] }]
    - ipBlock: { cidr: 192.168.0.0/16, except: [192.168.3.0/24, 192.168.4.0/24] }
  - {}
  policyTypes: [Ingress, Egress]
`;
    expect(lastOf(labSession(yaml), ['kubectl describe networkpolicy network-policy-1']).output).toBe(`Name:         network-policy-1
Namespace:    default
Created on:   2025-06-02 09:00:00 +0000 UTC
Labels:       <none>
Annotations:  <none>
Spec:
  PodSelector:     foo in (bar1,bar2),foo2 notin (bar1,bar2),id1=app1,id2=app2
  Allowing ingress traffic:
    To Port: 80/TCP
    To Port: 82/TCP
    From:
      NamespaceSelector: id=ns1,id2=ns2
      PodSelector: id=pod1,id2=pod2
    From:
      PodSelector: id=app2,id2=app3
    From:
      NamespaceSelector: id=app2,id2=app3
    From:
      NamespaceSelector: foo in (bar1,bar2),id=app2,id2=app3
    From:
      IPBlock:
        CIDR: 192.168.0.0/16
        Except: 192.168.3.0/24, 192.168.4.0/24
    ----------
    To Port: <any> (traffic allowed to all ports)
    From: <any> (traffic not restricted by source)
  Allowing egress traffic:
    To Port: 80/TCP
    To Port: 82/TCP
    To:
      NamespaceSelector: id=ns1,id2=ns2
      PodSelector: id=pod1,id2=pod2
    To:
      PodSelector: id=app2,id2=app3
    To:
      NamespaceSelector: id=app2,id2=app3
    To:
      NamespaceSelector: foo in (bar1,bar2),id=app2,id2=app3
    To:
      IPBlock:
        CIDR: 192.168.0.0/16
        Except: 192.168.3.0/24, 192.168.4.0/24
    ----------
    To Port: <any> (traffic allowed to all ports)
    To: <any> (traffic not restricted by destination)
  Policy Types: Ingress, Egress
`);
  });

  it('an empty pod selector and defaulted policy types', () => {
    const yaml = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: deny }\nspec: { podSelector: {} }\n';
    expect(lastOf(labSession(yaml), ['kubectl describe netpol deny']).output).toBe(`Name:         deny
Namespace:    default
Created on:   2025-06-02 09:00:00 +0000 UTC
Labels:       <none>
Annotations:  <none>
Spec:
  PodSelector:     <none> (Allowing the specific traffic to all pods in this namespace)
  Allowing ingress traffic:
    <none> (Selected pods are isolated for ingress connectivity)
  Not affecting egress traffic
  Policy Types: Ingress
`);
  });

  it('endpoint slice (TestDescribeEndpointSlice; the model has no zones)', () => {
    const yaml = `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: foo.123, namespace: bar }
addressType: IPv4
endpoints:
- addresses: [1.2.3.4, 1.2.3.5]
  conditions: { ready: true }
  targetRef: { kind: Pod, name: test-123 }
  nodeName: node-1
- addresses: [1.2.3.6, 1.2.3.7]
  conditions: { ready: true }
  targetRef: { kind: Pod, name: test-124 }
  nodeName: node-2
ports:
- protocol: TCP
  port: 80
`;
    expect(lastOf(labSession(yaml), ['kubectl describe endpointslice foo.123 -n bar']).output).toBe(`Name:         foo.123
Namespace:    bar
Labels:       <none>
Annotations:  <none>
AddressType:  IPv4
Ports:
  Name     Port  Protocol
  ----     ----  --------
  <unset>  80    TCP
Endpoints:
  - Addresses:  1.2.3.4, 1.2.3.5
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/test-123
    NodeName:   node-1
    Zone:       <unset>
  - Addresses:  1.2.3.6, 1.2.3.7
    Conditions:
      Ready:    true
    Hostname:   <unset>
    TargetRef:  Pod/test-124
    NodeName:   node-2
    Zone:       <unset>
Events:         <none>
`);
  });

  it('LoadBalancer service with Local traffic (TestDescribeService test1, with the fields a real API server sets)', () => {
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: { name: heh, namespace: foo }
spec:
  replicas: 3
  selector: { matchLabels: { blah: heh } }
  template:
    metadata: { labels: { blah: heh } }
    spec: { containers: [{ name: c, image: traefik/whoami, ports: [{ containerPort: 9527 }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: bar, namespace: foo }
spec:
  type: LoadBalancer
  selector: { blah: heh }
  externalTrafficPolicy: Local
  ports: [{ name: port-tcp, port: 8080, protocol: TCP, targetPort: 9527, nodePort: 31111 }]
`;
    const out = lastOf(labSession(yaml, { loadBalancer: 'cloud' }), ['kubectl describe svc bar -n foo']).output;
    const healthCheck = /HealthCheck NodePort:\s+(\d+)/.exec(out)?.[1] ?? '?';
    expect(out).toBe(`Name:                     bar
Namespace:                foo
Labels:                   <none>
Annotations:              <none>
Selector:                 blah=heh
Type:                     LoadBalancer
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.0.11
IPs:                      10.96.0.11
LoadBalancer Ingress:     203.0.113.10 (VIP)
Port:                     port-tcp  8080/TCP
TargetPort:               9527/TCP
NodePort:                 port-tcp  31111/TCP
Endpoints:                10.244.0.2:9527,10.244.0.3:9527,10.244.1.2:9527
Session Affinity:         None
External Traffic Policy:  Local
Internal Traffic Policy:  Cluster
HealthCheck NodePort:     ${healthCheck}
Events:
  Type    Reason                Age   From                Message
  ----    ------                ----  ----                -------
  Normal  EnsuringLoadBalancer  5m    service-controller  Ensuring load balancer
  Normal  EnsuredLoadBalancer   5m    service-controller  Ensured load balancer
`);
  });

  it('not-ready endpoints are left out and more than three are counted (TestDescribeService test2)', () => {
    const pods = [1, 2, 3, 4, 5]
      .map((i) => `apiVersion: v1
kind: Pod
metadata: { name: p${i}, labels: { blah: heh } }
spec: { containers: [{ name: c, image: traefik/whoami, ports: [{ containerPort: 9527 }] }] }
${i === 3 ? 'status: { phase: Running, conditions: [{ type: Ready, status: "False" }] }\n' : ''}---
`)
      .join('');
    const yaml = `${pods}apiVersion: v1
kind: Service
metadata: { name: bar }
spec:
  selector: { blah: heh }
  internalTrafficPolicy: Local
  ports: [{ name: port-tcp, port: 8080, targetPort: web-port }]
`;
    const out = lastOf(labSession(yaml), ['kubectl describe svc bar']).output;
    expect(out).toContain('TargetPort:               web-port/TCP\n');
    // No pod has a port named web-port: the EndpointSlice carries no ports, so only addresses print.
    expect(out).toContain('Endpoints:                10.244.0.2,10.244.0.4,10.244.1.2 + 1 more...\n');
    const ready = lastOf(labSession(yaml.replace('targetPort: web-port', 'targetPort: 9527')), ['kubectl describe svc bar']).output;
    expect(ready).toContain('Endpoints:                10.244.0.2:9527,10.244.0.4:9527,10.244.1.2:9527 + 1 more...\n');
    expect(ready).toContain('Internal Traffic Policy:  Local\n');
  });
});

describe('kubectl describe, other kinds', () => {
  it('pod of a Deployment: Controlled By aligns with IP, events of a started pod', () => {
    const out = lastOf(labSession(), ['kubectl describe pod web-jvlr5hhcwx-vrrfb']).output;
    expect(out).toBe(`Name:             web-jvlr5hhcwx-vrrfb
Namespace:        default
Priority:         0
Service Account:  default
Node:             node-1/172.18.0.2
Start Time:       Mon, 02 Jun 2025 09:00:00 +0000
Labels:           app=web
                  pod-template-hash=jvlr5hhcwx
Annotations:      <none>
Status:           Running
IP:               10.244.0.2
IPs:
  IP:           10.244.0.2
Controlled By:  ReplicaSet/web-jvlr5hhcwx
Containers:
  nginx:
    Container ID:   containerd://e4296b26608c41f383b2f5543497b9d1e4296b26608c41f383b2f5543497b9d1
    Image:          nginx:1.27
    Image ID:       docker.io/library/nginx@sha256:9becddbac56d4b6f8b457c681176d715bb16d19b032a4e9e87a80019d5bb0954
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Mon, 02 Jun 2025 09:00:00 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-2nggw (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  kube-api-access-2nggw:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    Optional:                false
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  5m    default-scheduler  Successfully assigned default/web-jvlr5hhcwx-vrrfb to node-1
  Normal  Pulled     5m    kubelet            Container image "nginx:1.27" already present on machine and can be accessed by the pod
  Normal  Created    5m    kubelet            Created container: nginx
  Normal  Started    5m    kubelet            Started container nginx
`);
  });

  it('a pending pod says why it was not scheduled', () => {
    const yaml = `apiVersion: v1\nkind: Pod\nmetadata: { name: stuck }\nspec: { nodeSelector: { disk: ssd }, containers: [{ name: c, image: nginx }] }\n`;
    const out = lastOf(labSession(yaml), ['kubectl describe pod stuck']).output;
    expect(out).toContain('Node:             <none>\n');
    expect(out).toContain('Node-Selectors:              disk=ssd\n');
    expect(out).toContain("Warning  FailedScheduling  5m    default-scheduler  0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector.");
  });

  it('deployment', () => {
    const out = lastOf(labSession(), ['kubectl describe deploy web']).output;
    expect(out).toContain('Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable\n');
    expect(out).toContain('Pod Template:\n  Labels:  app=web\n  Containers:\n   nginx:\n    Image:         nginx:1.27\n');
    expect(out).toContain('NewReplicaSet:   web-jvlr5hhcwx (2/2 replicas created)\n');
    expect(out).toContain('Normal  ScalingReplicaSet  5m    deployment-controller  Scaled up replica set web-jvlr5hhcwx from 0 to 2\n');
  });

  it('node lists its pods', () => {
    const out = lastOf(labSession(), ['kubectl describe node node-2']).output;
    expect(out).toContain('Unschedulable:      false\n');
    expect(out).toContain('Non-terminated Pods:          (3 in total)\n');
    expect(out).toContain('  default                     web-jvlr5hhcwx-l8dt5        0 (0%)        0 (0%)      0 (0%)           0 (0%)         5m\n');
    expect(out).toContain('PodCIDR:                      10.244.1.0/24\n');
  });

  it('gateway uses the generic describer with the controller status', () => {
    const yaml = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: eg }
spec: { controllerName: netlab.dev/gateway-controller }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw }
spec:
  gatewayClassName: eg
  listeners: [{ name: http, port: 80, protocol: HTTP }]
`;
    const out = lastOf(labSession(yaml, { addons: ['gateway-api'] }), ['kubectl describe gateway gw']).output;
    expect(out).toMatch(/^Name: {9}gw\nNamespace: {4}default\nLabels: {7}<none>\nAnnotations: {2}<none>\nAPI Version: {2}gateway.networking.k8s.io\/v1\nKind: {9}Gateway\nMetadata:\n/);
    expect(out).toContain('  Gateway Class Name:  eg\n');
    expect(out).toContain('    Type:                  Programmed\n');
    expect(out).toContain('Status:\n  Addresses:\n    Type:   IPAddress\n    Value:  203.0.113.10\n');
    // The last column block runs from the Supported Kinds entries down to Events.
    expect(out.endsWith('      Kind:   GRPCRoute\nEvents:       <none>\n')).toBe(true);
  });

  it('several objects: a blank line between them and no events', () => {
    const out = lastOf(labSession(), ['kubectl describe svc']).output;
    expect(out).toContain('Internal Traffic Policy:  Cluster\n\n\nName:                     web\n');
    expect(out).not.toContain('Events:');
  });

  it('a name matches as a prefix when nothing has exactly that name', () => {
    const out = lastOf(labSession(), ['kubectl describe pod web']).output;
    expect(out.match(/^Name: /gm)?.length).toBe(2);
  });

  it('endpoints', () => {
    const out = lastOf(labSession(LAB), ['kubectl describe ep web']).output;
    expect(out).toBe(
      text(
        'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
        'Name:         web',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Subsets:',
        '  Addresses:          10.244.0.2,10.244.1.2',
        '  NotReadyAddresses:  <none>',
        '  Ports:',
        '    Name     Port  Protocol',
        '    ----     ----  --------',
        '    <unset>  80    TCP',
        '',
        'Events:  <none>',
      ),
    );
  });

  const errors = [
    { name: 'missing object', line: 'kubectl describe svc nope', want: 'Error from server (NotFound): services "nope" not found\n' },
    { name: 'missing type', line: 'kubectl describe', want: 'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee \'kubectl describe -h\' for help and examples\n' },
  ];
  for (const c of errors) it(c.name, () => expect(lastOf(labSession(), [c.line]).output).toBe(c.want));
});
