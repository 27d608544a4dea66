import { describe, expect, it } from 'vitest';
import { createEngineHost } from './host.ts';
import type { EngineCommand, SimulateReply, TraceReply } from './protocol.ts';

const file = 'playground.yaml';
// A Deployment behind a Service and a client pod (the worker does not import the app's default).
const WEB_YAML = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec: { containers: [{ name: nginx, image: nginx, ports: [{ containerPort: 80 }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Pod
metadata: { name: client }
spec: { containers: [{ name: curl, image: curlimages/curl }] }
`;
const simulate = (seq: number, text: string): EngineCommand => ({ command: 'simulate', seq, manifests: [{ file, text }] });
const trace = (seq: number, simulationSeq: number, to = 'http://web.default'): EngineCommand => ({
  command: 'trace',
  seq,
  simulationSeq,
  request: { from: 'pod/default/client', to },
  repeat: 2,
});

describe('createEngineHost', () => {
  it('simulates and answers with plain, structured-cloneable data', () => {
    const host = createEngineHost();
    const reply = host.handle(simulate(1, WEB_YAML)) as SimulateReply;
    expect(reply.command).toBe('simulate');
    expect(reply.seq).toBe(1);
    expect(reply.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(structuredClone(reply)).toEqual(reply);
  });

  const traceCases: Array<{ name: string; steps: EngineCommand[]; check: (reply: TraceReply) => void }> = [
    {
      name: 'traces in the simulation it names',
      steps: [simulate(1, WEB_YAML), trace(2, 1)],
      check: (r) => expect(Array.isArray(r.result) && r.result.length === 2 && r.result.every((t) => t.outcome === 'connected')).toBe(true),
    },
    {
      name: 'still finds the last clean simulation after an erroneous edit',
      steps: [simulate(1, WEB_YAML), simulate(2, 'a: b: c\n'), trace(3, 1)],
      check: (r) => expect(Array.isArray(r.result)).toBe(true),
    },
    {
      name: 'says the cluster changed when the simulation is long gone',
      steps: [simulate(1, WEB_YAML), ...[2, 3, 4, 5, 6].map((s) => simulate(s, `${WEB_YAML}\n# ${s}`)), trace(7, 0)],
      check: (r) => expect(r.result).toEqual({ error: expect.stringContaining('cluster changed') }),
    },
    {
      name: 'reports a bad reference as an error, not a throw',
      steps: [simulate(1, WEB_YAML), trace(2, 1, 'svc/default/nope:80')],
      check: (r) => expect('error' in r.result).toBe(true),
    },
  ];
  it.each(traceCases)('$name', ({ steps, check }) => {
    const host = createEngineHost();
    const replies = steps.map((s) => host.handle(s));
    const last = replies[replies.length - 1] as TraceReply;
    expect(last.command).toBe('trace');
    check(last);
  });

  it('runs a scenario file', () => {
    const host = createEngineHost();
    const text = `name: web answers\nmanifests: |\n${WEB_YAML.replace(/^/gm, '  ')}\nchecks:\n  - probe: { from: pod/default/client, to: http://web.default }\n    expect: { outcome: connected }\n`;
    const reply = host.handle({ command: 'runScenario', seq: 1, file: 'x.scenario.yaml', text });
    expect(reply.command).toBe('runScenario');
    if (reply.command !== 'runScenario') return;
    expect(reply.result.error).toBeUndefined();
    expect(reply.result.checks.map((c) => c.passed)).toEqual([true]);
  });

  it('answers an unknown command with an error reply', () => {
    const host = createEngineHost();
    const reply = host.handle({ command: 'explode', seq: 9 } as unknown as EngineCommand);
    expect(reply).toEqual({ command: 'error', seq: 9, message: 'unknown command explode' });
  });
});
