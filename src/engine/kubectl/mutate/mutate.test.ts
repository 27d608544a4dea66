import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { LAB, labSession, lastOf, runLines, text } from '../fixtures.test-helpers.ts';

/** The objects of a manifests text, as plain data. */
function objects(yaml: string): Array<Record<string, unknown>> {
  return parseAllDocuments(yaml).map((d) => d.toJS() as Record<string, unknown>).filter(Boolean);
}

function find(yaml: string, kind: string, name: string): Record<string, unknown> | undefined {
  return objects(yaml).find((o) => o.kind === kind && (o.metadata as Record<string, unknown>).name === name);
}

describe('commands that change the cluster change the editor text', () => {
  it('scale sets spec.replicas in the Deployment document, leaving the rest of the text alone', () => {
    const r = lastOf(labSession(), ['kubectl scale deployment web --replicas=3']);
    expect(r.output).toBe('deployment.apps/web scaled\n');
    expect(r.manifestsChanged).toBe(true);
    expect(r.session.manifests.text).toBe(LAB.replace('replicas: 2', 'replicas: 3'));
  });

  it('new pods are young, old ones keep their age', () => {
    const [, r] = runLines(labSession(), ['kubectl scale deploy web --replicas=3', 'kubectl get pods -l app=web --no-headers']);
    expect(r!.output).toBe(text('web-jvlr5hhcwx-bnz9w   1/1   Running   0     0s', 'web-jvlr5hhcwx-l8dt5   1/1   Running   0     5m', 'web-jvlr5hhcwx-vrrfb   1/1   Running   0     5m'));
  });

  it('label and annotate write metadata; KEY- removes; --overwrite is needed to change a value', () => {
    const results = runLines(labSession(), [
      'kubectl label pod client tier=fe',
      'kubectl label pod client app=other',
      'kubectl label pod client app=other --overwrite',
      'kubectl label pod client tier-',
      'kubectl label pod client nope-',
      'kubectl annotate svc web team=net',
    ]);
    expect(results.map((r) => r.output)).toEqual([
      'pod/client labeled\n',
      "error: 'app' already has a value (client), and --overwrite is false\n",
      'pod/client labeled\n',
      'pod/client unlabeled\n',
      'label "nope" not found.\npod/client not labeled\n',
      'service/web annotated\n',
    ]);
    const yaml = results[results.length - 1]!.session.manifests.text;
    expect((find(yaml, 'Pod', 'client')!.metadata as Record<string, unknown>).labels).toEqual({ app: 'other' });
    expect((find(yaml, 'Service', 'web')!.metadata as Record<string, unknown>).annotations).toEqual({ team: 'net' });
  });

  it('a pod a controller creates cannot be relabelled on its own', () => {
    const r = lastOf(labSession(), ['kubectl label pod web-jvlr5hhcwx-l8dt5 x=y']);
    expect(r.output).toBe('error: pod "web-jvlr5hhcwx-l8dt5" is created by Deployment web: a change to it alone would be undone by its controller, so change Deployment web in the editor instead\n');
    expect(r.manifestsChanged).toBeUndefined();
  });

  it('labelling an implicit namespace writes a Namespace document', () => {
    const yaml = `${LAB}---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: c, namespace: team-a }\n`;
    const r = lastOf(labSession(yaml), ['kubectl label ns team-a purpose=demo']);
    expect(r.output).toBe('namespace/team-a labeled\n');
    expect(find(r.session.manifests.text, 'Namespace', 'team-a')).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { labels: { purpose: 'demo' }, name: 'team-a' } });
  });

  it('changing a built-in object copies it into the editor, where the later document wins', () => {
    const [scale, get] = runLines(labSession(), ['kubectl scale deploy coredns -n kube-system --replicas=0', 'kubectl get deploy -n kube-system']);
    expect(scale!.output).toBe('deployment.apps/coredns scaled\n');
    const copy = find(scale!.session.manifests.text, 'Deployment', 'coredns')!;
    expect((copy.spec as Record<string, unknown>).replicas).toBe(0);
    expect(get!.output).toBe(text('NAME      READY   UP-TO-DATE   AVAILABLE   AGE', 'coredns   0/0     0            0           5m'));
  });

  it('delete removes the document; a controller-made pod is recreated; missing objects are NotFound', () => {
    const results = runLines(labSession(), ['kubectl delete svc web', 'kubectl delete pod web-jvlr5hhcwx-l8dt5', 'kubectl delete pod nope', 'kubectl delete ns default', 'kubectl delete svc kubernetes']);
    expect(results.map((r) => r.output)).toEqual([
      'service "web" deleted from default namespace\n',
      'pod "web-jvlr5hhcwx-l8dt5" deleted from default namespace\n',
      'Error from server (NotFound): pods "nope" not found\n',
      'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted\n',
      'error: service "kubernetes" comes from the simulated cluster itself (or an addon), not from lab.yaml: NetLab cannot delete it\n',
    ]);
    expect(find(results[0]!.session.manifests.text, 'Service', 'web')).toBeUndefined();
    expect(results[1]!.manifestsChanged).toBeUndefined();
  });

  it('delete with --force --grace-period=0, by label, and a namespace with everything in it', () => {
    const yaml = `${LAB}---\napiVersion: v1\nkind: Namespace\nmetadata: { name: tmp }\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: c, namespace: tmp }\n`;
    const results = runLines(labSession(yaml), ['kubectl delete pod -l app=client --force --grace-period=0', 'kubectl delete ns tmp']);
    expect(results[0]!.output).toBe('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\npod "client" force deleted from default namespace\n');
    expect(results[1]!.output).toBe('namespace "tmp" deleted\n');
    expect(objects(results[1]!.session.manifests.text).map((o) => o.kind)).toEqual(['Deployment', 'Service', 'Pod']);
  });

  it('apply -f creates, configures, leaves unchanged, and refuses what the API server would reject', () => {
    const files = {
      'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 8080\n    targetPort: 80\n',
      'new.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n',
      'bad.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: bad\nspec:\n  ports:\n  - port: 0\n',
      'crd.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n',
    };
    const results = runLines(labSession(LAB, undefined, files), ['kubectl apply -f svc.yaml', 'kubectl apply -f svc.yaml', 'kubectl apply -f new.yaml', 'kubectl apply -f bad.yaml', 'kubectl apply -f crd.yaml', 'kubectl apply -f missing.yaml', 'kubectl apply -f lab.yaml']);
    expect(results.map((r) => r.output)).toEqual([
      'service/web configured\n',
      'service/web unchanged\n',
      'configmap/settings created\n',
      'The Service "bad" is invalid: \n* spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive\n',
      'error: resource mapping not found for name: "w" namespace: "" from "crd.yaml": no matches for kind "Widget" in version "example.com/v1"\nensure CRDs are installed first\n',
      'error: the path "missing.yaml" does not exist\n',
      'deployment.apps/web unchanged\nservice/web unchanged\npod/client unchanged\npod/box unchanged\nconfigmap/settings unchanged\n',
    ]);
    const yaml = results[results.length - 1]!.session.manifests.text;
    expect(yaml).toContain('  - port: 8080\n    targetPort: 80\n');
    expect(find(yaml, 'Service', 'bad')).toBeUndefined();
  });

  it('create writes what --dry-run=client -o yaml would print', () => {
    const results = runLines(labSession(), [
      'kubectl create deployment api --image=hashicorp/http-echo:1.0 --replicas=2 --port=5678',
      'kubectl create service nodeport api --tcp=80:5678 --node-port=30090',
      'kubectl create namespace team',
      'kubectl create namespace team',
      'kubectl create deployment web --image=nginx',
      'kubectl create secret generic x',
      'kubectl create svc clusterip x',
    ]);
    expect(results.map((r) => r.output)).toEqual([
      'deployment.apps/api created\n',
      'service/api created\n',
      'namespace/team created\n',
      'Error from server (AlreadyExists): namespaces "team" already exists\n',
      'error: failed to create deployment: deployments.apps "web" already exists\n',
      'error: kubectl create secret is not simulated in NetLab: write the object in the editor instead\n',
      'error: at least one tcp port specifier must be provided\n',
    ]);
    const yaml = results[results.length - 1]!.session.manifests.text;
    expect(yaml.slice(LAB.length)).toBe(`---
apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: api
  name: api
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - image: hashicorp/http-echo:1.0
        name: http-echo
        ports:
        - containerPort: 5678
---
apiVersion: v1
kind: Service
metadata:
  labels:
    app: api
  name: api
spec:
  ports:
  - name: 80-5678
    nodePort: 30090
    port: 80
    protocol: TCP
    targetPort: 5678
  selector:
    app: api
  type: NodePort
---
apiVersion: v1
kind: Namespace
metadata:
  name: team
`);
  });

  it('expose introspects the selector and ports', () => {
    const results = runLines(labSession(), ['kubectl expose deployment web --name web-np --type NodePort --port 8080 --target-port 80', 'kubectl expose pod box', 'kubectl expose node node-1']);
    expect(results.map((r) => r.output)).toEqual(['service/web-np exposed\n', "error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n", 'error: cannot expose a Node\n']);
    expect(find(results[0]!.session.manifests.text, 'Service', 'web-np')).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { labels: { app: 'web' }, name: 'web-np' },
      spec: { ports: [{ port: 8080, protocol: 'TCP', targetPort: 80 }], selector: { app: 'web' }, type: 'NodePort' },
    });
  });

  it('run creates a pod; its flag rules are kubectl\'s', () => {
    const results = runLines(labSession(), ['kubectl run nginx --image=nginx --port=80 --labels=app=nginx', 'kubectl run x --image=nginx --rm', 'kubectl run x --image=nginx -t', 'kubectl run x', 'kubectl run nginx --image=nginx']);
    expect(results.map((r) => r.output)).toEqual([
      'pod/nginx created\n',
      'error: --rm should only be used for attached containers\n',
      'error: -i/--stdin is required for containers with -t/--tty=true\n',
      'error: --image is required\n',
      'Error from server (AlreadyExists): pods "nginx" already exists\n',
    ]);
    expect(find(results[0]!.session.manifests.text, 'Pod', 'nginx')).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { labels: { app: 'nginx' }, name: 'nginx' }, spec: { containers: [{ image: 'nginx', name: 'nginx', ports: [{ containerPort: 80 }] }] } });
  });

  it('cordon and uncordon write a Node document; the scheduler then avoids the node', () => {
    const results = runLines(labSession(), ['kubectl cordon node-2', 'kubectl cordon node-2', 'kubectl get pods -o wide --no-headers -l app=web', 'kubectl uncordon node-2', 'kubectl cordon node-9']);
    expect(results[0]!.output).toBe('node/node-2 cordoned\n');
    expect(results[1]!.output).toBe('node/node-2 already cordoned\n');
    expect(results[2]!.output).not.toContain('node-2');
    expect(results[3]!.output).toBe('node/node-2 uncordoned\n');
    expect(results[4]!.output).toBe('Error from server (NotFound): nodes "node-9" not found\n');
    expect(find(results[0]!.session.manifests.text, 'Node', 'node-2')).toEqual({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-2' }, spec: { unschedulable: true } });
  });

  it('drain refuses pods without a controller unless forced, as kubectl does', () => {
    const [refused, forced] = runLines(labSession(), ['kubectl drain node-2', 'kubectl drain node-2 --force']);
    expect(refused!.output).toBe(
      text(
        'node/node-2 cordoned',
        'error: unable to drain node "node-2" due to error: cannot delete Pods that declare no controller (use --force to override): default/box, continuing command...',
        'There are pending nodes to be drained:',
        ' node-2',
        'cannot delete Pods that declare no controller (use --force to override): default/box',
      ),
    );
    expect(refused!.exitCode).toBe(1);
    // Cordoning gave the bare pod the spec.nodeName the scheduler had chosen, so it is still there.
    expect(refused!.session.manifests.text).toContain('nodeName: node-2');
    expect(forced!.output).toBe(text('node/node-2 already cordoned', 'Warning: deleting Pods that declare no controller: default/box', 'evicting pod default/box', 'evicting pod kube-system/coredns-qc5cg9zs7r-k72gg', 'pod/box evicted', 'pod/coredns-qc5cg9zs7r-k72gg evicted', 'node/node-2 drained'));
    expect(find(forced!.session.manifests.text, 'Pod', 'box')).toBeUndefined();
  });

  it('rollout restart stamps the template, so the pods get new names', () => {
    const [restart, pods, status] = runLines(labSession(), ['kubectl rollout restart deployment/web', 'kubectl get pods -l app=web -o name', 'kubectl rollout status deploy web']);
    expect(restart!.output).toBe('deployment.apps/web restarted\n');
    const template = (find(restart!.session.manifests.text, 'Deployment', 'web')!.spec as { template: { metadata: { annotations: Record<string, string> } } }).template;
    expect(template.metadata.annotations).toEqual({ 'kubectl.kubernetes.io/restartedAt': '2025-06-02T09:05:00Z' });
    expect(pods!.output).not.toContain('web-jvlr5hhcwx');
    expect(status!.output).toBe('deployment "web" successfully rolled out\n');
  });
});
