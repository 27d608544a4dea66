// Small lessons and scenarios for the lesson module's tests.

export const MANIFESTS = `apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec: { containers: [{ name: web, image: nginx }] }
---
apiVersion: v1
kind: Pod
metadata: { name: client }
spec: { containers: [{ name: c, image: busybox }] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: SELECTOR }, ports: [{ port: 80 }] }
`;

/** The manifests with the Service's selector set to `app: <selector>`. */
export const manifests = (selector: string) => MANIFESTS.replace('SELECTOR', selector);

export const PLAYGROUND = `name: demo
manifests: |
${manifests('web').split('\n').map((l) => `  ${l}`).join('\n')}
`;

/** A challenge directive whose start has the wrong selector and whose solution fixes it. */
export function challenge(id: string, start = manifests('webb'), solution = manifests('web')): string {
  return `:::challenge{#${id} title="Fix the selector"}
The Service selects nothing: fix it.

\`\`\`yaml start
${start}\`\`\`

\`\`\`yaml solution
${solution}\`\`\`

\`\`\`yaml checks
- probe: { from: pod/default/client, to: http://web/ }
  expect: { outcome: connected, status: 200 }
- endpoints: svc/default/web
  expect: { ready: [10.244.0.2:80] }
\`\`\`

:::hint
Compare the selector with the pod's labels.
:::

:::explanation
A Service sends traffic to the ready pods its selector matches.
:::
:::
`;
}

export const QUIZZES = `:::quiz{#pick type=single}
Which object gives pods a stable virtual IP?
- [ ] Pod
- [x] Service
- [ ] EndpointSlice
:::explanation
A Service's ClusterIP.
:::
:::

:::quiz{#many type=multiple}
Which are Service types?
- [x] ClusterIP
- [x] NodePort
- [ ] HostPort
:::explanation
HostPort is a container field.
:::
:::

:::quiz{#steps type=ordering}
Put in order.
1. DNS lookup
2. DNAT to a pod
3. Delivery
:::explanation
Name first, then kube-proxy, then the pod.
:::
:::

:::quiz{#dns-ip type=short}
What is the ClusterIP of kube-dns?
\`\`\`accept
10.96.0.10
\`\`\`
:::explanation
The tenth address of the Service CIDR.
:::
:::

:::quiz{#guess type=predict}
What does the client see?
\`\`\`yaml predict
probe: { from: pod/default/client, to: http://web/ }
\`\`\`
:::explanation
The selector matches the pod.
:::
:::
`;

export const FRONTMATTER = `---
id: demo
title: Demo lesson
objectives:
  - Fix a Service
minutes: 10
prerequisites: []
tags: [CKA:services-networking]
---
`;

/** A lesson that meets every lint minimum. */
export const FULL_LESSON = `${FRONTMATTER}# Services

Text.

::playground{scenario="playground.scenario.yaml"}

${challenge('one')}
${challenge('two')}
${QUIZZES}
:::cheatsheet
- \`kubectl get endpointslices -l kubernetes.io/service-name=web\`
:::
`;

/** A readFile over an in-memory tree. */
export const reader = (files: Record<string, string>) => (path: string) => files[path];
