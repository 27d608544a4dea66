// The built-in first lesson, shown until `lessons/` has its own.

/** Markdown of the welcome lesson. */
export const WELCOME_LESSON = `---
title: Welcome to NetLab
---
# Welcome to NetLab

NetLab is a Kubernetes cluster that runs in your browser. Edit the YAML on the left and the
diagram follows: Pods, Services and the EndpointSlices that tie them together.

## Try it

1. Change \`replicas: 2\` to \`replicas: 3\` in the Deployment and watch a third pod appear.
2. In **Request**, send a request from \`client\` to \`http://web.default\`.
3. Step through the hops: the DNS lookup through CoreDNS, kube-proxy's DNAT from the
   Service's ClusterIP to one pod, and the answer.
4. Break the Service: change its selector to \`app: webb\`. The Service loses its endpoints and
   kube-proxy rejects the connection. Send the request again and read why.

## What you are looking at

- A **Service** gets a stable virtual IP (its *ClusterIP*). Nothing listens on it.
- The **EndpointSlice controller** lists the ready pods matching the Service's selector.
- **kube-proxy** on every node rewrites packets sent to the ClusterIP to one of those pods.

Everything is simulated from the YAML: nothing leaves your browser.
`;
