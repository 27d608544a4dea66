import { describe, expect, it } from 'vitest';
import { LAB, labSession, lastOf, text } from '../fixtures.test-helpers.ts';

// Golden outputs of `kubectl get`, column for column as kubernetes/pkg/printers/internalversion/
// printers.go fills them (services: makePortString and getServiceExternalIP; endpoints:
// formatEndpoints' three addresses and "+ N more..."; endpointslices: formatDiscoveryPorts and
// listWithMoreString's <unset>) and as kubectl's tabwriter (minwidth 6, padding 3) aligns them.
// Pod names come from the engine's deterministic ReplicaSet hashes; AGE is the session clock.

const SERVICES = `---
apiVersion: v1
kind: Service
metadata: { name: np }
spec:
  type: NodePort
  selector: { app: web }
  ports: [{ name: http, port: 80, nodePort: 30080 }, { name: https, port: 443 }]
---
apiVersion: v1
kind: Service
metadata: { name: lb }
spec:
  type: LoadBalancer
  selector: { app: web }
  ports: [{ port: 80 }]
---
apiVersion: v1
kind: Service
metadata: { name: ext }
spec:
  type: ExternalName
  externalName: example.com
---
apiVersion: v1
kind: Service
metadata: { name: headless }
spec:
  clusterIP: None
  selector: { app: big }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: big }
spec:
  replicas: 5
  selector: { matchLabels: { app: big } }
  template:
    metadata: { labels: { app: big } }
    spec: { containers: [{ name: c, image: nginx }] }
---
apiVersion: v1
kind: Service
metadata: { name: big }
spec:
  selector: { app: big }
  ports: [{ port: 8080, targetPort: 80 }]
---
apiVersion: v1
kind: Pod
metadata: { name: notready, labels: { app: nr } }
spec: { containers: [{ name: c, image: nginx }] }
status:
  phase: Running
  conditions: [{ type: Ready, status: "False" }]
---
apiVersion: v1
kind: Service
metadata: { name: nr }
spec:
  selector: { app: nr }
  ports: [{ port: 80 }]
`;

const NETWORKING = `---
apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny-all, namespace: shop }
spec: { podSelector: {} }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: allow-web, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web }, matchExpressions: [{ key: tier, operator: In, values: [fe, be] }] }
  ingress: [{}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: shop, namespace: shop }
spec:
  ingressClassName: nginx
  tls: [{ hosts: [shop.example.com] }]
  rules: [{ host: shop.example.com, http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }] } }]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: classless, namespace: shop }
spec:
  defaultBackend: { service: { name: web, port: { number: 80 } } }
---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: eg }
spec: { controllerName: netlab.dev/gateway-controller }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: gw, namespace: shop }
spec:
  gatewayClassName: eg
  listeners: [{ name: http, port: 80, protocol: HTTP }]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: route, namespace: shop }
spec:
  parentRefs: [{ name: gw }]
  hostnames: [a.example.com, b.example.com]
  rules: [{ backendRefs: [{ name: web, port: 80 }] }]
`;

describe('kubectl get tables', () => {
  const cases = [
    {
      name: 'pods -o wide',
      lines: ['kubectl get pods -o wide'],
      want: text(
        'NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES',
        'box                    1/1     Running   0          5m    10.244.1.3   node-2   <none>           <none>',
        'client                 1/1     Running   0          5m    10.244.0.3   node-1   <none>           <none>',
        'web-jvlr5hhcwx-l8dt5   1/1     Running   0          5m    10.244.1.2   node-2   <none>           <none>',
        'web-jvlr5hhcwx-vrrfb   1/1     Running   0          5m    10.244.0.2   node-1   <none>           <none>',
      ),
    },
    {
      name: 'services -o wide: NodePort, LoadBalancer, ExternalName, headless',
      extra: SERVICES,
      lines: ['kubectl get svc -o wide'],
      want: text(
        'NAME         TYPE           CLUSTER-IP   EXTERNAL-IP    PORT(S)                      AGE   SELECTOR',
        'big          ClusterIP      10.96.0.14   <none>         8080/TCP                     5m    app=big',
        'ext          ExternalName   <none>       example.com    <none>                       5m    <none>',
        'headless     ClusterIP      None         <none>         <none>                       5m    app=big',
        'kubernetes   ClusterIP      10.96.0.1    <none>         443/TCP                      5m    <none>',
        'lb           LoadBalancer   10.96.0.13   203.0.113.10   80:30001/TCP                 5m    app=web',
        'np           NodePort       10.96.0.12   <none>         80:30080/TCP,443:30000/TCP   5m    app=web',
        'nr           ClusterIP      10.96.0.15   <none>         80/TCP                       5m    app=nr',
        'web          ClusterIP      10.96.0.11   <none>         80/TCP                       5m    app=web',
      ),
    },
    {
      name: 'a LoadBalancer without a cloud controller stays <pending>',
      extra: SERVICES,
      cluster: { loadBalancer: 'none' },
      lines: ['kubectl get svc lb'],
      want: text('NAME   TYPE           CLUSTER-IP   EXTERNAL-IP   PORT(S)        AGE', 'lb     LoadBalancer   10.96.0.13   <pending>     80:30001/TCP   5m'),
    },
    {
      name: 'endpoints: three addresses then "+ N more...", blank when only not-ready ones',
      extra: SERVICES,
      lines: ['kubectl get endpoints'],
      want: text(
        'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
        'NAME         ENDPOINTS                                                AGE',
        'big          10.244.0.4:80,10.244.0.5:80,10.244.0.6:80 + 2 more...    5m',
        'headless     10.244.0.4,10.244.0.5,10.244.0.6 + 2 more...             5m',
        'kubernetes   172.18.0.2:6443                                          5m',
        'lb           10.244.0.2:80,10.244.1.2:80                              5m',
        'np           10.244.0.2:80,10.244.1.2:80,10.244.0.2:443 + 1 more...   5m',
        'nr                                                                    5m',
        'web          10.244.0.2:80,10.244.1.2:80                              5m',
      ),
    },
    {
      name: 'endpointslices: ports, <unset> for none, not-ready endpoints listed',
      extra: SERVICES,
      lines: ['kubectl get endpointslices'],
      want: text(
        'NAME             ADDRESSTYPE   PORTS     ENDPOINTS                                      AGE',
        'big-rsd7b        IPv4          80        10.244.0.4,10.244.0.5,10.244.0.6 + 2 more...   5m',
        'headless-pbb62   IPv4          <unset>   10.244.0.4,10.244.0.5,10.244.0.6 + 2 more...   5m',
        'kubernetes       IPv4          6443      172.18.0.2                                     5m',
        'lb-df4rt         IPv4          80        10.244.0.2,10.244.1.2                          5m',
        'np-sq264         IPv4          80,443    10.244.0.2,10.244.1.2                          5m',
        'nr-7gt8h         IPv4          80        10.244.1.6                                     5m',
        'web-nk6fl        IPv4          80        10.244.0.2,10.244.1.2                          5m',
      ),
    },
    {
      name: 'nodes -o wide, cordoned',
      extra: '---\napiVersion: v1\nkind: Node\nmetadata: { name: node-2, labels: { node-role.kubernetes.io/worker: "" } }\nspec: { unschedulable: true }\n',
      lines: ['kubectl get nodes -o wide'],
      want: text(
        'NAME     STATUS                     ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION     CONTAINER-RUNTIME',
        'node-1   Ready                      <none>   5m    v1.34.0   172.18.0.2    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-1021-azure   containerd://2.1.3',
        'node-2   Ready,SchedulingDisabled   worker   5m    v1.34.0   172.18.0.3    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-1021-azure   containerd://2.1.3',
      ),
    },
    {
      name: 'namespaces',
      lines: ['kubectl get ns'],
      want: text('NAME              STATUS   AGE', 'default           Active   5m', 'kube-node-lease   Active   5m', 'kube-public       Active   5m', 'kube-system       Active   5m'),
    },
    {
      name: 'deployments and replicasets -o wide, with kind prefixes and a blank line between types',
      lines: ['kubectl get deploy,rs -o wide'],
      want: text(
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR',
        'deployment.apps/web   2/2     2            2           5m    nginx        nginx:1.27   app=web',
        '',
        'NAME                             DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR',
        'replicaset.apps/web-jvlr5hhcwx   2         2         2       5m    nginx        nginx:1.27   app=web,pod-template-hash=jvlr5hhcwx',
      ),
    },
    {
      name: 'networking and Gateway API across namespaces',
      extra: NETWORKING,
      cluster: { addons: ['ingress-nginx', 'gateway-api'] },
      lines: ['kubectl get netpol,ingress,gateway,httproute -n shop'],
      want: text(
        'NAME                                        POD-SELECTOR              AGE',
        'networkpolicy.networking.k8s.io/allow-web   app=web,tier in (be,fe)   5m',
        'networkpolicy.networking.k8s.io/deny-all    <none>                    5m',
        '',
        'NAME                                  CLASS    HOSTS              ADDRESS        PORTS     AGE',
        'ingress.networking.k8s.io/classless   <none>   *                                 80        5m',
        'ingress.networking.k8s.io/shop        nginx    shop.example.com   203.0.113.10   80, 443   5m',
        '',
        'NAME                                   CLASS   ADDRESS        PROGRAMMED   AGE',
        'gateway.gateway.networking.k8s.io/gw   eg      203.0.113.11   True         5m',
        '',
        'NAME                                        HOSTNAMES                           AGE',
        'httproute.gateway.networking.k8s.io/route   ["a.example.com","b.example.com"]   5m',
      ),
    },
    {
      name: 'a Gateway no controller owns is not programmed (the CRD default status)',
      extra: NETWORKING,
      lines: ['kubectl get gateway -A'],
      want: text('NAMESPACE   NAME   CLASS   ADDRESS   PROGRAMMED   AGE', 'shop        gw     eg                Unknown      5m'),
    },
    {
      name: 'ingressclasses and gatewayclasses are cluster-scoped (no NAMESPACE with -A)',
      extra: NETWORKING,
      cluster: { addons: ['ingress-nginx', 'gateway-api'] },
      lines: ['kubectl get ingressclass,gatewayclass -A'],
      want: text(
        'NAME                                   CONTROLLER             PARAMETERS   AGE',
        'ingressclass.networking.k8s.io/nginx   k8s.io/ingress-nginx   <none>       5m',
        '',
        'NAME                                        CONTROLLER                      ACCEPTED   AGE',
        'gatewayclass.gateway.networking.k8s.io/eg   netlab.dev/gateway-controller   True       5m',
      ),
    },
    {
      name: 'label selectors and --show-labels',
      lines: ["kubectl get pods -l 'app in (web,client),!tier' --show-labels"],
      want: text(
        'NAME                   READY   STATUS    RESTARTS   AGE   LABELS',
        'client                 1/1     Running   0          5m    app=client',
        'web-jvlr5hhcwx-l8dt5   1/1     Running   0          5m    app=web,pod-template-hash=jvlr5hhcwx',
        'web-jvlr5hhcwx-vrrfb   1/1     Running   0          5m    app=web,pod-template-hash=jvlr5hhcwx',
      ),
    },
    {
      name: 'all namespaces',
      lines: ['kubectl get pods -A -l k8s-app=kube-dns'],
      want: text('NAMESPACE     NAME                       READY   STATUS    RESTARTS   AGE', 'kube-system   coredns-qc5cg9zs7r-9lnv9   1/1     Running   0          5m', 'kube-system   coredns-qc5cg9zs7r-k72gg   1/1     Running   0          5m'),
    },
    {
      name: 'get all',
      lines: ['kubectl get all -l app=web'],
      want: text(
        'NAME                       READY   STATUS    RESTARTS   AGE',
        'pod/web-jvlr5hhcwx-l8dt5   1/1     Running   0          5m',
        'pod/web-jvlr5hhcwx-vrrfb   1/1     Running   0          5m',
        '',
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/web   2/2     2            2           5m',
        '',
        'NAME                             DESIRED   CURRENT   READY   AGE',
        'replicaset.apps/web-jvlr5hhcwx   2         2         2       5m',
      ),
    },
    { name: 'AGE follows the session clock', lines: ['kubectl run late --image=nginx', 'kubectl get pod late --no-headers'], elapsed: true, want: 'late   1/1   Running   0     0s\n' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = lastOf(labSession(LAB + (c.extra ?? ''), c.cluster as never), c.lines);
      expect(r.output).toBe(c.want);
      expect(r.exitCode).toBe(0);
    });
  }
});

describe('kubectl get machine-readable output', () => {
  const cases = [
    { name: '-o name', line: 'kubectl get pods -l app=web -o name', want: text('pod/web-jvlr5hhcwx-l8dt5', 'pod/web-jvlr5hhcwx-vrrfb') },
    { name: '-o name with groups', line: 'kubectl get deploy,svc -l app=web -o name', want: text('deployment.apps/web') },
    { name: '-o jsonpath', line: "kubectl get pods -l app=web -o jsonpath='{.items[*].status.podIP}'", want: '10.244.1.2 10.244.0.2' },
    { name: '-o jsonpath with range and a filter', line: `kubectl get svc -o jsonpath='{range .items[?(@.spec.type=="ClusterIP")]}{.metadata.name}{"\\n"}{end}'`, want: text('kubernetes', 'web') },
    { name: '-o custom-columns', line: 'kubectl get svc -o custom-columns=NAME:.metadata.name,IP:.spec.clusterIP', want: text('NAME         IP', 'kubernetes   10.96.0.1', 'web          10.96.0.11') },
  ];
  for (const c of cases) it(c.name, () => expect(lastOf(labSession(), [c.line]).output).toBe(c.want));

  it('-o yaml prints one named object with the fields the API server fills in', () => {
    expect(lastOf(labSession(), ['kubectl get svc web -o yaml']).output).toBe(
      text(
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  creationTimestamp: "2025-06-02T09:00:00Z"',
        '  name: web',
        '  namespace: default',
        '  resourceVersion: "49267"',
        '  uid: b09a9fc9-7411-40f6-8d1e-e6eff51260fc',
        'spec:',
        '  clusterIP: 10.96.0.11',
        '  clusterIPs:',
        '  - 10.96.0.11',
        '  internalTrafficPolicy: Cluster',
        '  ipFamilies:',
        '  - IPv4',
        '  ipFamilyPolicy: SingleStack',
        '  ports:',
        '  - port: 80',
        '    protocol: TCP',
        '    targetPort: 80',
        '  selector:',
        '    app: web',
        '  sessionAffinity: None',
        '  type: ClusterIP',
        'status:',
        '  loadBalancer: {}',
      ),
    );
  });

  it('-o yaml wraps lists in a List', () => {
    const out = lastOf(labSession(), ['kubectl get ns -o yaml']).output;
    expect(out.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Namespace\n')).toBe(true);
    expect(out.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
  });

  it('-o json indents by four spaces', () => {
    const out = lastOf(labSession(), ['kubectl get ns default -o json']).output;
    expect(out.startsWith('{\n    "apiVersion": "v1",\n    "kind": "Namespace",\n')).toBe(true);
    expect(JSON.parse(out).status).toEqual({ phase: 'Active' });
  });
});

describe('kubectl get errors, in kubectl words', () => {
  const cases = [
    { name: 'a missing object', line: 'kubectl get svc nope', want: 'Error from server (NotFound): services "nope" not found\n' },
    { name: 'a missing object of a grouped type', line: 'kubectl get deploy nope', want: 'Error from server (NotFound): deployments.apps "nope" not found\n' },
    { name: 'found and missing together', line: 'kubectl get svc web nope', want: text('NAME   TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE', 'web    ClusterIP   10.96.0.11   <none>        80/TCP    5m', 'Error from server (NotFound): services "nope" not found') },
    { name: 'an unknown resource type', line: 'kubectl get foo', want: 'error: the server doesn\'t have a resource type "foo"\n' },
    { name: 'an unknown flag', line: 'kubectl get pods --bogus', want: "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n" },
    { name: 'an unknown shorthand', line: 'kubectl get pods -z', want: "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n" },
    { name: 'nothing in a namespace', line: 'kubectl get pods -n empty', want: 'No resources found in empty namespace.\n', code: 0 },
    { name: 'names across all namespaces', line: 'kubectl get pods web -A', want: 'error: a resource cannot be retrieved by name across all namespaces\n' },
    { name: 'type/name mixed with a type', line: 'kubectl get pods pod/web', want: "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n" },
    { name: 'an unknown output format', line: 'kubectl get pods -o foo', want: 'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns, custom-columns-file, go-template, go-template-file, json, jsonpath, jsonpath-as-json, jsonpath-file, kyaml, name, template, templatefile, wide, yaml\n' },
    {
      name: 'no resource type',
      line: 'kubectl get',
      want: text(
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.',
        '',
        'error: Required resource not specified.',
        'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
        "See 'kubectl get -h' for help and examples",
      ),
    },
    { name: 'a mistyped command', line: 'kubectl gte pods', want: 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n' },
    { name: 'an unknown command without suggestions', line: 'kubectl frobnicate', want: 'error: unknown command "frobnicate" for "kubectl"\n' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = lastOf(labSession(), [c.line]);
      expect(r.output).toBe(c.want);
      expect(r.exitCode).toBe(c.code ?? 1);
    });
  }
});
