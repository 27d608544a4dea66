// Synthetic clusters for the benchmarks: YAML text, as the editor would hand it to the engine.

/** A lesson-sized cluster: ~40 objects (Deployments, Services of every type, a NetworkPolicy). */
export function lessonYaml(): string {
  const docs: string[] = [];
  for (let i = 0; i < 10; i++) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
spec:
  replicas: 2
  selector:
    matchLabels: {app: app-${i}}
  template:
    metadata:
      labels: {app: app-${i}, tier: ${i % 2 ? 'backend' : 'frontend'}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - {name: http, containerPort: 80}`);
    docs.push(`apiVersion: v1
kind: Service
metadata:
  name: app-${i}
spec:
  type: ${['ClusterIP', 'NodePort', 'LoadBalancer'][i % 3]}
  selector: {app: app-${i}}
  ports:
  - {name: http, port: 80, targetPort: http}`);
  }
  for (let i = 0; i < 18; i++) docs.push(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: client-${i}\n  labels: {role: client}\nspec:\n  containers:\n  - name: c\n    image: curlimages/curl`);
  docs.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-frontend
spec:
  podSelector:
    matchLabels: {tier: backend}
  ingress:
  - from:
    - podSelector:
        matchLabels: {tier: frontend}`);
  docs.push('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: other');
  return docs.join('\n---\n');
}

/** A large cluster: `pods` pods in Deployments of 4 replicas and `services` Services across namespaces. */
export function largeYaml(pods: number, services: number, namespaces = 20): string {
  const docs: string[] = [];
  const deployments = Math.ceil(pods / 4);
  for (let i = 0; i < deployments; i++) {
    const replicas = Math.min(4, pods - i * 4);
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: ns-${i % namespaces}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: app-${i}}
  template:
    metadata:
      labels: {app: app-${i}}
    spec:
      containers:
      - name: web
        image: nginx
        ports:
        - {name: http, containerPort: 8080}`);
  }
  for (let i = 0; i < services; i++) {
    const d = i % deployments;
    docs.push(`apiVersion: v1
kind: Service
metadata:
  name: svc-${i}
  namespace: ns-${d % namespaces}
spec:
  type: ${i % 10 === 0 ? 'NodePort' : 'ClusterIP'}
  selector: {app: app-${d}}
  ports:
  - {name: http, port: 80, targetPort: http}`);
  }
  return docs.join('\n---\n');
}
