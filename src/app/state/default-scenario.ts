// The playground's starting YAML: a Deployment behind a Service and a client pod to send from.

/** The file name the playground's YAML has in diagnostics and the editor. */
export const PLAYGROUND_FILE = 'playground.yaml';

/** The default scenario's manifests. */
export const DEFAULT_PLAYGROUND_YAML = `# Edit me: the diagram follows as you type.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx
          ports:
            - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: client
  labels:
    app: client
spec:
  containers:
    - name: curl
      image: curlimages/curl
`;
