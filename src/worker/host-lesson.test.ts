import { describe, expect, it } from 'vitest';
import { parseLesson } from '../engine/lesson/parse.ts';
import { createEngineHost } from './host.ts';

// A lesson with one challenge and one prediction, small enough to read in the test.
const LESSON = `---
id: tiny
title: Tiny
objectives: [Expose a pod]
minutes: 5
---
# Tiny

:::challenge{#fix title="Fix the port"}
Fix it.

\`\`\`yaml start
apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec: { containers: [{ name: app, image: nginx, ports: [{ containerPort: 80 }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80, targetPort: 8080 }] }
\`\`\`

\`\`\`yaml solution
apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec: { containers: [{ name: app, image: nginx, ports: [{ containerPort: 80 }] }] }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80 }] }
\`\`\`

\`\`\`yaml checks
- name: the pod answers on 80
  probe: { from: node/node-1, to: 'pod/default/web:80' }
  expect: { outcome: connected }
- name: the Service answers on 80
  probe: { from: node/node-1, to: 'svc/default/web:80' }
  expect: { outcome: connected }
\`\`\`

:::explanation
Because.
:::
:::

:::quiz{#guess type=predict scenario="s.scenario.yaml"}
What happens?

\`\`\`yaml predict
probe: { from: external, to: '10.96.0.11:80' }
\`\`\`
:::explanation
It is a ClusterIP.
:::
:::
`;

const SCENARIO = `name: S
manifests: |
  apiVersion: v1
  kind: Service
  metadata: { name: web }
  spec: { ports: [{ port: 80 }] }
checks: []
`;

function tinyLesson() {
  const parsed = parseLesson('lessons/01-tiny/lesson.md', LESSON);
  if ('errors' in parsed) throw new Error(parsed.errors.map((e) => `${e.line}: ${e.message}`).join('\n'));
  return parsed.lesson;
}

describe('engine host: lesson commands', () => {
  const lesson = tinyLesson();
  const challenge = lesson.blocks.find((b) => b.kind === 'challenge');
  if (challenge?.kind !== 'challenge') throw new Error('no challenge');

  it.each([
    { name: 'the starting YAML fails the endpoints check', yaml: challenge.start, passed: false, checks: [true, false] },
    { name: 'the solution passes', yaml: challenge.solution, passed: true, checks: [true, true] },
    { name: 'a syntax error fails every check', yaml: 'a: b: c', passed: false, checks: [false, false] },
  ])('gradeChallenge: $name', ({ yaml, passed, checks }) => {
    const reply = createEngineHost().handle({ command: 'gradeChallenge', seq: 1, challenge, yaml });
    if (reply.command !== 'gradeChallenge') throw new Error(JSON.stringify(reply));
    expect(reply.result.passed).toBe(passed);
    expect(reply.result.results.map((r) => r.passed)).toEqual(checks);
  });

  it('resolvePredictions answers from the scenario, and says when a file is missing', () => {
    const host = createEngineHost();
    const ok = host.handle({ command: 'resolvePredictions', seq: 1, lesson, files: { 'lessons/01-tiny/s.scenario.yaml': SCENARIO } });
    if (ok.command !== 'resolvePredictions') throw new Error(JSON.stringify(ok));
    expect(ok.errors).toEqual([]);
    const quiz = ok.lesson.blocks.find((b) => b.kind === 'quiz');
    expect(quiz?.kind === 'quiz' && quiz.item.type === 'predict' && quiz.item.prediction?.correct).toEqual(['timeout']);
    const missing = host.handle({ command: 'resolvePredictions', seq: 2, lesson, files: {} });
    expect(missing.command === 'resolvePredictions' && missing.errors.map((e) => e.message)).toEqual([expect.stringContaining('scenario file not found')]);
  });
});
