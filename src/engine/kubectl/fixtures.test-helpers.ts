// Manifests and helpers the kubectl tests share: a small lab (a Deployment behind a Service, a
// curl client, a busybox pod) and a way to run a sequence of command lines.

import type { ClusterBlock } from '../cluster/settings.ts';
import { runCommandLine } from './run.ts';
import { createSession, type CommandResult, type TerminalSession } from './session.ts';

export const LAB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
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
        image: nginx:1.27
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
    image: curlimages/curl:8.11.1
    command: ["sleep", "infinity"]
---
apiVersion: v1
kind: Pod
metadata:
  name: box
  labels:
    app: box
spec:
  containers:
  - name: box
    image: busybox:1.36
`;

/** A session on the given manifests (the lab by default). */
export function labSession(text: string = LAB, cluster?: ClusterBlock, files?: Record<string, string>): TerminalSession {
  return createSession({ file: 'lab.yaml', text }, { ...(cluster ? { cluster } : {}), ...(files ? { files } : {}) });
}

/** Runs lines in order; returns every result (each with the session after it). */
export function runLines(session: TerminalSession, lines: string[]): CommandResult[] {
  const results: CommandResult[] = [];
  let s = session;
  for (const line of lines) {
    const r = runCommandLine(s, line, { elapsedSeconds: 0 });
    results.push(r);
    s = r.session;
  }
  return results;
}

/** The result of the last of the lines. */
export function lastOf(session: TerminalSession, lines: string[]): CommandResult {
  const all = runLines(session, lines);
  return all[all.length - 1]!;
}

/** Joins lines with newlines and a final newline (for readable golden output). */
export function text(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
